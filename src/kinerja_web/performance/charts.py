"""The comparison page's charts, drawn on the server as SVG.

Server-side SVG works offline and on any phone browser without JavaScript, prints, and its
numbers are formatted by the same code as the tables (``kinerja.formatting``, the active
language). Each chart is a ``SafeString`` of one ``<svg>`` with a ``<title>`` per mark (the
browser shows it on hover or long press).

The charts fill the width they are given and keep their text at its size in pixels, as the
dashboards' bar charts do (``dashboard_charts``): there is no scaled ``viewBox`` (one drew
10-unit labels at 5 px on a 360-pixel phone). Horizontal positions are percentages of the
chart's width, vertical ones and every text size are pixels, so the chart is as tall on a phone
as on a desktop and only its width changes. Lines between points are drawn as ``<line>``
segments, whose ends take percentages (a ``<polyline>``'s points cannot). Labels are fitted for
the narrowest drawing (:data:`NARROW`, a 360-pixel phone's chart); a wider screen only gives
them more room. Axis names are written across the top, not turned on their side.

- :func:`score_trend`: the total score of each period on the time axis, with the rating-band
  limits and innovation-log events marked as numbered vertical lines.
- :func:`contributions`: each period's total as a stack of its indicators' scores.
- :func:`turnover_and_hr`: turnover per period (bars, left axis) against the scores of the
  human-resources indicators (lines, right axis), events marked.

Nothing is computed here but positions: scores, totals and turnover come from the comparison.
"""

from __future__ import annotations

import datetime
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kinerja.formatting import format_number, format_rupiah
from kinerja_web.performance.comparison import Comparison
from kinerja_web.programs.bands import program_bands

#: Pixels: the width labels and margins are fitted for (a 360-pixel phone leaves a chart about
#: 318), and a desktop column's (a bar is at most 80 pixels wide there).
NARROW, WIDE = 310.0, 560.0
#: Pixels: chart widths at which labels are checked to keep apart (phones of 320 to 430 pixels,
#: a desktop's half column, a tablet's full one).
WIDTHS = (280.0, 300.0, 318.0, 340.0, 370.0, 400.0, 450.0, 520.0, 600.0, 720.0, 900.0)
#: Text sizes in pixels, as the reader sees them (never under 11).
TICK_SIZE, TITLE_SIZE, VALUE_SIZE, PERIOD_SIZE, BAND_SIZE, EVENT_SIZE = 12, 12, 12, 11, 11, 11
#: Pixels: the axis names' row at the top, and the plot's top under it.
TITLE_ROW = 14
TOP = 36
#: Pixels: the plot's height, the same on every screen.
PLOT = 210
#: Pixels under the plot: a period's name on up to two lines, then up to three rows of event numbers.
LABEL_ROWS = 2 * (PERIOD_SIZE + 2) + 8
EVENT_ROW, EVENT_RADIUS, EVENT_ROWS = 18, 8, 3
#: Per cent of the width between two periods' slots on the time axis.
GAP = 1.2
#: Colour-blind-safe palette (Okabe-Ito, then Tol's muted), cycled for more series.
PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#332288",
    "#88CCEE",
    "#44AA99",
    "#117733",
    "#999933",
    "#AA4499",
    "#882255",
)
EVENT_COLOUR = "#a3261b"

#: Advance widths in ems of DejaVu Sans (Debian's and many phones' sans-serif; Roboto and San
#: Francisco are narrower), each class at its widest letter, so an estimate is never short.
_WIDTH_CLASSES = (
    (0.28, frozenset("ijlIJ'")),
    (0.37, frozenset(" .,:;|/f-")),
    (0.42, frozenset("()[]t!r")),
    (0.64, frozenset("abcdeghknopqsuvxyzLFPTYES0123456789")),
    (0.79, frozenset("KAVXZBRCUNHDGOQ&w+≈")),
)
_OTHER_WIDTH = 1.0


def colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def _locale() -> str:
    return "id" if (get_language() or "id").startswith("id") else "en"


def _num(value: float, places: int = 2) -> str:
    return format_number(value, places, _locale())


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width in pixels of ``text`` at ``size`` pixels: never under DejaVu Sans's."""
    ems = sum(next((em for em, chars in _WIDTH_CLASSES if char in chars), _OTHER_WIDTH) for char in text)
    return ems * size * (1.27 if bold else 1.0)


def _pixels(percent: float, width: float) -> float:
    return percent * width / 100


@dataclass(frozen=True)
class _Frame:
    """A chart's frame: height and vertical margins in pixels, horizontal margins in per cent."""

    height: float
    bottom: float
    left: float
    right: float
    top: float = TOP

    @property
    def base(self) -> float:
        """y of the plot's bottom edge (the value 0)."""
        return self.height - self.bottom

    @property
    def end(self) -> float:
        """x, in per cent, of the plot's right edge."""
        return 100 - self.right

    def y(self, value: float, top: float) -> float:
        """Vertical position of ``value`` on an axis from 0 to ``top``."""
        plot = self.base - self.top
        return self.base - (value / top * plot if top else 0)


def _margin(labels: Sequence[str], size: float = TICK_SIZE, room: float = 8) -> float:
    """Per cent of the width that holds the widest of ``labels`` and ``room`` pixels at :data:`NARROW`."""
    widest = max((text_width(label, size) for label in labels), default=0.0)
    return (widest + room) / NARROW * 100


class _TimeAxis:
    """Time, piecewise: each period gets an equal slot in which its days run linearly.

    Periods of one comparison can be years apart (the paper's 2021 month quarters and 2026's
    quarters); a plain calendar axis would squeeze them into slivers. Within a slot, a date's
    place is exact, so an event sits where it happened in its period; a date between periods
    sits in the gap between their slots, which is marked as a break when days are skipped.
    Positions are per cent of the chart's width.
    """

    def __init__(self, periods: Sequence[Any], frame: _Frame) -> None:
        self.periods = list(periods)
        self.frame = frame
        count = max(len(self.periods), 1)
        self.slot = (frame.end - frame.left - GAP * (count - 1)) / count

    def span(self, index: int) -> tuple[float, float]:
        x0 = self.frame.left + index * (self.slot + GAP)
        return x0, x0 + self.slot

    def x(self, day: datetime.date) -> float:
        for index, period in enumerate(self.periods):
            if period.start <= day <= period.end:
                x0, _x1 = self.span(index)
                days = (period.end - period.start).days + 1
                return x0 + ((day - period.start).days + 0.5) / days * self.slot
        for index, period in enumerate(self.periods):
            if day < period.start:
                return self.span(index)[0] - GAP / 2 if index else self.frame.left
        return self.frame.end

    def middle(self, index: int) -> float:
        x0, x1 = self.span(index)
        return (x0 + x1) / 2

    def breaks(self) -> list[float]:
        """x of each gap between two periods that skips days."""
        out = []
        for index in range(1, len(self.periods)):
            if self.periods[index].start > self.periods[index - 1].end + datetime.timedelta(days=1):
                out.append(self.span(index)[0] - GAP / 2)
        return out


def nice_ticks(maximum: float, count: int = 5) -> list[float]:
    """Round tick values from 0 up to at least ``maximum`` (steps of 1, 2, 2.5 or 5 times a power of 10)."""
    if maximum <= 0:
        return [0.0, 1.0]
    raw = maximum / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    ticks = [0.0]
    while ticks[-1] < maximum - 1e-9:
        ticks.append(ticks[-1] + step)
    return ticks


def _tick_labels(ticks: Sequence[float]) -> list[str]:
    """Tick values without decimals when every one is whole, else with one."""
    places = 0 if all(tick == int(tick) for tick in ticks) else 1
    return [_num(tick, places) for tick in ticks]


def _open(frame: _Frame, label: str, description: str) -> list[str]:
    return [
        f'<svg class="chart" width="100%" height="{frame.height:.0f}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(label)}</title><desc>{escape(description)}</desc>",
    ]


def _text(
    x: float, y: float, text: str, *, anchor: str = "middle", size: int, cls: str = "", dx: float = 0
) -> str:
    """``text`` at ``x`` per cent of the width (moved ``dx`` pixels) and ``y`` pixels."""
    klass = f' class="{cls}"' if cls else ""
    shift = f' dx="{dx:g}"' if dx else ""
    position = f'x="{x:.2f}%"{shift} y="{y:.1f}" text-anchor="{anchor}" font-size="{size}"'
    return f"<text {position}{klass}>{escape(text)}</text>"


def _line(x1: float, y1: float, x2: float, y2: float, attributes: str) -> str:
    return f'<line x1="{x1:.2f}%" x2="{x2:.2f}%" y1="{y1:.1f}" y2="{y2:.1f}" {attributes}/>'


def _axis_titles(left: str, right: str = "") -> tuple[list[str], float]:
    """The axes' names across the top (left axis at the left edge, right axis at the right one,
    on a second row when both do not fit a phone's width); returns the parts and the plot's top."""
    parts = [_text(0, TITLE_ROW, left, anchor="start", size=TITLE_SIZE, cls="axis-title")]
    if not right:
        return parts, TOP
    both = text_width(left, TITLE_SIZE) + text_width(right, TITLE_SIZE) + 16
    row = TITLE_ROW if both <= NARROW else TITLE_ROW + TITLE_SIZE + 4
    parts.append(_text(100, row, right, anchor="end", size=TITLE_SIZE, cls="axis-title"))
    return parts, TOP + row - TITLE_ROW


def _left_axis(frame: _Frame, ticks: Sequence[float], top: float, labels: Sequence[str]) -> list[str]:
    parts = []
    for tick, label in zip(ticks, labels, strict=True):
        y = frame.y(tick, top)
        parts.append(_line(frame.left, y, frame.end, y, 'class="grid"'))
        parts.append(_text(frame.left, y + 4, label, anchor="end", size=TICK_SIZE, dx=-5, cls="tick"))
    return parts


def _right_axis(frame: _Frame, ticks: Sequence[float], top: float, labels: Sequence[str]) -> list[str]:
    return [
        _text(frame.end, frame.y(tick, top) + 4, label, anchor="start", size=TICK_SIZE, dx=5, cls="tick")
        for tick, label in zip(ticks, labels, strict=True)
    ]


def _period_bands(comparison: Comparison, axis: _TimeAxis) -> list[str]:
    """The periods' slots on the time axis (alternately shaded), their names, and breaks in time."""
    frame = axis.frame
    parts = []
    for index, period in enumerate(comparison.periods):
        x0, x1 = axis.span(index)
        if index % 2 == 0:
            parts.append(
                f'<rect x="{x0:.2f}%" y="{frame.top:.0f}" width="{x1 - x0:.2f}%" '
                f'height="{frame.base - frame.top:.0f}" class="period-band"/>'
            )
        parts.append(_period_label((x0 + x1) / 2, frame.base + PERIOD_SIZE + 4, period.name, x1 - x0 + GAP))
    for x in axis.breaks():
        parts.append(_text(x, frame.base + 4, "≈", size=12, cls="faint"))
    return parts


def _fit(text: str, room: float, size: float) -> str:
    """``text``, cut with an ellipsis if it is wider than ``room`` pixels."""
    if text_width(text, size) <= room:
        return text
    while len(text) > 1 and text_width(text + "…", size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def _label_lines(name: str, room: float, size: float = PERIOD_SIZE) -> list[str]:
    """``name`` on one line if it fits in ``room`` pixels, else split between words into two
    balanced lines, each cut with an ellipsis if it still does not fit."""
    room -= 4
    if text_width(name, size) <= room:
        return [name]
    words = name.split()
    if len(words) < 2:
        return [_fit(name, room, size)]
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    first, second = min(splits, key=lambda lines: max(text_width(lines[0], size), text_width(lines[1], size)))
    return [_fit(first, room, size), _fit(second, room, size)]


def _period_label(x: float, y: float, name: str, room: float, size: int = PERIOD_SIZE) -> str:
    """A period's name under its slot (``room``: per cent of the width), on up to two lines; the
    full name is in its tooltip."""
    lines = _label_lines(name, _pixels(room, NARROW), size)
    spans = "".join(
        f'<tspan x="{x:.2f}%" dy="{0 if i == 0 else size + 2}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return (
        f"<g><title>{escape(name)}</title>"
        f'<text x="{x:.2f}%" y="{y:.1f}" text-anchor="middle" font-size="{size}" class="period-label">'
        f"{spans}</text></g>"
    )


def _event_places(comparison: Comparison, axis: _TimeAxis) -> list[tuple[float, int]]:
    """(x, row) of each event's number: numbers closer than a number's width on a phone are stacked."""
    placed: list[tuple[float, int]] = []
    for event in comparison.events:
        x = axis.x(event.date)
        near = sum(1 for other, _row in placed if abs(_pixels(other - x, NARROW)) < 2 * EVENT_RADIUS + 2)
        placed.append((x, min(near, EVENT_ROWS - 1)))
    return placed


def _events(comparison: Comparison, axis: _TimeAxis) -> list[str]:
    """Each innovation-log event as a dashed vertical line with its number below the axis."""
    frame = axis.frame
    parts = []
    places = _event_places(comparison, axis)
    for number, (event, (x, row)) in enumerate(zip(comparison.events, places, strict=True), start=1):
        y = frame.base + LABEL_ROWS + EVENT_RADIUS + row * EVENT_ROW
        title = f"{number}. {event.date.isoformat()}: {event.label}: {event.description}"
        parts.append(
            f'<g class="event"><title>{escape(title)}</title>'
            + _line(x, frame.top, x, frame.base, f'stroke="{EVENT_COLOUR}" stroke-dasharray="4 3"')
            + f'<circle cx="{x:.2f}%" cy="{y:.0f}" r="{EVENT_RADIUS}" fill="{EVENT_COLOUR}"/>'
            + _text(x, y + 4, str(number), size=EVENT_SIZE, cls="event-number")
            + "</g>"
        )
    return parts


def _time_frame(comparison: Comparison, *, left: float, right: float, top: float = TOP) -> _Frame:
    """The frame of a chart on the time axis: the plot, then the periods' names and as many rows
    of event numbers as the events take."""
    bottom = LABEL_ROWS + 4
    rows = {
        row for _x, row in _event_places(comparison, _TimeAxis(comparison.periods, _Frame(0, 0, left, right)))
    }
    if rows:
        bottom = LABEL_ROWS + 2 * EVENT_RADIUS + max(rows) * EVENT_ROW + 6
    return _Frame(height=top + PLOT + bottom, bottom=bottom, left=left, right=right, top=top)


def _close(parts: list[str]) -> SafeString:
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above went through escape()


def score_trend(comparison: Comparison) -> SafeString:
    """Total score per period (at the middle of its date range), 0 to 100, events marked."""
    locale = _locale()
    ticks = [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
    labels = _tick_labels(ticks)
    frame = _time_frame(comparison, left=_margin(labels), right=2)
    axis = _TimeAxis(comparison.periods, frame)
    parts = _open(frame, _("Score trend"), _("Total KPI score of each period, from 0 to 100."))
    titles, _top = _axis_titles(_("Total score"))
    parts += titles
    parts += _period_bands(comparison, axis)
    parts += _left_axis(frame, ticks, 100, labels)
    points = []
    for index, column in enumerate(comparison.columns):
        total = column.evaluation.total
        if total is None:
            points.append(None)
            continue
        points.append((axis.middle(index), frame.y(total, 100), total, column))
    # A band's name goes above its line at the plot's right end, else at its left end, else below
    # the line: the first place that keeps off the points and the values above them; the values
    # then keep off the names.
    taken = []
    for point in points:
        if point is not None:
            x, y, total, _column = point
            half = text_width(_num(total), VALUE_SIZE, bold=True) / 2
            taken += [LabelBox(x, -5, y - 5, 5, y + 5), LabelBox(x, -half, y - 9 - VALUE_SIZE, half, y - 6)]
    band_boxes: list[LabelBox] = []
    for band in program_bands(comparison.enterprise.cluster.program)[:-1]:
        if not 0 <= band.min <= 100:
            continue
        y = frame.y(float(band.min), 100)
        label = band.label(locale)
        width = text_width(label, BAND_SIZE)
        places = [
            (x, baseline, anchor, dx, LabelBox(x, box_dx, baseline - BAND_SIZE, box_dx + width, baseline + 1))
            for baseline in (y - 3, y + BAND_SIZE + 1)
            for x, anchor, dx, box_dx in ((frame.end, "end", -4.0, -4 - width), (frame.left, "start", 4.0, 4))
        ]
        x, baseline, anchor, dx, box = places[
            least_crowded([place[4] for place in places], [*taken, *band_boxes])
        ]
        band_boxes.append(box)
        parts.append(_line(frame.left, y, frame.end, y, 'class="band-line"'))
        parts.append(_text(x, baseline, label, anchor=anchor, size=BAND_SIZE, dx=dx, cls="faint band-label"))
    parts += _segments(points, colour(0))
    for point in points:
        if point is None:
            continue
        x, y, total, column = point
        title = f"{column.period.name}: {_num(total)}"
        parts.append(
            f'<g class="point"><title>{escape(title)}</title>'
            f'<circle cx="{x:.2f}%" cy="{y:.1f}" r="4.5" fill="{colour(0)}"/></g>'
        )
        parts.append(_value_label(x, y, _num(total), band_boxes))
    parts += _events(comparison, axis)
    return _close(parts)


@dataclass(frozen=True)
class LabelBox:
    """A mark's or text's box on a chart whose width is not known on the server: ``x`` per cent of
    the width plus pixels ``dx0``..``dx1`` across, ``y0``..``y1`` pixels down."""

    x: float
    dx0: float
    y0: float
    dx1: float
    y1: float

    def at(self, width: float) -> tuple[float, float, float, float]:
        x = _pixels(self.x, width)
        return (x + self.dx0, self.y0, x + self.dx1, self.y1)


def _value_label(x: float, y: float, text: str, avoid: Sequence[LabelBox], size: int = VALUE_SIZE) -> str:
    """``text`` above the point at (x, y), else below it, else to its right or left: the first
    place that keeps off the boxes in ``avoid`` (the rating bands' names) on phones and desktops."""
    width = text_width(text, size, bold=True)
    places = (
        (y - 9, "middle", 0.0, LabelBox(x, -width / 2, y - 9 - size, width / 2, y - 6)),
        (y + 18, "middle", 0.0, LabelBox(x, -width / 2, y + 18 - size, width / 2, y + 21)),
        (y + 4, "start", 8.0, LabelBox(x, 8, y + 4 - size, 8 + width, y + 7)),
        (y + 4, "end", -8.0, LabelBox(x, -8 - width, y + 4 - size, -8, y + 7)),
    )
    label_y, anchor, dx, _box = places[least_crowded([place[3] for place in places], avoid)]
    return _text(x, label_y, text, anchor=anchor, size=size, dx=dx, cls="value")


def keeps_clear(box: LabelBox, avoid: Sequence[LabelBox], widths: Sequence[float] = WIDTHS) -> bool:
    """Whether ``box`` keeps off every box of ``avoid`` on charts of each of ``widths`` pixels."""
    return clashes(box, avoid, widths) == 0


def clashes(box: LabelBox, avoid: Sequence[LabelBox], widths: Sequence[float] = WIDTHS) -> int:
    """How many of ``avoid``'s boxes ``box`` overlaps, summed over charts of each of ``widths`` pixels."""
    return sum(_overlap(box.at(width), other.at(width)) for other in avoid for width in widths)


def least_crowded(
    boxes: Sequence[LabelBox], avoid: Sequence[LabelBox], widths: Sequence[float] = WIDTHS
) -> int:
    """The index of the first of ``boxes`` that keeps off ``avoid`` at every width, else of the
    one that overlaps least (a label is never dropped: the table has every figure, but the chart
    names what it shows)."""
    counts = [clashes(box, avoid, widths) for box in boxes]
    return counts.index(min(counts))


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Whether boxes (x0, y0, x1, y1) ``a`` and ``b`` intersect."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _segments(points: Sequence[tuple | None], stroke: str, *, dash: str = "") -> list[str]:
    """Lines between consecutive points (x in per cent, y in pixels), broken where a value is missing."""
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    lines = [
        _line(a[0], a[1], b[0], b[1], "")
        for a, b in itertools.pairwise(points)
        if a is not None and b is not None
    ]
    if not lines:
        return []
    return [
        f'<g class="series" stroke="{stroke}" stroke-width="2" stroke-linecap="round"{dashed}>',
        *lines,
        "</g>",
    ]


def contributions(comparison: Comparison) -> SafeString:
    """Each period's total as a stack of its indicators' scores (legend: :func:`legend`)."""
    ticks = [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
    labels = _tick_labels(ticks)
    bottom = LABEL_ROWS + 4
    frame = _Frame(height=TOP + PLOT + bottom, bottom=bottom, left=_margin(labels), right=2)
    parts = _open(
        frame,
        _("KPI contributions per period"),
        _("Each period's total score stacked from its indicators' scores."),
    )
    titles, _top = _axis_titles(_("Score"))
    parts += titles
    parts += _left_axis(frame, ticks, 100, labels)
    count = len(comparison.columns)
    slot = (frame.end - frame.left) / max(count, 1)
    bar = min(slot * 0.6, 80 / WIDE * 100)  # at most 80 pixels on a desktop
    index_of = {series.key: i for i, series in enumerate(comparison.scores)}
    for position, column in enumerate(comparison.columns):
        x = frame.left + slot * position + (slot - bar) / 2
        stacked = 0.0
        for series in comparison.scores:
            score = series.values[position]
            if not score:
                continue
            y_top, y_bottom = frame.y(stacked + score, 100), frame.y(stacked, 100)
            title = f"{column.period.name}: {series.label}: {_num(score, 3)}"
            height = max(y_bottom - y_top, 0.5)
            parts.append(
                f'<rect x="{x:.2f}%" y="{y_top:.1f}" width="{bar:.2f}%" height="{height:.1f}" '
                f'fill="{colour(index_of[series.key])}"><title>{escape(title)}</title></rect>'
            )
            stacked += score
        total = column.evaluation.total
        label = _num(total) if total is not None else _("incomplete")
        parts.append(_text(x + bar / 2, frame.y(stacked, 100) - 5, label, size=VALUE_SIZE, cls="value"))
        parts.append(_period_label(x + bar / 2, frame.base + PERIOD_SIZE + 4, column.period.name, slot))
    return _close(parts)


def turnover_and_hr(comparison: Comparison) -> SafeString:
    """Turnover per period as bars (left axis, Rp million) and HR indicator scores as lines (right axis)."""
    locale = _locale()
    turnover = comparison.turnover.values if comparison.turnover else ()
    top_money = max([v for v in turnover if v] or [0])
    money_ticks = nice_ticks(top_money / 1_000_000) if top_money else [0.0, 1.0]
    money_top = money_ticks[-1] * 1_000_000
    money_labels = _tick_labels(money_ticks)
    hr = [s for s in comparison.scores if s.key in comparison.hr_keys]
    top_score = max([v for s in hr for v in s.values if v] or [1])
    score_ticks = nice_ticks(top_score)
    score_top = score_ticks[-1]
    score_labels = _tick_labels(score_ticks)

    titles, top = _axis_titles(_("Turnover (Rp million)"), _("HR indicator score"))
    frame = _time_frame(comparison, left=_margin(money_labels), right=_margin(score_labels), top=top)
    axis = _TimeAxis(comparison.periods, frame)
    parts = _open(
        frame,
        _("Turnover against HR indicator scores"),
        _("Bars: turnover of each period in Rupiah. Lines: the scores of the human-resources indicators."),
    )
    parts += titles
    parts += _period_bands(comparison, axis)
    parts += _left_axis(frame, [t * 1_000_000 for t in money_ticks], money_top, money_labels)
    for index, (column, value) in enumerate(zip(comparison.columns, turnover, strict=False)):
        if not value:
            continue
        x0, x1 = axis.span(index)
        width = (x1 - x0) * 0.6
        x = x0 + (x1 - x0 - width) / 2
        y = frame.y(value, money_top)
        title = f"{column.period.name}: {format_rupiah(value, locale)}"
        parts.append(
            f'<rect x="{x:.2f}%" y="{y:.1f}" width="{width:.2f}%" height="{frame.base - y:.1f}" '
            f'class="turnover-bar"><title>{escape(title)}</title></rect>'
        )
    parts += _right_axis(frame, score_ticks, score_top, score_labels)
    index_of = {series.key: i for i, series in enumerate(comparison.scores)}
    for series in hr:
        stroke = colour(index_of[series.key])
        points = []
        for index, (column, value) in enumerate(zip(comparison.columns, series.values, strict=True)):
            point = (
                (axis.middle(index), frame.y(value, score_top), value, column) if value is not None else None
            )
            points.append(point)
        parts += _segments(points, stroke)
        for point in points:
            if point is None:
                continue
            x, y, value, column = point
            title = f"{column.period.name}: {series.label}: {_num(value, 3)}"
            parts.append(
                f'<g class="point"><title>{escape(title)}</title>'
                f'<circle cx="{x:.2f}%" cy="{y:.1f}" r="4" fill="{stroke}"/></g>'
            )
    parts += _events(comparison, axis)
    return _close(parts)


def legend(comparison: Comparison, *, hr_only: bool = False) -> list[tuple[str, str]]:
    """(colour, label) of each indicator series, as the charts colour them."""
    items = []
    for index, series in enumerate(comparison.scores):
        if hr_only and series.key not in comparison.hr_keys:
            continue
        items.append((colour(index), series.label))
    return items

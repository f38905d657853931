"""The comparison page's charts, drawn on the server as SVG.

Server-side SVG works offline and on any phone browser without JavaScript, scales with the
page (``viewBox``), prints, and its numbers are formatted by the same code as the tables
(``kinerja.formatting``, the active language). Each chart is a ``SafeString`` of one ``<svg>``
with a ``<title>`` per mark (the browser shows it on hover or long press).

- :func:`score_trend`: the total score of each period on the time axis, with the rating-band
  limits and innovation-log events marked as numbered vertical lines.
- :func:`contributions`: each period's total as a stack of its indicators' scores.
- :func:`turnover_and_hr`: turnover per period (bars, left axis) against the scores of the
  human-resources indicators (lines, right axis), events marked.

Nothing is computed here but positions: scores, totals and turnover come from the comparison.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kinerja.formatting import format_number, format_rupiah
from kinerja_web.performance.comparison import Comparison
from kinerja_web.programs.bands import program_bands

WIDTH, HEIGHT = 640, 320
#: The bottom margin holds a period's name on up to two lines, then up to three rows of event numbers.
LEFT, RIGHT, TOP, BOTTOM = 64, 56, 20, 84
#: A generous estimate of a character's width, in ems (DejaVu Sans, the phones' and Debian's
#: sans-serif, averages about 0.6): labels are fitted with it so that they never touch.
CHAR_EM = 0.64
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


def colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def _locale() -> str:
    return "id" if (get_language() or "id").startswith("id") else "en"


def _num(value: float, places: int = 2) -> str:
    return format_number(value, places, _locale())


GAP = 10  # pixels between two periods' slots on the time axis


class _TimeAxis:
    """Time, piecewise: each period gets an equal slot in which its days run linearly.

    Periods of one comparison can be years apart (the paper's 2021 month quarters and 2026's
    quarters); a plain calendar axis would squeeze them into slivers. Within a slot, a date's
    place is exact, so an event sits where it happened in its period; a date between periods
    sits in the gap between their slots, which is marked as a break when days are skipped.
    """

    def __init__(self, periods: Sequence[Any]) -> None:
        self.periods = list(periods)
        count = max(len(self.periods), 1)
        self.slot = (WIDTH - LEFT - RIGHT - GAP * (count - 1)) / count

    def span(self, index: int) -> tuple[float, float]:
        x0 = LEFT + index * (self.slot + GAP)
        return x0, x0 + self.slot

    def x(self, day: datetime.date) -> float:
        for index, period in enumerate(self.periods):
            if period.start <= day <= period.end:
                x0, _x1 = self.span(index)
                days = (period.end - period.start).days + 1
                return x0 + ((day - period.start).days + 0.5) / days * self.slot
        for index, period in enumerate(self.periods):
            if day < period.start:
                return self.span(index)[0] - GAP / 2 if index else LEFT
        return WIDTH - RIGHT

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


def _time_axis(comparison: Comparison) -> _TimeAxis:
    return _TimeAxis(comparison.periods)


def _y(value: float, top: float) -> float:
    """Vertical position of ``value`` on an axis from 0 to ``top``."""
    plot = HEIGHT - TOP - BOTTOM
    return HEIGHT - BOTTOM - (value / top * plot if top else 0)


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


def _open(label: str, description: str) -> list[str]:
    return [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet">',
        f"<title>{escape(label)}</title><desc>{escape(description)}</desc>",
    ]


def _text(x: float, y: float, text: str, *, anchor: str = "middle", size: int = 11, cls: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    position = f'x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}"'
    return f"<text {position}{klass}>{escape(text)}</text>"


def _left_axis(ticks: Sequence[float], top: float, labels: Sequence[str], title: str) -> list[str]:
    parts = []
    for tick, label in zip(ticks, labels, strict=True):
        y = _y(tick, top)
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>')
        parts.append(_text(LEFT - 6, y + 4, label, anchor="end", size=10))
    parts.append(
        f'<text transform="translate(12 {(HEIGHT - BOTTOM + TOP) / 2:.1f}) rotate(-90)" '
        f'text-anchor="middle" font-size="11">{escape(title)}</text>'
    )
    return parts


def _right_axis(ticks: Sequence[float], top: float, title: str) -> list[str]:
    parts = [_text(WIDTH - RIGHT + 6, _y(t, top) + 4, _num(t, 1), anchor="start", size=10) for t in ticks]
    parts.append(
        f'<text transform="translate({WIDTH - 10} {(HEIGHT - BOTTOM + TOP) / 2:.1f}) rotate(90)" '
        f'text-anchor="middle" font-size="11">{escape(title)}</text>'
    )
    return parts


def _period_bands(comparison: Comparison, axis: _TimeAxis) -> list[str]:
    """The periods' slots on the time axis (alternately shaded), their names, and breaks in time."""
    parts = []
    for index, period in enumerate(comparison.periods):
        x0, x1 = axis.span(index)
        if index % 2 == 0:
            parts.append(
                f'<rect x="{x0:.1f}" y="{TOP}" width="{x1 - x0:.1f}" '
                f'height="{HEIGHT - TOP - BOTTOM}" class="period-band"/>'
            )
        parts.append(_period_label((x0 + x1) / 2, HEIGHT - BOTTOM + 14, period.name, x1 - x0))
    for x in axis.breaks():
        parts.append(_text(x, HEIGHT - BOTTOM + 4, "≈", size=12, cls="faint"))
    return parts


def _width(text: str, size: float) -> float:
    return len(text) * size * CHAR_EM


def _fit(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: max(chars - 1, 1)] + "…"


def _label_lines(name: str, room: float, size: float = 10) -> list[str]:
    """``name`` on one line if it fits in ``room`` pixels, else split between words into two
    balanced lines, each cut with an ellipsis if it still does not fit."""
    chars = max(3, int((room - 4) / (size * CHAR_EM)))
    if len(name) <= chars:
        return [name]
    words = name.split()
    if len(words) < 2:
        return [_fit(name, chars)]
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    first, second = min(splits, key=lambda lines: max(len(lines[0]), len(lines[1])))
    return [_fit(first, chars), _fit(second, chars)]


def _period_label(x: float, y: float, name: str, room: float, size: int = 10) -> str:
    """A period's name under its slot, on up to two lines (the full name in its tooltip)."""
    lines = _label_lines(name, room, size)
    spans = "".join(
        f'<tspan x="{x:.1f}" dy="{0 if i == 0 else size + 2}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return (
        f"<g><title>{escape(name)}</title>"
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" font-size="{size}" class="period-label">'
        f"{spans}</text></g>"
    )


def _events(comparison: Comparison, axis: _TimeAxis) -> list[str]:
    """Each innovation-log event as a dashed vertical line with its number below the axis
    (numbers of events close together are stacked so they stay readable)."""
    parts = []
    placed: list[tuple[float, int]] = []
    for number, event in enumerate(comparison.events, start=1):
        x = axis.x(event.date)
        row = min(sum(1 for other, _row in placed if abs(other - x) < 16), 2)
        placed.append((x, row))
        y = HEIGHT - BOTTOM + 40 + row * 17
        title = f"{number}. {event.date.isoformat()}: {event.label}: {event.description}"
        parts.append(
            f'<g class="event"><title>{escape(title)}</title>'
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{TOP}" y2="{HEIGHT - BOTTOM}" stroke="{EVENT_COLOUR}" '
            f'stroke-dasharray="4 3"/>'
            f'<circle cx="{x:.1f}" cy="{y}" r="8" fill="{EVENT_COLOUR}"/>'
            f'<text x="{x:.1f}" y="{y + 4}" text-anchor="middle" font-size="11" class="event-number">'
            f"{number}</text></g>"
        )
    return parts


def _close(parts: list[str]) -> SafeString:
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above went through escape()


def score_trend(comparison: Comparison) -> SafeString:
    """Total score per period (at the middle of its date range), 0 to 100, events marked."""
    axis = _time_axis(comparison)
    locale = _locale()
    parts = _open(_("Score trend"), _("Total KPI score of each period, from 0 to 100."))
    parts += _period_bands(comparison, axis)
    ticks = [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
    parts += _left_axis(ticks, 100, [_num(t, 0) for t in ticks], _("Total score"))
    band_boxes = []
    for band in program_bands(comparison.enterprise.cluster.program)[:-1]:
        if not 0 <= band.min <= 100:
            continue
        y = _y(float(band.min), 100)
        label = band.label(locale)
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" class="band-line"/>')
        parts.append(_text(WIDTH - RIGHT - 4, y - 3, label, anchor="end", size=10, cls="faint band-label"))
        band_boxes.append((WIDTH - RIGHT - 4 - _width(label, 10), y - 3 - 10, WIDTH - RIGHT - 4, y))
    points = []
    for index, column in enumerate(comparison.columns):
        total = column.evaluation.total
        if total is None:
            points.append(None)
            continue
        points.append((axis.middle(index), _y(total, 100), total, column))
    parts += _polylines(points, colour(0))
    for point in points:
        if point is None:
            continue
        x, y, total, column = point
        title = f"{column.period.name}: {_num(total)}"
        parts.append(
            f'<g class="point"><title>{escape(title)}</title>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{colour(0)}"/></g>'
        )
        parts.append(_value_label(x, y, _num(total), band_boxes))
    parts += _events(comparison, axis)
    return _close(parts)


def _value_label(x: float, y: float, text: str, avoid: Sequence[tuple[float, ...]], size: int = 11) -> str:
    """``text`` above the point at (x, y), else below it, else to its left: the first place that
    keeps off the boxes in ``avoid`` (the rating bands' names)."""
    width = _width(text, size)
    places = (
        (x, y - 9, "middle", (x - width / 2, y - 9 - size, x + width / 2, y - 6)),
        (x, y + 18, "middle", (x - width / 2, y + 18 - size, x + width / 2, y + 21)),
        (x - 8, y + 4, "end", (x - 8 - width, y + 4 - size, x - 8, y + 7)),
    )
    label_x, label_y, anchor, _box = next(
        (place for place in places if not any(_overlap(place[3], other) for other in avoid)), places[-1]
    )
    return _text(label_x, label_y, text, anchor=anchor, size=size, cls="value")


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Whether boxes (x0, y0, x1, y1) ``a`` and ``b`` intersect."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _polylines(points: Sequence[tuple | None], stroke: str, *, dash: str = "") -> list[str]:
    """Lines through consecutive points, broken where a value is missing."""
    parts, run = [], []
    for point in [*points, None]:
        if point is None:
            if len(run) >= 2:
                coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
                dashed = f' stroke-dasharray="{dash}"' if dash else ""
                parts.append(
                    f'<polyline points="{coords}" fill="none" stroke="{stroke}" stroke-width="2"{dashed}/>'
                )
            run = []
        else:
            run.append((point[0], point[1]))
    return parts


def contributions(comparison: Comparison) -> SafeString:
    """Each period's total as a stack of its indicators' scores (legend: :func:`legend`)."""
    parts = _open(
        _("KPI contributions per period"), _("Each period's total score stacked from its indicators' scores.")
    )
    ticks = [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
    parts += _left_axis(ticks, 100, [_num(t, 0) for t in ticks], _("Score"))
    count = len(comparison.columns)
    slot = (WIDTH - LEFT - RIGHT) / max(count, 1)
    bar = min(slot * 0.6, 80)
    index_of = {series.key: i for i, series in enumerate(comparison.scores)}
    for position, column in enumerate(comparison.columns):
        x = LEFT + slot * position + (slot - bar) / 2
        stacked = 0.0
        for series in comparison.scores:
            score = series.values[position]
            if not score:
                continue
            y_top, y_bottom = _y(stacked + score, 100), _y(stacked, 100)
            title = f"{column.period.name}: {series.label}: {_num(score, 3)}"
            height = max(y_bottom - y_top, 0.5)
            parts.append(
                f'<rect x="{x:.1f}" y="{y_top:.1f}" width="{bar:.1f}" height="{height:.1f}" '
                f'fill="{colour(index_of[series.key])}"><title>{escape(title)}</title></rect>'
            )
            stacked += score
        total = column.evaluation.total
        label = _num(total) if total is not None else _("incomplete")
        parts.append(_text(x + bar / 2, _y(stacked, 100) - 5, label, size=11, cls="value"))
        parts.append(_period_label(x + bar / 2, HEIGHT - BOTTOM + 16, column.period.name, slot))
    return _close(parts)


def turnover_and_hr(comparison: Comparison) -> SafeString:
    """Turnover per period as bars (left axis, Rp million) and HR indicator scores as lines (right axis)."""
    axis = _time_axis(comparison)
    locale = _locale()
    parts = _open(
        _("Turnover against HR indicator scores"),
        _("Bars: turnover of each period in Rupiah. Lines: the scores of the human-resources indicators."),
    )
    parts += _period_bands(comparison, axis)
    turnover = comparison.turnover.values if comparison.turnover else ()
    top_money = max([v for v in turnover if v] or [0])
    money_ticks = nice_ticks(top_money / 1_000_000) if top_money else [0.0, 1.0]
    money_top = money_ticks[-1] * 1_000_000
    parts += _left_axis(
        [t * 1_000_000 for t in money_ticks],
        money_top,
        [_num(t, 0 if t == int(t) else 1) for t in money_ticks],
        _("Turnover (Rp million)"),
    )
    for index, (column, value) in enumerate(zip(comparison.columns, turnover, strict=False)):
        if not value:
            continue
        x0, x1 = axis.span(index)
        width = (x1 - x0) * 0.6
        x = x0 + (x1 - x0 - width) / 2
        y = _y(value, money_top)
        title = f"{column.period.name}: {format_rupiah(value, locale)}"
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{HEIGHT - BOTTOM - y:.1f}" '
            f'class="turnover-bar"><title>{escape(title)}</title></rect>'
        )
    hr = [s for s in comparison.scores if s.key in comparison.hr_keys]
    top_score = max([v for s in hr for v in s.values if v] or [1])
    score_ticks = nice_ticks(top_score)
    score_top = score_ticks[-1]
    parts += _right_axis(score_ticks, score_top, _("HR indicator score"))
    index_of = {series.key: i for i, series in enumerate(comparison.scores)}
    for series in hr:
        stroke = colour(index_of[series.key])
        points = []
        for index, (column, value) in enumerate(zip(comparison.columns, series.values, strict=True)):
            point = (axis.middle(index), _y(value, score_top), value, column) if value is not None else None
            points.append(point)
        parts += _polylines(points, stroke)
        for point in points:
            if point is None:
                continue
            x, y, value, column = point
            title = f"{column.period.name}: {series.label}: {_num(value, 3)}"
            parts.append(
                f'<g class="point"><title>{escape(title)}</title>'
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{stroke}"/></g>'
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

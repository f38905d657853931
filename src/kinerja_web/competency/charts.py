"""The gap pages' importance-performance chart, drawn on the server as SVG.

Like ``kinerja_web.performance.charts``: one ``<svg>`` (works without JavaScript, prints), a
``<title>`` per point (hover or long press), numbers formatted by ``kinerja.formatting`` in the
active language. It fills the width it is given with no scaled ``viewBox`` (one drew 10-unit
labels at 9 px on a phone): horizontal positions are percentages of the width, vertical ones and
text sizes pixels, so the labels read the same on a phone and a desktop. The shaded "short of the
requirement" triangle is a nested ``<svg>`` stretched over the plot (a polygon's points cannot be
percentages). The page prints the same figures in a table under the chart, so nothing is said by
the picture alone.

Each item is a point at (required level, actual combined level): ``ItemSummary.mean_required``
against ``ItemSummary.mean_combined`` from ``kinerja.competency``. The diagonal is "actual =
required": points under it fall short of the requirement, points above it exceed it. Nothing is
computed here but positions.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kinerja.formatting import format_number
from kinerja_web.competency.models import LEVEL_MAX, LEVEL_MIN
from kinerja_web.competency.selectors.gaps import ItemRow
from kinerja_web.performance.charts import LabelBox, least_crowded, text_width

#: Pixels: the chart's height; the plot's margins above and below it.
HEIGHT, TOP, BOTTOM = 340, 16, 50
#: Pixels: the narrowest width the chart is drawn at (a 360-pixel phone's), for which the side
#: margins (per cent of the width) hold the level axis's name and numbers, and the labels' room.
NARROW = 310.0
#: Pixels: chart widths at which labels are checked to stay inside and apart, from a 320-pixel
#: phone's to the widest (``gaps.css`` caps the chart's box at 34rem).
WIDTHS = (280.0, 300.0, 318.0, 340.0, 370.0, 400.0, 450.0, 530.0)
LEFT, RIGHT = 42 / NARROW * 100, 14 / NARROW * 100
#: Text sizes in pixels, as the reader sees them.
TICK_SIZE, TITLE_SIZE, LABEL_SIZE, NOTE_SIZE = 12, 12, 12, 11
POINT_COLOUR = "#0072B2"
SHORT_COLOUR = "#D55E00"


def _locale() -> str:
    return "id" if (get_language() or "id").startswith("id") else "en"


def _num(value: float, places: int = 2) -> str:
    return format_number(value, places, _locale())


def _x(level: float) -> float:
    """Per cent of the width."""
    return LEFT + (level - LEVEL_MIN) / (LEVEL_MAX - LEVEL_MIN) * (100 - LEFT - RIGHT)


def _y(level: float) -> float:
    """Pixels from the top."""
    return HEIGHT - BOTTOM - (level - LEVEL_MIN) / (LEVEL_MAX - LEVEL_MIN) * (HEIGHT - TOP - BOTTOM)


def _text(
    x: float, y: float, text: str, *, anchor: str = "middle", size: int, cls: str = "", dx: float = 0
) -> str:
    """``text`` at ``x`` per cent of the width (moved ``dx`` pixels) and ``y`` pixels."""
    klass = f' class="{cls}"' if cls else ""
    shift = f' dx="{dx:g}"' if dx else ""
    position = f'x="{x:.2f}%"{shift} y="{y:.1f}" text-anchor="{anchor}" font-size="{size}"'
    return f"<text {position}{klass}>{escape(text)}</text>"


def _line(x1: float, y1: float, x2: float, y2: float, cls: str, inside: str = "") -> str:
    """A line from (``x1``, ``y1``) to (``x2``, ``y2``): x in per cent of the width, y in pixels."""
    attributes = f'x1="{x1:.2f}%" y1="{y1:.1f}" x2="{x2:.2f}%" y2="{y2:.1f}" class="{cls}"'
    return f"<line {attributes}>{inside}</line>" if inside else f"<line {attributes}/>"


def _label_place(
    x: float, y: float, text: str, avoid: Sequence[LabelBox]
) -> tuple[str, float, float, LabelBox]:
    """Where the label of the point at (``x`` per cent, ``y`` pixels) goes: (anchor, dx, baseline, box).

    The first of: up right, up left, down right, down left, right, left of the point, then a line
    further up or down, that stays inside the chart and keeps off the points and the labels
    placed before at every width of :data:`WIDTHS`; else the one inside that overlaps least."""
    width = text_width(text, LABEL_SIZE, bold=True)
    cap = LABEL_SIZE * 0.8  # codes are capitals and digits: no room above them is needed
    candidates = []
    for baseline, gap in (
        (y - 6, 6.0),
        (y + 6 + cap, 6.0),
        (y + cap / 2, 9.0),
        (y - 18, 2.0),
        (y + 18 + cap, 2.0),
    ):
        candidates.append(
            ("start", gap, baseline, LabelBox(x, gap, baseline - cap, gap + width, baseline + 2))
        )
        candidates.append(
            ("end", -gap, baseline, LabelBox(x, -gap - width, baseline - cap, -gap, baseline + 2))
        )

    def inside(box: LabelBox) -> bool:
        return all(box.at(w)[0] >= 0 and box.at(w)[2] <= w for w in WIDTHS) and box.y0 >= 0

    inside_ones = [place for place in candidates if inside(place[3])] or candidates[:1]
    return inside_ones[least_crowded([place[3] for place in inside_ones], avoid, WIDTHS)]


def chartable(items: Sequence[ItemRow]) -> list[ItemRow]:
    """The items the chart can place: those with both a required and an actual level."""
    return [row for row in items if row.mean_required is not None and row.mean_combined is not None]


def importance_performance(items: Sequence[ItemRow]) -> SafeString:
    """Required level (x) against actual combined level (y) per item, with the "meets the
    requirement" diagonal; items at the same place share one point and one label."""
    title = _("Required against actual level per item")
    description = _(
        "Each point is an item: across, the mean required level; up, the mean combined level. "
        "Points under the diagonal fall short of the requirement."
    )
    parts = [
        f'<svg class="chart ip-chart" width="100%" height="{HEIGHT}" role="img" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title><desc>{escape(description)}</desc>",
    ]
    low, high = _x(LEVEL_MIN), _x(LEVEL_MAX)
    top, bottom = _y(LEVEL_MAX), _y(LEVEL_MIN)
    # Below the diagonal: short of the requirement (lightly shaded), stretched over the plot.
    parts.append(
        f'<svg x="{low:.2f}%" y="{top:.1f}" width="{high - low:.2f}%" height="{bottom - top:.1f}" '
        'viewBox="0 0 1 1" preserveAspectRatio="none">'
        '<polygon points="0,1 1,1 1,0" class="short-zone"/></svg>'
    )
    for level in range(LEVEL_MIN, LEVEL_MAX + 1):
        x, y = _x(level), _y(level)
        parts.append(_line(x, top, x, bottom, "grid"))
        parts.append(_line(low, y, high, y, "grid"))
        parts.append(_text(x, bottom + 17, _num(level, 0), size=TICK_SIZE, cls="tick"))
        parts.append(_text(low, y + 4, _num(level, 0), anchor="end", size=TICK_SIZE, dx=-6, cls="tick"))
    parts.append(_text((low + high) / 2, HEIGHT - 8, _("Required level"), size=TITLE_SIZE, cls="axis-title"))
    actual_title = _("Actual level (combined)")
    parts.append(
        f'<text transform="translate(14 {(top + bottom) / 2:.1f}) rotate(-90)" text-anchor="middle" '
        f'font-size="{TITLE_SIZE}" class="axis-title">{escape(actual_title)}</text>'
    )
    meets = _("Meets the requirement: actual = required")
    parts.append(_line(low, bottom, high, top, "meets-line", f"<title>{escape(meets)}</title>"))
    note = _("meets the requirement")
    parts.append(_text(high, top + 15, note, anchor="end", size=NOTE_SIZE, dx=-4, cls="faint"))
    note_box = LabelBox(high, -4 - text_width(note, NOTE_SIZE), top + 15 - NOTE_SIZE, -4, top + 18)
    places: dict[tuple[float, float], list[ItemRow]] = {}
    for row in chartable(items):
        key = (round(row.mean_required, 2), round(row.mean_combined, 2))
        places.setdefault(key, []).append(row)
    marks = [
        LabelBox(_x(required), -6, _y(combined) - 6, 6, _y(combined) + 6) for required, combined in places
    ]
    labels: list[LabelBox] = [note_box]
    for (required, combined), rows in sorted(places.items()):
        x, y = _x(required), _y(combined)
        short = combined < required
        codes = ", ".join(row.code for row in rows)
        tip = "; ".join(
            _("%(item)s: required %(required)s, actual %(actual)s")
            % {"item": f"{row.code} {row.name}", "required": _num(required), "actual": _num(combined)}
            for row in rows
        )
        colour = SHORT_COLOUR if short else POINT_COLOUR
        shape = (
            f'<rect x="{x:.2f}%" y="{y - 4.5:.1f}" width="9" height="9" transform="translate(-4.5 0)" '
            f'fill="{colour}"/>'
            if short
            else f'<circle cx="{x:.2f}%" cy="{y:.1f}" r="4.5" fill="{colour}"/>'
        )
        anchor, dx, baseline, box = _label_place(x, y, codes, [*marks, *labels])
        labels.append(box)
        label = _text(x, baseline, codes, anchor=anchor, size=LABEL_SIZE, dx=dx, cls="point-label")
        parts.append(
            f'<g class="point{" short" if short else ""}" data-item="{escape(codes)}">'
            f"<title>{escape(tip)}</title>{shape}{label}</g>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above went through escape()

"""The gap pages' importance-performance chart, drawn on the server as SVG.

Like ``kinerja_web.performance.charts``: one ``<svg>`` with a ``viewBox`` (it scales with the
page, works without JavaScript, prints), a ``<title>`` per point (hover or long press), numbers
formatted by ``kinerja.formatting`` in the active language. The page prints the same figures in
a table under the chart, so nothing is said by the picture alone.

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

SIZE = 360
LEFT, RIGHT, TOP, BOTTOM = 52, 16, 16, 48
POINT_COLOUR = "#0072B2"
SHORT_COLOUR = "#D55E00"


def _locale() -> str:
    return "id" if (get_language() or "id").startswith("id") else "en"


def _num(value: float, places: int = 2) -> str:
    return format_number(value, places, _locale())


def _x(level: float) -> float:
    return LEFT + (level - LEVEL_MIN) / (LEVEL_MAX - LEVEL_MIN) * (SIZE - LEFT - RIGHT)


def _y(level: float) -> float:
    return SIZE - BOTTOM - (level - LEVEL_MIN) / (LEVEL_MAX - LEVEL_MIN) * (SIZE - TOP - BOTTOM)


def _text(x: float, y: float, text: str, *, anchor: str = "middle", size: int = 11, cls: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    position = f'x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}"'
    return f"<text {position}{klass}>{escape(text)}</text>"


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
        f'<svg class="chart ip-chart" viewBox="0 0 {SIZE} {SIZE}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet">',
        f"<title>{escape(title)}</title><desc>{escape(description)}</desc>",
    ]
    low, high = _x(LEVEL_MIN), _x(LEVEL_MAX)
    top, bottom = _y(LEVEL_MAX), _y(LEVEL_MIN)
    # Below the diagonal: short of the requirement (lightly shaded).
    parts.append(
        f'<polygon points="{low:.1f},{bottom:.1f} {high:.1f},{bottom:.1f} {high:.1f},{top:.1f}" '
        'class="short-zone"/>'
    )
    for level in range(LEVEL_MIN, LEVEL_MAX + 1):
        x, y = _x(level), _y(level)
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top:.1f}" y2="{bottom:.1f}" class="grid"/>')
        parts.append(f'<line x1="{low:.1f}" x2="{high:.1f}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>')
        parts.append(_text(x, bottom + 15, _num(level, 0), size=10))
        parts.append(_text(low - 6, y + 4, _num(level, 0), anchor="end", size=10))
    parts.append(_text((low + high) / 2, SIZE - 10, _("Required level"), size=11))
    actual_title = _("Actual level (combined)")
    parts.append(
        f'<text transform="translate(14 {(top + bottom) / 2:.1f}) rotate(-90)" text-anchor="middle" '
        f'font-size="11">{escape(actual_title)}</text>'
    )
    meets = _("Meets the requirement: actual = required")
    parts.append(
        f'<line x1="{low:.1f}" y1="{bottom:.1f}" x2="{high:.1f}" y2="{top:.1f}" class="meets-line">'
        f"<title>{escape(meets)}</title></line>"
    )
    parts.append(_text(high - 4, top + 14, _("meets the requirement"), anchor="end", size=10, cls="faint"))
    places: dict[tuple[float, float], list[ItemRow]] = {}
    for row in chartable(items):
        key = (round(row.mean_required, 2), round(row.mean_combined, 2))
        places.setdefault(key, []).append(row)
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
            f'<rect x="{x - 4.5:.1f}" y="{y - 4.5:.1f}" width="9" height="9" fill="{colour}"/>'
            if short
            else f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{colour}"/>'
        )
        anchor, label_x = ("end", x - 7) if x > high - 40 else ("start", x + 7)
        parts.append(
            f'<g class="point{" short" if short else ""}" data-item="{escape(codes)}">'
            f"<title>{escape(tip)}</title>"
            f"{shape}{_text(label_x, y - 6, codes, anchor=anchor, size=10, cls='point-label')}</g>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above went through escape()

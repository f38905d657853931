"""The dashboards' bar charts, drawn on the server as SVG (no script, works offline and on phones).

Horizontal bars, one per row, labelled with their value: a long label wraps into the bar's
own line instead of squeezing the chart, and the chart grows in height with the number of
rows. Each bar has a ``<title>`` (shown on hover or long press). The same numbers are in the
tables beside each chart, so the chart is never the only way to read them.

- :func:`distribution`: enterprises per rating band, in the bands' colours.
- :func:`averages`: the mean total score (0-100) of groups: size classes, commodities, clusters.

Nothing is computed here but positions; numbers are formatted by ``kinerja.formatting``.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kinerja.formatting import format_number
from kinerja_web.performance.dashboards import Average, Band

WIDTH = 640
LABEL_WIDTH = 200
VALUE_WIDTH = 90
ROW = 26
BAR = 18
#: Rating tones from best to worst (``programs.bands.tone``; Okabe-Ito, colour-blind safe, as the
#: home page's rating badges); a code without a tone grey.
TONE_COLOURS = ("#009E73", "#56B4E9", "#F0E442", "#E69F00", "#D55E00")
OTHER_COLOUR = "#999999"
AVERAGE_COLOUR = "#0072B2"
#: At most this many rows are drawn (the largest groups come first); the table lists them all.
MAX_ROWS = 25


def _locale() -> str:
    return "id" if (get_language() or "id").startswith("id") else "en"


def _short(text: str, chars: int = 30) -> str:
    return text if len(text) <= chars else text[: chars - 1] + "…"


def _bars(
    rows: Sequence[tuple[str, float, str, str]], maximum: float, title: str, description: str
) -> SafeString:
    """``rows``: (label, value, value text, colour); bar length is value / maximum."""
    rows = list(rows)[:MAX_ROWS]
    height = max(len(rows), 1) * ROW + 8
    plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    parts = [
        f'<svg class="chart dashboard-chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMinYMin meet">',
        f"<title>{escape(title)}</title><desc>{escape(description)}</desc>",
    ]
    for index, (label, value, text, colour) in enumerate(rows):
        y = 4 + index * ROW
        length = plot * value / maximum if maximum > 0 else 0
        parts.append(
            f"<g><title>{escape(label)}: {escape(text)}</title>"
            f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR - 5}" text-anchor="end" font-size="12">'
            f"{escape(_short(label))}</text>"
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{max(length, 0.0):.1f}" height="{BAR}" fill="{colour}"/>'
            f'<text x="{LABEL_WIDTH + length + 6:.1f}" y="{y + BAR - 5}" font-size="12">{escape(text)}</text>'
            "</g>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above went through escape()


def distribution(bands: Sequence[Band]) -> SafeString:
    """Enterprises per rating band, best band on top."""
    locale = _locale()
    top = max((band.count for band in bands), default=0)
    rows = [
        (
            band.label,
            band.count,
            f"{format_number(band.count, 0, locale)} ({format_number(band.share, 1, locale)} %)",
            OTHER_COLOUR if band.tone is None else TONE_COLOURS[band.tone],
        )
        for band in bands
    ]
    return _bars(rows, top, _("Rating distribution"), _("Number of enterprises in each rating band."))


def averages(groups: Sequence[Average], title: str) -> SafeString:
    """Mean total score of each group on a 0-100 scale, with its number of enterprises."""
    locale = _locale()
    rows = [
        (
            group.label or _("unknown"),
            group.mean,
            f"{format_number(group.mean, 2, locale)} (n = {format_number(group.count, 0, locale)})",
            AVERAGE_COLOUR,
        )
        for group in groups
    ]
    return _bars(rows, 100.0, title, _("Mean total KPI score of each group, from 0 to 100."))

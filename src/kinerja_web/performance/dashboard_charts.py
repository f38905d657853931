"""The dashboards' bar charts, drawn on the server as SVG (no script, works offline and on phones).

Horizontal bars, one per row: the row's label on its own line above its bar, the value at the
bar's end. Horizontal positions are percentages of the chart's width and text sizes are pixels
(no ``viewBox``), so the chart fills a 360-pixel phone or a desktop column and its labels stay
13 px on both (a scaled ``viewBox`` drew 12-unit labels at 6 px on a phone). The chart grows in
height with the number of rows. Each bar has a ``<title>`` (shown on hover or long press). The
same numbers are in the tables beside each chart, so the chart is never the only way to read them.

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

#: Pixels: a row is its label's line, then its bar; the text sizes are what the reader sees.
LABEL_SIZE, VALUE_SIZE = 13, 12
ROW = 40
BAR = 14
#: The longest bar takes this share of the width; the rest holds its value.
PLOT_SHARE = 68.0
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
    height = max(len(rows), 1) * ROW + 4
    parts = [
        f'<svg class="chart dashboard-chart" width="100%" height="{height}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title><desc>{escape(description)}</desc>",
    ]
    for index, (label, value, text, colour) in enumerate(rows):
        y = index * ROW
        share = PLOT_SHARE * value / maximum if maximum > 0 else 0.0
        share = min(max(share, 0.0), PLOT_SHARE)
        parts.append(
            f"<g><title>{escape(label)}: {escape(text)}</title>"
            f'<text x="0" y="{y + LABEL_SIZE + 1}" font-size="{LABEL_SIZE}">'
            f"{escape(_short(label, 48))}</text>"
            f'<rect x="0" y="{y + LABEL_SIZE + 6}" width="{share:.2f}%" height="{BAR}" fill="{colour}"/>'
            f'<text x="{share:.2f}%" dx="6" y="{y + LABEL_SIZE + 6 + BAR - 2}" font-size="{VALUE_SIZE}">'
            f"{escape(text)}</text>"
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

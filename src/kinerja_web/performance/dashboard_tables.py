"""The bodies of the dashboards' two long tables (ranking, fallen), rendered in Python.

Fifty rows of eight cells through the template engine were most of a dashboard's rendering
time (each cell a variable lookup, a filter, a language lookup); here each row is one
``format_html`` call, with every text escaped. Headers and everything else stay in the
template ``performance/dashboard.html``. Numbers go through ``kinerja.formatting`` in the active
language, as the ``num`` filter does.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from kinerja.formatting import format_number
from kinerja_web.performance.dashboards import Fallen, RankingRow

DASH = "–"


def _locale() -> str:
    return "id" if (get_language() or "id").startswith("id") else "en"


def _signed(value: float | None, locale: str) -> str:
    if value is None:
        return DASH
    return ("+" if value > 0 else "") + format_number(value, 2, locale)


def ranking_body(
    rows: Sequence[tuple[RankingRow, str, str]], *, with_cluster: bool, with_change: bool
) -> SafeString:
    """``<tr>`` rows of the ranking: (row, scorecard link, cluster dashboard link) each."""
    locale = _locale()
    html = []
    for row, url, cluster_url in rows:
        change = row.change
        html.append(
            format_html(
                '<tr><td class="num">{}</td><td><a href="{}">{}</a></td>{}<td>{}</td><td>{}</td>'
                '<td class="num">{}</td><td><span class="rating rating-{}">{}</span></td>{}</tr>',
                format_number(row.rank, 0, locale),
                url,
                row.enterprise,
                format_html('<td><a href="{}">{}</a></td>', cluster_url, row.cluster) if with_cluster else "",
                row.size_label or DASH,
                row.commodity or DASH,
                format_number(row.total, 2, locale),
                row.rating_code,
                row.rating,
                format_html(
                    '<td class="num{}">{}</td>',
                    " fell" if change is not None and change < 0 else "",
                    _signed(change, locale),
                )
                if with_change
                else "",
            )
        )
    return mark_safe("".join(html))  # each row came from format_html


def fallen_body(rows: Sequence[tuple[Fallen, str]], *, with_cluster: bool) -> SafeString:
    """``<tr>`` rows of the enterprises whose score fell: (row, scorecard link) each."""
    locale = _locale()
    html = []
    for row, url in rows:
        rating = row.rating if row.previous_rating == row.rating else f"{row.previous_rating} → {row.rating}"
        html.append(
            format_html(
                '<tr><td><a href="{}">{}</a></td>{}<td class="num">{}</td><td class="num">{}</td>'
                '<td class="num fell">−{}</td><td>{}</td></tr>',
                url,
                row.enterprise,
                format_html("<td>{}</td>", row.cluster) if with_cluster else "",
                format_number(row.previous, 2, locale),
                format_number(row.total, 2, locale),
                format_number(row.drop, 2, locale),
                rating,
            )
        )
    return mark_safe("".join(html))  # each row came from format_html

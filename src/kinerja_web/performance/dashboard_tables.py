"""The bodies of the dashboards' two long tables (ranking, fallen), rendered in Python.

Fifty rows of eight cells through the template engine were most of a dashboard's rendering
time (each cell a variable lookup, a filter, a language lookup); here each row is one
f-string, with every text escaped (:func:`_e`: what ``format_html`` does to each argument,
without its per-call overhead). Headers and everything else stay in the template
``performance/dashboard.html``. Numbers go through ``kinerja.formatting`` in the active
language, as the ``num`` filter does.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from kinerja.formatting import format_number
from kinerja_web.performance.dashboards import Fallen, RankingRow

DASH = "–"


def _e(value: Any) -> str:
    """``conditional_escape(value)``: a plain string quickly, anything else (safe, lazy) as Django does."""
    if type(value) is str:
        return escape(value)
    return conditional_escape(value)


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
        cluster = f'<td><a href="{_e(cluster_url)}">{_e(row.cluster)}</a></td>' if with_cluster else ""
        if with_change:
            fell = " fell" if change is not None and change < 0 else ""
            change_cell = f'<td class="num{fell}">{_e(_signed(change, locale))}</td>'
        else:
            change_cell = ""
        html.append(
            f'<tr><td class="num">{_e(format_number(row.rank, 0, locale))}</td>'
            f'<td><a href="{_e(url)}">{_e(row.enterprise)}</a></td>{cluster}'
            f"<td>{_e(row.size_label or DASH)}</td><td>{_e(row.commodity or DASH)}</td>"
            f'<td class="num">{_e(format_number(row.total, 2, locale))}</td>'
            f'<td><span class="rating rating-{_e(row.rating_code)}">{_e(row.rating)}</span></td>'
            f"{change_cell}</tr>"
        )
    return mark_safe("".join(html))  # every text above went through _e()


def fallen_body(rows: Sequence[tuple[Fallen, str]], *, with_cluster: bool) -> SafeString:
    """``<tr>`` rows of the enterprises whose score fell: (row, scorecard link) each."""
    locale = _locale()
    html = []
    for row, url in rows:
        rating = row.rating if row.previous_rating == row.rating else f"{row.previous_rating} → {row.rating}"
        cluster = f"<td>{_e(row.cluster)}</td>" if with_cluster else ""
        html.append(
            f'<tr><td><a href="{_e(url)}">{_e(row.enterprise)}</a></td>{cluster}'
            f'<td class="num">{_e(format_number(row.previous, 2, locale))}</td>'
            f'<td class="num">{_e(format_number(row.total, 2, locale))}</td>'
            f'<td class="num fell">−{_e(format_number(row.drop, 2, locale))}</td><td>{_e(rating)}</td></tr>'
        )
    return mark_safe("".join(html))  # every text above went through _e()

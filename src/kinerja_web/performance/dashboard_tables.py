"""The bodies of the dashboards' tables (ranking, fallen, and the blocks beside the charts), in Python.

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
from django.utils.translation import gettext as _

from kinerja.formatting import format_number, format_percent
from kinerja_web.performance.dashboards import Average, Band, ClusterSummary, Fallen, RankingRow

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
    typed_title = _e(_("Figures typed by hand, not computed from the records: %(count)s"))
    for row, url, cluster_url in rows:
        change = row.change
        typed = (
            f' <span class="typed" title="{typed_title % {"count": row.typed}}">✎</span>' if row.typed else ""
        )
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
            f'<td class="num">{_e(format_number(row.total, 2, locale))}{typed}</td>'
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


def bands_body(bands: Sequence[Band]) -> SafeString:
    """``<tr>`` rows of the rating distribution: label, enterprises, share."""
    locale = _locale()
    return mark_safe(  # every text went through _e()
        "".join(
            f'<tr><td>{_e(band.label)}</td><td class="num">{_e(format_number(band.count, 0, locale))}</td>'
            f'<td class="num">{_e(format_percent(band.share, 1, locale))}</td></tr>'
            for band in bands
        )
    )


def averages_body(groups: Sequence[Average]) -> SafeString:
    """``<tr>`` rows of a size class or commodity table: label (or "unknown"), enterprises, mean."""
    locale = _locale()
    unknown = _("unknown")
    return mark_safe(  # every text went through _e()
        "".join(
            f"<tr><td>{_e(group.label or unknown)}</td>"
            f'<td class="num">{_e(format_number(group.count, 0, locale))}</td>'
            f'<td class="num">{_e(format_number(group.mean, 2, locale))}</td></tr>'
            for group in groups
        )
    )


def clusters_body(rows: Sequence[tuple[ClusterSummary, str]], *, with_change: bool) -> SafeString:
    """``<tr>`` rows of the program dashboard's cluster table: (summary, cluster dashboard link) each."""
    locale = _locale()
    html = []
    for row, url in rows:
        if with_change:
            change = _signed(row.mean_change, locale)
            fallen = format_number(row.fallen, 0, locale)
            change_cells = f'<td class="num">{_e(change)}</td><td class="num">{_e(fallen)}</td>'
        else:
            change_cells = ""
        html.append(
            f'<tr>\n      <td><a href="{_e(url)}">{_e(row.name)}</a></td>\n'
            f'      <td class="num">{_e(format_number(row.count, 0, locale))}</td>'
            f'<td class="num">{_e(format_number(row.mean, 2, locale))}</td>'
            f'<td class="num">{_e(format_number(row.best, 2, locale))}</td>'
            f'<td class="num">{_e(format_number(row.worst, 2, locale))}</td>\n'
            f"      {change_cells}\n    </tr>"
        )
    return mark_safe("".join(html))  # every text above went through _e()

"""Pages of the cluster and program dashboards, and the ranking download.

Thin views: the scope comes through :mod:`kinerja_web.access` (``dashboards.program_scope``: a
program the user may not see answers 404, one they see but manage no cluster of, as an owner,
403; ``dashboards.cluster_scope``: a cluster they do not manage answers 404), the figures from
:mod:`kinerja_web.performance.dashboards`, the long table bodies from ``dashboard_tables``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kinerja_web import access
from kinerja_web.downloads import CHUNK_ROWS, csv_response
from kinerja_web.performance import dashboard_charts, dashboard_tables, dashboards
from kinerja_web.performance.dashboards import Scope


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """The dashboards the user may open: each program they manage clusters of, and those clusters."""
    groups = dashboards.managed_programs(request.user)
    access.require(bool(groups))
    administered = set(access.administered_programs(request.user).values_list("pk", flat=True))
    context = {"groups": [(program, clusters, program.pk in administered) for program, clusters in groups]}
    return render(request, "performance/dashboard_index.html", context)


def _url_pattern(name: str, *args: int | None) -> str:
    """``reverse(name, args)`` with ``{}`` for each ``None``: one reverse for a whole table's links."""
    marker = 987654321987
    url = reverse(name, args=[marker if arg is None else arg for arg in args])
    return url.replace(str(marker), "{}")


def _render(request: HttpRequest, scope: Scope) -> HttpResponse:
    board = dashboards.dashboard(scope, request.GET.get("page"))
    blocks = board.aggregates
    context = {
        "board": board,
        "blocks": blocks,
        "scope": scope,
        "program": scope.program,
        "cluster": scope.cluster,
        "period": scope.period,
        "restricted": scope.is_program and not access.can_administer_program(request.user, scope.program),
    }
    if scope.period is not None:
        scorecard = _url_pattern("performance:scorecard", None, scope.period.pk)
        cluster = _url_pattern("dashboards:cluster", None) + f"?period={scope.period.pk}"
        context.update(
            {
                "ranking_body": dashboard_tables.ranking_body(
                    [
                        (row, scorecard.format(row.enterprise_id), cluster.format(row.cluster_id))
                        for row in board.ranking.rows
                    ],
                    with_cluster=scope.is_program,
                    with_change=scope.previous is not None,
                ),
                "fallen_body": dashboard_tables.fallen_body(
                    [(row, scorecard.format(row.enterprise_id)) for row in board.fallen],
                    with_cluster=scope.is_program,
                ),
                "clusters_body": dashboard_tables.clusters_body(
                    [(row, cluster.format(row.cluster_id)) for row in blocks.clusters],
                    with_change=scope.previous is not None,
                )
                if scope.is_program
                else "",
                "bands_body": dashboard_tables.bands_body(blocks.distribution),
                "sizes_body": dashboard_tables.averages_body(blocks.by_size),
                "commodities_body": dashboard_tables.averages_body(blocks.by_commodity),
                "distribution_chart": dashboard_charts.distribution(blocks.distribution),
                "size_chart": dashboard_charts.averages(blocks.by_size, _("Mean total score by size class")),
                "commodity_chart": dashboard_charts.averages(
                    blocks.by_commodity, _("Mean total score by commodity")
                ),
                "cluster_chart": (
                    dashboard_charts.averages(
                        [
                            dashboards.Average(str(c.cluster_id), c.name, c.count, c.mean)
                            for c in blocks.clusters
                        ],
                        _("Mean total score by cluster"),
                    )
                    if scope.is_program
                    else None
                ),
            }
        )
    return render(request, "performance/dashboard.html", context)


@login_required
def program_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    return _render(request, dashboards.program_scope(request.user, pk, request.GET.get("period")))


@login_required
def cluster_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    return _render(request, dashboards.cluster_scope(request.user, pk, request.GET.get("period")))


#: Rows of the download sent in one piece of the streamed response.
CSV_CHUNK = CHUNK_ROWS


def _csv_rows(scope: Scope) -> Iterator[list[Any]]:
    """The ranking's header and rows (numbers as numbers: ``downloads.cell`` writes them unrounded)."""
    yield [
        _("Rank"),
        _("Enterprise"),
        _("NIB"),
        _("Cluster"),
        _("Commodity"),
        _("Size class (law in force, frozen at close)"),
        _("Total score"),
        _("Rating"),
        _("Total score, previous period"),
        _("Change"),
    ]
    for row in dashboards.ranking_rows(scope):
        yield [
            row.rank,
            row.enterprise,
            row.nib,
            row.cluster,
            row.commodity,
            row.size_label,
            row.total,
            row.rating,
            row.previous,
            row.change,
        ]


def _download(scope: Scope) -> HttpResponseBase:
    """The whole ranking as CSV (numbers unrounded, dot as decimal mark; headers in the active language)."""
    name = slugify(scope.cluster.name if scope.cluster else scope.program.name) or "dashboard"
    period = slugify(scope.period.name) if scope.period else "none"
    return csv_response(_csv_rows(scope), f"ranking-{name}-{period}.csv", stream=True, chunk_rows=CSV_CHUNK)


@login_required
def program_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    return _download(dashboards.program_scope(request.user, pk, request.GET.get("period")))


@login_required
def cluster_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    return _download(dashboards.cluster_scope(request.user, pk, request.GET.get("period")))

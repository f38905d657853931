"""Cluster and program dashboards: reads of the frozen results of closed periods.

For one closed period of a program, over the clusters the user manages (an administrator: all
of the program's; a facilitator: their own; an owner: none, see :mod:`kinerja_web.access`):

- :func:`aggregates`: per cluster (count, mean, best, worst, how many fell), the rating
  distribution (enterprises per band), and the mean total by size class (the class frozen with
  each result at close: the figures of the period's year under the law in force on its dates,
  ``kinerja.sizing``) and by commodity; :func:`overall` adds the clusters up;
- :func:`ranking_page`: one page of the ranking (rank, enterprise, cluster, size class,
  commodity, total, rating, change against the previous closed period);
- :func:`fallen`: the enterprises whose total is lower than in the previous closed period,
  largest drop first.

Everything comes from :class:`~kinerja_web.performance.models.ScorecardResult` rows in three
queries whatever the number of enterprises (plus the scope's few): one ``GROUP BY`` that every
summary block adds up, one for the page of the ranking (``RANK()`` window, ``LIMIT``), one for
the largest drops. The previous period's total is joined in (a ``FilteredRelation``: one
``LEFT JOIN`` on the ``(enterprise, period)`` index), never fetched per enterprise. Neither the
indicator ``rows`` JSON nor the stored rating labels are read (labels come from the program's
bands), so an index holding (period, cluster, enterprise, total, rating code) can answer the
queries without the table.

The size class is the core's, computed once when the period closed and stored with the result
(``ScorecardResult.size_class``), so a later change of an enterprise's figures or of the law
does not move a closed period's groups. :func:`size_class` (Law 20/2008 on two amounts,
memoised) remains for callers that classify current figures.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from math import inf
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import (
    CharField,
    Count,
    F,
    FilteredRelation,
    FloatField,
    Max,
    Min,
    Q,
    QuerySet,
    Sum,
    Value,
    Window,
)
from django.db.models.functions import Rank
from django.http import Http404
from django.utils.translation import get_language

from kinerja import sizing
from kinerja.errors import InputError
from kinerja.scoring import DEFAULT_BANDS
from kinerja_web import access
from kinerja_web.compiled import Compiled
from kinerja_web.performance.models import Period, ScorecardResult
from kinerja_web.programs.bands import program_bands, tone
from kinerja_web.programs.models import Cluster, Enterprise, Program

#: Law 20/2008 is the law the KPI paper sizes its enterprises by (performance.selectors too).
SIZING_LAW = sizing.UU20_2008
PAGE_SIZE = 50
#: How many of the enterprises whose score fell the page lists (the download has them all).
FALLEN_SHOWN = 50
#: Group key of enterprises without a commodity, or whose size class cannot be computed.
UNKNOWN = ""


def _locale() -> str:
    return "id" if (get_language() or "id").startswith("id") else "en"


# --- Scope: which program, clusters and periods ------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """What a dashboard covers: the program, one cluster or all, the period and the one before."""

    program: Program
    cluster: Cluster | None
    #: Clusters whose enterprises the user may see on this dashboard (managed by them).
    cluster_ids: tuple[int, ...]
    #: Closed periods of the program, newest first (the choice of the period select).
    periods: tuple[Period, ...]
    period: Period | None
    previous: Period | None

    @property
    def is_program(self) -> bool:
        return self.cluster is None


def program_scope(user: Any, program_pk: Any, period_pk: Any = None) -> Scope:
    """The program dashboard of ``user``: 404 if they may not see the program, 403 if they manage none of it
    (an owner); a facilitator's covers their clusters only."""
    cluster_ids = tuple(
        access.managed_clusters(user).filter(program_id=program_pk).order_by().values_list("pk", flat=True)
    )
    if not cluster_ids:
        access.get_program_for(user, program_pk)  # 404 unless the user sees the program
        raise PermissionDenied
    program = Program.objects.get(pk=program_pk)  # the user manages clusters of it
    return _with_periods(program, None, cluster_ids, period_pk)


def cluster_scope(user: Any, cluster_pk: Any, period_pk: Any = None) -> Scope:
    """The cluster dashboard: 404 unless ``user`` manages the cluster (an owner of one of its
    enterprises sees the cluster's page, but has no dashboard of it)."""
    cluster = access.get_or_404(access.managed_clusters(user).select_related("program"), cluster_pk)
    return _with_periods(cluster.program, cluster, (cluster.pk,), period_pk)


def _with_periods(
    program: Program, cluster: Cluster | None, cluster_ids: tuple[int, ...], period_pk: Any
) -> Scope:
    periods = tuple(
        Period.objects.filter(program=program, closed_at__isnull=False).order_by("-start", "-end", "-name")
    )
    if period_pk in (None, ""):
        index = 0 if periods else None
    else:
        try:
            wanted = int(period_pk)
        except (TypeError, ValueError):
            raise Http404 from None
        index = next((i for i, p in enumerate(periods) if p.pk == wanted), None)
        if index is None:
            raise Http404
    period = periods[index] if index is not None else None
    previous = periods[index + 1] if index is not None and index + 1 < len(periods) else None
    return Scope(program, cluster, cluster_ids, periods, period, previous)


def managed_programs(user: Any) -> list[tuple[Program, list[Cluster]]]:
    """Each program in which ``user`` manages clusters, with those clusters (two queries)."""
    clusters = list(access.managed_clusters(user).select_related("program").order_by("program__name", "name"))
    grouped: dict[int, tuple[Program, list[Cluster]]] = {}
    for cluster in clusters:
        grouped.setdefault(cluster.program_id, (cluster.program, []))[1].append(cluster)
    return list(grouped.values())


def results(scope: Scope) -> QuerySet[ScorecardResult]:
    """The results of the scope's period, of enterprises in the scope's clusters, with ``prev`` joined.

    ``prev`` is the enterprise's result in the previous closed period (``None`` when there is none).
    """
    if scope.period is None:
        return ScorecardResult.objects.none()
    return _results(**_values(scope))


def _values(scope: Scope) -> dict[str, Any]:
    """The scope as the values of :func:`_results` (and of the compiled queries built on it)."""
    return {
        "period": scope.period.pk,
        "previous": scope.previous.pk if scope.previous is not None else None,
        "clusters": tuple(scope.cluster_ids),
    }


def _results(period: int, previous: int | None, clusters: tuple[int, ...]) -> QuerySet[ScorecardResult]:
    queryset = ScorecardResult.objects.filter(
        period=period,
        cluster_id__in=clusters,
        enterprise__cluster_id__in=clusters,
    )
    if previous is None:
        return queryset.annotate(
            prev_total=Value(None, output_field=FloatField()),
            prev_code=Value(None, output_field=CharField()),
        )
    return queryset.annotate(
        prev=FilteredRelation(
            "enterprise__scorecard_results",
            condition=Q(enterprise__scorecard_results__period=previous),
        ),
        prev_total=F("prev__total"),
        prev_code=F("prev__rating_code"),
    )


def enterprise_count(scope: Scope) -> int:
    """Enterprises in the scope's clusters now (with or without a result in the period)."""
    return Enterprise.objects.filter(cluster_id__in=scope.cluster_ids).count()


# --- Size class ---------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1 << 17)
def size_class(net_assets: int | None, annual_sales: int | None) -> str:
    """``micro``/``small``/``medium``/``large`` by ``kinerja.sizing.classify`` (Law 20/2008).

    ``""`` when it cannot be computed (an amount the core refuses)."""
    if annual_sales is None:
        return UNKNOWN
    try:
        return sizing.classify(net_assets=net_assets, annual_sales=annual_sales, law=SIZING_LAW).class_
    except InputError:
        return UNKNOWN


def size_label(code: str, locale: str | None = None) -> str:
    return sizing.class_label(code, locale or _locale()) if code else ""


# --- Blocks -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Band:
    """One rating band with how many enterprises it holds."""

    code: str
    label: str
    count: int
    share: float  # percent of the rated enterprises
    #: Colour tone, 0 best to 4 worst, by the band's place among the program's (``programs.bands.tone``).
    tone: int | None = None


@dataclass(frozen=True)
class Average:
    """The mean total of a group of enterprises (a size class, a commodity, a cluster)."""

    key: str
    label: str
    count: int
    mean: float


@dataclass(frozen=True)
class ClusterSummary:
    cluster_id: int
    name: str
    count: int
    mean: float
    best: float
    worst: float
    #: Enterprises with a result in the previous closed period too, and how many of them fell.
    compared: int
    fallen: int
    mean_change: float | None


@dataclass(frozen=True)
class Aggregates:
    """The blocks of a dashboard that summarise all its enterprises."""

    clusters: list[ClusterSummary]
    distribution: list[Band]
    by_size: list[Average]
    by_commodity: list[Average]

    @property
    def summary(self) -> ClusterSummary | None:
        return overall(self.clusters)


GROUP_KEY = (
    "cluster_id",
    "cluster__name",
    "rating_code",
    "enterprise__commodity",
    "size_class",
)


def _group_rows(period: int, previous: int | None, clusters: tuple[int, ...]) -> QuerySet:
    """One aggregate query: count, sum, best, worst and change per group of ``GROUP_KEY``.

    Every block of :func:`aggregates` adds these groups up, so the results are read once. The
    key holds what a block groups by; the size class is the one frozen with each result at close
    (the figures of the period's year under the law in force on its dates).
    """
    fell = Q(prev_total__isnull=False, prev_total__gt=F("total"))
    return (
        _results(period, previous, clusters)
        .values_list(*GROUP_KEY)
        .annotate(
            n=Count("id"),
            s=Sum("total"),
            best=Max("total"),
            worst=Min("total"),
            compared=Count("prev_total"),
            fallen=Count("id", filter=fell),
            change=Sum(F("total") - F("prev_total")),
        )
        .order_by()
    )


#: The dashboards' three queries, compiled once (``kinerja_web.compiled``): building and compiling
#: them cost the ORM 1.5 to 2 ms each per page. Their rows come without the ORM's per-value
#: converters (plain numbers and texts): for the thousands of groups of a large program the
#: per-row conversion would cost more than the query itself.
_GROUPS = Compiled(_group_rows)


def aggregates(scope: Scope) -> Aggregates:
    """Clusters, rating distribution and mean totals by size class and by commodity, in one query.

    Distribution: every band of the program (zero included) best first, then any other code by its
    best total. Size classes in the core's order (micro, small, medium, large), unknown last.
    Commodities are merged case- and space-insensitively, shown as their most frequent
    spelling, largest group first.
    """
    locale = _locale()
    # The loop runs once per group (up to one per enterprise): plain sums into small keys only;
    # names, labels and spellings are worked out afterwards, once per key.
    clusters: defaultdict[tuple[int, str], list] = defaultdict(lambda: [0, 0.0, -inf, inf, 0, 0, 0.0])
    bands: defaultdict[str, list] = defaultdict(lambda: [0, -inf])
    sizes: defaultdict[str, list] = defaultdict(lambda: [0, 0.0])
    spellings: defaultdict[str, list] = defaultdict(lambda: [0, 0.0])
    for cid, cname, code, commodity, frozen_size, n, s, best, worst, compared, fell, change in _GROUPS.rows(
        ScorecardResult.objects.db, **_values(scope)
    ):
        c = clusters[cid, cname]
        c[0] += n
        c[1] += s
        if best > c[2]:
            c[2] = best
        if worst < c[3]:
            c[3] = worst
        c[4] += compared
        c[5] += fell
        if change:
            c[6] += change
        b = bands[code]
        b[0] += n
        if best > b[1]:
            b[1] = best
        z = sizes[frozen_size or UNKNOWN]
        z[0] += n
        z[1] += s
        m = spellings[commodity or ""]
        m[0] += n
        m[1] += s
    order = {code: i for i, code in enumerate((*sizing.CLASSES, UNKNOWN))}
    return Aggregates(
        clusters=[
            ClusterSummary(
                cid, name, n, s / n, best, worst, compared, fell, change / compared if compared else None
            )
            for (cid, name), (n, s, best, worst, compared, fell, change) in sorted(
                clusters.items(), key=lambda item: (item[0][1], item[0][0])
            )
        ],
        distribution=_distribution(scope, bands, locale),
        by_size=[
            Average(code, size_label(code, locale), n, s / n)
            for code, (n, s) in sorted(sizes.items(), key=lambda item: order[item[0]])
        ],
        by_commodity=_commodities(spellings),
    )


def _commodities(spellings: dict[str, list]) -> list[Average]:
    """Commodity spellings merged case- and space-insensitively, named by their most frequent one."""
    merged: dict[str, list] = {}
    for spelled, (n, s) in spellings.items():
        text = spelled.strip()
        key = " ".join(text.casefold().split())
        group = merged.setdefault(key, [0, 0.0, {}])
        group[0] += n
        group[1] += s
        group[2][text] = group[2].get(text, 0) + n
    return [
        Average(key, max(names.items(), key=lambda item: (item[1], item[0]))[0], n, s / n)
        for key, (n, s, names) in sorted(merged.items(), key=lambda item: (-item[1][0], item[0]))
    ]


class RatingLabels(dict):
    """Rating code to label in one language: the program's bands, the core's default ones, else the
    label stored with the results (looked up on first use; a code nobody stored shows as itself)."""

    def __init__(self, scope: Scope, locale: str) -> None:
        super().__init__({band.code: band.label(locale) for band in DEFAULT_BANDS})
        self.update({band.code: band.label(locale) for band in program_bands(scope.program)})
        self[None] = ""
        self.scope, self.locale = scope, locale

    def load(self, codes: Iterable[str | None]) -> RatingLabels:
        unknown = {code for code in codes if code not in self}
        if unknown:
            stored = (
                ScorecardResult.objects.filter(period__program=self.scope.program, rating_code__in=unknown)
                .values_list("rating_code")
                .annotate(en=Max("rating_label"), id_=Max("rating_label_id"))
                .order_by()
            )
            self.update({code: id_ if self.locale == "id" else en for code, en, id_ in stored})
            self.update({code: code for code in unknown if code not in self})
        return self

    def __missing__(self, code: str) -> str:
        return self.load([code])[code]


def rating_labels(scope: Scope, codes: Iterable[str | None], locale: str) -> RatingLabels:
    """The label of each rating code in ``locale``.

    Results carry their labels, but reading them would make every dashboard query read the
    table rather than an index; only codes outside the program's and the default bands cost a
    (small) query.
    """
    return RatingLabels(scope, locale).load(codes)


def _distribution(scope: Scope, counts: dict[str, list], locale: str) -> list[Band]:
    """The program's bands best first (zero included), then any other code the period's results
    carry (rated before the program changed its bands), by their best total."""
    counts = dict(counts)
    total = sum(c[0] for c in counts.values())
    labels = rating_labels(scope, counts, locale)
    bands = program_bands(scope.program)
    rows = [(band.code, band.label(locale), counts.pop(band.code, [0])[0]) for band in bands]
    rows += [(code, labels[code], c[0]) for code, c in sorted(counts.items(), key=lambda item: -item[1][1])]
    return [
        Band(code, label, n, 100 * n / total if total else 0.0, tone(code, bands)) for code, label, n in rows
    ]


def overall(clusters: Iterable[ClusterSummary]) -> ClusterSummary | None:
    """The whole dashboard's summary, added up from its clusters' (no query)."""
    clusters = list(clusters)
    count = sum(c.count for c in clusters)
    if not count:
        return None
    compared = sum(c.compared for c in clusters)
    change = sum(c.mean_change * c.compared for c in clusters if c.mean_change is not None)
    return ClusterSummary(
        0,
        "",
        count,
        sum(c.mean * c.count for c in clusters) / count,
        max(c.best for c in clusters),
        min(c.worst for c in clusters),
        compared,
        sum(c.fallen for c in clusters),
        change / compared if compared else None,
    )


@dataclass(frozen=True)
class RankingRow:
    rank: int
    enterprise_id: int
    enterprise: str
    nib: str
    cluster_id: int
    cluster: str
    commodity: str
    size_class: str
    size_label: str
    total: float
    rating_code: str
    rating: str
    previous: float | None
    previous_rating_code: str | None
    #: Figures of the frozen scorecard typed by hand rather than computed from the records.
    typed: int = 0

    @property
    def change(self) -> float | None:
        return None if self.previous is None else self.total - self.previous


RANKING_FIELDS = (
    "rank",
    "enterprise_id",
    "enterprise__name",
    "enterprise__nib",
    "cluster_id",
    "cluster__name",
    "enterprise__commodity",
    "size_class",
    "total",
    "rating_code",
    "prev_total",
    "prev_code",
    "typed",
)


def _ranked(period: int, previous: int | None, clusters: tuple[int, ...]) -> QuerySet:
    """The results with their competition rank (ties share one), best first, as ``RANKING_FIELDS`` tuples."""
    return (
        _results(period, previous, clusters)
        .annotate(rank=Window(Rank(), order_by=[F("total").desc()]))
        .order_by("-total", "enterprise__name", "enterprise_id")
        .values_list(*RANKING_FIELDS)
    )


_RANKED = Compiled(_ranked)


def _row(values: tuple, locale: str, labels: RatingLabels) -> RankingRow:
    (rank, eid, name, nib, cid, cluster, commodity, size, total, code, prev, prev_code, typed) = values
    size = size or UNKNOWN
    return RankingRow(
        rank=rank,
        enterprise_id=eid,
        enterprise=name,
        nib=nib,
        cluster_id=cid,
        cluster=cluster,
        commodity=commodity or "",
        size_class=size,
        size_label=size_label(size, locale),
        total=total,
        rating_code=code,
        rating=labels[code],
        previous=prev,
        previous_rating_code=prev_code,
        typed=typed or 0,
    )


@dataclass(frozen=True)
class RankingPage:
    """One page of the ranking; ``count`` is the number of ranked enterprises in the scope."""

    rows: list[RankingRow]
    number: int
    num_pages: int
    count: int

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1


def page_number(raw: Any, count: int, per_page: int = PAGE_SIZE) -> tuple[int, int]:
    """(page number, number of pages) for a ``?page=`` value; a bad or too large one gives the nearest."""
    num_pages = max(1, -(-count // per_page))
    try:
        number = int(raw)
    except (TypeError, ValueError):
        number = 1
    return min(max(number, 1), num_pages), num_pages


def ranking_page(scope: Scope, count: int, raw_page: Any = None, per_page: int = PAGE_SIZE) -> RankingPage:
    """Page ``raw_page`` of the ranking (``count`` from :func:`overall`, so no extra COUNT query)."""
    number, num_pages = page_number(raw_page, count, per_page)
    start = (number - 1) * per_page
    locale = _locale()
    rows = []
    if count:
        rows = _RANKED.rows(ScorecardResult.objects.db, limit=per_page, offset=start, **_values(scope))
    labels = rating_labels(scope, {values[RANKING_FIELDS.index("rating_code")] for values in rows}, locale)
    return RankingPage([_row(values, locale, labels) for values in rows], number, num_pages, count)


def ranking_rows(scope: Scope) -> Iterator[RankingRow]:
    """The whole ranking, streamed in chunks (the download)."""
    locale = _locale()
    labels = rating_labels(scope, (), locale)
    if scope.period is None:
        return
    for values in _ranked(**_values(scope)).iterator(chunk_size=2000):
        yield _row(values, locale, labels)


@dataclass(frozen=True)
class Fallen:
    enterprise_id: int
    enterprise: str
    cluster: str
    previous: float
    total: float
    previous_rating: str
    rating: str

    @property
    def drop(self) -> float:
        return self.previous - self.total


def _fallen(period: int, previous: int, clusters: tuple[int, ...]) -> QuerySet:
    """Results lower than in the previous closed period, largest drop first."""
    return (
        _results(period, previous, clusters)
        .filter(prev_total__gt=F("total"))
        .annotate(drop=F("prev_total") - F("total"))
        .order_by("-drop", "enterprise__name", "enterprise_id")
        .values_list(
            "enterprise_id",
            "enterprise__name",
            "cluster__name",
            "prev_total",
            "total",
            "prev_code",
            "rating_code",
        )
    )


_FALLEN = Compiled(_fallen)


def fallen(scope: Scope, limit: int = FALLEN_SHOWN) -> list[Fallen]:
    """The ``limit`` largest drops of total against the previous closed period (one query)."""
    if scope.previous is None or scope.period is None:
        return []
    locale = _locale()
    rows = _FALLEN.rows(ScorecardResult.objects.db, limit=limit, **_values(scope))
    labels = rating_labels(scope, {row[-1] for row in rows} | {row[-2] for row in rows}, locale)
    return [
        Fallen(eid, name, cluster, prev, total, labels[prev_code], labels[code])
        for eid, name, cluster, prev, total, prev_code, code in rows
    ]


@dataclass(frozen=True)
class Dashboard:
    """Everything a dashboard page shows (see the module docstring for the queries)."""

    scope: Scope
    enterprises: int
    summary: ClusterSummary | None
    aggregates: Aggregates
    ranking: RankingPage
    fallen: list[Fallen]


def dashboard(scope: Scope, raw_page: Any = None) -> Dashboard:
    """The dashboard of ``scope``: four queries whatever the number of enterprises (one without a period)."""
    enterprises = enterprise_count(scope)
    if scope.period is None:
        empty = Aggregates([], [], [], [])
        return Dashboard(scope, enterprises, None, empty, RankingPage([], 1, 1, 0), [])
    blocks = aggregates(scope)
    summary = blocks.summary
    return Dashboard(
        scope=scope,
        enterprises=enterprises,
        summary=summary,
        aggregates=blocks,
        ranking=ranking_page(scope, summary.count if summary else 0, raw_page),
        fallen=fallen(scope),
    )

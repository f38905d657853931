"""What the gap-analysis pages show: a round's gaps by person, role, enterprise and cluster.

Every figure comes from the core (``kinerja.competency``) through
:func:`kinerja_web.competency.selectors.analysis.round_analysis`, run on the enterprises the
user may see within the part of the round a page shows (the whole round, one cluster, one
enterprise): a person's combined levels and gaps, each item's summary (``mean_gap``,
``people_with_gap``, ``share_with_gap``, ``mean_required``, ``mean_combined``) and the area
gaps rolled up by ``kinerja.competency.area_gaps_by``. Nothing here computes a gap; it only
picks, orders and labels what the core found.

Who sees what (``kinerja_web.access``): a round of a cluster is visible to whoever may open that
cluster, a program-wide round to whoever takes part in the program; within it, an owner sees
only their own enterprise's people, a facilitator their clusters', an administrator all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from kinerja.competency import area_gaps_by
from kinerja_web import access
from kinerja_web.competency.models import AssessmentRound
from kinerja_web.competency.selectors.analysis import RoundAnalysis, round_analysis
from kinerja_web.programs.models import Cluster, Enterprise, Worker

# --- which rounds, enterprises and people a user may open ---------------------------------


def visible_rounds(user: Any) -> QuerySet[AssessmentRound]:
    """Rounds ``user`` may open: of a cluster they may see, or program-wide in a program of theirs."""
    return AssessmentRound.objects.filter(
        Q(cluster__in=access.visible_clusters(user))
        | Q(cluster__isnull=True, program__in=access.visible_programs(user))
    ).select_related("program", "cluster", "framework")


def get_round_for(user: Any, pk: Any) -> AssessmentRound:
    """The round ``pk`` if ``user`` may open it, else ``Http404``."""
    return access.get_or_404(visible_rounds(user), pk)


def round_enterprises(user: Any, round: AssessmentRound) -> QuerySet[Enterprise]:
    """The enterprises of ``round`` (its cluster's, or its program's) that ``user`` may see."""
    enterprises = access.visible_enterprises(user).filter(cluster__program=round.program_id)
    if round.cluster_id:
        enterprises = enterprises.filter(cluster=round.cluster_id)
    return enterprises.select_related("cluster")


def get_round_cluster(user: Any, round: AssessmentRound, pk: Any) -> Cluster:
    """A cluster of ``round`` that ``user`` may open, else ``Http404``."""
    clusters = access.visible_clusters(user).filter(program=round.program_id)
    if round.cluster_id:
        clusters = clusters.filter(pk=round.cluster_id)
    return access.get_or_404(clusters, pk)


def get_round_enterprise(user: Any, round: AssessmentRound, pk: Any) -> Enterprise:
    """An enterprise of ``round`` that ``user`` may see, else ``Http404``."""
    return access.get_or_404(round_enterprises(user, round), pk)


def get_round_worker(user: Any, round: AssessmentRound, pk: Any) -> Worker:
    """A worker of an enterprise of ``round`` that ``user`` may see, else ``Http404``."""
    workers = Worker.objects.filter(enterprise__in=round_enterprises(user, round)).select_related(
        "enterprise__cluster", "role"
    )
    return access.get_or_404(workers, pk)


def enterprise_rounds(user: Any, enterprise: Enterprise) -> QuerySet[AssessmentRound]:
    """The rounds that cover ``enterprise`` (of its cluster, or program-wide), newest first."""
    return (
        visible_rounds(user)
        .filter(program=enterprise.cluster.program_id)
        .filter(Q(cluster=enterprise.cluster_id) | Q(cluster__isnull=True))
        .order_by("-starts_on", "name")
    )


# --- what the pages show -------------------------------------------------------------------


@dataclass(frozen=True)
class HeatCell:
    """One area's mean gap for one row (a person, an enterprise, a role, a cluster).

    ``value`` is the core's mean gap (None: nobody in the row has a required level in the
    area); ``people`` and ``people_with_gap`` are the core's counts behind it (None for a person).
    """

    area: str
    value: float | None
    people: int | None = None
    people_with_gap: int | None = None

    @property
    def band(self) -> str:
        """The legend's class of the value (for the cell's colour; the number is always printed)."""
        return gap_band(self.value)


@dataclass(frozen=True)
class HeatRow:
    label: str
    url: str | None
    cells: tuple[HeatCell, ...]
    note: str = ""


@dataclass(frozen=True)
class HeatMap:
    """Rows x areas of mean gaps, as a table with the number in every cell."""

    areas: tuple[str, ...]
    rows: tuple[HeatRow, ...]
    row_heading: str = ""


#: The legend of the heat maps: (class, lower bound exclusive, upper bound inclusive) of a mean
#: gap in levels. Only a colour for the eye; the cell prints the number.
GAP_BANDS: tuple[tuple[str, float, float], ...] = (
    ("gap-0", -1.0, 0.0),
    ("gap-1", 0.0, 0.5),
    ("gap-2", 0.5, 1.0),
    ("gap-3", 1.0, 2.0),
    ("gap-4", 2.0, float("inf")),
)


def gap_band(value: float | None) -> str:
    """The legend class of a mean gap (``gap-none`` when there is no figure)."""
    if value is None:
        return "gap-none"
    for name, low, high in GAP_BANDS:
        if low < value <= high:
            return name
    return GAP_BANDS[-1][0]


@dataclass(frozen=True)
class ItemRow:
    """One item of the framework with the core's summary over the people shown."""

    code: str
    name: str
    area: str
    kind: str
    mean_gap: float | None
    people_with_gap: int
    share_with_gap: float | None
    people_required: int
    mean_required: float | None
    mean_combined: float | None

    @property
    def share_percent(self) -> float | None:
        """The core's ``share_with_gap`` in percent units, for display."""
        return None if self.share_with_gap is None else self.share_with_gap * 100


@dataclass(frozen=True)
class GapReport:
    """A page's gaps: the analysis and what the page draws from it."""

    round: AssessmentRound
    analysis: RoundAnalysis
    areas: tuple[str, ...]
    heat: HeatMap
    by_role: HeatMap
    items: tuple[ItemRow, ...]

    @property
    def people_count(self) -> int:
        return len(self.analysis.result.people)

    @property
    def common_gaps(self) -> tuple[ItemRow, ...]:
        return most_common_gaps(self.items)


def area_names(round: AssessmentRound) -> tuple[str, ...]:
    """The framework's areas in their order (the heat maps' columns)."""
    return tuple(round.framework.areas.order_by("position", "pk").values_list("name", flat=True))


def item_rows(analysis: RoundAnalysis) -> tuple[ItemRow, ...]:
    """Each item of the framework (in its order) with the core's summary; items nobody shown has
    a required level for (so no gap) are left out."""
    rows = []
    summaries = analysis.result.items
    for code, item in sorted(
        analysis.items.items(), key=lambda pair: (pair[1].area.position, pair[1].position, pair[1].pk)
    ):
        summary = summaries.get(code)
        if summary is None or not summary.people_required:
            continue
        rows.append(
            ItemRow(
                code=code,
                name=item.name,
                area=item.area.name,
                kind=item.get_kind_display(),
                mean_gap=summary.mean_gap,
                people_with_gap=summary.people_with_gap,
                share_with_gap=summary.share_with_gap,
                people_required=summary.people_required,
                mean_required=summary.mean_required,
                mean_combined=summary.mean_combined,
            )
        )
    return tuple(rows)


def most_common_gaps(items: Iterable[ItemRow]) -> tuple[ItemRow, ...]:
    """Items with a gap for at least one person, most people first (then the larger mean gap,
    then the code): the training a cohort most needs."""
    found = [row for row in items if row.people_with_gap > 0]
    return tuple(sorted(found, key=lambda row: (-row.people_with_gap, -(row.mean_gap or 0.0), row.code)))


def group_heat(
    analysis: RoundAnalysis,
    areas: tuple[str, ...],
    group_of: Mapping[str, Any],
    label_of: Callable[[Any], str],
    url_of: Callable[[Any], str | None] = lambda group: None,
    *,
    order: Iterable[Any] | None = None,
    row_heading: str = "",
) -> HeatMap:
    """Groups x areas from ``kinerja.competency.area_gaps_by(result, group_of)``."""
    rolled = area_gaps_by(analysis.result, dict(group_of))
    groups = list(order) if order is not None else sorted(rolled, key=lambda g: label_of(g).casefold())
    rows = []
    for group in groups:
        by_area = rolled.get(group, {})
        cells = []
        for area in areas:
            found = by_area.get(area)
            if found is None:
                cells.append(HeatCell(area, None))
            else:
                cells.append(HeatCell(area, found.mean_gap, found.people, found.people_with_gap))
        rows.append(HeatRow(label_of(group), url_of(group), tuple(cells)))
    return HeatMap(areas, tuple(rows), row_heading)


def people_heat(
    analysis: RoundAnalysis,
    areas: tuple[str, ...],
    url_of: Callable[[Worker], str | None],
    row_heading: str = "",
) -> HeatMap:
    """People x areas: each person's ``area_gaps`` as the core computed them."""
    rows = []
    for person in analysis.result.people:
        worker = analysis.workers[person.id]
        cells = tuple(HeatCell(area, person.area_gaps.get(area)) for area in areas)
        role = worker.role.name if worker.role else ""
        rows.append(HeatRow(worker.name, url_of(worker), cells, note=role))
    return HeatMap(areas, tuple(rows), row_heading)


def role_heat(analysis: RoundAnalysis, areas: tuple[str, ...], row_heading: str = "") -> HeatMap:
    """Roles x areas (``area_gaps_by`` with ``RoundAnalysis.role_of``)."""
    return group_heat(analysis, areas, analysis.role_of(), str, row_heading=row_heading)


def report(
    round: AssessmentRound,
    enterprises: Iterable[Enterprise],
    *,
    heat: Callable[[RoundAnalysis, tuple[str, ...]], HeatMap],
    role_heading: str = "",
) -> GapReport:
    """The core's analysis of ``round`` over ``enterprises`` and what a page draws from it."""
    analysis = round_analysis(round, enterprises=enterprises)
    areas = area_names(round)
    return GapReport(
        round=round,
        analysis=analysis,
        areas=areas,
        heat=heat(analysis, areas),
        by_role=role_heat(analysis, areas, role_heading),
        items=item_rows(analysis),
    )


@dataclass(frozen=True)
class PersonItem:
    code: str
    name: str
    area: str
    sources: tuple[tuple[str, int], ...]
    combined: float
    required: int | None
    gap: float | None
    surplus: float | None
    flagged: bool


@dataclass(frozen=True)
class PersonReport:
    round: AssessmentRound
    worker: Worker
    items: tuple[PersonItem, ...]
    area_gaps: tuple[tuple[str, float | None], ...]


#: The order of the sources in a person's table (the triangulation's order).
SOURCE_ORDER = ("self", "owner", "facilitator")


def person_report(round: AssessmentRound, worker: Worker) -> PersonReport | None:
    """One person's items (each source's level, combined, required, gap, surplus) and area gaps,
    as the core computed them; None when the person has no rating in the round."""
    analysis = round_analysis(round, enterprises=[worker.enterprise])
    person = next((p for p in analysis.result.people if p.id == str(worker.pk)), None)
    if person is None:
        return None
    items = []
    for found in person.items:
        item = analysis.items[found.item]
        sources = sorted(
            found.sources.items(),
            key=lambda pair: (SOURCE_ORDER.index(pair[0]) if pair[0] in SOURCE_ORDER else 99, pair[0]),
        )
        items.append(
            PersonItem(
                code=found.item,
                name=item.name,
                area=item.area.name,
                sources=tuple(sources),
                combined=found.combined,
                required=found.required,
                gap=found.gap,
                surplus=found.surplus,
                flagged=found.flagged,
            )
        )
    areas = area_names(round)
    return PersonReport(
        round=round,
        worker=worker,
        items=tuple(items),
        area_gaps=tuple((area, person.area_gaps.get(area)) for area in areas if area in person.area_gaps),
    )

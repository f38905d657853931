"""Reading assessment rounds: which rounds and enterprises a user sees, who rates as which source,
what each round page shows (progress, flags with notes, agreement of the sources).

Every query starts from ``kinerja_web.access``: a round is visible to whoever sees its cluster (or,
for a program-wide round, its program); its enterprises are the round's cluster's (or program's)
that the user may see. Combined levels and flags come from the core through
:func:`kinerja_web.competency.selectors.analysis.round_analysis`; the agreement of the sources
from ``kinerja.competency.source_agreement`` (Krippendorff's alpha for ordinal data, by the
``krippendorff`` package). Nothing is computed here that the core computes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet

from kinerja.competency import Agreement, source_agreement
from kinerja_web import access
from kinerja_web.competency.models import (
    LEVEL_MAX,
    LEVEL_MIN,
    AssessmentRound,
    Evidence,
    Item,
    Method,
    Rating,
    Source,
    WorkerLink,
)
from kinerja_web.competency.selectors.analysis import RoundAnalysis, round_analysis
from kinerja_web.programs.models import Cluster, Enterprise, Program, Worker

#: Methods a facilitator chooses from (the worker's questionnaire is the link's, the owner's has none).
FACILITATOR_METHODS = (Method.OBSERVATION, Method.INTERVIEW, Method.DOCUMENTATION)
SOURCE_ORDER = (Source.SELF, Source.OWNER, Source.FACILITATOR)


def visible_rounds(user: Any) -> QuerySet[AssessmentRound]:
    """Rounds ``user`` may open: of a cluster they see, or program-wide in a program they see."""
    return AssessmentRound.objects.filter(
        Q(cluster__in=access.visible_clusters(user))
        | Q(cluster__isnull=True, program__in=access.visible_programs(user))
    ).select_related("program", "cluster", "framework")


def get_round_for(user: Any, pk: Any) -> AssessmentRound:
    """The round ``pk`` if ``user`` may see it, else ``Http404``."""
    return access.get_or_404(visible_rounds(user), pk)


def can_manage_round(user: Any, round: AssessmentRound) -> bool:
    """A cluster's round: its facilitators and the program's administrators; a program-wide round:
    the administrators."""
    if round.cluster_id is not None:
        return access.can_manage_cluster(user, round.cluster)
    return access.can_administer_program(user, round.program)


def creatable_clusters(user: Any, program: Program) -> QuerySet[Cluster]:
    """Clusters of ``program`` for which ``user`` may start a round."""
    return access.managed_clusters(user).filter(program=program)


def can_create_round(user: Any, program: Program) -> bool:
    return access.can_administer_program(user, program) or creatable_clusters(user, program).exists()


def programs_for_new_round(user: Any) -> list[Program]:
    return [p for p in access.visible_programs(user).order_by("name") if can_create_round(user, p)]


def round_enterprises(user: Any, round: AssessmentRound) -> QuerySet[Enterprise]:
    """The round's enterprises that ``user`` may see."""
    enterprises = access.visible_enterprises(user).filter(cluster__program=round.program_id)
    if round.cluster_id is not None:
        enterprises = enterprises.filter(cluster=round.cluster_id)
    return enterprises.select_related("cluster", "owner").order_by("name", "pk")


def get_round_enterprise_for(
    user: Any, round_pk: Any, enterprise_pk: Any
) -> tuple[AssessmentRound, Enterprise]:
    """The round and one of its enterprises, both visible to ``user``, else ``Http404``."""
    round = get_round_for(user, round_pk)
    enterprise = access.get_or_404(round_enterprises(user, round), enterprise_pk)
    return round, enterprise


def enterprise_rounds(enterprise: Enterprise) -> QuerySet[AssessmentRound]:
    """Every round that covers ``enterprise`` (its cluster's and its program's program-wide ones)."""
    return (
        AssessmentRound.objects.filter(program=enterprise.cluster.program_id)
        .filter(Q(cluster=enterprise.cluster_id) | Q(cluster__isnull=True))
        .select_related("framework", "cluster")
    )


def rating_source(user: Any, enterprise: Enterprise) -> str | None:
    """The source ``user`` rates ``enterprise``'s workers as: its owner ``owner``; a facilitator
    of its cluster or an administrator of its program ``facilitator``; anyone else nobody."""
    if access.is_anonymous(user):
        return None
    if enterprise.owner_id == user.pk:
        return Source.OWNER
    if access.can_manage_cluster(user, enterprise.cluster):
        return Source.FACILITATOR
    return None


def round_workers(round: AssessmentRound, enterprise: Enterprise) -> QuerySet[Worker]:
    """The enterprise's workers who were with it at some time during the round."""
    return (
        enterprise.workers.filter(start_date__lte=round.ends_on)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=round.starts_on))
        .select_related("role")
        .order_by("name", "pk")
    )


def framework_items(round: AssessmentRound) -> list[Item]:
    """The round's items in the framework's order, anchors prefetched."""
    return list(
        round.framework.items.select_related("area")
        .prefetch_related("anchors")
        .order_by("area__position", "area__pk", "position", "pk")
    )


@dataclass
class AreaItems:
    area: Any
    items: list[Any]


def items_by_area(items: list[Item]) -> list[AreaItems]:
    groups: list[AreaItems] = []
    for item in items:
        if not groups or groups[-1].area.pk != item.area_id:
            groups.append(AreaItems(item.area, []))
        groups[-1].items.append(item)
    return groups


def link_state(link: WorkerLink) -> str:
    """``revoked``, ``answered``, ``expired`` or ``active`` (in that order of precedence)."""
    if link.is_revoked:
        return "revoked"
    if link.submitted_at is not None:
        return "answered"
    if link.is_expired:
        return "expired"
    return "active"


def agreement_of(ratings: QuerySet[Rating]) -> Agreement:
    """How well the sources agree on the same worker and item: ``kinerja.competency.source_agreement``
    over (worker and item, source, level)."""
    rows = ratings.values_list("worker_id", "item_id", "source", "level")
    return source_agreement((((w, i), s, lv) for w, i, s, lv in rows), scale=(LEVEL_MIN, LEVEL_MAX))


@dataclass
class FlagRow:
    worker: Worker
    item: Item
    sources: list[tuple[str, Any, int, str]]  # (source code, label, level, note)


@dataclass
class WorkerRow:
    worker: Worker
    sources: dict[str, int] = field(default_factory=dict)  # source -> items rated
    combined: list[tuple[Item, list[tuple[str, int]], float | None, bool]] = field(default_factory=list)

    @property
    def progress(self) -> list[int]:
        """Items rated by each source, in the order self, owner, facilitator."""
        return [self.sources.get(source.value, 0) for source in SOURCE_ORDER]


@dataclass
class EnterpriseRow:
    enterprise: Enterprise
    workers: list[WorkerRow]
    rated_workers: int = 0


@dataclass
class RoundOverview:
    round: AssessmentRound
    analysis: RoundAnalysis
    flags: list[FlagRow]
    agreement: Agreement
    enterprises: list[EnterpriseRow]
    item_count: int
    sources: tuple[tuple[str, Any], ...] = tuple((s.value, s.label) for s in SOURCE_ORDER)


def round_overview(round: AssessmentRound, enterprises: list[Enterprise]) -> RoundOverview:
    """What a round page shows for ``enterprises`` (what the user may see of the round):
    flagged items with each source's level and note, the sources' agreement, progress (items
    rated per worker and source) and each worker's combined level per item, all from the core."""
    analysis = round_analysis(round, enterprises=enterprises)
    ratings = Rating.objects.filter(round=round, enterprise__in=enterprises)
    notes = {
        (r.worker_id, r.item_id, r.source): (r.level, r.note)
        for r in ratings.only("worker_id", "item_id", "source", "level", "note")
    }
    labels = dict(Source.choices)
    flags = []
    for flag in analysis.result.flags:
        worker = analysis.workers[flag.person]
        item = analysis.items[flag.item]
        sources = []
        for code in (s.value for s in SOURCE_ORDER):
            if code in flag.sources:
                level, note = notes.get((worker.pk, item.pk, code), (flag.sources[code], ""))
                sources.append((code, labels[code], level, note))
        flags.append(FlagRow(worker, item, sources))
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for (worker_pk, _item, source), _value in notes.items():
        counts[worker_pk][source] = counts[worker_pk].get(source, 0) + 1
    people = {p.id: p for p in analysis.result.people}
    items = framework_items(round)
    rows = []
    for enterprise in enterprises:
        worker_rows = []
        for worker in round_workers(round, enterprise):
            row = WorkerRow(worker, counts.get(worker.pk, {}))
            person = people.get(str(worker.pk))
            if person is not None:
                by_code = {r.item: r for r in person.items}
                for item in items:
                    result = by_code.get(item.code)
                    if result is not None:
                        sources = [
                            (labels[c.value], result.sources[c.value])
                            for c in SOURCE_ORDER
                            if c.value in result.sources
                        ]
                        row.combined.append((item, sources, result.combined, result.flagged))
            worker_rows.append(row)
        rows.append(
            EnterpriseRow(enterprise, worker_rows, rated_workers=sum(1 for w in worker_rows if w.sources))
        )
    return RoundOverview(
        round=round,
        analysis=analysis,
        flags=flags,
        agreement=agreement_of(ratings),
        enterprises=rows,
        item_count=len(items),
    )


def existing_ratings(round: AssessmentRound, worker: Worker) -> dict[int, dict[str, Rating]]:
    """item id -> source -> rating, of one worker in one round."""
    found: dict[int, dict[str, Rating]] = defaultdict(dict)
    for rating in Rating.objects.filter(round=round, worker=worker):
        found[rating.item_id][rating.source] = rating
    return found


def enterprise_links(round: AssessmentRound, enterprise: Enterprise) -> list[tuple[WorkerLink, str]]:
    links = (
        WorkerLink.objects.filter(round=round, enterprise=enterprise)
        .select_related("worker", "round")
        .order_by("worker__name", "-created_at")
    )
    return [(link, link_state(link)) for link in links]


def enterprise_evidence(round: AssessmentRound, enterprise: Enterprise) -> QuerySet[Evidence]:
    return Evidence.objects.filter(round=round, enterprise=enterprise).select_related(
        "worker", "item", "uploaded_by"
    )

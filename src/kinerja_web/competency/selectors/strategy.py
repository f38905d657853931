"""Reads of the development strategy: levers, their rule set and weights, plans and cohort plans.

Who sees what (``kinerja_web.access`` decides):

- a framework's strategy (levers, rule set, lever judgments): the program's administrators (who
  change it) and its facilitators (who read it);
- an enterprise's development plans: whoever sees the enterprise (its owner, the facilitators of
  its cluster, the program's administrators), who may also change them;
- a cluster's cohort plan: whoever manages the cluster (its facilitators, the administrators).

Every figure here (lever weights, CR, gaps, priorities, people with a gap) comes from the core,
``kinerja.ahp`` and ``kinerja.competency``, through :mod:`.analysis`: nothing is recomputed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet

from kinerja.ahp import analyse, parse_comparison
from kinerja.competency import area_gaps_by, assess
from kinerja.errors import InputError
from kinerja_web import access
from kinerja_web.competency.models import (
    Area,
    AssessmentRound,
    CompetencyFramework,
    DevelopmentPlan,
    Lever,
    LeverJudgment,
    PlanAction,
)
from kinerja_web.competency.selectors.analysis import RoundAnalysis, framework_input, round_analysis
from kinerja_web.core_messages import core_message
from kinerja_web.frameworks.judgments import parse_judgments
from kinerja_web.frameworks.selectors.weights import JudgmentsPreview, SuggestionRow
from kinerja_web.programs.models import Cluster, Enterprise

# --- frameworks and their strategy ------------------------------------------------------------


def strategy_frameworks(user: Any) -> QuerySet[CompetencyFramework]:
    """Frameworks whose strategy ``user`` may read: of programs where they administer or facilitate."""
    programs = access.managed_clusters(user).values("program")
    return CompetencyFramework.objects.filter(
        Q(program__in=programs) | Q(program__in=access.administered_programs(user))
    ).select_related("program")


def get_strategy_framework_for(user: Any, pk: Any) -> CompetencyFramework:
    """The framework ``pk`` if ``user`` may read its strategy, else ``Http404``."""
    return access.get_or_404(strategy_frameworks(user), pk)


def can_edit_strategy(user: Any, framework: CompetencyFramework) -> bool:
    """Levers, rule set and lever judgments are the program's administrators' to change."""
    return access.can_administer_program(user, framework.program)


def get_lever_judgment_for(user: Any, pk: Any) -> LeverJudgment:
    return access.get_or_404(
        LeverJudgment.objects.filter(framework__in=strategy_frameworks(user)).select_related(
            "framework__program"
        ),
        pk,
    )


def levers_of(framework: CompetencyFramework) -> list[Lever]:
    return list(framework.levers.prefetch_related("areas").order_by("position", "pk"))


@dataclass(frozen=True)
class RuleRow:
    """One area of the rule set and the levers that address it (in the levers' order)."""

    area: Area
    levers: list[Lever]


def rule_set(framework: CompetencyFramework, levers: list[Lever] | None = None) -> list[RuleRow]:
    """The rule set area -> levers, every area in its order (an area no lever addresses has none)."""
    levers = levers_of(framework) if levers is None else levers
    by_area: dict[int, list[Lever]] = {}
    for lever in levers:
        for area in lever.areas.all():
            by_area.setdefault(area.pk, []).append(lever)
    return [RuleRow(area, by_area.get(area.pk, [])) for area in framework.areas.order_by("position", "pk")]


@dataclass(frozen=True)
class ExpertRow:
    """One expert's lever judgments with the core's CR of them alone."""

    judgment: LeverJudgment
    cr: float | None
    consistent: bool | None
    problem: str | None = None


@dataclass(frozen=True)
class LeverWeights:
    """The lever weights plans use: what ``kinerja.competency`` computes from the stored judgments.

    ``basis``: ``"equal"`` (no judgments yet), ``"judgments"`` (one expert: the principal
    eigenvector, ``cr`` is the core's ``lever_cr``) or ``"group"`` (several experts: their
    judgments aggregated by the weighted geometric mean, ``kinerja.ahp.group``).
    """

    rows: list[tuple[Lever, float]]
    basis: str
    cr: float | None
    consistent: bool | None
    experts: list[ExpertRow] = field(default_factory=list)
    warnings: tuple[str, ...] = ()
    problem: str | None = None

    def weight_of(self) -> dict[str, float]:
        return {lever.code: weight for lever, weight in self.rows}


#: The CR up to which lever judgments count as consistent (Saaty's 0.10, as ``kinerja.ahp``).
CR_THRESHOLD = 0.1


def lever_weights(framework: CompetencyFramework, levers: list[Lever] | None = None) -> LeverWeights:
    """The framework's lever weights and CR, from the core (``kinerja.competency.assess`` on the
    framework's levers and rules with nobody rated, so the weights are exactly those of a round)."""
    levers = levers_of(framework) if levers is None else levers
    judgments = [j for j in framework.lever_judgments.order_by("expert_name") if j.judgments]
    experts = [_expert_row(levers, j) for j in judgments]
    if not levers:
        return LeverWeights([], "equal", None, None, experts)
    basis = "equal" if not judgments else ("judgments" if len(judgments) == 1 else "group")
    try:
        data = framework_input(framework)
        data["people"], data["ratings"] = [], []
        result = assess(data)
    except InputError as error:  # a stored set the core refuses: said on the page, never a 500
        return LeverWeights(
            [(lever, 0.0) for lever in levers], basis, None, None, experts, problem=_problem(error)
        )
    weights = {code: summary.weight for code, summary in result.levers.items()}
    cr = result.lever_cr
    if basis == "group":
        crs = [row.cr for row in experts if row.cr is not None]
        consistent = all(row.consistent for row in experts if row.consistent is not None) if crs else None
    else:
        consistent = None if cr is None else cr <= CR_THRESHOLD
    return LeverWeights(
        [(lever, float(weights.get(lever.code, 0.0))) for lever in levers],
        basis,
        cr,
        consistent,
        experts,
        tuple(result.warnings),
    )


def _problem(error: InputError) -> str:
    return core_message(error)


def _expert_row(levers: list[Lever], judgment: LeverJudgment) -> ExpertRow:
    codes = [lever.code for lever in levers]
    entries = [e for e in judgment.judgments if isinstance(e, list | tuple) and len(e) == 3]
    entries = [e for e in entries if e[0] in codes and e[1] in codes]
    if len(levers) < 2 or not entries:
        return ExpertRow(judgment, None, None)
    try:
        result = analyse(parse_comparison({"criteria": codes, "judgments": [list(e) for e in entries]}))
    except InputError as error:
        return ExpertRow(judgment, None, None, _problem(error))
    return ExpertRow(judgment, float(result.cr), bool(result.consistent))


def stored_as_ids(levers: list[Lever], judgments: Iterable[Any]) -> list[list[Any]]:
    """Stored ``[[code_a, code_b, v]]`` -> the form's ``[[pk_a, pk_b, v]]`` (unknown codes dropped)."""
    pk_of = {lever.code: lever.pk for lever in levers}
    return [
        [pk_of[e[0]], pk_of[e[1]], e[2]]
        for e in judgments or []
        if isinstance(e, list | tuple) and len(e) == 3 and e[0] in pk_of and e[1] in pk_of
    ]


def ids_as_stored(levers: list[Lever], judgments: Iterable[Any]) -> list[list[Any]]:
    """The judgment form's ``[[pk_a, pk_b, v]]`` -> stored ``[[code_a, code_b, v]]``."""
    code_of = {lever.pk: lever.code for lever in levers}
    return [[code_of[a], code_of[b], value] for a, b, value in judgments]


def judgments_preview(levers: list[Lever], judgments: Any) -> JudgmentsPreview:
    """Weights, lambda_max, CR and suggestions of one expert's (unsaved) lever judgments
    ``[[pk_a, pk_b, v]]``, as the KPI judgments page shows them (principal eigenvector, Saaty's RI,
    CR threshold 0.10: the competency core's rule for lever judgments).

    Raises :class:`JudgmentError` naming the pair for bad input.
    """
    comparison = parse_judgments(levers, judgments)
    result = analyse(comparison, threshold=CR_THRESHOLD)
    by_name = {lever.name: lever for lever in levers}
    return JudgmentsPreview(
        result=result,
        weights=list(zip(levers, [float(w) for w in result.weights], strict=True)),
        suggestions=[
            SuggestionRow(by_name[s.pair[0]], by_name[s.pair[1]], s.current, s.suggested, s.cr_after)
            for s in result.suggestions
        ],
    )


# --- rounds ---------------------------------------------------------------------------------


def visible_rounds(user: Any) -> QuerySet[AssessmentRound]:
    """Rounds of programs ``user`` takes part in, for all clusters or one they may see."""
    return AssessmentRound.objects.filter(
        Q(cluster__isnull=True, program__in=access.visible_programs(user))
        | Q(cluster__in=access.visible_clusters(user))
    ).select_related("framework", "cluster", "program")


def enterprise_rounds(enterprise: Enterprise) -> QuerySet[AssessmentRound]:
    """Rounds in which ``enterprise`` has ratings, newest first."""
    return (
        AssessmentRound.objects.filter(ratings__enterprise=enterprise)
        .distinct()
        .select_related("framework", "cluster", "program")
        .order_by("-starts_on", "-pk")
    )


def round_covers(round: AssessmentRound, enterprise: Enterprise) -> bool:
    """Does ``round`` assess ``enterprise``'s cluster?"""
    return round.program_id == enterprise.cluster.program_id and round.cluster_id in (
        None,
        enterprise.cluster_id,
    )


# --- development plans ----------------------------------------------------------------------


def visible_plans(user: Any) -> QuerySet[DevelopmentPlan]:
    return DevelopmentPlan.objects.filter(enterprise__in=access.visible_enterprises(user)).select_related(
        "enterprise__cluster__program", "round__framework"
    )


def get_plan_for(user: Any, pk: Any) -> DevelopmentPlan:
    return access.get_or_404(visible_plans(user), pk)


def get_action_for(user: Any, pk: Any) -> PlanAction:
    return access.get_or_404(
        PlanAction.objects.filter(enterprise__in=access.visible_enterprises(user)).select_related(
            "plan__round__framework", "enterprise__cluster__program", "area", "lever"
        ),
        pk,
    )


@dataclass(frozen=True)
class PlanView:
    """A plan with what it came from: the rule set and lever weights of its round's framework."""

    plan: DevelopmentPlan
    actions: list[PlanAction]
    rules: list[RuleRow]
    weights: LeverWeights
    total_cost: int
    costed: int
    done: int

    @property
    def framework(self) -> CompetencyFramework:
        return self.plan.round.framework


def plan_view(plan: DevelopmentPlan) -> PlanView:
    """The plan's actions (by position), the rule set and weights of its round's framework and the
    total cost in whole Rupiah (exact: a sum of integers; actions without a cost count nothing)."""
    actions = list(
        plan.actions.select_related("area", "lever").prefetch_related("people").order_by("position", "pk")
    )
    framework = plan.round.framework
    levers = levers_of(framework)
    costs = [a.cost for a in actions if a.cost is not None and a.status != PlanAction.Status.CANCELLED]
    return PlanView(
        plan=plan,
        actions=actions,
        rules=rule_set(framework, levers),
        weights=lever_weights(framework, levers),
        total_cost=sum(costs, 0),
        costed=len(costs),
        done=sum(1 for a in actions if a.status == PlanAction.Status.DONE),
    )


# --- cohort plans ---------------------------------------------------------------------------


def cohort_clusters(user: Any) -> QuerySet[Cluster]:
    """Clusters whose cohort plans ``user`` may read: the ones they manage."""
    return access.managed_clusters(user).select_related("program")


def get_cohort_cluster_for(user: Any, pk: Any) -> Cluster:
    return access.get_or_404(cohort_clusters(user), pk)


def cluster_rounds(cluster: Cluster) -> QuerySet[AssessmentRound]:
    """Rounds that assess ``cluster`` (its own and the program-wide ones), newest first."""
    return (
        AssessmentRound.objects.filter(program_id=cluster.program_id)
        .filter(Q(cluster__isnull=True) | Q(cluster=cluster))
        .select_related("framework", "cluster")
        .order_by("-starts_on", "-pk")
    )


@dataclass(frozen=True)
class CohortEnterprise:
    enterprise: Enterprise
    people_with_gap: int
    mean_gap: float


@dataclass(frozen=True)
class ItemGap:
    """An item of the area and how many of the cohort's people fall short on it."""

    code: str
    name: str
    people_with_gap: int


@dataclass(frozen=True)
class CohortRow:
    """One (area, lever) of the cluster's prioritised actions: which training for which people."""

    area: str
    lever: str
    lever_name: str
    gap_total: float
    priority: float
    people: list[Any]
    enterprises: list[CohortEnterprise]
    items: list[ItemGap]


@dataclass(frozen=True)
class CohortPlan:
    round: AssessmentRound
    cluster: Cluster
    rows: list[CohortRow]
    enterprises: int
    people: int
    rules: list[RuleRow]
    weights: LeverWeights
    warnings: tuple[str, ...] = ()


def cohort_plan(round: AssessmentRound, cluster: Cluster) -> CohortPlan:
    """The cluster's actions from the core (``actions`` of the cluster's ratings in ``round``,
    sorted by the core's priority), each with the people who have a gap in its area, their
    enterprises (``area_gaps_by`` per enterprise) and the area's items with people short on them."""
    enterprises = list(Enterprise.objects.filter(cluster=cluster).order_by("name"))
    analysis = round_analysis(round, enterprises=enterprises)
    result = analysis.result
    by_enterprise = area_gaps_by(result, analysis.enterprise_of())
    enterprise_by_id = {e.pk: e for e in enterprises}
    rows = []
    for action in result.actions:
        involved = []
        for enterprise_id, areas in by_enterprise.items():
            gap = areas.get(action.area)
            if gap is not None and gap.people_with_gap > 0:
                involved.append(
                    CohortEnterprise(enterprise_by_id[enterprise_id], gap.people_with_gap, gap.mean_gap)
                )
        involved.sort(key=lambda row: (-row.people_with_gap, row.enterprise.name))
        items = [
            ItemGap(code, item.name, result.items[code].people_with_gap)
            for code, item in analysis.items.items()
            if item.area.name == action.area
            and code in result.items
            and result.items[code].people_with_gap > 0
        ]
        items.sort(key=lambda row: (-row.people_with_gap, row.code))
        rows.append(
            CohortRow(
                area=action.area,
                lever=action.lever,
                lever_name=analysis.lever_names.get(action.lever, action.lever),
                gap_total=action.gap_total,
                priority=action.priority,
                people=[analysis.workers[pid] for pid in action.people],
                enterprises=involved,
                items=items,
            )
        )
    framework = round.framework
    levers = levers_of(framework)
    return CohortPlan(
        round=round,
        cluster=cluster,
        rows=rows,
        enterprises=len({w.enterprise_id for w in analysis.workers.values()}),
        people=len(analysis.workers),
        rules=rule_set(framework, levers),
        weights=lever_weights(framework, levers),
        warnings=tuple(result.warnings),
    )


def plan_analysis(round: AssessmentRound, enterprise: Enterprise) -> RoundAnalysis:
    """The core's analysis of one enterprise's ratings in ``round`` (what its plan is made from)."""
    return round_analysis(round, enterprises=[enterprise])

"""Monitoring and evaluation: two rounds side by side with the KPI total and turnover between them.

For an enterprise or a cluster and two rounds (earlier, later):

- each area's mean combined level in both rounds and its change, from the core
  (``kinerja.competency.area_levels`` and ``level_change``) over the enterprises assessed in
  *both* rounds, so like is compared with like;
- the KPI total score and turnover in two closed periods: the latest closed period that began
  by the end of the earlier round (the performance the first assessment met) and the latest
  closed period that ended by the end of the later round, after that one. Totals are the closed
  periods' stored results (``performance.evaluate``), turnover the sales records of the same
  periods (``records.measures``, as the comparison page), change in percent by
  ``kinerja.compare.change_pct`` (growth on the earlier value). Only enterprises scored in both
  periods count;
- the planned actions of the plans made from the earlier round, and which were done.

Every figure carries the number of enterprises behind it. These are figures side by side: the
pages say so and claim no cause.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from kinerja.compare import change_pct
from kinerja.competency import area_levels, level_change
from kinerja_web.competency.models import AssessmentRound, PlanAction, Rating
from kinerja_web.competency.selectors.analysis import round_analysis
from kinerja_web.performance.comparison import TURNOVER_MEASURE
from kinerja_web.performance.evaluate import evaluate_scorecards, record_actuals
from kinerja_web.performance.models import Period, Scorecard
from kinerja_web.programs.models import Cluster, Enterprise


@dataclass(frozen=True)
class AreaRow:
    """An area's mean level in both rounds, the change, and over how many enterprises."""

    area: str
    before: float | None
    after: float | None
    change: float | None
    enterprises: int


@dataclass(frozen=True)
class KpiFigure:
    """The KPI total score in the two periods (a mean over ``enterprises`` for a cluster)."""

    before: float | None
    after: float | None
    change: float | None
    enterprises: int


@dataclass(frozen=True)
class TurnoverFigure:
    """Turnover in whole Rupiah in the two periods (a sum for a cluster), and the change in %."""

    before: int | None
    after: int | None
    change_pct: float | None
    enterprises: int


@dataclass
class EnterpriseFigures:
    enterprise: Enterprise
    areas: list[AreaRow]
    kpi: KpiFigure
    turnover: TurnoverFigure
    actions: list[PlanAction] = field(default_factory=list)

    @property
    def done(self) -> list[PlanAction]:
        return [a for a in self.actions if a.status == PlanAction.Status.DONE]


@dataclass
class Monitoring:
    before: AssessmentRound
    after: AssessmentRound
    period_before: Period | None
    period_after: Period | None
    areas: list[AreaRow]
    kpi: KpiFigure
    turnover: TurnoverFigure
    enterprises: list[EnterpriseFigures]
    assessed_both: int
    assessed_before_only: int
    assessed_after_only: int

    @property
    def actions(self) -> list[PlanAction]:
        return [a for row in self.enterprises for a in row.actions]

    @property
    def done(self) -> list[PlanAction]:
        return [a for row in self.enterprises for a in row.done]

    @property
    def plans_enterprises(self) -> int:
        return sum(1 for row in self.enterprises if row.actions)


def rounds_for_enterprise(enterprise: Enterprise) -> QuerySet[AssessmentRound]:
    """Rounds in which ``enterprise`` was rated, oldest first."""
    return (
        AssessmentRound.objects.filter(ratings__enterprise=enterprise)
        .distinct()
        .select_related("framework", "cluster")
        .order_by("starts_on", "pk")
    )


def rounds_for_cluster(cluster: Cluster) -> QuerySet[AssessmentRound]:
    """Rounds that rated someone of ``cluster``, oldest first."""
    return (
        AssessmentRound.objects.filter(program_id=cluster.program_id)
        .filter(Q(cluster__isnull=True) | Q(cluster=cluster))
        .filter(ratings__enterprise__cluster=cluster)
        .distinct()
        .select_related("framework", "cluster")
        .order_by("starts_on", "pk")
    )


def default_pair(rounds: list[AssessmentRound]) -> tuple[AssessmentRound, AssessmentRound] | None:
    """The two most recent rounds, earlier first (``None`` with fewer than two)."""
    if len(rounds) < 2:
        return None
    return rounds[-2], rounds[-1]


def ordered(before: AssessmentRound, after: AssessmentRound) -> tuple[AssessmentRound, AssessmentRound]:
    key = lambda r: (r.starts_on, r.ends_on, r.pk)  # noqa: E731
    return (before, after) if key(before) <= key(after) else (after, before)


def kpi_periods(
    program_id: int, before: AssessmentRound, after: AssessmentRound
) -> tuple[Period | None, Period | None]:
    """The closed periods whose KPI figures stand beside the rounds (see the module's docstring)."""
    closed = Period.objects.filter(program_id=program_id, closed_at__isnull=False)
    first = closed.filter(start__lte=before.ends_on).order_by("-start", "-end", "-pk").first()
    later = closed.filter(end__lte=after.ends_on)
    if first is not None:
        later = later.filter(start__gt=first.start)
    return first, later.order_by("-end", "-start", "-pk").first()


def _rated(round: AssessmentRound, enterprises: list[Enterprise]) -> set[int]:
    return set(
        Rating.objects.filter(round=round, enterprise__in=enterprises).values_list("enterprise_id", flat=True)
    )


def _kpi(
    enterprises: list[Enterprise], first: Period | None, second: Period | None
) -> tuple[dict[int, KpiFigure], dict[int, TurnoverFigure]]:
    """Per enterprise: the closed results' totals and the turnover of the two periods."""
    kpi: dict[int, KpiFigure] = {}
    turnover: dict[int, TurnoverFigure] = {}
    if first is None or second is None:
        return kpi, turnover
    scorecards = list(
        Scorecard.objects.filter(enterprise__in=enterprises, period__in=[first, second]).select_related(
            "period__program", "framework", "enterprise"
        )
    )
    evaluations = evaluate_scorecards(scorecards)
    totals: dict[tuple[int, int], float] = {}
    for scorecard in scorecards:
        evaluation = evaluations.get(scorecard.pk)
        if evaluation is not None and evaluation.frozen and evaluation.total is not None:
            totals[(scorecard.enterprise_id, scorecard.period_id)] = float(evaluation.total)
    ids = [e.pk for e in enterprises]
    sales = {
        period.pk: record_actuals(ids, period.start, period.end, [TURNOVER_MEASURE])
        for period in (first, second)
    }
    for enterprise in enterprises:
        old, new = totals.get((enterprise.pk, first.pk)), totals.get((enterprise.pk, second.pk))
        if old is None or new is None:
            continue
        kpi[enterprise.pk] = KpiFigure(old, new, new - old, 1)
        rp_old = int(sales[first.pk].get((enterprise.pk, *TURNOVER_MEASURE), 0))
        rp_new = int(sales[second.pk].get((enterprise.pk, *TURNOVER_MEASURE), 0))
        turnover[enterprise.pk] = TurnoverFigure(rp_old, rp_new, _pct(rp_old, rp_new), 1)
    return kpi, turnover


def _pct(old: int, new: int) -> float | None:
    return change_pct(old, new) if old else None


NO_KPI = KpiFigure(None, None, None, 0)
NO_TURNOVER = TurnoverFigure(None, None, None, 0)


def _area_rows(before_levels: dict, after_levels: dict, counts: dict[str, int]) -> list[AreaRow]:
    changes = level_change(before_levels, after_levels)
    return [
        AreaRow(area, change.before, change.after, change.change, counts.get(area, 0))
        for area, change in changes.items()
    ]


def monitoring(
    before: AssessmentRound, after: AssessmentRound, enterprises: list[Enterprise], program_id: int
) -> Monitoring:
    """Two rounds side by side for ``enterprises`` (one, or a cluster's that the user may see)."""
    before, after = ordered(before, after)
    rated_before, rated_after = _rated(before, enterprises), _rated(after, enterprises)
    both = [e for e in enterprises if e.pk in rated_before and e.pk in rated_after]
    first, second = kpi_periods(program_id, before, after)

    analysis_before = round_analysis(before, enterprises=both)
    analysis_after = round_analysis(after, enterprises=both)
    levels_before = area_levels(analysis_before.result, analysis_before.enterprise_of())
    levels_after = area_levels(analysis_after.result, analysis_after.enterprise_of())
    all_before = area_levels(analysis_before.result).get(None, {})
    all_after = area_levels(analysis_after.result).get(None, {})

    kpi, turnover = _kpi(both, first, second)
    plans_actions: dict[int, list[PlanAction]] = {}
    for action in (
        PlanAction.objects.filter(plan__round=before, enterprise__in=both)
        .select_related("area", "lever")
        .order_by("position", "pk")
    ):
        plans_actions.setdefault(action.enterprise_id, []).append(action)

    counts: dict[str, int] = {}
    rows = []
    for enterprise in both:
        own_before = levels_before.get(enterprise.pk, {})
        own_after = levels_after.get(enterprise.pk, {})
        for area in own_before:
            if area in own_after:
                counts[area] = counts.get(area, 0) + 1
        rows.append(
            EnterpriseFigures(
                enterprise=enterprise,
                areas=_area_rows(own_before, own_after, {a: 1 for a in own_before if a in own_after}),
                kpi=kpi.get(enterprise.pk, NO_KPI),
                turnover=turnover.get(enterprise.pk, NO_TURNOVER),
                actions=plans_actions.get(enterprise.pk, []),
            )
        )

    kpi_rows = list(kpi.values())
    if kpi_rows:
        mean_before = math.fsum(r.before for r in kpi_rows) / len(kpi_rows)  # type: ignore[misc]
        mean_after = math.fsum(r.after for r in kpi_rows) / len(kpi_rows)  # type: ignore[misc]
        kpi_total = KpiFigure(mean_before, mean_after, mean_after - mean_before, len(kpi_rows))
        rp_before = sum(r.before for r in turnover.values())  # type: ignore[misc]
        rp_after = sum(r.after for r in turnover.values())  # type: ignore[misc]
        turnover_total = TurnoverFigure(rp_before, rp_after, _pct(rp_before, rp_after), len(turnover))
    else:
        kpi_total, turnover_total = NO_KPI, NO_TURNOVER

    return Monitoring(
        before=before,
        after=after,
        period_before=first,
        period_after=second,
        areas=_area_rows(all_before, all_after, counts),
        kpi=kpi_total,
        turnover=turnover_total,
        enterprises=rows,
        assessed_both=len(both),
        assessed_before_only=len(rated_before - rated_after),
        assessed_after_only=len(rated_after - rated_before),
    )

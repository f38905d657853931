"""Reads of performance: every query starts from ``kinerja_web.access`` (what the user may see).

- :func:`visible_periods`, :func:`get_period_for`, :func:`get_enterprise_period`: access.
- :func:`scorecard_compute`: the core's ``ScoreResult`` of a scorecard (live while the period is
  open, the frozen result once closed).
- :func:`period_overview`: a period's enterprises with scorecard status, total and rating, in a
  constant number of queries.
- :func:`enterprise_scorecards`: one enterprise's periods with their scorecards.
- :func:`default_framework`: the framework a new scorecard starts with.
- ``comparison`` lives in :mod:`kinerja_web.performance.comparison`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from kinerja import sizing
from kinerja.errors import InputError
from kinerja.scoring import ScoreResult
from kinerja_web import access
from kinerja_web.performance.evaluate import (
    Evaluation,
    ScorecardIncomplete,
    evaluate_scorecard,
    evaluate_scorecards,
)
from kinerja_web.performance.models import Period, Scorecard
from kinerja_web.programs.models import Enterprise, Program

#: Law 20/2008 is the law the KPI paper sizes its enterprises by (and what a program's
#: frameworks per size class were designed for); see kinerja.sizing for both laws.
SIZING_LAW = sizing.UU20_2008


def visible_periods(user: Any) -> QuerySet[Period]:
    """Periods of the programs ``user`` takes part in."""
    return Period.objects.filter(program__in=access.visible_programs(user)).select_related(
        "program", "closed_by"
    )


def get_period_for(user: Any, pk: Any) -> Period:
    return access.get_or_404(visible_periods(user), pk)


def get_enterprise_period(enterprise: Enterprise, pk: Any) -> Period:
    """A period of ``enterprise``'s program (the enterprise already came through ``access``), else 404."""
    periods = Period.objects.filter(program_id=enterprise.cluster.program_id).select_related("program")
    return access.get_or_404(periods, pk)


def program_periods(user: Any) -> list[tuple[Program, list[Period]]]:
    """Each visible program with its periods, newest first (two queries)."""
    programs = list(access.visible_programs(user).order_by("name"))
    periods: dict[int, list[Period]] = {program.pk: [] for program in programs}
    for period in Period.objects.filter(program__in=programs).order_by("-start", "-end", "name"):
        periods[period.program_id].append(period)
    return [(program, periods[program.pk]) for program in programs]


def scorecard_for(enterprise: Enterprise, period: Period) -> Scorecard | None:
    return (
        Scorecard.objects.filter(enterprise=enterprise, period=period)
        .select_related("period__program", "framework", "enterprise__cluster__program")
        .first()
    )


def scorecard_compute(scorecard: Scorecard) -> ScoreResult:
    """The core's result of ``scorecard``: computed live in an open period, the frozen one once closed.

    Raises :class:`~kinerja_web.performance.evaluate.ScorecardIncomplete` (an ``InputError``) naming
    the rows that cannot be scored yet.
    """
    evaluation = evaluate_scorecard(scorecard)
    if evaluation.result is None:
        raise ScorecardIncomplete(evaluation.all_problems())
    return evaluation.result


def scorecard_evaluation(scorecard: Scorecard) -> Evaluation:
    """Rows, problems and (when complete) the result of ``scorecard``: what its page shows."""
    return evaluate_scorecard(scorecard)


@dataclass(frozen=True)
class OverviewRow:
    enterprise: Enterprise
    scorecard: Scorecard | None
    evaluation: Evaluation | None

    @property
    def status(self) -> str:
        if self.scorecard is None:
            return "none"
        if self.evaluation is not None and self.evaluation.frozen:
            return "frozen"
        if self.evaluation is not None and self.evaluation.complete:
            return "complete"
        return "incomplete"


def period_enterprises(user: Any, period: Period) -> QuerySet[Enterprise]:
    """The enterprises of the period's program that ``user`` may see."""
    return (
        access.visible_enterprises(user)
        .filter(cluster__program_id=period.program_id)
        .select_related("cluster")
        .order_by("cluster__name", "name", "pk")
    )


def period_overview(period: Period, enterprises: list[Enterprise]) -> list[OverviewRow]:
    """``enterprises`` (one page of them) with their scorecard of ``period`` and its evaluation.

    Queries do not grow with the number of enterprises: one for the scorecards, then
    :func:`~kinerja_web.performance.evaluate.evaluate_scorecards` (constant per framework and period).
    """
    scorecards = {
        s.enterprise_id: s
        for s in Scorecard.objects.filter(
            period=period, enterprise__in=[e.pk for e in enterprises]
        ).select_related("framework")
    }
    for scorecard in scorecards.values():
        scorecard.period = period
    evaluations = evaluate_scorecards(list(scorecards.values()))
    rows = []
    for enterprise in enterprises:
        scorecard = scorecards.get(enterprise.pk)
        if scorecard is not None:
            scorecard.enterprise = enterprise
        rows.append(OverviewRow(enterprise, scorecard, evaluations.get(scorecard.pk) if scorecard else None))
    return rows


@dataclass(frozen=True)
class PeriodRow:
    period: Period
    scorecard: Scorecard | None
    evaluation: Evaluation | None


def enterprise_scorecards(enterprise: Enterprise) -> list[PeriodRow]:
    """Every period of the enterprise's program (newest first) with its scorecard and evaluation."""
    periods = list(
        Period.objects.filter(program_id=enterprise.cluster.program_id)
        .select_related("program")
        .order_by("-start", "-end", "name")
    )
    scorecards = {
        s.period_id: s for s in Scorecard.objects.filter(enterprise=enterprise).select_related("framework")
    }
    by_pk = {p.pk: p for p in periods}
    for scorecard in scorecards.values():
        scorecard.period = by_pk[scorecard.period_id]
        scorecard.enterprise = enterprise
    evaluations = evaluate_scorecards(list(scorecards.values()))
    rows = []
    for period in periods:
        scorecard = scorecards.get(period.pk)
        rows.append(PeriodRow(period, scorecard, evaluations.get(scorecard.pk) if scorecard else None))
    return rows


def program_frameworks(program: Program) -> QuerySet:
    """The program's frameworks a scorecard may use (not templates), newest versions first."""
    from kinerja_web.frameworks.models import Framework

    return Framework.objects.filter(program=program, is_template=False).order_by("name", "-version")


def enterprise_size_class(enterprise: Enterprise) -> str:
    """``micro``, ``small``, ``medium`` or ``large`` under :data:`SIZING_LAW`; ``""`` if unknown."""
    try:
        result = sizing.classify(
            net_assets=enterprise.net_assets, annual_sales=enterprise.annual_sales, law=SIZING_LAW
        )
    except InputError:
        return ""
    return result.class_


def default_framework(enterprise: Enterprise, period: Period) -> Any:
    """The framework a new scorecard of ``enterprise`` starts with.

    The newest version of the framework its latest earlier scorecard used (so periods stay
    comparable), else the program's framework for its size class in the period (the figures of
    the period's year under the law in force on its dates), else one for any size; ``None`` when
    the program has none.
    """
    from kinerja_web.frameworks import selectors as framework_selectors

    earlier = (
        Scorecard.objects.filter(enterprise=enterprise, period__start__lte=period.start)
        .exclude(period=period)
        .select_related("framework")
        .order_by("-period__start")
        .first()
    )
    if earlier is not None:
        return framework_selectors.latest_version(earlier.framework)
    from kinerja_web.programs.selectors_figures import period_size

    program = enterprise.cluster.program
    size = period_size(enterprise, period.start, period.end).class_
    return framework_selectors.framework_for_size_class(program, size)

"""Site-wide reads: what the home page shows each user.

- An owner: their enterprise at a glance (:class:`OwnerGlance`): the scorecard of the newest period
  (by its dates) that can be scored, live while it is open, else frozen; its rating, the change
  against the previous closed period in points, the indicators that lose the most score, and
  this week's recorded days. Everything comes from the performance and records selectors; no
  formula is computed here (a lost score is the core's ``weight - score``).
- Administrators and facilitators: each program they manage (up to :data:`PROGRAMS_SHOWN`) with
  the latest closed period's average and how many enterprises fell, from the dashboards'
  selectors (``performance.dashboards``).

Queries do not grow with the number of periods, enterprises or records.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from kinerja_web import access

#: How many indicators "what to improve" lists.
WEAKEST_SHOWN = 3
#: How many managed programs get a summary on the home page (the dashboards list them all).
PROGRAMS_SHOWN = 3


@dataclass(frozen=True)
class Weak:
    """An indicator that loses score: its realization (capped, %) and the points it loses."""

    name: str
    realization: float
    lost: float


@dataclass(frozen=True)
class OwnerGlance:
    enterprise: Any
    period: Any  # the period of ``evaluation`` (None: no scorecard can be shown yet)
    evaluation: Any
    live: bool  # the open period's live total (not yet frozen)
    previous_period: Any
    previous_total: float | None
    weakest: list[Weak]
    tone: int | None  # the rating's place among the program's bands (see programs.bands.tone)
    week: Any  # records.selectors.Week
    today: datetime.date
    today_recorded: bool
    open_period: Any  # the newest open period (its scorecard may still miss targets)

    @property
    def change(self) -> float | None:
        """The total's change against the previous closed period, in points."""
        if self.evaluation is None or self.previous_total is None:
            return None
        return self.evaluation.total - self.previous_total


@dataclass(frozen=True)
class ProgramSummary:
    """A managed program's latest closed period on the dashboards (``summary``: its ClusterSummary)."""

    program: Any
    period: Any
    summary: Any
    open_period: Any = None  # the newest open period, whose scorecards are being filled in


def home_for(user: Any) -> dict[str, Any]:
    """The user's programs, clusters and (up to 50) enterprises; an owner's glance; managers' summaries."""
    enterprises = access.visible_enterprises(user).select_related("cluster")
    roles = access.roles_of(user)
    context = {
        "roles": roles,
        "programs": access.visible_programs(user),
        "clusters": access.visible_clusters(user).select_related("program"),
        "enterprises": enterprises[:50],
        "enterprise_count": enterprises.count(),
        "can_see_audit": access.can_see_audit(user),
        "glance": None,
        "program_summaries": [],
        "more_programs": False,
    }
    if "owner" in roles:
        context["glance"] = owner_glance(user)
    if roles & {"admin", "facilitator"}:
        summaries, more = program_summaries(user)
        context["program_summaries"], context["more_programs"] = summaries, more
    return context


def owner_glance(user: Any) -> OwnerGlance | None:
    """The glance at the first enterprise ``user`` owns (by name); ``None`` if they own none."""
    from kinerja_web.performance.selectors import enterprise_scorecards
    from kinerja_web.programs.bands import program_bands, tone
    from kinerja_web.records import selectors as records
    from kinerja_web.records.services import today as today_

    enterprise = records.owned_enterprises(user).select_related("cluster__program").first()
    if enterprise is None:
        return None
    rows = enterprise_scorecards(enterprise)  # newest first (by dates)
    open_period = next((row.period for row in rows if not row.period.is_closed), None)
    # The newest period that can be scored, open (live) or closed: an older period left open
    # must not hide a later closed result.
    index = next((i for i, row in enumerate(rows) if _complete(row)), None)
    current = rows[index] if index is not None else None
    previous = None
    if index is not None:
        previous = next((row for row in rows[index + 1 :] if row.period.is_closed and _complete(row)), None)
    evaluation = current.evaluation if current else None
    day = today_()
    week = records.week_summary(enterprise, day)
    return OwnerGlance(
        enterprise=enterprise,
        period=current.period if current else None,
        evaluation=evaluation,
        live=bool(current and not current.period.is_closed),
        previous_period=previous.period if previous else None,
        previous_total=previous.evaluation.total if previous else None,
        weakest=weakest(evaluation) if evaluation else [],
        tone=tone(evaluation.rating.code, program_bands(enterprise.cluster.program)) if evaluation else None,
        week=week,
        today=day,
        today_recorded=any(d.recorded for d in week.days if d.date == day),
        open_period=open_period,
    )


def _complete(row: Any) -> bool:
    return row.evaluation is not None and row.evaluation.complete


def weakest(evaluation: Any, count: int = WEAKEST_SHOWN) -> list[Weak]:
    """The scored indicators that lose the most points (``weight - score``), lowest realization
    first among equals; indicators at full score are left out."""
    lost = [
        Weak(line.name, line.realization, line.weight - line.score)
        for line in evaluation.lines
        if line.score is not None and line.weight is not None and line.weight - line.score > 1e-9
    ]
    lost.sort(key=lambda weak: (-weak.lost, weak.realization, weak.name))
    return lost[:count]


def program_summaries(user: Any) -> tuple[list[ProgramSummary], bool]:
    """The first :data:`PROGRAMS_SHOWN` programs in which ``user`` manages clusters, each with the
    dashboards' summary of its latest closed period over those clusters; and whether there are more."""
    from kinerja_web.performance import dashboards
    from kinerja_web.performance.selectors import visible_periods

    managed = dashboards.managed_programs(user)
    shown = [program for program, _clusters in managed[:PROGRAMS_SHOWN]]
    open_periods: dict[int, Any] = {}
    for period in visible_periods(user).filter(program__in=shown, closed_at__isnull=True).order_by("-start"):
        open_periods.setdefault(period.program_id, period)
    summaries = []
    for program in shown:
        scope = dashboards.program_scope(user, program.pk)
        summary = dashboards.aggregates(scope).summary if scope.period is not None else None
        summaries.append(ProgramSummary(program, scope.period, summary, open_periods.get(program.pk)))
    return summaries, len(managed) > PROGRAMS_SHOWN

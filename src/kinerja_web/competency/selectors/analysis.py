"""A round's ratings as the competency core reads them, and the core's analysis of them.

Every page that shows combined levels, flags, gaps, roll-ups or priorities calls
:func:`round_analysis`: it builds the input of ``kinerja competency`` (the CLI contract's JSON
shape) from the database and hands it to ``kinerja.competency.assess``, so the pages, the
command and the API compute with one set of rules. Person ids are worker primary keys as
strings; item codes and area names are the framework's; role codes are ``WorkerRole.code``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kinerja.ahp import group as ahp_group
from kinerja.competency import CompetencyError, CompetencyResult, assess
from kinerja_web.competency.models import AssessmentRound, CompetencyFramework, Item, Rating
from kinerja_web.core_messages import core_message
from kinerja_web.programs.models import Enterprise, Worker

#: The role code of a worker who has none yet: such a worker has no required level anywhere.
NO_ROLE = "(none)"


@dataclass(frozen=True)
class RoundAnalysis:
    """The core's result for a round (or part of it) with the objects its ids name."""

    round: AssessmentRound
    result: CompetencyResult
    workers: dict[str, Worker] = field(default_factory=dict)
    items: dict[str, Item] = field(default_factory=dict)
    lever_names: dict[str, str] = field(default_factory=dict)
    #: Why the lever judgments could not be used (then there are no priorities), else None.
    lever_problem: str | None = None

    def enterprise_of(self) -> dict[str, int]:
        """person id -> enterprise id, for ``kinerja.competency.area_gaps_by``."""
        return {pid: worker.enterprise_id for pid, worker in self.workers.items()}

    def cluster_of(self) -> dict[str, int]:
        """person id -> cluster id."""
        return {pid: worker.enterprise.cluster_id for pid, worker in self.workers.items()}

    def role_of(self) -> dict[str, str]:
        """person id -> role name (as people read it)."""
        return {pid: (worker.role.name if worker.role else NO_ROLE) for pid, worker in self.workers.items()}


def framework_input(framework: CompetencyFramework) -> dict[str, Any]:
    """The framework's part of the core's input: scale, items, required levels, levers and rules."""
    items = list(framework.items.select_related("area").order_by("area__position", "position", "pk"))
    required: dict[str, dict[str, int]] = {role.code: {} for role in framework.program.worker_roles.all()}
    required[NO_ROLE] = {}
    for row in framework.required_levels.select_related("role", "item"):
        required.setdefault(row.role.code, {})[row.item.code] = row.level
    data: dict[str, Any] = {
        "scale": [1, 5],
        # Every area, so that a rule may name an area whose items are still to be written.
        "areas": [area.name for area in framework.areas.all()],
        "items": [
            {"code": item.code, "area": item.area.name, "kind": item.kind, "name": item.name}
            for item in items
        ],
        "required": required,
    }
    levers = list(framework.levers.prefetch_related("areas"))
    if levers:
        data["levers"] = lever_input(framework, [lever.code for lever in levers])
        rules: dict[str, list[str]] = {}
        for lever in levers:
            for area in lever.areas.all():
                rules.setdefault(area.name, []).append(lever.code)
        data["rules"] = rules
    return data


def lever_input(framework: CompetencyFramework, codes: list[str]) -> dict[str, Any]:
    """``levers`` of the core's input: one expert's judgments as they are (the core weighs them by
    the principal eigenvector and reports their CR); several experts' judgments aggregated by
    the weighted geometric mean (``kinerja.ahp.group``) and passed as weights; none: equal weights."""
    sets = [s for s in framework.lever_judgments.all() if s.judgments]
    if not sets:
        return {"weights": dict.fromkeys(codes, 1)}
    if len(sets) == 1:
        # ``criteria`` names every lever, so a lever left out of the judgments is still known.
        return {"criteria": codes, "judgments": [list(j) for j in sets[0].judgments]}
    criteria, experts, aggregation = ahp_group.parse_group(
        {
            "criteria": codes,
            "experts": [{"name": s.expert_name, "weight": 1, "judgments": s.judgments} for s in sets],
            "aggregation": "judgments",
        }
    )
    group = ahp_group.group_priorities(criteria, experts, aggregation=aggregation)
    weights = group.aggregate.weights
    return {"weights": {code: float(w) for code, w in zip(criteria, weights, strict=True)}}


def round_analysis(
    round: AssessmentRound, *, enterprises: Iterable[Enterprise] | None = None
) -> RoundAnalysis:
    """The core's analysis of ``round``'s ratings (of ``enterprises`` only, when given: the
    caller passes what the user may see), by the round's combination rule and flag threshold."""
    framework = round.framework
    ratings = Rating.objects.filter(round=round).select_related("item", "worker__role", "worker__enterprise")
    if enterprises is not None:
        ratings = ratings.filter(enterprise__in=list(enterprises))
    workers: dict[str, Worker] = {}
    rows = []
    for rating in ratings.order_by(
        "worker__enterprise__name", "worker__name", "worker_id", "item_id", "source"
    ):
        pid = str(rating.worker_id)
        workers.setdefault(pid, rating.worker)
        rows.append({"person": pid, "item": rating.item.code, "source": rating.source, "level": rating.level})
    data = framework_input(framework)
    data["people"] = [
        {"id": pid, "name": w.name, "role": w.role.code if w.role else NO_ROLE} for pid, w in workers.items()
    ]
    data["ratings"] = rows
    lever_problem = None
    try:
        result = assess(data, combine=round.combine, flag=round.flag_threshold)
    except CompetencyError as error:
        if not error.where.startswith("levers"):
            raise
        # Lever judgments that cannot be used (e.g. levers left unconnected) must not hide the
        # gaps: analyse without priorities and let the page say why there are none.
        lever_problem = core_message(error)
        data.pop("levers", None)
        data.pop("rules", None)
        result = assess(data, combine=round.combine, flag=round.flag_threshold)
    return RoundAnalysis(
        round=round,
        result=result,
        workers=workers,
        items={item.code: item for item in framework.items.select_related("area")},
        lever_names={lever.code: lever.name for lever in framework.levers.all()},
        lever_problem=lever_problem,
    )

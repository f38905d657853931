"""Writes of the development strategy: the rule set, lever judgments, plans and their actions.

Each function is one action: keyword-only arguments, one transaction, a permission check and an
audit row in that transaction. A framework used by a closed round is frozen: its rule set and
lever judgments are refused (:class:`StrategyLocked`), since the plans made from that round
show the rules and weights they came from.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja_web import access
from kinerja_web.audit.services import diff, record, stored_snapshot
from kinerja_web.competency.models import (
    AssessmentRound,
    CompetencyFramework,
    DevelopmentPlan,
    LeverJudgment,
    PlanAction,
)
from kinerja_web.competency.selectors.strategy import (
    can_edit_strategy,
    ids_as_stored,
    levers_of,
    plan_analysis,
    round_covers,
)
from kinerja_web.competency.services.rounds import EVIDENCE_TYPES, evidence_max_bytes, sniff_type
from kinerja_web.frameworks.judgments import parse_judgments, value_text
from kinerja_web.programs.models import Enterprise, Worker


class StrategyLocked(ValidationError):
    """The framework is used by a closed round: its levers, rules and judgments stay as they are."""

    def __init__(self, framework: CompetencyFramework) -> None:
        super().__init__(
            _(
                "“%(name)s” version %(version)s is used by a closed round, so its rule set and lever "
                "judgments cannot change (the plans made from that round show them). Make a new "
                "version of the framework to change them."
            )
            % {"name": framework.name, "version": framework.version},
            code="locked",
        )
        self.framework = framework


def _user(actor: Any) -> Any:
    return actor if actor is not None and getattr(actor, "is_authenticated", False) else None


def _check_strategy(actor: Any, framework: CompetencyFramework) -> None:
    access.require(can_edit_strategy(actor, framework))
    if framework.is_frozen:
        raise StrategyLocked(framework)


# --- rule set and lever judgments -----------------------------------------------------------


@transaction.atomic
def rules_save(*, actor: Any, framework: CompetencyFramework, rules: Mapping[int, Iterable[int]]) -> None:
    """Set the rule set: ``{lever_id: area ids it addresses}`` for every lever of ``framework``."""
    _check_strategy(actor, framework)
    framework = CompetencyFramework.objects.select_for_update().get(pk=framework.pk)
    areas = {area.pk: area for area in framework.areas.all()}
    levers = levers_of(framework)
    changes: dict[str, list[list[str]]] = {}
    for lever in levers:
        wanted = sorted(set(rules.get(lever.pk, ())))
        unknown = [pk for pk in wanted if pk not in areas]
        if unknown:
            raise ValidationError(
                _("%(lever)s: an area that is not in this framework.") % {"lever": lever.name}
            )
        before = sorted(area.pk for area in lever.areas.all())
        if before != wanted:
            lever.areas.set([areas[pk] for pk in wanted])
            changes[lever.code] = [[areas[pk].name for pk in before], [areas[pk].name for pk in wanted]]
    if changes:
        record(actor=actor, action="competency.rules.update", obj=framework, changes=changes)


@transaction.atomic
def lever_judgments_save(
    *,
    actor: Any,
    framework: CompetencyFramework,
    expert_name: str,
    judgments: Sequence[Sequence[Any]],
    judgment: LeverJudgment | None = None,
) -> LeverJudgment:
    """Store one expert's judgments among the framework's levers, given as ``[[lever_id_a,
    lever_id_b, "3"], ...]`` and stored by lever code. Checked by ``kinerja.ahp`` (a value off
    Saaty's scale, a pair judged twice, levers never compared raise a JudgmentError naming the
    pair). ``judgment``: the set being edited; else the expert's set is created or replaced."""
    _check_strategy(actor, framework)
    name = (expert_name or "").strip()
    if not name:
        raise ValidationError({"expert_name": _("Give the expert's name.")})
    levers = levers_of(framework)
    if len(levers) < 2:
        raise ValidationError(_("Judgments compare two or more levers; this framework has fewer."))
    entries = [[int(a), int(b), value_text(value)] for a, b, value in judgments]
    parse_judgments(levers, entries)
    clash = framework.lever_judgments.filter(expert_name=name)
    if judgment is not None:
        if judgment.framework_id != framework.pk:
            raise ValidationError(_("These judgments belong to another framework."))
        clash = clash.exclude(pk=judgment.pk)
    if clash.exists():
        if judgment is not None:
            raise ValidationError({"expert_name": _("Another expert of this framework has this name.")})
        judgment = clash.get()
    fields = ("expert_name", "judgments")
    if judgment is None:
        judgment, before, action = LeverJudgment(framework=framework), {}, "competency.lever_judgment.create"
    else:
        before, action = stored_snapshot(judgment, fields), "competency.lever_judgment.update"
    judgment.expert_name = name
    judgment.judgments = ids_as_stored(levers, entries)
    judgment.updated_by = _user(actor)
    judgment.save()
    after = {"expert_name": judgment.expert_name, "judgments": judgment.judgments}
    record(actor=actor, action=action, obj=judgment, changes=diff(before, after), program=framework.program)
    return judgment


@transaction.atomic
def lever_judgments_delete(*, actor: Any, judgment: LeverJudgment) -> None:
    framework = judgment.framework
    _check_strategy(actor, framework)
    record(
        actor=actor,
        action="competency.lever_judgment.delete",
        obj=judgment,
        changes={"expert_name": [judgment.expert_name, None]},
        program=framework.program,
    )
    judgment.delete()


# --- development plans ----------------------------------------------------------------------


@dataclass
class Generation:
    """What generating (or regenerating) a plan did: the actions added and the ones kept."""

    plan: DevelopmentPlan
    created: bool
    added: list[PlanAction] = field(default_factory=list)
    kept: int = 0


def action_title(lever_name: str, area_name: str) -> str:
    """The title of a generated action: the lever, then the area it addresses."""
    return _("%(lever)s: %(area)s") % {"lever": lever_name, "area": area_name}


@transaction.atomic
def plan_generate(*, actor: Any, enterprise: Enterprise, round: AssessmentRound) -> Generation:
    """Make ``enterprise``'s plan from ``round``'s prioritised actions (``kinerja.competency``),
    or add to the plan it has: one action per (area, lever) with its priority (lever weight x
    the area's gap total) and the workers with a gap in that area. Actions already in the plan
    (edited or not) are kept as they are; only missing ones are added, and the caller says so."""
    access.require(access.can_change_enterprise(actor, enterprise))
    if not round_covers(round, enterprise):
        raise ValidationError({"round": _("This round does not assess this enterprise's cluster.")})
    if not round.is_closed:
        raise ValidationError({"round": _("A plan is made from a closed round: close the round first.")})
    analysis = plan_analysis(round, enterprise)
    if not analysis.workers:
        raise ValidationError({"round": _("Nobody of this enterprise was rated in this round.")})
    framework = round.framework
    areas = {area.name: area for area in framework.areas.all()}
    levers = {lever.code: lever for lever in framework.levers.all()}
    plan, created = DevelopmentPlan.objects.select_for_update().get_or_create(
        enterprise=enterprise, round=round, defaults={"created_by": _user(actor)}
    )
    existing = {(a.area_id, a.lever_id) for a in plan.actions.all()}
    position = max((a.position for a in plan.actions.all()), default=-1) + 1
    generation = Generation(plan=plan, created=created)
    for found in analysis.result.actions:
        area, lever = areas.get(found.area), levers.get(found.lever)
        if area is None or lever is None:
            continue
        if (area.pk, lever.pk) in existing:
            generation.kept += 1
            continue
        action = PlanAction.objects.create(
            plan=plan,
            enterprise=enterprise,
            area=area,
            lever=lever,
            title=action_title(lever.name, area.name)[:300],
            priority=float(found.priority),
            position=position,
        )
        action.people.set([analysis.workers[pid] for pid in found.people])
        position += 1
        generation.added.append(action)
    record(
        actor=actor,
        action="competency.plan.create" if created else "competency.plan.regenerate",
        obj=plan,
        changes={
            "round": round.pk,
            "added": [a.title for a in generation.added],
            "kept": generation.kept,
        },
        enterprise=enterprise,
    )
    return generation


ACTION_FIELDS = (
    "title",
    "responsible",
    "due_date",
    "cost",
    "status",
    "done_on",
    "evidence_note",
    "evidence_file",
)


@transaction.atomic
def action_update(
    *,
    actor: Any,
    action: PlanAction,
    title: str,
    people: Iterable[Worker],
    responsible: str = "",
    due_date: datetime.date | None = None,
    cost: int | None = None,
    status: str = PlanAction.Status.PLANNED,
    done_on: datetime.date | None = None,
    evidence_note: str = "",
    evidence_file: Any = None,
    remove_file: bool = False,
) -> PlanAction:
    """Change one planned action: what, for whom (workers of its enterprise), who is responsible,
    by when, its cost in whole Rupiah, its status and, once done, the evidence (a note, and a
    file if any). Done needs a note saying what shows it; ``done_on`` defaults to today."""
    enterprise = action.enterprise
    access.require(access.can_change_enterprise(actor, enterprise))
    action = PlanAction.objects.select_for_update().get(pk=action.pk)
    title = (title or "").strip()
    errors: dict[str, str] = {}
    if not title:
        errors["title"] = _("Say what will be done.")
    people = list(people)
    if any(worker.enterprise_id != enterprise.pk for worker in people):
        errors["people"] = _("Choose workers of this enterprise.")
    if cost is not None and (isinstance(cost, bool) or not isinstance(cost, int) or cost < 0):
        errors["cost"] = _("The cost is whole Rupiah, 0 or more.")
    if status not in PlanAction.Status.values:
        errors["status"] = _("Choose a status from the list.")
    note = (evidence_note or "").strip()
    if status == PlanAction.Status.DONE and not note:
        errors["evidence_note"] = _("An action marked done needs its evidence: say what shows it was done.")
    content_type = None
    if evidence_file is not None:
        limit = evidence_max_bytes()
        evidence_file.seek(0)
        content_type = sniff_type(evidence_file.read(16))
        if content_type is None or evidence_file.size > limit:
            errors["evidence_file"] = _(
                "Attach a PDF document or a JPEG, PNG or WebP photo of at most %(limit)s MB."
            ) % {"limit": limit // (1024 * 1024)}
    if errors:
        raise ValidationError(errors)
    before = snapshot_action(action)
    action.title = title
    action.responsible = (responsible or "").strip()
    action.due_date = due_date
    action.cost = cost
    action.status = status
    action.evidence_note = note
    action.done_on = (done_on or timezone.localdate()) if status == PlanAction.Status.DONE else None
    old_file = action.evidence_file.name if action.evidence_file else ""
    if remove_file or content_type is not None:
        action.evidence_file = ""
    if content_type is not None:
        evidence_file.seek(0)
        action.evidence_file.save(
            f"evidence.{EVIDENCE_TYPES[content_type]}", ContentFile(evidence_file.read()), save=False
        )
    try:
        action.save()
        action.people.set(people)
        changes = diff(before, snapshot_action(action))
        if changes:
            record(
                actor=actor,
                action="competency.action.update",
                obj=action,
                changes=changes,
                enterprise=enterprise,
            )
    except BaseException:
        # Nothing is written: the new file must not stay behind either.
        if content_type is not None:
            action.evidence_file.storage.delete(action.evidence_file.name)
        raise
    if old_file and old_file != (action.evidence_file.name or ""):
        storage, name = action.evidence_file.storage, old_file
        transaction.on_commit(lambda: storage.delete(name))
    return action


def snapshot_action(action: PlanAction) -> dict[str, Any]:
    """The action's fields as the audit trail keeps them (the file by its stored name, people by id)."""
    values: dict[str, Any] = {
        "title": action.title,
        "responsible": action.responsible,
        "due_date": action.due_date.isoformat() if action.due_date else None,
        "cost": action.cost,
        "status": action.status,
        "done_on": action.done_on.isoformat() if action.done_on else None,
        "evidence_note": action.evidence_note,
        "evidence_file": action.evidence_file.name if action.evidence_file else "",
    }
    if action.pk:
        values["people"] = sorted(action.people.values_list("pk", flat=True))
    return values

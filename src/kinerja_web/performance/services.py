"""Writes of performance: one function per action, under ``transaction.atomic``, with its audit entry.

- :func:`period_create`: a quarter, a month or a custom range of a program (administrators).
- :func:`scorecard_create`: an enterprise's scorecard in a period, with the framework version it
  uses (facilitators and administrators: the choice of framework is theirs).
- :func:`targets_save`: targets, hand-entered actuals and given realizations of a scorecard, all
  rows or none; an error names the indicator row. Targets and given realizations are the
  facilitator's (``permissions.can_set_targets``); an owner saves only actuals typed by hand.
  A save over a newer version of the scorecard than the form was drawn from is refused
  (:class:`StaleVersion`, naming what changed); any change withdraws the approval.
- :func:`proposal_submit`, :func:`proposal_accept`, :func:`proposal_reject`: an owner's proposed
  framework, targets and given realizations (when the program allows it); pending, a proposal
  counts nowhere; accepting writes it through :func:`targets_save` as the facilitator.
- :func:`scorecard_approve`, :func:`scorecard_acknowledge`: the review step (facilitator
  approves, owner acknowledges with an optional comment).
- :func:`period_close`: computes the period's approved scorecards with ``kinerja.scoring``
  (actuals of all enterprises in one ``actuals_for`` call), stores each as a ``ScorecardResult``
  and freezes the period: its targets and actuals can no longer change, and the frameworks its
  scorecards use are locked (``frameworks`` checks ``framework.scorecards`` of closed periods).
  Scorecards not approved (or approved but not scorable) are **not frozen and not ranked**:
  :func:`left_out` names them with the reason, before and after the close.
- :func:`period_reopen`: administrators undo a close; the frozen results are removed (and audited).

Services raise ``django.core.exceptions.ValidationError`` with messages a user can act on, and
``PermissionDenied`` when the actor may not do it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja_web import access
from kinerja_web.audit.services import record, snapshot
from kinerja_web.performance.evaluate import evaluate_scorecards, result_rows
from kinerja_web.performance.models import Period, Proposal, Scorecard, ScorecardResult, Target
from kinerja_web.performance.permissions import (
    can_acknowledge,
    can_close_period,
    can_propose,
    can_reopen_period,
    can_set_targets,
)
from kinerja_web.programs.selectors_figures import period_size, years_by_enterprise

PERIOD_FIELDS = ("name", "kind", "start", "end")
TARGET_FIELDS = ("target", "manual_actual", "manual_realization")
#: The fields only a facilitator or an administrator sets (an owner may propose them).
SETTER_FIELDS = ("target", "manual_realization")
#: The most problems a refused close lists before "... and N more".
MAX_LISTED = 10
#: Decimal places and digits the target columns hold (models.Target).
DECIMAL_PLACES = 4
MAX_DIGITS = 20
#: A realization given directly above this many percent is a typing mistake (the core caps at 100).
MAX_GIVEN_REALIZATION = Decimal(1000)


def closed_message(period: Period) -> str:
    return _(
        "The period %(period)s is closed: its targets and actuals can no longer change. "
        "An administrator can reopen it."
    ) % {"period": period.name}


@transaction.atomic
def period_create(
    *, actor: Any, program: Any, name: str, kind: str, start: datetime.date, end: datetime.date
) -> Period:
    """A new (open) period of ``program``; administrators only."""
    access.require(access.can_administer_program(actor, program))
    period = Period(program=program, name=(name or "").strip(), kind=kind, start=start, end=end)
    if start and end and start > end:
        raise ValidationError({"end": _("The last day must not be before the first day.")})
    if Period.objects.filter(program=program, name=period.name).exists():
        raise ValidationError(
            {"name": _("This program already has a period named %(name)s.") % {"name": period.name}}
        )
    period.full_clean()
    period.save()
    record(actor=actor, action="period.create", obj=period, changes=snapshot(period, PERIOD_FIELDS))
    return period


class StaleVersion(ValidationError):
    """The form was drawn from an older version of the scorecard: nothing was saved; the messages
    say who changed what since."""


def _locked(scorecard: Scorecard) -> tuple[Period, Scorecard]:
    """The period and the scorecard, both locked for this transaction (period first, as
    :func:`period_close` does, so the two never wait on each other in opposite order)."""
    period = Period.objects.select_for_update().get(pk=scorecard.period_id)
    card = (
        Scorecard.objects.select_for_update()
        .select_related("enterprise__cluster__program", "framework")
        .get(pk=scorecard.pk)
    )
    card.period = period
    return period, card


def _check_version(card: Scorecard, expected_version: int | None) -> None:
    if expected_version is not None and card.version != expected_version:
        raise StaleVersion(changed_since(card, expected_version))


def changed_since(card: Scorecard, version: int) -> list[str]:
    """What changed in ``card`` after ``version``, from its audit entries: who, when, which row
    and field, old and new value; the message a refused stale save shows."""
    from django.utils.formats import date_format
    from django.utils.timezone import localtime

    from kinerja_web.audit.models import AuditEntry

    lines = [
        _(
            "Someone else changed this scorecard after you opened it, so nothing was saved. "
            "The form now shows the stored values; enter your changes again."
        )
    ]
    entries = AuditEntry.objects.filter(object_type="performance.scorecard", object_id=str(card.pk)).order_by(
        "at", "pk"
    )
    labels = {
        "target": _("target"),
        "manual_actual": _("actual"),
        "manual_realization": _("realization given"),
        "not_applicable": _("not applicable"),
        "parts": _("parts"),
    }
    for entry in entries:
        changes = entry.changes or {}
        versions = changes.get("version")
        if not (isinstance(versions, list) and len(versions) == 2 and (versions[1] or 0) > version):
            continue
        who = entry.actor_name or "?"
        when = date_format(localtime(entry.at), "SHORT_DATETIME_FORMAT")
        rows = changes.get("rows") or {}
        if not rows:
            lines.append(
                _("%(who)s (%(when)s): %(action)s") % {"who": who, "when": when, "action": entry.action}
            )
        for row, fields in rows.items():
            for name, pair in (fields or {}).items():
                old, new = pair
                lines.append(
                    _("%(who)s (%(when)s): %(row)s, %(field)s: %(old)s → %(new)s")
                    % {
                        "who": who,
                        "when": when,
                        "row": row,
                        "field": labels.get(name, name),
                        "old": "–" if old is None else old,
                        "new": "–" if new is None else new,
                    }
                )
    return lines


@transaction.atomic
def scorecard_create(*, actor: Any, enterprise: Any, period: Period, framework: Any) -> Scorecard:
    """The scorecard of ``enterprise`` in ``period``, scored with ``framework`` (of its program).

    The choice of framework is the facilitator's or an administrator's (an owner may propose one:
    :func:`proposal_submit`)."""
    access.require(can_set_targets(actor, enterprise))
    program_id = enterprise.cluster.program_id
    if period.program_id != program_id or framework.program_id != program_id:
        raise ValidationError(_("The period and the framework must belong to the enterprise's program."))
    period = Period.objects.select_for_update().get(pk=period.pk)
    if period.closed_at is not None:
        raise ValidationError(closed_message(period))
    scorecard, created = Scorecard.objects.get_or_create(
        enterprise=enterprise, period=period, defaults={"framework": framework}
    )
    if created:
        record(
            actor=actor,
            action="scorecard.create",
            obj=scorecard,
            changes={"period": period.name, "framework": str(framework), "framework_id": framework.pk},
        )
    return scorecard


@transaction.atomic
def targets_save(
    *,
    scorecard: Scorecard,
    rows: Iterable[Mapping[str, Any]],
    actor: Any,
    expected_version: int | None = None,
) -> list[Target]:
    """Save the indicator rows of ``scorecard`` in one transaction, or none of them.

    Each row: ``node`` (a framework ``Node`` or its id) and any of ``target`` (> 0, or None where
    the realization is given directly), ``manual_actual`` (>= 0, for indicators whose actual is
    entered by hand) and ``manual_realization`` (percent given directly, as the KPI paper's
    Table 1 does); a field left out of a row keeps its stored value. A row whose three values end
    up empty removes the stored one. Refused when the period is closed; a ``ValidationError``
    names each wrong row ("Row 2 (Production time): ..."). ``target`` and ``manual_realization``
    are the facilitator's: from anyone else a change of them is ``PermissionDenied``.
    ``expected_version``: the scorecard version the form was drawn from; a newer one stored is
    :class:`StaleVersion`. Any change raises the version and withdraws the approval.
    """
    access.require(access.can_change_enterprise(actor, scorecard.enterprise))
    period, card = _locked(scorecard)
    if period.closed_at is not None:
        raise ValidationError(closed_message(period))
    _check_version(card, expected_version)
    may_set = can_set_targets(actor, card.enterprise)
    from kinerja_web.frameworks.models import Node

    indicators = {
        node.pk: node
        for node in Node.objects.filter(framework_id=card.framework_id, kind=Node.Kind.INDICATOR)
    }
    order = {pk: number for number, pk in enumerate(_display_order(card), start=1)}
    existing = {t.node_id: t for t in Target.objects.select_for_update().filter(scorecard=card)}
    errors: list[str] = []
    cleaned: list[tuple[Any, dict[str, Decimal | None]]] = []
    for index, row in enumerate(rows, start=1):
        node_ref = row.get("node")
        node_id = getattr(node_ref, "pk", node_ref)
        node = indicators.get(node_id)
        if node is None:
            errors.append(
                _("Row %(number)s: not an indicator of this scorecard's framework.") % {"number": index}
            )
            continue
        label = _("Row %(number)s (%(name)s)") % {"number": order.get(node.pk, index), "name": node.name}
        current = existing.get(node.pk)
        stored = {name: getattr(current, name) if current else None for name in TARGET_FIELDS}
        given = {name: row[name] for name in TARGET_FIELDS if name in row}
        values, row_errors = _clean_row({**stored, **given}, node)
        if not may_set and any(values[name] != stored[name] for name in SETTER_FIELDS if name in given):
            raise PermissionDenied(
                _("Targets and given realizations are set by the enterprise's facilitator.")
            )
        errors.extend(f"{label}: {problem}" for problem in row_errors)
        cleaned.append((node, values))
    if errors:
        raise ValidationError(errors)

    changes: dict[str, Any] = {}
    saved: list[Target] = []
    for node, values in cleaned:
        current = existing.get(node.pk)
        before = {name: getattr(current, name) if current else None for name in TARGET_FIELDS}
        if before == values:
            if current:
                saved.append(current)
            continue
        if all(value is None for value in values.values()):
            if current and not (current.not_applicable or current.parts):
                current.delete()
            elif current:  # the row stays: it is marked not applicable or holds a composite's parts
                for name, value in values.items():
                    setattr(current, name, value)
                current.save()
                saved.append(current)
        else:
            if current is None:
                current = Target(scorecard=card, enterprise_id=card.enterprise_id, node=node)
            for name, value in values.items():
                setattr(current, name, value)
            current.save()
            saved.append(current)
        changes[node.name] = {
            name: [_plain(before[name]), _plain(values[name])]
            for name in TARGET_FIELDS
            if before[name] != values[name]
        }
    if changes:
        review = _bump(card)
        record(
            actor=actor,
            action="scorecard.targets_save",
            obj=card,
            changes={"rows": changes, "version": [card.version - 1, card.version], **review},
        )
    scorecard.version = card.version
    return saved


def _bump(card: Scorecard) -> dict[str, Any]:
    """Raise ``card``'s version and withdraw its approval and acknowledgement (its figures
    changed: the facilitator approves them again); the audit changes that says so."""
    review: dict[str, Any] = {}
    if card.approved_at is not None:
        review["approval_withdrawn"] = card.approved_at.isoformat()
    card.version += 1
    card.approved_at = card.approved_by = None
    card.acknowledged_at = card.acknowledged_by = None
    card.acknowledgement = ""
    card.save(
        update_fields=[
            "version",
            "approved_at",
            "approved_by",
            "acknowledged_at",
            "acknowledged_by",
            "acknowledgement",
            "updated_at",
        ]
    )
    return review


# --- One indicator in a period: not applicable, or a composite target's parts --------------------

#: The most parts a composite target has (Table 1's has two: molds and litres).
MAX_PARTS = 4
PART_FIELDS = ("name", "unit", "target", "actual")


@transaction.atomic
def target_detail_save(
    *,
    actor: Any,
    scorecard: Scorecard,
    node: Any,
    not_applicable: bool,
    parts: list[Mapping[str, Any]],
    expected_version: int | None = None,
) -> Target | None:
    """Mark one indicator of ``scorecard`` not applicable in its period, and/or set its target as
    parts (a composite target: each part ``{"name", "unit", "target", "actual"}``, 2 to
    :data:`MAX_PARTS` of them, or none for a plain target). The facilitator's or an
    administrator's (``permissions.can_set_targets``); refused in a closed period or over a newer
    version; audited as ``scorecard.indicator_save``; a change withdraws the approval.

    The core checks the parts (``kinerja.scoring.Part``: a name, a target > 0, an actual >= 0,
    names distinct) so the page's message is the core's rule.
    """
    from kinerja.errors import InputError
    from kinerja.scoring import Part
    from kinerja_web.core_messages import core_message
    from kinerja_web.frameworks.models import Node

    access.require(can_set_targets(actor, scorecard.enterprise))
    period, card = _locked(scorecard)
    if period.closed_at is not None:
        raise ValidationError(closed_message(period))
    _check_version(card, expected_version)
    node_id = getattr(node, "pk", node)
    indicator = Node.objects.filter(
        framework_id=card.framework_id, kind=Node.Kind.INDICATOR, pk=node_id
    ).first()
    if indicator is None:
        raise ValidationError(_("Not an indicator of this scorecard's framework."))
    cleaned: list[dict[str, str | None]] = []
    errors: list[str] = []
    for number, part in enumerate(parts, start=1):
        row = {name: part.get(name) for name in PART_FIELDS}
        if all(value in (None, "") for value in row.values()):
            continue
        try:
            for name in ("target", "actual"):  # numbers as the form gives them: Decimal or its text
                if isinstance(row[name], str) and row[name].strip():
                    row[name] = Decimal(row[name].strip())
        except ArithmeticError:
            errors.append(_("Part %(number)s: target and actual must be numbers.") % {"number": number})
            continue
        try:
            Part(name=row["name"], target=row["target"], actual=row["actual"], unit=row["unit"] or None)
        except InputError as error:
            labels = {"name": _("name"), "target": _("target"), "actual": _("actual"), "unit": _("unit")}
            errors.append(
                _("Part %(number)s, %(field)s: %(problem)s")
                % {
                    "number": number,
                    "field": labels.get(error.where, error.where),
                    "problem": core_message(error),
                }
            )
            continue
        cleaned.append(
            {
                "name": str(row["name"]).strip(),
                "unit": (str(row["unit"]).strip() or None) if row["unit"] else None,
                "target": _plain(Decimal(row["target"])),  # type: ignore[arg-type]
                "actual": _plain(Decimal(row["actual"])),  # type: ignore[arg-type]
            }
        )
    if len(cleaned) == 1:
        errors.append(
            _("A composite target needs at least two parts; leave all parts empty for a plain target.")
        )
    if len(cleaned) > MAX_PARTS:
        errors.append(_("At most %(count)s parts.") % {"count": MAX_PARTS})
    names = [part["name"].casefold() for part in cleaned]  # type: ignore[union-attr]
    if len(set(names)) != len(names):
        errors.append(_("Two parts have the same name."))
    if errors:
        raise ValidationError(errors)
    current = Target.objects.select_for_update().filter(scorecard=card, node=indicator).first()
    before: dict[str, Any] = {
        "not_applicable": bool(current and current.not_applicable),
        "parts": list(current.parts) if current else [],
    }
    after: dict[str, Any] = {"not_applicable": bool(not_applicable), "parts": cleaned}
    if cleaned and current is not None:
        # Measured in parts: the parts give the realization, so a single target, actual or given
        # realization stored before is cleared (and the audit entry says so).
        for name in TARGET_FIELDS:
            before[name] = getattr(current, name)
            after[name] = None
    if before == after:
        return current
    if current is None:
        current = Target(scorecard=card, enterprise_id=card.enterprise_id, node=indicator)
    for name, value in after.items():
        setattr(current, name, value)
    if (
        not current.not_applicable
        and not current.parts
        and all(getattr(current, name) is None for name in TARGET_FIELDS)
    ):
        if current.pk:
            current.delete()
        current = None
    else:
        current.save()
    review = _bump(card)
    record(
        actor=actor,
        action="scorecard.indicator_save",
        obj=card,
        changes={
            "rows": {
                indicator.name: {
                    key: [_parts_text(before[key]), _parts_text(after[key])]
                    if key == "parts"
                    else [_plain(before[key]) if key in TARGET_FIELDS else before[key], after[key]]
                    for key in after
                    if before[key] != after[key]
                }
            },
            "version": [card.version - 1, card.version],
            **review,
        },
    )
    scorecard.version = card.version
    return current


def _parts_text(parts: list[dict[str, Any]]) -> str | None:
    """Parts as the audit trail says them: "Molds 20 / 15 molds; Raw materials 6000 / 6000 L"
    (target / actual)."""
    if not parts:
        return None
    return "; ".join(
        f"{part['name']} {part['target']} / {part['actual']}"
        + (f" {part['unit']}" if part.get("unit") else "")
        for part in parts
    )


# --- Proposals ----------------------------------------------------------------------------------


def pending_proposal(enterprise: Any, period: Period) -> Proposal | None:
    """The enterprise's pending proposal in ``period`` (at most one), or None."""
    return (
        Proposal.objects.filter(enterprise=enterprise, period=period, status=Proposal.Status.PENDING)
        .select_related("framework", "proposed_by")
        .first()
    )


@transaction.atomic
def proposal_submit(
    *,
    actor: Any,
    enterprise: Any,
    period: Period,
    framework: Any = None,
    rows: Iterable[Mapping[str, Any]] = (),
) -> Proposal:
    """An owner proposes the framework (to start the scorecard) and/or targets and given
    realizations; replaces the owner's pending proposal of that scorecard. Pending, it counts
    nowhere: nothing of it reaches ``Target``, a score, a ranking or a dashboard."""
    access.require(can_propose(actor, enterprise))
    period = Period.objects.select_for_update().get(pk=period.pk)
    if period.program_id != enterprise.cluster.program_id:
        raise ValidationError(_("The period must belong to the enterprise's program."))
    if period.closed_at is not None:
        raise ValidationError(closed_message(period))
    card = Scorecard.objects.filter(enterprise=enterprise, period=period).first()
    if framework is not None:
        if framework.program_id != period.program_id:
            raise ValidationError(_("The period and the framework must belong to the enterprise's program."))
        if card is not None:
            raise ValidationError(_("This scorecard has its framework already."))
    clean_rows: list[dict[str, Any]] = []
    errors: list[str] = []
    if rows:
        if card is None:
            raise ValidationError(_("Start the scorecard of this period first: choose its KPI framework."))
        from kinerja_web.frameworks.models import Node

        indicators = {
            node.pk: node
            for node in Node.objects.filter(framework_id=card.framework_id, kind=Node.Kind.INDICATOR)
        }
        for index, row in enumerate(rows, start=1):
            node_id = getattr(row.get("node"), "pk", row.get("node"))
            node = indicators.get(node_id)
            if node is None:
                errors.append(
                    _("Row %(number)s: not an indicator of this scorecard's framework.") % {"number": index}
                )
                continue
            values, problems = _clean_row({name: row.get(name) for name in SETTER_FIELDS}, node)
            errors.extend(f"{node.name}: {problem}" for problem in problems)
            clean_rows.append({"node": node.pk, **{n: _plain(values[n]) for n in SETTER_FIELDS}})
    if errors:
        raise ValidationError(errors)
    if framework is None and not clean_rows:
        raise ValidationError(_("The proposal is empty: nothing differs from the stored values."))
    Proposal.objects.filter(enterprise=enterprise, period=period, status=Proposal.Status.PENDING).update(
        status=Proposal.Status.REJECTED, decided_by=actor, decided_at=timezone.now()
    )
    proposal = Proposal.objects.create(
        enterprise=enterprise, period=period, framework=framework, rows=clean_rows, proposed_by=actor
    )
    record(
        actor=actor,
        action="proposal.submit",
        obj=proposal,
        changes={
            "period": period.name,
            "framework": str(framework) if framework else None,
            "rows": {str(row["node"]): {n: row[n] for n in SETTER_FIELDS} for row in clean_rows},
        },
    )
    return proposal


def _locked_pending(actor: Any, proposal: Proposal) -> Proposal:
    access.require(can_set_targets(actor, proposal.enterprise))
    locked = Proposal.objects.select_for_update().select_related("enterprise__cluster").get(pk=proposal.pk)
    if locked.status != Proposal.Status.PENDING:
        raise ValidationError(
            _("This proposal was %(status)s already.") % {"status": locked.get_status_display()}
        )
    return locked


@transaction.atomic
def proposal_accept(*, actor: Any, proposal: Proposal) -> Scorecard:
    """A facilitator (or administrator) accepts a pending proposal: the framework starts the
    scorecard, the rows are saved through :func:`targets_save` as the facilitator."""
    proposal = _locked_pending(actor, proposal)
    period = Period.objects.get(pk=proposal.period_id)
    card = Scorecard.objects.filter(enterprise=proposal.enterprise, period=period).first()
    if proposal.framework_id is not None and card is None:
        card = scorecard_create(
            actor=actor, enterprise=proposal.enterprise, period=period, framework=proposal.framework
        )
    if card is None:
        raise ValidationError(_("Start the scorecard of this period first: choose its KPI framework."))
    if proposal.rows:
        targets_save(scorecard=card, rows=proposal.rows, actor=actor)
    proposal.status = Proposal.Status.ACCEPTED
    proposal.decided_by = actor
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["status", "decided_by", "decided_at"])
    record(actor=actor, action="proposal.accept", obj=proposal, changes={"status": ["pending", "accepted"]})
    return card


@transaction.atomic
def proposal_reject(*, actor: Any, proposal: Proposal) -> Proposal:
    """A facilitator (or administrator) rejects a pending proposal: nothing of it is used."""
    proposal = _locked_pending(actor, proposal)
    proposal.status = Proposal.Status.REJECTED
    proposal.decided_by = actor
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["status", "decided_by", "decided_at"])
    record(actor=actor, action="proposal.reject", obj=proposal, changes={"status": ["pending", "rejected"]})
    return proposal


# --- Review -------------------------------------------------------------------------------------


@transaction.atomic
def scorecard_approve(*, actor: Any, scorecard: Scorecard, expected_version: int | None = None) -> Scorecard:
    """The facilitator (or an administrator) approves the scorecard as it stands: it can be scored,
    the period is open, and nobody changed it since ``expected_version``."""
    access.require(can_set_targets(actor, scorecard.enterprise))
    period, card = _locked(scorecard)
    if period.closed_at is not None:
        raise ValidationError(closed_message(period))
    _check_version(card, expected_version)
    if card.approved_at is not None:
        raise ValidationError(_("This scorecard is approved already."))
    from kinerja_web.performance.evaluate import evaluate_scorecard

    evaluation = evaluate_scorecard(card)
    if evaluation.result is None:
        raise ValidationError(
            [_("The scorecard cannot be approved until it can be scored:"), *evaluation.all_problems()]
        )
    card.version += 1
    card.approved_at = timezone.now()
    card.approved_by = actor
    card.save(update_fields=["version", "approved_at", "approved_by", "updated_at"])
    record(
        actor=actor,
        action="scorecard.approve",
        obj=card,
        changes={"version": [card.version - 1, card.version], "total": evaluation.result.total},
    )
    return card


@transaction.atomic
def scorecard_acknowledge(*, actor: Any, scorecard: Scorecard, comment: str = "") -> Scorecard:
    """The owner acknowledges the approved scorecard, with an optional comment (2,000 characters)."""
    access.require(can_acknowledge(actor, scorecard.enterprise))
    _period, card = _locked(scorecard)
    if card.approved_at is None:
        raise ValidationError(_("The facilitator has not approved this scorecard yet."))
    if card.acknowledged_at is not None:
        raise ValidationError(_("You acknowledged this scorecard already."))
    comment = (comment or "").strip()
    if len(comment) > 2000:
        raise ValidationError({"comment": _("The comment is longer than 2,000 characters.")})
    card.acknowledged_at = timezone.now()
    card.acknowledged_by = actor
    card.acknowledgement = comment
    card.save(update_fields=["acknowledged_at", "acknowledged_by", "acknowledgement", "updated_at"])
    record(actor=actor, action="scorecard.acknowledge", obj=card, changes={"comment": comment})
    return card


def _display_order(scorecard: Scorecard) -> list[int]:
    from kinerja_web.performance.evaluate import framework_indicators

    return [spec.node_id for spec in framework_indicators(scorecard.framework).indicators]


def _clean_row(row: Mapping[str, Any], node: Any) -> tuple[dict[str, Decimal | None], list[str]]:
    values: dict[str, Decimal | None] = {}
    problems: list[str] = []
    for name in TARGET_FIELDS:
        raw = row.get(name)
        if raw is None or raw == "":
            values[name] = None
            continue
        try:
            value = Decimal(str(raw)) if not isinstance(raw, Decimal) else raw
        except ArithmeticError:
            problems.append(_("%(field)s is not a number.") % {"field": _field_label(name)})
            continue
        if not value.is_finite():
            problems.append(_("%(field)s is not a number.") % {"field": _field_label(name)})
            continue
        exponent = value.normalize().as_tuple().exponent
        if isinstance(exponent, int) and exponent < -DECIMAL_PLACES:
            problems.append(
                _("%(field)s has more than %(places)s decimals.")
                % {"field": _field_label(name), "places": DECIMAL_PLACES}
            )
            continue
        if abs(value) >= Decimal(10) ** (MAX_DIGITS - DECIMAL_PLACES):
            problems.append(_("%(field)s is too large.") % {"field": _field_label(name)})
            continue
        values[name] = value
    target, actual, given = (
        values.get("target"),
        values.get("manual_actual"),
        values.get("manual_realization"),
    )
    if target is not None and target <= 0:
        problems.append(
            _("the target must be greater than 0 (leave it empty only where the realization is given).")
        )
    if actual is not None and actual < 0:
        problems.append(_("the actual must not be negative."))
    if actual is not None and node.actual_source != "manual":
        problems.append(_("its actual comes from the records, so it cannot be entered by hand."))
    if given is not None and not (0 <= given <= MAX_GIVEN_REALIZATION):
        problems.append(_("a realization given directly must be between 0 and 1000 %."))
    return values, problems


def _field_label(name: str) -> str:
    return {
        "target": _("The target"),
        "manual_actual": _("The actual"),
        "manual_realization": _("The realization"),
    }[name]


def _plain(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f")


@dataclass(frozen=True)
class LeftOut:
    """A scorecard that a close does not freeze (or did not): not in the ranking or dashboards."""

    scorecard: Scorecard
    reason: str

    @property
    def enterprise(self) -> Any:
        return self.scorecard.enterprise


def left_out(period: Period) -> list[LeftOut]:
    """The period's scorecards a close leaves out, by enterprise name, with the reason.

    Open period: those it would leave out now (not approved; approved but not scorable). Closed
    period: those without a frozen result (their approval is frozen with the period too).
    """
    from kinerja_web.performance.evaluate import evaluate_scorecards

    scorecards = list(
        Scorecard.objects.filter(period=period)
        .select_related("period", "framework", "enterprise__cluster")
        .order_by("enterprise__name", "pk")
    )
    if period.closed_at is not None:
        frozen = set(ScorecardResult.objects.filter(period=period).values_list("scorecard_id", flat=True))
        scorecards = [s for s in scorecards if s.pk not in frozen]
    out = []
    approved = [s for s in scorecards if s.approved_at is not None]
    evaluations = evaluate_scorecards(approved) if approved and period.closed_at is None else {}
    for card in scorecards:
        if card.approved_at is None:
            out.append(LeftOut(card, _("not approved by the facilitator")))
        elif card.pk in evaluations and evaluations[card.pk].result is None:
            problems = "; ".join(evaluations[card.pk].all_problems())
            out.append(
                LeftOut(card, _("approved, but cannot be scored: %(problems)s") % {"problems": problems})
            )
        elif period.closed_at is not None:
            out.append(LeftOut(card, _("approved, but could not be scored when the period closed")))
    return out


@transaction.atomic
def period_close(*, period: Period, closed_by: Any) -> list[ScorecardResult]:
    """Freeze ``period``: compute and store every approved scorecard's result, mark it closed.

    Only scorecards the facilitator approved are frozen (and so ranked and counted by the
    dashboards); the others are left out, named with the reason by :func:`left_out` (and in the
    audit entry). The period row is locked first: a second close at the same time waits and is
    then told the period is closed already (nothing changes).
    """
    access.require(can_close_period(closed_by, period))
    period = Period.objects.select_for_update().select_related("program").get(pk=period.pk)
    if period.closed_at is not None:
        raise ValidationError(_("The period %(period)s is already closed.") % {"period": period.name})
    scorecards = list(
        Scorecard.objects.filter(period=period, approved_at__isnull=False).select_related(
            "period", "framework", "enterprise__cluster"
        )
    )
    evaluations = evaluate_scorecards(scorecards)
    scorecards = [s for s in scorecards if evaluations[s.pk].result is not None]
    leaving = [(item.enterprise.name, item.reason) for item in left_out(period)]
    now = timezone.now()
    ScorecardResult.objects.filter(scorecard__period=period).delete()
    years = years_by_enterprise(s.enterprise_id for s in scorecards)
    results = []
    for scorecard in scorecards:
        evaluation = evaluations[scorecard.pk]
        result = evaluation.result
        assert result is not None
        rows = result_rows(evaluation)
        size = period_size(
            scorecard.enterprise, period.start, period.end, years=years[scorecard.enterprise_id]
        )
        results.append(
            ScorecardResult(
                scorecard=scorecard,
                enterprise_id=scorecard.enterprise_id,
                cluster_id=scorecard.enterprise.cluster_id,
                period=period,
                total=result.total,
                rating_code=result.rating.code,
                rating_label=result.rating.label_en,
                rating_label_id=result.rating.label_id,
                weight_sum=result.weight_sum,
                rows=rows,
                perspectives={p.name: p.as_dict() for p in result.perspectives},
                warnings=list(result.warnings),
                typed=typed_count(rows),
                options=evaluation.options.as_dict(),
                size_class=size.class_,
                size=size.as_dict(),
                computed_at=now,
            )
        )
    ScorecardResult.objects.bulk_create(results, batch_size=1000)
    period.closed_at = now
    period.closed_by = closed_by if getattr(closed_by, "is_authenticated", False) else None
    period.save(update_fields=["closed_at", "closed_by"])
    record(
        actor=closed_by,
        action="period.close",
        obj=period,
        changes={
            "closed_at": [None, now.isoformat()],
            "scorecards": len(results),
            "left_out": [f"{name}: {reason}" for name, reason in leaving][: MAX_LISTED * 10],
        },
    )
    return results


def typed_count(rows: Iterable[Mapping[str, Any]]) -> int:
    """How many figures of frozen ``rows`` were typed: actuals entered by hand, realizations given."""
    return sum(
        (row.get("actual_from") == "manual") + (row.get("realization_given") is not None) for row in rows
    )


@transaction.atomic
def period_reopen(*, period: Period, actor: Any) -> Period:
    """Reopen a closed period (administrators): frozen results are removed, scorecards compute live."""
    access.require(can_reopen_period(actor, period))
    period = Period.objects.select_for_update().get(pk=period.pk)
    if period.closed_at is None:
        raise ValidationError(_("The period %(period)s is open already.") % {"period": period.name})
    removed = list(ScorecardResult.objects.filter(period=period).values_list("enterprise_id", "total"))
    ScorecardResult.objects.filter(period=period).delete()
    closed_at = period.closed_at
    period.closed_at = None
    period.closed_by = None
    period.save(update_fields=["closed_at", "closed_by"])
    record(
        actor=actor,
        action="period.reopen",
        obj=period,
        changes={
            "closed_at": [closed_at.isoformat(), None],
            "removed_results": {str(enterprise_id): total for enterprise_id, total in removed},
        },
    )
    return period

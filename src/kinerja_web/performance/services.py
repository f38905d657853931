"""Writes of performance: one function per action, under ``transaction.atomic``, with its audit entry.

- :func:`period_create`: a quarter, a month or a custom range of a program (administrators).
- :func:`scorecard_create`: an enterprise's scorecard in a period, with the framework version it uses.
- :func:`targets_save`: targets, hand-entered actuals and given realizations of a scorecard, all
  rows or none; an error names the indicator row.
- :func:`period_close`: computes every scorecard of the period with ``kinerja.scoring`` (actuals
  of all enterprises in one ``actuals_for`` call), stores each as a ``ScorecardResult`` and
  freezes the period: its targets and actuals can no longer change, and the frameworks its
  scorecards use are locked (``frameworks`` checks ``framework.scorecards`` of closed periods).
- :func:`period_reopen`: administrators undo a close; the frozen results are removed (and audited).

Services raise ``django.core.exceptions.ValidationError`` with messages a user can act on, and
``PermissionDenied`` when the actor may not do it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja_web import access
from kinerja_web.audit.services import record, snapshot
from kinerja_web.performance.evaluate import evaluate_scorecards, result_rows
from kinerja_web.performance.models import Period, Scorecard, ScorecardResult, Target
from kinerja_web.performance.permissions import can_close_period, can_reopen_period

PERIOD_FIELDS = ("name", "kind", "start", "end")
TARGET_FIELDS = ("target", "manual_actual", "manual_realization")
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


@transaction.atomic
def scorecard_create(*, actor: Any, enterprise: Any, period: Period, framework: Any) -> Scorecard:
    """The scorecard of ``enterprise`` in ``period``, scored with ``framework`` (of its program)."""
    access.require(access.can_change_enterprise(actor, enterprise))
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
def targets_save(*, scorecard: Scorecard, rows: Iterable[Mapping[str, Any]], actor: Any) -> list[Target]:
    """Save the indicator rows of ``scorecard`` in one transaction, or none of them.

    Each row: ``node`` (a framework ``Node`` or its id) and any of ``target`` (> 0, or None where
    the realization is given directly), ``manual_actual`` (>= 0, for indicators whose actual is
    entered by hand) and ``manual_realization`` (percent given directly, as the KPI paper's
    Table 1 does). A row with all three empty removes the stored one. Refused when the period is
    closed; a ``ValidationError`` names each wrong row ("Row 2 (Production time): ...").
    """
    access.require(access.can_change_enterprise(actor, scorecard.enterprise))
    period = Period.objects.select_for_update().get(pk=scorecard.period_id)
    if period.closed_at is not None:
        raise ValidationError(closed_message(period))
    from kinerja_web.frameworks.models import Node

    indicators = {
        node.pk: node
        for node in Node.objects.filter(framework_id=scorecard.framework_id, kind=Node.Kind.INDICATOR)
    }
    order = {pk: number for number, pk in enumerate(_display_order(scorecard), start=1)}
    existing = {t.node_id: t for t in Target.objects.select_for_update().filter(scorecard=scorecard)}
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
        values, row_errors = _clean_row(row, node)
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
            if current:
                current.delete()
        else:
            if current is None:
                current = Target(scorecard=scorecard, enterprise_id=scorecard.enterprise_id, node=node)
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
        record(actor=actor, action="scorecard.targets_save", obj=scorecard, changes={"rows": changes})
    return saved


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


@transaction.atomic
def period_close(*, period: Period, closed_by: Any) -> list[ScorecardResult]:
    """Freeze ``period``: compute and store every scorecard's result, then mark it closed.

    Refused (nothing changes) when the period is closed already or a scorecard cannot be scored;
    the message names the enterprise and the row.
    """
    access.require(can_close_period(closed_by, period))
    period = Period.objects.select_for_update().select_related("program").get(pk=period.pk)
    if period.closed_at is not None:
        raise ValidationError(_("The period %(period)s is already closed.") % {"period": period.name})
    scorecards = list(
        Scorecard.objects.filter(period=period).select_related("period", "framework", "enterprise__cluster")
    )
    evaluations = evaluate_scorecards(scorecards)
    problems = []
    for scorecard in scorecards:
        for problem in evaluations[scorecard.pk].all_problems():
            problems.append(f"{scorecard.enterprise.name}: {problem}")
    if problems:
        shown = problems[:MAX_LISTED]
        if len(problems) > MAX_LISTED:
            shown.append(_("... and %(count)s more.") % {"count": len(problems) - MAX_LISTED})
        raise ValidationError([_("The period cannot be closed until every scorecard can be scored:"), *shown])
    now = timezone.now()
    ScorecardResult.objects.filter(scorecard__period=period).delete()
    results = []
    for scorecard in scorecards:
        evaluation = evaluations[scorecard.pk]
        result = evaluation.result
        assert result is not None
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
                rows=result_rows(evaluation),
                perspectives={p.name: p.as_dict() for p in result.perspectives},
                warnings=list(result.warnings),
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
        changes={"closed_at": [None, now.isoformat()], "scorecards": len(results)},
    )
    return results


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

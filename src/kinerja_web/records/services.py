"""Writes of records: one function per action, under ``transaction.atomic``, with its audit entry.

:func:`day_save` stores everything an owner records for one day in one go and *replaces* what
was stored for that day (attendance, operation hours, production, sales), so saving a day
twice never doubles it. Orders, added equipment, added raw materials and the innovation log
are lists with create and delete; a delete can be undone for a while (``audit.undo``:
:func:`restore_guard` refuses to restore an entry recorded again meanwhile).

Bad input raises ``django.core.exceptions.ValidationError`` with a dict keyed by the
argument's name (``"date"``, ``"attendance"``, ``"production"``...), each message naming the
row or worker; nothing is written then. Permission: ``access.can_change_enterprise``
(``PermissionDenied`` otherwise).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from kinerja_web import access
from kinerja_web.audit import undo
from kinerja_web.audit.models import Undo
from kinerja_web.audit.services import record, snapshot
from kinerja_web.programs.models import Enterprise
from kinerja_web.records.models import (
    HOURS_IN_DAY,
    Attendance,
    AttendanceStatus,
    DailyOperation,
    EquipmentAddition,
    InnovationEntry,
    Order,
    Production,
    RawMaterialAddition,
    Sale,
)
from kinerja_web.records.templatetags.records import qty

PRODUCT_MAX_LENGTH = Production._meta.get_field("product").max_length


@dataclass(frozen=True)
class DaySaved:
    """What :func:`day_save` stored for the day."""

    date: datetime.date
    attendance: dict[int, str]
    operating_hours: Decimal | None
    rotation_hours: Decimal | None
    production: tuple[tuple[str, Decimal], ...]
    sales_rp: int | None


def today() -> datetime.date:
    """The current date in the site's time zone: the latest day that can be recorded."""
    return timezone.localdate()


def _check_date(day: datetime.date, errors: dict[str, list[str]]) -> None:
    if day > today():
        errors.setdefault("date", []).append(
            _("%(date)s is in the future: record a day once it has happened.")
            % {"date": formats.date_format(day, "DATE_FORMAT")}
        )


def _raise(errors: dict[str, list[str]]) -> None:
    if errors:
        raise ValidationError(errors)


def _short_date(day: datetime.date) -> str:
    return formats.date_format(day, "DATE_FORMAT")


def _clean_attendance(
    enterprise: Enterprise, day: datetime.date, attendance: Mapping[int, str], errors: dict[str, list[str]]
) -> dict[int, str]:
    """Worker id -> status, for workers of ``enterprise`` active on ``day``; blanks dropped."""
    marked = {int(worker_id): status for worker_id, status in attendance.items() if status}
    workers = {w.pk: w for w in enterprise.workers.filter(pk__in=list(marked))}
    problems = []
    for worker_id, status in sorted(marked.items()):
        worker = workers.get(worker_id)
        if worker is None:
            # Not this enterprise's worker: say so by number, never by another tenant's name.
            problems.append(
                _("Worker %(id)s does not work for %(enterprise)s.")
                % {"id": worker_id, "enterprise": enterprise}
            )
        elif day < worker.start_date:
            problems.append(
                _("%(worker)s only started on %(start)s.")
                % {"worker": worker.name, "start": _short_date(worker.start_date)}
            )
        elif worker.end_date is not None and day > worker.end_date:
            problems.append(
                _("%(worker)s left on %(end)s.")
                % {"worker": worker.name, "end": _short_date(worker.end_date)}
            )
        elif status not in AttendanceStatus.values:
            problems.append(
                _("%(worker)s: “%(status)s” is not an attendance status.")
                % {"worker": worker.name, "status": status}
            )
    if problems:
        errors.setdefault("attendance", []).extend(problems)
    return marked


def _check_hours(name: str, value: Decimal | None, errors: dict[str, list[str]]) -> None:
    if value is not None and not (0 <= value <= HOURS_IN_DAY):
        errors.setdefault(name, []).append(
            _("Hours of one day are between 0 and %(max)s.") % {"max": HOURS_IN_DAY}
        )


def _clean_production(
    production: Iterable[tuple[str, Decimal | int | None]],
    errors: dict[str, list[str]],
    by_row: dict[int, list[tuple[str, str]]] | None = None,
) -> list[tuple[str, Decimal]]:
    """The production rows to store; each problem goes to ``errors["production"]`` and, with
    ``by_row``, to ``by_row[index]`` as ``(field, message)`` (index from 0, field ``product`` or
    ``kg``) so a form can show it beside the row's field."""
    rows: list[tuple[str, Decimal]] = []
    seen: dict[str, int] = {}
    problems = []

    def problem(index: int, field: str, message: str) -> None:
        problems.append(message)
        if by_row is not None:
            by_row.setdefault(index, []).append((field, message))

    for number, (product, kg) in enumerate(production, start=1):
        index = number - 1
        name = " ".join((product or "").split())
        if not name and kg is None:
            continue
        if not name:
            problem(index, "product", _("Production row %(row)s: name the product.") % {"row": number})
            continue
        if len(name) > PRODUCT_MAX_LENGTH:
            problem(
                index,
                "product",
                _("Production row %(row)s: a product name has at most %(max)s characters.")
                % {"row": number, "max": PRODUCT_MAX_LENGTH},
            )
            continue
        if kg is None:
            problem(
                index,
                "kg",
                _("Production row %(row)s (%(product)s): enter the kg.") % {"row": number, "product": name},
            )
            continue
        kg = Decimal(kg)
        if kg < 0:
            problem(
                index,
                "kg",
                _("Production row %(row)s (%(product)s): kg cannot be negative.")
                % {"row": number, "product": name},
            )
            continue
        if name.casefold() in seen:
            problem(
                index,
                "product",
                _("Production row %(row)s: %(product)s is already in row %(first)s; put its kg in one row.")
                % {"row": number, "product": name, "first": seen[name.casefold()]},
            )
            continue
        seen[name.casefold()] = number
        rows.append((name, kg))
    if problems:
        errors.setdefault("production", []).extend(problems)
    return rows


@dataclass(frozen=True)
class DayProblems:
    """What :func:`day_save` would refuse, without saving: messages by argument name, and the
    production problems again by row (index from 0) and field, for a form to show beside each."""

    fields: dict[str, list[str]]
    production_rows: dict[int, list[tuple[str, str]]]

    def __bool__(self) -> bool:
        return bool(self.fields)


def _check_day(
    enterprise: Enterprise,
    date: datetime.date,
    attendance: Mapping[int, str],
    operating_hours: Decimal | None,
    rotation_hours: Decimal | None,
    production: Iterable[tuple[str, Decimal | int | None]],
    sales_rp: int | None,
) -> tuple[DayProblems, dict[int, str], list[tuple[str, Decimal]]]:
    """Every rule of a day at once (so a page can say all of them in one round)."""
    errors: dict[str, list[str]] = {}
    by_row: dict[int, list[tuple[str, str]]] = {}
    _check_date(date, errors)
    marked = _clean_attendance(enterprise, date, attendance, errors)
    _check_hours("operating_hours", operating_hours, errors)
    _check_hours("rotation_hours", rotation_hours, errors)
    if operating_hours is None and rotation_hours is not None:
        errors.setdefault("operating_hours", []).append(_("Enter the operating hours of the day too."))
    elif operating_hours is not None and rotation_hours is not None and rotation_hours > operating_hours:
        errors.setdefault("rotation_hours", []).append(
            _("Hours under rotation are part of the operating hours: at most %(hours)s.")
            % {"hours": formats.number_format(operating_hours, use_l10n=True)}
        )
    rows = _clean_production(production, errors, by_row)
    if sales_rp is not None and sales_rp < 0:
        errors.setdefault("sales_rp", []).append(_("Sales cannot be negative."))
    return DayProblems(errors, by_row), marked, rows


def day_problems(
    *,
    enterprise: Enterprise,
    date: datetime.date,
    attendance: Mapping[int, str],
    operating_hours: Decimal | None,
    rotation_hours: Decimal | None,
    production: Iterable[tuple[str, Decimal | int | None]],
    sales_rp: int | None,
) -> DayProblems:
    """What :func:`day_save` would refuse for these values (nothing is written): the day form
    checks the values it could read even when others are unreadable, so every problem of a
    refused save shows in one round."""
    problems, _marked, _rows = _check_day(
        enterprise, date, attendance, operating_hours, rotation_hours, list(production), sales_rp
    )
    return problems


@transaction.atomic
def day_save(
    *,
    enterprise: Enterprise,
    date: datetime.date,
    attendance: Mapping[int, str],
    operating_hours: Decimal | None,
    rotation_hours: Decimal | None,
    production: Iterable[tuple[str, Decimal | int | None]],
    sales_rp: int | None,
    actor: Any,
) -> DaySaved:
    """Store one day of ``enterprise``'s records, replacing what that day had.

    - ``attendance``: worker id -> status (``present``, ``absent``, ``leave``, ``sick``); a worker
      left out (or with ``""``) has no attendance that day. Only workers of ``enterprise`` who
      were with it on ``date``.
    - ``operating_hours``/``rotation_hours``: 0..24, rotation hours at most the operating hours;
      both ``None`` removes the day's hours.
    - ``production``: ``(product, kg)`` rows, one per product; blank rows are skipped.
    - ``sales_rp``: the day's turnover in whole Rupiah (``0`` is a day without sales; ``None``:
      not recorded).
    """
    access.require(access.can_change_enterprise(actor, enterprise))
    problems, marked, rows = _check_day(
        enterprise, date, attendance, operating_hours, rotation_hours, production, sales_rp
    )
    _raise(problems.fields)

    before = _day_state(enterprise, date)

    Attendance.objects.filter(enterprise=enterprise, date=date).delete()
    Attendance.objects.bulk_create(
        Attendance(enterprise=enterprise, worker_id=worker_id, date=date, status=status)
        for worker_id, status in sorted(marked.items())
    )
    if operating_hours is None:
        DailyOperation.objects.filter(enterprise=enterprise, date=date).delete()
    else:
        DailyOperation.objects.update_or_create(
            enterprise=enterprise,
            date=date,
            defaults={"operating_hours": operating_hours, "rotation_hours": rotation_hours or Decimal(0)},
        )
    Production.objects.filter(enterprise=enterprise, date=date).delete()
    Production.objects.bulk_create(
        Production(enterprise=enterprise, date=date, product=product, kg=kg) for product, kg in rows
    )
    Sale.objects.filter(enterprise=enterprise, date=date).delete()
    if sales_rp is not None:
        Sale.objects.create(enterprise=enterprise, date=date, amount_rp=sales_rp)

    saved = DaySaved(
        date=date,
        attendance=dict(sorted(marked.items())),
        operating_hours=operating_hours,
        rotation_hours=(rotation_hours or Decimal(0)) if operating_hours is not None else None,
        production=tuple(rows),
        sales_rp=sales_rp,
    )
    after = _state_of(saved)
    changes = {name: [before[name], after[name]] for name in after if before[name] != after[name]}
    record(actor=actor, action="records.day_save", obj=enterprise, changes={"date": date, **changes})
    return saved


def _day_state(enterprise: Enterprise, day: datetime.date) -> dict[str, Any]:
    """What is stored for ``day``, in the audit's terms (counts and totals, no names)."""
    operation = DailyOperation.objects.filter(enterprise=enterprise, date=day).first()
    return {
        "attendance": {
            row["status"]: row["n"]
            for row in Attendance.objects.filter(enterprise=enterprise, date=day)
            .order_by()
            .values("status")
            .annotate(n=models.Count("pk"))
        },
        "operating_hours": operation.operating_hours if operation else None,
        "rotation_hours": operation.rotation_hours if operation else None,
        "production": {
            p.product: p.kg
            for p in Production.objects.filter(enterprise=enterprise, date=day).order_by("product")
        },
        "sales_rp": Sale.objects.filter(enterprise=enterprise, date=day).aggregate(s=models.Sum("amount_rp"))[
            "s"
        ],
    }


def _state_of(saved: DaySaved) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for status in saved.attendance.values():
        counts[status] = counts.get(status, 0) + 1
    return {
        "attendance": dict(sorted(counts.items())),
        "operating_hours": saved.operating_hours,
        "rotation_hours": saved.rotation_hours,
        "production": dict(sorted(saved.production)),
        "sales_rp": saved.sales_rp,
    }


# Lists: orders, equipment, raw materials, innovation log --------------------------------------

ORDER_FIELDS = ("date", "customer", "product", "kg", "amount_rp")
EQUIPMENT_FIELDS = ("date", "item", "quantity", "cost_rp")
RAW_MATERIAL_FIELDS = ("date", "material", "quantity", "unit", "cost_rp")
INNOVATION_FIELDS = ("date", "kind", "description")
_FIELDS_OF: dict[type[models.Model], tuple[str, ...]] = {
    Order: ORDER_FIELDS,
    EquipmentAddition: EQUIPMENT_FIELDS,
    RawMaterialAddition: RAW_MATERIAL_FIELDS,
    InnovationEntry: INNOVATION_FIELDS,
}


def _create(
    actor: Any, enterprise: Enterprise, model: type[models.Model], fields: tuple[str, ...], values: dict
):
    access.require(access.can_change_enterprise(actor, enterprise))
    unknown = set(values) - set(fields)
    if unknown:
        raise TypeError(f"unknown fields: {', '.join(sorted(unknown))}")
    errors: dict[str, list[str]] = {}
    if values.get("date") is not None:
        _check_date(values["date"], errors)
    _raise(errors)
    obj = model(enterprise=enterprise, **values)
    obj.full_clean()
    obj.save()
    record(actor=actor, action=f"{model._meta.model_name}.create", obj=obj, changes=snapshot(obj, fields))
    return obj


def _delete(actor: Any, obj: Any, fields: tuple[str, ...]) -> Undo:
    """Delete a list entry, audited, and keep it for an undo (``audit.undo``)."""
    access.require(access.can_change_enterprise(actor, obj.enterprise))
    enterprise = obj.enterprise
    return undo.delete(
        actor=actor,
        obj=obj,
        kind=obj._meta.model_name,
        label=entry_label(obj),
        action=f"{obj._meta.model_name}.delete",
        changes=snapshot(obj, fields),
        program=enterprise.cluster.program,
        enterprise=enterprise,
    )


def entry_label(obj: Any) -> str:
    """A list entry in a few words, as the confirmation and the Undo message name it."""
    day = formats.date_format(obj.date, "SHORT_DATE_FORMAT")
    if isinstance(obj, Order):
        return f"{day}, {obj.customer}: {obj.product} {qty(obj.kg)} kg"
    if isinstance(obj, EquipmentAddition):
        return f"{day}, {obj.item} × {obj.quantity}"
    if isinstance(obj, RawMaterialAddition):
        return f"{day}, {obj.material} {qty(obj.quantity)} {obj.unit}"
    return f"{day}, {obj.get_kind_display()}: {obj.description}"[:200]


def restore_guard(*, actor: Any, undo: Undo, objects: list[models.Model]) -> None:
    """Before an undo of a list entry: the user may still change the enterprise, and no identical
    entry was recorded meanwhile (restoring it would count the same order twice)."""
    obj = objects[0]
    enterprise = Enterprise.objects.filter(pk=obj.enterprise_id).first()
    if enterprise is None:
        raise ValidationError(_("Its enterprise was deleted since: it cannot be restored."))
    access.require(access.can_change_enterprise(actor, enterprise))
    model = type(obj)
    same = {name: getattr(obj, model._meta.get_field(name).attname) for name in _FIELDS_OF[model]}
    if model.objects.filter(enterprise=enterprise, **same).exists():
        raise ValidationError(
            _(
                "The same entry (%(label)s) was recorded again after it was deleted: restoring it "
                "would count it twice. Nothing was changed."
            )
            % {"label": undo.label}
        )


@transaction.atomic
def order_create(
    *,
    actor: Any,
    enterprise: Enterprise,
    date: datetime.date,
    customer: str,
    product: str,
    kg: Decimal,
    amount_rp: int,
) -> Order:
    """Record an order received on ``date``."""
    values = {"date": date, "customer": customer, "product": product, "kg": kg, "amount_rp": amount_rp}
    return _create(actor, enterprise, Order, ORDER_FIELDS, values)


@transaction.atomic
def order_delete(*, actor: Any, order: Order) -> Undo:
    return _delete(actor, order, ORDER_FIELDS)


@transaction.atomic
def equipment_create(
    *, actor: Any, enterprise: Enterprise, date: datetime.date, item: str, quantity: int, cost_rp: int = 0
) -> EquipmentAddition:
    """Record production equipment added on ``date`` (e.g. 20 coconut-sugar moulds)."""
    values = {"date": date, "item": item, "quantity": quantity, "cost_rp": cost_rp}
    return _create(actor, enterprise, EquipmentAddition, EQUIPMENT_FIELDS, values)


@transaction.atomic
def equipment_delete(*, actor: Any, equipment: EquipmentAddition) -> Undo:
    return _delete(actor, equipment, EQUIPMENT_FIELDS)


@transaction.atomic
def raw_material_create(
    *,
    actor: Any,
    enterprise: Enterprise,
    date: datetime.date,
    material: str,
    quantity: Decimal,
    unit: str,
    cost_rp: int = 0,
) -> RawMaterialAddition:
    """Record raw material added on ``date`` (e.g. 6,000 litres of coconut sap)."""
    values = {"date": date, "material": material, "quantity": quantity, "unit": unit, "cost_rp": cost_rp}
    return _create(actor, enterprise, RawMaterialAddition, RAW_MATERIAL_FIELDS, values)


@transaction.atomic
def raw_material_delete(*, actor: Any, raw_material: RawMaterialAddition) -> Undo:
    return _delete(actor, raw_material, RAW_MATERIAL_FIELDS)


@transaction.atomic
def innovation_create(
    *, actor: Any, enterprise: Enterprise, date: datetime.date, kind: str, description: str
) -> InnovationEntry:
    """Log a change the enterprise made (work rotation, recruitment, equipment, longer hours...)."""
    values = {"date": date, "kind": kind, "description": description}
    return _create(actor, enterprise, InnovationEntry, INNOVATION_FIELDS, values)


@transaction.atomic
def innovation_delete(*, actor: Any, innovation: InnovationEntry) -> Undo:
    return _delete(actor, innovation, INNOVATION_FIELDS)

"""What an indicator's actual is when it comes from the daily records (docs/web-design.md).

An indicator ``Node`` of ``frameworks`` stores ``actual_source`` (``"manual"`` or one of the
codes of :data:`MEASURES`) and an optional ``source_product``. ``performance`` asks
:func:`actuals_for` for many enterprises at once::

    values = actuals_for(enterprise_ids, period.start, period.end,
                         [("sales_rp", ""), ("production_kg", "Gula kelapa beryodium")])
    values[(enterprise.pk, "production_kg", "Gula kelapa beryodium")]  # Decimal

The second item of a request filters by product for the measures with ``filters_by`` set
(``production_kg``, ``orders_count``, ``orders_kg``: the product; ``equipment_added``: the
item; ``raw_material_added``: the material), compared without regard to case or surrounding
spaces; ``""`` means all of them. Other measures ignore it (the key keeps what was asked).

Queries: one aggregate query per table involved, grouped by enterprise (and product), so the
count does not grow with the number of enterprises (a dashboard of thousands of enterprises
costs the same few queries). ``enterprise_ids`` may also be a queryset of enterprises (or of
their ids), used as a subquery instead of a long ``IN`` list; reading its ids is one more
query. Every requested key is in the result; an enterprise without records gets ``Decimal(0)``.

The paper's indicators this serves (Manggala et al. 2022, Table 1): attendance (2535 worker
days), attendance of non-permanent workers (794), production operating time (1,408 hours),
work rotation (205 hours), total production and production of iodized coconut sugar (kg),
added equipment and raw materials, sales turnover (Rp).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from kinerja_web.programs.models import Enterprise, Worker
from kinerja_web.records.models import (
    Attendance,
    AttendanceStatus,
    DailyOperation,
    EquipmentAddition,
    Order,
    Production,
    RawMaterialAddition,
    Sale,
)

ZERO = Decimal(0)


@dataclass(frozen=True)
class Measure:
    """A quantity the records give for an enterprise over a date range."""

    code: str
    label: Any  # a lazy translation
    unit: Any  # a lazy translation
    #: What the second item of a request filters by ("product", "item", "material"), or "".
    filters_by: str = ""


_MEASURE_LIST = (
    Measure("attendance_days", _("attendance (present worker-days)"), _("worker-days")),
    Measure(
        "attendance_days_non_permanent",
        _("attendance of non-permanent workers (present worker-days)"),
        _("worker-days"),
    ),
    Measure("operating_hours", _("operating hours"), _("hours")),
    Measure("rotation_hours", _("hours under work rotation"), _("hours")),
    Measure("production_kg", _("production"), _("kg"), filters_by="product"),
    Measure("orders_count", _("number of orders"), _("orders"), filters_by="product"),
    Measure("orders_kg", _("ordered quantity"), _("kg"), filters_by="product"),
    Measure("sales_rp", _("sales turnover"), _("Rp")),
    Measure("equipment_added", _("equipment added"), _("units"), filters_by="item"),
    Measure(
        "raw_material_added", _("raw materials added"), _("units of the material"), filters_by="material"
    ),
    Measure("workers_count", _("workers (at the end of the range)"), _("workers")),
    Measure("permanent_workers_count", _("permanent workers (at the end of the range)"), _("workers")),
)

#: Every measure by code; the codes are a binding interface (docs/web-design.md).
MEASURES: dict[str, Measure] = {m.code: m for m in _MEASURE_LIST}


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


# A table's rows, aggregated: (enterprise_id, product key or "") -> {code: value}.
_Totals = dict[tuple[int, str], dict[str, Decimal]]


def _enterprise_filter(enterprise_ids: Any) -> tuple[Q, list[int]]:
    """The filter on ``enterprise_id`` and the ids the result is keyed by.

    A queryset stays a subquery in the aggregate queries (no long ``IN`` list); its ids are read
    once, so that enterprises without records still get their zeros.
    """
    if isinstance(enterprise_ids, QuerySet):
        if enterprise_ids.model is not Enterprise:  # a values_list of ids
            ids = sorted(int(pk) for pk in enterprise_ids)
            return Q(enterprise_id__in=enterprise_ids), ids
        ids = list(enterprise_ids.order_by("pk").values_list("pk", flat=True))
        return Q(enterprise_id__in=enterprise_ids.values("pk")), ids
    ids = sorted({int(pk) for pk in enterprise_ids})
    return Q(enterprise_id__in=ids), ids


def _grouped(
    queryset: QuerySet, group_field: str | None, aggregates: dict[str, Any], totals: _Totals
) -> None:
    """Run one aggregate query grouped by enterprise (and ``group_field``) into ``totals``."""
    fields = ["enterprise_id"] + ([group_field] if group_field else [])
    for row in queryset.order_by().values(*fields).annotate(**aggregates):
        subkeys = [""] + ([_key(row[group_field])] if group_field else [])
        for subkey in subkeys:
            slot = totals.setdefault((row["enterprise_id"], subkey), {})
            for code in aggregates:
                slot[code] = slot.get(code, ZERO) + Decimal(row[code] or 0)


def _attendance(where: Q, start: datetime.date, end: datetime.date, totals: _Totals) -> None:
    present = Q(status=AttendanceStatus.PRESENT)
    _grouped(
        Attendance.objects.filter(where, date__range=(start, end)),
        None,
        {
            "attendance_days": Count("pk", filter=present),
            "attendance_days_non_permanent": Count("pk", filter=present & Q(worker__is_permanent=False)),
        },
        totals,
    )


def _operation(where: Q, start: datetime.date, end: datetime.date, totals: _Totals) -> None:
    _grouped(
        DailyOperation.objects.filter(where, date__range=(start, end)),
        None,
        {"operating_hours": Sum("operating_hours"), "rotation_hours": Sum("rotation_hours")},
        totals,
    )


def _production(where: Q, start: datetime.date, end: datetime.date, totals: _Totals) -> None:
    _grouped(
        Production.objects.filter(where, date__range=(start, end)),
        "product",
        {"production_kg": Sum("kg")},
        totals,
    )


def _orders(where: Q, start: datetime.date, end: datetime.date, totals: _Totals) -> None:
    _grouped(
        Order.objects.filter(where, date__range=(start, end)),
        "product",
        {"orders_count": Count("pk"), "orders_kg": Sum("kg")},
        totals,
    )


def _sales(where: Q, start: datetime.date, end: datetime.date, totals: _Totals) -> None:
    _grouped(
        Sale.objects.filter(where, date__range=(start, end)), None, {"sales_rp": Sum("amount_rp")}, totals
    )


def _equipment(where: Q, start: datetime.date, end: datetime.date, totals: _Totals) -> None:
    _grouped(
        EquipmentAddition.objects.filter(where, date__range=(start, end)),
        "item",
        {"equipment_added": Sum("quantity")},
        totals,
    )


def _raw_material(where: Q, start: datetime.date, end: datetime.date, totals: _Totals) -> None:
    _grouped(
        RawMaterialAddition.objects.filter(where, date__range=(start, end)),
        "material",
        {"raw_material_added": Sum("quantity")},
        totals,
    )


def _workers(where: Q, start: datetime.date, end: datetime.date, totals: _Totals) -> None:
    """Workers active on ``end``: started by then and not yet left."""
    _grouped(
        Worker.objects.filter(where, start_date__lte=end).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=end)
        ),
        None,
        {"workers_count": Count("pk"), "permanent_workers_count": Count("pk", filter=Q(is_permanent=True))},
        totals,
    )


_Query = Callable[[Q, datetime.date, datetime.date, _Totals], None]

#: The query that computes each code; codes sharing a function share its one query.
_QUERY_OF: dict[str, _Query] = {
    "attendance_days": _attendance,
    "attendance_days_non_permanent": _attendance,
    "operating_hours": _operation,
    "rotation_hours": _operation,
    "production_kg": _production,
    "orders_count": _orders,
    "orders_kg": _orders,
    "sales_rp": _sales,
    "equipment_added": _equipment,
    "raw_material_added": _raw_material,
    "workers_count": _workers,
    "permanent_workers_count": _workers,
}
assert set(_QUERY_OF) == set(MEASURES)


def actuals_for(
    enterprise_ids: Iterable[int] | QuerySet,
    start: datetime.date,
    end: datetime.date,
    requests: Iterable[tuple[str, str]],
) -> dict[tuple[int, str, str], Decimal]:
    """The value of each requested ``(code, product)`` for each enterprise, ``start``..``end`` inclusive.

    Keyed ``(enterprise_id, code, product)`` with ``product`` exactly as requested (``""`` for
    all). Raises ``ValueError`` for an unknown code or ``start`` after ``end``.
    """
    wanted = [(code, product or "") for code, product in requests]
    unknown = sorted({code for code, _product in wanted} - set(MEASURES))
    if unknown:
        raise ValueError(f"unknown measure code(s): {', '.join(unknown)}")
    if start > end:
        raise ValueError(f"start {start} is after end {end}")
    if not wanted:
        return {}
    where, ids = _enterprise_filter(enterprise_ids)
    if not ids:
        return {}

    totals: _Totals = {}
    for query in dict.fromkeys(_QUERY_OF[code] for code, _product in wanted):  # each table once, in order
        query(where, start, end, totals)

    result: dict[tuple[int, str, str], Decimal] = {}
    for enterprise_id in ids:
        for code, product in wanted:
            subkey = _key(product) if MEASURES[code].filters_by else ""
            result[(enterprise_id, code, product)] = totals.get((enterprise_id, subkey), {}).get(code, ZERO)
    return result

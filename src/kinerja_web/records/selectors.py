"""Reads of records.

The functions taking an ``enterprise`` expect one the caller got through
``kinerja_web.access.get_enterprise_for`` (the views do); :func:`innovation_events` takes ids
the caller has already filtered by ``access.visible_enterprises``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum

from kinerja_web.programs.models import Enterprise, Worker
from kinerja_web.records.models import (
    Attendance,
    AttendanceStatus,
    DailyOperation,
    InnovationEntry,
    Order,
    Production,
    Sale,
)

DAYS_IN_WEEK = 7


def active_workers(enterprise: Enterprise, day: datetime.date) -> list[Worker]:
    """The workers who were with ``enterprise`` on ``day``: permanent first, then by name."""
    return list(
        enterprise.workers.filter(start_date__lte=day)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
        .order_by("-is_permanent", "name", "pk")
    )


@dataclass(frozen=True)
class DayEntry:
    """What is stored for one day, as the day form shows it."""

    date: datetime.date
    attendance: dict[int, str]
    operating_hours: Decimal | None
    rotation_hours: Decimal | None
    production: list[tuple[str, Decimal]]
    sales_rp: int | None

    @property
    def is_empty(self) -> bool:
        return not (
            self.attendance
            or self.operating_hours is not None
            or self.production
            or self.sales_rp is not None
        )


def day_entry(enterprise: Enterprise, day: datetime.date) -> DayEntry:
    """The records of ``enterprise`` on ``day`` (empty when nothing was recorded)."""
    operation = DailyOperation.objects.filter(enterprise=enterprise, date=day).first()
    sales = Sale.objects.filter(enterprise=enterprise, date=day).aggregate(
        total=Sum("amount_rp"), n=Count("pk")
    )
    return DayEntry(
        date=day,
        attendance=dict(
            Attendance.objects.filter(enterprise=enterprise, date=day).values_list("worker_id", "status")
        ),
        operating_hours=operation.operating_hours if operation else None,
        rotation_hours=operation.rotation_hours if operation else None,
        production=list(
            Production.objects.filter(enterprise=enterprise, date=day)
            .order_by("product")
            .values_list("product", "kg")
        ),
        sales_rp=sales["total"] if sales["n"] else None,
    )


def previous_recorded_day(enterprise: Enterprise, day: datetime.date) -> datetime.date | None:
    """The latest day before ``day`` with any record (attendance, hours, production or sales):
    "same as yesterday" fills the day form from it (yesterday itself may be a day off)."""
    latest = [
        model.objects.filter(enterprise=enterprise, date__lt=day)
        .order_by("-date")
        .values_list("date", flat=True)
        .first()
        for model in (Attendance, DailyOperation, Production, Sale)
    ]
    found = [date for date in latest if date is not None]
    return max(found) if found else None


def product_suggestions(enterprise: Enterprise, limit: int = 20) -> list[str]:
    """Products this enterprise has recorded (production and orders), the most used first."""
    counts: dict[str, int] = {}
    for queryset in (Production.objects, Order.objects):
        for row in (
            queryset.filter(enterprise=enterprise).order_by().values("product").annotate(n=Count("pk"))
        ):
            counts[row["product"]] = counts.get(row["product"], 0) + row["n"]
    names = sorted(counts, key=lambda name: (-counts[name], name.casefold()))
    if not names and enterprise.commodity:
        names = [enterprise.commodity]
    return names[:limit]


def week_start(day: datetime.date) -> datetime.date:
    """The Monday of ``day``'s week (weeks run Monday to Sunday, as in Indonesia)."""
    return day - datetime.timedelta(days=day.weekday())


@dataclass(frozen=True)
class DaySummary:
    """One day of the week view, or the week's totals (``date`` is then ``None``)."""

    date: datetime.date | None
    present: int
    marked: int
    operating_hours: Decimal | None
    rotation_hours: Decimal | None
    production_kg: Decimal | None
    sales_rp: int | None

    @property
    def recorded(self) -> bool:
        return bool(
            self.marked
            or self.operating_hours is not None
            or self.production_kg is not None
            or self.sales_rp is not None
        )


@dataclass(frozen=True)
class Week:
    start: datetime.date
    end: datetime.date
    days: list[DaySummary]
    totals: DaySummary
    days_recorded: int

    @property
    def previous(self) -> datetime.date:
        return self.start - datetime.timedelta(days=DAYS_IN_WEEK)

    @property
    def next(self) -> datetime.date:
        return self.start + datetime.timedelta(days=DAYS_IN_WEEK)


def _by_date(queryset: QuerySet, **aggregates: Any) -> dict[datetime.date, dict[str, Any]]:
    return {row["date"]: row for row in queryset.order_by().values("date").annotate(**aggregates)}


def _total(values: Iterable[Any]) -> Any:
    present = [value for value in values if value is not None]
    return sum(present[1:], present[0]) if present else None


def week_summary(enterprise: Enterprise, day: datetime.date) -> Week:
    """Monday to Sunday of ``day``'s week: per day and in total, what was recorded (four queries)."""
    start = week_start(day)
    end = start + datetime.timedelta(days=DAYS_IN_WEEK - 1)
    span = {"enterprise": enterprise, "date__range": (start, end)}
    attendance = _by_date(
        Attendance.objects.filter(**span),
        present=Count("pk", filter=Q(status=AttendanceStatus.PRESENT)),
        marked=Count("pk"),
    )
    operation = {row.date: row for row in DailyOperation.objects.filter(**span)}
    production = _by_date(Production.objects.filter(**span), kg=Sum("kg"))
    sales = _by_date(Sale.objects.filter(**span), rp=Sum("amount_rp"))
    days = []
    for offset in range(DAYS_IN_WEEK):
        date = start + datetime.timedelta(days=offset)
        op = operation.get(date)
        days.append(
            DaySummary(
                date=date,
                present=attendance.get(date, {}).get("present", 0),
                marked=attendance.get(date, {}).get("marked", 0),
                operating_hours=op.operating_hours if op else None,
                rotation_hours=op.rotation_hours if op else None,
                production_kg=production[date]["kg"] if date in production else None,
                sales_rp=sales[date]["rp"] if date in sales else None,
            )
        )
    totals = DaySummary(
        date=None,
        present=sum(d.present for d in days),
        marked=sum(d.marked for d in days),
        operating_hours=_total(d.operating_hours for d in days),
        rotation_hours=_total(d.rotation_hours for d in days),
        production_kg=_total(d.production_kg for d in days),
        sales_rp=_total(d.sales_rp for d in days),
    )
    return Week(start, end, days, totals, sum(d.recorded for d in days))


@dataclass(frozen=True)
class InnovationEvent:
    """An entry of the innovation log, for the comparison charts of ``performance``."""

    enterprise_id: int
    date: datetime.date
    kind: str
    kind_label: str
    description: str

    def get_kind_display(self) -> str:
        """The kind in the user's words, as a model's ``get_kind_display``."""
        return self.kind_label


def innovation_events(
    enterprise_ids: Iterable[int] | QuerySet, start: datetime.date, end: datetime.date
) -> list[InnovationEvent]:
    """Innovation log entries of these enterprises from ``start`` to ``end`` inclusive, by date.

    One query. ``enterprise_ids`` may be a queryset (of enterprises or of ids), used as a subquery.
    """
    if isinstance(enterprise_ids, QuerySet) and enterprise_ids.model is Enterprise:
        where = Q(enterprise__in=enterprise_ids.values("pk"))
    elif isinstance(enterprise_ids, QuerySet):
        where = Q(enterprise_id__in=enterprise_ids)
    else:
        where = Q(enterprise_id__in=list(enterprise_ids))
    entries = InnovationEntry.objects.filter(where, date__range=(start, end)).order_by(
        "date", "enterprise_id", "pk"
    )
    return [
        InnovationEvent(
            enterprise_id=entry.enterprise_id,
            date=entry.date,
            kind=entry.kind,
            kind_label=str(entry.get_kind_display()),
            description=entry.description,
        )
        for entry in entries
    ]


def owned_enterprises(user: Any) -> QuerySet[Enterprise]:
    """The enterprises ``user`` owns (for the owner's "record today" menu entry)."""
    from kinerja_web.access import visible_enterprises

    return visible_enterprises(user).filter(owner=user).order_by("name", "pk")

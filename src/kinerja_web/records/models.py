"""Daily records of an enterprise: what a coconut-sugar MSME writes down every day.

Source of what is recorded: Manggala et al., IOSR-JBM 24(09), 2022 (the KPI paper): worker
attendance (permanent and non-permanent), operating time, hours under the work-rotation
scheme, production (kg, e.g. iodized coconut sugar), orders, turnover, added production
equipment (20 moulds) and raw materials (6,000 litres), and the innovations whose effect the
paper compares across month quarters.

Every table carries ``enterprise`` and ``date`` and has an index that starts with
``(enterprise, date)``: the dashboards aggregate one date range over thousands of
enterprises (``records.measures``), and a deployment that distributes by enterprise (Citus)
needs the column on every row. Where a unique constraint already starts with
``(enterprise, date)`` it is that index. Money is whole Rupiah (``BigIntegerField``); the
database refuses negative amounts and hours outside 0..24. Rules that need "today" or another
table (no future dates; a worker of this enterprise, active that day) live in ``services``.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja_web.programs.models import Enterprise, Worker

HOURS_IN_DAY = 24

# Field validators give forms a clear message; the check constraints below guard the database.
NOT_NEGATIVE = (MinValueValidator(0),)
HOURS = (MinValueValidator(0), MaxValueValidator(HOURS_IN_DAY))


def _enterprise_fk(related_name: str) -> models.ForeignKey:
    return models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name=related_name, verbose_name=_("enterprise")
    )


def _by_enterprise_date(name: str) -> models.Index:
    return models.Index(fields=["enterprise", "date"], name=name)


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("present")
    ABSENT = "absent", _("absent")
    LEAVE = "leave", _("leave")
    SICK = "sick", _("sick")


class InnovationKind(models.TextChoices):
    ROTATION = "rotation", _("work rotation")
    RECRUITMENT = "recruitment", _("recruitment")
    EQUIPMENT = "equipment", _("equipment")
    LONGER_HOURS = "longer_hours", _("longer operating hours")
    ADJUSTED_ATTENDANCE = "adjusted_attendance", _("adjusted attendance of non-permanent workers")
    OTHER = "other", _("other")


class Attendance(models.Model):
    """One worker on one day: present, absent, on leave or sick."""

    Status = AttendanceStatus

    enterprise = _enterprise_fk("attendances")
    worker = models.ForeignKey(
        Worker, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("worker")
    )
    date = models.DateField(_("date"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)

    class Meta:
        ordering = ("date", "worker")
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = (
            models.UniqueConstraint(fields=["worker", "date"], name="attendance_one_per_worker_day"),
            models.CheckConstraint(
                condition=Q(status__in=AttendanceStatus.values), name="attendance_status_known"
            ),
        )
        indexes = (_by_enterprise_date("attendance_enterprise_date"),)

    def __str__(self) -> str:
        return f"{self.worker} {self.date}: {self.get_status_display()}"


class DailyOperation(models.Model):
    """The hours an enterprise worked on one day, and how many of them under work rotation."""

    enterprise = _enterprise_fk("daily_operations")
    date = models.DateField(_("date"))
    operating_hours = models.DecimalField(
        _("operating hours"), max_digits=5, decimal_places=2, validators=HOURS
    )
    rotation_hours = models.DecimalField(
        _("rotation hours"),
        max_digits=5,
        decimal_places=2,
        default=0,
        validators=HOURS,
        help_text=_("Hours worked under the work-rotation scheme."),
    )

    class Meta:
        ordering = ("date",)
        verbose_name = _("daily operation")
        verbose_name_plural = _("daily operations")
        constraints = (
            # Also the (enterprise, date) index.
            models.UniqueConstraint(fields=["enterprise", "date"], name="operation_one_per_day"),
            models.CheckConstraint(
                condition=Q(operating_hours__gte=0, operating_hours__lte=HOURS_IN_DAY),
                name="operation_hours_in_day",
            ),
            models.CheckConstraint(
                condition=Q(rotation_hours__gte=0, rotation_hours__lte=HOURS_IN_DAY),
                name="operation_rotation_hours_in_day",
            ),
        )

    def __str__(self) -> str:
        return f"{self.enterprise} {self.date}"


class Production(models.Model):
    """Kilograms of one product made on one day (one row per product and day)."""

    enterprise = _enterprise_fk("productions")
    date = models.DateField(_("date"))
    product = models.CharField(_("product"), max_length=100)
    kg = models.DecimalField(_("kg"), max_digits=12, decimal_places=2, validators=NOT_NEGATIVE)

    class Meta:
        ordering = ("date", "product")
        verbose_name = _("production")
        verbose_name_plural = _("production")
        constraints = (
            # Also the (enterprise, date) index.
            models.UniqueConstraint(
                fields=["enterprise", "date", "product"], name="production_one_per_product_day"
            ),
            models.CheckConstraint(condition=Q(kg__gte=0), name="production_kg_not_negative"),
        )

    def __str__(self) -> str:
        return f"{self.product} {self.date}: {self.kg} kg"


class Order(models.Model):
    """An order received on ``date``: who ordered how many kg of what, for how much."""

    enterprise = _enterprise_fk("orders")
    date = models.DateField(_("date"))
    customer = models.CharField(_("customer"), max_length=200)
    product = models.CharField(_("product"), max_length=100)
    kg = models.DecimalField(_("kg"), max_digits=12, decimal_places=2, validators=NOT_NEGATIVE)
    amount_rp = models.BigIntegerField(_("amount (Rp)"), validators=NOT_NEGATIVE)

    class Meta:
        ordering = ("-date", "-pk")
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        constraints = (
            models.CheckConstraint(condition=Q(kg__gte=0) & Q(amount_rp__gte=0), name="order_not_negative"),
        )
        indexes = (_by_enterprise_date("order_enterprise_date"),)

    def __str__(self) -> str:
        return f"{self.customer} {self.date}: {self.product}"


class Sale(models.Model):
    """Turnover (omzet) of one day, in whole Rupiah."""

    enterprise = _enterprise_fk("sales")
    date = models.DateField(_("date"))
    amount_rp = models.BigIntegerField(_("sales (Rp)"), validators=NOT_NEGATIVE)
    kg = models.DecimalField(
        _("kg sold"), max_digits=12, decimal_places=2, null=True, blank=True, validators=NOT_NEGATIVE
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ("date", "pk")
        verbose_name = _("sale")
        verbose_name_plural = _("sales")
        constraints = (
            models.CheckConstraint(
                condition=Q(amount_rp__gte=0) & (Q(kg__isnull=True) | Q(kg__gte=0)), name="sale_not_negative"
            ),
        )
        indexes = (_by_enterprise_date("sale_enterprise_date"),)

    def __str__(self) -> str:
        return f"{self.enterprise} {self.date}: Rp {self.amount_rp}"


class EquipmentAddition(models.Model):
    """Production equipment added on ``date`` (the paper: 20 coconut-sugar moulds)."""

    enterprise = _enterprise_fk("equipment_additions")
    date = models.DateField(_("date"))
    item = models.CharField(_("item"), max_length=200)
    quantity = models.PositiveIntegerField(_("quantity"), validators=[MinValueValidator(1)])
    cost_rp = models.BigIntegerField(_("cost (Rp)"), default=0, validators=NOT_NEGATIVE)

    class Meta:
        ordering = ("-date", "-pk")
        verbose_name = _("equipment added")
        verbose_name_plural = _("equipment added")
        constraints = (
            models.CheckConstraint(condition=Q(quantity__gte=1), name="equipment_quantity_positive"),
            models.CheckConstraint(condition=Q(cost_rp__gte=0), name="equipment_cost_not_negative"),
        )
        indexes = (_by_enterprise_date("equipment_enterprise_date"),)

    def __str__(self) -> str:
        return f"{self.quantity} {self.item} ({self.date})"


class RawMaterialAddition(models.Model):
    """Raw material bought or brought in on ``date`` (the paper: 6,000 litres of sap)."""

    enterprise = _enterprise_fk("raw_material_additions")
    date = models.DateField(_("date"))
    material = models.CharField(_("material"), max_length=200)
    quantity = models.DecimalField(
        _("quantity"), max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    unit = models.CharField(_("unit"), max_length=20)
    cost_rp = models.BigIntegerField(_("cost (Rp)"), default=0, validators=NOT_NEGATIVE)

    class Meta:
        ordering = ("-date", "-pk")
        verbose_name = _("raw material added")
        verbose_name_plural = _("raw materials added")
        constraints = (
            models.CheckConstraint(condition=Q(quantity__gt=0), name="raw_material_quantity_positive"),
            models.CheckConstraint(condition=Q(cost_rp__gte=0), name="raw_material_cost_not_negative"),
        )
        indexes = (_by_enterprise_date("raw_material_enterprise_date"),)

    def __str__(self) -> str:
        return f"{self.quantity} {self.unit} {self.material} ({self.date})"


class InnovationEntry(models.Model):
    """What the enterprise changed and when: the events the paper compares periods around."""

    Kind = InnovationKind

    enterprise = _enterprise_fk("innovation_entries")
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    description = models.TextField(_("what changed"))

    class Meta:
        ordering = ("-date", "-pk")
        verbose_name = _("innovation")
        verbose_name_plural = _("innovation log")
        constraints = (
            models.CheckConstraint(condition=Q(kind__in=InnovationKind.values), name="innovation_kind_known"),
        )
        indexes = (_by_enterprise_date("innovation_enterprise_date"),)

    def __str__(self) -> str:
        return f"{self.date}: {self.get_kind_display()}"

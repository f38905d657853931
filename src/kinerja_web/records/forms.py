"""Forms of records: numbers and Rupiah read in the user's language (``kinerja_web.formfields``).

The day form has one attendance choice per active worker, **empty by default**: the owner taps
each worker's status, so a day nobody filled in never counts as a day everybody came (a
"mark everybody present" button saves taps when they did).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinerja_web.formfields import (
    QUANTITY_MAX,
    DateField,
    LocalizedDecimalField,
    RupiahField,
    WholeNumberField,
)
from kinerja_web.programs.models import Worker
from kinerja_web.records.models import HOURS_IN_DAY, AttendanceStatus, InnovationKind
from kinerja_web.records.selectors import DayEntry

#: The day form shows at least this many production rows, and this many blank ones after
#: what is stored (a few blank rows work without JavaScript; save to get more).
MIN_PRODUCTION_ROWS = 3
BLANK_PRODUCTION_ROWS = 2

NOT_RECORDED = ""
ATTENDANCE_CHOICES = [(NOT_RECORDED, "–"), *AttendanceStatus.choices]


def _hours_field(label: Any, help_text: Any = "") -> LocalizedDecimalField:
    return LocalizedDecimalField(
        label=label,
        required=False,
        min_value=Decimal(0),
        max_value=Decimal(HOURS_IN_DAY),
        max_digits=5,
        decimal_places=2,
        help_text=help_text,
    )


class DayForm(forms.Form):
    """One day: attendance per worker (``worker_<id>``), hours and sales; production is a formset."""

    operating_hours = _hours_field(_("Operating hours"))
    rotation_hours = _hours_field(
        _("Hours under work rotation"), _("Part of the operating hours; 0 if none.")
    )
    sales_rp = RupiahField(label=_("Sales today (Rp)"), required=False)

    def __init__(self, *args: Any, workers: list[Worker], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.workers = workers
        for worker in workers:
            self.fields[self.worker_field(worker)] = forms.ChoiceField(
                label=worker.name,
                choices=ATTENDANCE_CHOICES,
                required=False,
                widget=forms.RadioSelect,
            )

    @staticmethod
    def worker_field(worker: Worker) -> str:
        return f"worker_{worker.pk}"

    def attendance_rows(self) -> list[tuple[Worker, forms.BoundField]]:
        return [(worker, self[self.worker_field(worker)]) for worker in self.workers]

    def attendance(self) -> dict[int, str]:
        """Worker id -> status of the workers tapped (the others are left out)."""
        return {
            worker.pk: self.cleaned_data[self.worker_field(worker)]
            for worker in self.workers
            if self.cleaned_data.get(self.worker_field(worker))
        }

    @classmethod
    def initial_from(cls, entry: DayEntry) -> dict[str, Any]:
        initial: dict[str, Any] = {f"worker_{pk}": status for pk, status in entry.attendance.items()}
        initial.update(
            operating_hours=plain(entry.operating_hours),
            rotation_hours=plain(entry.rotation_hours),
            sales_rp=entry.sales_rp,
        )
        return initial


def plain(value: Decimal | None) -> Decimal | None:
    """``value`` without trailing zeros (``3.50`` -> ``3.5``, ``300.00`` -> ``300``), as an owner types it."""
    if value is None:
        return None
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


class ProductionRowForm(forms.Form):
    product = forms.CharField(
        label=_("Product"), required=False, max_length=100, widget=forms.TextInput(attrs={"list": "products"})
    )
    kg = LocalizedDecimalField(
        label=_("kg"), required=False, min_value=Decimal(0), max_digits=12, decimal_places=2
    )


def production_formset(data: Any, entry: DayEntry) -> Any:
    """The production rows of a day: what is stored, then blank rows."""
    initial = [{"product": product, "kg": plain(kg)} for product, kg in entry.production]
    blanks = max(BLANK_PRODUCTION_ROWS, MIN_PRODUCTION_ROWS - len(initial))
    formset_class = forms.formset_factory(ProductionRowForm, extra=blanks, max_num=50, absolute_max=60)
    return formset_class(data, initial=initial, prefix="production")


def production_rows(formset: Any) -> list[tuple[str, Decimal | None]]:
    return [(form.cleaned_data.get("product", ""), form.cleaned_data.get("kg")) for form in formset.forms]


class _DatedForm(forms.Form):
    """A form whose first field is the day (a phone's date picker; ISO and day-first typed dates)."""

    date = DateField(
        label=_("Date"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class OrderForm(_DatedForm):
    customer = forms.CharField(label=_("Customer"), max_length=200)
    product = forms.CharField(
        label=_("Product"), max_length=100, widget=forms.TextInput(attrs={"list": "products"})
    )
    kg = LocalizedDecimalField(label=_("kg"), min_value=Decimal(0), max_digits=12, decimal_places=2)
    amount_rp = RupiahField(label=_("Amount (Rp)"))


class EquipmentForm(_DatedForm):
    item = forms.CharField(label=_("Item"), max_length=200, help_text=_("e.g. coconut-sugar moulds"))
    quantity = WholeNumberField(label=_("Quantity"), min_value=1, max_value=QUANTITY_MAX)
    cost_rp = RupiahField(label=_("Cost (Rp)"), required=False)

    def clean_cost_rp(self) -> int:
        return self.cleaned_data.get("cost_rp") or 0


class RawMaterialForm(_DatedForm):
    material = forms.CharField(label=_("Material"), max_length=200, help_text=_("e.g. coconut sap (nira)"))
    quantity = LocalizedDecimalField(
        label=_("Quantity"), min_value=Decimal("0.01"), max_digits=12, decimal_places=2
    )
    unit = forms.CharField(label=_("Unit"), max_length=20, help_text=_("litre, kg, sack..."))
    cost_rp = RupiahField(label=_("Cost (Rp)"), required=False)

    def clean_cost_rp(self) -> int:
        return self.cleaned_data.get("cost_rp") or 0


class InnovationForm(_DatedForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=InnovationKind.choices)
    description = forms.CharField(
        label=_("What changed"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )

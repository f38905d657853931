"""The form of one indicator in one period: not applicable, or its target in parts.

Rows of parts are checked here with messages in the user's language (a name, a target above 0,
an actual of 0 or more); the service asks the core (``kinerja.scoring.Part``) again.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kinerja_web.formfields import LocalizedDecimalField
from kinerja_web.performance.services import MAX_PARTS


class IndicatorDetailForm(forms.Form):
    not_applicable = forms.BooleanField(
        label=_("Not applicable in this period"),
        required=False,
        help_text=_(
            "For an indicator introduced later (the KPI paper's work rotation starts in the second "
            "month quarter): it is not scored 0, and the program's policy says what the other weights become."
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31)


class PartForm(forms.Form):
    """One measured part of a composite target (Table 1's "20 molds" or "6000 litres")."""

    name = forms.CharField(label=_("Part"), required=False, max_length=100)
    unit = forms.CharField(label=_("Unit"), required=False, max_length=30)
    target = LocalizedDecimalField(
        label=_("Target"), required=False, max_digits=20, decimal_places=4, min_value=Decimal("0.0001")
    )
    actual = LocalizedDecimalField(
        label=_("Actual"), required=False, max_digits=20, decimal_places=4, min_value=Decimal(0)
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        values = [data.get(name) for name in ("name", "unit", "target", "actual")]
        if all(value in (None, "") for value in values) or self.errors:
            return data
        if not (data.get("name") or "").strip():
            self.add_error("name", gettext("Name the part."))
        if data.get("target") is None:
            self.add_error("target", gettext("Give the part's target."))
        if data.get("actual") is None:
            self.add_error("actual", gettext("Give the part's actual."))
        return data

    def row(self) -> dict[str, Any] | None:
        data = self.cleaned_data
        if all(data.get(name) in (None, "") for name in ("name", "unit", "target", "actual")):
            return None
        return {
            "name": data["name"].strip(),
            "unit": (data.get("unit") or "").strip(),
            "target": str(data["target"]),
            "actual": str(data["actual"]),
        }


PartFormSet = forms.formset_factory(
    PartForm, extra=0, min_num=MAX_PARTS, max_num=MAX_PARTS, validate_max=True
)


def part_rows(formset: Any) -> list[dict[str, Any]]:
    """The filled rows of a valid ``PartFormSet``."""
    return [row for form in formset.forms if (row := form.row()) is not None]

"""Forms of performance: Rupiah and numbers through ``kinerja_web.formfields``, dates day-first."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kinerja_web.formfields import (
    DATE_MAX,
    DATE_MIN,
    DateField,
    IdChoiceField,
    LocalizedDecimalField,
    RupiahField,
    WholeNumberField,
)
from kinerja_web.performance import periods
from kinerja_web.performance.evaluate import Line
from kinerja_web.performance.models import Period, Target

DATE_WIDGET = forms.TextInput(
    attrs={"placeholder": _("dd/mm/yyyy"), "autocomplete": "off", "inputmode": "numeric"}
)


class PeriodForm(forms.Form):
    """A quarter or a month (its days filled in from the year and number), or a custom range."""

    kind = forms.ChoiceField(
        label=_("Kind"), choices=Period.Kind.choices, initial=Period.Kind.QUARTER, widget=forms.RadioSelect
    )
    year = WholeNumberField(
        label=_("Year"),
        min_value=DATE_MIN.year,
        max_value=DATE_MAX.year,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 4}),
    )
    quarter = forms.TypedChoiceField(
        label=_("Quarter"), choices=[(q, q) for q in range(1, 5)], coerce=int, required=False
    )
    month = forms.TypedChoiceField(label=_("Month"), choices=(), coerce=int, required=False)
    start = DateField(label=_("First day"), required=False, widget=DATE_WIDGET)
    end = DateField(
        label=_("Last day"),
        required=False,
        widget=DATE_WIDGET,
        help_text=_("Inclusive. For a quarter or a month the days are filled in from the year."),
    )
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        required=False,
        help_text=_("Leave empty for a quarter or month to get e.g. “Q1 2026”."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from django.utils.dates import MONTHS

        self.fields["month"].choices = [("", "—"), *((m, MONTHS[m]) for m in range(1, 13))]
        self.fields["quarter"].choices = [("", "—"), *((q, q) for q in range(1, 5))]
        if not self.is_bound:
            today = datetime.date.today()
            self.initial.setdefault("year", today.year)
            self.initial.setdefault("quarter", (today.month - 1) // 3 + 1)
            self.initial.setdefault("month", today.month)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        kind, year = data.get("kind"), data.get("year")
        if kind == Period.Kind.QUARTER:
            quarter = data.get("quarter")
            if not year or not quarter:
                raise forms.ValidationError(_("Choose the year and the quarter."))
            data["start"], data["end"] = periods.quarter_range(year, quarter)
            data["name"] = data.get("name") or periods.quarter_name(year, quarter)
        elif kind == Period.Kind.MONTH:
            month = data.get("month")
            if not year or not month:
                raise forms.ValidationError(_("Choose the year and the month."))
            data["start"], data["end"] = periods.month_range(year, month)
            data["name"] = data.get("name") or periods.month_name(year, month)
        else:
            if not data.get("start"):
                self.add_error("start", _("Give the first day, e.g. 20/01/2021."))
            if not data.get("end"):
                self.add_error("end", _("Give the last day, e.g. 31/05/2021."))
            if not data.get("name"):
                self.add_error("name", _("Give the period a name, e.g. “Kuartal bulan 1”."))
            if data.get("start") and data.get("end") and data["start"] > data["end"]:
                self.add_error("end", _("The last day must not be before the first day."))
        return data


class ScorecardStartForm(forms.Form):
    framework = IdChoiceField(label=_("KPI framework"), queryset=None, empty_label=None)

    def __init__(self, *args: Any, frameworks: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["framework"].queryset = frameworks


class TargetsForm(forms.Form):
    """One group of fields per indicator row: target, actual typed by hand (when not from
    records) and a realization given directly. Built from the scorecard page's rows.

    ``setter``: the target and given-realization fields are there (for the facilitator, or an
    owner who may propose them); without it only the typed actuals are. ``version``: the
    scorecard version the form is drawn from, posted back so a save over a newer one is refused.
    """

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31, required=False)

    def __init__(
        self,
        *args: Any,
        lines: Sequence[Line],
        targets: dict[int, Target],
        disabled: bool = False,
        setter: bool = True,
        version: int = 1,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.initial["version"] = version
        self.setter = setter
        self.lines = list(lines)
        self.manual: dict[int, bool] = {}
        for line in self.lines:
            stored = targets.get(line.node_id)
            # A frozen row (closed period) no longer knows the indicator's source, only where its
            # actual came from: a records actual is shown as such, not as an empty typed actual.
            manual = not (line.from_records or line.actual_from == "records")
            self.manual[line.node_id] = manual
            number_field = _money_field if line.is_money else _decimal_field
            if setter:
                self.fields[f"target_{line.node_id}"] = number_field(_("Target"))
                self.initial[f"target_{line.node_id}"] = _initial(
                    stored.target if stored else None, line.is_money
                )
            if manual:
                self.fields[f"actual_{line.node_id}"] = number_field(_("Actual"))
                self.initial[f"actual_{line.node_id}"] = _initial(
                    stored.manual_actual if stored else None, line.is_money
                )
            if setter:
                self.fields[f"realization_{line.node_id}"] = _realization_field(_("Realization given (%)"))
                self.initial[f"realization_{line.node_id}"] = _initial(
                    stored.manual_realization if stored else None, False
                )

        if disabled:  # a closed period: shown, not editable
            for field in self.fields.values():
                field.disabled = True

    def rows(self) -> list[dict[str, Any]]:
        """The cleaned rows for ``services.targets_save``."""
        out = []
        for line in self.lines:
            row: dict[str, Any] = {"node": line.node_id}
            if self.setter:
                row["target"] = _decimal(self.cleaned_data.get(f"target_{line.node_id}"))
                row["manual_realization"] = _decimal(self.cleaned_data.get(f"realization_{line.node_id}"))
            if self.manual[line.node_id]:
                row["manual_actual"] = _decimal(self.cleaned_data.get(f"actual_{line.node_id}"))
            out.append(row)
        return out

    def row_fields(self) -> list[tuple[Line, list[forms.BoundField]]]:
        """Each row with its bound fields, for the template."""
        rows = []
        for line in self.lines:
            names = [f"target_{line.node_id}"] if self.setter else []
            if self.manual[line.node_id]:
                names.append(f"actual_{line.node_id}")
            if self.setter:
                names.append(f"realization_{line.node_id}")
            rows.append((line, [self[name] for name in names]))
        return rows


class ApproveForm(forms.Form):
    """The facilitator approves the scorecard version shown on the page."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31)


class AcknowledgeForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _money_field(label: Any) -> forms.Field:
    return RupiahField(label=label, required=False)


def _decimal_field(label: Any) -> forms.Field:
    # Four decimals are stored (Target.target and manual_actual: 20 digits, 4 after the mark).
    return LocalizedDecimalField(label=label, required=False, min_value=Decimal(0), decimal_places=4)


#: The largest realization a person may give, in percent: the column holds 8 digits before the
#: mark, and a realization of ten thousand times the target is a typing error.
REALIZATION_MAX = Decimal(1_000_000)


def _realization_field(label: Any) -> forms.Field:
    limit = formats.number_format(REALIZATION_MAX, use_l10n=True, force_grouping=True)
    return LocalizedDecimalField(
        label=label,
        required=False,
        min_value=Decimal(0),
        max_value=REALIZATION_MAX,
        decimal_places=4,
        error_messages={
            "max_value": gettext("A realization is at most %(limit)s percent.") % {"limit": limit}
        },
    )


def _initial(value: Decimal | None, money: bool) -> Any:
    """Stored ``Decimal('2535.0000')`` shown as ``2535``; ``14232.5000`` as ``14232.5``."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return value.normalize()


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    return Decimal(value)

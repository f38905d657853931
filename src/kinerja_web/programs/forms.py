"""Forms of programs: they read and validate input; services write it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, ClassVar

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kinerja.errors import InputError
from kinerja.scoring import Band
from kinerja.scoring.bands import parse_bands
from kinerja_web import access
from kinerja_web.accounts.selectors import program_users
from kinerja_web.core_messages import core_message
from kinerja_web.formfields import (
    DATE_MAX,
    HISTORY_MIN,
    HistoryDateField,
    IdChoiceField,
    LocalizedDecimalField,
    RupiahField,
    WholeNumberField,
)
from kinerja_web.programs.models import Cluster, Enterprise, Program, Worker


class EnterpriseForm(forms.ModelForm):
    """An enterprise's data. Who may move it between clusters or set its owner decides the fields:
    administrators all, facilitators all but the owner, owners neither."""

    net_assets = RupiahField(
        label=_("Net assets (Rp)"), help_text=_("Excluding land and buildings, as Law 20/2008 counts them.")
    )
    business_capital = RupiahField(
        label=_("Business capital (Rp)"),
        required=False,
        help_text=_("Modal usaha, as Government Regulation 7/2021 counts it. Leave empty if unknown."),
    )
    annual_sales = RupiahField(label=_("Annual sales (Rp)"))

    class Meta:
        model = Enterprise
        fields = (
            "cluster",
            "name",
            "nib",
            "commodity",
            "address",
            "village",
            "year_founded",
            "net_assets",
            "business_capital",
            "annual_sales",
            "owner",
        )
        widgets: ClassVar[dict[str, Any]] = {
            "nib": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "maxlength": 13}),
            "year_founded": forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 4}),
        }
        field_classes: ClassVar[dict[str, Any]] = {"cluster": IdChoiceField, "owner": IdChoiceField}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year_founded"] = WholeNumberField(
            label=self.fields["year_founded"].label,
            required=False,
            min_value=HISTORY_MIN.year,
            max_value=DATE_MAX.year,
            widget=forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 4}),
        )
        clusters = access.managed_clusters(user).select_related("program")
        if self.instance.pk and not access.can_manage_cluster(user, self.instance.cluster):
            del self.fields["cluster"]  # an owner keeps their enterprise where it is
        else:
            self.fields["cluster"].queryset = clusters
        programs = access.administered_programs(user)
        if programs.exists():
            self.fields["owner"].queryset = program_users(programs).order_by("username")
            self.fields["owner"].label_from_instance = lambda u: u.get_username()
        else:
            del self.fields["owner"]


class WorkerForm(forms.ModelForm):
    class Meta:
        model = Worker
        fields = ("name", "is_permanent", "role", "start_date", "end_date")
        help_texts: ClassVar[dict[str, Any]] = {"start_date": _("Day first: 03/04/2025 is 3 April 2025.")}
        field_classes: ClassVar[dict[str, Any]] = {
            "start_date": HistoryDateField,
            "end_date": HistoryDateField,
        }

    def __init__(self, *args: Any, program: Program, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A role is one of the program's roles (competency frameworks require levels per role).
        self.fields["role"].queryset = program.worker_roles.all()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date is before the start date."))
        return data


class ClusterForm(forms.ModelForm):
    """A cluster of ``instance.program`` (pass ``instance=Cluster(program=...)`` for a new one)."""

    class Meta:
        model = Cluster
        fields = ("name", "kind", "sub_district", "regency")

    def clean_name(self) -> str:
        """Refuse a name another cluster of the program has, ignoring case and spaces around it."""
        name = " ".join(self.cleaned_data["name"].split())
        others = Cluster.objects.filter(program_id=self.instance.program_id, name__iexact=name)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if self.instance.program_id and others.exists():
            raise forms.ValidationError(
                _("A cluster of this program is already called %(name)s: choose another name."),
                code="unique",
                params={"name": others.first().name},
            )
        return name


class ProgramForm(forms.ModelForm):
    """The program's settings, with the scoring options every scorecard of it names."""

    score_cap = LocalizedDecimalField(
        label=_("Cap of the realization (%)"),
        required=False,
        max_digits=8,
        decimal_places=2,
        min_value=Decimal("0.01"),
        help_text=_("The highest realization a score uses: 100 as the KPI paper; empty for no cap."),
    )

    class Meta:
        model = Program
        fields = (
            "name",
            "description",
            "funder",
            "rupiah_space",
            "owners_may_propose",
            "lower_rule",
            "score_cap",
            "not_applicable_policy",
            "composite_rule",
        )


class EnterpriseFilterForm(forms.Form):
    """The enterprise list's filter: a cluster the user may see, and a name or NIB."""

    cluster = IdChoiceField(queryset=Cluster.objects.none(), required=False, label=_("Cluster"))
    q = forms.CharField(required=False, label=_("Name or NIB"), max_length=100)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cluster"].queryset = access.visible_clusters(user).select_related("program")


class BandRowForm(forms.Form):
    """One rating band: from ``min`` up to the next better band's minimum."""

    min = LocalizedDecimalField(
        label=_("From (minimum total)"), required=False, max_digits=12, decimal_places=4
    )
    code = forms.CharField(
        label=_("Code"),
        required=False,
        max_length=40,
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9_-]+$", _("Letters, digits, _ and - only (for example very_good)."), code="code"
            )
        ],
    )
    label_id = forms.CharField(label=_("Indonesian label"), required=False, max_length=100)
    label_en = forms.CharField(label=_("English label"), required=False, max_length=100)

    FIELDS = ("min", "code", "label_id", "label_en")


class BaseBandsFormSet(forms.BaseFormSet):
    """Rows of bands, best first; blank rows are skipped. ``bands`` holds the core's checked bands.

    The core validates (``kinerja.scoring.bands.parse_bands``, which runs ``check_bands``); its
    error names ``bands[i].field``, which is turned into the row number the user sees.
    """

    bands: tuple[Band, ...] = ()

    def clean(self) -> None:
        if any(form.errors for form in self.forms):
            return
        rows: list[tuple[int, dict[str, Any]]] = []
        for number, form in enumerate(self.forms, start=1):
            data = {name: form.cleaned_data.get(name) for name in BandRowForm.FIELDS}
            if all(value in (None, "") for value in data.values()):
                continue
            rows.append((number, {name: None if value == "" else value for name, value in data.items()}))
        if not rows:
            raise forms.ValidationError(gettext("Give at least one band."))
        try:  # the core alone decides what a band needs (a minimum, a code, a label) and their order
            self.bands = parse_bands([data for _number, data in rows])
        except InputError as error:
            raise forms.ValidationError(_row_error(error, [number for number, _data in rows])) from None


#: The core's field names of a band (``bands[i].label`` when neither label is given), as the page labels them.
_BAND_FIELDS = {
    "min": BandRowForm.base_fields["min"].label,
    "code": BandRowForm.base_fields["code"].label,
    "label": _("Label"),
    "label_id": BandRowForm.base_fields["label_id"].label,
    "label_en": BandRowForm.base_fields["label_en"].label,
}


def _row_error(error: InputError, numbers: list[int]) -> str:
    """The core's error at ``bands[i].field`` said with the row number and column shown on the page."""
    where = error.where
    if not where.startswith("bands["):
        return core_message(error)
    index = int(where[len("bands[") : where.index("]")])
    field = where[where.index("]") + 2 :] if "]." in where else ""
    row = numbers[index] if index < len(numbers) else index + 1
    if field in _BAND_FIELDS:
        return gettext("Row %(row)s, %(field)s: %(problem)s") % {
            "row": row,
            "field": _BAND_FIELDS[field],
            "problem": core_message(error),
        }
    return gettext("Row %(row)s: %(problem)s") % {"row": row, "problem": core_message(error)}


BandsFormSet = forms.formset_factory(
    BandRowForm, formset=BaseBandsFormSet, extra=2, max_num=12, validate_max=True, absolute_max=12
)

"""Forms of programs: they read and validate input; services write it."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja_web import access
from kinerja_web.accounts.selectors import program_users
from kinerja_web.formfields import RupiahField
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

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year_founded"] = forms.IntegerField(
            label=self.fields["year_founded"].label,
            required=False,
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

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date is before the start date."))
        return data


class ClusterForm(forms.ModelForm):
    class Meta:
        model = Cluster
        fields = ("name", "kind", "sub_district", "regency")


class ProgramForm(forms.ModelForm):
    class Meta:
        model = Program
        fields = ("name", "description", "funder", "rupiah_space")


class EnterpriseFilterForm(forms.Form):
    """The enterprise list's filter: a cluster the user may see, and a name or NIB."""

    cluster = forms.ModelChoiceField(queryset=Cluster.objects.none(), required=False, label=_("Cluster"))
    q = forms.CharField(required=False, label=_("Name or NIB"), max_length=100)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cluster"].queryset = access.visible_clusters(user).select_related("program")

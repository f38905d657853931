"""The form of an enterprise's yearly figures (numbers through ``kinerja_web.formfields``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja_web.formfields import RupiahField, WholeNumberField
from kinerja_web.programs.models import EARLIEST_YEAR_FOUNDED


class EnterpriseYearForm(forms.Form):
    """One year's figures; saving a year already recorded corrects it."""

    year = WholeNumberField(label=_("Year"), min_value=EARLIEST_YEAR_FOUNDED, max_value=2100)
    net_assets = RupiahField(
        label=_("Net assets (Rp)"),
        required=False,
        help_text=_("Excluding land and buildings: Law 20/2008's criterion."),
    )
    business_capital = RupiahField(
        label=_("Business capital (Rp)"),
        required=False,
        help_text=_("Modal usaha: Government Regulation 7/2021's criterion."),
    )
    annual_sales = RupiahField(label=_("Annual sales (Rp)"), help_text=_("A criterion of both laws."))
    workers = WholeNumberField(
        label=_("Workers"),
        required=False,
        min_value=1,
        max_value=1_000_000,
        help_text=_("Owner included (Statistics Indonesia's classes, for information)."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if (
            data.get("year") is not None
            and data.get("annual_sales") is None
            and not self.has_error("annual_sales")
        ):
            self.add_error("annual_sales", _("Give the year's annual sales: both laws classify by them."))
        return data

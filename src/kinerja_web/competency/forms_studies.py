"""The study form: a name and up to six criteria, each with its place in the order.

A criterion counts when its fields are filled; ``criteria()`` gives them in the order the user
numbered them (unnumbered ones keep the form's order, after the numbered). The service checks
them again and names the field of each problem (``services.studies.clean_criteria``).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kinerja import sizing
from kinerja_web.competency.models import LEVEL_MAX, LEVEL_MIN
from kinerja_web.competency.selectors import studies as selectors
from kinerja_web.competency.selectors.gaps import visible_rounds
from kinerja_web.competency.services.studies import WORKERS_MAX, YEARS_MAX
from kinerja_web.formfields import (
    IdChoiceField,
    IdMultipleChoiceField,
    LocalizedDecimalField,
    WholeNumberField,
)

#: (kind, the fields that make it count) in the form's order.
CRITERIA: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("cluster", ("clusters",)),
    ("commodity", ("commodity",)),
    ("size", ("size_classes",)),
    ("years", ("years_min", "years_max")),
    ("workers", ("workers_min", "workers_max")),
    ("gap", ("gap_round", "gap_area", "gap_above")),
)


def _order_field() -> WholeNumberField:
    return WholeNumberField(
        label=_("Order"),
        required=False,
        min_value=1,
        max_value=len(CRITERIA),
        help_text=_("1 = applied first. Blank: in the form's order."),
    )


class StudyForm(forms.Form):
    name = forms.CharField(label=_("Name of the study"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    clusters = IdMultipleChoiceField(
        label=_("Clusters"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    cluster_order = _order_field()

    commodity = forms.ChoiceField(label=_("Commodity"), required=False)
    commodity_order = _order_field()

    size_law = forms.ChoiceField(label=_("Size class under"), required=False)
    size_classes = forms.MultipleChoiceField(
        label=_("Size classes"), required=False, widget=forms.CheckboxSelectMultiple
    )
    size_order = _order_field()

    years_min = WholeNumberField(
        label=_("Years in business: at least"), required=False, min_value=0, max_value=YEARS_MAX
    )
    years_max = WholeNumberField(
        label=_("Years in business: at most"), required=False, min_value=0, max_value=YEARS_MAX
    )
    years_order = _order_field()

    workers_min = WholeNumberField(
        label=_("Active workers: at least"), required=False, min_value=0, max_value=WORKERS_MAX
    )
    workers_max = WholeNumberField(
        label=_("Active workers: at most"), required=False, min_value=0, max_value=WORKERS_MAX
    )
    workers_order = _order_field()

    gap_round = IdChoiceField(label=_("Assessment round"), queryset=None, required=False)
    gap_area = forms.ChoiceField(label=_("Area"), required=False)
    gap_above = LocalizedDecimalField(
        label=_("Mean gap above (levels)"),
        required=False,
        min_value=0,
        max_value=LEVEL_MAX - LEVEL_MIN,
        max_digits=4,
        decimal_places=2,
    )
    gap_order = _order_field()

    def __init__(self, *args: Any, user: Any, program: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user, self.program = user, program
        from django.utils.translation import get_language

        locale = "id" if (get_language() or "id").startswith("id") else "en"
        self.fields["clusters"].queryset = selectors.study_clusters(user, program)
        commodities = sorted(
            {
                c.strip()
                for c in selectors.study_pool(user, program).values_list("commodity", flat=True)
                if c.strip()
            },
            key=str.casefold,
        )
        self.fields["commodity"].choices = [("", "—"), *((c, c) for c in commodities)]
        self.fields["size_law"].choices = [
            (law, sizing.LAW_TITLES[law][1 if locale == "id" else 0]) for law in sizing.LAWS
        ]
        self.fields["size_law"].initial = sizing.UU20_2008
        self.fields["size_classes"].choices = [(c, sizing.class_label(c, locale)) for c in sizing.CLASSES]
        rounds = visible_rounds(user).filter(program=program).order_by("-starts_on", "name")
        self.fields["gap_round"].queryset = rounds
        areas: list[str] = []
        for rnd in rounds.select_related("framework"):
            for area in rnd.framework.areas.order_by("position", "pk").values_list("name", flat=True):
                if area not in areas:
                    areas.append(area)
        self.fields["gap_area"].choices = [("", "—"), *((a, a) for a in areas)]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("size_classes") and not data.get("size_law"):
            self.add_error("size_law", _("Choose the law the size class is read under."))
        for kind in ("years", "workers"):
            low, high = data.get(f"{kind}_min"), data.get(f"{kind}_max")
            if low is not None and high is not None and low > high:
                self.add_error(f"{kind}_max", _("The highest number is below the lowest."))
        gap_fields = ("gap_round", "gap_area", "gap_above")
        if any(data.get(f) not in (None, "") for f in gap_fields):
            for field in gap_fields:
                if data.get(field) in (None, "") and field not in self.errors:
                    self.add_error(field, _("Needed for the gap criterion."))
        return data

    def _active(self, fields: tuple[str, ...]) -> bool:
        """Whether any of ``fields`` was filled (0 counts; an empty choice of several does not)."""
        for name in fields:
            value = self.cleaned_data.get(name)
            if value is None or value == "":
                continue
            if hasattr(value, "__len__") and not isinstance(value, str) and len(value) == 0:
                continue
            return True
        return False

    def criteria(self) -> list[dict]:
        """The filled criteria in the user's order (the service's input)."""
        data = self.cleaned_data
        found = []
        for position, (kind, fields) in enumerate(CRITERIA):
            if not self._active(fields):
                continue
            order = data.get(f"{kind}_order")
            if kind == "cluster":
                criterion = {"kind": kind, "clusters": [c.pk for c in data["clusters"]]}
            elif kind == "commodity":
                criterion = {"kind": kind, "commodity": data["commodity"]}
            elif kind == "size":
                criterion = {"kind": kind, "law": data.get("size_law"), "classes": list(data["size_classes"])}
            elif kind in ("years", "workers"):
                criterion = {"kind": kind, "min": data.get(f"{kind}_min"), "max": data.get(f"{kind}_max")}
            else:
                criterion = {
                    "kind": kind,
                    "round": data["gap_round"].pk,
                    "area": data["gap_area"],
                    "above": str(data["gap_above"]),
                }
            found.append((order is None, order or 0, position, criterion))
        return [criterion for *_key, criterion in sorted(found, key=lambda row: row[:3])]

    def add_service_errors(self, error: ValidationError) -> None:
        """The service's messages on the fields they name (the form's top otherwise)."""
        for field, messages in error.message_dict.items():
            self.add_error(field if field in self.fields else None, messages)

    def criterion_rows(self) -> list[tuple[str, list[Any], Any]]:
        """(legend, fields, order field) per criterion, for the template."""
        legends = {
            "cluster": _("Cluster"),
            "commodity": _("Commodity"),
            "size": _("Size class"),
            "years": _("Years in business"),
            "workers": _("Number of workers"),
            "gap": _("A gap above a level in an area"),
        }
        extra = {"size": ("size_law",)}
        rows = []
        for kind, fields in CRITERIA:
            names = [*extra.get(kind, ()), *fields]
            rows.append((legends[kind], [self[name] for name in names], self[f"{kind}_order"]))
        return rows

"""Forms of frameworks: numbers through kinerja_web.formfields, judgments checked by the core (services)."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from kinerja.ahp.parse import RECIPROCAL_TOLERANCE
from kinerja_web.formfields import IdChoiceField, LocalizedDecimalField
from kinerja_web.frameworks import paper
from kinerja_web.frameworks.judgments import pair_label, verbal_choices
from kinerja_web.frameworks.models import Framework, Node, SizeClass

MODES = ("verbal", "matrix")


class FrameworkCreateForm(forms.Form):
    program = IdChoiceField(queryset=None, label=_("Program"))
    template = forms.ChoiceField(label=_("Start from"))
    name = forms.CharField(label=_("Name"), max_length=200)
    size_class = forms.ChoiceField(
        label=_("Size class"),
        choices=SizeClass.choices,
        required=False,
        help_text=_("Which businesses it is for."),
    )
    is_template = forms.BooleanField(
        label=_("Keep as a template of the program"), required=False, help_text=_("Administrators only.")
    )

    def __init__(
        self, *args: Any, programs: Any, templates: Any, can_make_templates: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["program"].queryset = programs
        if programs.count() == 1:
            self.fields["program"].initial = programs.first()
        built_in = [(key, spec.label) for key, spec in paper.TEMPLATES.items()]
        stored = [(f"framework:{fw.pk}", f"{fw.program.name}: {fw}") for fw in templates]
        self.fields["template"].choices = [
            (_("Built in"), built_in),
            *([(_("Frameworks and templates of your programs"), stored)] if stored else []),
        ]
        self.fields["template"].initial = paper.DEFAULT_TEMPLATE
        self._templates = {f"framework:{fw.pk}": fw for fw in templates}
        if not can_make_templates:
            del self.fields["is_template"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        key = data.get("template")
        if key in self._templates:
            template = self._templates[key]
            if data.get("program") is not None and template.program_id != data["program"].pk:
                self.add_error("template", _("Choose a template of the same program."))
            data["template"] = template
        return data


class FrameworkSettingsForm(forms.ModelForm):
    threshold = LocalizedDecimalField(
        label=_("CR threshold"), min_value=Decimal(0), max_digits=6, decimal_places=4
    )

    class Meta:
        model = Framework
        fields = ("name", "description", "size_class", "method", "ri_table", "threshold")
        widgets: ClassVar = {"description": forms.Textarea(attrs={"rows": 3})}


class _OnePageForm:
    """A form shown next to others on one page: its ids start with :attr:`id_prefix` so that every
    label points at its own input (the field names, and so what is posted, stay the same)."""

    id_prefix = "id"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)


class NodeAddForm(_OnePageForm, forms.Form):
    id_prefix = "add"

    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[(Node.Kind.PERSPECTIVE, _("perspective")), (Node.Kind.INDICATOR, _("indicator"))],
    )
    unit = forms.CharField(label=_("Unit"), max_length=50, required=False)
    direction = forms.ChoiceField(label=_("Direction"), choices=Node.Direction.choices, initial="higher")
    actual_source = forms.ChoiceField(
        label=_("Actual from"), choices=Node._meta.get_field("actual_source").choices
    )
    source_product = forms.CharField(
        label=_("Product"),
        max_length=200,
        required=False,
        help_text=Node._meta.get_field("source_product").help_text,
    )


class NodeRenameForm(_OnePageForm, forms.Form):
    id_prefix = "rename"

    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class IndicatorForm(_OnePageForm, forms.ModelForm):
    id_prefix = "indicator"

    class Meta:
        model = Node
        fields = ("unit", "direction", "actual_source", "source_product", "description")
        widgets: ClassVar = {"description": forms.Textarea(attrs={"rows": 2})}


class WeightingForm(forms.ModelForm):
    class Meta:
        model = Node
        fields = ("weight_mode", "aggregation")


class AdoptedWeightsForm(forms.Form):
    """One percentage per child; they must sum to 100."""

    def __init__(self, *args: Any, children: list[Node], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.children = children
        for child in children:
            self.fields[f"weight_{child.pk}"] = LocalizedDecimalField(
                label=child.name,
                min_value=Decimal(0),
                max_value=Decimal(100),
                initial=None if child.adopted_weight is None else child.adopted_weight * 100,
                help_text=_("percent"),
            )

    def clean(self) -> dict[str, Any]:
        """The percentages must sum to 100 (within the core's 1e-6 of a fraction), said in percent."""
        data = super().clean()
        values = [data.get(f"weight_{child.pk}") for child in self.children]
        if values and all(value is not None for value in values):
            total = sum(values, Decimal(0))
            if abs(total - 100) > Decimal("0.0001"):
                raise ValidationError(
                    _("The weights must sum to 100 %%; these sum to %(sum)s %%."),
                    code="sum",
                    params={"sum": formats.number_format(total.normalize(), use_l10n=True)},
                )
        return data

    def weights(self) -> dict[int, float]:
        """Local weights as fractions (percent / 100), for ``adopted_weights_save``."""
        return {child.pk: float(self.cleaned_data[f"weight_{child.pk}"]) / 100.0 for child in self.children}


class JudgmentsForm(forms.Form):
    """One expert's judgments of a node's children: one field per pair (a before b in the children's order).

    ``verbal`` mode: a select of the 17 steps of Saaty's scale per pair; ``matrix`` mode: the upper
    triangle of the matrix as text inputs accepting ``3``, ``1/3`` or ``0.333`` (``0,333``),
    blank for a pair not judged. Each value is checked here first, so that a bad one is reported
    on its own pair in the user's language (a word, 0, a value off Saaty's scale 1/9..9), and so
    is a set of judgments that leaves some children never compared with the others; the core
    checks the whole set again in ``judgments_save``.
    """

    expert_name = forms.CharField(label=_("Expert"), max_length=200)
    expert_weight = LocalizedDecimalField(
        label=_("Expert's weight"), min_value=Decimal("0.0001"), max_digits=9, decimal_places=4, initial=1
    )
    mode = forms.ChoiceField(choices=[(m, m) for m in MODES], widget=forms.HiddenInput, initial="verbal")

    def __init__(self, *args: Any, children: list[Node], mode: str = "verbal", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.children = children
        self.entry_mode = mode if mode in MODES else "verbal"
        self.fields["mode"].initial = self.entry_mode
        initial_values: dict[tuple[int, int], str] = {}
        for entry in (self.initial or {}).get("judgments", []):
            a, b, value = entry
            initial_values[(a, b)] = str(value)
            initial_values[(b, a)] = _invert_text(str(value))
        self.pairs: list[tuple[Node, Node, str]] = []
        for i, a in enumerate(children):
            for b in children[i + 1 :]:
                name = f"pair_{a.pk}_{b.pk}"
                value = initial_values.get((a.pk, b.pk))
                if self.entry_mode == "verbal":
                    choices = verbal_choices(a.name, b.name)
                    known = {key for key, _label in choices}
                    bound = self.data.get(self.add_prefix(name)) if self.is_bound else value
                    extra = [bound] if bound and bound not in known else []
                    choices += [
                        (
                            v,
                            _("%(pair)s: %(value)s (other value)")
                            % {"pair": pair_label(a.name, b.name), "value": v},
                        )
                        for v in extra
                    ]
                    field: forms.Field = forms.ChoiceField(
                        label=pair_label(a.name, b.name), choices=choices, initial=value or "1"
                    )
                else:
                    field = forms.CharField(
                        label=pair_label(a.name, b.name),
                        required=False,
                        initial=value or "",
                        widget=forms.TextInput(
                            attrs={"inputmode": "decimal", "size": 6, "autocomplete": "off"}
                        ),
                    )
                field.widget.attrs["id"] = f"id_{name}"
                self.fields[name] = field
                self.pairs.append((a, b, name))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        judgments = []
        for a, b, name in self.pairs:
            typed = (data.get(name) or "").strip()
            if not typed:
                continue
            raw = typed.replace(",", ".") if "," in typed and "." not in typed else typed  # 0,333
            problem = _judgment_problem(raw, typed)
            if problem:
                self.add_error(name, f"{pair_label(a.name, b.name)}: {problem}")
                continue
            judgments.append([a.pk, b.pk, raw])
        if not any(self.has_error(name) for _a, _b, name in self.pairs):
            groups = _unlinked_groups(self.children, judgments)
            if len(groups) > 1:
                described = " | ".join("{" + ", ".join(group) + "}" for group in groups)
                self.add_error(
                    None,
                    _(
                        "Some children are never compared with the others: %(groups)s. "
                        "Judge at least one pair linking these groups."
                    )
                    % {"groups": described},
                )
        data["judgments"] = judgments
        return data

    def judgment_error(self) -> str | None:
        """The first problem of the typed judgments (for the live analysis), or ``None``."""
        for _a, _b, name in self.pairs:
            if self.has_error(name):
                return str(self.errors[name][0])
        errors = self.non_field_errors()
        return str(errors[0]) if errors else None

    def apply(self, assignment: str) -> None:
        """Put ``"pair_1_2=3"`` (a suggestion) into the bound data, unsaved."""
        name, _sep, value = assignment.partition("=")
        if name in self.fields and value:
            data = self.data.copy()
            data[self.add_prefix(name)] = value
            self.data = data
            self.fields[name].widget.attrs["autofocus"] = True

    def pair_rows(self) -> list[tuple[Node, Node, Any]]:
        return [(a, b, self[name]) for a, b, name in self.pairs]

    def matrix_rows(self) -> list[dict[str, Any]]:
        """For the matrix mode: each row's cells, an input above the diagonal, '1' on it, blank below."""
        rows = []
        index = {child.pk: i for i, child in enumerate(self.children)}
        fields = {(index[a.pk], index[b.pk]): self[name] for a, b, name in self.pairs}
        for i, child in enumerate(self.children):
            cells = []
            for j in range(len(self.children)):
                cells.append({"field": fields.get((i, j)), "diagonal": i == j})
            rows.append({"child": child, "cells": cells})
        return rows


def _judgment_problem(raw: str, typed: str) -> str | None:
    """What is wrong with one typed judgment (``raw``: decimal comma already a dot), or ``None``.

    The same rules as the core's ``kinerja.ahp.parse`` (Saaty's scale 1/9..9 with its
    reciprocal tolerance), worded for the form.
    """
    try:
        if "/" in raw:
            top, bottom = raw.split("/", 1)
            value = float(top) / float(bottom)
        else:
            value = float(raw)
    except (ValueError, ZeroDivisionError):
        value = math.nan
    if not math.isfinite(value):
        return str(_("“%(value)s” is not a number or a fraction such as 1/3.") % {"value": typed})
    if value <= 0:
        return str(
            _("“%(value)s” is not positive: a judgment says how many times more important, above 0.")
            % {"value": typed}
        )
    if not (1 / 9) * (1 - RECIPROCAL_TOLERANCE) <= value <= 9 * (1 + RECIPROCAL_TOLERANCE):
        return str(_("“%(value)s” is outside Saaty's scale, 1/9 to 9.") % {"value": typed})
    return None


def _unlinked_groups(children: list[Node], judgments: list[list[Any]]) -> list[list[str]]:
    """The children in groups that no judgment links (one group when all are connected)."""
    group = {child.pk: child.pk for child in children}

    def root(pk: int) -> int:
        while group[pk] != pk:
            pk = group[pk]
        return pk

    for a, b, _value in judgments:
        group[root(a)] = root(b)
    groups: dict[int, list[str]] = {}
    for child in children:
        groups.setdefault(root(child.pk), []).append(child.name)
    return list(groups.values())


def _invert_text(value: str) -> str:
    value = value.strip()
    if value.startswith("1/"):
        return value[2:]
    if value.isdigit():
        return "1" if value == "1" else f"1/{value}"
    try:
        return repr(1.0 / float(value))
    except (ValueError, ZeroDivisionError):
        return value

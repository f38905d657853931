"""Forms of frameworks: numbers through kinerja_web.formfields, judgments checked by the core (services)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from kinerja_web.formfields import IdChoiceField, LocalizedDecimalField
from kinerja_web.frameworks import paper
from kinerja_web.frameworks.judgments import JudgmentError, pair_label, parse_judgments, verbal_choices
from kinerja_web.frameworks.models import Framework, Node, SizeClass
from kinerja_web.frameworks.widgets import SaatyScaleWidget

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


_RI_ENTRY = re.compile(r"^\s*(\d{1,3})\s*[=:]\s*(\d+(?:[.,]\d+)?)\s*$")


def custom_ri_text(table: Any) -> str:
    """A stored custom RI table (``{"3": 0.52}``) as the form shows it: one ``3 = 0,52`` a line."""
    if not isinstance(table, dict):
        return ""
    lines = []
    for size, value in sorted(table.items(), key=lambda item: int(item[0])):
        lines.append(f"{int(size)} = {formats.number_format(value, use_l10n=True)}")
    return "\n".join(lines)


def parse_custom_ri_text(text: str) -> dict[str, float]:
    """``3 = 0,52`` (or ``3: 0.52``) a line or separated by ``;``: ``{"3": 0.52}``; a bad line is named."""
    table: dict[str, float] = {}
    entries = [entry for entry in re.split(r"[;\n]", text or "") if entry.strip()]
    for number, entry in enumerate(entries, start=1):
        match = _RI_ENTRY.match(entry)
        if match is None:
            raise ValidationError(
                _("Entry %(n)s (“%(entry)s”): write a matrix size and its random index, such as 4 = 0,89.")
                % {"n": number, "entry": entry.strip()[:40]}
            )
        size, value = match.group(1), float(match.group(2).replace(",", "."))
        if str(int(size)) in table:
            raise ValidationError(_("Size %(size)s is given twice.") % {"size": int(size)})
        table[str(int(size))] = value
    return table


class FrameworkSettingsForm(forms.ModelForm):
    threshold = LocalizedDecimalField(
        label=_("CR threshold"),
        min_value=Decimal(0),
        max_digits=6,
        decimal_places=4,
        help_text=_("Saaty: 0.10. Used when the CR limit is one number for every size."),
    )
    custom_ri = forms.CharField(
        label=_("Own random-index table"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Used when the RI table is the framework's own: one size a line, such as "
            "“3 = 0,52”, for every size of the framework's judged nodes (3 or more children)."
        ),
    )

    class Meta:
        model = Framework
        fields = (
            "name",
            "description",
            "size_class",
            "method",
            "ri_table",
            "custom_ri",
            "threshold_rule",
            "threshold",
            "lambda_formula",
        )
        widgets: ClassVar = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._stored_ri = dict(self.instance.custom_ri or {})
        self.initial["custom_ri"] = custom_ri_text(self._stored_ri)

    def clean_custom_ri(self) -> dict[str, float]:
        return parse_custom_ri_text(self.cleaned_data.get("custom_ri", ""))

    @property
    def changed_data(self) -> list[str]:
        """The table counts as changed when its values do, not its spelling (``0.52`` or ``0,52``)."""
        changed = [name for name in super().changed_data if name != "custom_ri"]
        if (
            "custom_ri" in getattr(self, "cleaned_data", {})
            and self.cleaned_data["custom_ri"] != self._stored_ri
        ):
            changed.append("custom_ri")
        return changed


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
    """One percentage per child; that they sum to 100 is the core's rule (``adopted_weights_save``)."""

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

    def weights(self) -> dict[int, float]:
        """Local weights as fractions (percent / 100), for ``adopted_weights_save``."""
        return {child.pk: float(self.cleaned_data[f"weight_{child.pk}"]) / 100.0 for child in self.children}


class JudgmentsForm(forms.Form):
    """One expert's judgments of a node's children: one field per pair (a before b in the children's order).

    ``verbal`` mode: the 17 steps of Saaty's scale per pair as a row of radios (``SaatyScaleWidget``,
    the questionnaire's "A 9 ... 1 ... 9 B"); ``matrix`` mode: the upper
    triangle of the matrix as text inputs accepting ``3``, ``1/3`` or ``0.333`` (``0,333``),
    blank for a pair not judged. The core checks each value (a word, 0, a value off Saaty's
    scale 1/9..9: reported on its own pair) and the whole set (children never compared with the
    others), worded by ``kinerja_web.core_messages``; it checks the set again in ``judgments_save``.
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
                        label=pair_label(a.name, b.name),
                        choices=choices,
                        initial=value or "1",
                        widget=SaatyScaleWidget,
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
        """Each typed value, then the whole set, checked by the core (``parse_judgments``): a bad
        value is reported on its own pair, a set that leaves children never compared on the form,
        both in the user's language (``core_messages``); no rule of the core is repeated here."""
        data = super().clean()
        judgments = []
        for a, b, name in self.pairs:
            typed = (data.get(name) or "").strip()
            if not typed:
                continue
            raw = typed.replace(",", ".") if "," in typed and "." not in typed else typed  # 0,333
            try:
                parse_judgments([a, b], [[a.pk, b.pk, raw]])
            except JudgmentError as error:
                self.add_error(name, error.message)
                continue
            judgments.append([a.pk, b.pk, raw])
        if not any(self.has_error(name) for _a, _b, name in self.pairs) and len(self.children) >= 2:
            try:
                parse_judgments(self.children, judgments)
            except JudgmentError as error:
                self.add_error(None, error.message)
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
        """Put ``"pair_1_2=3"`` (a suggestion) or ``"pair_1_2=3;pair_2_3=1/5"`` (a set of changes)
        into the bound data, unsaved; names that are not pairs of this form are ignored."""
        data = self.data.copy()
        for part in assignment.split(";")[: len(self.pairs)]:
            name, _sep, value = part.partition("=")
            if name.startswith("pair_") and name in self.fields and value:
                data[self.add_prefix(name)] = value
                self.fields[name].widget.attrs["autofocus"] = True
        self.data = data

    def pair_rows(self) -> list[tuple[Node, Node, Any]]:
        return [(a, b, self[name]) for a, b, name in self.pairs]

    def matrix_rows(self) -> list[dict[str, Any]]:
        """For the matrix mode: each row's cells, an input above the diagonal, '1' on it, blank below;
        each cell knows its column's node (the input's hidden label names row and column)."""
        rows = []
        index = {child.pk: i for i, child in enumerate(self.children)}
        fields = {(index[a.pk], index[b.pk]): self[name] for a, b, name in self.pairs}
        for i, child in enumerate(self.children):
            cells = []
            for j in range(len(self.children)):
                cells.append({"field": fields.get((i, j)), "diagonal": i == j, "column": self.children[j]})
            rows.append({"child": child, "cells": cells})
        return rows


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

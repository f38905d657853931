"""Forms of the competency framework pages: they read what was typed; the services check the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja_web.competency.models import LEVELS, CompetencyFramework, Item
from kinerja_web.formfields import IdChoiceField

START_CHOICES = (
    ("template", _("The default template (the paper's areas, coconut sugar production)")),
    ("empty", _("An empty framework")),
)


class FrameworkCreateForm(forms.Form):
    program = IdChoiceField(queryset=None, label=_("Program"))
    start = forms.ChoiceField(label=_("Start from"), choices=START_CHOICES, initial="template")
    language = forms.ChoiceField(
        label=_("Language of its texts"),
        choices=CompetencyFramework.Language.choices,
        initial=CompetencyFramework.Language.INDONESIAN,
    )
    name = forms.CharField(
        label=_("Name"), max_length=200, required=False, help_text=_("Blank: the template's name.")
    )

    def __init__(self, *args: Any, programs: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["program"].queryset = programs
        if programs.count() == 1:
            self.fields["program"].initial = programs.first()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("start") == "empty" and not (data.get("name") or "").strip():
            self.add_error("name", _("Give the empty framework a name."))
        return data


class FrameworkSettingsForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    language = forms.ChoiceField(
        label=_("Language of its texts"), choices=CompetencyFramework.Language.choices
    )


class AreaForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class ItemForm(forms.Form):
    code = forms.CharField(
        label=_("Code"), max_length=20, help_text=_("Short and unique in the framework, e.g. M5.")
    )
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=Item.Kind.choices, initial=Item.Kind.SKILL)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    area = IdChoiceField(queryset=None, label=_("Area"))

    def __init__(
        self, *args: Any, framework: CompetencyFramework, with_area: bool = True, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if with_area:
            self.fields["area"].queryset = framework.areas.order_by("position", "pk")
        else:
            del self.fields["area"]


class AnchorsForm(forms.Form):
    """One sentence per level; every level needs one (the form names the ones missing)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for level in LEVELS:
            self.fields[f"level_{level}"] = forms.CharField(
                label=_("Level %(level)s") % {"level": level},
                max_length=500,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        missing = [level for level in LEVELS if not (data.get(f"level_{level}") or "").strip()]
        for level in missing:
            self.add_error(
                f"level_{level}",
                _("Level %(level)s needs a sentence saying what it looks like.") % {"level": level},
            )
        if missing:
            self.add_error(
                None,
                _("Every level needs a sentence; missing: %(levels)s.")
                % {"levels": ", ".join(str(level) for level in missing)},
            )
        return data

    def anchors(self) -> dict[int, str]:
        return {level: self.cleaned_data.get(f"level_{level}", "") for level in LEVELS}


class SkkniForm(forms.Form):
    skkni_code = forms.CharField(label=_("SKKNI unit code"), max_length=50, required=False)
    skkni_title = forms.CharField(label=_("SKKNI unit title"), max_length=300, required=False)
    skkni_elements = forms.CharField(
        label=_("Elements of competence"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("One per line."),
    )
    skkni_criteria = forms.CharField(
        label=_("Performance criteria"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("One per line."),
    )


class RoleForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)

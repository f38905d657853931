"""Forms of the development strategy: the rule set, lever judgments, plans and planned actions.

Numbers through ``kinerja_web.formfields`` (cost in whole Rupiah, day-first dates); lever
judgments reuse the KPI pages' judgment form (verbal Saaty scale or matrix) on the levers.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from kinerja_web.competency.models import AssessmentRound, Lever, PlanAction
from kinerja_web.competency.services import rounds
from kinerja_web.formfields import DateField, IdChoiceField, IdMultipleChoiceField, RupiahField
from kinerja_web.frameworks.forms import JudgmentsForm

#: Shown day-first as the placeholder says (a stored date printed as 2027-06-22 beside the
#: placeholder "hh/bb/tttt" read as another format); both languages accept it back.
DATE_WIDGET = forms.DateInput(
    format="%d/%m/%Y", attrs={"placeholder": _("dd/mm/yyyy"), "autocomplete": "off", "inputmode": "numeric"}
)


def check_evidence_file(upload: Any) -> str:
    """The content type of an action's evidence file, by the same rule as a round's evidence
    (``services.rounds``: PDF, JPEG, PNG or WebP by the file's first bytes, never its name, and at
    most ``evidence_max_bytes()``); a file that breaks the rule is refused saying which part."""
    limit = rounds.evidence_max_bytes()
    if upload.size > limit:
        raise ValidationError(
            _("“%(name)s” is %(size)s; a file may be at most %(limit)s."),
            code="size",
            params={"name": upload.name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    upload.seek(0)
    content_type = rounds.sniff_type(upload.read(16))
    upload.seek(0)
    if content_type is None:
        raise ValidationError(
            _("“%(name)s” is not a PDF document nor a JPEG, PNG or WebP photo."),
            code="type",
            params={"name": upload.name},
        )
    return content_type


class RulesForm(forms.Form):
    """The rule set, one group of checkboxes per area: the levers that address it."""

    def __init__(self, *args: Any, areas: list[Any], levers: list[Lever], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.areas = areas
        self.levers = levers
        choices = [(str(lever.pk), lever.name) for lever in levers]
        for area in areas:
            self.fields[f"area_{area.pk}"] = forms.MultipleChoiceField(
                label=area.name,
                choices=choices,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                initial=[str(lever.pk) for lever in levers if area in lever.areas.all()],
            )

    def area_fields(self) -> list[Any]:
        return [self[f"area_{area.pk}"] for area in self.areas]

    def rules(self) -> dict[int, list[int]]:
        """``{lever_id: [area ids]}`` for ``services.strategy.rules_save``."""
        rules: dict[int, list[int]] = {lever.pk: [] for lever in self.levers}
        for area in self.areas:
            for lever_id in self.cleaned_data.get(f"area_{area.pk}", []):
                rules[int(lever_id)].append(area.pk)
        return rules


class LeverJudgmentsForm(JudgmentsForm):
    """One expert's judgments among the levers: the KPI judgments form without an expert weight
    (several experts' lever judgments count equally)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["expert_weight"]


class GeneratePlanForm(forms.Form):
    round = IdChoiceField(queryset=AssessmentRound.objects.none(), label=_("From the round"))

    def __init__(self, *args: Any, rounds: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = rounds
        self.fields["round"].label_from_instance = lambda r: (
            _("%(name)s (%(status)s)")
            % {
                "name": r.name,
                "status": r.get_status_display(),
            }
        )
        if rounds.count() >= 1:
            self.fields["round"].initial = rounds.first()


class ActionForm(forms.Form):
    title = forms.CharField(label=_("What"), max_length=300)
    people = IdMultipleChoiceField(
        queryset=None, label=_("For whom"), required=False, widget=forms.CheckboxSelectMultiple
    )
    responsible = forms.CharField(label=_("Responsible person"), max_length=200, required=False)
    due_date = DateField(label=_("Due date"), required=False, widget=DATE_WIDGET)
    cost = RupiahField(label=_("Cost (Rp)"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=PlanAction.Status.choices)
    done_on = DateField(
        label=_("Done on"), required=False, widget=DATE_WIDGET, help_text=_("Blank: today, when done.")
    )
    evidence_note = forms.CharField(
        label=_("Evidence"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What shows it was done (needed once the action is done)."),
    )
    evidence_file = forms.FileField(
        label=_("Evidence file"),
        required=False,
        help_text=_("Optional: a PDF document or a JPEG, PNG or WebP photo, at most 5 MB."),
    )
    remove_file = forms.BooleanField(label=_("Remove the stored file"), required=False)

    def __init__(self, *args: Any, workers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = workers

    def clean_evidence_file(self) -> Any:
        upload = self.cleaned_data.get("evidence_file")
        if upload:
            check_evidence_file(upload)
        return upload or None

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("status") == PlanAction.Status.DONE and not (data.get("evidence_note") or "").strip():
            self.add_error(
                "evidence_note",
                _("An action marked done needs its evidence: say what shows it was done."),
            )
        return data


def action_initial(action: PlanAction) -> dict[str, Any]:
    return {
        "title": action.title,
        "people": list(action.people.all()),
        "responsible": action.responsible,
        "due_date": action.due_date,
        "cost": action.cost,
        "status": action.status,
        "done_on": action.done_on,
        "evidence_note": action.evidence_note,
    }


class RoundPairForm(forms.Form):
    """Two rounds to set side by side (monitoring): an earlier and a later one."""

    before = IdChoiceField(queryset=AssessmentRound.objects.none(), label=_("Earlier round"))
    after = IdChoiceField(queryset=AssessmentRound.objects.none(), label=_("Later round"))

    def __init__(self, *args: Any, rounds: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("before", "after"):
            self.fields[name].queryset = rounds
            self.fields[name].label_from_instance = lambda r: (
                _("%(name)s (%(start)s)")
                % {
                    "name": r.name,
                    "start": r.starts_on.strftime("%d/%m/%Y"),
                }
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        before, after = data.get("before"), data.get("after")
        if before is not None and after is not None and before.pk == after.pk:
            self.add_error("after", _("Choose two different rounds."))
        return data

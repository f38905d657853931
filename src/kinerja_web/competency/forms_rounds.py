"""Forms of the assessment-round pages: a new round, a rating form (one worker, every item of the
framework by area with its five anchored levels as the choices), a worker link, evidence."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from kinerja_web.competency.models import LEVELS, AssessmentRound, CompetencyFramework, Item
from kinerja_web.competency.selectors.rounds import FACILITATOR_METHODS, AreaItems
from kinerja_web.competency.services.rounds import LINK_DAYS_DEFAULT, LINK_DAYS_MAX, RatingInput
from kinerja_web.formfields import DateField, IdChoiceField
from kinerja_web.programs.models import Cluster, Worker

NOTE_MAX = 1000


class RoundForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    framework = IdChoiceField(label=_("Competency framework"), queryset=CompetencyFramework.objects.none())
    cluster = IdChoiceField(
        label=_("Cluster"),
        queryset=Cluster.objects.none(),
        required=False,
        empty_label=_("Every cluster of the program"),
    )
    starts_on = DateField(label=_("Starts on"))
    ends_on = DateField(label=_("Ends on"))
    combine = forms.ChoiceField(
        label=_("Combined level"),
        choices=AssessmentRound.Combine.choices,
        initial=AssessmentRound.Combine.MEDIAN,
        help_text=_("How the sources' levels of one item become one level."),
    )
    flag_threshold = forms.TypedChoiceField(
        label=_("Flag for discussion when the sources differ by"),
        choices=[(n, str(n)) for n in range(1, 5)],
        coerce=int,
        initial=2,
        help_text=_("levels or more."),
    )

    def __init__(
        self, *args: Any, frameworks: Any, clusters: Any, whole_program: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["framework"].queryset = frameworks
        self.fields["cluster"].queryset = clusters
        self.fields["cluster"].required = not whole_program
        if not whole_program:
            self.fields["cluster"].empty_label = None

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The round cannot end before it starts."))
        return data


def level_choices(item: Item) -> list[tuple[str, str]]:
    """The choices of one item: its five levels, each labelled with its anchor sentence."""
    sentences = {anchor.level: anchor.description for anchor in item.anchors.all()}
    return [
        (str(level), f"{level}. {sentences[level]}" if level in sentences else str(level)) for level in LEVELS
    ]


class RatingForm(forms.Form):
    """One source's ratings of one worker: ``level_<item id>`` (a level, or blank: not rated) and
    ``note_<item id>`` per item; a facilitator also says how (``method``)."""

    known = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(
        self,
        *args: Any,
        groups: list[AreaItems],
        with_method: bool,
        existing: dict[int, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        existing = existing or {}
        initial = kwargs.setdefault("initial", {})
        initial["known"] = " ".join(str(pk) for pk in sorted(existing))
        for item_pk, rating in existing.items():
            initial[f"level_{item_pk}"] = str(rating.level)
            initial[f"note_{item_pk}"] = rating.note
        super().__init__(*args, **kwargs)
        self.groups = groups
        #: item id -> [(source label, level)] of every source saved so far (shown after saving).
        self.others: dict[int, list[tuple[str, int]]] = {}
        self.items: list[Item] = [item for group in groups for item in group.items]
        if with_method:
            method = next(iter(r.method for r in existing.values() if r.method), "")
            self.fields["method"] = forms.ChoiceField(
                label=_("How you came to these levels"),
                choices=[(m.value, m.label) for m in FACILITATOR_METHODS],
                initial=method or FACILITATOR_METHODS[0].value,
            )
        for item in self.items:
            self.fields[f"level_{item.pk}"] = forms.ChoiceField(
                label=f"{item.code} {item.name}",
                choices=[("", _("not rated")), *level_choices(item)],
                required=False,
                widget=forms.RadioSelect,
            )
            self.fields[f"note_{item.pk}"] = forms.CharField(
                label=_("Note"),
                required=False,
                max_length=NOTE_MAX,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def rows(self) -> list[tuple[Any, list[tuple[Item, Any, Any, list[tuple[str, int]]]]]]:
        """(area, [(item, level field, note field, [(source, level) saved])]) for the template."""
        return [
            (
                group.area,
                [
                    (item, self[f"level_{item.pk}"], self[f"note_{item.pk}"], self.others.get(item.pk, []))
                    for item in group.items
                ],
            )
            for group in self.groups
        ]

    def answers(self) -> dict[Item, RatingInput]:
        """The answered items (and the items cleared that had a rating); unrated items left out."""
        known = self.known_items()
        result: dict[Item, RatingInput] = {}
        for item in self.items:
            raw = self.cleaned_data.get(f"level_{item.pk}") or ""
            note = self.cleaned_data.get(f"note_{item.pk}") or ""
            if raw:
                result[item] = RatingInput(int(raw), note)
            elif item.pk in known:
                result[item] = RatingInput(None, "")
        return result

    def known_items(self) -> set[int]:
        raw = self.cleaned_data.get("known") or ""
        return {int(part) for part in raw.split() if part.isdigit() and len(part) < 12}


class WorkerLinkForm(forms.Form):
    worker = IdChoiceField(label=_("Worker"), queryset=Worker.objects.none())
    days = forms.TypedChoiceField(
        label=_("Valid for"),
        choices=(),
        coerce=int,
        initial=LINK_DAYS_DEFAULT,
    )

    def __init__(self, *args: Any, workers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["worker"].queryset = workers
        # Labelled here, in the language of the request (not once at import).
        self.fields["days"].choices = [
            (n, gettext("%(n)s days") % {"n": n}) for n in (1, 3, 7, 14, 30, 60, LINK_DAYS_MAX)
        ]


class EvidenceForm(forms.Form):
    file = forms.FileField(
        label=_("Document or photo"),
        help_text=_("PDF, JPEG, PNG or WebP."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png,image/webp"}),
    )
    description = forms.CharField(label=_("Description"), max_length=300, required=False)
    worker = IdChoiceField(
        label=_("Worker"),
        queryset=Worker.objects.none(),
        required=False,
        empty_label=_("(the whole enterprise)"),
    )
    item = IdChoiceField(
        label=pgettext_lazy("competency", "Item"),
        queryset=Item.objects.none(),
        required=False,
        empty_label=_("(no particular item)"),
    )

    def __init__(self, *args: Any, workers: Any, items: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["worker"].queryset = workers
        self.fields["item"].queryset = items

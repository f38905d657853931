"""The pairwise-comparison row of the verbal judgment form: the paper questionnaire's
"A 9 8 7 6 5 4 3 2 1 2 3 4 5 6 7 8 9 B" as 17 radio buttons.

Why radios and not a select: on a phone a select shows one truncated line ("Penyesuaian
kehadiran pekerja tidak tet..."); the row keeps both criteria's names in full above it and the
chosen strength in words below it, every step a 44 px tap target, and each radio is labelled
for screen readers by its whole sentence ("Rotasi kerja sedikit lebih penting daripada
Kehadiran (3)"). The posted values stay those of Saaty's scale ("3", "1/5", "1"), so the
services, the live preview and the suggestions' "apply" buttons work on them unchanged.
"""

from __future__ import annotations

from typing import Any

from django import forms


def scale_position(value: str) -> tuple[str, str]:
    """Where a judgment of ``a`` over ``b`` sits on the row: ``"3"`` -> ``("3", "a")`` (a's side),
    ``"1/3"`` -> ``("3", "b")``, ``"1"`` -> ``("1", "equal")``; anything else (a decimal typed
    in the matrix) -> ``(value, "other")``, shown as its own radio after the row."""
    text = str(value).strip()
    if text == "1":
        return "1", "equal"
    if text in {str(step) for step in range(2, 10)}:
        return text, "a"
    if text.startswith("1/") and text[2:] in {str(step) for step in range(2, 10)}:
        return text[2:], "b"
    return text, "other"


class SaatyScaleWidget(forms.RadioSelect):
    """Radios of one pair laid out as the questionnaire's row; the choices' labels are the
    sentences of the verbal scale (``judgments.verbal_choices``), strongest for ``a`` first."""

    template_name = "frameworks/widgets/saaty_scale.html"

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        scale: list[dict[str, Any]] = []
        other: list[dict[str, Any]] = []
        for _group, options, _index in widget["optgroups"]:
            for option in options:
                number, side = scale_position(option["value"])
                option["number"], option["side"] = number, side
                if not option["selected"]:
                    # focus goes to the chosen step (after a suggestion is applied), not to "9"
                    option["attrs"].pop("autofocus", None)
                (other if side == "other" else scale).append(option)
        chosen = next((option for option in [*scale, *other] if option["selected"]), None)
        widget["scale"], widget["other"] = scale, other
        widget["chosen"] = chosen["label"] if chosen else ""
        widget["words_id"] = f"{widget['attrs'].get('id') or 'id_' + name}_words"
        return context

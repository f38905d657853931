"""The core's errors in the user's language: one table from ``InputError.code`` to a sentence.

The core (``kinerja``) decides what is wrong and says it in English for the command; beside the
English it gives a stable ``code`` and the ``params`` the sentence is made of
(``kinerja.errors``). Every page that shows a core error goes through :func:`core_message`, so
the web never repeats a core rule (Saaty's scale, reciprocity, connected judgments, weight sums,
a missing target or actual) just to word it, and an Indonesian page never shows English.

Codes only a JSON document or the command can produce (an object where a list belongs, an
unknown option name) are not worded here: the web builds those structures itself, and if one
ever reaches a page it is said by :data:`FALLBACK` with the code, never in English.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.utils import formats
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kinerja.errors import InputError

#: code -> the sentence, with the params as ``%(name)s`` (numbers in the user's format).
MESSAGES: dict[str, Promise] = {
    # one value: numbers and text
    "number.missing": _("Enter a number."),
    "number.not_number": _("%(value)s is not a number."),
    "number.nan": _("This is not a number."),
    "number.not_finite": _("%(value)s is not a finite number."),
    "number.negative": _("%(value)s is negative; it must be 0 or more."),
    "number.too_large": _("A number here is too large to compute with."),
    "input.missing": _("This is missing."),
    "input.empty_name": _("The name is empty."),
    "input.not_name": _("%(value)s is not a name."),
    "input.empty_text": _("This must not be empty."),
    "input.not_text": _("%(value)s is not text."),
    # AHP judgments, matrices, weights
    "ahp.judgment_missing": _("Enter a number or a fraction such as 1/3."),
    "ahp.not_number": _("“%(value)s” is not a number or a fraction such as 1/3."),
    "ahp.zero_denominator": _("“%(value)s” divides by zero."),
    "ahp.infinite": _("“%(value)s” is infinite; a judgment is a number from 1/9 to 9."),
    "ahp.not_positive": _(
        "“%(value)s” is not positive: a judgment says how many times more important, above 0."
    ),
    "ahp.outside_scale": _("“%(value)s” is outside Saaty's scale, 1/9 to 9."),
    "ahp.diagonal_not_one": _("“%(value)s” is on the diagonal, which is always 1."),
    "ahp.not_reciprocal": _(
        "“%(value)s” is not the reciprocal of the opposite cell, %(other)s (about %(expected)s expected)."
    ),
    "ahp.not_connected": _(
        "Some criteria are never compared with the others: %(groups)s. "
        "Judge at least one pair linking these groups."
    ),
    "ahp.judgment_self": _("%(name)s is compared with itself."),
    "ahp.judgment_repeated": _("The pair %(a)s and %(b)s is judged twice."),
    "ahp.judgment_unknown_criterion": _("%(name)s is not one of the criteria compared (%(choices)s)."),
    "ahp.duplicate_criterion": _("%(name)s appears twice."),
    "ahp.duplicate_child": _("%(name)s appears twice among the children."),
    "ahp.duplicate_expert": _("The expert %(name)s appears twice."),
    "ahp.no_criteria": _("At least one criterion is needed."),
    "ahp.no_experts": _("At least one expert's judgments are needed."),
    "ahp.expert_weight_not_positive": _("An expert's weight must be a number above 0, not %(value)s."),
    "ahp.node_no_children": _("%(name)s has no children to compare."),
    "ahp.node_not_weighted": _(
        "%(name)s has %(count)s children that are neither compared nor given weights."
    ),
    "ahp.weights_sum": _("The weights must sum to 100 %%; these sum to %(sum_percent)s %%."),
    "ahp.weight_missing": _("No weight is given for %(name)s."),
    "ahp.weight_not_number": _("The weight of %(name)s, %(value)s, is not a number of 0 or more."),
    "ahp.weight_not_child": _("%(name)s is not one of the children (%(choices)s)."),
    "ahp.weights_not_positive": _("The weights must all be positive numbers."),
    "ahp.matrix_incomplete": _("The matrix must be complete, with positive numbers."),
    "ahp.matrix_size": _("The matrix has %(rows)s rows for %(n)s criteria."),
    "ahp.row_length": _("A row has %(count)s entries for %(n)s criteria: the matrix must be square."),
    "ahp.ri_too_many": _(
        "%(n)s criteria: this random-index table stops at %(largest)s; "
        "choose the Alonso–Lamata table for larger matrices."
    ),
    "ahp.ri_size_missing": _("The random index of %(size)s criteria is missing."),
    "ahp.ri_bad_size": _("%(value)s is not a matrix size (a whole number such as 3)."),
    "ahp.ri_repeated_size": _("The size %(size)s is given twice."),
    "ahp.ri_not_number": _("%(value)s is not a number."),
    "ahp.ri_not_positive": _("%(value)s is not a number above 0."),
    "ahp.ri_zero_by_definition": _("The random index of %(size)s criteria is 0 by definition."),
    "ahp.ri_missing": _("The custom table needs the random index of every matrix size used."),
    "ahp.threshold_negative": _("The CR threshold must not be negative (it is %(value)s)."),
    "ahp.threshold_not_finite": _("The CR threshold %(value)s is not a finite number."),
    # scorecards
    "score.target_missing": _(
        "No target yet: enter the target (or give the realization directly); realization = %(formula)s."
    ),
    "score.actual_missing": _(
        "No actual yet: enter it (or give the realization directly); realization = %(formula)s."
    ),
    "score.no_realization": _("Give the realization (percent), or both the target and the actual."),
    "score.target_zero": _("The target is 0; realization = actual / target needs a target above 0."),
    "score.target_zero_lower": _(
        "The target is 0; a “lower is better” indicator needs a target above 0 (or give the realization)."
    ),
    "score.actual_zero_lower": _(
        "The actual is 0; for a “lower is better” indicator realization = target / actual needs an "
        "actual above 0 (use the linear rule, where 0 is a perfect result, or give the realization)."
    ),
    "score.weights_sum": _(
        "The weights sum to %(sum)s, not 100; correct them or let the weights be rescaled to 100."
    ),
    "score.weights_all_zero": _("Every weight is 0, so the weights cannot be rescaled to 100."),
    "score.no_indicators": _("There is no indicator to score."),
    "score.none_applicable": _("Every indicator is marked not applicable, so there is nothing to score."),
    "score.applicable_weights_zero": _(
        "The indicators that apply all weigh 0, so they cannot take up the weight of those that do not."
    ),
    "score.duplicate_indicator": _("%(name)s appears twice."),
    "score.duplicate_part": _("The part %(name)s appears twice."),
    "score.too_few_parts": _("A composite target needs at least two parts."),
    "score.parts_and_totals": _("Give the target and actual of each part, not of the indicator."),
    "score.bad_cap": _("The cap must be a positive percentage (it is %(value)s)."),
    # rating bands
    "bands.empty": _("List at least one band."),
    "bands.not_descending": _(
        "Bands run from the best down: the minimum %(min)s is not below the band above's %(previous)s."
    ),
    "bands.duplicate_code": _("The code %(code)s is already used by another band."),
    # size classes and amounts
    "size.amount_missing": _("Enter an amount in rupiah."),
    "size.bad_amount_text": _(
        "%(value)s is not an amount in whole rupiah; write digits (300000000) or group thousands "
        "with dots (300.000.000)."
    ),
    "size.not_amount": _("%(value)s is not an amount in rupiah."),
    "size.not_whole_amount": _("%(value)s is not a whole amount in rupiah."),
    "size.workers_not_whole": _("%(value)s is not a whole number of workers."),
    "size.workers_too_few": _("There is at least 1 worker (the owner counts), not %(value)s."),
    "size.bad_date": _("%(value)s is not a date."),
    "size.end_before_start": _("The end, %(end)s, is before the start, %(start)s."),
    # period comparison
    "compare.too_few_periods": _("At least two periods are needed to compare, not %(count)s."),
    "compare.values_count": _("%(count)s values for %(periods)s periods; give one value per period."),
    "compare.duplicate_period": _("The period %(name)s appears twice."),
    # competency
    "competency.bad_scale": _("The lowest level, %(low)s, must be below the highest, %(high)s."),
    "competency.level_not_whole": _("%(value)s is not a level: levels are whole numbers."),
    "competency.level_outside_scale": _("%(value)s is outside the scale %(low)s to %(high)s."),
    "competency.rated_twice": _("%(unit)s is already rated by %(source)s."),
    "competency.lever_weight_not_positive": _("%(value)s is not positive: lever weights must be above 0."),
    "competency.no_levers": _("Name at least one lever."),
    "competency.no_lever_judgments": _("Compare at least one pair of levers."),
    "competency.levers_both": _("Give either the levers' weights or judgments, not both."),
    "competency.levers_neither": _("Give the levers' weights or judgments."),
    "competency.lever_twice": _("%(value)s is listed twice."),
    "competency.unknown_lever": _("%(value)s is not a lever (%(choices)s)."),
    "competency.unknown_area": _("%(value)s is not an area of the items (%(choices)s)."),
    "competency.unknown_item": _("%(value)s is not an item code."),
    "competency.unknown_role": _("%(value)s is not a role of the required levels (%(choices)s)."),
    "competency.duplicate_item": _("The item code %(code)s appears twice."),
    "competency.duplicate_area": _("The area %(name)s appears twice."),
    "competency.rule_empty": _("List at least one lever, or leave the area out."),
    "competency.no_levels": _("At least one level is needed."),
}

#: Said for a code the table does not word (a structure only a JSON document can get wrong).
FALLBACK = _("This input cannot be used (%(code)s).")


def core_message(error: InputError) -> str:
    """What ``error`` says, in the active language, from its code and params.

    The place (``where``) is not part of it: the page names the place in its own words (a pair
    of criteria, a row of the bands table) before the sentence.
    """
    template = MESSAGES.get(error.code)
    if template is None:
        return str(FALLBACK) % {"code": error.code or type(error).__name__}
    params = {key: shown(value) for key, value in error.params.items()}
    if error.code == "ahp.not_connected":
        params["groups"] = _groups(error.params.get("groups", ()))
    if error.code == "ahp.weights_sum":
        params["sum_percent"] = shown(_percent(error.params.get("sum")))
    try:
        return str(template) % params
    except (KeyError, TypeError, ValueError):  # a code whose params changed: still never English
        return str(FALLBACK) % {"code": error.code}


def core_messages(error: InputError, place: str = "") -> str:
    """``core_message`` after ``place`` ("Baris 2: ..."), or alone when there is no place."""
    message = core_message(error)
    return gettext("%(place)s: %(message)s") % {"place": place, "message": message} if place else message


def shown(value: Any) -> str:
    """A param for a sentence: numbers in the user's format, quoted texts unquoted, lists joined."""
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, int | float | Decimal):
        return formats.number_format(_trimmed(value), use_l10n=True)
    if isinstance(value, str):
        text = value
        if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
            text = text[1:-1]
        number = _number_text(text)
        return formats.number_format(number, use_l10n=True) if number is not None else text
    if isinstance(value, Mapping):
        return ", ".join(f"{shown(k)}: {shown(v)}" for k, v in value.items())
    if isinstance(value, Sequence):
        return ", ".join(shown(item) for item in value)
    return str(value)


def _groups(groups: Sequence[Sequence[str]]) -> str:
    return " | ".join("{" + ", ".join(str(name) for name in group) + "}" for group in groups)


def _percent(value: Any) -> Decimal | None:
    try:
        return (Decimal(str(value)) * 100).normalize()
    except (ArithmeticError, ValueError, TypeError):
        return None


def _trimmed(value: int | float | Decimal) -> int | float | Decimal:
    """4 significant digits for a float (0,3333), whole numbers as they are."""
    if isinstance(value, float) and not value.is_integer():
        return Decimal(f"{value:.4g}")
    if isinstance(value, Decimal):
        return value.normalize()
    return value


def _number_text(text: str) -> Decimal | None:
    """``"0.5"`` -> 0.5 for a number the core wrote with a dot; anything else stays text."""
    if not text or not all(ch.isdigit() or ch in ".-" for ch in text) or not any(ch.isdigit() for ch in text):
        return None
    try:
        return Decimal(text).normalize() if "." in text else None
    except ArithmeticError:
        return None

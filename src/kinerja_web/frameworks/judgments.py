"""Stored judgments <-> the core's comparisons, and the verbal Saaty scale of the forms.

An ``ExpertJudgment`` stores ``[[child_a_id, child_b_id, "3"], ...]``; the core compares by
name. :func:`parse_judgments` turns one set into a validated ``kinerja.ahp.Comparison``
through ``kinerja.ahp.parse_comparison`` and reports a bad entry as a :class:`JudgmentError`
naming the pair in the users' words ("Kehadiran vs Rotasi kerja: ...").
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kinerja.ahp import SAATY_VALUES, Comparison, parse_comparison
from kinerja.errors import InputError
from kinerja_web.core_messages import core_message

_PLACE = re.compile(r"^judgments\[(\d+)\]")

#: The verbal scale, strongest first (Saaty 1980, Table 1.1; Indonesian in domain/BRIEF.md).
VERBAL_SCALE: tuple[tuple[int, Any], ...] = (
    (9, _("%(a)s is extremely more important than %(b)s (9)")),
    (8, _("%(a)s is very strongly to extremely more important than %(b)s (8)")),
    (7, _("%(a)s is very strongly more important than %(b)s (7)")),
    (6, _("%(a)s is strongly to very strongly more important than %(b)s (6)")),
    (5, _("%(a)s is strongly more important than %(b)s (5)")),
    (4, _("%(a)s is moderately to strongly more important than %(b)s (4)")),
    (3, _("%(a)s is moderately more important than %(b)s (3)")),
    (2, _("%(a)s is equally to moderately more important than %(b)s (2)")),
)
EQUAL_LABEL = _("%(a)s and %(b)s are equally important (1)")


class JudgmentError(ValidationError):
    """A judgment the core refuses; ``pair`` is ``(child_a_id, child_b_id)`` when one pair is at fault."""

    def __init__(self, message: str, pair: tuple[int, int] | None = None) -> None:
        super().__init__(message, code="judgment")
        self.pair = pair


def value_text(value: Any) -> str:
    """A judgment as stored: ``"3"``, ``"1/3"``, or the number as typed (``"0.333"``)."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        raise TypeError("a judgment is not a boolean")
    if isinstance(value, int):
        return str(value)
    return saaty_text(float(value))


def saaty_text(value: float) -> str:
    """``2.0`` -> ``"2"``, ``0.25`` -> ``"1/4"``; other values as the shortest float text."""
    for scale_value in SAATY_VALUES:
        if math.isclose(value, scale_value, rel_tol=1e-9):
            return str(round(scale_value)) if scale_value >= 1 else f"1/{round(1 / scale_value)}"
    return repr(float(value))


def verbal_choices(a: str, b: str) -> list[tuple[str, str]]:
    """The 17 options of one pair, from "a is extremely more important than b (9)" to the reverse."""
    upper = [(str(k), str(label) % {"a": a, "b": b}) for k, label in VERBAL_SCALE]
    lower = [(f"1/{k}", str(label) % {"a": b, "b": a}) for k, label in reversed(VERBAL_SCALE)]
    return [*upper, ("1", str(EQUAL_LABEL) % {"a": a, "b": b}), *lower]


def verbal_text(a: str, b: str, value: float) -> str:
    """A judgment of ``a`` over ``b`` in the words of the verbal scale: ``3`` -> "a is moderately more
    important than b (3)", ``1/5`` -> "b is strongly more important than a (5)"; off the scale, the number."""
    text = saaty_text(value)
    if text == "1":
        return str(EQUAL_LABEL) % {"a": a, "b": b}
    for step, label in VERBAL_SCALE:
        if text == str(step):
            return str(label) % {"a": a, "b": b}
        if text == f"1/{step}":
            return str(label) % {"a": b, "b": a}
    return f"{pair_label(a, b)}: {text}"


def pair_label(a: str, b: str) -> str:
    return f"{a} vs {b}"


def stored_pairs(children: Sequence[Any], judgments: Any) -> list[tuple[int, int, str]]:
    """The stored entries whose two children still exist (a removed child's pairs are dropped)."""
    ids = {child.pk for child in children}
    pairs = []
    for entry in judgments or []:
        if isinstance(entry, list | tuple) and len(entry) == 3 and entry[0] in ids and entry[1] in ids:
            pairs.append((entry[0], entry[1], entry[2]))
    return pairs


def parse_judgments(children: Sequence[Any], judgments: Any, *, strict: bool = True) -> Comparison:
    """Validate ``[[id_a, id_b, value], ...]`` among ``children`` (nodes, in order) with the core.

    ``strict``: an entry naming something other than two of the children is an error (input
    from a form); otherwise such entries are left out (stored sets after a child was removed).
    """
    by_id = {child.pk: child for child in children}
    entries = list(judgments or []) if strict else stored_pairs(children, judgments)
    named = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, list | tuple) or len(entry) != 3:
            raise JudgmentError(str(_("Judgment %(n)s is not a pair and a value.") % {"n": index + 1}))
        if entry[0] not in by_id or entry[1] not in by_id:
            raise JudgmentError(
                str(_("Judgment %(n)s compares a node that is not a child.") % {"n": index + 1})
            )
        named.append([by_id[entry[0]].name, by_id[entry[1]].name, entry[2]])
    try:
        return parse_comparison({"criteria": [child.name for child in children], "judgments": named})
    except InputError as error:
        raise _pair_error(error, entries, by_id) from None


def _pair_error(error: InputError, entries: list, by_id: dict) -> JudgmentError:
    match = _PLACE.match(error.where)
    if match is None:  # the whole set (children never compared with the others)
        return JudgmentError(core_message(error))
    entry = entries[int(match.group(1))]
    a, b = by_id[entry[0]].name, by_id[entry[1]].name
    message = _("%(pair)s: %(problem)s") % {"pair": pair_label(a, b), "problem": core_message(error)}
    return JudgmentError(str(message), pair=(entry[0], entry[1]))

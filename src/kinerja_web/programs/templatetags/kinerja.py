"""``{% load kinerja %}``: Rupiah, numbers and percentages for display, in the active language.

- ``{{ amount|rupiah:program }}``: ``Rp 1.234.567`` (or ``Rp1.234.567`` when the program's
  ``rupiah_space`` is off); ``{{ amount|rupiah }}`` uses a space.
- ``{{ value|num:2 }}``: ``1.234,57`` in Indonesian, ``1,234.57`` in English.
- ``{{ value|percent:2 }}``: ``94,78 %``.

Rounding happens here (through ``kinerja.formatting``), never before.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import get_language

from kinerja.formatting import format_number, format_percent, format_rupiah

register = template.Library()


def _locale() -> str:
    return "id" if (get_language() or "id").startswith("id") else "en"


@register.filter
def rupiah(amount: Any, program: Any = None) -> str:
    if amount is None or amount == "":
        return "–"
    space = getattr(program, "rupiah_space", True) if program is not None else True
    return format_rupiah(amount, _locale(), space=bool(space))


@register.filter
def num(value: Any, places: int = 2) -> str:
    if value is None or value == "":
        return "–"
    return format_number(value, int(places), _locale())


@register.filter
def percent(value: Any, places: int = 2) -> str:
    if value is None or value == "":
        return "–"
    return format_percent(value, int(places), _locale())

"""``{% load records %}``: ``{{ value|qty }}``, a quantity (kg, hours) without needless decimals.

``300`` and ``300.00`` show as ``300``, ``7.5`` as ``7,5`` in Indonesian and ``7.5`` in English,
thousands grouped (``1.250``); ``None`` as ``–``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.utils import formats

register = template.Library()


@register.filter
def qty(value: Any) -> str:
    if value is None or value == "":
        return "–"
    number = Decimal(value).normalize()
    places = max(0, -number.as_tuple().exponent)
    return formats.number_format(number, places, use_l10n=True, force_grouping=True)

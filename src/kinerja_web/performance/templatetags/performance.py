"""``{% load performance %}``: quantities, ratings and changes of the performance pages, localized.

- ``{{ value|qty:3 }}``: up to 3 decimals, trailing zeros dropped (``2.535``, ``14.232,5``, ``5,625``).
- ``{{ rating|rating_label }}``: a ``kinerja.scoring.Rating`` in the active language (Sangat Baik).
- ``{{ value|change }}``: a percentage change with its sign (``+53,04 %``), ``–`` when undefined.
- ``{{ value|points }}``: a change of a score in points with its sign (``+2,01 poin``), ``–`` when undefined.
- ``{{ mapping|item:key }}``: ``mapping[key]``.

Rounding happens here (``kinerja.formatting``), never before.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kinerja.formatting import format_number, format_percent

register = template.Library()


def _locale() -> str:
    return "id" if (get_language() or "id").startswith("id") else "en"


@register.filter
def qty(value: Any, places: int = 3) -> str:
    if value is None or value == "":
        return "–"
    locale = _locale()
    text = format_number(value, int(places), locale)
    mark = "," if locale == "id" else "."
    if mark in text:
        text = text.rstrip("0").rstrip(mark)
    return text


@register.filter
def rating_label(rating: Any) -> str:
    if rating is None:
        return "–"
    return rating.label(_locale())


@register.filter
def change(value: Any, places: int = 2) -> str:
    if value is None or value == "":
        return "–"
    text = format_percent(value, int(places), _locale())
    return f"+{text}" if value > 0 else text


@register.filter
def points(value: Any, places: int = 2) -> str:
    """A score's change in points (``-3,06 poin``): a score is already a share of 100."""
    if value is None or value == "":
        return "–"
    text = format_number(value, int(places), _locale())
    return _("%(value)s pts") % {"value": f"+{text}" if value > 0 else text}


@register.filter
def item(mapping: Any, key: Any) -> Any:
    try:
        return mapping[key]
    except (KeyError, IndexError, TypeError):
        return None

"""``kinerja.formatting.format_number`` for the pages that print hundreds of numbers, faster.

The core rounds through ``Decimal(str(value)).quantize(...)`` (half away from zero, on the
shortest decimal spelling of a float), about 3 µs a number; a dashboard prints some 370. This
does the same rounding on the digits of ``repr(value)``, for ints and finite floats below
10^15 written without an exponent, and hands everything else to the core. The strings are the
core's, byte for byte (``tests/test_numbers.py`` compares them over many values).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from kinerja.formatting import format_number as core_format_number

_SEPARATORS = {"en": (",", "."), "id": (".", ",")}
#: Below this magnitude a float's repr has no exponent and its digits fit the core's Decimal context.
_LIMIT = 10**15


def format_number(value: float | int | Decimal, places: int = 2, locale: str = "en") -> str:
    """``kinerja.formatting.format_number(value, places, locale)``, the same string."""
    kind = type(value)
    separators = _SEPARATORS.get(locale)
    if separators is None or places < 0 or places > 12:
        return core_format_number(value, places, locale)
    if kind is int:
        if -_LIMIT < value < _LIMIT:
            return _spell(value < 0, abs(value), "0" * places, separators)
        return core_format_number(value, places, locale)
    if kind is float and -_LIMIT < value < _LIMIT:
        text = repr(value)
        if "e" not in text:
            return _float(text, places, separators)
    return core_format_number(value, places, locale)


def format_percent(value: Any, places: int = 2, locale: str = "en") -> str:
    """``kinerja.formatting.format_percent``: ``53,04 %``."""
    return f"{format_number(value, places, locale)} %"


def _float(text: str, places: int, separators: tuple[str, str]) -> str:
    negative = text[0] == "-"
    whole, _, fraction = (text[1:] if negative else text).partition(".")
    if len(fraction) <= places:
        digits = whole + fraction + "0" * (places - len(fraction))
    else:
        digits = whole + fraction[:places]
        if fraction[places] >= "5":
            digits = str(int(digits) + 1)
    digits = digits.lstrip("0").rjust(places + 1, "0")
    negative = negative and digits.strip("0") != ""
    if places:
        whole, fraction = digits[:-places], digits[-places:]
    else:
        whole, fraction = digits, ""
    group, mark = separators
    if len(whole) > 3:
        whole = f"{int(whole):,}" if group == "," else f"{int(whole):,}".replace(",", group)
    return f"{'-' if negative else ''}{whole}{mark + fraction if fraction else ''}"


def _spell(negative: bool, whole: int, fraction: str, separators: tuple[str, str]) -> str:
    group, mark = separators
    grouped = f"{whole:,}" if group == "," else f"{whole:,}".replace(",", group)
    return f"{'-' if negative else ''}{grouped}{mark + fraction if fraction else ''}"

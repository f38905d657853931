"""Numbers and Rupiah for display, in Indonesian or English conventions.

Indonesian writes ``1.234.567,5`` (dot groups thousands, comma marks decimals) and Rupiah as
``Rp 1.234.567`` or, as the official spelling guide (PUEBI) has it, ``Rp1.234.567``.
Rounding happens here and only here: the core computes in full precision.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Literal

from kinerja.errors import InputError

Locale = Literal["en", "id"]
LOCALES: tuple[str, ...] = ("en", "id")

_SEPARATORS = {"en": (",", "."), "id": (".", ",")}


def format_number(value: float | int | Decimal, places: int = 2, locale: str = "en") -> str:
    """``value`` rounded half away from zero to ``places`` decimals, grouped by thousands.

    The rounding is that of ``Decimal(str(value))`` (the shortest decimal spelling of a float,
    as a person reads it): ``0.125`` gives ``0.13``. Pages print hundreds of numbers, so ints
    and plain floats below 10^15 take a string path with the same result
    (``tests/test_formatting_fast.py`` compares the two over many values); the rest go through
    :class:`~decimal.Decimal`.

    >>> format_number(1234567.5, 1, "id")
    '1.234.567,5'
    >>> format_number(94.78, 2, "en")
    '94.78'
    """
    separators = _separators(locale)
    if 0 <= places <= _FAST_PLACES:
        kind = type(value)
        if kind is int and -_FAST_LIMIT < value < _FAST_LIMIT:
            return _spell(value < 0, str(abs(value)), "0" * places, separators)
        if kind is float and -_FAST_LIMIT < value < _FAST_LIMIT:
            text = repr(value)
            if "e" not in text:
                return _format_float_text(text, places, separators)
    return _format_exact(value, places, separators)


#: The string path handles magnitudes whose repr has no exponent, and up to this many places.
_FAST_LIMIT = 10**15
_FAST_PLACES = 12


def _format_exact(value: float | int | Decimal, places: int, separators: tuple[str, str]) -> str:
    quantum = Decimal(1).scaleb(-places)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    return _spell(rounded < 0, whole, fraction, separators)


def _format_float_text(text: str, places: int, separators: tuple[str, str]) -> str:
    """Round the digits of ``repr(value)`` half away from zero, as ``_format_exact`` does."""
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
    whole, fraction = (digits[:-places], digits[-places:]) if places else (digits, "")
    return _spell(negative, whole, fraction, separators)


def _spell(negative: bool, whole: str, fraction: str, separators: tuple[str, str]) -> str:
    group, mark = separators
    grouped = f"{int(whole):,}"
    if group != ",":
        grouped = grouped.replace(",", group)
    return f"{'-' if negative else ''}{grouped}{mark + fraction if fraction else ''}"


def format_percent(value: float, places: int = 2, locale: str = "en") -> str:
    """A percentage already in percent units: ``format_percent(53.04, 2, "id") == '53,04 %'``."""
    return f"{format_number(value, places, locale)} %"


def format_rupiah(amount: int | Decimal, locale: str = "id", space: bool = True) -> str:
    """Rupiah to the whole rupiah (banker's rounding of any fraction), ``Rp 1.234.567``.

    ``space=False`` gives the spelling guide's ``Rp1.234.567``.
    """
    whole = Decimal(str(amount)).quantize(Decimal(1), rounding=ROUND_HALF_EVEN)
    sign = "-" if whole < 0 else ""
    digits = format_number(abs(whole), 0, locale)
    return f"{sign}Rp{' ' if space else ''}{digits}"


def _separators(locale: str) -> tuple[str, str]:
    try:
        return _SEPARATORS[locale]
    except KeyError:
        raise InputError(
            "locale",
            f"unknown locale {locale!r}; use one of {', '.join(LOCALES)}",
            code="input.unknown_locale",
            params={"value": str(locale), "choices": list(LOCALES)},
        ) from None

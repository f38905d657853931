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

    >>> format_number(1234567.5, 1, "id")
    '1.234.567,5'
    >>> format_number(94.78, 2, "en")
    '94.78'
    """
    group, decimal_mark = _separators(locale)
    quantum = Decimal(1).scaleb(-places)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", group)
    return f"{sign}{grouped}{decimal_mark + fraction if fraction else ''}"


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
        raise InputError("locale", f"unknown locale {locale!r}; use one of {', '.join(LOCALES)}") from None

"""Checking one number of the input, and turning it into an exact fraction.

The scoring arithmetic runs on :class:`fractions.Fraction` of the numbers *as written*
(``92.50`` is 185/2, ``0.1`` is 1/10), and converts to ``float`` once, for the result. So a
total is the correctly rounded exact sum of its scores, whatever the order of the
indicators, and the 0.01 tolerance on the weight sum is not eaten by binary rounding.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from numbers import Rational, Real

from kinerja.errors import InputError

Number = int | float | Decimal | Fraction


def check_number(
    value: object, field: str, *, required: bool = True, error: type[InputError] = InputError
) -> Number | None:
    """``value`` if it is a finite real number (not a bool, not text), else ``error(field, ...)``."""
    if value is None:
        if required:
            raise error(field, "missing; give a number", code="number.missing")
        return None
    if isinstance(value, bool) or not isinstance(value, (Real, Decimal)):
        kind = f"the text {value!r}" if isinstance(value, str) else f"a {type(value).__name__}"
        raise error(field, f"must be a number, not {kind}", code="number.not_number", params={"value": kind})
    if isinstance(value, Decimal):
        finite = value.is_finite()
        nan = value.is_nan()
    elif isinstance(value, Rational):  # ints of any size, Fractions: finite (math.isfinite would overflow)
        finite, nan = True, False
    else:
        finite = math.isfinite(value)
        nan = isinstance(value, float) and math.isnan(value)
    if nan:
        raise error(field, "is NaN (not a number)", code="number.nan")
    if not finite:
        raise error(
            field, f"must be finite, not {value}", code="number.not_finite", params={"value": str(value)}
        )
    return value


def exact(value: Number) -> Fraction:
    """The exact value of ``value`` as written: floats through their shortest decimal repr."""
    if isinstance(value, float):
        return Fraction(repr(value))
    return Fraction(value)


def to_float(value: Fraction, where: str) -> float:
    """``float(value)``, or an :class:`InputError` at ``where`` when it is beyond a float's range."""
    try:
        return float(value)
    except OverflowError:
        raise InputError(
            where, "a number here is too large to compute with (beyond 1e308)", code="number.too_large"
        ) from None


def shown(value: Number | Fraction) -> str:
    """A number for a message: ``99.5``, ``100``, ``-5``."""
    try:
        return f"{float(value):.15g}"
    except OverflowError:
        fraction = exact(value) if not isinstance(value, Fraction) else value
        return f"{Decimal(fraction.numerator) / Decimal(fraction.denominator):.6g}"


def plain(value: Number | None) -> int | float | None:
    """A JSON-ready number: ints (and whole Decimals) stay ints, everything else becomes a float."""
    if value is None or isinstance(value, int):
        return value
    if isinstance(value, (Decimal, Fraction)) and value == int(value):
        return int(value)
    return float(value)

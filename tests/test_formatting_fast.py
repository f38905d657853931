"""The string path of ``format_number`` gives the Decimal path's strings, byte for byte."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest

from kinerja import formatting

EDGES = [
    0, 1, -1, 5, 999, 1000, -1000, 123456789, 10**15 - 1, 10**15, -(10**15), 10**20,
    0.0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 94.785, 94.775, 1.005, 2.675, 1.115,
    0.004, -0.004, 0.005, -0.005, 0.0049999, 9.995, -9.995, 99.995, 999.9995, 1e-05, -1e-07,
    1e15, 1e16, 123456.789e10, 1.7976931348623157e308, 5e-324, 100.0, 53.04, 66.66666666666667,
    float("inf"), float("-inf"), Decimal("1.005"), Decimal("-2.5"), 12345678.9,
]  # fmt: skip


def _values(count: int = 20000):
    rng = random.Random(20251124)
    yield from EDGES
    for _ in range(count):
        kind = rng.random()
        if kind < 0.2:
            yield rng.randint(-(10**16), 10**16) // 10 ** rng.randint(0, 16)
        elif kind < 0.5:
            yield round(rng.uniform(-100, 100), rng.randint(0, 6))
        elif kind < 0.7:
            yield rng.randint(-99999, 99999) / 10 ** rng.randint(0, 5) + rng.choice((0, 0.005, 0.0005, 0.05))
        else:
            yield rng.uniform(-1, 1) * 10 ** rng.uniform(-6, 17)


def _exact(value, places, locale):
    return formatting._format_exact(value, places, formatting._separators(locale))


def _same(value, places, locale):
    try:
        expected = _exact(value, places, locale)
    except Exception as error:  # the Decimal path refuses (infinity): so must the string path
        with pytest.raises(type(error)):
            formatting.format_number(value, places, locale)
        return
    assert formatting.format_number(value, places, locale) == expected, (value, places, locale)


@pytest.mark.parametrize("locale", ["id", "en"])
def test_the_fast_path_spells_numbers_as_the_decimal_path_does(locale):
    for value in _values():
        for places in (0, 1, 2, 3):
            _same(value, places, locale)


def test_other_places_take_the_decimal_path():
    for value in (1.25, 7, -3.5):
        for places in (-1, 13, 20):
            _same(value, places, "id")

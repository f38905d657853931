"""Numbers as a person reads them: Indonesian ``1.234.567,5`` and Rupiah ``Rp 1.234.567``."""

from decimal import Decimal

import pytest

from kinerja.errors import InputError
from kinerja.formatting import format_number, format_percent, format_rupiah


@pytest.mark.parametrize(
    ("value", "places", "locale", "shown"),
    [
        (1234567.5, 1, "id", "1.234.567,5"),
        (1234567.5, 1, "en", "1,234,567.5"),
        (94.7797, 2, "id", "94,78"),
        (94.7797, 2, "en", "94.78"),
        (0.125, 2, "en", "0.13"),  # half away from zero, as people round by hand
        (-53.0425, 2, "id", "-53,04"),
        (7, 0, "id", "7"),
    ],
)
def test_numbers_follow_the_locale_conventions(value, places, locale, shown):
    assert format_number(value, places, locale) == shown


def test_rupiah_are_grouped_with_dots_and_the_space_is_a_choice():
    assert format_rupiah(96309500) == "Rp 96.309.500"
    assert format_rupiah(96309500, space=False) == "Rp96.309.500"
    assert format_rupiah(Decimal("1234567.5"), locale="en") == "Rp 1,234,568"
    assert format_rupiah(-2500) == "-Rp 2.500"


def test_percent_keeps_the_locale_decimal_mark():
    assert format_percent(53.0425, 2, "id") == "53,04 %"


def test_unknown_locale_is_named():
    with pytest.raises(InputError) as caught:
        format_number(1, 2, "fr")
    assert caught.value.where == "locale"

"""The day form reads numbers as owners type them: ``1.234.567`` Rupiah and ``12,5`` kg in Indonesian."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from kinerja_web.records import forms
from kinerja_web.records.selectors import DayEntry

DAY = datetime.date(2021, 6, 1)
EMPTY = DayEntry(DAY, {}, None, None, [], None)


def _production(rows):
    data = {"production-TOTAL_FORMS": str(len(rows)), "production-INITIAL_FORMS": "0"}
    for i, (product, kg) in enumerate(rows):
        data[f"production-{i}-product"] = product
        data[f"production-{i}-kg"] = kg
    return data


def test_indonesian_rupiah_and_decimal_comma_are_read(indonesian):
    form = forms.DayForm(
        {"sales_rp": "1.234.567", "operating_hours": "8,5", "rotation_hours": "2"}, workers=[]
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["sales_rp"] == 1_234_567
    assert form.cleaned_data["operating_hours"] == Decimal("8.5")
    formset = forms.production_formset(_production([("Gula kelapa beryodium", "12,5"), ("", "")]), EMPTY)
    assert formset.is_valid(), formset.errors
    assert forms.production_rows(formset) == [("Gula kelapa beryodium", Decimal("12.5")), ("", None)]


def test_english_input_is_read_the_english_way(english):
    form = forms.DayForm({"sales_rp": "1,250,000", "operating_hours": "8.5"}, workers=[])
    assert form.is_valid(), form.errors
    assert form.cleaned_data["sales_rp"] == 1_250_000
    assert form.cleaned_data["operating_hours"] == Decimal("8.5")


def test_a_decimal_comma_typed_in_english_is_an_error_not_a_hundredfold(english):
    formset = forms.production_formset(_production([("Gula", "12,5")]), EMPTY)
    assert not formset.is_valid()


@pytest.mark.parametrize(
    ("field", "value"), [("operating_hours", "24,5"), ("rotation_hours", "-1"), ("sales_rp", "1,5")]
)
def test_impossible_values_are_field_errors(indonesian, field, value):
    form = forms.DayForm({field: value}, workers=[])
    assert not form.is_valid()
    assert field in form.errors


def test_number_inputs_open_the_phones_number_keyboard(indonesian):
    form = forms.DayForm(workers=[])
    assert 'inputmode="numeric"' in str(form["sales_rp"])
    assert 'inputmode="decimal"' in str(form["operating_hours"])
    formset = forms.production_formset(None, EMPTY)
    assert 'inputmode="decimal"' in str(formset.forms[0]["kg"])


def test_stored_values_are_shown_in_the_users_language(indonesian):
    entry = DayEntry(DAY, {}, Decimal("3.50"), Decimal("0.00"), [("Gula", Decimal("1250.50"))], 1_250_000)
    form = forms.DayForm(initial=forms.DayForm.initial_from(entry), workers=[])
    assert 'value="1.250.000"' in str(form["sales_rp"])
    assert 'value="3,5"' in str(form["operating_hours"])
    assert 'value="0"' in str(form["rotation_hours"])
    formset = forms.production_formset(None, entry)
    assert 'value="1.250,5"' in str(formset.forms[0]["kg"])
    assert len(formset.forms) == forms.MIN_PRODUCTION_ROWS  # the stored row and two blank ones


def test_order_form_reads_indonesian_amounts(indonesian):
    form = forms.OrderForm(
        {
            "date": "01/06/2021",
            "customer": "Pak Hadi",
            "product": "Gula",
            "kg": "12,5",
            "amount_rp": "Rp 1.234.567",
        }
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["date"] == DAY  # day first: 1 June
    assert form.cleaned_data["kg"] == Decimal("12.5")
    assert form.cleaned_data["amount_rp"] == 1_234_567

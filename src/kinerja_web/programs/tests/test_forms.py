"""Forms read what the user typed in their language (issue item 8): ``1.234.567`` Rupiah in
Indonesian, ``1,234,567`` in English, ``03/04/2025`` is 3 April in both, never month-first."""

from __future__ import annotations

import datetime

import pytest
from django import forms
from django.utils import translation

from kinerja_web.formfields import LocalizedDecimalField, RupiahField, parse_localized_number
from kinerja_web.programs.forms import EnterpriseForm, WorkerForm
from kinerja_web.tests.factories import EnterpriseFactory, ProgramFactory, program_admin

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "rupiah"),
    [
        ("1.234.567", 1_234_567),
        ("Rp 1.234.567", 1_234_567),
        ("Rp1.234.567", 1_234_567),
        ("1234567", 1_234_567),
        ("1.234.567,00", 1_234_567),
        ("1,234,567", 1_234_567),  # English grouping twice: cannot mean anything else
        ("407.243.250", 407_243_250),
    ],
)
def test_rupiah_typed_in_indonesian_is_read(typed, rupiah):
    with translation.override("id"):
        assert RupiahField().clean(typed) == rupiah


@pytest.mark.parametrize(
    ("typed", "rupiah"), [("1,234,567", 1_234_567), ("1234567", 1_234_567), ("1.234.567", 1_234_567)]
)
def test_rupiah_typed_in_english_is_read(typed, rupiah):
    with translation.override("en"):
        assert RupiahField().clean(typed) == rupiah


@pytest.mark.parametrize("typed", ["1,000", "1.23.4", "12,34,567", "satu juta", "1.234,5", "1,5"])
def test_rupiah_that_could_be_misread_is_a_field_error_in_indonesian(typed):
    with translation.override("id"), pytest.raises(forms.ValidationError):
        RupiahField().clean(typed)


@pytest.mark.parametrize("typed", ["1.000", "1,23,4", "1,234.5"])
def test_rupiah_that_could_be_misread_is_a_field_error_in_english(typed):
    with translation.override("en"), pytest.raises(forms.ValidationError):
        RupiahField().clean(typed)


def test_rupiah_error_shows_the_expected_form():
    with translation.override("id"), pytest.raises(forms.ValidationError) as error:
        RupiahField().clean("1.23.4")
    assert "1.234.567" in error.value.messages[0]


def test_negative_rupiah_is_refused_by_default():
    with translation.override("id"), pytest.raises(forms.ValidationError):
        RupiahField().clean("-5")


def test_decimal_comma_in_indonesian_and_point_in_english():
    with translation.override("id"):
        assert str(LocalizedDecimalField().clean("1.234.567,5")) == "1234567.5"
        assert str(LocalizedDecimalField().clean("1,5")) == "1.5"
    with translation.override("en"):
        assert str(LocalizedDecimalField().clean("1,234,567.5")) == "1234567.5"
        with pytest.raises(forms.ValidationError):
            LocalizedDecimalField().clean("1,5")  # Django's own field would read 15


def test_parse_keeps_full_precision():
    assert str(parse_localized_number("0,333333333333", "id")) == "0.333333333333"


@pytest.mark.parametrize("language", ["id", "en"])
def test_date_03_04_2025_is_3_april_in_both_languages(language):
    with translation.override(language):
        form = WorkerForm(data={"name": "Ponisah", "start_date": "03/04/2025"}, program=ProgramFactory())
        assert form.is_valid(), form.errors
        assert form.cleaned_data["start_date"] == datetime.date(2025, 4, 3)


@pytest.mark.parametrize("typed", ["04/13/2025", "13/2025/04"])
def test_month_first_date_is_never_read(typed):
    with translation.override("en"):
        form = WorkerForm(data={"name": "Ponisah", "start_date": typed}, program=ProgramFactory())
        assert not form.is_valid()


def test_iso_date_is_read():
    with translation.override("id"):
        form = WorkerForm(data={"name": "Ponisah", "start_date": "2025-04-03"}, program=ProgramFactory())
        assert form.is_valid()
        assert form.cleaned_data["start_date"] == datetime.date(2025, 4, 3)


def test_worker_form_refuses_an_end_before_the_start():
    with translation.override("id"):
        form = WorkerForm(
            data={"name": "X", "start_date": "03/04/2025", "end_date": "02/04/2025"}, program=ProgramFactory()
        )
        assert not form.is_valid()
        assert "end_date" in form.errors


class TestEnterpriseForm:
    def _data(self, cluster, **changes):
        data = {
            "cluster": cluster.pk,
            "name": "UD Manggar",
            "nib": "9120001230099",
            "net_assets": "650.000.000",
            "business_capital": "",
            "annual_sales": "1.650.000.000",
            "year_founded": "2012",
        }
        data.update(changes)
        return data

    def test_valid_indonesian_input_is_cleaned_to_whole_rupiah(self):
        existing = EnterpriseFactory()
        user = program_admin(existing.cluster.program)
        with translation.override("id"):
            form = EnterpriseForm(data=self._data(existing.cluster), user=user)
            assert form.is_valid(), form.errors
        assert form.cleaned_data["net_assets"] == 650_000_000
        assert form.cleaned_data["annual_sales"] == 1_650_000_000

    def test_short_nib_is_a_clear_field_error(self):
        existing = EnterpriseFactory()
        user = program_admin(existing.cluster.program)
        with translation.override("en"):
            form = EnterpriseForm(data=self._data(existing.cluster, nib="12345"), user=user)
            assert not form.is_valid()
            assert "13 digits" in form.errors["nib"][0]

    def test_taken_nib_is_a_clear_field_error(self):
        existing = EnterpriseFactory(nib="9120001230099")
        user = program_admin(existing.cluster.program)
        with translation.override("en"):
            form = EnterpriseForm(data=self._data(existing.cluster), user=user)
            assert not form.is_valid()
            assert "already registered" in form.errors["nib"][0]

    def test_year_founded_out_of_range_is_a_field_error(self):
        existing = EnterpriseFactory()
        user = program_admin(existing.cluster.program)
        form = EnterpriseForm(data=self._data(existing.cluster, year_founded="1850"), user=user)
        assert not form.is_valid()
        assert "year_founded" in form.errors

    def test_cluster_choices_are_only_the_users_clusters(self):
        mine, other = EnterpriseFactory(), EnterpriseFactory()
        user = program_admin(mine.cluster.program)
        form = EnterpriseForm(data=self._data(other.cluster), user=user)
        assert not form.is_valid()
        assert "cluster" in form.errors

    def test_money_shows_grouped_in_the_users_language(self):
        enterprise = EnterpriseFactory(net_assets=650_000_000)
        user = program_admin(enterprise.cluster.program)
        with translation.override("id"):
            html = str(EnterpriseForm(instance=enterprise, user=user)["net_assets"])
        assert 'value="650.000.000"' in html

"""Enterprises are identified by a valid, unique NIB (BRIEF.md: the 13-digit OSS number)."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kinerja_web.tests.factories import EnterpriseFactory, WorkerFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("nib", ["123456789012", "12345678901234", "12345678901a3", "1234 56789012", ""])
def test_nib_that_is_not_13_digits_is_refused(nib):
    enterprise = EnterpriseFactory.build(nib=nib, cluster=EnterpriseFactory().cluster)
    with pytest.raises(ValidationError) as error:
        enterprise.full_clean()
    assert "nib" in error.value.message_dict


def test_nib_of_13_digits_is_accepted():
    enterprise = EnterpriseFactory(nib="9120001230014")
    enterprise.full_clean()


def test_two_enterprises_cannot_share_an_nib():
    EnterpriseFactory(nib="9120001230014")
    with pytest.raises(IntegrityError), transaction.atomic():
        EnterpriseFactory(nib="9120001230014")


def test_database_refuses_a_bad_nib_even_past_the_form():
    with pytest.raises(IntegrityError), transaction.atomic():
        EnterpriseFactory(nib="12345")


def test_database_refuses_negative_money():
    with pytest.raises(IntegrityError), transaction.atomic():
        EnterpriseFactory(net_assets=-1)


def test_year_founded_in_the_future_is_refused():
    enterprise = EnterpriseFactory(year_founded=datetime.date.today().year + 1)
    with pytest.raises(ValidationError) as error:
        enterprise.full_clean()
    assert "year_founded" in error.value.message_dict


def test_worker_cannot_leave_before_starting():
    with pytest.raises(IntegrityError), transaction.atomic():
        WorkerFactory(start_date=datetime.date(2021, 5, 1), end_date=datetime.date(2021, 4, 30))


def test_worker_is_active_between_start_and_end():
    worker = WorkerFactory.build(start_date=datetime.date(2021, 1, 4), end_date=datetime.date(2021, 9, 30))
    assert worker.is_active_on(datetime.date(2021, 9, 30))
    assert not worker.is_active_on(datetime.date(2021, 10, 1))

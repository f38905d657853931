"""The day form says every problem of a refused save in one round, never reports an empty form as
saved, and fills itself from the previous recorded day on request ("same as yesterday")."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja_web.records import services
from kinerja_web.records.models import Attendance, DailyOperation, Production, Sale
from kinerja_web.tests.factories import EnterpriseFactory, WorkerFactory, owner

DAY = datetime.date(2021, 6, 1)  # a Tuesday


@pytest.fixture
def shop(db, english):
    enterprise = EnterpriseFactory(name="UD Pramitha Salsabila")
    user = owner(enterprise, "owner1")
    WorkerFactory(enterprise=enterprise, name="Suwarno", start_date=datetime.date(2020, 6, 1))
    WorkerFactory(enterprise=enterprise, name="Jumani", start_date=datetime.date(2020, 6, 1))
    return enterprise, user


def _post(enterprise, **values):
    data = {
        "operating_hours": "",
        "rotation_hours": "",
        "sales_rp": "",
        "production-TOTAL_FORMS": "3",
        "production-INITIAL_FORMS": "0",
    }
    for row in range(3):
        data[f"production-{row}-product"] = ""
        data[f"production-{row}-kg"] = ""
    for worker in enterprise.workers.all():
        data[f"worker_{worker.pk}"] = ""
    data.update(values)
    return data


def test_every_problem_is_shown_beside_its_field_in_one_round(client, shop):
    enterprise, user = shop
    client.force_login(user)
    client.cookies["django_language"] = "en"
    response = client.post(
        reverse("records:day", args=[enterprise.pk, DAY]),
        _post(
            enterprise,
            operating_hours="3",
            rotation_hours="5",  # more than the operating hours: the service's rule
            sales_rp="12abc",  # unreadable: the form's rule
            **{
                "production-0-product": "Gula kelapa cetak",  # no kg: the service's rule
                "production-1-kg": "10,x",  # unreadable kg
            },
        ),
    )
    assert response.status_code == 200
    form = response.context["form"]
    formset = response.context["formset"]
    assert set(form.errors) == {"rotation_hours", "sales_rp"}
    assert "rotation" in form.errors["rotation_hours"][0].lower()
    assert "kg" in formset.forms[0].errors["kg"][0]
    assert "kg" in formset.forms[1].errors  # its own message, not a second one from the service
    assert len(formset.forms[1].errors["kg"]) == 1
    html = response.content.decode()
    assert "data-error-summary data-refused" in html  # the summary at the top is shown (form_errors.js)
    assert (
        not DailyOperation.objects.exists() and not Sale.objects.exists() and not Production.objects.exists()
    )


def test_an_empty_form_is_refused_not_reported_as_saved(client, shop):
    enterprise, user = shop
    client.force_login(user)
    client.cookies["django_language"] = "id"
    response = client.post(reverse("records:day", args=[enterprise.pk, DAY]), _post(enterprise))
    assert response.status_code == 200
    html = response.content.decode()
    assert "saved-panel" not in html
    assert "Tidak ada yang diisi, jadi tidak ada yang disimpan" in html
    assert not Attendance.objects.exists() and not DailyOperation.objects.exists()


def test_emptying_a_recorded_day_still_clears_it(client, shop):
    enterprise, user = shop
    suwarno = enterprise.workers.get(name="Suwarno")
    services.day_save(
        enterprise=enterprise,
        date=DAY,
        attendance={suwarno.pk: "present"},
        operating_hours=Decimal(3),
        rotation_hours=None,
        production=[],
        sales_rp=None,
        actor=user,
    )
    client.force_login(user)
    response = client.post(reverse("records:day", args=[enterprise.pk, DAY]), _post(enterprise))
    assert response.status_code == 302
    assert not Attendance.objects.exists() and not DailyOperation.objects.exists()


def test_same_as_yesterday_fills_the_form_from_the_last_recorded_day_without_saving(client, shop):
    enterprise, user = shop
    suwarno = enterprise.workers.get(name="Suwarno")
    jumani = enterprise.workers.get(name="Jumani")
    friday = DAY - datetime.timedelta(days=4)  # nothing recorded on the days between
    services.day_save(
        enterprise=enterprise,
        date=friday,
        attendance={suwarno.pk: "present", jumani.pk: "sick"},
        operating_hours=Decimal("3.5"),
        rotation_hours=Decimal(1),
        production=[("Gula kelapa cetak", Decimal("262.5"))],
        sales_rp=1_250_000,
        actor=user,
    )
    client.force_login(user)
    client.cookies["django_language"] = "id"
    url = reverse("records:day", args=[enterprise.pk, DAY])
    page = client.get(url).content.decode()
    assert f'href="{url}?same=previous"' in page and "Sama seperti kemarin" in page

    response = client.get(url + "?same=previous")
    html = response.content.decode()
    form = response.context["form"]
    assert form.initial[f"worker_{suwarno.pk}"] == "present"
    assert form.initial[f"worker_{jumani.pk}"] == "sick"
    assert form.initial["operating_hours"] == Decimal("3.5")
    assert response.context["formset"].initial == [{"product": "Gula kelapa cetak", "kg": Decimal("262.5")}]
    assert "prefill-panel" in html and "Jumat, 28 Mei 2021" in html
    assert Attendance.objects.filter(date=DAY).count() == 0  # nothing saved until Save


def test_same_as_yesterday_is_not_offered_without_an_earlier_record(client, shop):
    enterprise, user = shop
    client.force_login(user)
    url = reverse("records:day", args=[enterprise.pk, DAY])
    assert "?same=previous" not in client.get(url).content.decode()
    assert client.get(url + "?same=previous").context["prefill_from"] is None

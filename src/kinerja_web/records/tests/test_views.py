"""The records pages: what an owner, a facilitator and an administrator see and can do."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja_web.records.models import Attendance, DailyOperation, InnovationEntry, Order, Production, Sale
from kinerja_web.records.services import today
from kinerja_web.records.tests import factories as rf
from kinerja_web.tests.factories import EnterpriseFactory, WorkerFactory, facilitator, owner, program_admin

DAY = datetime.date(2021, 6, 1)  # a Tuesday


@pytest.fixture
def shop(db, english):
    enterprise = EnterpriseFactory(name="UD Pramitha Salsabila")
    user = owner(enterprise, "owner1")
    WorkerFactory(enterprise=enterprise, name="Suwarno", start_date=datetime.date(2020, 6, 1))
    WorkerFactory(
        enterprise=enterprise, name="Jumani", is_permanent=False, start_date=datetime.date(2020, 6, 1)
    )
    WorkerFactory(
        enterprise=enterprise,
        name="Hariyanto",
        start_date=datetime.date(2020, 6, 1),
        end_date=datetime.date(2021, 5, 31),
    )
    return enterprise, user


def _day_post(enterprise, **extra):
    data = {
        "operating_hours": "3,5",
        "rotation_hours": "",
        "sales_rp": "1.250.000",
        "production-TOTAL_FORMS": "3",
        "production-INITIAL_FORMS": "0",
        "production-0-product": "Gula kelapa cetak",
        "production-0-kg": "262,5",
        "production-1-product": "Gula kelapa beryodium",
        "production-1-kg": "87,5",
        "production-2-product": "",
        "production-2-kg": "",
    }
    for worker in enterprise.workers.all():
        data[f"worker_{worker.pk}"] = ""
    data.update(extra)
    return data


def test_owner_sees_every_active_worker_with_no_status_chosen(client, shop):
    enterprise, user = shop
    client.force_login(user)
    response = client.get(reverse("records:day", args=[enterprise.pk, DAY]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Suwarno" in html and "Jumani" in html
    assert "Hariyanto" not in html  # left the day before
    assert html.count('value="present" checked') == 0
    assert html.count('value="" checked') == 2


def test_owner_records_a_day_typed_the_indonesian_way(client, shop):
    enterprise, user = shop
    suwarno = enterprise.workers.get(name="Suwarno")
    client.force_login(user)
    url = reverse("records:day", args=[enterprise.pk, DAY])
    client.cookies["django_language"] = "id"
    response = client.post(url, _day_post(enterprise, **{f"worker_{suwarno.pk}": "present"}))
    assert response.status_code == 302
    assert response["Location"] == url + "?saved=1"
    assert list(Attendance.objects.values_list("worker__name", "status")) == [("Suwarno", "present")]
    assert DailyOperation.objects.get().operating_hours == Decimal("3.5")
    assert sorted(Production.objects.values_list("kg", flat=True)) == [Decimal("87.5"), Decimal("262.5")]
    assert Sale.objects.get().amount_rp == 1_250_000

    page = client.get(response["Location"]).content.decode()
    assert "saved-panel" in page
    assert reverse("records:day", args=[enterprise.pk, DAY + datetime.timedelta(days=1)]) in page


def test_an_impossible_day_shows_the_problem_and_stores_nothing(client, shop):
    enterprise, user = shop
    client.force_login(user)
    client.cookies["django_language"] = "en"
    response = client.post(
        reverse("records:day", args=[enterprise.pk, DAY]),
        _day_post(enterprise, operating_hours="3", rotation_hours="5", sales_rp="1.250.000"),
    )
    assert response.status_code == 200
    assert "rotation" in response.content.decode().lower()
    assert not DailyOperation.objects.exists() and not Sale.objects.exists()


def test_a_future_day_cannot_be_opened_for_recording(client, shop):
    enterprise, user = shop
    client.force_login(user)
    tomorrow = today() + datetime.timedelta(days=1)
    response = client.get(reverse("records:day", args=[enterprise.pk, tomorrow]))
    assert response["Location"] == reverse("records:day_today", args=[enterprise.pk])


def test_today_page_has_no_link_to_tomorrow(client, shop):
    enterprise, user = shop
    client.force_login(user)
    html = client.get(reverse("records:day_today", args=[enterprise.pk])).content.decode()
    tomorrow = today() + datetime.timedelta(days=1)
    assert reverse("records:day", args=[enterprise.pk, tomorrow]) not in html


def test_a_nonexistent_date_answers_not_found(client, shop):
    enterprise, user = shop
    client.force_login(user)
    assert client.get(f"/records/enterprise/{enterprise.pk}/day/2021-02-30/").status_code == 404


def test_week_view_shows_each_day_and_the_totals(client, shop):
    enterprise, user = shop
    worker = enterprise.workers.get(name="Suwarno")
    monday = DAY - datetime.timedelta(days=1)
    for offset in range(3):
        day = monday + datetime.timedelta(days=offset)
        rf.AttendanceFactory(enterprise=enterprise, worker=worker, date=day)
        rf.DailyOperationFactory(enterprise=enterprise, date=day, operating_hours=Decimal("3.5"))
        rf.ProductionFactory(enterprise=enterprise, date=day, kg=Decimal("300"))
        rf.SaleFactory(enterprise=enterprise, date=day, amount_rp=1_250_000)
    client.force_login(user)
    response = client.get(reverse("records:week", args=[enterprise.pk, DAY]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "3 / 7" in html  # days recorded
    assert "10,5" in html and "900 kg" in html and "Rp 3.750.000" in html  # Indonesian, the default
    for offset in range(7):
        assert reverse("records:day", args=[enterprise.pk, monday + datetime.timedelta(days=offset)]) in html


def test_enterprise_page_links_to_the_records(client, shop):
    enterprise, user = shop
    client.force_login(user)
    html = client.get(reverse("programs:enterprise_detail", args=[enterprise.pk])).content.decode()
    for name in ("records:day_today", "records:enterprise", "records:orders", "records:innovations"):
        assert reverse(name, args=[enterprise.pk]) in html


def test_owner_menu_record_today_goes_straight_to_their_day_form(client, shop):
    enterprise, user = shop
    client.force_login(user)
    assert reverse("records:today") in client.get("/").content.decode()
    response = client.get(reverse("records:today"))
    assert response["Location"] == reverse("records:day_today", args=[enterprise.pk])


@pytest.mark.parametrize("role", ["facilitator", "admin"])
def test_facilitator_and_administrator_can_record_for_the_enterprise(client, shop, role):
    enterprise, _user = shop
    user = (
        facilitator(enterprise.cluster)
        if role == "facilitator"
        else program_admin(enterprise.cluster.program)
    )
    client.force_login(user)
    response = client.post(reverse("records:day", args=[enterprise.pk, DAY]), _day_post(enterprise))
    assert response.status_code == 302
    assert Sale.objects.get(enterprise=enterprise).amount_rp == 1_250_000


def test_orders_are_added_and_deleted_from_the_list(client, shop):
    enterprise, user = shop
    client.force_login(user)
    url = reverse("records:orders", args=[enterprise.pk])
    response = client.post(
        url,
        {
            "date": "01/06/2021",
            "customer": "Pak Hadi",
            "product": "Gula",
            "kg": "12,5",
            "amount_rp": "175.000",
        },
    )
    assert response.status_code == 302, response.content.decode()
    order = Order.objects.get()
    assert (order.date, order.kg, order.amount_rp) == (DAY, Decimal("12.5"), 175_000)
    assert "Pak Hadi" in client.get(url).content.decode()
    response = client.post(reverse("records:orders_delete", args=[enterprise.pk, order.pk]))
    assert response.status_code == 302 and not Order.objects.exists()


def test_innovation_in_the_future_is_refused_on_the_page(client, shop):
    enterprise, user = shop
    client.force_login(user)
    tomorrow = today() + datetime.timedelta(days=1)
    client.cookies["django_language"] = "en"
    response = client.post(
        reverse("records:innovations", args=[enterprise.pk]),
        {"date": tomorrow.isoformat(), "kind": "rotation", "description": "Rotasi"},
    )
    assert response.status_code == 200 and "future" in response.content.decode()
    assert not InnovationEntry.objects.exists()


def test_delete_answers_not_found_for_an_entry_of_another_enterprise(client, shop):
    enterprise, user = shop
    foreign = rf.OrderFactory(enterprise=EnterpriseFactory())
    client.force_login(user)
    response = client.post(reverse("records:orders_delete", args=[enterprise.pk, foreign.pk]))
    assert response.status_code == 404
    assert Order.objects.filter(pk=foreign.pk).exists()


@pytest.mark.parametrize(
    "name", ["records:orders", "records:equipment", "records:raw_materials", "records:innovations"]
)
def test_every_list_page_opens(client, shop, name):
    enterprise, user = shop
    client.force_login(user)
    assert client.get(reverse(name, args=[enterprise.pk])).status_code == 200

"""Deleting an order asks first and can be undone for a while (issue 10, item 2)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja_web.audit.models import AuditEntry, Undo
from kinerja_web.records.measures import actuals_for
from kinerja_web.records.models import Order
from kinerja_web.records.tests import factories as rf
from kinerja_web.tests.factories import EnterpriseFactory, facilitator, owner, program_admin

DAY = datetime.date(2021, 6, 1)


@pytest.fixture
def shop(db):
    enterprise = EnterpriseFactory(name="UD Pramitha Salsabila")
    user = owner(enterprise, "owner1")
    order = rf.OrderFactory(
        enterprise=enterprise,
        date=DAY,
        customer="Pak Hadi",
        product="Gula kelapa cetak",
        kg=Decimal("12.5"),
        amount_rp=175_000,
    )
    return enterprise, user, order


def _values(order: Order) -> tuple:
    return (
        order.pk,
        order.enterprise_id,
        order.date,
        order.customer,
        order.product,
        order.kg,
        order.amount_rp,
    )


def _delete(client, enterprise, order):
    return client.post(reverse("records:orders_delete", args=[enterprise.pk, order.pk]))


def test_delete_asks_first_saying_what_goes_and_what_changes(client, shop):
    enterprise, user, order = shop
    client.force_login(user)
    client.cookies["django_language"] = "en"
    list_page = client.get(reverse("records:orders", args=[enterprise.pk])).content.decode()
    delete_url = reverse("records:orders_delete", args=[enterprise.pk, order.pk])
    assert f'href="{delete_url}"' in list_page  # a link to the question, not a button that deletes

    page = client.get(delete_url)

    text = page.content.decode()
    assert page.status_code == 200 and Order.objects.filter(pk=order.pk).exists()
    assert "Delete this order?" in text and "Pak Hadi" in text and "Gula kelapa cetak 12.5 kg" in text
    assert "number of orders and the ordered kg of the periods that include 01/06/2021" in text
    assert "You can undo it for 10 minutes afterwards." in text
    assert "<script>" not in text and "onclick" not in text


def test_the_question_is_in_indonesian_by_default(client, shop):
    enterprise, user, order = shop
    client.force_login(user)
    text = client.get(reverse("records:orders_delete", args=[enterprise.pk, order.pk])).content.decode()
    assert "Hapus pesanan ini?" in text and "01/06/2021" in text
    assert "Anda dapat membatalkannya selama 10 menit setelahnya." in text


def test_delete_then_undo_restores_the_same_order_and_audits_both(client, shop):
    enterprise, user, order = shop
    before = _values(order)
    client.force_login(user)
    client.cookies["django_language"] = "en"

    response = _delete(client, enterprise, order)

    assert response.status_code == 302 and not Order.objects.exists()
    page = client.get(response.url).content.decode()
    undo = Undo.objects.get()
    assert "Order deleted: 01/06/2021, Pak Hadi: Gula kelapa cetak 12.5 kg." in page
    assert reverse("audit:undo", args=[undo.pk]) in page
    assert undo.expires_at - undo.created_at == datetime.timedelta(minutes=10)
    # The offer is shown once, on the page after the delete.
    assert reverse("audit:undo", args=[undo.pk]) not in client.get(response.url).content.decode()

    response = client.post(reverse("audit:undo", args=[undo.pk]), {"next": response.url})

    assert response.status_code == 302 and response.url == reverse("records:orders", args=[enterprise.pk])
    assert _values(Order.objects.get()) == before
    assert "Restored: Order, 01/06/2021, Pak Hadi" in client.get(response.url).content.decode()
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", "actor_name", "object_id"))
    pk = str(order.pk)
    assert actions[-2:] == [("order.delete", "owner1", pk), ("order.restore", "owner1", pk)]
    undo.refresh_from_db()
    assert undo.used_at is not None and undo.rows == []


def test_the_orders_count_comes_back_with_the_undo(client, shop):
    enterprise, user, order = shop
    rf.OrderFactory(enterprise=enterprise, date=DAY, customer="Bu Sri", kg=Decimal("7.5"))

    def figures():
        found = actuals_for([enterprise.pk], DAY, DAY, [("orders_count", ""), ("orders_kg", "")])
        return found[(enterprise.pk, "orders_count", "")], found[(enterprise.pk, "orders_kg", "")]

    assert figures() == (2, Decimal("20.0"))
    client.force_login(user)
    _delete(client, enterprise, order)
    assert figures() == (1, Decimal("7.5"))
    client.post(reverse("audit:undo", args=[Undo.objects.get().pk]))
    assert figures() == (2, Decimal("20.0"))


def test_an_expired_undo_says_so_and_restores_nothing(client, shop, settings):
    enterprise, user, order = shop
    settings.UNDO_SECONDS = 120  # the setting: how long an undo is offered
    client.force_login(user)
    client.cookies["django_language"] = "en"
    _delete(client, enterprise, order)
    undo = Undo.objects.get()
    assert undo.expires_at - undo.created_at == datetime.timedelta(minutes=2)
    Undo.objects.filter(pk=undo.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))

    page = client.get(reverse("audit:undo", args=[undo.pk])).content.decode()
    assert "Too late to undo" in page and 'type="submit">Undo<' not in page
    response = client.post(reverse("audit:undo", args=[undo.pk]), follow=True)

    assert not Order.objects.exists()
    assert "Too late to undo: it could be undone until" in response.content.decode()
    assert not AuditEntry.objects.filter(action="order.restore").exists()


def test_an_undo_is_used_once(client, shop):
    enterprise, user, order = shop
    client.force_login(user)
    client.cookies["django_language"] = "en"
    _delete(client, enterprise, order)
    url = reverse("audit:undo", args=[Undo.objects.get().pk])
    client.post(url)
    response = client.post(url, follow=True)
    assert Order.objects.count() == 1
    assert "This was already undone" in response.content.decode()
    assert AuditEntry.objects.filter(action="order.restore").count() == 1


def test_someone_else_cannot_undo_but_the_programs_administrator_can(client, shop):
    enterprise, user, order = shop
    client.force_login(user)
    _delete(client, enterprise, order)
    url = reverse("audit:undo", args=[Undo.objects.get().pk])
    helper = facilitator(enterprise.cluster, "facilitator1")  # may change the enterprise, did not delete
    client.force_login(helper)
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert not Order.objects.exists()

    client.force_login(program_admin(enterprise.cluster.program, "admin"))
    response = client.post(url)
    assert response.status_code == 302 and Order.objects.get().customer == "Pak Hadi"
    assert AuditEntry.objects.get(action="order.restore").actor_name == "admin"


def test_a_restore_that_would_count_an_order_twice_is_refused(client, shop):
    enterprise, user, order = shop
    client.force_login(user)
    client.cookies["django_language"] = "en"
    _delete(client, enterprise, order)
    # Meanwhile the owner typed the same order again.
    rf.OrderFactory(
        enterprise=enterprise,
        date=DAY,
        customer="Pak Hadi",
        product="Gula kelapa cetak",
        kg=Decimal("12.5"),
        amount_rp=175_000,
    )

    response = client.post(reverse("audit:undo", args=[Undo.objects.get().pk]), follow=True)

    assert Order.objects.count() == 1
    assert "was recorded again after it was deleted: restoring it would count it twice" in (
        response.content.decode()
    )
    assert Undo.objects.get().used_at is None


def test_an_order_whose_enterprise_was_deleted_meanwhile_is_not_restored(client, shop):
    enterprise, _user, order = shop
    admin = program_admin(enterprise.cluster.program, "admin")
    client.force_login(admin)
    client.cookies["django_language"] = "en"
    _delete(client, enterprise, order)
    undo = Undo.objects.get()
    enterprise.delete()
    response = client.post(reverse("audit:undo", args=[undo.pk]), follow=True)
    assert not Order.objects.exists()
    assert "Its enterprise was deleted since" in response.content.decode()


def test_the_audit_trail_says_both_the_delete_and_the_undo(client, shop):
    enterprise, user, order = shop
    client.force_login(user)
    _delete(client, enterprise, order)
    client.post(reverse("audit:undo", args=[Undo.objects.get().pk]))
    client.force_login(program_admin(enterprise.cluster.program, "admin"))
    client.cookies["django_language"] = "en"
    text = client.get(reverse("audit:entry_list")).content.decode()
    assert "removed the order" in text and "undid the delete of the order" in text

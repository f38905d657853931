"""In a real browser on a 360-pixel phone, in Indonesian: deleting an order asks first, then an
Undo button brings the same order back (issue 10, item 2)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.urls import reverse

from kinerja_web.records.models import Order
from kinerja_web.records.tests.factories import OrderFactory
from kinerja_web.testing.browser import log_in, page_is_narrow_enough
from kinerja_web.tests.factories import PASSWORD, EnterpriseFactory, owner

pytest_plugins = ["kinerja_web.testing.browser"]
DAY = datetime.date(2021, 6, 1)
TAP = 44  # px: the smallest comfortable tap target


def _height(locator) -> float:
    return locator.bounding_box()["height"]


def test_an_owner_deletes_an_order_then_undoes_it_on_a_phone(phone_page, live_server, transactional_db):
    enterprise = EnterpriseFactory(name="UD Pramitha Salsabila")
    owner(enterprise, "owner1")
    order = OrderFactory(
        enterprise=enterprise, date=DAY, customer="Pak Hadi", product="Gula kelapa cetak", kg=Decimal("12.5")
    )
    kept = (order.pk, order.date, order.customer, order.product, order.kg, order.amount_rp)
    page = phone_page
    log_in(page, live_server, "owner1", PASSWORD)
    page.goto(live_server.url + reverse("records:orders", args=[enterprise.pk]))

    delete = page.get_by_role("link", name="Hapus")
    assert _height(delete) >= TAP
    delete.tap()

    # The question: what goes, what changes, and that it can be undone; nothing deleted yet.
    page.get_by_role("heading", name="Hapus pesanan ini?").wait_for()
    text = page.locator("main").inner_text()
    assert "01/06/2021, Pak Hadi: Gula kelapa cetak 12,5 kg" in text
    assert "tidak lagi dihitung dalam jumlah pesanan" in text
    assert "Anda dapat membatalkannya selama 10 menit setelahnya." in text
    assert Order.objects.filter(pk=order.pk).exists()
    assert page_is_narrow_enough(page)
    confirm = page.get_by_role("button", name="Hapus")
    assert _height(confirm) >= TAP and _height(page.get_by_role("link", name="Batal")) >= TAP
    confirm.tap()

    # Back on the list: the order is gone and an Undo button says until when.
    offer = page.locator(".undo-offer")
    offer.wait_for()
    assert "Pesanan dihapus: 01/06/2021, Pak Hadi" in offer.inner_text()
    assert "Anda dapat membatalkannya sampai pukul" in offer.inner_text()
    assert not Order.objects.exists()
    assert "Pak Hadi" not in page.locator(".record-list").inner_text()
    assert page_is_narrow_enough(page)
    undo = offer.get_by_role("button", name="Batalkan")
    assert _height(undo) >= TAP
    undo.tap()

    page.locator(".messages .success").wait_for()
    assert "Dikembalikan: Pesanan, 01/06/2021, Pak Hadi" in page.locator(".messages .success").inner_text()
    assert "Pak Hadi" in page.locator(".record-list").inner_text()
    restored = Order.objects.get()
    assert (
        restored.pk,
        restored.date,
        restored.customer,
        restored.product,
        restored.kg,
        restored.amount_rp,
    ) == kept
    assert page.url.endswith(reverse("records:orders", args=[enterprise.pk]))

"""In a real browser on a 360-pixel phone, in Indonesian: a refused day is never taken for a saved
one (the summary at the top, the first field in error focused and in view), an empty day is not
"saved", and "same as yesterday" fills the form for the owner to check and save."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.urls import reverse

from kinerja_web.records import services
from kinerja_web.records.models import Attendance, DailyOperation, Sale
from kinerja_web.tests.factories import PASSWORD, EnterpriseFactory, WorkerFactory, owner

pytest_plugins = ["kinerja_web.testing.browser"]
DAY = datetime.date(2021, 6, 1)
IN_VIEW = """el => { const r = el.getBoundingClientRect();
  return r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth; }"""


def _log_in(page, live_server) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "owner1")
    page.fill("input[name=password]", PASSWORD)
    page.press("input[name=password]", "Enter")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def _shop():
    enterprise = EnterpriseFactory(name="UD Pramitha Salsabila")
    user = owner(enterprise, "owner1")
    for name in ("Suwarno", "Sumiati", "Jumani", "Sutini", "Rohmah"):
        WorkerFactory(enterprise=enterprise, name=name, start_date=datetime.date(2020, 6, 1))
    return enterprise, user


def test_a_refused_day_shows_the_summary_and_focuses_the_first_error(
    phone_page, live_server, transactional_db
):
    from kinerja_web.testing.browser import page_is_narrow_enough

    enterprise, _ = _shop()
    page = phone_page
    _log_in(page, live_server)
    page.goto(live_server.url + reverse("records:day", args=[enterprise.pk, DAY]))
    header = page.locator("header.site-header").bounding_box()
    assert header["height"] <= 800 / 8, "the header takes more than an eighth of the screen"

    page.fill("input[name=operating_hours]", "3")
    page.fill("input[name=rotation_hours]", "5")  # more than the operating hours
    page.fill("input[name='production-0-product']", "Gula kelapa cetak")  # no kg
    page.fill("input[name=sales_rp]", "12abc")
    page.locator("button.save").tap()
    page.locator("#error-summary:not([hidden])").wait_for()

    summary = page.locator("#error-summary")
    text = summary.inner_text()
    assert text.startswith("Belum tersimpan.")
    assert "Jam dengan rotasi kerja" in text or "rotasi" in text.lower()
    assert summary.locator("li").count() == 3
    focused = page.evaluate("document.activeElement.name")
    assert focused == "rotation_hours"  # the first field in error, in the page's order
    assert page.evaluate(IN_VIEW, page.locator("input[name=rotation_hours]").element_handle())
    assert page.locator(".saved-panel").count() == 0
    assert page_is_narrow_enough(page)

    # A link of the summary takes the owner to its field.
    summary.locator("li a").nth(2).tap()
    assert page.evaluate("document.activeElement.name") == "sales_rp"
    assert not DailyOperation.objects.exists() and not Sale.objects.exists()


def test_an_empty_day_is_refused_with_the_reason_on_top(phone_page, live_server, transactional_db):
    enterprise, _ = _shop()
    page = phone_page
    _log_in(page, live_server)
    page.goto(live_server.url + reverse("records:day", args=[enterprise.pk, DAY]))
    page.locator("button.save").tap()
    page.locator("#error-summary:not([hidden])").wait_for()
    assert "Tidak ada yang diisi, jadi tidak ada yang disimpan" in page.locator("#error-summary").inner_text()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.evaluate(IN_VIEW, page.locator("#error-summary").element_handle())
    assert page.locator(".saved-panel").count() == 0
    assert not Attendance.objects.exists()


def test_same_as_yesterday_then_save(phone_page, live_server, transactional_db):
    enterprise, user = _shop()
    workers = list(enterprise.workers.order_by("name"))
    services.day_save(
        enterprise=enterprise,
        date=DAY - datetime.timedelta(days=1),
        attendance={worker.pk: "present" for worker in workers},
        operating_hours=Decimal("3.5"),
        rotation_hours=None,
        production=[("Gula kelapa cetak", Decimal("262.5"))],
        sales_rp=1_250_000,
        actor=user,
    )
    page = phone_page
    _log_in(page, live_server)
    page.goto(live_server.url + reverse("records:day", args=[enterprise.pk, DAY]))
    page.get_by_role("link", name="Sama seperti kemarin").tap()
    page.locator(".prefill-panel").wait_for()
    assert "Senin, 31 Mei 2021" in page.locator(".prefill-panel").inner_text()
    assert page.locator("input[name=operating_hours]").input_value() == "3,5"
    assert not Attendance.objects.filter(date=DAY).exists()  # nothing saved yet
    page.fill("input[name=sales_rp]", "1.100.000")
    page.locator("button.save").tap()
    page.locator(".saved-panel").wait_for()
    assert Attendance.objects.filter(date=DAY, status="present").count() == 5
    assert Sale.objects.get(date=DAY).amount_rp == 1_100_000

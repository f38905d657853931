"""In a real browser on a 360-pixel phone: an owner records a week and sees its totals."""

from __future__ import annotations

import datetime

from django.urls import reverse

from kinerja_web.records.models import Attendance, DailyOperation, Production, Sale
from kinerja_web.records.selectors import week_start
from kinerja_web.records.services import today
from kinerja_web.tests.factories import PASSWORD, EnterpriseFactory, WorkerFactory, owner

pytest_plugins = ["kinerja_web.testing.browser"]


def _log_in(page, live_server, username: str, password: str) -> None:
    # testing.browser.log_in clicks the first submit button of the page, which is the header's
    # language switch; submit the login form itself instead.
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.press("input[name=password]", "Enter")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_owner_records_a_week_on_a_phone_and_sees_the_totals(phone_page, live_server, transactional_db):
    from kinerja_web.testing.browser import page_is_narrow_enough  # after pytest_plugins loaded it

    enterprise = EnterpriseFactory(name="UD Pramitha Salsabila")
    owner(enterprise, "owner1")
    start = datetime.date(2020, 6, 1)
    suwarno = WorkerFactory(enterprise=enterprise, name="Suwarno", start_date=start)
    sumiati = WorkerFactory(enterprise=enterprise, name="Sumiati", start_date=start)
    jumani = WorkerFactory(enterprise=enterprise, name="Jumani", is_permanent=False, start_date=start)
    monday = week_start(today()) - datetime.timedelta(days=7)  # last week: every day is in the past
    page = phone_page

    _log_in(page, live_server, "owner1", PASSWORD)
    page.goto(live_server.url + reverse("records:day", args=[enterprise.pk, monday]))
    for offset in range(7):
        day = monday + datetime.timedelta(days=offset)
        assert page_is_narrow_enough(page), f"the day form scrolls sideways on {day}"
        page.locator(f"label.seg-present:has(input[name='worker_{suwarno.pk}'])").tap()
        page.locator(f"label.seg-present:has(input[name='worker_{sumiati.pk}'])").tap()
        page.locator(f"label.seg-absent:has(input[name='worker_{jumani.pk}'])").tap()
        assert page.locator(f"input[name='worker_{sumiati.pk}'][value='present']").is_checked()
        page.fill("input[name=operating_hours]", "3,5")
        page.fill("input[name=rotation_hours]", "1")
        page.fill("input[name='production-0-product']", "Gula kelapa cetak")
        page.fill("input[name='production-0-kg']", "262,5")
        page.fill("input[name='production-1-product']", "Gula kelapa beryodium")
        page.fill("input[name='production-1-kg']", "87,5")
        page.fill("input[name=sales_rp]", "1.250.000")
        page.locator("button.save").tap()
        page.locator(".saved-panel").wait_for()
        assert page_is_narrow_enough(page)
        if offset < 6:
            page.locator(".saved-panel a.button:not(.secondary)").tap()  # record the next day
            page.wait_for_url(f"**/day/{day + datetime.timedelta(days=1)}/")

    page.locator(".saved-panel a.button.secondary").tap()  # see the week
    page.locator(".week-totals").wait_for()
    assert page_is_narrow_enough(page), "the week view scrolls sideways"
    totals = page.locator(".week-totals").inner_text()
    assert "7 / 7" in totals
    assert "14" in totals  # present worker-days: two workers, seven days
    assert "24,5" in totals  # operating hours
    assert "2.450 kg" in totals  # 350 kg a day
    assert "Rp 8.750.000" in totals
    assert page.locator(".week-grid a.day-card").count() == 7

    page.locator(".week-grid a.day-card").nth(2).tap()  # tapping a day opens its entry
    page.wait_for_url(f"**/day/{monday + datetime.timedelta(days=2)}/")
    assert page.locator("input[name=sales_rp]").input_value() == "1.250.000"
    assert page.locator(f"input[name='worker_{jumani.pk}'][value='absent']").is_checked()

    assert Attendance.objects.filter(enterprise=enterprise, status="present").count() == 14
    assert DailyOperation.objects.filter(enterprise=enterprise).count() == 7
    assert Production.objects.filter(enterprise=enterprise).count() == 14
    assert sum(Sale.objects.filter(enterprise=enterprise).values_list("amount_rp", flat=True)) == 8_750_000

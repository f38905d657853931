"""In a real browser on a 360-pixel phone: the owner makes a worker link from the round's page of
their enterprise; the worker, without an account, opens it and fills in the questionnaire by
tapping anchored levels; the owner and the facilitator rate the same worker; the item where they
differ by two levels or more shows at the top of the round page with every source's level."""

from __future__ import annotations

import re

from kinerja_web.competency.models import Rating, Source
from kinerja_web.competency.tests.test_rounds import make_site
from kinerja_web.testing.browser import PHONE, log_in, page_is_narrow_enough
from kinerja_web.tests.factories import PASSWORD

pytest_plugins = ["kinerja_web.testing.browser"]


def _phone(browser):
    context = browser.new_context(viewport=PHONE, locale="id-ID", has_touch=True)
    context.set_default_timeout(15_000)
    return context, context.new_page()


def _set_password(*users):
    for user in users:
        user.set_password(PASSWORD)
        user.save()


def test_worker_owner_and_facilitator_rate_and_the_flag_shows(
    browser, phone_page, live_server, transactional_db
):
    site = make_site()
    _set_password(site.owner, site.facilitator)
    m1, p1 = site.items[0], site.items[2]
    page = phone_page

    # The owner reaches the round from their enterprise and makes a link for Suparman.
    log_in(page, live_server, site.owner.username, PASSWORD)
    page.goto(f"{live_server.url}/competency/enterprises/{site.enterprise.pk}/rounds/")
    page.get_by_role("link", name="Asesmen awal 2026").click()
    page.locator(f"a[href$='/enterprises/{site.enterprise.pk}/links/new/']").click()
    page.select_option("select[name=worker]", str(site.worker.pk))
    page.locator("main form [type=submit]").click()
    url = page.input_value("#worker-link-url")
    assert re.search(r"/competency/w/[A-Za-z0-9_-]{43}/$", url)
    assert page.locator("a[href^='https://wa.me/?text=']").count() == 1
    assert page_is_narrow_enough(page)

    # The worker opens the link on their own phone: nothing but their questionnaire.
    context, worker_page = _phone(browser)
    try:
        worker_page.goto(url)
        assert worker_page.locator("h1").inner_text() == "Suparman"
        assert "UD Pramitha" in worker_page.content()
        assert worker_page.locator("nav").count() == 0 and "Sutini" not in worker_page.content()
        worker_page.get_by_text("5. Mengajari orang lain menyadap.").click()  # tap the anchor sentence
        worker_page.locator(f"input[name=level_{m1.pk}][value='5']").check()
        assert page_is_narrow_enough(worker_page)
        worker_page.locator("main form [type=submit]").click()
        worker_page.wait_for_selector("text=Terima kasih")
    finally:
        context.close()
    self_levels = dict(Rating.objects.filter(source=Source.SELF).values_list("item__code", "level"))
    assert self_levels == {"M1": 5, "P1": 5}

    # The owner rates the same worker.
    page.goto(f"{live_server.url}/competency/rounds/{site.round.pk}/enterprises/{site.enterprise.pk}/")
    page.locator(f"a[href$='/workers/{site.worker.pk}/rate/']").first.click()
    page.locator(f"input[name=level_{m1.pk}][value='4']").check()
    page.locator(f"input[name=level_{p1.pk}][value='4']").check()
    assert page_is_narrow_enough(page)
    page.locator("form.rating-form [type=submit]").click()
    page.wait_for_selector(".messages .success")

    # The facilitator, by observation, sees Suparman lower on M1 and says why.
    context, facilitator_page = _phone(browser)
    try:
        log_in(facilitator_page, live_server, site.facilitator.username, PASSWORD)
        facilitator_page.goto(
            f"{live_server.url}/competency/rounds/{site.round.pk}/enterprises/{site.enterprise.pk}"
            f"/workers/{site.worker.pk}/rate/"
        )
        facilitator_page.select_option("select[name=method]", "observation")
        facilitator_page.locator(f"input[name=level_{m1.pk}][value='2']").check()
        facilitator_page.locator("#item-M1 summary").click()
        facilitator_page.fill(f"textarea[name=note_{m1.pk}]", "Belum ada rencana tertulis.")
        facilitator_page.locator("form.rating-form [type=submit]").click()
        facilitator_page.wait_for_selector(".messages .success")
        # After saving, each source's level is shown under the item.
        saved = facilitator_page.locator("#item-M1 .sources-now").inner_text()
        assert "5" in saved and "4" in saved and "2" in saved

        facilitator_page.goto(f"{live_server.url}/competency/rounds/{site.round.pk}/")
        flag = facilitator_page.locator(".flags .flag").first
        text = flag.inner_text()
        assert "Suparman" in text and "M1" in text and "Belum ada rencana tertulis." in text
        assert facilitator_page.locator(".flags .flag").count() == 1  # P1: self 5, owner 4 agree enough
        assert page_is_narrow_enough(facilitator_page)
    finally:
        context.close()

"""In a real browser on a 360-pixel phone: the owner follows links from the home page to their
enterprise's gaps; the heat map (wider than the phone: eight areas) scrolls sideways inside its
own box with the people's names staying in view, the page itself never scrolls sideways, every
cell shows its number; the importance-performance chart fits the screen. The facilitator's
cluster page and a person's items (cards on a phone) fit too.
"""

from __future__ import annotations

from kinerja_web.competency.models import Rating
from kinerja_web.competency.tests import factories as cf
from kinerja_web.competency.tests.gaps_world import build_gap_world
from kinerja_web.testing.browser import log_in, page_is_narrow_enough
from kinerja_web.tests.factories import PASSWORD

pytest_plugins = ["kinerja_web.testing.browser"]

EXTRA_AREAS = (
    "Teknologi produksi dan otomasi",
    "E-commerce dan pemasaran digital",
    "Kreativitas dan inovasi",
    "Komunikasi",
    "Pelayanan pelanggan",
    "Higienitas dan keamanan pangan",
)


def _wide_world():
    world = build_gap_world()
    production = world.workers["siti"].role
    for position, name in enumerate(EXTRA_AREAS, start=10):
        area = cf.AreaFactory(framework=world.framework, name=name, position=position)
        item = cf.ItemFactory(framework=world.framework, area=area, code=f"X{position}", position=position)
        cf.RequiredLevelFactory(framework=world.framework, role=production, item=item, level=4)
        for key in ("siti", "ani", "rina"):
            worker = world.workers[key]
            Rating.objects.create(
                round=world.round,
                enterprise=worker.enterprise,
                worker=worker,
                item=item,
                source="owner",
                level=2,
            )
    return world


def _scroller(page):
    return page.evaluate(
        "(() => { const w = document.querySelector('.heat-wrap');"
        " return {scroll: w.scrollWidth, client: w.clientWidth}; })()"
    )


def test_owner_reads_the_heat_map_on_a_phone(phone_page, live_server, transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    world = _wide_world()
    page = phone_page
    log_in(page, live_server, "gaps_owner", PASSWORD)

    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="UD Satu").first.click()
    main = page.locator("main")
    main.get_by_role("link", name="Kesenjangan kompetensi").click()  # the enterprise page's link
    main.get_by_role("link", name=world.round.name).click()
    satu = world.enterprises["satu"]
    page.wait_for_url(f"**/gaps/rounds/{world.round.pk}/enterprises/{satu.pk}/")
    page.wait_for_selector("table.heatmap")

    assert page_is_narrow_enough(page)
    box = _scroller(page)
    assert box["scroll"] > box["client"]  # eight areas: wider than the phone, so it scrolls inside
    heat = page.locator("table.heatmap").first
    siti = heat.locator("tbody tr", has_text="Siti")
    assert siti.locator("td").first.inner_text().strip() == "0,50"
    cells = heat.locator("tbody td.heat")
    for index in range(cells.count()):
        assert cells.nth(index).inner_text().strip()  # a number (or –) in every cell
    name = siti.locator("th.row-head")
    before = name.bounding_box()
    page.evaluate("document.querySelector('.heat-wrap').scrollLeft = 10000")
    after = name.bounding_box()
    assert after["x"] == before["x"] and after["x"] >= 0  # the names stay in view
    last = heat.locator("thead th.area").last.bounding_box()
    assert last["x"] + last["width"] <= 360 + 1  # the last area can be scrolled into view

    chart = page.locator("svg.ip-chart")
    chart_box = chart.bounding_box()
    assert chart_box["x"] >= 0 and chart_box["x"] + chart_box["width"] <= 360
    assert chart.locator("g.point").count() >= 3

    page.get_by_role("link", name="Siti").first.click()
    page.wait_for_selector("table.person-items")
    assert page_is_narrow_enough(page)
    gap = page.locator("table.person-items tr[data-item=M1] td.gap")
    gap_box = gap.bounding_box()
    assert gap.inner_text().strip().endswith("1,00") and gap_box["x"] + gap_box["width"] <= 360


def test_facilitator_cluster_page_fits_a_phone(phone_page, live_server, transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    world = _wide_world()
    page = phone_page
    log_in(page, live_server, "gaps_facilitator", PASSWORD)
    page.goto(f"{live_server.url}/competency/gaps/rounds/{world.round.pk}/clusters/{world.lojejer.pk}/")
    page.wait_for_selector("table.heatmap")
    assert page_is_narrow_enough(page)
    rows = page.locator("table.heatmap").first.locator("tbody th.row-head")
    assert [rows.nth(i).inner_text().strip() for i in range(rows.count())] == ["UD Dua", "UD Satu"]
    assert page.locator("ol.common-gaps li").count() >= 3

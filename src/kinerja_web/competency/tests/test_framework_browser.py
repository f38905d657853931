"""In a real browser on a 360 px phone: an administrator rewrites an item's five levels (the page
names the level left empty) and sets required levels one role at a time."""

from __future__ import annotations

from django.urls import reverse
from playwright.sync_api import expect

from kinerja_web.competency.services import framework as services
from kinerja_web.testing.browser import page_is_narrow_enough
from kinerja_web.tests.factories import PASSWORD, ProgramFactory, program_admin

pytest_plugins = ["kinerja_web.testing.browser"]


def _log_in(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.press("input[name=password]", "Enter")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_administrator_edits_anchors_and_required_levels_on_a_phone(
    phone_page, live_server, transactional_db
):
    program = ProgramFactory(name="Program Gula")
    admin = program_admin(program, "admin_gula")
    framework = services.framework_create(
        program=program, name="", language="id", from_template=True, actor=admin
    )
    item = framework.items.get(code="P3")
    page = phone_page
    _log_in(page, live_server, "admin_gula")

    # From the menu (on a phone, behind the header's Menu button) to the framework and the item.
    page.locator("button.menu-toggle").click()
    page.get_by_role("navigation", name="Menu utama").get_by_role(
        "link", name="Kompetensi", exact=True
    ).click()
    page.get_by_role("link", name="Kompetensi SDM UMKM").click()
    page.wait_for_url(f"**{reverse('competency:framework_detail', args=[framework.pk])}")
    assert page_is_narrow_enough(page)
    page.locator(f"#item-{item.pk} summary").click()
    page.locator(f"#item-{item.pk}").get_by_role("link", name="Ubah tingkat").click()
    page.wait_for_url(f"**{reverse('competency:item_anchors', args=[item.pk])}")
    assert page_is_narrow_enough(page)

    # Level 4 left empty: the page says which level is missing and keeps what was typed.
    for level in range(1, 6):
        page.fill(
            f"textarea[name=level_{level}]", "" if level == 4 else f"Tingkat {level} di rumah produksi."
        )
    page.get_by_role("button", name="Simpan").click()
    expect(page.locator(".errorlist").first).to_be_visible()
    assert "4" in page.locator(".errorlist.nonfield").inner_text()
    assert page.input_value("textarea[name=level_1]") == "Tingkat 1 di rumah produksi."
    assert item.anchors.get(level=4).description.startswith("Mengeringkan")

    page.fill("textarea[name=level_4]", "Menimbang dan mengemas tanpa cacat.")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(f"**{reverse('competency:item_detail', args=[item.pk])}")
    expect(page.get_by_text("Menimbang dan mengemas tanpa cacat.")).to_be_visible()
    assert {a.level: a.description for a in item.anchors.all()}[4] == "Menimbang dan mengemas tanpa cacat."

    # Required levels: one role's column at a time on a phone.
    page.get_by_role("link", name="Tingkat yang dipersyaratkan per peran").first.click()
    production = program.worker_roles.get(code="production")
    sales = program.worker_roles.get(code="sales")
    picker = page.locator("#role-pick")
    picker.wait_for(state="visible")  # the page is loaded and its script has shown the role picker
    picker.select_option(str(sales.pk))
    sales_cell = page.locator(f"select[name=level-{sales.pk}-{item.pk}]")
    production_cell = page.locator(f"select[name=level-{production.pk}-{item.pk}]")
    assert sales_cell.is_visible() and not production_cell.is_visible()
    assert page_is_narrow_enough(page)
    sales_cell.select_option("4")
    picker.select_option(str(production.pk))
    assert production_cell.is_visible() and not sales_cell.is_visible()
    production_cell.select_option("5")
    page.get_by_role("button", name="Simpan tingkat yang dipersyaratkan").click()
    page.wait_for_url(f"**{reverse('competency:required_levels', args=[framework.pk])}")
    expect(page.locator(".messages .success")).to_be_visible()
    levels = {row.role.code: row.level for row in framework.required_levels.filter(item=item)}
    assert levels["sales"] == 4 and levels["production"] == 5

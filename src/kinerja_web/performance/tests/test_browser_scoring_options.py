"""In Chromium at 360 px: the facilitator marks the KPI paper's work rotation not applicable for the
period and gives Table 1's "20 molds and 6000 litres" as two measured parts, from the scorecard's
rows; the scorecard then shows the row as not applicable, the parts, the renormalized total and
the options it was scored with, all within the phone's width.

Sources: Manggala et al. (2022), IOSR-JBM 24(9), Table 1 and the Discussion (work rotation starts
in the second month quarter). (94.783484 - 23.26) / 76.74 x 100 = 93.20.
"""

from __future__ import annotations

from kinerja_web.testing.browser import log_in, page_is_narrow_enough

pytest_plugins = ["kinerja_web.testing.browser"]


def test_facilitator_marks_rotation_not_applicable_and_equipment_in_parts_on_a_phone(
    phone_page, live_server, transactional_db, paper_world, settings
):
    from kinerja_web.tests.factories import PASSWORD

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    page = phone_page
    log_in(page, live_server, "facilitator1", PASSWORD)
    world = paper_world
    scorecard = f"{live_server.url}/performance/enterprises/{world.enterprise.pk}/periods/{world.period.pk}/"
    page.goto(scorecard)
    row = page.locator("table.scorecard tr", has_text="Work rotation")
    row.get_by_role("link", name="Tidak berlaku atau dalam bagian…").click()
    assert page_is_narrow_enough(page)
    page.get_by_label("Tidak berlaku pada periode ini").check()
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(scorecard)
    assert (
        "tidak berlaku pada periode ini"
        in page.locator("table.scorecard tr", has_text="Work rotation").inner_text()
    )
    assert page.locator(".score-summary .total").inner_text() == "93,20"
    assert "diskalakan ulang hingga berjumlah 100" in page.locator(".scoring-options").inner_text()

    page.locator("table.scorecard tr", has_text="Adding production equipment").get_by_role(
        "link", name="Tidak berlaku atau dalam bagian…"
    ).click()
    page.fill("#id_parts-0-name", "Cetakan")
    page.fill("#id_parts-0-unit", "cetakan")
    page.fill("#id_parts-0-target", "20")
    page.fill("#id_parts-0-actual", "15")
    page.fill("#id_parts-1-name", "Bahan baku")
    page.fill("#id_parts-1-unit", "L")
    page.fill("#id_parts-1-target", "6.000")
    page.fill("#id_parts-1-actual", "6.000")
    assert page_is_narrow_enough(page)
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(scorecard)
    equipment = page.locator("table.scorecard tr", has_text="Adding production equipment").inner_text()
    assert "Cetakan: 15 / 20 cetakan (75,00 %)" in equipment
    assert "87,50 %" in equipment  # the mean of 75 % and 100 %
    assert page_is_narrow_enough(page)

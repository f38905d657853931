"""In a real browser: owner1 (UD Pramitha Salsabila, the KPI paper's Table 1 enterprise) follows
links to the scorecard and the comparison, then switches to English and sees the labels and the
number format change (94,78 -> 94.78; Sangat Baik -> Very Good).

Source of the figures: Manggala et al. (2022), IOSR-JBM 24(9), Tables 1 and 2.
"""

from __future__ import annotations

from kinerja_web.programs.demo import load_demo

pytest_plugins = ["kinerja_web.testing.browser"]
PASSWORD = "browser-demo-42"


def _log_in(page, live_server, username: str, password: str) -> None:
    # The header's language switch is the first submit button of every page: submit the login form itself.
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.press("input[name=password]", "Enter")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_owner_reads_table1_and_table2_by_links_then_in_english(
    page, live_server, transactional_db, settings
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    load_demo(PASSWORD)
    _log_in(page, live_server, "owner1", PASSWORD)

    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="UD Pramitha Salsabila").first.click()
    page.get_by_role("link", name="Kartu skor", exact=True).click()
    page.get_by_role("link", name="Masa studi KPI 2021-2022").click()  # the period Table 1's targets are for
    summary = page.locator(".score-summary")
    assert summary.locator(".total").inner_text() == "94,78"
    assert summary.locator(".rating").inner_text() == "Sangat Baik"
    assert "Rp 407.243.250" in page.locator("table.scorecard").inner_text()

    page.get_by_role("link", name="Bandingkan periode").first.click()
    changes = page.locator("table.changes").inner_text()
    assert "+53,04 %" in changes and "+34,66 %" in changes  # Table 2's turnover, both bases
    assert page.locator("svg.chart").count() == 3

    assert "Tabel 1" in page.locator(".source-notes").inner_text()  # where the paper contradicts itself
    page.locator("a", has_text="Kartu skor:").first.click()  # back to the scorecards
    page.get_by_role("link", name="Masa studi KPI 2021-2022").first.click()
    page.select_option("#language-switch", "en")
    page.locator("form:has(#language-switch) button[type=submit]").click()  # (logout comes first now)
    page.wait_for_load_state()
    summary = page.locator(".score-summary")
    assert summary.locator(".total").inner_text() == "94.78"
    assert summary.locator(".rating").inner_text() == "Very Good"
    assert "Rp 407,243,250" in page.locator("table.scorecard").inner_text()
    assert page.get_by_role("link", name="Compare periods").count() == 1


def test_on_a_phone_every_indicator_shows_its_score_without_scrolling_sideways(
    phone_page, live_server, transactional_db, paper_world, settings
):
    from kinerja_web.tests.factories import PASSWORD

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    page = phone_page
    _log_in(page, live_server, "owner1", PASSWORD)
    page.goto(
        f"{live_server.url}/performance/enterprises/{paper_world.enterprise.pk}/periods/{paper_world.period.pk}/"
    )

    table = page.locator("table.scorecard")
    wrap = page.evaluate(
        "(() => { const w = document.querySelector('.table-wrap');"
        " return [w.scrollWidth, w.clientWidth]; })()"
    )
    scores = table.locator("tbody td.score")
    assert wrap[0] <= wrap[1]  # the table fits: nothing to swipe
    assert scores.count() == 9 + 3  # Table 1's nine indicators and three subtotals
    for index in range(scores.count()):
        box = scores.nth(index).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360
    label = scores.first.evaluate("e => getComputedStyle(e, '::before').content")
    assert label == '"Skor"' and scores.first.inner_text() == "13,44"  # labelled; Table 1's row 1
    assert table.locator("td.total-score").inner_text().endswith("94,78")
    # Typed figures (Table 1 gives every realization directly) are marked in the phone's cards too,
    # within the screen, and the legend says what the mark means.
    marks = table.locator("tbody .typed")
    assert marks.count() == 9
    for index in range(marks.count()):
        box = marks.nth(index).bounding_box()
        assert box is not None and box["width"] > 0 and box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert "diketik manual" in page.locator(".typed-legend").inner_text()


_LABEL_BOXES = """svg => [...svg.querySelectorAll('.period-label, .value, .band-label')].map(t => {
    const b = t.getBBox(); return [t.textContent, b.x, b.y, b.x + b.width, b.y + b.height]; })"""


def _overlapping(boxes):
    return [
        (a[0], b[0])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5 and a[2] < b[4] - 0.5 and b[2] < a[4] - 0.5
    ]


def test_on_a_phone_the_comparison_is_cards_per_indicator_and_chart_labels_do_not_overlap(
    phone_page, live_server, transactional_db, settings
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    load_demo(PASSWORD)  # owner1: five periods, 2021's month quarters and 2026's quarters, innovations logged
    page = phone_page
    _log_in(page, live_server, "owner1", PASSWORD)
    page.get_by_role("link", name="Perbandingan", exact=True).first.click()
    page.wait_for_url("**/comparison/")
    page.wait_for_load_state("load")

    wraps = page.evaluate(
        "[...document.querySelectorAll('.table-wrap')].map(w => [w.scrollWidth, w.clientWidth])"
    )
    assert len(wraps) == 3 and all(scroll <= client for scroll, client in wraps)  # nothing to swipe
    first = page.locator("table.comparison tbody td.num").first
    assert first.evaluate("e => getComputedStyle(e, '::before').content") == '"Kuartal bulan 1"'
    change = page.locator("table.changes td.base-previous").first
    assert "Kuartal bulan 1 → Kuartal bulan 2" in change.evaluate(
        "e => getComputedStyle(e, '::before').content"
    )

    charts = page.locator("svg.chart")
    assert charts.count() == 3
    for index in range(3):
        boxes = charts.nth(index).evaluate(_LABEL_BOXES)
        assert len(boxes) >= 5  # the five periods' names, and the values where the chart prints them
        assert _overlapping(boxes) == []
    events = page.locator("ol.events li").count()
    assert events and charts.first.locator("g.event").count() == events  # every innovation still marked


def test_on_a_desktop_the_comparison_keeps_the_papers_table2(page, live_server, transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    load_demo(PASSWORD)
    _log_in(page, live_server, "owner1", PASSWORD)
    page.get_by_role("link", name="Perbandingan", exact=True).first.click()
    page.wait_for_url("**/comparison/")
    page.wait_for_load_state("load")
    header = page.locator("table.comparison thead").bounding_box()
    assert header is not None and header["height"] > 20  # the periods as column headers
    assert page.locator("table.comparison").evaluate("t => getComputedStyle(t).display") == "table"

"""In a real browser: the server-drawn charts fill the screen and their text stays readable.

The comparison page's charts (score trend, KPI contributions, turnover against HR indicator
scores, innovation events) and the gap pages' importance-performance chart used to scale a
fixed ``viewBox`` down to the phone, drawing 10-unit labels at 5 px. Here, on owner1's
comparison and facilitator1's gap pages of the demo, every text of every ``svg.chart`` renders at
11 px or more (its computed font size times the size the SVG is drawn at), at 360 px and at
1280 px, each chart spans the width it is given and stays on the screen, and on the comparison
page the charts come before the long table.
"""

from __future__ import annotations

from kinerja_web.programs.demo import load_demo
from kinerja_web.testing.browser import DESKTOP, log_in, page_is_narrow_enough

pytest_plugins = ["kinerja_web.testing.browser"]
PASSWORD = "charts-demo-42"
PHONE = {"width": 360, "height": 800}
SMALLEST = 11.0

#: Per chart: its width, its left and right on the screen, and each text's rendered size
#: (font size times the scale the SVG is drawn at) and box height, with the text itself.
_MEASURE = """() => [...document.querySelectorAll('svg.chart')].map(svg => {
    const box = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')].map(t => {
        const m = t.getScreenCTM();
        return [t.textContent, parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b),
                t.getBoundingClientRect().height];
    });
    return {left: box.left, right: box.right, width: box.width,
            parent: svg.parentElement.getBoundingClientRect().width, texts};
})"""


def _small_texts(charts: list[dict]) -> list[tuple[str, float]]:
    return [
        (text, round(size, 1))
        for chart in charts
        for text, size, height in chart["texts"]
        if size < SMALLEST or height < SMALLEST
    ]


def _gap_pages(page, live_server) -> list[str]:
    """facilitator1's gap pages of the demo's first round, by its links: the round's, a cluster's
    and an enterprise's."""
    page.goto(f"{live_server.url}/competency/gaps/")
    round_link = page.locator("main a[href*='/competency/gaps/rounds/']").first.get_attribute("href")
    page.goto(live_server.url + round_link)
    links = page.locator("main a[href*='/competency/gaps/rounds/']")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    cluster = next(href for href in hrefs if "/clusters/" in href)
    enterprise = next(href for href in hrefs if "/enterprises/" in href)
    return [round_link, cluster, enterprise]


def _check(page, live_server, address: str, screen: dict) -> list[dict]:
    page.goto(live_server.url + address)
    charts = page.evaluate(_MEASURE)
    assert charts, f"no chart on {address}"
    assert _small_texts(charts) == [], f"chart text under {SMALLEST} px on {address} at {screen['width']} px"
    for chart in charts:
        assert chart["left"] >= 0 and chart["right"] <= screen["width"]
        assert chart["width"] >= chart["parent"] - 20  # it fills its box rather than shrinking
        assert sum(len(text) for text, _size, _height in chart["texts"]) > 10  # it is labelled
    return charts


def test_chart_text_is_readable_on_a_phone_and_charts_come_before_the_comparison_table(
    browser, live_server, transactional_db, settings
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    load_demo(PASSWORD)
    for screen in (PHONE, DESKTOP):
        context = browser.new_context(viewport=screen, locale="id-ID", has_touch=screen is PHONE)
        context.set_default_timeout(15_000)
        page = context.new_page()

        log_in(page, live_server, "owner1", PASSWORD)
        page.get_by_role("link", name="Perbandingan", exact=True).first.click()
        page.wait_for_url("**/comparison/")
        comparison = page.url.removeprefix(live_server.url)
        charts = _check(page, live_server, comparison, screen)
        assert len(charts) == 3
        if screen is PHONE:
            assert page_is_narrow_enough(page)
            assert charts[0]["width"] >= 300  # the phone's width, not a scaled-down picture
        order = page.evaluate(
            """() => { const chart = document.querySelector('svg.chart');
                const table = document.querySelector('table.comparison');
                return [Boolean(chart.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING),
                        chart.getBoundingClientRect().top < table.getBoundingClientRect().top]; }"""
        )
        assert order == [True, True]  # the first chart comes before the long table

        page.context.clear_cookies()
        log_in(page, live_server, "facilitator1", PASSWORD)
        for address in _gap_pages(page, live_server):
            charts = _check(page, live_server, address, screen)
            assert len(charts) == 1  # the importance-performance chart
            if screen is PHONE:
                assert page_is_narrow_enough(page)
        context.close()

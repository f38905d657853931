"""In a real browser at 360 px: no page the link crawler reaches is wider than the screen.

The administrator, a facilitator and an owner of the demo program each open every kind of page
reachable by links from ``/`` (one address per URL name, found by the crawler of
``test_reachable``); on each, ``document.documentElement.scrollWidth`` must stay within the
360-pixel screen (a wide table scrolls inside its own box, ``.table-wrap``). The header of an
owner's page takes one line, and the owner's menu holds what an owner uses, in their words.
"""

from __future__ import annotations

from collections import deque

from django.test import Client

from kinerja_web.programs.demo import load_demo
from kinerja_web.tests.test_reachable import HREF, SKIP, _name_of

pytest_plugins = ["kinerja_web.testing.browser"]
PASSWORD = "phone-demo-42"
WIDTH = 360


def _addresses(user) -> list[str]:
    """One address per URL name reachable by links from ``/`` for ``user`` (HTML pages only)."""
    client = Client()
    client.force_login(user)
    seen, names, found = {"/"}, set(), []
    queue = deque(["/"])
    while queue and len(found) < 300:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        found.append(url)
        for href in HREF.findall(response.content.decode()):
            href = href.replace("&amp;", "&")
            if href in seen or href.startswith(SKIP) or ".csv" in href:
                continue
            seen.add(href)
            name = _name_of(href)
            if name not in names:
                names.add(name)
                queue.append(href)
    return found


def _log_in(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.press("input[name=password]", "Enter")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def _too_wide(page, live_server, addresses: list[str]) -> dict[str, str]:
    wide = {}
    for address in addresses:
        page.goto(live_server.url + address)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > WIDTH:
            culprit = page.evaluate(
                """() => { const out = [];
                for (const el of document.querySelectorAll('body *')) {
                  const r = el.getBoundingClientRect();
                  if (r.right > window.innerWidth + 1 && !el.closest('.table-wrap')) {
                    out.push(el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined
                      ? '.' + String(el.className).split(' ').join('.') : '') + ' ' + Math.round(r.right));
                  }
                  if (out.length > 2) break;
                } return out.join(', '); }"""
            )
            wide[address] = f"{width} px: {culprit}"
    return wide


def test_no_page_is_wider_than_a_360_px_phone(phone_page, live_server, transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    demo = load_demo(PASSWORD)
    page = phone_page
    wide: dict[str, dict[str, str]] = {}
    visited = 0
    for username in ("admin", "facilitator1", "owner1"):
        addresses = _addresses(demo.users[username])
        visited += len(addresses)
        page.context.clear_cookies()
        _log_in(page, live_server, username)
        found = _too_wide(page, live_server, addresses)
        if found:
            wide[username] = found
    assert visited > 60
    assert wide == {}, "pages wider than the 360 px screen"

    # The dashboard's charts fill the phone's width and their labels stay readable (>= 12 px).
    from django.urls import reverse

    page.context.clear_cookies()
    _log_in(page, live_server, "admin")
    page.goto(live_server.url + reverse("dashboards:program", args=[demo.program.pk]))
    chart = page.locator("svg.dashboard-chart").first
    assert chart.bounding_box()["width"] >= WIDTH - 40
    sizes = chart.evaluate(
        "svg => Array.from(svg.querySelectorAll('text')).map(t => t.getBoundingClientRect().height"
        " && parseFloat(getComputedStyle(t).fontSize) * svg.getScreenCTM().a)"
    )
    assert sizes and min(sizes) >= 12


def test_an_owners_header_is_one_line_and_the_menu_is_theirs(
    phone_page, live_server, transactional_db, settings
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    load_demo(PASSWORD)
    page = phone_page
    page.set_viewport_size({"width": WIDTH, "height": 800})
    _log_in(page, live_server, "owner1")
    page.goto(live_server.url + "/")
    assert page.locator("header.site-header").bounding_box()["height"] <= 800 / 12
    assert page.locator(".site-nav").is_hidden()
    toggle = page.locator(".menu-toggle")
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.tap()
    assert toggle.get_attribute("aria-expanded") == "true"
    labels = [text.strip() for text in page.locator(".site-nav a").all_inner_texts()]
    assert labels[:2] == ["Beranda", "Catat hari ini"]
    assert "Usaha saya" in labels
    for facilitators_word in ("Program", "Periode", "Klaster"):
        assert facilitators_word not in labels
    for link in page.locator(".site-nav a, .menu-toggle").all():
        assert link.bounding_box()["height"] >= 44
    # the skip link is the first thing a keyboard reaches, and leads to the content
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

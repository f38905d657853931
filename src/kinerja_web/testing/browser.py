"""Playwright fixtures for browser tests in Debian's headless Chromium.

Load with ``pytest_plugins = ["kinerja_web.testing.browser"]`` in a conftest. Tests that use
these fixtures are marked ``browser``. Playwright's own browser download does not work on
machines without internet, so the system Chromium is launched (``KINERJA_CHROMIUM``
overrides its path) with the flags that keep it off the network.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import pytest

CHROMIUM = os.environ.get("KINERJA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(items):
    for item in items:
        if {"browser", "page", "phone_page", "csp_page"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run."""
    # Playwright's sync API runs an event loop in this thread; the live server's ORM calls
    # from the test body are still synchronous, which Django must be told is fine.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


def _new_page(browser, viewport: dict, *, has_touch: bool = False, bypass_csp: bool = True):
    # Playwright's ``wait_for_function`` compiles its predicate in the page, which the site's
    # Content-Security-Policy (no eval) refuses: these pages bypass the policy; ``csp_page``
    # keeps it, for the test that the pages break none of it (tests/test_csp_browser.py).
    context = browser.new_context(
        viewport=viewport, locale="id-ID", has_touch=has_touch, bypass_csp=bypass_csp
    )
    context.set_default_timeout(15_000)
    return context, context.new_page()


@pytest.fixture
def page(browser, live_server) -> Iterator:
    """A desktop-sized page; the live server's address is ``live_server.url``."""
    context, new_page = _new_page(browser, DESKTOP)
    yield new_page
    context.close()


@pytest.fixture
def phone_page(browser, live_server) -> Iterator:
    """A 360-pixel-wide touch screen, the size of the owners' phones."""
    context, new_page = _new_page(browser, PHONE, has_touch=True)
    yield new_page
    context.close()


@pytest.fixture
def csp_page(browser, live_server) -> Iterator:
    """A desktop-sized page under the site's Content-Security-Policy (no ``wait_for_function``)."""
    context, new_page = _new_page(browser, DESKTOP, bypass_csp=False)
    yield new_page
    context.close()


def log_in(page, live_server, username: str, password: str) -> None:
    """Log in through the real login form and wait until it has gone."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.locator("form:has(input[name=password]) [type=submit]").first.click()
    page.wait_for_url(re.compile(r"^(?!.*/accounts/login/).*$"))


def page_is_narrow_enough(page) -> bool:
    """Nothing on the page makes a phone scroll sideways."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")

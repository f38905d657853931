"""Everything a user may use is reachable from ``/`` by links (WEB-CONTRACT.md), and no page fails.

The crawler logs in as each demo role, follows every same-site link (GET only) from ``/`` and
checks that no page answers 500 and that, for the administrator, every named page of Kinerja's
apps was reached, except those listed in an app's ``NOT_LINKED`` (POST-only actions, pages
reached only by a redirect).
"""

from __future__ import annotations

import re
from collections import deque

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

from kinerja_web.programs.demo import load_demo
from kinerja_web.tests.cross_tenant import APPS, not_linked

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="(/[^"#]*)"')
SKIP = ("/admin/", "/static/", "/media/", "/i18n/", "/accounts/logout/")
MAX_PAGES = 600


def _url_names() -> set[str]:
    """Names of every URL of Kinerja's apps (namespaced) and of the site."""
    names: set[str] = set()

    def walk(patterns, namespace):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                if entry.namespace == "admin":
                    continue
                walk(entry.url_patterns, inner)
            elif isinstance(entry, URLPattern) and entry.name:
                names.add(f"{namespace}{entry.name}")

    walk(get_resolver().url_patterns, "")
    return {n for n in names if n.split(":")[0] in APPS or ":" not in n}


def crawl(client, start: str = "/") -> tuple[set[str], list[tuple[str, int]]]:
    seen, reached, failures = {start}, set(), []
    queue = deque([start])
    while queue and len(seen) <= MAX_PAGES:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code >= 500:
            failures.append((url, response.status_code))
            continue
        if response.status_code != 200:
            continue
        try:
            match = resolve(url.split("?")[0])
            reached.add(f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name)
        except Resolver404:
            pass
        if "text/html" not in response.get("Content-Type", ""):
            continue
        for href in HREF.findall(response.content.decode()):
            href = href.replace("&amp;", "&")
            if href not in seen and not href.startswith(SKIP):
                seen.add(href)
                queue.append(href)
    return reached, failures


@pytest.fixture
def demo(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return load_demo("test-password")


@pytest.mark.parametrize("username", ["admin", "facilitator1", "owner1"])
def test_no_page_reached_by_links_fails(client, demo, username):
    client.force_login(demo.users[username])
    _, failures = crawl(client)
    assert failures == []


def test_administrator_reaches_every_page_by_links(client, demo):
    client.force_login(demo.users["admin"])
    reached, _ = crawl(client)
    expected = _url_names() - not_linked() - {"healthz", "set_language"}
    assert sorted(expected - reached) == []

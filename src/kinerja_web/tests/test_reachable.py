"""Everything a user may use is reachable from ``/`` by links (WEB-CONTRACT.md), and no page fails.

The crawler logs in as each demo role, follows every same-site link (GET only) from ``/`` and
checks that no page answers 500 and that, for the administrator, every named page of Kinerja's
apps was reached, except those listed in an app's ``NOT_LINKED`` (POST-only actions, pages
reached only by a redirect).
"""

from __future__ import annotations

import re
from collections import Counter, deque

from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

from kinerja_web.programs.demo import load_demo
from kinerja_web.tests.cross_tenant import NAMESPACES, not_linked

HREF = re.compile(r'href="(/[^"#]*)"')
SKIP = ("/admin/", "/static/", "/media/", "/i18n/", "/accounts/logout/")
PER_PAGE_KIND = 3  # visit at most this many addresses of one URL name (one per object is enough)
MAX_PAGES = 400


def _url_names() -> set[str]:
    """Names of every URL of Kinerja's apps (namespaced) and of the site."""
    names: set[str] = set()

    def walk(patterns, namespace):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                if entry.namespace == "admin":
                    continue
                inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                walk(entry.url_patterns, inner)
            elif isinstance(entry, URLPattern) and entry.name:
                names.add(f"{namespace}{entry.name}")

    walk(get_resolver().url_patterns, "")
    return {n for n in names if n.split(":")[0] in NAMESPACES or ":" not in n}


def _name_of(url: str) -> str | None:
    try:
        match = resolve(url.split("?")[0])
    except Resolver404:
        return None
    return f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name


def crawl(client, start: str = "/") -> tuple[set[str], list[tuple[str, int]]]:
    """Follow links from ``start``: the URL names answered 200, and the pages that failed."""
    seen, reached, failures = {start}, set(), []
    per_name: Counter[str | None] = Counter()
    queue = deque([start])
    visited = 0
    while queue and visited < MAX_PAGES:
        url = queue.popleft()
        visited += 1
        response = client.get(url)
        if response.status_code >= 500:
            failures.append((url, response.status_code))
            continue
        if response.status_code != 200:
            continue
        reached.add(_name_of(url))
        if "text/html" not in response.get("Content-Type", ""):
            continue
        for href in HREF.findall(response.content.decode()):
            href = href.replace("&amp;", "&")
            if href in seen or href.startswith(SKIP):
                continue
            seen.add(href)
            name = _name_of(href)
            if per_name[name] < PER_PAGE_KIND:
                per_name[name] += 1
                queue.append(href)
    return reached, failures


def test_every_page_is_reachable_by_links_and_none_fails(client, db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    demo = load_demo("test-password")

    client.force_login(demo.users["admin"])
    reached, failures = crawl(client)
    assert failures == []
    expected = _url_names() - not_linked() - {"healthz", "set_language"}
    assert sorted(expected - reached) == [], "pages not reachable by links from / (or not 200)"

    for username in ("facilitator1", "owner1"):
        client.force_login(demo.users[username])
        _, failures = crawl(client)
        assert failures == [], username

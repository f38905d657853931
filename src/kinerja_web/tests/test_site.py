"""Site-wide behaviour: health check, error pages, language, menus (WEB-CONTRACT.md)."""

from __future__ import annotations

import pytest
from django.db import DatabaseError
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_without_login(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")


def test_healthz_answers_503_when_the_database_does_not(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr("kinerja_web.views.connection.cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert b"ok" not in response.content


def test_unknown_page_is_a_plain_apology(client, world):
    client.force_login(world.owner_a1)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


@override_settings(DEBUG_PROPAGATE_EXCEPTIONS=False)
def test_unexpected_error_is_a_plain_apology_page(client, world, monkeypatch):
    def crash(user):
        raise RuntimeError("bug")

    monkeypatch.setattr("kinerja_web.selectors.home_for", crash)
    client.raise_request_exception = False
    client.force_login(world.owner_a1)
    response = client.get("/")
    assert response.status_code == 500
    assert "Terjadi kesalahan" in response.content.decode()


def test_indonesian_is_the_default_and_english_a_switch_away(client, world):
    client.force_login(world.owner_a1)
    assert "Beranda" in client.get("/").content.decode()
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert "Home" in html
    assert 'lang="en"' in html


def test_every_page_has_the_language_switch_and_local_assets(client, world):
    client.force_login(world.owner_a1)
    html = client.get("/").content.decode()
    assert 'action="/i18n/setlang/"' in html
    assert "/static/kinerja_web/vendor/htmx-2.0.11.min.js" in html
    assert "/static/kinerja_web/kinerja.css" in html
    assert "https://" not in html.split("<body")[0]  # no CDN
    assert 'name="viewport"' in html


@pytest.mark.parametrize(
    ("user", "present", "absent"),
    [
        ("admin_a", {"programs:enterprise_list", "audit:entry_list", "accounts:users"}, set()),
        ("facilitator_a1", {"programs:enterprise_list", "audit:entry_list"}, {"accounts:users"}),
        ("owner_a1", {"programs:enterprise_list"}, {"audit:entry_list", "accounts:users"}),
    ],
)
def test_menu_follows_the_role(client, world, user, present, absent):
    client.force_login(getattr(world, user))
    html = client.get("/").content.decode()
    for name in present:
        assert f'href="{reverse(name)}"' in html
    for name in absent:
        assert f'href="{reverse(name)}"' not in html


def test_browser_asking_for_english_still_gets_indonesian_until_the_user_switches(client, world):
    client.force_login(world.owner_a1)
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Beranda" in html

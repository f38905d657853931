"""The login lockout (issue 8, item 5): it stops a guesser's address, never the owner elsewhere.

Someone who only knows a username and types wrong passwords locks that username *from their
own address* for ``KINERJA_LOCKOUT_MINUTES``; the owner logs in from theirs. Behind a trusted
proxy the client's address is read from ``X-Forwarded-For``; without one the header is ignored.
An administrator of the program sees the lock on the people page and lifts it (audited); a
password reset by an administrator lifts it too.
"""

from __future__ import annotations

import datetime

import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from kinerja_web.accounts.lockout import client_address
from kinerja_web.audit.models import AuditEntry
from kinerja_web.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

ATTACKER, OWNER, PROXY = "203.0.113.9", "198.51.100.7", "10.0.0.2"


def _login(client, password, **meta):
    return client.post("/accounts/login/", {"username": "owner_a1", "password": password}, **meta)


def _lock_from(client, settings, **meta):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "wrong", **meta)
    assert _login(client, PASSWORD, **meta).status_code == 429


def test_the_cool_off_is_minutes_not_an_hour(settings):
    assert datetime.timedelta(minutes=15) == settings.AXES_COOLOFF_TIME
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def test_an_attackers_address_is_locked_and_the_owner_still_logs_in_from_theirs(client, world, settings):
    _lock_from(client, settings, REMOTE_ADDR=ATTACKER)
    owner = _login(client, PASSWORD, REMOTE_ADDR=OWNER)
    assert owner.status_code == 302 and owner["Location"] == "/"


def test_without_a_trusted_proxy_a_forged_forwarded_header_does_not_escape_the_lock(client, world, settings):
    settings.KINERJA_TRUSTED_PROXIES = []
    for number in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "wrong", REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
    assert (
        _login(client, PASSWORD, REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429
    )


def test_behind_a_trusted_proxy_each_client_is_counted_on_its_own(client, world, settings):
    settings.KINERJA_TRUSTED_PROXIES = ["10.0.0.0/8"]
    # Every request comes from the proxy; the attacker also forges an address on the left.
    _lock_from(client, settings, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"192.0.2.1, {ATTACKER}")
    assert AccessAttempt.objects.get().ip_address == ATTACKER
    owner = _login(client, PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=OWNER)
    assert owner.status_code == 302


def test_client_address_rules(settings):
    factory = RequestFactory()
    settings.KINERJA_TRUSTED_PROXIES = []
    assert client_address(factory.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=OWNER)) == PROXY
    settings.KINERJA_TRUSTED_PROXIES = ["10.0.0.0/8", "127.0.0.1"]
    chain = f"192.0.2.1, {OWNER}, 10.0.0.9"  # forged, the client, an inner trusted proxy
    assert client_address(factory.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=chain)) == OWNER
    # A request that does not come from a trusted proxy: its header is not believed.
    assert client_address(factory.get("/", REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=OWNER)) == ATTACKER
    assert client_address(factory.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="not-an-ip")) == PROXY


def test_the_lock_ends_after_the_cool_off(client, world, settings):
    _lock_from(client, settings, REMOTE_ADDR=ATTACKER)
    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=16))
    assert _login(client, PASSWORD, REMOTE_ADDR=ATTACKER).status_code == 302


def test_an_administrator_sees_the_lock_and_lifts_it_with_an_audit_entry(client, world, settings):
    _lock_from(client, settings, REMOTE_ADDR=ATTACKER)
    admin = client_class_login(world.admin_a)
    people = admin.get(reverse("accounts:program_people", args=[world.program_a.pk])).content.decode()
    assert "owner_a1" in people and ATTACKER in people and "Unlock" in people
    response = admin.post(reverse("accounts:person_unlock", args=[world.program_a.pk, world.owner_a1.pk]))
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="user.unlock")
    assert entry.actor == world.admin_a and entry.changes == {"locked_out": [True, False]}
    assert not AccessAttempt.objects.exists()
    assert _login(client, PASSWORD, REMOTE_ADDR=ATTACKER).status_code == 302
    people = admin.get(reverse("accounts:program_people", args=[world.program_a.pk])).content.decode()
    assert "Unlock" not in people


def test_another_programs_administrator_cannot_lift_the_lock(client, world, settings):
    _lock_from(client, settings, REMOTE_ADDR=ATTACKER)
    intruder = client_class_login(world.admin_b)
    response = intruder.post(reverse("accounts:person_unlock", args=[world.program_a.pk, world.owner_a1.pk]))
    assert response.status_code in (403, 404)
    response = intruder.post(reverse("accounts:person_unlock", args=[world.program_b.pk, world.owner_a1.pk]))
    assert response.status_code in (403, 404)
    assert AccessAttempt.objects.exists() and not AuditEntry.objects.filter(action="user.unlock").exists()


def test_a_password_reset_by_an_administrator_lifts_the_lock(client, world, settings):
    _lock_from(client, settings, REMOTE_ADDR=ATTACKER)
    admin = client_class_login(world.admin_a)
    new = "Gula-kelapa-2026!"
    response = admin.post(
        reverse("accounts:user_set_password", args=[world.owner_a1.pk]),
        {"new_password1": new, "new_password2": new},
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="user.password_reset")
    assert entry.changes == {"password": "reset", "locked_out": [True, False]}
    assert _login(client, new, REMOTE_ADDR=ATTACKER).status_code == 302


def client_class_login(user):
    from django.test import Client

    other = Client()
    other.cookies["django_language"] = "en"
    other.force_login(user)
    return other


def test_the_locked_page_says_the_cool_off_in_minutes_and_that_only_this_address_is_blocked(
    client, world, settings
):
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=20)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "wrong", REMOTE_ADDR=ATTACKER)
    page = _login(client, PASSWORD, REMOTE_ADDR=ATTACKER)
    assert page.status_code == 429
    text = page.content.decode()
    assert "20 menit" in text and "alamat ini" in text
    assert "satu jam" not in text


def test_the_people_page_explains_the_lockout_in_indonesian(client, world, settings):
    _lock_from(client, settings, REMOTE_ADDR=ATTACKER)
    client.force_login(world.admin_a)
    page = client.get(reverse("accounts:program_people", args=[world.program_a.pk])).content.decode()
    assert f"Setelah {settings.AXES_FAILURE_LIMIT} kata sandi salah dari satu alamat" in page
    assert "wrong passwords" not in page

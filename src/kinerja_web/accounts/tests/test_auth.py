"""Login, logout, password change and administrators' resets (issue item 7)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kinerja_web.audit.models import AuditEntry
from kinerja_web.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_login_page_has_username_password_and_csrf(client):
    html = client.get("/accounts/login/").content.decode()
    assert 'name="username"' in html
    assert 'name="password"' in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_login_with_the_right_password_goes_home(client, world):
    response = client.post("/accounts/login/", {"username": "owner_a1", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/").status_code == 200


def test_wrong_password_is_refused_and_repeated_failures_lock_the_account(client, world, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post("/accounts/login/", {"username": "owner_a1", "password": "wrong"})
        assert response.status_code == 200  # the form again, with its error
    response = client.post("/accounts/login/", {"username": "owner_a1", "password": "wrong"})
    assert response.status_code == 429
    response = client.post("/accounts/login/", {"username": "owner_a1", "password": PASSWORD})
    assert response.status_code == 429  # locked even with the right password


def test_logout_is_a_post(client, world):
    client.force_login(world.owner_a1)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert client.get("/").status_code == 302  # back to the login page


def test_pages_need_login(client, world):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_user_changes_own_password(client, world):
    client.force_login(world.owner_a1)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "Gula-kelapa-2025!",
            "new_password2": "Gula-kelapa-2025!",
        },
    )
    assert response.status_code == 302
    world.owner_a1.refresh_from_db()
    assert world.owner_a1.check_password("Gula-kelapa-2025!")


def test_administrator_sets_a_new_password_for_a_program_user(client, world):
    client.force_login(world.admin_a)
    users = client.get(reverse("accounts:users")).context["users"]
    assert {user.username for user, _ in users} == {
        "admin_a",
        "facilitator_a1",
        "facilitator_a2",
        "owner_a1",
        "owner_a2",
    }
    response = client.post(
        reverse("accounts:user_set_password", args=[world.owner_a1.pk]),
        {"new_password1": "Nira-manis-2025!", "new_password2": "Nira-manis-2025!"},
    )
    assert response.status_code == 302
    world.owner_a1.refresh_from_db()
    assert world.owner_a1.check_password("Nira-manis-2025!")
    entry = AuditEntry.objects.get(action="user.password_reset")
    assert entry.program == world.program_a
    assert "Nira" not in str(entry.changes)


def test_weak_password_is_a_field_error(client, world):
    client.force_login(world.admin_a)
    response = client.post(
        reverse("accounts:user_set_password", args=[world.owner_a1.pk]),
        {"new_password1": "123", "new_password2": "123"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors


def test_facilitators_and_owners_have_no_user_list(client, world):
    for user in (world.facilitator_a1, world.owner_a1):
        client.force_login(user)
        assert client.get(reverse("accounts:users")).status_code == 403

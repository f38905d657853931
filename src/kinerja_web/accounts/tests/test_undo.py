"""Deactivating a person asks first and can be undone for a while (issue 10, item 2)."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from kinerja_web.audit.models import AuditEntry, Undo
from kinerja_web.tests import factories as f


def _url(world):
    return reverse("accounts:person_set_active", args=[world.program_a.pk, world.owner_a1.pk])


def test_deactivate_asks_first_saying_what_stops_and_what_stays(client, world):
    client.force_login(world.admin_a)
    client.cookies["django_language"] = "en"
    edit = client.get(reverse("accounts:person_edit", args=[world.program_a.pk, world.owner_a1.pk]))
    assert f'href="{_url(world)}"' in edit.content.decode()

    text = client.get(_url(world)).content.decode()

    world.owner_a1.refresh_from_db()
    assert world.owner_a1.is_active
    assert "Deactivate owner_a1?" in text and "owner_a1 can no longer log in" in text
    assert "Their roles, clusters and enterprises stay" in text
    assert '<input type="hidden" name="active" value="0">' in text


def test_deactivate_then_undo_lets_them_in_again_with_the_same_roles(client, world):
    client.force_login(world.admin_a)
    client.cookies["django_language"] = "en"

    response = client.post(_url(world), {"active": "0"})

    world.owner_a1.refresh_from_db()
    assert not world.owner_a1.is_active
    page = client.get(response.url).content.decode()
    assert "Account deactivated: owner_a1 (Program A). You can undo this until" in page
    assert reverse("audit:undo", args=[Undo.objects.get().pk]) in page

    client.post(reverse("audit:undo", args=[Undo.objects.get().pk]))

    world.owner_a1.refresh_from_db()
    assert world.owner_a1.is_active
    world.enterprise_a1.refresh_from_db()
    assert world.enterprise_a1.owner_id == world.owner_a1.pk  # still the owner
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", "object_id"))
    pk = str(world.owner_a1.pk)
    assert actions[-2:] == [("user.deactivate", pk), ("person.restore", pk)]


def test_an_expired_undo_leaves_the_account_inactive(client, world):
    client.force_login(world.admin_a)
    client.cookies["django_language"] = "en"
    client.post(_url(world), {"active": "0"})
    Undo.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    response = client.post(reverse("audit:undo", args=[Undo.objects.get().pk]), follow=True)
    assert "Too late to undo" in response.content.decode()
    world.owner_a1.refresh_from_db()
    assert not world.owner_a1.is_active


def test_someone_else_cannot_undo_but_another_administrator_of_the_program_can(client, world):
    client.force_login(world.admin_a)
    client.post(_url(world), {"active": "0"})
    url = reverse("audit:undo", args=[Undo.objects.get().pk])
    for intruder in (world.admin_b, world.facilitator_a1, world.owner_a2):
        client.force_login(intruder)
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    world.owner_a1.refresh_from_db()
    assert not world.owner_a1.is_active

    client.force_login(f.program_admin(world.program_a, "admin_a2"))
    client.post(url)
    world.owner_a1.refresh_from_db()
    assert world.owner_a1.is_active


def test_an_account_reactivated_meanwhile_is_not_undone_twice(client, world):
    client.force_login(world.admin_a)
    client.cookies["django_language"] = "en"
    client.post(_url(world), {"active": "0"})
    client.post(_url(world), {"active": "1"})
    response = client.post(reverse("audit:undo", args=[Undo.objects.get().pk]), follow=True)
    assert "owner_a1 can log in already (reactivated since): nothing to undo." in response.content.decode()
    assert not AuditEntry.objects.filter(action="person.restore").exists()

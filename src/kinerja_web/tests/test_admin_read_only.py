"""Django's admin changes nothing (issue 8, item 6): every write goes through a service and its audit.

A superuser may look at the admin's lists and records; adding, changing and deleting answer 403
for every registered model (Kinerja's, users, django-axes' attempts...), and nothing is written.
"""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.urls import reverse

from kinerja_web.accounts.models import FacilitatorAssignment, Membership
from kinerja_web.audit.models import AuditEntry
from kinerja_web.programs.models import Cluster, Enterprise, Program

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client, world):
    user = get_user_model().objects.create_superuser("root", "root@example.org", "a-long-root-password-1")
    client.force_login(user)
    return client, user


def _url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_every_registered_model_admin_refuses_add_change_and_delete(superuser_client):
    import kinerja_web.urls  # noqa: F401  (its import makes the admin read-only)

    _client, user = superuser_client
    request = RequestFactory().get("/admin/")
    request.user = user
    assert admin.site._registry, "the admin has models"
    for model, model_admin in admin.site._registry.items():
        assert not model_admin.has_add_permission(request), model
        assert not model_admin.has_change_permission(request), model
        assert not model_admin.has_delete_permission(request), model
        assert model_admin.has_view_permission(request), model


@pytest.mark.parametrize(
    ("model", "attribute"),
    [
        (Program, "program_a"),
        (Cluster, "cluster_a1"),
        (Enterprise, "enterprise_a1"),
    ],
)
def test_a_superuser_can_look_but_not_change_programs_clusters_enterprises(
    superuser_client, world, model, attribute
):
    client, _user = superuser_client
    obj = getattr(world, attribute)
    before = model.objects.filter(pk=obj.pk).values().get()
    assert client.get(_url(model, "changelist")).status_code == 200
    assert client.get(_url(model, "change", obj.pk)).status_code == 200  # shown read-only
    assert client.post(_url(model, "change", obj.pk), {"name": "Changed"}).status_code == 403
    assert client.post(_url(model, "delete", obj.pk), {"post": "yes"}).status_code == 403
    assert client.post(_url(model, "add"), {"name": "New"}).status_code == 403
    assert model.objects.filter(pk=obj.pk).values().get() == before
    assert not AuditEntry.objects.exists()


def test_memberships_and_facilitator_assignments_cannot_be_changed(superuser_client, world):
    client, _user = superuser_client
    membership = Membership.objects.get(user=world.admin_a)
    assignment = FacilitatorAssignment.objects.get(user=world.facilitator_a1)
    assert client.post(_url(Membership, "change", membership.pk), {"role": "owner"}).status_code == 403
    assert client.post(_url(Membership, "delete", membership.pk), {"post": "yes"}).status_code == 403
    data = {"user": world.owner_a1.pk, "program": world.program_a.pk, "role": "admin"}
    assert client.post(_url(Membership, "add"), data).status_code == 403
    assert (
        client.post(_url(FacilitatorAssignment, "delete", assignment.pk), {"post": "yes"}).status_code == 403
    )
    data = {"user": world.owner_a1.pk, "cluster": world.cluster_a2.pk}
    assert client.post(_url(FacilitatorAssignment, "add"), data).status_code == 403
    assert Membership.objects.get(pk=membership.pk).role == "admin"
    assert FacilitatorAssignment.objects.filter(pk=assignment.pk).exists()
    assert not Membership.objects.filter(user=world.owner_a1, role="admin").exists()
    # Bulk deletion from a list is an action that needs the delete permission: not offered.
    changelist = client.get(_url(Membership, "changelist")).content.decode()
    assert "delete_selected" not in changelist

"""A program's people, managed in the app by its administrator (issue: "People and access").

Roles as accounts.models describes them: administrator (Membership), facilitator (clusters),
owner (Enterprise.owner). The world is kinerja_web/tests/cross_tenant.py's: programs A and B.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kinerja_web.accounts import services
from kinerja_web.accounts.models import FacilitatorAssignment, Membership, Role
from kinerja_web.audit.models import AuditEntry
from kinerja_web.tests import factories as f
from kinerja_web.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

STRONG = "Gula-aren-Lojejer-2025"


def _people_url(program):
    return reverse("accounts:program_people", args=[program.pk])


def _person_url(program, user):
    return reverse("accounts:person_edit", args=[program.pk, user.pk])


def _create(world, **overrides):
    fields = {
        "actor": world.admin_a,
        "program": world.program_a,
        "username": "siti",
        "name": "Siti Aminah",
        "email": "",
        "role": Role.FACILITATOR,
        "clusters": [world.cluster_a1],
        "enterprises": [],
        "password": STRONG,
    }
    return services.person_create(**{**fields, **overrides})


# --- services -------------------------------------------------------------------------------


def test_adding_a_facilitator_creates_account_role_clusters_and_one_audit_row(world):
    person = _create(world)
    assert person.check_password(STRONG)
    assert Membership.objects.get(user=person).role == Role.FACILITATOR
    assert list(
        FacilitatorAssignment.objects.filter(user=person).values_list("cluster__name", flat=True)
    ) == ["A1"]
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.actor, entry.program) == ("user.create", world.admin_a, world.program_a)
    assert entry.changes["clusters"] == ["A1"]
    assert STRONG not in str(entry.changes)


def test_adding_an_owner_takes_over_the_enterprise_and_names_the_previous_owner(world):
    person = _create(world, username="budi", role=Role.OWNER, clusters=[], enterprises=[world.enterprise_a1])
    world.enterprise_a1.refresh_from_db()
    assert world.enterprise_a1.owner == person
    assert AuditEntry.objects.get().changes["replaced_owners"] == {"Enterprise A1": "owner_a1"}


def test_only_the_programs_administrator_adds_people_and_only_to_its_own_clusters(world):
    with pytest.raises(PermissionDenied):
        _create(world, actor=world.facilitator_a1)
    with pytest.raises(PermissionDenied):
        _create(world, clusters=[world.cluster_b1])
    assert not AuditEntry.objects.exists()
    assert not Membership.objects.filter(user__username="siti").exists()


def test_a_failing_audit_row_leaves_no_half_added_person(world, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("audit down")

    monkeypatch.setattr(services, "record", broken)
    with pytest.raises(RuntimeError):
        _create(world)
    assert not Membership.objects.filter(user__username="siti").exists()
    assert not FacilitatorAssignment.objects.filter(user__username="siti").exists()


def test_changing_a_facilitator_into_an_owner_moves_their_assignments_in_one_audit_row(world):
    changes = services.person_update(
        actor=world.admin_a,
        program=world.program_a,
        user=world.facilitator_a1,
        role=Role.OWNER,
        enterprises=[world.enterprise_a2],
    )
    assert not FacilitatorAssignment.objects.filter(user=world.facilitator_a1).exists()
    world.enterprise_a2.refresh_from_db()
    assert world.enterprise_a2.owner == world.facilitator_a1
    assert changes["role"] == ["facilitator", "owner"]
    assert changes["clusters"] == [["A1"], []]
    entry = AuditEntry.objects.get(action="user.roles_update")
    assert entry.changes["enterprises"] == [[], ["Enterprise A2"]]


def test_adding_and_removing_a_facilitators_clusters(world):
    services.person_update(
        actor=world.admin_a,
        program=world.program_a,
        user=world.facilitator_a1,
        role=Role.FACILITATOR,
        clusters=[world.cluster_a2],
    )
    assert [a.cluster for a in FacilitatorAssignment.objects.filter(user=world.facilitator_a1)] == [
        world.cluster_a2
    ]


def test_the_last_administrator_cannot_lose_the_role(world, english):
    with pytest.raises(ValidationError, match="last administrator"):
        services.person_update(
            actor=world.admin_a,
            program=world.program_a,
            user=world.admin_a,
            role=Role.FACILITATOR,
            clusters=[world.cluster_a1],
        )
    assert Membership.objects.get(user=world.admin_a).role == Role.ADMIN


def test_an_administrator_may_step_down_when_another_remains(world):
    services.person_update(
        actor=world.admin_a, program=world.program_a, user=world.facilitator_a1, role=Role.ADMIN
    )
    services.person_update(
        actor=world.admin_a,
        program=world.program_a,
        user=world.admin_a,
        role=Role.FACILITATOR,
        clusters=[world.cluster_a2],
    )
    assert Membership.objects.get(user=world.admin_a).role == Role.FACILITATOR


def test_an_administrator_cannot_deactivate_themself(world, english):
    services.person_update(
        actor=world.admin_a, program=world.program_a, user=world.facilitator_a1, role=Role.ADMIN
    )
    with pytest.raises(ValidationError, match="your own account"):
        services.user_set_active(
            actor=world.admin_a, program=world.program_a, user=world.admin_a, active=False
        )
    world.admin_a.refresh_from_db()
    assert world.admin_a.is_active


def test_the_last_active_administrator_cannot_be_deactivated(world, english):
    superuser = f.UserFactory(username="root", is_superuser=True)
    with pytest.raises(ValidationError, match="last administrator"):
        services.user_set_active(actor=superuser, program=world.program_a, user=world.admin_a, active=False)


def test_a_deactivated_person_cannot_log_in_and_is_audited(client, world):
    services.user_set_active(actor=world.admin_a, program=world.program_a, user=world.owner_a1, active=False)
    entry = AuditEntry.objects.get(action="user.deactivate")
    assert entry.changes == {"is_active": [True, False]}
    response = client.post("/accounts/login/", {"username": "owner_a1", "password": PASSWORD})
    assert response.status_code == 200  # the form again: no session
    services.user_set_active(actor=world.admin_a, program=world.program_a, user=world.owner_a1, active=True)
    response = client.post("/accounts/login/", {"username": "owner_a1", "password": PASSWORD})
    assert response.status_code == 302


def test_a_person_shared_with_another_program_keeps_their_account(world):
    """admin_a must not take over an account that also opens program B."""
    Membership.objects.create(user=world.facilitator_b1, program=world.program_a, role=Role.FACILITATOR)
    with pytest.raises(PermissionDenied):
        services.user_set_active(
            actor=world.admin_a, program=world.program_a, user=world.facilitator_b1, active=False
        )
    with pytest.raises(PermissionDenied):
        services.user_set_password(actor=world.admin_a, user=world.facilitator_b1, password=STRONG)


def test_a_program_administrator_cannot_take_over_a_superuser(client, world):
    superuser = f.UserFactory(username="root", is_superuser=True)
    Membership.objects.create(user=superuser, program=world.program_a, role=Role.ADMIN)
    client.force_login(world.admin_a)
    url = reverse("accounts:user_set_password", args=[superuser.pk])
    assert client.post(url, {"new_password1": STRONG, "new_password2": STRONG}).status_code == 403
    superuser.refresh_from_db()
    assert not superuser.check_password(STRONG)


def test_changing_ones_own_password_is_audited_without_the_password(client, world):
    client.force_login(world.owner_a1)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": STRONG, "new_password2": STRONG},
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="user.password_change")
    assert (entry.actor, entry.program) == (world.owner_a1, world.program_a)
    assert STRONG not in str(entry.changes)
    assert client.get("/").status_code == 200  # still signed in


# --- pages ----------------------------------------------------------------------------------


def test_people_page_lists_roles_clusters_enterprises_of_this_program_only(client, world):
    client.force_login(world.admin_a)
    response = client.get(_people_url(world.program_a))
    assert response.status_code == 200
    people = {row.user.username: row for row in response.context["people"]}
    assert set(people) == {"admin_a", "facilitator_a1", "facilitator_a2", "owner_a1", "owner_a2"}
    assert people["facilitator_a1"].clusters == [world.cluster_a1]
    assert people["owner_a1"].enterprises == [world.enterprise_a1]
    html = response.content.decode()
    assert _person_url(world.program_a, world.owner_a1) in html


def test_people_page_is_linked_from_the_program_page_and_the_people_menu(client, world):
    client.force_login(world.admin_a)
    url = _people_url(world.program_a)
    assert url in client.get(reverse("programs:program_detail", args=[world.program_a.pk])).content.decode()
    assert url in client.get(reverse("accounts:users")).content.decode()


def test_facilitators_and_owners_may_not_manage_people(client, world):
    for user in (world.facilitator_a1, world.owner_a1):
        client.force_login(user)
        assert client.get(_people_url(world.program_a)).status_code == 403
        assert client.get(_person_url(world.program_a, user)).status_code == 403
        assert client.get(reverse("accounts:person_add", args=[world.program_a.pk])).status_code == 403


def test_a_person_of_another_program_is_not_found_through_ones_own_program(client, world):
    client.force_login(world.admin_a)
    assert client.get(_person_url(world.program_a, world.owner_b1)).status_code == 404
    url = reverse("accounts:person_set_active", args=[world.program_a.pk, world.owner_b1.pk])
    assert client.post(url, {"active": "0"}).status_code == 404
    world.owner_b1.refresh_from_db()
    assert world.owner_b1.is_active


def test_adding_a_person_with_a_generated_password_shows_it_once(client, world):
    client.force_login(world.admin_a)
    response = client.post(
        reverse("accounts:person_add", args=[world.program_a.pk]),
        {
            "username": "rina",
            "name": "Rina",
            "email": "",
            "role": "owner",
            "enterprises": [world.enterprise_a2.pk],
        },
    )
    assert response.status_code == 200
    password = response.context["password"]
    assert password in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    client.logout()
    assert client.post("/accounts/login/", {"username": "rina", "password": password}).status_code == 302
    assert password not in str(AuditEntry.objects.get(action="user.create").changes)


def test_adding_a_person_with_the_administrators_password_goes_to_their_page(client, world):
    client.force_login(world.admin_a)
    response = client.post(
        reverse("accounts:person_add", args=[world.program_a.pk]),
        {"username": "andi", "name": "", "role": "admin", "password1": STRONG, "password2": STRONG},
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:program_people", args=[world.program_a.pk]))


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"username": "owner_a1", "role": "admin"}, "username"),
        ({"username": "OWNER_A1", "role": "admin"}, "username"),
        ({"username": "bad name!", "role": "admin"}, "username"),
        ({"username": "andi", "role": "admin", "password1": "123", "password2": "123"}, "password1"),
        ({"username": "andi", "role": "admin", "password1": STRONG, "password2": STRONG + "x"}, "password2"),
        ({"username": "andi", "role": "facilitator"}, "clusters"),
        ({"username": "andi", "role": "owner"}, "enterprises"),
        ({"username": "andi", "role": "admin", "email": "not-an-email"}, "email"),
    ],
)
def test_add_form_errors_are_field_errors(client, world, data, field):
    client.force_login(world.admin_a)
    response = client.post(reverse("accounts:person_add", args=[world.program_a.pk]), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not AuditEntry.objects.exists()


def test_add_form_offers_only_this_programs_clusters_and_enterprises(client, world):
    client.force_login(world.admin_a)
    response = client.post(
        reverse("accounts:person_add", args=[world.program_a.pk]),
        {"username": "andi", "role": "facilitator", "clusters": [world.cluster_b1.pk]},
    )
    assert "clusters" in response.context["form"].errors
    assert not FacilitatorAssignment.objects.filter(cluster=world.cluster_b1, user__username="andi").exists()


def test_edit_page_changes_role_and_clusters(client, world):
    client.force_login(world.admin_a)
    url = _person_url(world.program_a, world.facilitator_a1)
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "name": "Fasilitator Satu",
            "email": "f1@example.org",
            "role": "facilitator",
            "clusters": [world.cluster_a1.pk, world.cluster_a2.pk],
        },
    )
    assert response.status_code == 302
    assert FacilitatorAssignment.objects.filter(user=world.facilitator_a1).count() == 2
    world.facilitator_a1.refresh_from_db()
    assert (world.facilitator_a1.get_full_name(), world.facilitator_a1.email) == (
        "Fasilitator Satu",
        "f1@example.org",
    )


def test_demoting_the_last_administrator_on_the_page_is_a_clear_error(client, world):
    client.cookies["django_language"] = "en"
    client.force_login(world.admin_a)
    response = client.post(
        _person_url(world.program_a, world.admin_a),
        {"role": "facilitator", "clusters": [world.cluster_a1.pk]},
    )
    assert response.status_code == 200
    assert "last administrator" in response.content.decode()


def test_deactivating_oneself_on_the_page_is_a_clear_message(client, world):
    client.cookies["django_language"] = "en"
    client.force_login(world.admin_a)
    url = reverse("accounts:person_set_active", args=[world.program_a.pk, world.admin_a.pk])
    response = client.post(url, {"active": "0"}, follow=True)
    assert "cannot deactivate your own account" in response.content.decode()
    world.admin_a.refresh_from_db()
    assert world.admin_a.is_active


def test_deactivate_only_asks_on_get(client, world):
    client.force_login(world.admin_a)
    url = reverse("accounts:person_set_active", args=[world.program_a.pk, world.owner_a1.pk])
    assert client.get(url).status_code == 200  # the question (accounts/tests/test_undo.py)
    world.owner_a1.refresh_from_db()
    assert world.owner_a1.is_active


def test_add_form_asks_for_a_role_rather_than_defaulting_to_administrator(client, world):
    client.force_login(world.admin_a)
    response = client.post(reverse("accounts:person_add", args=[world.program_a.pk]), {"username": "andi"})
    assert "role" in response.context["form"].errors


def test_people_pages_speak_indonesian_by_default(client, world):
    client.force_login(world.admin_a)
    html = client.get(_people_url(world.program_a)).content.decode()
    assert "Orang di Program A" in html
    assert "Tambah orang" in html

"""Access: administrators see the program, facilitators their clusters, owners their enterprise."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from kinerja_web import access
from kinerja_web.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def names(queryset):
    return sorted(obj.name for obj in queryset)


def test_administrator_sees_the_whole_program_and_nothing_else(world):
    assert names(access.visible_enterprises(world.admin_a)) == ["Enterprise A1", "Enterprise A2"]
    assert names(access.visible_clusters(world.admin_a)) == ["A1", "A2"]
    assert names(access.visible_programs(world.admin_a)) == ["Program A"]


def test_facilitator_sees_only_assigned_clusters(world):
    assert names(access.visible_enterprises(world.facilitator_a1)) == ["Enterprise A1"]
    assert names(access.visible_clusters(world.facilitator_a1)) == ["A1"]
    assert names(access.visible_programs(world.facilitator_a1)) == ["Program A"]


def test_owner_sees_only_own_enterprise(world):
    assert names(access.visible_enterprises(world.owner_a1)) == ["Enterprise A1"]
    assert names(access.visible_clusters(world.owner_a1)) == ["A1"]
    assert not access.can_manage_cluster(world.owner_a1, world.cluster_a1)
    assert access.can_change_enterprise(world.owner_a1, world.enterprise_a1)
    assert not access.can_change_enterprise(world.owner_a1, world.enterprise_a2)


def test_anonymous_and_inactive_users_see_nothing(world):
    world.admin_a.is_active = False
    for user in (AnonymousUser(), world.admin_a, None):
        assert not access.visible_enterprises(user).exists()
        assert not access.visible_programs(user).exists()


def test_user_without_roles_sees_nothing(world):
    assert not access.visible_enterprises(UserFactory()).exists()


def test_superuser_sees_everything(world):
    root = UserFactory(is_superuser=True)
    assert access.visible_enterprises(root).count() == 3


def test_get_enterprise_for_answers_404_for_another_tenant_and_for_nonsense(world):
    assert access.get_enterprise_for(world.owner_a1, world.enterprise_a1.pk) == world.enterprise_a1
    for pk in (world.enterprise_a2.pk, 999_999, "x"):
        with pytest.raises(Http404):
            access.get_enterprise_for(world.owner_a1, pk)


def test_roles_of_each_demo_kind_of_user(world):
    assert access.roles_of(world.admin_a) == {"admin"}
    assert access.roles_of(world.facilitator_a1) == {"facilitator"}
    assert access.roles_of(world.owner_a1) == {"owner"}

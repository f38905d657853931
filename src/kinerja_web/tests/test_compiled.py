"""``compiled.Compiled``: the ORM's SQL, compiled once, with each call's values in their places."""

from __future__ import annotations

import pytest
from django.db.models import Count, F

from kinerja_web import access
from kinerja_web.compiled import Compiled
from kinerja_web.programs.models import Enterprise
from kinerja_web.tests import factories as f


def _enterprises(clusters, owner):
    queryset = Enterprise.objects.filter(cluster_id__in=clusters).order_by("name", "pk")
    if owner is not None:
        queryset = queryset.filter(owner_id=owner)
    return queryset.annotate(n=Count("workers"), twice=F("pk") * 2).values_list("name", "n", "twice")


@pytest.fixture
def two_clusters(db):
    first, second = f.ClusterFactory(), f.ClusterFactory()
    owner = f.UserFactory()
    for number in range(7):
        f.EnterpriseFactory(cluster=(first, second)[number % 2], owner=owner if number < 3 else None)
    return first, second, owner


def test_same_sql_and_rows_as_the_orm_for_every_shape(two_clusters):
    first, second, owner = two_clusters
    query = Compiled(_enterprises)
    for clusters, who in (((first.pk,), None), ((first.pk, second.pk), owner.pk), ((second.pk,), owner.pk)):
        expected = _enterprises(clusters, who)
        sql, params = expected.query.sql_with_params()
        assert query.sql(clusters=clusters, owner=who) == (sql, list(params))
        assert query.rows(clusters=clusters, owner=who) == list(expected)
        assert query.rows(clusters=clusters, owner=who, limit=2, offset=1) == list(expected[1:3])
    assert len(query._plans) == 3  # one per shape: 1 cluster, 2 clusters with an owner, 1 with one


def test_a_value_that_does_not_become_a_parameter_is_refused(db):
    with pytest.raises(ValueError, match="not passed as parameters"):
        Compiled(lambda top: Enterprise.objects.values_list("pk")[:top]).sql(top=5)


def test_roles_of_is_one_query(two_clusters, django_assert_num_queries):
    first, _, owner = two_clusters
    admin = f.program_admin(first.program)
    facilitator = f.facilitator(first)
    with django_assert_num_queries(1):
        assert access.roles_of(owner) == {"owner"}
    assert access.roles_of(admin) == {"admin"}
    assert access.roles_of(facilitator) == {"facilitator"}
    assert access.roles_of(f.UserFactory()) == set()

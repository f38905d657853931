"""The demo's development strategy: one expert's consistent lever judgments, a plan per Lojejer
enterprise from the first closed round with some actions done (evidence notes), the same after a
second load; its pages as each demo role."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from kinerja_web.audit.models import AuditEntry
from kinerja_web.competency.models import AssessmentRound, DevelopmentPlan, PlanAction, Rating
from kinerja_web.competency.selectors import strategy as sel
from kinerja_web.programs.demo import load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path
    ctx = load_demo("test-password")
    if not DevelopmentPlan.objects.exists():
        pytest.skip("the demo has no closed competency round yet")
    return ctx


def _user(name):
    return get_user_model().objects.get(username=name)


def test_a_plan_per_lojejer_enterprise_with_actions_done_and_the_same_after_a_second_load(demo):
    lojejer = demo.clusters["lojejer"]
    first = AssessmentRound.objects.filter(cluster=lojejer, status=AssessmentRound.Status.CLOSED).earliest(
        "starts_on"
    )
    rated = set(first.ratings.values_list("enterprise_id", flat=True))
    plans = DevelopmentPlan.objects.filter(round=first)
    assert set(plans.values_list("enterprise_id", flat=True)) == rated
    assert set(lojejer.enterprises.values_list("pk", flat=True)) == rated
    done = PlanAction.objects.filter(plan__round=first, status=PlanAction.Status.DONE)
    assert done.count() == plans.count()  # one per plan
    assert all(action.evidence_note and action.done_on for action in done)
    assert PlanAction.objects.filter(plan__round=first, status=PlanAction.Status.PLANNED).exists()
    assert all(isinstance(a.cost, int) for a in PlanAction.objects.filter(cost__isnull=False))
    weights = sel.lever_weights(first.framework)
    assert weights.basis == "judgments" and weights.cr < 0.1 and len(weights.rows) == 6
    # A second load changes nothing of the strategy.
    actions = sorted(PlanAction.objects.values_list("pk", "status", "cost", "title"))
    ratings = sorted(Rating.objects.values_list("pk", "level", "source", "note"))
    audit = AuditEntry.objects.filter(action__startswith="competency.").exclude(
        action__startswith="competency.rat"
    )
    count = audit.count()
    load_demo("test-password")
    assert sorted(PlanAction.objects.values_list("pk", "status", "cost", "title")) == actions
    assert sorted(Rating.objects.values_list("pk", "level", "source", "note")) == ratings  # not redrawn
    assert AuditEntry.objects.filter(pk__in=audit.values("pk")).count() == count
    assert (
        not AuditEntry.objects.filter(action__in=["competency.plan.create", "competency.plan.regenerate"])
        .exclude(pk__in=list(audit.values_list("pk", flat=True)))
        .exists()
    )


def test_demo_pages_as_each_role(client, demo):
    owner = _user("owner1")
    plan = DevelopmentPlan.objects.get(enterprise__owner=owner)
    client.force_login(owner)
    home = client.get("/").content.decode()
    assert reverse("programs:enterprise_list") in home
    business = client.get(reverse("programs:enterprise_detail", args=[plan.enterprise.pk])).content.decode()
    assert reverse("competency:enterprise_plans", args=[plan.enterprise.pk]) in business
    assert reverse("competency:monitoring_enterprise", args=[plan.enterprise.pk]) in business
    page = client.get(reverse("competency:plan", args=[plan.pk]))
    assert page.status_code == 200 and page.context["view"].done >= 1
    monitoring = client.get(reverse("competency:monitoring_enterprise", args=[plan.enterprise.pk]))
    assert monitoring.status_code == 200
    m = monitoring.context["m"]
    assert m is not None and m.before == plan.round and m.assessed_both == 1
    assert len(m.done) >= 1 and any(row.change for row in m.areas)
    client.force_login(_user("facilitator2"))
    assert client.get(reverse("competency:plan", args=[plan.pk])).status_code == 404
    client.force_login(_user("facilitator1"))
    cohort = client.get(reverse("competency:cohort", args=[plan.round.pk, plan.enterprise.cluster_id]))
    assert cohort.status_code == 200 and cohort.context["cohort"].rows
    cluster = client.get(reverse("competency:monitoring_cluster", args=[plan.enterprise.cluster_id]))
    assert cluster.status_code == 200 and cluster.context["m"].assessed_both >= 2
    strategy = client.get(reverse("competency:strategy", args=[plan.round.framework_id]))
    assert strategy.status_code == 200 and "CR 0,002" in strategy.content.decode()

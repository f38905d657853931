"""Removing an expert's judgments asks first, says how the weights change, and can be undone."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja_web.audit.models import AuditEntry, Undo
from kinerja_web.frameworks import paper, selectors
from kinerja_web.frameworks.models import ExpertJudgment
from kinerja_web.frameworks.tests.factories import micro_framework
from kinerja_web.tests import factories as f


@pytest.fixture
def setup(db):
    cluster = f.ClusterFactory()
    user = f.facilitator(cluster, "facilitator1")
    framework = micro_framework(cluster.program)
    sdm = framework.nodes.get(name=paper.SDM)
    return cluster, user, sdm


def _weights(node) -> tuple[float, ...]:
    return selectors.node_analysis(node, find_sets=False).weights


def _row(judgment_set: ExpertJudgment) -> tuple:
    return (
        judgment_set.pk,
        judgment_set.node_id,
        judgment_set.expert_name,
        judgment_set.expert_weight,
        judgment_set.judgments,
        judgment_set.updated_at,
    )


def test_remove_asks_first_with_the_weights_before_and_after(client, setup):
    _cluster, user, sdm = setup
    first, second = sdm.judgment_sets.order_by("expert_name")
    client.force_login(user)
    client.cookies["django_language"] = "en"
    ahp_page = client.get(reverse("frameworks:ahp", args=[sdm.pk])).content.decode()
    url = reverse("frameworks:judgments_delete", args=[first.pk])
    assert f'href="{url}"' in ahp_page

    text = client.get(url).content.decode()

    assert sdm.judgment_sets.count() == 2  # asking removes nothing
    assert f"Remove the judgments of {first.expert_name}?" in text
    assert "are then computed from the other experts" in text
    now = dict(zip(sdm.children.order_by("position", "pk"), _weights(sdm), strict=True))
    alone = selectors.weights.node_analysis_without(sdm, first)
    for child, weight in zip(alone.children, alone.weights, strict=True):
        assert f"{child.name}: {100 * now[child]:.2f} % → {100 * weight:.2f} %" in text
    assert second.expert_name not in text.split("<h1>")[1].split("</h1>")[0]


def test_removing_the_last_expert_says_the_node_will_have_no_weights(client, setup):
    _cluster, user, sdm = setup
    first, second = sdm.judgment_sets.order_by("expert_name")
    second.delete()
    client.force_login(user)
    client.cookies["django_language"] = "en"
    text = client.get(reverse("frameworks:judgments_delete", args=[first.pk])).content.decode()
    assert "will have no weights (no judgments yet)" in text


def test_remove_then_undo_restores_the_same_judgments_and_weights(client, setup):
    _cluster, user, sdm = setup
    judgment_set = sdm.judgment_sets.order_by("expert_name").first()
    before_row, before_weights = _row(judgment_set), _weights(sdm)
    client.force_login(user)
    client.cookies["django_language"] = "en"

    response = client.post(reverse("frameworks:judgments_delete", args=[judgment_set.pk]))

    assert response.status_code == 302 and response.url == reverse("frameworks:ahp", args=[sdm.pk])
    assert not ExpertJudgment.objects.filter(pk=judgment_set.pk).exists()
    assert _weights(sdm) != before_weights  # the other expert's alone
    page = client.get(response.url).content.decode()
    undo = Undo.objects.get()
    assert f"Expert&#x27;s judgments removed: {paper.SDM}: {judgment_set.expert_name}." in page

    response = client.post(reverse("audit:undo", args=[undo.pk]), {"next": response.url})

    assert response.status_code == 302
    assert _row(ExpertJudgment.objects.get(pk=judgment_set.pk)) == before_row
    assert _weights(sdm) == before_weights
    assert list(
        AuditEntry.objects.filter(action__startswith="judgments.").values_list("action", flat=True)
    ) == [
        "judgments.restore",
        "judgments.delete",
    ]


def test_an_expired_undo_leaves_the_judgments_removed(client, setup):
    _cluster, user, sdm = setup
    judgment_set = sdm.judgment_sets.first()
    client.force_login(user)
    client.cookies["django_language"] = "en"
    client.post(reverse("frameworks:judgments_delete", args=[judgment_set.pk]))
    Undo.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    response = client.post(reverse("audit:undo", args=[Undo.objects.get().pk]), follow=True)
    assert "Too late to undo" in response.content.decode()
    assert not ExpertJudgment.objects.filter(pk=judgment_set.pk).exists()


def test_another_facilitator_cannot_undo(client, setup):
    cluster, user, sdm = setup
    other = f.facilitator(f.ClusterFactory(program=cluster.program), "facilitator2")  # edits frameworks too
    judgment_set = sdm.judgment_sets.first()
    client.force_login(user)
    client.post(reverse("frameworks:judgments_delete", args=[judgment_set.pk]))
    url = reverse("audit:undo", args=[Undo.objects.get().pk])
    client.force_login(other)
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert not ExpertJudgment.objects.filter(pk=judgment_set.pk).exists()


def test_an_expert_of_the_same_name_added_meanwhile_is_not_overwritten(client, setup):
    _cluster, user, sdm = setup
    judgment_set = sdm.judgment_sets.first()
    client.force_login(user)
    client.cookies["django_language"] = "en"
    client.post(reverse("frameworks:judgments_delete", args=[judgment_set.pk]))
    newer = ExpertJudgment.objects.create(
        node=sdm,
        expert_name=judgment_set.expert_name,
        expert_weight=Decimal(2),
        judgments=judgment_set.judgments,
    )

    response = client.post(reverse("audit:undo", args=[Undo.objects.get().pk]), follow=True)

    assert f"An expert named “{judgment_set.expert_name}” has judged “{paper.SDM}” since" in (
        response.content.decode()
    )
    assert list(sdm.judgment_sets.filter(expert_name=judgment_set.expert_name)) == [newer]
    assert Undo.objects.get().used_at is None


def test_judgments_of_criteria_that_changed_meanwhile_are_not_restored(client, setup):
    _cluster, user, sdm = setup
    judgment_set = sdm.judgment_sets.first()
    client.force_login(user)
    client.cookies["django_language"] = "en"
    client.post(reverse("frameworks:judgments_delete", args=[judgment_set.pk]))
    sdm.children.create(framework=sdm.framework, name="Disiplin", position=9)
    response = client.post(reverse("audit:undo", args=[Undo.objects.get().pk]), follow=True)
    assert "changed since: these judgments no longer compare them" in response.content.decode()
    assert not ExpertJudgment.objects.filter(pk=judgment_set.pk).exists()

"""The development strategy page: rule set edited by administrators and shown to facilitators,
lever judgments with live CR (the KPI judgment form on the levers), refused on a frozen framework."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kinerja.ahp import analyse, group_priorities, parse_comparison, parse_group
from kinerja_web.audit.models import AuditEntry
from kinerja_web.competency.models import AssessmentRound, LeverJudgment
from kinerja_web.competency.selectors import strategy as sel
from kinerja_web.competency.tests import strategy_world as sw

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world = sw.build(kpi_figures=False)
    # Round 1 open: the framework is not frozen yet.
    AssessmentRound.objects.filter(pk=world.round1.pk).update(status=AssessmentRound.Status.OPEN)
    return world


def _pair_field(world, a: str, b: str) -> str:
    return f"pair_{world.levers[a].pk}_{world.levers[b].pk}"


def _verbal_post(world, values: dict[tuple[str, str], str], expert: str = "Pakar Dua") -> dict[str, str]:
    data = {"expert_name": expert, "mode": "verbal"}
    for (a, b), value in values.items():
        data[_pair_field(world, a, b)] = value
    return data


def test_administrator_edits_the_rule_set_and_every_plan_page_shows_it(client, world):
    client.force_login(world.admin)
    url = reverse("competency:strategy", args=[world.framework.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Pengembangan kepemimpinan" in page.content.decode()
    areas, levers = world.areas, world.levers
    data = {
        f"area_{areas['Manajemen'].pk}": [levers["training"].pk, levers["leadership"].pk],
        f"area_{areas['Produksi'].pk}": [levers["technology"].pk],
        f"area_{areas['Komunikasi'].pk}": [levers["networking"].pk, levers["training"].pk],
    }
    response = client.post(url, data)
    assert response.status_code == 302
    rules = {row.area.name: [lever.code for lever in row.levers] for row in sel.rule_set(world.framework)}
    assert rules == {
        "Manajemen": ["training", "leadership"],
        "Produksi": ["technology"],
        "Komunikasi": ["training", "networking"],
    }
    entry = AuditEntry.objects.get(action="competency.rules.update")
    assert entry.changes["training"] == [["Manajemen", "Produksi"], ["Manajemen", "Komunikasi"]]
    # A lever that is not one of the form's choices is refused on its area.
    bad = client.post(url, {f"area_{areas['Produksi'].pk}": ["999999"]})
    assert bad.status_code == 200 and "errorlist" in bad.content.decode()


def test_facilitator_reads_the_strategy_but_cannot_change_it_and_owners_do_not_see_it(client, world):
    url = reverse("competency:strategy", args=[world.framework.pk])
    client.force_login(world.facilitator)
    page = client.get(url)
    text = page.content.decode()
    assert page.status_code == 200 and 'id="rules-title"' in text and "Save the rule set" not in text
    assert "Simpan aturan" not in text
    assert client.post(url, {}).status_code == 403
    judgment = world.framework.lever_judgments.get()
    assert client.get(reverse("competency:lever_judgments", args=[judgment.pk])).status_code == 200
    assert client.post(reverse("competency:lever_judgments", args=[judgment.pk]), {}).status_code == 403
    assert client.get(reverse("competency:lever_judgments_new", args=[world.framework.pk])).status_code == 403
    client.force_login(world.owner)
    assert client.get(url).status_code == 404
    assert client.get(reverse("competency:lever_judgments", args=[judgment.pk])).status_code == 404


def test_lever_weights_come_from_the_experts_judgments(client, world):
    weights = sel.lever_weights(world.framework)
    codes = [code for code, _n, _a in sw.LEVERS]
    one = analyse(parse_comparison({"criteria": codes, "judgments": [list(j) for j in sw.JUDGMENTS]}))
    assert weights.basis == "judgments"
    assert [w for _lever, w in weights.rows] == pytest.approx([float(w) for w in one.weights], rel=1e-9)
    assert weights.cr == pytest.approx(one.cr, rel=1e-9) and weights.cr < 0.1 and weights.consistent
    # A second expert: the group's weights by the geometric mean of the judgments.
    second = [
        ["training", "leadership", "1"],
        ["training", "technology", "1/2"],
        ["training", "networking", "3"],
        ["leadership", "technology", "1/2"],
        ["leadership", "networking", "3"],
        ["technology", "networking", "4"],
    ]
    LeverJudgment.objects.create(framework=world.framework, expert_name="Pakar Dua", judgments=second)
    criteria, experts, aggregation = parse_group(
        {
            "criteria": codes,
            "experts": [
                {"name": "Pakar Satu", "weight": 1, "judgments": [list(j) for j in sw.JUDGMENTS]},
                {"name": "Pakar Dua", "weight": 1, "judgments": second},
            ],
            "aggregation": "judgments",
        }
    )
    group = group_priorities(criteria, experts, aggregation=aggregation).aggregate.weights
    weights = sel.lever_weights(world.framework)
    assert weights.basis == "group" and len(weights.experts) == 2
    assert [w for _lever, w in weights.rows] == pytest.approx([float(w) for w in group], rel=1e-9)
    client.force_login(world.facilitator)
    text = client.get(reverse("competency:strategy", args=[world.framework.pk])).content.decode()
    assert "Pakar Dua" in text and "Pakar Satu" in text


def test_expert_enters_lever_judgments_with_a_live_cr_and_saves_them(client, world):
    client.force_login(world.admin)
    consistent = {
        ("training", "leadership"): "3",
        ("training", "technology"): "3",
        ("training", "networking"): "5",
        ("leadership", "technology"): "1",
        ("leadership", "networking"): "2",
        ("technology", "networking"): "2",
    }
    preview = client.post(
        reverse("competency:lever_judgments_preview", args=[world.framework.pk]),
        _verbal_post(world, consistent),
    )
    assert preview.status_code == 200
    assert 'id="cr-value"' in preview.content.decode() and 'class="badge ok"' in preview.content.decode()
    inconsistent = {**consistent, ("technology", "networking"): "1/9"}
    preview = client.post(
        reverse("competency:lever_judgments_preview", args=[world.framework.pk]),
        _verbal_post(world, inconsistent),
    )
    text = preview.content.decode()
    assert 'class="badge warn"' in text and "data-apply-field" in text  # the core's suggestions
    # A value off Saaty's scale is named on its pair (matrix mode).
    bad = _verbal_post(world, {**consistent, ("training", "leadership"): "12"})
    bad["mode"] = "matrix"
    response = client.post(reverse("competency:lever_judgments_new", args=[world.framework.pk]), bad)
    assert response.status_code == 200 and "1/9" in response.content.decode()
    assert not LeverJudgment.objects.filter(expert_name="Pakar Dua").exists()
    response = client.post(
        reverse("competency:lever_judgments_new", args=[world.framework.pk]), _verbal_post(world, consistent)
    )
    assert response.status_code == 302
    stored = LeverJudgment.objects.get(expert_name="Pakar Dua")
    assert ["training", "leadership", "3"] in stored.judgments
    assert AuditEntry.objects.filter(action="competency.lever_judgment.create").count() == 1
    # The edit page shows the stored values again.
    page = client.get(reverse("competency:lever_judgments", args=[stored.pk])).content.decode()
    assert 'id="cr-value"' in page


def test_a_frozen_framework_refuses_rules_and_judgments(client, world):
    AssessmentRound.objects.filter(pk=world.round1.pk).update(status=AssessmentRound.Status.CLOSED)
    client.force_login(world.admin)
    url = reverse("competency:strategy", args=[world.framework.pk])
    page = client.get(url).content.decode()
    assert 'id="strategy-locked"' in page
    response = client.post(url, {f"area_{world.areas['Produksi'].pk}": [world.levers["training"].pk]})
    assert response.status_code == 200 and "putaran yang sudah ditutup" in response.content.decode()
    assert list(world.levers["training"].areas.order_by("position")) == [
        world.areas["Manajemen"],
        world.areas["Produksi"],
    ]
    judgment = world.framework.lever_judgments.get()
    before = list(judgment.judgments)
    response = client.post(
        reverse("competency:lever_judgments", args=[judgment.pk]),
        _verbal_post(
            world, {(a, b): v for a, b, v in sw.JUDGMENTS} | {("training", "leadership"): "1"}, "Pakar Satu"
        ),
    )
    assert response.status_code == 200 and "putaran yang sudah ditutup" in response.content.decode()
    judgment.refresh_from_db()
    assert judgment.judgments == before
    client.post(reverse("competency:lever_judgments_delete", args=[judgment.pk]))
    assert LeverJudgment.objects.filter(pk=judgment.pk).exists()
    assert not AuditEntry.objects.filter(action__startswith="competency.lever_judgment").exists()


def test_a_stored_set_the_core_refuses_is_said_on_the_page_not_a_server_error(client, world):
    # Judgments naming one pair only leave two levers never compared: the core refuses them.
    LeverJudgment.objects.create(
        framework=world.framework, expert_name="Pakar Tiga", judgments=[["training", "leadership", "3"]]
    )
    LeverJudgment.objects.filter(expert_name="Pakar Satu").delete()
    client.force_login(world.admin)
    response = client.get(reverse("competency:strategy", args=[world.framework.pk]))
    assert response.status_code == 200
    weights = response.context["weights"]
    # Said in the page's language (kinerja_web.core_messages), never the core's English.
    assert weights.problem and weights.experts[0].problem
    assert "tidak pernah dibandingkan" in weights.problem and "never compared" not in weights.problem
    text = response.content.decode()
    assert 'class="errorlist" role="alert"' in text and 'lever-weight"' not in text

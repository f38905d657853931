"""Scoring options on the pages: indicators not applicable in a period, targets in parts, the
program's lower-is-better rule, cap and policies, named on the scorecard and frozen at close.

Sources: Manggala, Prihatini and Fadah (2022), IOSR-JBM 24(9): Table 1 (UD Pramitha Salsabila;
"adding production equipment and raw materials: 20 and 6000 litres", a target of two parts) and
the Discussion (work rotation and the temporary-worker attendance adjustment begin in the second
month quarter, so in the first they do not apply; the paper's tables print "-" for them).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja_web.audit.models import AuditEntry
from kinerja_web.frameworks.models import Node
from kinerja_web.performance import services
from kinerja_web.performance.comparison import enterprise_comparison
from kinerja_web.performance.evaluate import evaluate_scorecard
from kinerja_web.performance.models import Scorecard, ScorecardResult, Target
from kinerja_web.performance.tests import paper
from kinerja_web.performance.tests.paper import TABLE1_TOTAL

ROTATION = "Work rotation"
EQUIPMENT = "Adding production equipment and raw materials"


def _node(world, name):
    return world.framework.nodes.get(kind=Node.Kind.INDICATOR, name=name)


def _url(world, name):
    return reverse(
        "performance:indicator_detail", args=[world.enterprise.pk, world.period.pk, _node(world, name).pk]
    )


def _post(client, world, name, *, not_applicable=False, parts=(), version=None):
    data = {
        "version": str(Scorecard.objects.get(pk=world.scorecard.pk).version if version is None else version),
        "parts-TOTAL_FORMS": "4",
        "parts-INITIAL_FORMS": "0",
        "parts-MIN_NUM_FORMS": "4",
        "parts-MAX_NUM_FORMS": "4",
    }
    if not_applicable:
        data["not_applicable"] = "on"
    for index, (part, unit, target, actual) in enumerate(parts):
        data.update(
            {
                f"parts-{index}-name": part,
                f"parts-{index}-unit": unit,
                f"parts-{index}-target": target,
                f"parts-{index}-actual": actual,
            }
        )
    return client.post(_url(world, name), data)


def _total(world):
    return evaluate_scorecard(Scorecard.objects.get(pk=world.scorecard.pk)).total


def test_facilitator_marks_work_rotation_not_applicable_renormalized_and_audited(client, paper_world):
    world = paper_world
    client.force_login(world.facilitator)
    response = _post(client, world, ROTATION, not_applicable=True)
    assert response.status_code == 302
    # Not scored 0: the other eight weights (76.74) rescaled to 100; (94.783484 - 23.26) / 76.74 x 100.
    assert _total(world) == pytest.approx((TABLE1_TOTAL - 23.26) / 76.74 * 100, abs=1e-6)
    card = Scorecard.objects.get(pk=world.scorecard.pk)
    assert card.approved_at is None and card.version == 2  # its figures changed: approve again
    entry = AuditEntry.objects.get(action="scorecard.indicator_save")
    assert entry.changes["rows"] == {ROTATION: {"not_applicable": [False, True]}}
    client.cookies["django_language"] = "en"
    page = client.get(reverse("performance:scorecard", args=[world.enterprise.pk, world.period.pk]))
    html = page.content.decode()
    assert "not applicable in this period" in html
    assert "93.20" in html
    assert "the other weights are rescaled to sum to 100" in html
    client.cookies["django_language"] = "id"
    html = client.get(reverse("performance:scorecard", args=[world.enterprise.pk, world.period.pk])).content
    assert "tidak berlaku pada periode ini" in html.decode() and "93,20" in html.decode()
    assert "bobot indikator lainnya diskalakan ulang hingga berjumlah 100" in html.decode()
    client.cookies["django_language"] = "en"
    client.force_login(world.admin)
    audit = client.get(reverse("audit:entry_list")).content.decode()
    assert "marked an indicator not applicable or set a target in parts" in audit
    assert "Work rotation" in audit


def test_program_policy_as_is_keeps_the_weights(client, paper_world):
    world = paper_world
    world.program.not_applicable_policy = "as-is"
    world.program.save()
    client.force_login(world.facilitator)
    _post(client, world, ROTATION, not_applicable=True)
    assert _total(world) == pytest.approx(TABLE1_TOTAL - 23.26, abs=1e-6)
    client.cookies["django_language"] = "en"
    html = client.get(reverse("performance:scorecard", args=[world.enterprise.pk, world.period.pk])).content
    assert "the other weights are kept as they are" in html.decode()


def test_table1_equipment_as_two_measured_parts(client, paper_world):
    world = paper_world
    client.force_login(world.facilitator)
    # The paper's 100 % for "20 and 6000 litres": both parts met, the total is unchanged.
    parts = [("Cetakan", "cetakan", "20", "20"), ("Bahan baku", "L", "6000", "6000")]
    assert _post(client, world, EQUIPMENT, parts=parts).status_code == 302
    target = Target.objects.get(scorecard=world.scorecard, node=_node(world, EQUIPMENT))
    assert [p["name"] for p in target.parts] == ["Cetakan", "Bahan baku"]
    assert _total(world) == pytest.approx(TABLE1_TOTAL, abs=1e-6)
    # 15 of 20 molds: mean of the parts (75 % and 100 %) is 87.5 %, 6.725 x 12.5 % lost.
    parts[0] = ("Cetakan", "cetakan", "20", "15")
    _post(client, world, EQUIPMENT, parts=parts)
    line = next(ln for ln in evaluate_scorecard(world.scorecard).lines if ln.name == EQUIPMENT)
    assert line.realization == pytest.approx(87.5)
    assert _total(world) == pytest.approx(TABLE1_TOTAL - 6.725 * 0.125, abs=1e-6)
    world.program.composite_rule = "min"
    world.program.save()
    assert (
        next(ln for ln in evaluate_scorecard(world.scorecard).lines if ln.name == EQUIPMENT).realization == 75
    )


def test_parts_errors_name_the_part_and_save_nothing(client, paper_world):
    world = paper_world
    client.force_login(world.facilitator)
    client.cookies["django_language"] = "en"
    response = _post(
        client, world, EQUIPMENT, parts=[("Cetakan", "", "0", "15"), ("Bahan baku", "L", "6000", "")]
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Give the part" in html
    one = _post(client, world, EQUIPMENT, parts=[("Cetakan", "", "20", "15")])
    assert "at least two parts" in one.content.decode()
    assert not Target.objects.filter(node=_node(world, EQUIPMENT)).exclude(parts=[]).exists()
    assert not AuditEntry.objects.filter(action="scorecard.indicator_save").exists()


def test_owner_may_not_mark_an_indicator_and_a_closed_period_refuses(client, paper_world):
    world = paper_world
    client.force_login(world.owner)
    assert client.get(_url(world, ROTATION)).status_code == 403
    assert _post(client, world, ROTATION, not_applicable=True).status_code == 403
    services.period_close(period=world.period, closed_by=world.admin)
    client.force_login(world.facilitator)
    response = _post(client, world, ROTATION, not_applicable=True)
    assert response.status_code == 200
    assert not Target.objects.filter(not_applicable=True).exists()


def test_a_stale_form_is_refused(client, paper_world):
    world = paper_world
    client.force_login(world.facilitator)
    _post(client, world, ROTATION, not_applicable=True)
    stale = _post(client, world, EQUIPMENT, not_applicable=True, version=1)
    assert stale.status_code == 200
    assert not Target.objects.filter(node=_node(world, EQUIPMENT), not_applicable=True).exists()


def test_program_options_reach_the_core_and_closed_results_keep_theirs(paper_world):
    world = paper_world
    rotation = _node(world, ROTATION)
    Target.objects.filter(scorecard=world.scorecard, node=rotation).update(not_applicable=True)
    services.period_close(period=world.period, closed_by=world.admin)
    stored = ScorecardResult.objects.get(scorecard=world.scorecard)
    assert stored.options["not_applicable"] == "renormalize" and stored.options["cap"] == 100
    frozen_total = stored.total
    row = next(r for r in stored.rows if r["name"] == ROTATION)
    assert row["not_applicable"] is True and row["score"] is None
    world.program.not_applicable_policy = "as-is"
    world.program.score_cap = None
    world.program.save()
    evaluation = evaluate_scorecard(Scorecard.objects.select_related("period").get(pk=world.scorecard.pk))
    assert evaluation.frozen and evaluation.total == frozen_total
    assert evaluation.options.not_applicable == "renormalize"
    assert next(ln for ln in evaluation.lines if ln.name == ROTATION).not_applicable


def test_cap_none_and_lower_linear_from_the_program(paper_world):
    world = paper_world
    world.program.score_cap = None
    world.program.save()
    turnover = _node(world, "Sales turnover")
    Target.objects.filter(scorecard=world.scorecard, node=turnover).update(manual_realization=Decimal("120"))
    line = next(ln for ln in evaluate_scorecard(world.scorecard).lines if ln.name == "Sales turnover")
    assert line.realization == 120  # not capped
    world.program.score_cap = Decimal("110")
    world.program.save()
    line = next(ln for ln in evaluate_scorecard(world.scorecard).lines if ln.name == "Sales turnover")
    assert line.realization == 110
    evaluation = evaluate_scorecard(world.scorecard)
    assert evaluation.options.cap == Decimal("110") and evaluation.options.lower_rule == "ratio"


def test_comparison_shows_a_dash_where_an_indicator_did_not_apply(client, paper_world):
    world = paper_world
    first = paper.period(world.program, 0)
    card = paper.table2_scorecard(world.enterprise, first, world.framework, 0)
    Target.objects.filter(scorecard=card, node=_node(world, ROTATION)).update(not_applicable=True)
    comparison = enterprise_comparison(world.enterprise)
    rotation = next(s for s in comparison.scores if s.label == ROTATION)
    assert rotation.values[0] is None and rotation.values[1] == pytest.approx(23.26)


def test_the_scorecard_csv_says_which_indicator_did_not_apply(client, paper_world):
    world = paper_world
    client.force_login(world.facilitator)
    _post(client, world, ROTATION, not_applicable=True)
    client.cookies["django_language"] = "en"
    url = reverse("performance:scorecard_csv", args=[world.enterprise.pk, world.period.pk])
    response = client.get(url)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    text = content.decode("utf-8-sig")
    row = next(line for line in text.splitlines() if ROTATION in line)
    assert row.endswith("not applicable in this period")


def test_the_targets_page_marks_rows_not_applicable_or_in_parts(client, paper_world):
    world = paper_world
    client.force_login(world.facilitator)
    _post(client, world, ROTATION, not_applicable=True)
    _post(client, world, EQUIPMENT, parts=[("Cetakan", "", "20", "20"), ("Bahan baku", "L", "6000", "6000")])
    client.cookies["django_language"] = "id"
    html = client.get(reverse("performance:targets", args=[world.enterprise.pk, world.period.pk])).content
    assert "tidak berlaku pada periode ini" in html.decode() and "target dalam bagian" in html.decode()

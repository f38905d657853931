"""Weights of stored frameworks come from the core, and compose to the paper's Table 1.

Source of the expected numbers: Manggala et al. (2022), IOSR-JBM 24(9), Table 1 (UD Pramitha
Salsabila): global weights 15, 5.625, 6.5, 23.26, 8.5, 2.125, 6.725, 6.26 and 26.005 percent.
"""

from __future__ import annotations

import numpy as np
import pytest

from kinerja.ahp import Expert, analyse, group_priorities, parse_comparison
from kinerja_web.frameworks import demo, paper, selectors
from kinerja_web.frameworks.models import ExpertJudgment, Node
from kinerja_web.frameworks.tests.factories import (
    close_period_with,
    micro_framework,
    paper_framework,
    three_indicators,
)
from kinerja_web.tests import factories as f

pytestmark = pytest.mark.django_db

TABLE1 = (15, 5.625, 6.5, 23.26, 8.5, 2.125, 6.725, 6.26, 26.005)


def test_table1_adopted_weights_compose_to_the_papers_global_weights():
    framework = paper_framework(f.ProgramFactory())

    indicators = selectors.framework_indicators(framework)

    assert [i.node.name for i in indicators] == [
        "Kehadiran",
        "Waktu produksi",
        "Penyesuaian kehadiran pekerja tidak tetap",
        "Rotasi kerja",
        "Total produksi",
        "Produksi gula kelapa beryodium",
        "Penambahan peralatan produksi dan bahan baku",
        "Harga produk terhadap total penjualan",
        "Omzet penjualan",
    ]
    for indicator, expected in zip(indicators, TABLE1, strict=True):
        assert indicator.global_weight_pct == pytest.approx(expected, abs=1e-12)
    assert sum(i.global_weight_pct for i in indicators) == pytest.approx(100, abs=1e-12)
    assert [i.perspective_node.name for i in indicators[:4]] == [paper.SDM] * 4
    assert indicators[5].node.source_product == "Gula kelapa beryodium"
    assert indicators[3].path == (paper.GOAL, paper.SDM, "Rotasi kerja")
    # Human Resources carries 15 + 5.625 + 6.5 + 23.26 = 50.385 % of the paper's weight.
    assert indicators[0].local_weight == pytest.approx(15 / 50.385, abs=1e-15)


def test_one_experts_judgments_give_the_cores_weights():
    framework, sdm, (a, b, c) = three_indicators(f.ProgramFactory())
    goal = framework.nodes.get(parent__isnull=True)
    judgments = [[a.pk, b.pk, "3"], [a.pk, c.pk, "5"], [b.pk, c.pk, "2"]]
    ExpertJudgment.objects.create(node=sdm, expert_name="Ahli", judgments=judgments)

    indicators = selectors.framework_indicators(framework)

    expected = analyse(
        parse_comparison(
            {
                "criteria": ["Kehadiran", "Waktu produksi", "Rotasi kerja"],
                "judgments": [["Kehadiran", "Waktu produksi", 3], ["Kehadiran", "Rotasi kerja", 5],
                              ["Waktu produksi", "Rotasi kerja", 2]],
            }
        )
    )  # fmt: skip
    got = [i.global_weight_pct / 100 for i in indicators]
    np.testing.assert_allclose(got, expected.weights, rtol=0, atol=1e-12)
    assert goal.pk not in {i.node.pk for i in indicators}


def test_several_experts_are_aggregated_by_the_core_with_consensus_and_each_experts_cr():
    framework = micro_framework(f.ProgramFactory())
    sdm = framework.nodes.get(name=paper.SDM)

    analysis = selectors.node_analysis(sdm)

    names = [child.name for child in sdm.children.order_by("position")]
    experts = [
        Expert(name, 1.0, parse_comparison({"criteria": names, "judgments": [list(j) for j in entries]}))
        for name, entries in sorted(demo.MICRO_SDM.items())
    ]
    expected = group_priorities(names, experts, aggregation="judgments")
    np.testing.assert_allclose(analysis.weights, expected.aggregate.weights, atol=1e-12)
    assert analysis.consensus == pytest.approx(expected.consensus, abs=1e-12)
    by_name = {row.judgment_set.expert_name: row for row in analysis.experts}
    assert by_name[demo.FIELD_FACILITATOR].cr == pytest.approx(0.1169, abs=1e-4)
    assert not by_name[demo.FIELD_FACILITATOR].consistent
    assert by_name[demo.RESEARCHER].consistent
    assert not analysis.consistent  # one expert above 0.10: a warning, yet weighted
    assert analysis.status == "judgments"


def test_aggregating_priorities_instead_of_judgments_changes_the_method_not_the_order():
    framework = micro_framework(f.ProgramFactory())
    sdm = framework.nodes.get(name=paper.SDM)
    aij = selectors.node_analysis(sdm).weights
    sdm.aggregation = Node.Aggregation.PRIORITIES
    sdm.save()

    aip = selectors.node_analysis(sdm)

    assert aip.group.aggregation == "priorities"
    assert np.argsort(aip.weights).tolist() == np.argsort(aij).tolist()


def test_inconsistent_judgments_still_weigh_and_bring_suggestions():
    framework, sdm, (a, b, c) = three_indicators(f.ProgramFactory())
    ExpertJudgment.objects.create(
        node=sdm, expert_name="Ahli", judgments=[[a.pk, b.pk, "3"], [a.pk, c.pk, "1/2"], [b.pk, c.pk, "2"]]
    )

    weights = selectors.framework_weights(framework)

    analysis = weights.analyses[sdm.pk]
    assert weights.weighted
    assert analysis.cr > 0.1 and not analysis.consistent
    assert analysis.suggestions and analysis.suggestions[0].cr_after < analysis.cr
    assert {analysis.suggestions[0].a.pk, analysis.suggestions[0].b.pk} <= {a.pk, b.pk, c.pk}
    assert weights.inconsistent_nodes == (sdm,)


def test_a_node_without_judgments_is_not_yet_weighted_and_the_scorecard_is_told_why():
    framework, sdm, _ = three_indicators(f.ProgramFactory())

    with pytest.raises(selectors.FrameworkNotWeighted) as raised:
        selectors.framework_indicators(framework)

    assert [problem.node for problem in raised.value.problems] == [sdm]
    assert "SDM" in str(raised.value)
    weights = selectors.framework_weights(framework)
    assert weights.analyses[sdm.pk].status == "not_weighted"
    assert weights.global_[sdm.pk] is None


def test_judgments_that_leave_a_new_child_uncompared_say_so():
    framework, sdm, (a, b, _c) = three_indicators(f.ProgramFactory())
    ExpertJudgment.objects.create(node=sdm, expert_name="Ahli", judgments=[[a.pk, b.pk, "3"]])

    weights = selectors.framework_weights(framework)

    assert not weights.weighted
    assert "Ahli" in weights.problems[0].message


def test_incomplete_but_connected_judgments_are_weighted():
    framework, sdm, (a, b, c) = three_indicators(f.ProgramFactory())
    ExpertJudgment.objects.create(
        node=sdm, expert_name="Ahli", judgments=[[a.pk, b.pk, "3"], [b.pk, c.pk, "2"]]
    )

    indicators = selectors.framework_indicators(framework)

    assert [round(i.global_weight_pct, 6) for i in indicators] == pytest.approx(
        [66.666667, 22.222222, 11.111111]
    )


def test_a_perspective_without_indicators_blocks_the_weights():
    framework, _sdm, indicators = three_indicators(f.ProgramFactory())
    for indicator in indicators:
        indicator.delete()

    with pytest.raises(selectors.FrameworkNotWeighted):
        selectors.framework_indicators(framework)


def test_sensitivity_names_nodes_and_the_indicators_that_swap():
    framework = paper_framework(f.ProgramFactory())

    rows = selectors.framework_sensitivity(framework)

    by_name = {row.node.name: row for row in rows}
    assert by_name[paper.SDM].stability.lower <= by_name[paper.SDM].stability.weight <= 1
    assert any(row.swaps_at_lower or row.swaps_at_upper for row in rows)


def test_a_framework_is_locked_only_by_a_closed_period():
    program = f.ProgramFactory()
    enterprise = f.EnterpriseFactory(cluster=f.ClusterFactory(program=program))
    framework = paper_framework(program)
    assert not selectors.framework_is_locked(framework)

    close_period_with(framework, enterprise, closed=False)
    assert not selectors.framework_is_locked(framework)
    assert selectors.framework_in_use(framework)

    close_period_with(framework, enterprise, closed=True)
    assert selectors.framework_is_locked(framework)


def test_owner_sees_only_the_framework_their_scorecard_uses():
    program = f.ProgramFactory()
    enterprise = f.EnterpriseFactory(cluster=f.ClusterFactory(program=program))
    owner = f.owner(enterprise)
    used, unused = paper_framework(program), paper_framework(program, "paper-small")
    close_period_with(used, enterprise, closed=False)

    assert list(selectors.visible_frameworks(owner)) == [used]
    assert not selectors.can_edit_framework(owner, used)
    assert unused not in selectors.visible_frameworks(owner)


def test_facilitators_edit_their_programs_frameworks_and_only_administrators_edit_templates():
    cluster = f.ClusterFactory()
    facilitator, admin = f.facilitator(cluster), f.program_admin(cluster.program)
    framework = paper_framework(cluster.program)
    template = paper_framework(cluster.program, is_template=True)

    assert selectors.can_edit_framework(facilitator, framework)
    assert not selectors.can_edit_framework(facilitator, template)
    assert selectors.can_edit_framework(admin, template)
    other = f.facilitator(f.ClusterFactory())
    assert framework not in selectors.visible_frameworks(other)


def test_newest_framework_for_a_size_class():
    program = f.ProgramFactory()
    medium = paper_framework(program)
    small = paper_framework(program, "paper-small")

    assert selectors.framework_for_size_class(program, "medium") == medium
    assert selectors.framework_for_size_class(program, "small") == small
    assert selectors.framework_for_size_class(program, "micro") is None

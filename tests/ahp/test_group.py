"""Group AHP: aggregation of judgments (AIJ) or priorities (AIP) and Goepel's consensus S*.

Sources: Aczél & Saaty (1983), J. Math. Psych. 27:93-102 (weighted geometric mean of
judgments); Forman & Peniwati (1998), EJOR 108:165-169 (AIJ vs AIP); Barzilai & Golany
(1994), INFOR 32(2):57-64 (with row geometric means, AIJ and AIP give the same weights);
Goepel (2013), Proc. ISAHP 2013, and Goepel (2018), IJAHP 10(3):469-487 (consensus S*).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.ahp.group import (
    Expert,
    aggregate_judgments,
    consensus_indicator,
    consensus_words,
    group_priorities,
    parse_group,
)
from kinerja.ahp.parse import SAATY_VALUES, comparison_from_weights, parse_comparison
from kinerja.ahp.priorities import analyse
from kinerja.errors import InputError

CRITERIA = ["Attendance", "Production time", "Work rotation"]
MATRIX = [[1, 3, "1/2"], ["1/3", 1, "1/5"], [2, 5, 1]]


def group_input(**changes):
    data = {
        "criteria": CRITERIA,
        "experts": [
            {"name": "Owner", "weight": 2, "matrix": MATRIX},
            {"name": "Facilitator", "weight": 1, "judgments": [["Attendance", "Work rotation", 3]]},
        ],
    }
    data["experts"][1]["judgments"].append(["Production time", "Work rotation", "1/2"])
    data.update(changes)
    return data


def expert(name, matrix, weight=1.0, criteria=("A", "B", "C")):
    return Expert(name, weight, parse_comparison({"criteria": list(criteria), "matrix": matrix}))


# --- consensus S* ---------------------------------------------------------------------------


def test_identical_experts_have_full_consensus():
    vectors = np.array([[0.5, 0.3, 0.2]] * 4)
    assert consensus_indicator(vectors) == pytest.approx(1.0, abs=1e-12)


def test_two_opposite_experts_on_two_criteria_match_the_hand_derived_value():
    # Experts rate A vs B as 3 and as 1/3: priorities (3/4, 1/4) and (1/4, 3/4).
    # H_alpha = H(3/4, 1/4), so exp(H_alpha) = 4 / 3**0.75; H_gamma = ln 2;
    # D_beta = 2 / exp(H_alpha) = 3**0.75 / 2.  D_alpha_min (n = 2, M = 9) = exp(H(9/10, 1/10))
    # = 10 / 9**0.9, D_gamma_max = 2, so S* = (2 / 3**0.75 - 5 / 9**0.9) / (1 - 5 / 9**0.9)
    # (Goepel 2013, eqs. for H_alpha, H_gamma, H_beta and S*; bpmsg.com eqs. 1.6, 1.8, 1.10).
    expected = (2 / 3**0.75 - 5 / 9**0.9) / (1 - 5 / 9**0.9)
    assert expected == pytest.approx(0.6018, abs=1e-4)
    assert consensus_indicator(np.array([[0.75, 0.25], [0.25, 0.75]])) == pytest.approx(expected, rel=1e-12)


def test_experts_as_far_apart_as_the_scale_allows_have_no_consensus():
    # n experts each rating "their" criterion 9 times as important as every other one reach
    # Goepel's minimum alpha entropy and maximum gamma entropy: S* = 0 (Goepel 2013).
    n = 4
    vectors = np.full((n, n), 1.0 / (n + 8))
    np.fill_diagonal(vectors, 9.0 / (n + 8))
    assert consensus_indicator(vectors) == pytest.approx(0.0, abs=1e-12)


def test_one_expert_is_full_consensus():
    assert consensus_indicator(np.array([[0.2, 0.8]])) == 1.0


def test_consensus_falls_as_one_expert_moves_away():
    base = np.array([0.6, 0.3, 0.1])
    values = [
        consensus_indicator(np.array([base, (1 - t) * base + t * np.array([0.1, 0.3, 0.6])]))
        for t in (0.0, 0.3, 0.6, 1.0)
    ]
    assert values == sorted(values, reverse=True)
    assert values[0] == pytest.approx(1.0)


@given(st.lists(st.lists(st.floats(0.01, 1.0), min_size=3, max_size=3), min_size=2, max_size=6))
@settings(max_examples=100, deadline=None)
def test_consensus_stays_between_zero_and_one(rows):
    vectors = np.array(rows)
    vectors /= vectors.sum(axis=1, keepdims=True)
    assert 0.0 <= consensus_indicator(vectors) <= 1.0


def test_consensus_words_follow_goepels_scale():
    # bpmsg.com "AHP consensus word scale": <0.5 very low ... >0.875 very high.
    assert [consensus_words(v) for v in (0.3, 0.55, 0.7, 0.8, 0.9)] == [
        "very low",
        "low",
        "moderate",
        "high",
        "very high",
    ]


# --- aggregation ----------------------------------------------------------------------------


def test_identical_experts_give_the_single_matrix_weights_both_ways():
    single = analyse(parse_comparison({"criteria": CRITERIA, "matrix": MATRIX}))
    experts = [
        Expert(f"E{i}", 1.0, parse_comparison({"criteria": CRITERIA, "matrix": MATRIX})) for i in range(3)
    ]
    for aggregation in ("judgments", "priorities"):
        result = group_priorities(CRITERIA, experts, aggregation=aggregation)
        np.testing.assert_allclose(result.aggregate.weights, single.weights, rtol=1e-10)
        assert result.consensus == pytest.approx(1.0)


def test_judgments_aggregate_by_weighted_geometric_mean():
    # Aczél & Saaty (1983): a_AB = 4**(3/4) * 1**(1/4) for expert weights 3 and 1.
    first = expert("E1", [[1, 4, 4], ["1/4", 1, 1], ["1/4", 1, 1]], weight=3)
    second = expert("E2", [[1, 1, 1], [1, 1, 1], [1, 1, 1]], weight=1)
    matrix = aggregate_judgments([first, second]).matrix
    assert matrix[0, 1] == pytest.approx(4**0.75)
    assert matrix[1, 0] == pytest.approx(4**-0.75)
    assert matrix[1, 2] == pytest.approx(1.0)


def test_missing_judgments_are_averaged_over_the_experts_who_gave_them():
    partial = Expert(
        "E1",
        1.0,
        parse_comparison({"criteria": ["A", "B", "C"], "judgments": [["A", "B", 2], ["B", "C", 3]]}),
    )
    full = expert("E2", [[1, 8, 4], ["1/8", 1, "1/2"], ["1/4", 2, 1]])
    matrix = aggregate_judgments([partial, full]).matrix
    assert matrix[0, 1] == pytest.approx(4.0)  # sqrt(2 * 8)
    assert matrix[0, 2] == pytest.approx(4.0)  # only E2 judged A vs C
    assert matrix[2, 0] == pytest.approx(0.25)


def test_priorities_aggregate_by_normalised_weighted_geometric_mean():
    # Forman & Peniwati (1998): AIP = weighted geometric mean of the priority vectors.
    first = Expert("E1", 2.0, comparison_from_weights(["A", "B"], [0.8, 0.2]))
    second = Expert("E2", 1.0, comparison_from_weights(["A", "B"], [0.5, 0.5]))
    result = group_priorities(["A", "B"], [first, second], aggregation="priorities")
    raw = np.array([0.8 ** (2 / 3) * 0.5 ** (1 / 3), 0.2 ** (2 / 3) * 0.5 ** (1 / 3)])
    np.testing.assert_allclose(result.aggregate.weights, raw / raw.sum(), rtol=1e-10)
    assert result.aggregate.cr == pytest.approx(0.0, abs=1e-12)


scale = st.sampled_from(SAATY_VALUES)


@given(st.lists(st.tuples(scale, scale, scale, st.integers(1, 5)), min_size=1, max_size=5))
@settings(max_examples=60, deadline=None)
def test_with_geometric_means_aggregating_judgments_or_priorities_gives_the_same_weights(rows):
    # Barzilai & Golany (1994): row geometric mean commutes with the weighted geometric mean.
    experts = [
        Expert(
            f"E{i}",
            float(w),
            parse_comparison(
                {"criteria": ["A", "B", "C"], "matrix": [[1, ab, ac], [1 / ab, 1, bc], [1 / ac, 1 / bc, 1]]}
            ),
        )
        for i, (ab, ac, bc, w) in enumerate(rows)
    ]
    aij = group_priorities(["A", "B", "C"], experts, method="geometric")
    aip = group_priorities(["A", "B", "C"], experts, method="geometric", aggregation="priorities")
    np.testing.assert_allclose(aij.aggregate.weights, aip.aggregate.weights, rtol=1e-9)


def test_each_expert_keeps_their_own_weights_and_cr():
    criteria, experts, aggregation = parse_group(group_input())
    result = group_priorities(criteria, experts, aggregation=aggregation)
    own = analyse(parse_comparison({"criteria": CRITERIA, "matrix": MATRIX}))
    assert [e.name for e in result.experts] == ["Owner", "Facilitator"]
    np.testing.assert_allclose(result.experts[0].weights, own.weights)
    assert result.experts[0].cr == pytest.approx(own.cr)
    assert 0.0 <= result.consensus <= 1.0


def test_group_output_has_the_contract_keys_and_each_experts_weights():
    criteria, experts, aggregation = parse_group(group_input(aggregation="priorities"))
    payload = group_priorities(criteria, experts, aggregation=aggregation).as_dict()
    for key in (
        "weights",
        "method",
        "lambda_max",
        "ci",
        "ri",
        "ri_table",
        "cr",
        "consistent",
        "n",
        "complete",
    ):
        assert key in payload
    assert payload["aggregation"] == "priorities"
    assert payload["consensus_method"] == "goepel-shannon-beta"
    assert set(payload["experts"][1]) >= {"name", "weight", "weights", "cr"}
    assert set(payload["experts"][1]["weights"]) == set(CRITERIA)
    assert math.fsum(payload["weights"].values()) == pytest.approx(1.0)


def test_an_expert_may_list_the_criteria_in_another_order():
    reordered = {
        "name": "Reordered",
        "criteria": ["Work rotation", "Attendance", "Production time"],
        "matrix": [[1, 2, 5], ["1/2", 1, 3], ["1/5", "1/3", 1]],
    }
    _, experts, _ = parse_group(group_input(experts=[{"name": "Owner", "matrix": MATRIX}, reordered]))
    np.testing.assert_allclose(experts[1].comparison.matrix, experts[0].comparison.matrix)


# --- input errors name the place -------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "where", "words"),
    [
        ({"experts": []}, "experts", "at least one expert"),
        ({"experts": "Owner"}, "experts", "list"),
        ({"aggregation": "mean"}, "aggregation", "judgments"),
        ({"criteria": "A, B"}, "criteria", "list"),
        ({"criteria": ["A", "A"]}, "criteria[1]", "duplicate"),
    ],
)
def test_bad_group_input_is_reported_at_its_place(change, where, words):
    with pytest.raises(InputError) as caught:
        parse_group(group_input(**change))
    assert caught.value.where == where
    assert words in caught.value.problem


@pytest.mark.parametrize(
    ("expert_change", "where"),
    [
        ({"weight": -1}, "experts[1].weight"),
        ({"weight": 0}, "experts[1].weight"),
        ({"weight": "2"}, "experts[1].weight"),
        ({"weight": True}, "experts[1].weight"),
        ({"name": "Owner"}, "experts[1].name"),
        ({"name": ""}, "experts[1].name"),
        ({"criteria": ["Attendance", "Production time", "Rotation"]}, "experts[1].judgments[0][1]"),
        ({"judgments": [["Attendance", "Work rotation", 12]]}, "experts[1].judgments[0][2]"),
    ],
)
def test_bad_expert_is_reported_at_its_place(expert_change, where):
    data = group_input()
    data["experts"][1].update(expert_change)
    with pytest.raises(InputError) as caught:
        parse_group(data)
    assert caught.value.where == where


def test_an_experts_matrix_cell_is_named_with_the_expert():
    data = group_input()
    data["experts"][0]["matrix"] = [[1, 3, "x"], ["1/3", 1, "1/5"], [2, 5, 1]]
    with pytest.raises(InputError) as caught:
        parse_group(data)
    assert caught.value.where == "experts[0].matrix[0][2]"


def test_an_expert_with_other_criteria_is_refused():
    data = group_input()
    data["experts"][0] = {
        "name": "Owner",
        "criteria": ["Attendance", "Production time"],
        "matrix": [[1, 2], ["1/2", 1]],
    }
    with pytest.raises(InputError) as caught:
        parse_group(data)
    assert caught.value.where == "experts[0].criteria"
    assert "Work rotation" in caught.value.problem

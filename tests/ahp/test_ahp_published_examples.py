"""Published AHP examples: the weights and consistency ratios their authors printed.

Printed figures are rounded (to 3 or 4 decimals), so each check allows half a unit of the
last printed decimal.
"""

from __future__ import annotations

import numpy as np
import pytest

from kinerja.ahp import analyse, parse_comparison


def judged(criteria, pairs):
    return parse_comparison({"criteria": criteria, "judgments": [[a, b, v] for (a, b), v in pairs.items()]})


# Saaty, T. L. (2008), "Decision making with the analytic hierarchy process", Int. J. Services
# Sciences 1(1): 83-98, the drink-consumption example (the matrix "Which drink is consumed
# more in the U.S.?" and its derived scale); the same judgments are in AHPy's test suite.
DRINKS = {
    ("coffee", "wine"): 9, ("coffee", "tea"): 5, ("coffee", "beer"): 2, ("coffee", "soda"): 1,
    ("coffee", "milk"): 1, ("water", "coffee"): 2, ("water", "wine"): 9, ("water", "tea"): 9,
    ("water", "beer"): 3, ("water", "soda"): 2, ("water", "milk"): 3, ("tea", "wine"): 3,
    ("beer", "wine"): 9, ("beer", "tea"): 3, ("beer", "milk"): 1, ("soda", "wine"): 9,
    ("soda", "tea"): 4, ("soda", "beer"): 2, ("soda", "milk"): 2, ("milk", "wine"): 9,
    ("milk", "tea"): 3,
}  # fmt: skip


def test_saaty_2008_drink_consumption_weights_and_cr():
    comparison = judged(["coffee", "wine", "tea", "beer", "soda", "milk", "water"], DRINKS)
    result = analyse(comparison)
    published = {"coffee": 0.177, "wine": 0.019, "tea": 0.042, "beer": 0.116, "soda": 0.190, "milk": 0.129,
                 "water": 0.327}  # fmt: skip
    for name, weight in published.items():
        assert result.weights_by_name()[name] == pytest.approx(weight, abs=5e-4)
    assert result.cr == pytest.approx(0.022, abs=5e-4)
    assert result.ri == 1.32 and result.ri_table == "saaty"
    assert result.consistent and result.suggestions == ()


def test_wikipedia_leader_example_criteria_weights():
    # "Analytic hierarchy process - leader example", Wikipedia (pairwise comparison of the
    # criteria with respect to the goal): Experience .547, Education .127, Charisma .270,
    # Age .056, CR 0.044. The four printed weights are rounded to sum to 1 (the eigenvector
    # gives .5476 for Experience), so this check allows one unit of the third decimal.
    comparison = parse_comparison(
        {
            "criteria": ["Experience", "Education", "Charisma", "Age"],
            "matrix": [[1, 4, 3, 7], ["1/4", 1, "1/3", 3], ["1/3", 3, 1, 5], ["1/7", "1/3", "1/5", 1]],
        }
    )
    result = analyse(comparison)
    weights = result.weights_by_name()
    assert weights["Experience"] == pytest.approx(0.547, abs=1e-3)
    assert weights["Education"] == pytest.approx(0.127, abs=1e-3)
    assert weights["Charisma"] == pytest.approx(0.270, abs=1e-3)
    assert weights["Age"] == pytest.approx(0.056, abs=1e-3)
    assert result.cr == pytest.approx(0.044, abs=5e-4)


# Saaty, T. L. (2005), Theory and Applications of the Analytic Network Process, RWS
# Publications: choosing a city to live in (Bethesda, Boston, Pittsburgh, Santa Fe) by five
# criteria; the synthesised priorities .229, .275, .385, .111 (also AHPy's test suite, at 4
# decimals: .2291, .2748, .3852, .1110).
CITY_CRITERIA = {
    ("Culture", "Housing"): 3, ("Culture", "Transportation"): 5, ("Family", "Culture"): 5,
    ("Family", "Housing"): 7, ("Family", "Transportation"): 7, ("Housing", "Transportation"): 3,
    ("Jobs", "Culture"): 2, ("Jobs", "Housing"): 4, ("Jobs", "Transportation"): 7, ("Family", "Jobs"): 1,
}  # fmt: skip
CITY_JUDGMENTS = {
    "Culture": {("Boston", "Bethesda"): 2, ("Boston", "Pittsburgh"): 2.5, ("Boston", "Santa Fe"): 1,
                ("Pittsburgh", "Bethesda"): 1, ("Santa Fe", "Bethesda"): 2, ("Santa Fe", "Pittsburgh"): 2.5},
    "Family": {("Bethesda", "Boston"): 2, ("Bethesda", "Santa Fe"): 4, ("Boston", "Santa Fe"): 2,
               ("Pittsburgh", "Bethesda"): 3, ("Pittsburgh", "Boston"): 8, ("Pittsburgh", "Santa Fe"): 9},
    "Housing": {("Bethesda", "Boston"): 5, ("Bethesda", "Santa Fe"): 2.5, ("Pittsburgh", "Bethesda"): 2,
                ("Pittsburgh", "Boston"): 9, ("Pittsburgh", "Santa Fe"): 7, ("Santa Fe", "Boston"): 4},
    "Jobs": {("Bethesda", "Pittsburgh"): 3, ("Bethesda", "Santa Fe"): 4, ("Boston", "Bethesda"): 2,
             ("Boston", "Pittsburgh"): 6, ("Boston", "Santa Fe"): 8, ("Pittsburgh", "Santa Fe"): 1},
    "Transportation": {("Bethesda", "Boston"): 1.5, ("Bethesda", "Santa Fe"): 4, ("Boston", "Santa Fe"): 2.5,
                       ("Pittsburgh", "Bethesda"): 2, ("Pittsburgh", "Boston"): 3.5,
                       ("Pittsburgh", "Santa Fe"): 9},
}  # fmt: skip


def test_saaty_2005_city_choice_synthesised_priorities():
    criteria = ["Culture", "Family", "Housing", "Jobs", "Transportation"]
    cities = ["Bethesda", "Boston", "Pittsburgh", "Santa Fe"]
    top = analyse(judged(criteria, CITY_CRITERIA)).weights_by_name()
    total = np.zeros(len(cities))
    for name in criteria:
        total += top[name] * analyse(judged(cities, CITY_JUDGMENTS[name])).weights
    assert total == pytest.approx([0.2291, 0.2748, 0.3852, 0.1110], abs=5e-5)


def test_teknomo_tutorial_mean_normalized_priority_vector():
    # Teknomo, K. (2006-2012), "Analytic Hierarchy Process (AHP) Tutorial", Revoledu.com, the
    # three-criteria example: normalise each column by its sum, average the rows; priority
    # vector 0.2828, 0.6434, 0.0738. Teknomo's lambda_max 3.0967 is sum_j (column sum_j * w_j);
    # Kinerja's mean-normalized lambda_max is, by the CLI contract, the mean of (A w)_i / w_i.
    comparison = parse_comparison(
        {"criteria": ["A", "B", "C"], "matrix": [[1, "1/3", 5], [3, 1, 7], ["1/5", "1/7", 1]]}
    )
    result = analyse(comparison, method="mean-normalized")
    assert result.weights == pytest.approx([0.2828, 0.6434, 0.0738], abs=5e-5)
    matrix, w = comparison.matrix, result.weights
    assert matrix.sum(axis=0) @ w == pytest.approx(3.0967, abs=5e-5)
    assert result.lambda_max == pytest.approx(np.mean(matrix @ w / w), rel=1e-12)


def test_row_geometric_mean_equals_eigenvector_for_three_criteria():
    # For n = 3 the row geometric mean is the principal eigenvector exactly (Crawford &
    # Williams 1985, "A note on the analysis of subjective judgment matrices", J. Math.
    # Psychology 29: 387-405).
    comparison = parse_comparison(
        {"criteria": ["A", "B", "C"], "matrix": [[1, 3, "1/2"], ["1/3", 1, "1/5"], [2, 5, 1]]}
    )
    eigen = analyse(comparison)
    geometric = analyse(comparison, method="geometric")
    assert geometric.weights == pytest.approx(eigen.weights, abs=1e-14)
    assert geometric.lambda_max == pytest.approx(eigen.lambda_max, abs=1e-12)


def test_spreadsheet_rounded_reciprocals_reproduce_spreadsheet_figures():
    # A spreadsheet that types 0.33 for 1/3 computes with 0.33; so does Kinerja, giving the
    # same (slightly different from exact) mean-normalized weights.
    exact = parse_comparison(
        {"criteria": ["A", "B", "C"], "matrix": [[1, 3, 5], ["1/3", 1, 3], ["1/5", "1/3", 1]]}
    )
    rounded = parse_comparison(
        {"criteria": ["A", "B", "C"], "matrix": [[1, 3, 5], [0.33, 1, 3], [0.2, 0.33, 1]]}
    )
    by_hand = rounded.matrix / rounded.matrix.sum(axis=0)
    spreadsheet = by_hand.mean(axis=1)
    result = analyse(rounded, method="mean-normalized")
    assert result.weights == pytest.approx(spreadsheet, abs=1e-15)
    assert not np.allclose(result.weights, analyse(exact, method="mean-normalized").weights, atol=1e-5)

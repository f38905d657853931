"""Random-index tables, Saaty's thresholds for small matrices, the GCI verdict and lambda_max formulas.

Where each table's numbers come from:

- ``saaty``: the table most AHP papers print (Saaty 1980, *The Analytic Hierarchy Process*;
  Saaty 1990, EJOR 48: 9-26): 0.58 at n = 3 ... 1.59 at n = 15.
- ``saaty-2005``: T. L. Saaty, *Theory and Applications of the Analytic Network Process*,
  RWS Publications, Pittsburgh 2005, p. 31: 0.52 at n = 3 ... 1.59 at n = 15, the table of
  AHPy 2.1 (``ahpy/ahpy.py``, ``_compute_consistency_ratio``, ``random_index='saaty'``).
- ``donegan-dodd``: H. A. Donegan and F. J. Dodd (1991), "A note on Saaty's random indexes",
  Mathematical and Computer Modelling 15(10): 135-137 (DOI 10.1016/0895-7177(91)90098-R), as
  AHPy 2.1 tabulates it for its default ``random_index='dd'`` (n = 3..20, 25, 30, 40 ... 100,
  linear interpolation between them).
- ``custom``: the input's own ``"ri"`` object.

Published consistency ratios reproduced here are the ones AHPy's README prints (3 decimals):
the leader example (Wikipedia, "Analytic hierarchy process - leader example") with Saaty's
2005 table, and the car example (Wikipedia, "Analytic hierarchy process - car example") with
Donegan and Dodd's.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from kinerja.ahp import (
    analyse,
    batch_priorities,
    evaluate_hierarchy,
    group_priorities,
    parse_comparison,
    parse_group,
    parse_hierarchy,
    random_index,
)
from kinerja.ahp.consistency import DONEGAN_DODD_RI, gci_threshold, parse_custom_ri
from kinerja.errors import InputError, MatrixError


def judged(criteria, pairs):
    return parse_comparison({"criteria": criteria, "judgments": [[a, b, v] for (a, b), v in pairs.items()]})


# --- the tables ---------------------------------------------------------------------------


def test_saaty_2005_table_is_ahpys_saaty_table():
    table = [0, 0, 0.52, 0.89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59]
    assert [random_index(n, "saaty-2005") for n in range(1, 16)] == table
    with pytest.raises(MatrixError) as caught:
        random_index(16, "saaty-2005")
    assert "alonso-lamata" in caught.value.problem


def test_donegan_dodd_table_and_interpolation_between_printed_sizes():
    assert random_index(3, "donegan-dodd") == 0.4914
    assert random_index(4, "donegan-dodd") == 0.8286
    assert random_index(9, "donegan-dodd") == 1.3733
    assert random_index(20, "donegan-dodd") == 1.5371
    assert random_index(100, "donegan-dodd") == 1.6339
    assert random_index(2, "donegan-dodd") == 0.0
    # n = 22 lies between the printed 20 (1.5371) and 25 (1.5619): AHPy interpolates linearly
    assert random_index(22, "donegan-dodd") == pytest.approx(1.5371 + 2 / 5 * (1.5619 - 1.5371), abs=1e-15)
    assert len(DONEGAN_DODD_RI) == 27
    with pytest.raises(MatrixError) as caught:
        random_index(101, "donegan-dodd")
    assert "stops at 100" in caught.value.problem


def test_custom_table_is_read_and_validated_naming_the_entry():
    assert parse_custom_ri({"1": 0, "2": 0, "3": 0.5, "4": 0.9}, (3, 4)) == {1: 0.0, 2: 0.0, 3: 0.5, 4: 0.9}
    assert random_index(4, "custom", {"3": 0.5, "4": 0.9}) == 0.9
    assert random_index(2, "custom", {"3": 0.5}) == 0.0
    cases = [
        (None, (3,), "ri", "is missing"),
        ([0.5], (3,), "ri", "must be an object"),
        ({"3": 0.5}, (3, 7), "ri.7", "is missing: a matrix here has 7 criteria"),
        ({"3": -1}, (3,), "ri.3", "not a number > 0"),
        ({"3": 0}, (3,), "ri.3", "not a number > 0"),
        ({"3": True}, (3,), "ri.3", "not a number"),
        ({"3": "0.5"}, (3,), "ri.3", "not a number"),
        ({"3": float("nan")}, (3,), "ri.3", "not a number"),
        ({"x": 0.5}, (3,), "ri.x", "not a matrix size"),
        ({"0": 0.5}, (3,), "ri.0", "not a matrix size"),
        ({"2": 0.3}, (3,), "ri.2", "0 by definition"),
    ]
    for raw, sizes, where, words in cases:
        with pytest.raises(InputError) as caught:
            parse_custom_ri(raw, sizes)
        assert caught.value.where == where, raw
        assert words in caught.value.problem, raw


def test_custom_values_given_with_another_table_are_refused():
    with pytest.raises(InputError) as caught:
        random_index(3, "saaty", {"3": 0.5})
    assert caught.value.where == "ri"


def test_result_names_the_table_and_uses_its_number():
    comparison = parse_comparison(
        {"criteria": ["A", "B", "C"], "matrix": [[1, 3, 5], ["1/3", 1, 2], ["1/5", "1/2", 1]]}
    )
    base = analyse(comparison)
    for table, ri in (("saaty-2005", 0.52), ("donegan-dodd", 0.4914)):
        result = analyse(comparison, ri_table=table)
        assert result.ri_table == table and result.ri == ri
        assert result.cr == pytest.approx(base.ci / ri, rel=1e-12)
        assert result.as_dict()["ri_table"] == table
    custom = analyse(comparison, ri_table="custom", custom_ri={"3": 0.5})
    assert custom.ri == 0.5 and custom.ri_table == "custom"
    with pytest.raises(InputError) as caught:
        analyse(comparison, ri_table="custom")
    assert caught.value.where == "ri"


# --- published consistency ratios ----------------------------------------------------------

LEADER_EXPERIENCE = {("Moll", "Nell"): 1 / 4, ("Moll", "Sue"): 4, ("Nell", "Sue"): 9}
LEADER_EDUCATION = {("Moll", "Nell"): 3, ("Moll", "Sue"): 1 / 5, ("Nell", "Sue"): 1 / 7}
LEADER_CRITERIA = {
    ("Experience", "Education"): 4, ("Experience", "Charisma"): 3, ("Experience", "Age"): 7,
    ("Education", "Charisma"): 1 / 3, ("Education", "Age"): 3, ("Charisma", "Age"): 5,
}  # fmt: skip


def test_leader_example_crs_with_saatys_2005_table():
    # AHPy README ("Choosing a leader", random_index='saaty'): experience 0.035, education
    # 0.062, criteria 0.044; with the 0.58 table the first two would read 0.032 and 0.056.
    people = ["Moll", "Nell", "Sue"]
    experience = analyse(judged(people, LEADER_EXPERIENCE), ri_table="saaty-2005")
    education = analyse(judged(people, LEADER_EDUCATION), ri_table="saaty-2005")
    criteria = analyse(
        judged(["Experience", "Education", "Charisma", "Age"], LEADER_CRITERIA), ri_table="saaty-2005"
    )
    assert experience.cr == pytest.approx(0.035, abs=5e-4)
    assert education.cr == pytest.approx(0.062, abs=5e-4)
    assert criteria.cr == pytest.approx(0.044, abs=5e-4)
    assert experience.weights_by_name()["Nell"] == pytest.approx(0.717, abs=5e-4)
    assert analyse(judged(people, LEADER_EXPERIENCE)).cr == pytest.approx(0.032, abs=5e-4)
    assert analyse(judged(people, LEADER_EDUCATION)).cr == pytest.approx(0.056, abs=5e-4)


VEHICLES = ("Accord Sedan", "Accord Hybrid", "Pilot", "CR-V", "Element", "Odyssey")
PRICE_VALUES = (9, 9, 1, 1 / 2, 5, 1, 1 / 9, 1 / 9, 1 / 7, 1 / 9, 1 / 9, 1 / 7, 1 / 2, 5, 6)


def test_car_example_crs_with_donegan_dodds_table():
    # AHPy README ("Purchasing a vehicle", default random index "Donegan & Dodd"): criteria
    # 0.08, cost 0.016, price 0.072; weights Cost .51, Safety .234, Capacity .215, Style .041.
    criteria = judged(
        ["Cost", "Safety", "Style", "Capacity"],
        {("Cost", "Safety"): 3, ("Cost", "Style"): 7, ("Cost", "Capacity"): 3, ("Safety", "Style"): 9,
         ("Safety", "Capacity"): 1, ("Style", "Capacity"): 1 / 7},
    )  # fmt: skip
    cost = judged(
        ["Price", "Fuel", "Maintenance", "Resale"],
        {("Price", "Fuel"): 2, ("Price", "Maintenance"): 5, ("Price", "Resale"): 3,
         ("Fuel", "Maintenance"): 2, ("Fuel", "Resale"): 2, ("Maintenance", "Resale"): 1 / 2},
    )  # fmt: skip
    price = judged(list(VEHICLES), dict(zip(itertools.combinations(VEHICLES, 2), PRICE_VALUES, strict=True)))
    top = analyse(criteria, ri_table="donegan-dodd")
    assert top.cr == pytest.approx(0.080, abs=5e-4)
    assert top.weights == pytest.approx([0.510, 0.234, 0.041, 0.215], abs=5e-4)
    assert analyse(cost, ri_table="donegan-dodd").cr == pytest.approx(0.016, abs=5e-4)
    result = analyse(price, ri_table="donegan-dodd")
    assert result.ri == 1.1797
    assert result.cr == pytest.approx(0.072, abs=5e-4)


# --- group, hierarchy and batch carry the table ---------------------------------------------


def test_group_uses_the_table_for_experts_and_aggregate_and_errors_name_ri():
    data = {
        "criteria": ["A", "B", "C"],
        "experts": [
            {"name": "Owner", "matrix": [[1, 3, 5], ["1/3", 1, 2], ["1/5", "1/2", 1]]},
            {"name": "Facilitator", "matrix": [[1, 2, 4], ["1/2", 1, 3], ["1/4", "1/3", 1]]},
        ],
    }
    criteria, experts, aggregation = parse_group(data)
    saaty = group_priorities(criteria, experts, aggregation=aggregation)
    dd = group_priorities(criteria, experts, aggregation=aggregation, ri_table="donegan-dodd")
    assert dd.aggregate.ri == 0.4914 and dd.aggregate.ri_table == "donegan-dodd"
    assert dd.aggregate.cr == pytest.approx(saaty.aggregate.cr * 0.58 / 0.4914, rel=1e-12)
    assert dd.experts[0].cr == pytest.approx(saaty.experts[0].cr * 0.58 / 0.4914, rel=1e-12)
    own = group_priorities(criteria, experts, ri_table="custom", custom_ri={"3": 0.29})
    assert own.aggregate.cr == pytest.approx(saaty.aggregate.cr * 2, rel=1e-12)
    with pytest.raises(InputError) as caught:
        group_priorities(criteria, experts, ri_table="custom", custom_ri={"4": 0.9})
    assert caught.value.where == "ri.3"


def test_hierarchy_custom_table_needs_every_judged_size():
    tree = parse_hierarchy(
        {
            "name": "Goal",
            "children": [{"name": "X", "children": ["x1", "x2", "x3", "x4"],
                          "judgments": [["x1", "x2", 2], ["x2", "x3", 2], ["x3", "x4", 2]]}, "Y", "Z"],
            "judgments": [["X", "Y", 3], ["Y", "Z", 2], ["X", "Z", 5]],
        }
    )  # fmt: skip
    with pytest.raises(InputError) as caught:
        evaluate_hierarchy(tree, ri_table="custom", custom_ri={"3": 0.5})
    assert caught.value.where == "ri.4"
    result = evaluate_hierarchy(tree, ri_table="custom", custom_ri={"3": 0.5, "4": 0.9})
    assert result.node(("Goal",)).ahp.ri == 0.5
    assert result.node(("Goal", "X")).ahp.ri == 0.9


def test_batch_with_new_tables_equals_one_at_a_time():
    rng = np.random.default_rng(7)
    values = np.array([1 / 9, 1 / 5, 1 / 3, 1, 3, 5, 9])
    n = 5
    matrices = np.ones((20, n, n))
    upper = np.triu_indices(n, 1)
    drawn = values[rng.integers(0, len(values), (20, len(upper[0])))]
    matrices[:, upper[0], upper[1]] = drawn
    matrices[:, upper[1], upper[0]] = 1 / drawn
    names = [f"k{i}" for i in range(n)]
    for table, custom in (("saaty-2005", None), ("donegan-dodd", None), ("custom", {"5": 1.2})):
        for formula in ("mean-ratio", "column-sums"):
            batch = batch_priorities(
                matrices, "mean-normalized", table, custom_ri=custom, lambda_formula=formula
            )
            assert batch.lambda_formula == formula
            for k in (0, 7, 19):
                single = analyse(
                    parse_comparison({"criteria": names, "matrix": matrices[k].tolist()}),
                    method="mean-normalized",
                    ri_table=table,
                    custom_ri=custom,
                    lambda_formula=formula,
                    suggest=False,
                )
                assert batch.cr[k] == pytest.approx(single.cr, abs=1e-12)


# --- thresholds ----------------------------------------------------------------------------

# a12 = 2.7, a13 = a23 = 1: inconsistency factor c = 2.7. For n = 3, GCI = ln^2(c) / 3 = 0.329
# and lambda_max = 1 + c^(1/3) + c^(-1/3) = 3.1106, so CI = 0.0553 and CR = 0.0954 (RI 0.58).
BORDERLINE = {"criteria": ["A", "B", "C"], "matrix": [[1, 2.7, 1], [1 / 2.7, 1, 1], [1, 1, 1]]}


def test_saaty_small_matrix_thresholds():
    # Saaty's limits for small matrices: CR 0.05 at n = 3, 0.08 at n = 4, 0.10 above.
    comparison = parse_comparison(BORDERLINE)
    fixed = analyse(comparison)
    small = analyse(comparison, threshold="saaty-n")
    assert fixed.cr == pytest.approx(0.0954, abs=5e-5)
    assert fixed.consistent and fixed.threshold == 0.1 and fixed.threshold_rule == "fixed"
    assert not small.consistent and small.threshold == 0.05 and small.threshold_rule == "saaty-n"
    assert small.as_dict()["threshold"] == 0.05 and small.as_dict()["threshold_rule"] == "saaty-n"
    assert small.suggestion_sets and small.set_search.changes_needed == 1
    four = judged(["Experience", "Education", "Charisma", "Age"], LEADER_CRITERIA)
    assert analyse(four, threshold="saaty-n").threshold == 0.08
    five = parse_comparison({"criteria": list("ABCDE"), "matrix": np.ones((5, 5)).tolist()})
    assert analyse(five, threshold="saaty-n").threshold == 0.10
    with pytest.raises(InputError) as caught:
        analyse(comparison, threshold="saaty")
    assert caught.value.where == "threshold"
    with pytest.raises(InputError):
        analyse(comparison, threshold=-0.1)


def test_geometric_verdict_follows_the_gci():
    # The same matrix: CR 0.0954 <= 0.10, but GCI 0.329 > 0.31 (Aguarón & Moreno-Jiménez 2003,
    # EJOR 147: 137-145), so the geometric method calls it inconsistent and says why.
    comparison = parse_comparison(BORDERLINE)
    eigen = analyse(comparison)
    geometric = analyse(comparison, method="geometric")
    assert eigen.consistent and eigen.consistency_basis == "cr" and eigen.gci_threshold is None
    assert geometric.cr == pytest.approx(eigen.cr, abs=1e-12)  # n = 3: the same weights
    assert geometric.gci == pytest.approx(np.log(2.7) ** 2 / 3, rel=1e-12)
    assert geometric.consistency_basis == "gci" and geometric.gci_threshold == 0.31
    assert not geometric.consistent
    payload = geometric.as_dict()
    assert payload["consistency_basis"] == "gci" and payload["gci_threshold"] == 0.31
    # its suggestions are ranked, and its sets accepted, by the GCI
    assert geometric.suggestions[0].gci_after is not None
    assert all(s.gci_after <= 0.31 for s in geometric.suggestion_sets)


def test_gci_limits_beside_other_cr_limits():
    # Published: 0.31 / 0.35 / 0.37 beside CR 0.10; other CR limits scale them in proportion.
    assert [gci_threshold(n) for n in (3, 4, 5)] == [0.31, 0.35, 0.37]
    assert gci_threshold(3, 0.05) == pytest.approx(0.155)
    assert gci_threshold(4, 0.08) == pytest.approx(0.28)
    comparison = parse_comparison(BORDERLINE)
    assert analyse(comparison, method="geometric", threshold="saaty-n").gci_threshold == pytest.approx(0.155)


# --- lambda_max formulas -------------------------------------------------------------------

TEKNOMO = {"criteria": ["A", "B", "C"], "matrix": [[1, "1/3", 5], [3, 1, 7], ["1/5", "1/7", 1]]}


def test_column_sums_lambda_reproduces_teknomos_tutorial():
    # Teknomo, K., "Analytic Hierarchy Process (AHP) Tutorial", Revoledu.com: priority vector
    # 0.2828, 0.6434, 0.0738; lambda_max = sum of column sums x weights = 3.0967,
    # CI = 0.0484, CR = 8.3 % with RI 0.58.
    comparison = parse_comparison(TEKNOMO)
    columns = analyse(comparison, method="mean-normalized", lambda_formula="column-sums")
    ratio = analyse(comparison, method="mean-normalized")
    assert columns.lambda_formula == "column-sums" and ratio.lambda_formula == "mean-ratio"
    assert columns.lambda_max == pytest.approx(3.0967, abs=5e-5)
    assert columns.ci == pytest.approx(0.0484, abs=5e-5)
    assert columns.cr == pytest.approx(0.083, abs=5e-4)
    matrix, w = comparison.matrix, ratio.weights
    assert ratio.lambda_max == pytest.approx(np.mean(matrix @ w / w), rel=1e-12)
    assert columns.weights == pytest.approx(ratio.weights, abs=1e-15)
    assert columns.as_dict()["lambda_formula"] == "column-sums"


def test_eigenvector_lambda_is_the_eigenvalue_whatever_the_formula():
    comparison = parse_comparison(TEKNOMO)
    plain = analyse(comparison)
    asked = analyse(comparison, lambda_formula="column-sums")
    assert plain.lambda_formula == asked.lambda_formula == "eigenvalue"
    assert asked.lambda_max == plain.lambda_max
    # for the eigenvector both formulas agree: e^T A w = lambda e^T w
    assert comparison.matrix.sum(axis=0) @ plain.weights == pytest.approx(plain.lambda_max, rel=1e-9)
    with pytest.raises(InputError) as caught:
        analyse(comparison, lambda_formula="columns")
    assert caught.value.where == "lambda_formula"


def test_incomplete_geometric_uses_the_formula_and_harker_names_its_eigenvalue():
    data = {
        "criteria": ["A", "B", "C", "D"],
        "judgments": [["A", "B", 3], ["B", "C", 2], ["C", "D", 2], ["A", "D", 5]],
    }
    comparison = parse_comparison(data)
    geometric = analyse(comparison, method="geometric", lambda_formula="column-sums")
    assert geometric.lambda_formula == "column-sums" and geometric.incomplete_method == "llsm"
    harker = analyse(comparison, method="mean-normalized", lambda_formula="column-sums")
    assert harker.lambda_formula == "eigenvalue" and harker.incomplete_method == "harker"

"""Random indices, CI, CR and GCI: the tables and formulas as published."""

from __future__ import annotations

import numpy as np
import pytest

from kinerja.ahp import analyse, comparison_from_weights, gci_threshold, parse_comparison, random_index
from kinerja.ahp.consistency import ALONSO_LAMATA_RI, geometric_consistency_index
from kinerja.errors import InputError, MatrixError


def test_saaty_random_index_is_the_table_papers_print():
    # Saaty's RI for n = 1..15 as printed in most AHP papers (e.g. Saaty 1980, 1990)
    table = [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59]
    assert [random_index(n) for n in range(1, 16)] == table


def test_saaty_table_stops_at_fifteen_and_says_what_to_use_instead():
    with pytest.raises(MatrixError) as caught:
        random_index(16)
    assert "alonso-lamata" in caught.value.problem


def test_alonso_lamata_table_and_fitted_formula_beyond_it():
    # Alonso & Lamata (2006), IJUFKS 14(4): 445-459: tabulated RI for n = 3..15, and the fit
    # lambda_max = 2.7699 n - 4.3513 of random matrices, so RI = (lambda_max - n) / (n - 1).
    assert random_index(3, "alonso-lamata") == 0.5245
    assert random_index(9, "alonso-lamata") == 1.4499
    assert random_index(2, "alonso-lamata") == 0.0
    for n in (16, 20, 40):
        assert random_index(n, "alonso-lamata") == pytest.approx((2.7699 * n - 4.3513 - n) / (n - 1))
    # the fit agrees with the table within 0.05 where both exist
    for n, ri in ALONSO_LAMATA_RI.items():
        assert (2.7699 * n - 4.3513 - n) / (n - 1) == pytest.approx(ri, abs=0.05)


def test_unknown_random_index_table_is_an_input_error():
    with pytest.raises(InputError) as caught:
        random_index(4, "donegan")
    assert caught.value.where == "ri_table"


def test_output_names_the_table_used():
    comparison = parse_comparison(
        {"criteria": ["A", "B", "C"], "matrix": [[1, 3, 5], ["1/3", 1, 2], ["1/5", "1/2", 1]]}
    )
    saaty = analyse(comparison)
    alonso = analyse(comparison, ri_table="alonso-lamata")
    assert saaty.ri_table == "saaty" and saaty.ri == 0.58
    assert alonso.ri_table == "alonso-lamata" and alonso.ri == 0.5245
    assert alonso.cr == pytest.approx(saaty.ci / 0.5245)


def test_sixteen_criteria_need_the_alonso_lamata_table():
    comparison = comparison_from_weights([f"k{i}" for i in range(16)], np.arange(1, 17))
    with pytest.raises(MatrixError):
        analyse(comparison)
    result = analyse(comparison, ri_table="alonso-lamata")
    assert result.cr == pytest.approx(0.0, abs=1e-9)


def test_one_criterion_gets_all_the_weight_and_no_inconsistency():
    result = analyse(parse_comparison({"criteria": ["Only"], "matrix": [[1]]}))
    assert result.weights.tolist() == [1.0]
    assert (result.lambda_max, result.ci, result.ri, result.cr) == (1.0, 0.0, 0.0, 0.0)
    assert result.consistent


@pytest.mark.parametrize("method", ["eigenvector", "geometric", "mean-normalized"])
def test_two_criteria_are_always_consistent(method):
    result = analyse(parse_comparison({"criteria": ["A", "B"], "matrix": [[1, 0.33], [3, 1]]}), method=method)
    assert (result.ci, result.ri, result.cr) == (0.0, 0.0, 0.0)
    assert result.weights.sum() == pytest.approx(1.0)


def test_consistency_ratio_is_ci_over_ri_and_threshold_decides():
    comparison = parse_comparison(
        {
            "criteria": ["A", "B", "C", "D"],
            "matrix": [[1, 9, 1, 3], ["1/9", 1, 3, 1], [1, "1/3", 1, 5], ["1/3", 1, "1/5", 1]],
        }
    )
    result = analyse(comparison)
    assert result.ci == pytest.approx((result.lambda_max - 4) / 3)
    assert result.cr == pytest.approx(result.ci / 0.90)
    assert result.consistent is (result.cr <= 0.1)
    assert analyse(comparison, threshold=result.cr).consistent
    assert not analyse(comparison, threshold=result.cr * 0.999).consistent


@pytest.mark.parametrize("threshold", [-0.1, float("nan"), "0.1", True])
def test_bad_threshold_is_refused(threshold):
    comparison = comparison_from_weights(["A", "B", "C"], [1, 2, 3])
    with pytest.raises(InputError) as caught:
        analyse(comparison, threshold=threshold)
    assert caught.value.where == "threshold"


def test_unknown_method_is_refused():
    with pytest.raises(InputError) as caught:
        analyse(comparison_from_weights(["A", "B", "C"], [1, 2, 3]), method="power")
    assert caught.value.where == "method"


def test_gci_of_three_criteria_follows_the_closed_form():
    # Aguarón & Moreno-Jiménez (2003), EJOR 147: 137-145: GCI = 2/((n-1)(n-2)) sum_{i<j} ln^2 e_ij.
    # For n = 3 with c = a12 a23 / a13, every |ln e_ij| = |ln c| / 3, so GCI = ln^2(c) / 3.
    a12, a23, a13 = 3.0, 4.0, 5.0
    comparison = parse_comparison(
        {"criteria": ["A", "B", "C"], "matrix": [[1, a12, a13], [1 / a12, 1, a23], [1 / a13, 1 / a23, 1]]}
    )
    result = analyse(comparison, method="geometric")
    assert result.gci == pytest.approx(np.log(a12 * a23 / a13) ** 2 / 3, rel=1e-12)
    assert analyse(comparison).gci is None


def test_gci_is_zero_for_consistent_matrices_and_thresholds_are_published():
    comparison = comparison_from_weights(["A", "B", "C", "D", "E"], [5, 4, 3, 2, 1])
    assert analyse(comparison, method="geometric").gci == pytest.approx(0.0, abs=1e-24)
    assert [gci_threshold(n) for n in (3, 4, 5, 9)] == [0.31, 0.35, 0.37, 0.37]


def test_gci_of_an_incomplete_matrix_counts_only_given_pairs():
    matrix = np.array([[1, 2, 4, np.nan], [0.5, 1, 3, 2], [0.25, 1 / 3, 1, 1], [np.nan, 0.5, 1, 1]])
    weights = np.array([0.4, 0.3, 0.15, 0.15])
    given = [(0, 1), (0, 2), (1, 2), (1, 3), (2, 3)]
    expected = sum(np.log(matrix[i, j] * weights[j] / weights[i]) ** 2 for i, j in given) / (len(given) - 3)
    assert geometric_consistency_index(matrix[None], weights[None])[0] == pytest.approx(expected)

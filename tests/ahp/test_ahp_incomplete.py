"""Incomplete comparisons: Harker's method and log least squares."""

from __future__ import annotations

import numpy as np
import pytest

from kinerja.ahp import analyse, parse_comparison, priority_vector

# Bozóki, Fülöp & Rónyai (2010), "On optimal completion of incomplete pairwise comparison
# matrices", Math. Comput. Modelling 52: 318-333, the 4x4 example with c-d missing (also in
# AHPy's test suite). Its lambda-optimal completion gives weights .3738 .392 .0985 .1357.
BOZOKI = {
    "criteria": ["a", "b", "c", "d"],
    "judgments": [["a", "b", 1], ["a", "c", 5], ["a", "d", 2], ["b", "c", 3], ["b", "d", 4]],
}


def test_incomplete_input_is_reported_as_such_with_the_method_used():
    comparison = parse_comparison(BOZOKI)
    eigen = analyse(comparison)
    assert not eigen.complete and eigen.incomplete_method == "harker"
    geometric = analyse(comparison, method="geometric")
    assert geometric.incomplete_method == "llsm"
    assert analyse(comparison, method="mean-normalized").incomplete_method == "harker"
    complete = analyse(parse_comparison({"criteria": ["a", "b"], "matrix": [[1, 2], [0.5, 1]]}))
    assert complete.complete and complete.incomplete_method is None


def test_harker_weights_are_close_to_the_optimal_completion_of_bozoki_et_al():
    result = analyse(parse_comparison(BOZOKI))
    assert result.weights == pytest.approx([0.3738, 0.392, 0.0985, 0.1357], abs=1e-3)
    assert result.weights.sum() == pytest.approx(1.0)


def test_harker_weights_are_the_eigenvector_of_the_matrix_completed_with_their_own_ratios():
    # Harker (1987), Mathematical Modelling 9: 353-360: filling each gap with w_i / w_j gives a
    # complete matrix whose principal eigenvector is w again, with the same lambda_max.
    comparison = parse_comparison(BOZOKI)
    result = analyse(comparison)
    w = result.weights
    completed = np.where(np.isnan(comparison.matrix), w[:, None] / w[None, :], comparison.matrix)
    weights, lambda_max = priority_vector(completed)
    assert weights == pytest.approx(w, abs=1e-10)
    assert lambda_max == pytest.approx(result.lambda_max, abs=1e-9)


def test_log_least_squares_weights_fit_the_given_judgments_best():
    comparison = parse_comparison(BOZOKI)
    w = analyse(comparison, method="geometric").weights
    given = [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3)]

    def misfit(v):
        return sum((np.log(comparison.matrix[i, j]) - np.log(v[i]) + np.log(v[j])) ** 2 for i, j in given)

    rng = np.random.default_rng(1)
    for _ in range(50):
        assert misfit(w) <= misfit(w * np.exp(rng.normal(0, 0.05, 4))) + 1e-12


def test_consistent_incomplete_judgments_recover_the_weights_with_cr_zero():
    truth = {"A": 0.4, "B": 0.3, "C": 0.2, "D": 0.1}
    pairs = [("A", "B"), ("B", "C"), ("C", "D"), ("A", "D")]
    data = {"criteria": list(truth), "judgments": [[x, y, truth[x] / truth[y]] for x, y in pairs]}
    for method in ("eigenvector", "geometric", "mean-normalized"):
        result = analyse(parse_comparison(data), method=method)
        assert result.weights == pytest.approx(list(truth.values()), abs=1e-10)
        assert result.cr == pytest.approx(0.0, abs=1e-10)


def test_a_spanning_tree_of_judgments_is_enough():
    data = {"criteria": ["A", "B", "C"], "judgments": [["A", "B", 2], ["B", "C", 3]]}
    result = analyse(parse_comparison(data))
    assert result.weights == pytest.approx([6 / 10, 3 / 10, 1 / 10], abs=1e-10)
    assert result.consistent

"""Laws of the method, for any input (hypothesis)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.ahp import (
    METHODS,
    SAATY_VALUES,
    analyse,
    batch_priorities,
    comparison_from_weights,
    parse_comparison,
)

weights_lists = st.integers(min_value=1, max_value=12).flatmap(
    lambda n: st.lists(st.floats(min_value=0.05, max_value=20.0), min_size=n, max_size=n)
)


def saaty_matrices(n_min: int = 3, n_max: int = 9):
    def build(args):
        n, picks = args
        rows, cols = np.triu_indices(n, 1)
        matrix = np.ones((n, n))
        values = np.asarray(SAATY_VALUES)[picks[: len(rows)]]
        matrix[rows, cols] = values
        matrix[cols, rows] = 1 / values
        return matrix

    return (
        st.integers(min_value=n_min, max_value=n_max)
        .flatmap(
            lambda n: st.tuples(
                st.just(n), st.lists(st.integers(0, 16), min_size=n * (n - 1) // 2, max_size=n * (n - 1) // 2)
            )
        )
        .map(build)
    )


@settings(max_examples=60, deadline=None)
@given(weights_lists, st.sampled_from(METHODS))
def test_matrix_built_from_weights_gives_them_back_with_cr_zero(raw, method):
    names = [f"k{i}" for i in range(len(raw))]
    result = analyse(comparison_from_weights(names, raw), method=method)
    assert np.allclose(result.weights, np.asarray(raw) / sum(raw), atol=1e-10)
    assert abs(result.cr) <= 1e-9 and abs(result.ci) <= 1e-9
    assert result.consistent and result.suggestions == ()


@settings(max_examples=60, deadline=None)
@given(saaty_matrices(), st.sampled_from(METHODS), st.randoms(use_true_random=False))
def test_permuting_criteria_permutes_weights(matrix, method, random):
    n = len(matrix)
    order = list(range(n))
    random.shuffle(order)
    names = [f"k{i}" for i in range(n)]
    base = analyse(parse_comparison({"criteria": names, "matrix": matrix}), method=method, suggest=False)
    permuted = matrix[np.ix_(order, order)]
    moved = analyse(
        parse_comparison({"criteria": [names[i] for i in order], "matrix": permuted}),
        method=method,
        suggest=False,
    )
    assert np.allclose(moved.weights, base.weights[order], atol=1e-10)
    assert abs(moved.cr - base.cr) <= 1e-9


@settings(max_examples=40, deadline=None)
@given(st.lists(saaty_matrices(5, 5), min_size=1, max_size=20), st.sampled_from(METHODS))
def test_batch_equals_one_by_one(matrices, method):
    stack = np.array(matrices)
    batch = batch_priorities(stack, method=method)
    for index, matrix in enumerate(stack):
        single = analyse(
            parse_comparison({"criteria": list("abcde"), "matrix": matrix}), method=method, suggest=False
        )
        assert np.abs(batch.weights[index] - single.weights).max() <= 1e-9
        assert abs(batch.cr[index] - single.cr) <= 1e-9


@settings(max_examples=30, deadline=None)
@given(saaty_matrices(3, 7), st.sampled_from(METHODS))
def test_suggestions_really_lower_the_inconsistency_to_what_they_say(matrix, method):
    names = [f"k{i}" for i in range(len(matrix))]
    result = analyse(parse_comparison({"criteria": names, "matrix": matrix}), method=method)
    for suggestion in result.suggestions:
        i, j = names.index(suggestion.pair[0]), names.index(suggestion.pair[1])
        changed = matrix.copy()
        changed[i, j], changed[j, i] = suggestion.suggested, 1 / suggestion.suggested
        after = analyse(
            parse_comparison({"criteria": names, "matrix": changed}), method=method, suggest=False
        )
        assert abs(after.cr - suggestion.cr_after) <= 1e-9
        if method == "geometric":  # the GCI decides the geometric method's verdict: it is what drops
            assert abs(after.gci - suggestion.gci_after) <= 1e-9
            assert after.gci < result.gci
        else:
            assert after.cr < result.cr


@settings(max_examples=40, deadline=None)
@given(saaty_matrices(3, 12))
def test_weights_are_positive_and_sum_to_one(matrix):
    names = [f"k{i}" for i in range(len(matrix))]
    for method in METHODS:
        result = analyse(
            parse_comparison({"criteria": names, "matrix": matrix}), method=method, suggest=False
        )
        assert np.all(result.weights > 0)
        assert abs(result.weights.sum() - 1.0) <= 1e-12
        assert result.lambda_max >= len(matrix) - 1e-9 or method != "eigenvector"

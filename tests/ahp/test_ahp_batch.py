"""Many matrices at once: the same figures as one at a time, and clear errors."""

from __future__ import annotations

import numpy as np
import pytest

from kinerja.ahp import METHODS, SAATY_VALUES, analyse, batch_priorities, parse_comparison
from kinerja.errors import InputError


def random_matrices(count: int, n: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    rows, cols = np.triu_indices(n, 1)
    values = np.asarray(SAATY_VALUES)[rng.integers(0, 17, size=(count, len(rows)))]
    matrices = np.ones((count, n, n))
    matrices[:, rows, cols] = values
    matrices[:, cols, rows] = 1 / values
    return matrices


def one_by_one(matrices: np.ndarray, method: str, ri_table: str = "saaty"):
    n = matrices.shape[1]
    names = [f"c{i}" for i in range(n)]
    results = [
        analyse(
            parse_comparison({"criteria": names, "matrix": m}),
            method=method,
            ri_table=ri_table,
            suggest=False,
        )
        for m in matrices
    ]
    return (
        np.array([r.weights for r in results]),
        np.array([r.lambda_max for r in results]),
        np.array([r.ci for r in results]),
        np.array([r.cr for r in results]),
    )


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("n", [2, 3, 4, 5, 9, 15])
def test_batch_equals_one_matrix_at_a_time(method, n):
    matrices = random_matrices(60, n, seed=n)
    batch = batch_priorities(matrices, method=method)
    weights, lambdas, ci, cr = one_by_one(matrices, method)
    assert np.abs(batch.weights - weights).max() <= 1e-9
    assert np.abs(batch.lambda_max - lambdas).max() <= 1e-9
    assert np.abs(batch.ci - ci).max() <= 1e-9
    assert np.abs(batch.cr - cr).max() <= 1e-9
    assert batch.weights.shape == (60, n) and batch.cr.shape == (60,)


def test_batch_eigenvectors_match_numpy_eig():
    matrices = random_matrices(500, 7, seed=11)
    batch = batch_priorities(matrices)
    values, vectors = np.linalg.eig(matrices)
    top = np.argmax(values.real, axis=1)
    expected = np.take_along_axis(vectors, top[:, None, None], axis=2)[..., 0].real
    expected /= expected.sum(axis=1, keepdims=True)
    assert np.abs(batch.weights - expected).max() <= 1e-10
    assert np.abs(batch.lambda_max - values.real.max(axis=1)).max() <= 1e-9


def test_batch_weights_sum_to_one_and_cr_uses_the_chosen_table():
    matrices = random_matrices(100, 6, seed=3)
    saaty = batch_priorities(matrices)
    alonso = batch_priorities(matrices, ri_table="alonso-lamata")
    assert np.allclose(saaty.weights.sum(axis=1), 1.0, atol=1e-14)
    assert np.allclose(alonso.cr * 1.2479, saaty.cr * 1.24)


def test_batch_of_one_criterion_and_empty_batch():
    assert batch_priorities(np.ones((3, 1, 1))).weights.tolist() == [[1.0]] * 3
    empty = batch_priorities(np.ones((0, 4, 4)))
    assert empty.weights.shape == (0, 4) and empty.cr.shape == (0,)


@pytest.mark.parametrize(
    ("bad", "where"),
    [
        (0.0, "matrices[7][1][2]"),
        (-1.0, "matrices[7][1][2]"),
        (np.nan, "matrices[7][1][2]"),
        (np.inf, "matrices[7][1][2]"),
    ],
)
def test_batch_names_the_offending_matrix(bad, where):
    matrices = random_matrices(10, 4)
    matrices[7, 1, 2] = bad
    with pytest.raises(InputError) as caught:
        batch_priorities(matrices)
    assert caught.value.where == where


@pytest.mark.parametrize("shape", [(4, 4), (3, 4, 5), (2, 0, 0), (2, 3, 3, 3)])
def test_batch_refuses_wrong_shapes(shape):
    with pytest.raises(InputError) as caught:
        batch_priorities(np.ones(shape))
    assert caught.value.where == "matrices"


def test_batch_refuses_unknown_method_and_table():
    with pytest.raises(InputError):
        batch_priorities(random_matrices(2, 3), method="median")
    with pytest.raises(InputError):
        batch_priorities(random_matrices(2, 3), ri_table="other")
    with pytest.raises(InputError):
        batch_priorities(random_matrices(2, 16))


def test_batch_accepts_nested_lists():
    result = batch_priorities([[[1, 2], [0.5, 1]]])
    assert result.weights[0] == pytest.approx([2 / 3, 1 / 3])


def test_large_batches_split_into_chunks_give_the_same_figures():
    matrices = random_matrices(2500, 15, seed=5)  # more than one chunk of 15x15 matrices
    whole = batch_priorities(matrices)
    weights, lambdas, _, cr = one_by_one(matrices[-40:], "eigenvector")
    assert np.abs(whole.lambda_max[-40:] - lambdas).max() <= 1e-9
    assert np.abs(whole.weights[-40:] - weights).max() <= 1e-9
    assert np.abs(whole.cr[-40:] - cr).max() <= 1e-9
    assert np.allclose(whole.weights.sum(axis=1), 1.0, atol=1e-14)

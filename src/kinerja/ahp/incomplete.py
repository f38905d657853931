"""Priorities of incomplete pairwise comparisons (some pairs not judged; missing entries NaN).

- Harker (1987), "Alternative modes of questioning in the analytic hierarchy process",
  Mathematical Modelling 9(3-5): 353-360: replace each missing entry by 0 and put
  ``1 + (number of missing entries in the row)`` on the diagonal; the principal eigenvector
  of that matrix gives the weights, and its eigenvalue the lambda_max of Saaty's CI
  (a consistent incomplete matrix has lambda_max = n exactly).
- Log least squares (``llsm``; Kwiesielewicz 1996; Bozóki, Fülöp & Rónyai 2010, "On optimal
  completion of incomplete pairwise comparison matrices", Math. Comput. Modelling 52):
  minimise ``sum over given pairs of (log a_ij - log w_i + log w_j)^2``, whose normal
  equations are the graph Laplacian system ``L y = r``, ``r_i = sum_j log a_ij``; for a
  complete matrix this is the row geometric mean. Its lambda_max is the mean of
  ``(C w)_i / w_i`` on Harker's matrix C, as for the geometric method of a complete matrix.

All functions take stacks (N, n, n) of connected comparisons.
"""

from __future__ import annotations

import numpy as np

from kinerja.ahp.eigen import perron


def harker_matrices(matrices: np.ndarray) -> np.ndarray:
    """Harker's completed matrices: missing entries 0, diagonal 1 + missing in the row."""
    missing = np.isnan(matrices)
    filled = np.where(missing, 0.0, matrices)
    n = matrices.shape[-1]
    diagonal = np.arange(n)
    filled[:, diagonal, diagonal] = 1.0 + missing.sum(axis=2)
    return filled


def llsm_weights(matrices: np.ndarray) -> np.ndarray:
    """Log least squares weights (N, n), each summing to 1."""
    given = ~np.isnan(matrices)
    n = matrices.shape[-1]
    off = given & ~np.eye(n, dtype=bool)
    laplacian = np.where(off, -1.0, 0.0)
    diagonal = np.arange(n)
    laplacian[:, diagonal, diagonal] = off.sum(axis=2)
    logs = np.where(off, np.log(np.where(given, matrices, 1.0)), 0.0).sum(axis=2)
    # L is singular along the constant vector; adding 1 1^T fixes sum(y) = 0 (r sums to 0)
    y = np.linalg.solve(laplacian + 1.0, logs[..., None])[..., 0]
    w = np.exp(y - y.max(axis=1, keepdims=True))
    return w / w.sum(axis=1, keepdims=True)


def incomplete_priorities(
    matrices: np.ndarray, method: str, lambda_formula: str = "mean-ratio"
) -> tuple[np.ndarray, np.ndarray, str]:
    """Weights (N, n), lambda_max (N,) and the name of the method used for incomplete input.

    The geometric method uses log least squares (``llsm``), its lambda_max by
    ``lambda_formula`` on Harker's matrix (``column-sums``: ``sum_j (sum_i c_ij) w_j``); the
    eigenvector and mean-normalized methods use Harker's (``harker``) eigenvalue, since
    column normalisation needs every entry.
    """
    harker = harker_matrices(matrices)
    if method == "geometric":
        weights = llsm_weights(matrices)
        if lambda_formula == "column-sums":
            return weights, np.einsum("kij,kj->k", harker, weights), "llsm"
        products = np.einsum("kij,kj->ki", harker, weights)
        return weights, (products / weights).mean(axis=1), "llsm"
    weights, lambdas = perron(harker, start=llsm_weights(matrices))
    return weights, lambdas, "harker"

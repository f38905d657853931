"""Priorities of many complete pairwise-comparison matrices at once (survey scale).

``batch_priorities`` validates an (N, n, n) array once and computes every matrix's weights,
lambda_max, CI and CR together with vectorised NumPy; ``priority_vector`` and ``analyse``
run the same code on a block of one, so a matrix gets the same figures alone or in a batch.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from kinerja.ahp.consistency import check_ri_table, consistency_index, random_index
from kinerja.ahp.eigen import perron
from kinerja.errors import InputError

METHODS = ("eigenvector", "geometric", "mean-normalized")

#: How lambda_max is computed for the two approximations (the eigenvector has its eigenvalue):
#: ``mean-ratio``, the mean of (A w)_i / w_i, and ``column-sums``, sum_j (column sum_j x w_j).
LAMBDA_FORMULAS = ("mean-ratio", "column-sums")


@dataclass(frozen=True, eq=False)
class BatchResult:
    """Figures of N matrices: ``weights`` (N, n), ``lambda_max``, ``ci`` and ``cr`` (N,)."""

    weights: np.ndarray
    lambda_max: np.ndarray
    ci: np.ndarray
    cr: np.ndarray
    method: str = "eigenvector"
    ri_table: str = "saaty"
    ri: float = 0.0
    lambda_formula: str = "eigenvalue"


def check_method(method: str) -> None:
    """Raise :class:`InputError` unless ``method`` is one of :data:`METHODS`."""
    if method not in METHODS:
        raise InputError(
            "method",
            f"{method!r} is not a method; use one of {', '.join(METHODS)}",
            code="ahp.unknown_method",
            params={"value": method, "choices": list(METHODS)},
        )


def check_lambda_formula(formula: str) -> None:
    """Raise :class:`InputError` unless ``formula`` is one of :data:`LAMBDA_FORMULAS`."""
    if formula not in LAMBDA_FORMULAS:
        choices = ", ".join(LAMBDA_FORMULAS)
        raise InputError(
            "lambda_formula",
            f"{formula!r} is not a lambda_max formula; use one of {choices}",
            code="ahp.unknown_lambda_formula",
            params={"value": formula, "choices": list(LAMBDA_FORMULAS)},
        )


def lambda_formula_used(method: str, formula: str) -> str:
    """The formula a result names: ``eigenvalue`` for the eigenvector, else ``formula``."""
    return "eigenvalue" if method == "eigenvector" else formula


def weights_and_lambda(
    matrices: np.ndarray, method: str, lambda_formula: str = "mean-ratio"
) -> tuple[np.ndarray, np.ndarray]:
    """Weights (N, n) and lambda_max (N,) of validated complete matrices (N, n, n).

    - ``eigenvector``: Saaty's principal right eigenvector; lambda_max its eigenvalue.
    - ``geometric``: normalised row geometric means (Crawford & Williams 1985, the log least
      squares solution of a complete matrix).
    - ``mean-normalized``: each column divided by its sum, then the mean of each row
      (Saaty 1980's approximation, used by most spreadsheets and Indonesian theses).

    For the two approximations lambda_max is computed as the works that use them do, by
    ``lambda_formula``: ``mean-ratio``, the mean of ``(A w)_i / w_i`` (the default), or
    ``column-sums``, ``sum_j (sum_i a_ij) w_j`` (e.g. Teknomo's AHP tutorial, and most
    Indonesian theses' spreadsheets). For the eigenvector both equal the eigenvalue
    (``e^T A w = lambda e^T w``), which is what is computed.
    """
    if method == "eigenvector":
        return perron(matrices)
    if method == "geometric":
        n = matrices.shape[-1]
        means = np.prod(matrices, axis=2) ** (1.0 / n) if n <= 64 else np.exp(np.log(matrices).mean(axis=2))
        weights = means / means.sum(axis=1, keepdims=True)
    else:
        normalized = matrices / matrices.sum(axis=1, keepdims=True)
        weights = normalized.mean(axis=2)
    if lambda_formula == "column-sums":
        return weights, np.einsum("kij,kj->k", matrices, weights)
    products = np.einsum("kij,kj->ki", matrices, weights)
    return weights, (products / weights).mean(axis=1)


def _check_matrices(matrices: object) -> np.ndarray:
    array = np.asarray(matrices, dtype=np.float64)
    if array.ndim != 3 or array.shape[1] != array.shape[2] or array.shape[1] == 0:
        raise InputError(
            "matrices",
            f"must have shape (N, n, n) with n >= 1, not {array.shape}",
            code="ahp.bad_shape",
            params={"shape": list(array.shape)},
        )
    # min/max propagate NaN, so two reductions check finite and positive for the whole block
    low, high = array.min(initial=np.inf), array.max(initial=-np.inf)
    if not (low > 0 and high < np.inf):
        bad = ~(np.isfinite(array) & (array > 0))
        index = int(np.flatnonzero(bad.any(axis=(1, 2)))[0])
        i, j = (int(v) for v in np.argwhere(bad[index])[0])
        raise InputError(
            f"matrices[{index}][{i}][{j}]",
            f"{array[index, i, j]} is not a positive finite number",
            code="ahp.not_positive_finite",
            params={"value": float(array[index, i, j])},
        )
    return array


def batch_priorities(
    matrices: np.ndarray,
    method: str = "eigenvector",
    ri_table: str = "saaty",
    *,
    custom_ri: Mapping[object, object] | None = None,
    lambda_formula: str = "mean-ratio",
) -> BatchResult:
    """Weights, lambda_max, CI and CR of N complete reciprocal matrices (N, n, n), all together.

    Equal to :func:`kinerja.ahp.analyse` of each matrix to 1e-9 (they share the code). Raises
    :class:`InputError` naming the first matrix (``matrices[17][2][0]``) that is not positive
    and finite, or for a wrong shape, method, table or formula. ``custom_ri`` is the table of
    ``ri_table="custom"`` (``{"3": 0.52, ...}``).
    """
    check_method(method)
    check_ri_table(ri_table)
    check_lambda_formula(lambda_formula)
    array = _check_matrices(matrices)
    n = array.shape[1]
    ri = random_index(n, ri_table, custom_ri)
    formula = lambda_formula_used(method, lambda_formula)
    if array.shape[0] == 0:
        empty = np.empty(0)
        return BatchResult(np.empty((0, n)), empty, empty.copy(), empty.copy(), method, ri_table, ri, formula)
    if n == 1:
        weights, lambdas = np.ones((array.shape[0], 1)), np.ones(array.shape[0])
    else:
        weights, lambdas = weights_and_lambda(array, method, lambda_formula)
    ci = np.asarray(consistency_index(lambdas, n), dtype=np.float64)
    cr = ci / ri if ri > 0 else np.zeros_like(ci)
    return BatchResult(weights, lambdas, ci, cr, method, ri_table, ri, formula)

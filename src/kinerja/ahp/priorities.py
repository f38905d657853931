"""Priorities (weights) and consistency of one pairwise comparison: :func:`analyse`.

Methods (``METHODS``): ``eigenvector``, Saaty's principal right eigenvector (Saaty 1980,
*The Analytic Hierarchy Process*, ch. 2), the default; ``geometric``, the row geometric mean
(Crawford & Williams 1985), reported with its geometric consistency index (GCI, Aguarón &
Moreno-Jiménez 2003; acceptable up to 0.31 for n = 3, 0.35 for n = 4, 0.37 for n > 4);
``mean-normalized``, each column divided by its sum and the mean of each row, the
approximation of spreadsheets and Indonesian theses, with lambda_max the mean of
``(A w)_i / w_i`` as they compute it. CI = (lambda_max - n) / (n - 1), CR = CI / RI(n),
consistent when CR <= threshold (0.10, Saaty). Incomplete comparisons use Harker's method
or, for ``geometric``, log least squares (see :mod:`kinerja.ahp.incomplete`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from kinerja.ahp.batch import METHODS, check_method, weights_and_lambda
from kinerja.ahp.consistency import (
    RI_TABLES,
    check_ri_table,
    consistency_index,
    geometric_consistency_index,
    random_index,
)
from kinerja.ahp.incomplete import incomplete_priorities
from kinerja.ahp.parse import Comparison
from kinerja.ahp.suggestions import Suggestion, suggest_revisions
from kinerja.errors import InputError, MatrixError

__all__ = [
    "METHODS",
    "RI_TABLES",
    "AhpResult",
    "Suggestion",
    "analyse",
    "priority_vector",
    "random_index",
]


@dataclass(frozen=True, eq=False)
class AhpResult:
    """Everything :func:`analyse` finds about one comparison; nothing rounded."""

    criteria: tuple[str, ...]
    weights: np.ndarray
    method: str
    lambda_max: float
    ci: float
    ri: float
    ri_table: str
    cr: float
    threshold: float
    consistent: bool
    n: int
    complete: bool
    incomplete_method: str | None
    gci: float | None
    suggestions: tuple[Suggestion, ...]

    def weights_by_name(self) -> dict[str, float]:
        """Criterion name to weight, in the order of the criteria."""
        return {name: float(w) for name, w in zip(self.criteria, self.weights, strict=True)}

    def as_dict(self) -> dict:
        """The JSON object of ``kinerja ahp --json``: plain floats, unrounded."""
        return {
            "weights": self.weights_by_name(),
            "method": self.method,
            "lambda_max": float(self.lambda_max),
            "ci": float(self.ci),
            "ri": float(self.ri),
            "ri_table": self.ri_table,
            "cr": float(self.cr),
            "consistent": bool(self.consistent),
            "n": int(self.n),
            "complete": bool(self.complete),
            "incomplete_method": self.incomplete_method,
            "gci": None if self.gci is None else float(self.gci),
            "suggestions": [s.as_dict() for s in self.suggestions],
        }


def priority_vector(matrix: np.ndarray, method: str = "eigenvector") -> tuple[np.ndarray, float]:
    """Weights (summing to 1) and lambda_max of one complete positive matrix (n, n)."""
    check_method(method)
    array = np.asarray(matrix, dtype=np.float64)
    if array.ndim != 2 or array.shape[0] != array.shape[1] or array.shape[0] == 0:
        raise MatrixError("matrix", f"must be a non-empty square matrix, not of shape {array.shape}")
    if not np.all(np.isfinite(array)) or np.any(array <= 0):
        raise MatrixError("matrix", "must be complete, with positive finite entries")
    if array.shape[0] == 1:
        return np.ones(1), 1.0
    weights, lambdas = weights_and_lambda(array[None], method)
    return weights[0], float(lambdas[0])


def analyse(
    comparison: Comparison,
    *,
    method: str = "eigenvector",
    ri_table: str = "saaty",
    threshold: float = 0.1,
    suggest: bool = True,
) -> AhpResult:
    """Weights, lambda_max, CI, RI, CR and (when inconsistent) suggested revisions."""
    check_method(method)
    check_ri_table(ri_table)
    if isinstance(threshold, bool) or not isinstance(threshold, int | float) or not math.isfinite(threshold):
        raise InputError("threshold", f"{threshold!r} is not a finite number")
    if threshold < 0:
        raise InputError("threshold", f"{threshold} is negative")
    n = comparison.n
    ri = random_index(n, ri_table)
    matrix = np.asarray(comparison.matrix, dtype=np.float64)
    complete = comparison.complete
    incomplete_method = None
    if n == 1:
        weights, lambda_max = np.ones(1), 1.0
    elif complete:
        weights, lambda_max = priority_vector(matrix, method)
    else:
        stacked, lambdas, incomplete_method = incomplete_priorities(matrix[None], method)
        weights, lambda_max = stacked[0], float(lambdas[0])
    ci = float(consistency_index(lambda_max, n))
    cr = ci / ri if ri > 0 else 0.0
    gci = (
        float(geometric_consistency_index(matrix[None], weights[None])[0]) if method == "geometric" else None
    )
    consistent = cr <= threshold
    suggestions = (
        () if consistent or not suggest else suggest_revisions(comparison.criteria, matrix, method, ri, cr)
    )
    return AhpResult(
        criteria=comparison.criteria,
        weights=weights,
        method=method,
        lambda_max=float(lambda_max),
        ci=ci,
        ri=ri,
        ri_table=ri_table,
        cr=cr,
        threshold=float(threshold),
        consistent=consistent,
        n=n,
        complete=complete,
        incomplete_method=incomplete_method,
        gci=gci,
        suggestions=suggestions,
    )

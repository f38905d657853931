"""Priorities (weights) and consistency of one pairwise comparison: :func:`analyse`.

Methods (``METHODS``): ``eigenvector``, Saaty's principal right eigenvector (Saaty 1980,
*The Analytic Hierarchy Process*, ch. 2), the default; ``geometric``, the row geometric mean
(Crawford & Williams 1985), reported with its geometric consistency index (GCI, Aguarón &
Moreno-Jiménez 2003), which decides its ``consistent`` flag (``consistency_basis: "gci"``;
acceptable up to 0.31 for n = 3, 0.35 for n = 4, 0.37 for n > 4 beside CR 0.10, see
:func:`~kinerja.ahp.consistency.gci_threshold`); ``mean-normalized``, each column divided by
its sum and the mean of each row, the approximation of spreadsheets and Indonesian theses.
For the two approximations lambda_max is named by ``lambda_formula``: ``mean-ratio``, the
mean of ``(A w)_i / w_i`` (the default), or ``column-sums``, ``sum_j (column sum_j) w_j``.
CI = (lambda_max - n) / (n - 1), CR = CI / RI(n) with the RI of ``ri_table`` (see
:mod:`kinerja.ahp.consistency`), consistent when CR <= the threshold (0.10 or Saaty's
``saaty-n``). Incomplete comparisons use Harker's method or, for ``geometric``, log least
squares (see :mod:`kinerja.ahp.incomplete`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from kinerja.ahp.batch import (
    LAMBDA_FORMULAS,
    METHODS,
    check_lambda_formula,
    check_method,
    lambda_formula_used,
    weights_and_lambda,
)
from kinerja.ahp.consistency import (
    RI_TABLES,
    THRESHOLD_RULES,
    check_ri_table,
    check_threshold,
    consistency_index,
    cr_threshold,
    gci_threshold,
    geometric_consistency_index,
    random_index,
)
from kinerja.ahp.incomplete import incomplete_priorities
from kinerja.ahp.parse import Comparison
from kinerja.ahp.suggestions import (
    NO_SEARCH,
    Scoring,
    SetSearch,
    Suggestion,
    SuggestionSet,
    suggest_revisions,
    suggestion_sets,
)
from kinerja.errors import MatrixError

__all__ = [
    "LAMBDA_FORMULAS",
    "METHODS",
    "RI_TABLES",
    "THRESHOLD_RULES",
    "AhpResult",
    "Suggestion",
    "SuggestionSet",
    "analyse",
    "priority_vector",
    "random_index",
]


@dataclass(frozen=True, eq=False)
class AhpResult:
    """Everything :func:`analyse` finds about one comparison; nothing rounded.

    ``threshold`` is the CR limit used for this n (``threshold_rule`` says how it was set:
    ``fixed`` or ``saaty-n``); ``consistency_basis`` says which measure decided
    ``consistent``: ``cr``, or ``gci`` for the geometric method (against ``gci_threshold``).
    """

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
    threshold_rule: str = "fixed"
    consistency_basis: str = "cr"
    gci_threshold: float | None = None
    lambda_formula: str = "eigenvalue"
    suggestion_sets: tuple[SuggestionSet, ...] = ()
    set_search: SetSearch = NO_SEARCH

    def weights_by_name(self) -> dict[str, float]:
        """Criterion name to weight, in the order of the criteria."""
        return {name: float(w) for name, w in zip(self.criteria, self.weights, strict=True)}

    def as_dict(self) -> dict:
        """The JSON object of ``kinerja ahp --json``: plain floats, unrounded."""
        return {
            "weights": self.weights_by_name(),
            "method": self.method,
            "lambda_max": float(self.lambda_max),
            "lambda_formula": self.lambda_formula,
            "ci": float(self.ci),
            "ri": float(self.ri),
            "ri_table": self.ri_table,
            "cr": float(self.cr),
            "threshold": float(self.threshold),
            "threshold_rule": self.threshold_rule,
            "consistent": bool(self.consistent),
            "consistency_basis": self.consistency_basis,
            "n": int(self.n),
            "complete": bool(self.complete),
            "incomplete_method": self.incomplete_method,
            "gci": None if self.gci is None else float(self.gci),
            "gci_threshold": None if self.gci_threshold is None else float(self.gci_threshold),
            "suggestions": [s.as_dict() for s in self.suggestions],
            "suggestion_sets": [s.as_dict() for s in self.suggestion_sets],
            "suggestion_search": self.set_search.as_dict(),
        }


def priority_vector(matrix: np.ndarray, method: str = "eigenvector") -> tuple[np.ndarray, float]:
    """Weights (summing to 1) and lambda_max of one complete positive matrix (n, n)."""
    check_method(method)
    array = np.asarray(matrix, dtype=np.float64)
    if array.ndim != 2 or array.shape[0] != array.shape[1] or array.shape[0] == 0:
        raise MatrixError(
            "matrix",
            f"must be a non-empty square matrix, not of shape {array.shape}",
            code="ahp.bad_shape",
            params={"shape": list(array.shape)},
        )
    if not np.all(np.isfinite(array)) or np.any(array <= 0):
        raise MatrixError(
            "matrix", "must be complete, with positive finite entries", code="ahp.matrix_incomplete"
        )
    if array.shape[0] == 1:
        return np.ones(1), 1.0
    weights, lambdas = weights_and_lambda(array[None], method)
    return weights[0], float(lambdas[0])


def analyse(
    comparison: Comparison,
    *,
    method: str = "eigenvector",
    ri_table: str = "saaty",
    threshold: float | str = 0.1,
    suggest: bool = True,
    search_sets: bool = True,
    custom_ri: Mapping[object, object] | None = None,
    lambda_formula: str = "mean-ratio",
) -> AhpResult:
    """Weights, lambda_max, CI, RI, CR and (when inconsistent) suggested revisions.

    ``search_sets=False`` skips the search for sets of changes (hundreds of milliseconds at
    n = 9) where only single suggestions are shown, as on the web's framework pages.

    ``threshold`` is a CR limit (0.1) or ``"saaty-n"``; ``custom_ri`` is the table of
    ``ri_table="custom"`` (``{"3": 0.52, ...}``, errors at ``ri.7``). An inconsistent result
    lists single-judgment ``suggestions`` and the smallest ``suggestion_sets`` that make it
    consistent (see :mod:`kinerja.ahp.suggestions`).
    """
    check_method(method)
    check_ri_table(ri_table)
    check_threshold(threshold)
    check_lambda_formula(lambda_formula)
    n = comparison.n
    ri = random_index(n, ri_table, custom_ri)
    limit = cr_threshold(n, threshold)
    matrix = np.asarray(comparison.matrix, dtype=np.float64)
    complete = comparison.complete
    incomplete_method = None
    formula = lambda_formula_used(method, lambda_formula)
    if n == 1:
        weights, lambda_max = np.ones(1), 1.0
    elif complete:
        weights, lambdas = weights_and_lambda(matrix[None], method, lambda_formula)
        weights, lambda_max = weights[0], float(lambdas[0])
    else:
        stacked, lambdas, incomplete_method = incomplete_priorities(matrix[None], method, lambda_formula)
        weights, lambda_max = stacked[0], float(lambdas[0])
        if method != "geometric":
            formula = "eigenvalue"
    ci = float(consistency_index(lambda_max, n))
    cr = ci / ri if ri > 0 else 0.0
    gci = gci_limit = None
    if method == "geometric":
        gci = float(geometric_consistency_index(matrix[None], weights[None])[0])
        gci_limit = gci_threshold(n, limit)
        consistent, basis = gci <= gci_limit, "gci"
    else:
        consistent, basis = cr <= limit, "cr"
    suggestions: tuple[Suggestion, ...] = ()
    search = NO_SEARCH
    if suggest and not consistent:
        scoring = Scoring(
            method=method,
            lambda_formula=lambda_formula,
            ri=ri,
            basis=basis,
            limit=gci_limit if gci_limit is not None else limit,
        )
        current = gci if gci is not None else cr
        suggestions = suggest_revisions(comparison.criteria, matrix, scoring, current)
        if search_sets:
            search = suggestion_sets(comparison.criteria, matrix, scoring, weights)
    return AhpResult(
        criteria=comparison.criteria,
        weights=weights,
        method=method,
        lambda_max=float(lambda_max),
        ci=ci,
        ri=ri,
        ri_table=ri_table,
        cr=cr,
        threshold=limit,
        consistent=bool(consistent),
        n=n,
        complete=complete,
        incomplete_method=incomplete_method,
        gci=gci,
        suggestions=suggestions,
        threshold_rule=threshold if isinstance(threshold, str) else "fixed",
        consistency_basis=basis,
        gci_threshold=gci_limit,
        lambda_formula=formula,
        suggestion_sets=search.sets,
        set_search=search,
    )

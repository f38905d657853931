"""Consistency of pairwise comparisons: random indices, CI, CR and the geometric consistency index.

Saaty's consistency index is ``CI = (lambda_max - n) / (n - 1)`` and the consistency ratio
``CR = CI / RI(n)``, where the random index ``RI(n)`` is the mean CI of random reciprocal
matrices on the 1/9..9 scale (Saaty, *The Analytic Hierarchy Process*, McGraw-Hill 1980;
Saaty 1990, "How to make a decision", EJOR 48: 9-26). A CR of at most 0.10 is acceptable.
For n = 1 and 2 every reciprocal matrix is consistent: RI, CI and CR are 0.
"""

from __future__ import annotations

import numpy as np

from kinerja.errors import InputError, MatrixError

RI_TABLES = ("saaty", "alonso-lamata")

#: Saaty's random index, n = 1..15: the table most papers print (e.g. Saaty 1980/1990).
SAATY_RI: tuple[float, ...] = (
    0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
)  # fmt: skip

#: Alonso & Lamata (2006), "Consistency in the analytic hierarchy process: a new approach",
#: Int. J. Uncertainty, Fuzziness and Knowledge-Based Systems 14(4): 445-459, the random index
#: they tabulate for n = 3..15 from 100,000 random matrices per size.
ALONSO_LAMATA_RI: dict[int, float] = {
    3: 0.5245, 4: 0.8815, 5: 1.1086, 6: 1.2479, 7: 1.3417, 8: 1.4056, 9: 1.4499,
    10: 1.4854, 11: 1.5141, 12: 1.5365, 13: 1.5551, 14: 1.5713, 15: 1.5838,
}  # fmt: skip

#: Alonso & Lamata's linear fit of the mean lambda_max of random matrices: 2.7699 n - 4.3513.
ALONSO_LAMATA_SLOPE = 2.7699
ALONSO_LAMATA_INTERCEPT = -4.3513


def check_ri_table(table: str) -> None:
    """Raise :class:`InputError` unless ``table`` names a known random-index table."""
    if table not in RI_TABLES:
        raise InputError(
            "ri_table", f"{table!r} is not a random-index table; use one of {', '.join(RI_TABLES)}"
        )


def random_index(n: int, table: str = "saaty") -> float:
    """The random index RI(n) of the named table (``saaty`` or ``alonso-lamata``).

    Saaty's table stops at n = 15; beyond it, Alonso & Lamata's fitted
    ``lambda_max = 2.7699 n - 4.3513`` gives ``RI = (lambda_max - n) / (n - 1)`` for any n.
    """
    check_ri_table(table)
    if n < 1:
        raise MatrixError("criteria", "at least one criterion is needed")
    if n <= 2:
        return 0.0
    if table == "saaty":
        if n > len(SAATY_RI):
            raise MatrixError(
                "criteria",
                f"{n} criteria: Saaty's random index table stops at {len(SAATY_RI)}; "
                "use the alonso-lamata table (--ri alonso-lamata) for larger matrices",
            )
        return SAATY_RI[n - 1]
    if n in ALONSO_LAMATA_RI:
        return ALONSO_LAMATA_RI[n]
    lambda_max = ALONSO_LAMATA_SLOPE * n + ALONSO_LAMATA_INTERCEPT
    return (lambda_max - n) / (n - 1)


def consistency_index(lambda_max: float | np.ndarray, n: int) -> float | np.ndarray:
    """Saaty's ``CI = (lambda_max - n) / (n - 1)``; 0 for n <= 2."""
    if n <= 2:
        return np.zeros_like(lambda_max) if isinstance(lambda_max, np.ndarray) else 0.0
    return (lambda_max - n) / (n - 1)


#: GCI thresholds of Aguarón & Moreno-Jiménez (2003), equivalent to CR 0.05 / 0.08 / 0.10.
GCI_THRESHOLDS = {3: 0.31, 4: 0.35}
GCI_THRESHOLD_LARGE = 0.37


def gci_threshold(n: int) -> float:
    """Acceptable GCI: 0.31 for n = 3, 0.35 for n = 4, 0.37 for n > 4 (Aguarón & Moreno-Jiménez 2003)."""
    return GCI_THRESHOLDS.get(n, GCI_THRESHOLD_LARGE)


def geometric_consistency_index(matrices: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """The geometric consistency index of each matrix, for row-geometric-mean weights.

    Aguarón & Moreno-Jiménez (2003), "The geometric consistency index: approximated
    thresholds", EJOR 147(1): 137-145:
    ``GCI = 2 / ((n - 1)(n - 2)) * sum_{i<j} log^2(a_ij w_j / w_i)`` with natural logarithms;
    acceptable up to 0.31 (n = 3), 0.35 (n = 4) and 0.37 (n > 4). For an incomplete matrix
    (missing entries NaN, log least squares weights) the sum runs over the given pairs and
    the divisor ``(n - 1)(n - 2) / 2``, the degrees of freedom, becomes
    ``given pairs - (n - 1)``; 0 when there are none. ``matrices`` (N, n, n), ``weights`` (N, n).
    """
    n = matrices.shape[-1]
    if n <= 2:
        return np.zeros(matrices.shape[0])
    upper = np.triu_indices(n, 1)
    ratios = matrices[:, upper[0], upper[1]] * weights[:, upper[1]] / weights[:, upper[0]]
    squared = np.log(ratios) ** 2
    given = ~np.isnan(squared)
    freedom = given.sum(axis=1) - (n - 1)
    total = np.where(given, squared, 0.0).sum(axis=1)
    return np.divide(total, freedom, out=np.zeros_like(total), where=freedom > 0)

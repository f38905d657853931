"""Consistency of pairwise comparisons: random indices, CI, CR, thresholds and the GCI.

Saaty's consistency index is ``CI = (lambda_max - n) / (n - 1)`` and the consistency ratio
``CR = CI / RI(n)``, where the random index ``RI(n)`` is the mean CI of random reciprocal
matrices on the 1/9..9 scale (Saaty, *The Analytic Hierarchy Process*, McGraw-Hill 1980;
Saaty 1990, "How to make a decision", EJOR 48: 9-26). A CR of at most 0.10 is acceptable;
Saaty also gives stricter limits for small matrices (``saaty-n``: 0.05 at n = 3, 0.08 at
n = 4, 0.10 above). For n = 1 and 2 every reciprocal matrix is consistent: RI, CI and CR are 0.

Random-index tables (``RI_TABLES``), as their authors printed them:

- ``saaty``: the table most papers print, 0.58 at n = 3 ... 1.59 at n = 15 (Saaty 1980/1990);
- ``saaty-2005``: Saaty, *Theory and Applications of the Analytic Network Process*, RWS
  Publications 2005, p. 31: 0.52 at n = 3 ... 1.59 at n = 15 (AHPy's ``saaty``);
- ``donegan-dodd``: H. A. Donegan and F. J. Dodd (1991), "A note on Saaty's random indexes",
  Math. Comput. Modelling 15(10): 135-137, n = 3..20 and 25, 30, ..., 100 (AHPy's default
  ``dd``); sizes between two tabulated ones are interpolated linearly, as AHPy does;
- ``alonso-lamata``: Alonso and Lamata (2006), any n;
- ``custom``: the caller's own table, ``{"3": 0.5, "4": 0.9, ...}`` (:func:`parse_custom_ri`).
"""

from __future__ import annotations

import bisect
import math
import numbers
from collections.abc import Iterable, Mapping

import numpy as np

from kinerja.errors import InputError, MatrixError

RI_TABLES = ("saaty", "saaty-2005", "donegan-dodd", "alonso-lamata", "custom")

#: Threshold rules besides a fixed number: Saaty's limits for small matrices.
THRESHOLD_RULES = ("saaty-n",)

#: Saaty's CR limits for small matrices: 0.05 (n = 3), 0.08 (n = 4), 0.10 (n > 4) (Saaty 1994,
#: as Aguarón and Moreno-Jiménez 2003, EJOR 147: 137-145, cite them beside the GCI).
SAATY_N_THRESHOLDS: dict[int, float] = {3: 0.05, 4: 0.08}
SAATY_N_THRESHOLD_LARGE = 0.10

#: Saaty's random index, n = 1..15: the table most papers print (e.g. Saaty 1980/1990).
SAATY_RI: tuple[float, ...] = (
    0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
)  # fmt: skip

#: Saaty (2005), *Theory and Applications of the Analytic Network Process*, p. 31, n = 3..15
#: (the same numbers as AHPy 2.1's ``random_index='saaty'``).
SAATY_2005_RI: dict[int, float] = {
    3: 0.52, 4: 0.89, 5: 1.11, 6: 1.25, 7: 1.35, 8: 1.40, 9: 1.45,
    10: 1.49, 11: 1.52, 12: 1.54, 13: 1.56, 14: 1.58, 15: 1.59,
}  # fmt: skip

#: Donegan & Dodd (1991), Math. Comput. Modelling 15(10): 135-137, as AHPy 2.1 tabulates them
#: (its default ``random_index='dd'``); the 90 (1.6213, below 80's 1.6277) is as printed there.
DONEGAN_DODD_RI: dict[int, float] = {
    3: 0.4914, 4: 0.8286, 5: 1.0591, 6: 1.1797, 7: 1.2519, 8: 1.3171, 9: 1.3733,
    10: 1.4055, 11: 1.4213, 12: 1.4497, 13: 1.4643, 14: 1.4822, 15: 1.4969, 16: 1.5078,
    17: 1.5153, 18: 1.5262, 19: 1.5313, 20: 1.5371, 25: 1.5619, 30: 1.5772, 40: 1.5976,
    50: 1.6102, 60: 1.6178, 70: 1.6237, 80: 1.6277, 90: 1.6213, 100: 1.6339,
}  # fmt: skip

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
            "ri_table",
            f"{table!r} is not a random-index table; use one of {', '.join(RI_TABLES)}",
            code="ahp.unknown_ri_table",
            params={"value": table, "choices": list(RI_TABLES)},
        )


def parse_custom_ri(raw: object, sizes: Iterable[int] = (), where: str = "ri") -> dict[int, float]:
    """A caller's random-index table ``{"3": 0.52, "4": 0.89, ...}`` as ``{3: 0.52, 4: 0.89}``.

    Keys are matrix sizes (whole numbers, as strings in JSON), values numbers > 0; sizes 1 and 2
    may be listed with 0 (every such matrix is consistent) and are otherwise not needed.
    Every size in ``sizes`` from 3 up must be present. Errors name the entry: ``ri.7``.
    """
    if raw is None:
        raise InputError(
            where,
            'is missing: the custom table reads the random indices from the input\'s "ri" object, '
            'such as {"3": 0.52, "4": 0.89}',
            code="ahp.ri_missing",
        )
    if not isinstance(raw, Mapping):
        raise InputError(
            where,
            'must be an object of matrix size to random index, such as {"3": 0.52}',
            code="ahp.ri_not_object",
        )
    table: dict[int, float] = {}
    for key, value in raw.items():
        place = f"{where}.{key}"
        size = _size_key(key)
        if size is None:
            raise InputError(
                place,
                f"{key!r} is not a matrix size (a whole number such as 3)",
                code="ahp.ri_bad_size",
                params={"value": str(key)},
            )
        if size in table:
            raise InputError(
                place, f"repeats the size {size}", code="ahp.ri_repeated_size", params={"size": size}
            )
        if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
            raise InputError(
                place, f"{value!r} is not a number", code="ahp.ri_not_number", params={"value": str(value)}
            )
        if size <= 2:
            if value != 0:
                raise InputError(
                    place,
                    f"{value!r}: the random index of {size} criteria is 0 by definition",
                    code="ahp.ri_zero_by_definition",
                    params={"value": value, "size": size},
                )
        elif value <= 0:
            raise InputError(
                place,
                f"{value!r} is not a number > 0",
                code="ahp.ri_not_positive",
                params={"value": str(value)},
            )
        table[size] = float(value)
    for size in sorted(set(sizes)):
        if size >= 3 and size not in table:
            raise InputError(
                f"{where}.{size}",
                f"is missing: a matrix here has {size} criteria",
                code="ahp.ri_size_missing",
                params={"size": size},
            )
    return table


def _size_key(key: object) -> int | None:
    if isinstance(key, bool):
        return None
    if isinstance(key, int):
        return key if key >= 1 else None
    if isinstance(key, str) and key.strip().isdigit():
        size = int(key.strip())
        return size if size >= 1 else None
    return None


def random_index(n: int, table: str = "saaty", custom: Mapping[object, object] | None = None) -> float:
    """The random index RI(n) of the named table (see the module's list), or of ``custom``.

    Saaty's tables stop at n = 15 and Donegan-Dodd's at 100; beyond Saaty's, Alonso &
    Lamata's fitted ``lambda_max = 2.7699 n - 4.3513`` gives ``RI = (lambda_max - n) / (n - 1)``
    for any n. ``custom`` (for ``table="custom"``) is validated by :func:`parse_custom_ri`.
    """
    check_ri_table(table)
    if custom is not None and table != "custom":
        raise InputError(
            "ri",
            f"a table of random indices is given, but the table chosen is {table!r}",
            code="ahp.ri_unused",
            params={"table": table},
        )
    if n < 1:
        raise MatrixError("criteria", "at least one criterion is needed", code="ahp.no_criteria")
    if table == "custom":
        values = parse_custom_ri(custom, (n,))
        return 0.0 if n <= 2 else values[n]
    if n <= 2:
        return 0.0
    if table in ("saaty", "saaty-2005"):
        if n > len(SAATY_RI):
            raise MatrixError(
                "criteria",
                f"{n} criteria: Saaty's random index table stops at {len(SAATY_RI)}; "
                "use the alonso-lamata table (--ri alonso-lamata) for larger matrices",
                code="ahp.ri_too_many",
                params={"n": n, "largest": len(SAATY_RI), "table": "saaty"},
            )
        return SAATY_RI[n - 1] if table == "saaty" else SAATY_2005_RI[n]
    if table == "donegan-dodd":
        return _donegan_dodd(n)
    if n in ALONSO_LAMATA_RI:
        return ALONSO_LAMATA_RI[n]
    lambda_max = ALONSO_LAMATA_SLOPE * n + ALONSO_LAMATA_INTERCEPT
    return (lambda_max - n) / (n - 1)


def _donegan_dodd(n: int) -> float:
    """Donegan-Dodd's RI, interpolated linearly between tabulated sizes (as AHPy does)."""
    if n in DONEGAN_DODD_RI:
        return DONEGAN_DODD_RI[n]
    sizes = tuple(DONEGAN_DODD_RI)
    if n > sizes[-1]:
        raise MatrixError(
            "criteria",
            f"{n} criteria: Donegan and Dodd's random index table stops at {sizes[-1]}; "
            "use the alonso-lamata table (--ri alonso-lamata) for larger matrices",
            code="ahp.ri_too_many",
            params={"n": n, "largest": sizes[-1], "table": "donegan-dodd"},
        )
    above = bisect.bisect_right(sizes, n)
    low, high = sizes[above - 1], sizes[above]
    share = (n - low) / (high - low)
    return DONEGAN_DODD_RI[low] + share * (DONEGAN_DODD_RI[high] - DONEGAN_DODD_RI[low])


def check_threshold(threshold: object) -> None:
    """Raise :class:`InputError` unless ``threshold`` is a finite number >= 0 or a rule's name."""
    if isinstance(threshold, str):
        if threshold not in THRESHOLD_RULES:
            raise InputError(
                "threshold",
                f"{threshold!r} is neither a number nor a rule; use a number such as 0.1 or "
                f"{', '.join(THRESHOLD_RULES)}",
                code="ahp.unknown_threshold",
                params={"value": str(threshold), "choices": list(THRESHOLD_RULES)},
            )
        return
    if isinstance(threshold, bool) or not isinstance(threshold, numbers.Real) or not math.isfinite(threshold):
        raise InputError(
            "threshold",
            f"{threshold!r} is not a finite number",
            code="ahp.threshold_not_finite",
            params={"value": str(threshold)},
        )
    if threshold < 0:
        raise InputError(
            "threshold",
            f"{threshold} is negative",
            code="ahp.threshold_negative",
            params={"value": threshold},
        )


def cr_threshold(n: int, threshold: float | str = 0.1) -> float:
    """The CR limit for n criteria: the number given, or by ``saaty-n`` 0.05 / 0.08 / 0.10."""
    check_threshold(threshold)
    if isinstance(threshold, str):
        return SAATY_N_THRESHOLDS.get(n, SAATY_N_THRESHOLD_LARGE)
    return float(threshold)


def consistency_index(lambda_max: float | np.ndarray, n: int) -> float | np.ndarray:
    """Saaty's ``CI = (lambda_max - n) / (n - 1)``; 0 for n <= 2."""
    if n <= 2:
        return np.zeros_like(lambda_max) if isinstance(lambda_max, np.ndarray) else 0.0
    return (lambda_max - n) / (n - 1)


#: GCI thresholds of Aguarón & Moreno-Jiménez (2003), the counterparts of CR = 0.10.
GCI_THRESHOLDS = {3: 0.31, 4: 0.35}
GCI_THRESHOLD_LARGE = 0.37
#: The CR limit the published GCI thresholds stand beside.
GCI_REFERENCE_CR = 0.10


def gci_threshold(n: int, cr_limit: float = GCI_REFERENCE_CR) -> float:
    """Acceptable GCI for n criteria when the CR limit is ``cr_limit``.

    Aguarón & Moreno-Jiménez (2003) publish 0.31 (n = 3), 0.35 (n = 4) and 0.37 (n > 4) as
    the counterparts of CR = 0.10: for n = 3, where the GCI and CI are tied exactly
    (``GCI = ln^2(c) / 3`` and ``CI = (c^(1/3) + c^(-1/3) - 2) / 2``), GCI 0.31 is CR 0.10 with
    RI 0.525. For small inconsistencies ``GCI ~ 2n / (n - 2) * CI`` (second-order expansion of
    both in the log errors), so the GCI limit is scaled in proportion to another CR limit
    (``saaty-n`` at n = 3: 0.155). Only the CR 0.10 figures are published; the scaled ones
    are this rule's.
    """
    published = GCI_THRESHOLDS.get(n, GCI_THRESHOLD_LARGE)
    if cr_limit == GCI_REFERENCE_CR:
        return published
    return published * cr_limit / GCI_REFERENCE_CR


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

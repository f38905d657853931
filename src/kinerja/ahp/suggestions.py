"""Which single judgment to revise to make an inconsistent comparison acceptable.

For every judgment above the diagonal and every value of Saaty's scale, the comparison is
recomputed with that judgment (and its reciprocal) replaced; for each pair the value giving
the lowest CR is kept, pairs whose best change does not lower the CR are dropped, and the
rest are listed most useful (lowest CR after the change) first. All candidates are computed
in one batch. Values within the rounding tolerance of the current one are not suggested.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kinerja.ahp.batch import weights_and_lambda
from kinerja.ahp.consistency import consistency_index
from kinerja.ahp.incomplete import incomplete_priorities
from kinerja.ahp.parse import RECIPROCAL_TOLERANCE, SAATY_VALUES

#: How many suggestions to return at most.
LIMIT = 5


@dataclass(frozen=True)
class Suggestion:
    """Change ``pair`` = (row, column) from ``current`` to ``suggested``: the CR becomes ``cr_after``.

    Values read "the row criterion is v times as important as the column criterion".
    """

    pair: tuple[str, str]
    current: float
    suggested: float
    cr_after: float

    def as_dict(self) -> dict:
        return {
            "pair": list(self.pair),
            "current": float(self.current),
            "suggested": float(self.suggested),
            "cr_after": float(self.cr_after),
        }


def suggest_revisions(
    criteria: tuple[str, ...], matrix: np.ndarray, method: str, ri: float, cr: float, limit: int = LIMIT
) -> tuple[Suggestion, ...]:
    """The most useful single-judgment revisions of ``matrix`` (NaN where not judged)."""
    n = len(criteria)
    if n <= 2 or ri <= 0:
        return ()
    complete = not bool(np.isnan(matrix).any())
    rows, cols = np.triu_indices(n, 1)
    given = ~np.isnan(matrix[rows, cols])
    rows, cols = rows[given], cols[given]
    if len(rows) == 0:
        return ()
    values = np.asarray(SAATY_VALUES)
    lambdas = np.concatenate(
        [
            _candidate_lambdas(matrix, rows[part], cols[part], values, method, complete)
            for part in _parts(len(rows), n)
        ]
    )
    crs = (consistency_index(lambdas, n) / ri).reshape(len(rows), len(values))
    current = matrix[rows, cols]
    same = np.abs(values[None, :] / current[:, None] - 1.0) <= RECIPROCAL_TOLERANCE
    crs[same] = np.inf
    best = crs.argmin(axis=1)
    found = []
    for p, k in enumerate(best):
        after = float(crs[p, k])
        if after < cr - 1e-12:
            pair = (criteria[rows[p]], criteria[cols[p]])
            found.append(Suggestion(pair, float(current[p]), float(values[k]), after))
    found.sort(key=lambda s: s.cr_after)
    return tuple(found[:limit])


def _parts(pairs: int, n: int) -> list[slice]:
    """Groups of pairs whose candidate matrices fit in about 2 million entries."""
    per_part = max(1, (1 << 21) // (len(SAATY_VALUES) * n * n))
    return [slice(first, first + per_part) for first in range(0, pairs, per_part)]


def _candidate_lambdas(
    matrix: np.ndarray, rows: np.ndarray, cols: np.ndarray, values: np.ndarray, method: str, complete: bool
) -> np.ndarray:
    """lambda_max of ``matrix`` with pair (rows[p], cols[p]) set to each value, pair-major."""
    stack = np.repeat(matrix[None], len(rows) * len(values), axis=0)
    which = np.arange(stack.shape[0])
    pair_of, value_of = which // len(values), which % len(values)
    stack[which, rows[pair_of], cols[pair_of]] = values[value_of]
    stack[which, cols[pair_of], rows[pair_of]] = 1.0 / values[value_of]
    if complete:
        return weights_and_lambda(stack, method)[1]
    return incomplete_priorities(stack, method)[1]

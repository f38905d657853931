"""Which judgments to revise so that an inconsistent comparison becomes acceptable.

Single changes (:func:`suggest_revisions`): for every judgment above the diagonal and every
value of Saaty's scale, the comparison is recomputed with that judgment (and its reciprocal)
replaced; for each pair the value giving the lowest inconsistency is kept, pairs whose best
change does not lower it are dropped, and the rest are listed most useful first. Values within
the rounding tolerance of the current one are not suggested.

Sets of changes (:func:`suggestion_sets`): a suggestion that is applied must leave the matrix
consistent, and often no single change is enough. The search looks for the smallest number of
changes (1, then 2, then 3) whose result is acceptable, and lists the best sets of that size,
each with the judgments it changes and the inconsistency after all of them:

- one change: every judgment with every scale value (exhaustive);
- two and three changes: every combination of judgments with every scale value while the
  candidates stay within ``BUDGET`` matrices (pairs of changes are exhaustive up to n = 10);
  beyond it, each judgment is tried with the ``NEAREST`` scale values closest (in logarithm)
  to the ratio ``w_i / w_j`` the current weights imply, plus its best single value, and the
  judgments are those with the largest errors ``|ln(a_ij w_j / w_i)|`` (Saaty's rule for what
  to revise first) that fit the budget. The search stops after ``SEARCH_SECONDS``; the result
  says whether it was exhaustive and how far it got.

"Inconsistency" is the CR, or for the geometric method its GCI (the criterion its
``consistent`` flag follows). A change from a value above 1 to one below 1 (or back) reverses a
preference: A over B becomes B over A; each change says so.
"""

from __future__ import annotations

import itertools
import math
import time
from dataclasses import dataclass

import numpy as np

from kinerja.ahp.batch import weights_and_lambda
from kinerja.ahp.consistency import consistency_index, geometric_consistency_index
from kinerja.ahp.incomplete import incomplete_priorities
from kinerja.ahp.parse import RECIPROCAL_TOLERANCE, SAATY_VALUES

#: How many suggestions (and sets of changes) to return at most.
LIMIT = 5
#: The largest number of changes a set may hold.
MAX_CHANGES = 3
#: Candidate matrices computed at most for each set size (about 0.4 s at n = 9).
BUDGET = 300_000
#: Scale values nearest the implied ratio tried per judgment when the full scale does not fit.
NEAREST = 4
#: Wall-clock bound of the set search.
SEARCH_SECONDS = 3.0
#: Candidate matrices per computed block.
BLOCK = 40_000
#: Margin under the limit a set must reach, so that recomputing it alone agrees (power iteration
#: converges to ~1e-11).
MARGIN = 1e-9


@dataclass(frozen=True)
class Scoring:
    """How inconsistency is measured: the method, its lambda_max formula, the RI, the basis and limit.

    ``basis`` is ``"cr"`` or ``"gci"``; ``limit`` is the acceptable value of that measure.
    """

    method: str
    lambda_formula: str
    ri: float
    basis: str
    limit: float


def reverses(current: float, suggested: float) -> bool:
    """True when the change turns "row over column" into "column over row" (or back)."""
    tolerance = RECIPROCAL_TOLERANCE
    return (current > 1 + tolerance and suggested < 1 - tolerance) or (
        current < 1 - tolerance and suggested > 1 + tolerance
    )


@dataclass(frozen=True)
class Suggestion:
    """Change ``pair`` = (row, column) from ``current`` to ``suggested``: the CR becomes ``cr_after``.

    Values read "the row criterion is v times as important as the column criterion";
    ``reverses`` is true when the change turns the preference around; ``gci_after`` is given
    for the geometric method.
    """

    pair: tuple[str, str]
    current: float
    suggested: float
    cr_after: float
    reverses: bool = False
    gci_after: float | None = None

    def as_dict(self) -> dict:
        payload = {
            "pair": list(self.pair),
            "current": float(self.current),
            "suggested": float(self.suggested),
            "cr_after": float(self.cr_after),
            "reverses": bool(self.reverses),
        }
        if self.gci_after is not None:
            payload["gci_after"] = float(self.gci_after)
        return payload


@dataclass(frozen=True)
class Change:
    """One judgment of a set: ``pair`` from ``current`` to ``suggested``."""

    pair: tuple[str, str]
    current: float
    suggested: float
    reverses: bool

    def as_dict(self) -> dict:
        return {
            "pair": list(self.pair),
            "current": float(self.current),
            "suggested": float(self.suggested),
            "reverses": bool(self.reverses),
        }


@dataclass(frozen=True)
class SuggestionSet:
    """Changes that, applied together, make the comparison acceptable: CR (and GCI) after them."""

    changes: tuple[Change, ...]
    cr_after: float
    gci_after: float | None = None

    def as_dict(self) -> dict:
        payload = {
            "size": len(self.changes),
            "changes": [change.as_dict() for change in self.changes],
            "cr_after": float(self.cr_after),
        }
        if self.gci_after is not None:
            payload["gci_after"] = float(self.gci_after)
        return payload


@dataclass(frozen=True)
class SetSearch:
    """The sets found, how many changes they need, how far the search went and whether it was exhaustive.

    ``changes_needed`` is None when no set of up to ``searched_up_to`` changes is acceptable;
    ``exhaustive`` is False when the value or judgment lists were narrowed or time ran out.
    """

    sets: tuple[SuggestionSet, ...]
    changes_needed: int | None
    searched_up_to: int
    exhaustive: bool

    def as_dict(self) -> dict:
        return {
            "changes_needed": self.changes_needed,
            "searched_up_to": self.searched_up_to,
            "exhaustive": self.exhaustive,
        }


NO_SEARCH = SetSearch((), None, 0, True)


def measure(stack: np.ndarray, scoring: Scoring, complete: bool) -> tuple[np.ndarray, np.ndarray | None]:
    """CR (N,) and, for the geometric method, GCI (N,) of validated matrices (N, n, n)."""
    n = stack.shape[-1]
    if complete:
        weights, lambdas = weights_and_lambda(stack, scoring.method, scoring.lambda_formula)
    else:
        weights, lambdas, _ = incomplete_priorities(stack, scoring.method, scoring.lambda_formula)
    cr = np.asarray(consistency_index(lambdas, n), dtype=np.float64) / scoring.ri
    gci = geometric_consistency_index(stack, weights) if scoring.method == "geometric" else None
    return cr, gci


def _judged(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    n = matrix.shape[0]
    rows, cols = np.triu_indices(n, 1)
    given = ~np.isnan(matrix[rows, cols])
    return rows[given], cols[given]


def suggest_revisions(
    criteria: tuple[str, ...], matrix: np.ndarray, scoring: Scoring, current: float, limit: int = LIMIT
) -> tuple[Suggestion, ...]:
    """The most useful single-judgment revisions of ``matrix`` (NaN where not judged).

    ``current`` is the comparison's inconsistency on ``scoring.basis``; only changes that lower
    it are listed, lowest after the change first.
    """
    grid = _single_grid(matrix, scoring)
    if grid is None:
        return ()
    rows, cols, values, cr, gci = grid
    basis = gci if gci is not None else cr
    best = basis.argmin(axis=1)
    found = []
    for p, k in enumerate(best):
        after = float(basis[p, k])
        if after < current - 1e-12:
            before = float(matrix[rows[p], cols[p]])
            found.append(
                Suggestion(
                    pair=(criteria[rows[p]], criteria[cols[p]]),
                    current=before,
                    suggested=float(values[k]),
                    cr_after=float(cr[p, k]),
                    reverses=reverses(before, float(values[k])),
                    gci_after=None if gci is None else after,
                )
            )
    found.sort(key=lambda s: s.gci_after if s.gci_after is not None else s.cr_after)
    return tuple(found[:limit])


def _single_grid(
    matrix: np.ndarray, scoring: Scoring
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray | None] | None:
    """Every judgment with every scale value: CR and GCI grids (pairs x values), inf where unchanged."""
    n = matrix.shape[0]
    if n <= 2 or scoring.ri <= 0:
        return None
    rows, cols = _judged(matrix)
    if len(rows) == 0:
        return None
    values = np.asarray(SAATY_VALUES)
    complete = not bool(np.isnan(matrix).any())
    pair_of = np.repeat(np.arange(len(rows)), len(values))
    value_of = np.tile(np.arange(len(values)), len(rows))
    cr, gci = _evaluate(matrix, rows[pair_of][:, None], cols[pair_of][:, None], values[value_of][:, None],
                        scoring, complete)  # fmt: skip
    cr = cr.reshape(len(rows), len(values))
    gci = None if gci is None else gci.reshape(len(rows), len(values))
    same = np.abs(values[None, :] / matrix[rows, cols][:, None] - 1.0) <= RECIPROCAL_TOLERANCE
    cr[same] = np.inf
    if gci is not None:
        gci[same] = np.inf
    return rows, cols, values, cr, gci


def _evaluate(
    matrix: np.ndarray,
    rows: np.ndarray,
    cols: np.ndarray,
    values: np.ndarray,
    scoring: Scoring,
    complete: bool,
) -> tuple[np.ndarray, np.ndarray | None]:
    """Measures of ``matrix`` with, per candidate c, entries (rows[c, k], cols[c, k]) set to values[c, k]."""
    count = rows.shape[0]
    crs = np.empty(count)
    gcis = np.empty(count) if scoring.method == "geometric" else None
    for first in range(0, count, BLOCK):
        part = slice(first, min(first + BLOCK, count))
        size = part.stop - part.start
        stack = np.repeat(matrix[None], size, axis=0)
        which = np.arange(size)[:, None]
        stack[which, rows[part], cols[part]] = values[part]
        stack[which, cols[part], rows[part]] = 1.0 / values[part]
        cr, gci = measure(stack, scoring, complete)
        crs[part] = cr
        if gcis is not None and gci is not None:
            gcis[part] = gci
    return crs, gcis


def suggestion_sets(
    criteria: tuple[str, ...],
    matrix: np.ndarray,
    scoring: Scoring,
    weights: np.ndarray,
    *,
    max_changes: int = MAX_CHANGES,
    limit: int = LIMIT,
    budget: int = BUDGET,
    seconds: float = SEARCH_SECONDS,
) -> SetSearch:
    """The smallest sets of changes (up to ``max_changes``) that make ``matrix`` acceptable.

    ``weights`` are the comparison's current weights (for the implied ratios and the errors
    that narrow a search too large for ``budget``). Sets of the smallest size found are listed
    lowest inconsistency after first; for each combination of judgments only its best values
    are kept.
    """
    grid = _single_grid(matrix, scoring)
    if grid is None:
        return NO_SEARCH
    deadline = time.monotonic() + seconds
    rows, cols, values, cr_grid, gci_grid = grid
    basis_grid = gci_grid if gci_grid is not None else cr_grid
    current = matrix[rows, cols]
    complete = not bool(np.isnan(matrix).any())
    exhaustive = True

    # one change: straight from the grid
    best_value = basis_grid.argmin(axis=1)
    singles = [
        (float(basis_grid[p, k]), ((p, int(k)),), float(cr_grid[p, k]),
         None if gci_grid is None else float(gci_grid[p, k]))
        for p, k in enumerate(best_value)
        if basis_grid[p, k] <= scoring.limit - MARGIN
    ]  # fmt: skip
    if singles:
        return SetSearch(_sets(singles, criteria, rows, cols, values, current, limit), 1, 1, True)

    judgments = len(rows)
    all_options = [[k for k in range(len(values)) if np.isfinite(basis_grid[p, k])] for p in range(judgments)]
    implied = weights[rows] / weights[cols]
    distance = np.abs(np.log(values)[None, :] - np.log(implied)[:, None])
    near_options = []
    for p in range(judgments):
        order = [int(k) for k in np.argsort(distance[p], kind="stable") if np.isfinite(basis_grid[p, k])]
        chosen = order[:NEAREST]
        if int(best_value[p]) not in chosen:
            chosen.append(int(best_value[p]))
        near_options.append(chosen)
    errors = np.abs(np.log(current * weights[cols] / weights[rows]))
    by_error = [int(p) for p in np.argsort(-errors, kind="stable")]

    searched = 1
    for size in range(2, min(max_changes, judgments) + 1):
        if time.monotonic() > deadline:
            exhaustive = False
            break
        options = all_options
        width = max(len(option) for option in options)
        if math.comb(judgments, size) * width**size > budget:
            exhaustive = False
            options = near_options
            width = max(len(option) for option in options)
        chosen = judgments
        while chosen > size and math.comb(chosen, size) * width**size > budget:
            chosen -= 1
        if chosen < judgments:
            exhaustive = False
        pool = sorted(by_error[:chosen])
        found, finished = _search_size(matrix, rows, cols, values, options, pool, size, scoring,
                                       complete, deadline)  # fmt: skip
        exhaustive = exhaustive and finished
        searched = size
        if found:
            sets = _sets(found, criteria, rows, cols, values, current, limit)
            return SetSearch(sets, size, size, exhaustive)
        if not finished:
            break
    return SetSearch((), None, searched, exhaustive)


def _search_size(
    matrix: np.ndarray,
    rows: np.ndarray,
    cols: np.ndarray,
    values: np.ndarray,
    options: list[list[int]],
    pool: list[int],
    size: int,
    scoring: Scoring,
    complete: bool,
    deadline: float,
) -> tuple[list[tuple[float, tuple[tuple[int, int], ...], float, float | None]], bool]:
    """Acceptable sets of ``size`` changes among the judgments in ``pool``, each combination's best."""
    found = []
    combos = itertools.combinations(pool, size)
    while True:
        chunk = []
        entries = 0
        for combo in combos:
            picks = list(itertools.product(*(options[p] for p in combo)))
            chunk.append((combo, picks))
            entries += len(picks)
            if entries >= BLOCK:
                break
        if not chunk:
            return found, True
        judged = np.array([combo for combo, picks in chunk for _ in picks])
        picked = np.array([pick for _, picks in chunk for pick in picks])
        cr, gci = _evaluate(matrix, rows[judged], cols[judged], values[picked], scoring, complete)
        basis = gci if gci is not None else cr
        start = 0
        for combo, picks in chunk:
            part = slice(start, start + len(picks))
            start = part.stop
            best = part.start + int(np.argmin(basis[part]))
            if basis[best] <= scoring.limit - MARGIN:
                changes = tuple(zip(combo, (int(k) for k in picked[best]), strict=True))
                after_gci = None if gci is None else float(gci[best])
                found.append((float(basis[best]), changes, float(cr[best]), after_gci))
        if time.monotonic() > deadline:
            return found, False


def _sets(
    found: list[tuple[float, tuple[tuple[int, int], ...], float, float | None]],
    criteria: tuple[str, ...],
    rows: np.ndarray,
    cols: np.ndarray,
    values: np.ndarray,
    current: np.ndarray,
    limit: int,
) -> tuple[SuggestionSet, ...]:
    found.sort(key=lambda item: (item[0], item[1]))
    sets = []
    for _, changes, cr, gci in found[:limit]:
        sets.append(
            SuggestionSet(
                changes=tuple(
                    Change(
                        pair=(criteria[rows[p]], criteria[cols[p]]),
                        current=float(current[p]),
                        suggested=float(values[k]),
                        reverses=reverses(float(current[p]), float(values[k])),
                    )
                    for p, k in changes
                ),
                cr_after=cr,
                gci_after=gci,
            )
        )
    return tuple(sets)

"""Pairwise comparisons from raw input: the validated :class:`Comparison` every AHP function takes.

Input comes as ``{"criteria": [...], "matrix": [[...]]}`` (a full matrix, numbers or fractions
such as ``"1/3"``) or ``{"criteria": [...], "judgments": [[X, Y, v], ...]}`` (each compared pair
once; pairs left out make the matrix incomplete). Every problem is reported as a
:class:`~kinerja.errors.MatrixError` naming the place (``matrix[2][0]``, ``judgments[3][0]``).

Rounded reciprocals: spreadsheets and papers print 1/3 as 0.33 and 1/7 as 0.14. A pair is
accepted as reciprocal when ``|a_ij * a_ji - 1| <= RECIPROCAL_TOLERANCE`` (5 %: two-decimal
rounding of any Saaty reciprocal is within 4 %, e.g. 0.13 for 1/8), and the scale bounds
1/9..9 get the same relative slack. The values are kept as given, so that the weights and
consistency ratios those works publish, computed from the rounded numbers, are reproduced.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from kinerja.errors import MatrixError

#: Saaty's fundamental scale and its reciprocals, ascending: 1/9, 1/8, ..., 1/2, 1, 2, ..., 9.
SAATY_VALUES: tuple[float, ...] = tuple([1.0 / k for k in range(9, 1, -1)] + [float(k) for k in range(1, 10)])

#: Largest accepted relative deviation of ``a_ij * a_ji`` from 1 (and of a value beyond 1/9..9).
RECIPROCAL_TOLERANCE = 0.05

_SCALE_MIN = 1.0 / 9.0
_SCALE_MAX = 9.0
_DIAGONAL_TOLERANCE = 1e-9


@dataclass(frozen=True, eq=False)
class Comparison:
    """A validated pairwise-comparison matrix over named criteria.

    ``matrix[i, j]`` says how many times criterion ``i`` is as important as criterion ``j``;
    the diagonal is 1, ``matrix[j, i]`` is (within rounding) ``1 / matrix[i, j]``, and a
    judgment left out (only possible through ``judgments``) is ``np.nan``.
    """

    criteria: tuple[str, ...]
    matrix: np.ndarray

    @property
    def n(self) -> int:
        """Number of criteria."""
        return len(self.criteria)

    @property
    def complete(self) -> bool:
        """True when every pair has a judgment."""
        return not bool(np.isnan(self.matrix).any())


def _fmt(value: object) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def _parse_number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def parse_value(value: object, where: str) -> float:
    """One judgment as a float: a number (``3``, ``0.5``) or a string (``"3"``, ``"1/3"``, ``"0.33"``).

    Raises :class:`MatrixError` at ``where`` for anything else, for a zero denominator, and
    for values that are not positive finite numbers.
    """
    if value is None:
        raise MatrixError(
            where, "is missing: give a number or a fraction such as 1/3", code="ahp.judgment_missing"
        )
    if isinstance(value, bool):
        raise MatrixError(
            where,
            f"is {str(value).lower()}, not a number or a fraction such as 1/3",
            code="ahp.not_number",
            params={"value": str(value).lower()},
        )
    if isinstance(value, numbers.Real):
        number = float(value)
    elif isinstance(value, str):
        text = value.strip()
        if text.count("/") == 1:
            top_text, bottom_text = text.split("/")
            top, bottom = _parse_number(top_text), _parse_number(bottom_text)
            if top is None or bottom is None:
                raise MatrixError(
                    where,
                    f"{_fmt(value)} is not a number or a fraction such as 1/3",
                    code="ahp.not_number",
                    params={"value": _fmt(value)},
                )
            if bottom == 0:
                raise MatrixError(
                    where,
                    f"{_fmt(value)} has a zero denominator",
                    code="ahp.zero_denominator",
                    params={"value": _fmt(value)},
                )
            number = top / bottom
        else:
            parsed = _parse_number(text) if text and "/" not in text else None
            if parsed is None:
                raise MatrixError(
                    where,
                    f"{_fmt(value)} is not a number or a fraction such as 1/3 (decimals with a dot)",
                    code="ahp.not_number",
                    params={"value": _fmt(value)},
                )
            number = parsed
    else:
        raise MatrixError(
            where,
            f"{_fmt(value)} is not a number or a fraction such as 1/3",
            code="ahp.not_number",
            params={"value": _fmt(value)},
        )
    if math.isnan(number):
        raise MatrixError(
            where,
            f"{_fmt(value)} is not a number (NaN)",
            code="ahp.not_number",
            params={"value": _fmt(value)},
        )
    if math.isinf(number):
        raise MatrixError(
            where, f"{_fmt(value)} is infinite", code="ahp.infinite", params={"value": _fmt(value)}
        )
    if number <= 0:
        raise MatrixError(
            where,
            f"{_fmt(value)} is not positive: judgments are ratios of importance > 0",
            code="ahp.not_positive",
            params={"value": _fmt(value)},
        )
    return number


def _check_scale(value: float, raw: object, where: str) -> None:
    low = _SCALE_MIN * (1.0 - RECIPROCAL_TOLERANCE)
    high = _SCALE_MAX * (1.0 + RECIPROCAL_TOLERANCE)
    if not low <= value <= high:
        raise MatrixError(
            where,
            f"{_fmt(raw)} is outside Saaty's scale 1/9..9",
            code="ahp.outside_scale",
            params={"value": _fmt(raw)},
        )


def _parse_criteria(data: Mapping[str, Any], where: str) -> tuple[str, ...]:
    place = f"{where}criteria"
    if "criteria" not in data:
        raise MatrixError(
            place, "is missing: list the names of the criteria compared", code="ahp.criteria_missing"
        )
    raw = data["criteria"]
    if not _is_list(raw):
        raise MatrixError(place, "must be a list of criterion names", code="ahp.criteria_not_list")
    if len(raw) == 0:
        raise MatrixError(place, "is empty: at least one criterion is needed", code="ahp.no_criteria")
    seen: dict[str, int] = {}
    for index, name in enumerate(raw):
        item = f"{place}[{index}]"
        if not isinstance(name, str):
            raise MatrixError(
                item,
                f"{_fmt(name)} is not a name (a string)",
                code="input.not_name",
                params={"value": _fmt(name)},
            )
        if not name.strip():
            raise MatrixError(item, "is an empty name", code="input.empty_name")
        if name in seen:
            raise MatrixError(
                item,
                f"{name!r} is a duplicate of {place}[{seen[name]}]",
                code="ahp.duplicate_criterion",
                params={"name": name},
            )
        seen[name] = index
    return tuple(str(name) for name in raw)


def _is_list(value: object) -> bool:
    if isinstance(value, np.ndarray):
        return value.ndim >= 1
    return isinstance(value, Sequence) and not isinstance(value, str | bytes)


def _parse_matrix(raw: object, n: int, where: str) -> np.ndarray:
    place = f"{where}matrix"
    if not _is_list(raw):
        raise MatrixError(place, "must be a list of rows", code="ahp.matrix_not_rows")
    rows = list(raw)  # type: ignore[call-overload]
    for i, row in enumerate(rows):
        if not _is_list(row):
            raise MatrixError(
                f"{place}[{i}]", "must be a list (a row of the matrix)", code="ahp.row_not_list"
            )
    size = len(rows)
    if size != n:
        if all(len(row) == size for row in rows):
            raise MatrixError(
                place,
                f"is {size}x{size} but there are {n} criteria",
                code="ahp.matrix_size",
                params={"rows": size, "n": n},
            )
        raise MatrixError(
            place,
            f"has {size} rows but there are {n} criteria",
            code="ahp.matrix_size",
            params={"rows": size, "n": n},
        )
    for i, row in enumerate(rows):
        if len(row) != n:
            raise MatrixError(
                f"{place}[{i}]",
                f"has {len(row)} entries, expected {n}: the matrix must be square",
                code="ahp.row_length",
                params={"count": len(row), "n": n},
            )
    matrix = np.empty((n, n), dtype=np.float64)
    for i, row in enumerate(rows):
        for j, raw_value in enumerate(row):
            cell = f"{place}[{i}][{j}]"
            value = parse_value(raw_value, cell)
            if i == j:
                if abs(value - 1.0) > _DIAGONAL_TOLERANCE:
                    raise MatrixError(
                        cell,
                        f"{_fmt(raw_value)} is on the diagonal, which must be 1",
                        code="ahp.diagonal_not_one",
                        params={"value": _fmt(raw_value)},
                    )
            else:
                _check_scale(value, raw_value, cell)
            matrix[i, j] = value
    for i in range(n):
        for j in range(i):
            if abs(matrix[i, j] * matrix[j, i] - 1.0) > RECIPROCAL_TOLERANCE:
                raise MatrixError(
                    f"{place}[{i}][{j}]",
                    f"{_fmt(rows[i][j])} is not the reciprocal of {place}[{j}][{i}] = {_fmt(rows[j][i])} "
                    f"(expected about {1.0 / matrix[j, i]:.4g})",
                    code="ahp.not_reciprocal",
                    params={
                        "value": _fmt(rows[i][j]),
                        "other": _fmt(rows[j][i]),
                        "expected": float(1.0 / matrix[j, i]),
                    },
                )
    return matrix


def _parse_judgments(raw: object, criteria: tuple[str, ...], where: str) -> np.ndarray:
    place = f"{where}judgments"
    if not _is_list(raw):
        raise MatrixError(place, "must be a list of [X, Y, value] entries", code="ahp.judgments_not_list")
    index_of = {name: i for i, name in enumerate(criteria)}
    n = len(criteria)
    matrix = np.full((n, n), np.nan)
    np.fill_diagonal(matrix, 1.0)
    given_at: dict[frozenset[int], int] = {}
    for k, entry in enumerate(raw):  # type: ignore[arg-type]
        item = f"{place}[{k}]"
        if not _is_list(entry) or len(entry) != 3:
            raise MatrixError(
                item,
                f"{_fmt(entry)} is not a judgment [X, Y, value]",
                code="ahp.judgment_not_triple",
                params={"value": _fmt(entry)},
            )
        positions = []
        for side in (0, 1):
            name = entry[side]
            if not isinstance(name, str):
                raise MatrixError(
                    f"{item}[{side}]",
                    f"{_fmt(name)} is not a criterion name",
                    code="ahp.judgment_bad_name",
                    params={"value": _fmt(name)},
                )
            if name not in index_of:
                raise MatrixError(
                    f"{item}[{side}]",
                    f"{name!r} is not one of the criteria ({', '.join(criteria)})",
                    code="ahp.judgment_unknown_criterion",
                    params={"name": name, "choices": list(criteria)},
                )
            positions.append(index_of[name])
        i, j = positions
        if i == j:
            raise MatrixError(
                item,
                f"compares {entry[0]!r} with itself",
                code="ahp.judgment_self",
                params={"name": entry[0]},
            )
        pair = frozenset((i, j))
        if pair in given_at:
            raise MatrixError(
                item,
                f"the pair {entry[0]!r}, {entry[1]!r} is already judged at {place}[{given_at[pair]}]",
                code="ahp.judgment_repeated",
                params={"a": entry[0], "b": entry[1]},
            )
        value = parse_value(entry[2], f"{item}[2]")
        _check_scale(value, entry[2], f"{item}[2]")
        given_at[pair] = k
        matrix[i, j] = value
        matrix[j, i] = 1.0 / value
    _check_connected(matrix, criteria, place)
    return matrix


def _check_connected(matrix: np.ndarray, criteria: tuple[str, ...], place: str) -> None:
    n = len(criteria)
    group = list(range(n))

    def root(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    for i, j in zip(*np.nonzero(~np.isnan(matrix)), strict=True):
        group[root(int(i))] = root(int(j))
    groups: dict[int, list[str]] = {}
    for i, name in enumerate(criteria):
        groups.setdefault(root(i), []).append(name)
    if len(groups) > 1:
        described = " | ".join("{" + ", ".join(names) + "}" for names in groups.values())
        raise MatrixError(
            place,
            f"leave the criteria in {len(groups)} separate groups never compared with each other: "
            f"{described}; add a judgment linking them",
            code="ahp.not_connected",
            params={"count": len(groups), "groups": [list(names) for names in groups.values()]},
        )


def parse_comparison(data: Mapping[str, Any], where: str = "") -> Comparison:
    """Validate ``{"criteria", "matrix" | "judgments"}`` into a :class:`Comparison`.

    ``where`` prefixes every reported place, e.g. ``"experts[1]."`` gives
    ``experts[1].matrix[2][0]``.
    """
    if not isinstance(data, Mapping):
        raise MatrixError(
            where.rstrip(".") or "input",
            "must be an object with criteria and a matrix",
            code="ahp.comparison_not_object",
        )
    criteria = _parse_criteria(data, where)
    has_matrix, has_judgments = "matrix" in data, "judgments" in data
    if has_matrix and has_judgments:
        raise MatrixError(
            f"{where}judgments",
            "give either a matrix or judgments, not both",
            code="ahp.matrix_and_judgments",
        )
    if has_matrix:
        matrix = _parse_matrix(data["matrix"], len(criteria), where)
    elif has_judgments:
        matrix = _parse_judgments(data["judgments"], criteria, where)
    else:
        raise MatrixError(
            f"{where}matrix", "is missing: give a matrix or a list of judgments", code="ahp.matrix_missing"
        )
    matrix.setflags(write=False)
    return Comparison(criteria=criteria, matrix=matrix)


def comparison_from_weights(criteria: Sequence[str], weights: Sequence[float] | np.ndarray) -> Comparison:
    """The perfectly consistent comparison ``a_ij = w_i / w_j`` of the given weights."""
    names = _parse_criteria({"criteria": list(criteria)}, "")
    values = np.asarray(weights, dtype=np.float64)
    if values.shape != (len(names),):
        raise MatrixError(
            "weights",
            f"has {values.size} values but there are {len(names)} criteria",
            code="ahp.weights_count",
            params={"count": int(values.size), "n": len(names)},
        )
    if not np.all(np.isfinite(values)) or np.any(values <= 0):
        raise MatrixError("weights", "must all be positive finite numbers", code="ahp.weights_not_positive")
    matrix = values[:, None] / values[None, :]
    np.fill_diagonal(matrix, 1.0)
    matrix.setflags(write=False)
    return Comparison(criteria=names, matrix=matrix)

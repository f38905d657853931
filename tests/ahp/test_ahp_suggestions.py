"""Suggested revisions for an inconsistent comparison really lower its CR."""

from __future__ import annotations

import numpy as np
import pytest

from kinerja.ahp import SAATY_VALUES, analyse, parse_comparison

INCONSISTENT = {
    "criteria": ["Attendance", "Production time", "Work rotation", "Recruitment"],
    "matrix": [[1, 9, "1/9", 9], ["1/9", 1, 9, "1/9"], [9, "1/9", 1, 9], ["1/9", 9, "1/9", 1]],
}


def replaced(matrix: np.ndarray, criteria, pair, value) -> np.ndarray:
    i, j = criteria.index(pair[0]), criteria.index(pair[1])
    changed = matrix.copy()
    changed[i, j], changed[j, i] = value, 1 / value
    return changed


@pytest.mark.parametrize("method", ["eigenvector", "geometric", "mean-normalized"])
def test_each_suggestion_lowers_cr_to_what_it_says(method):
    comparison = parse_comparison(INCONSISTENT)
    result = analyse(comparison, method=method)
    assert not result.consistent
    assert 0 < len(result.suggestions) <= 5
    criteria = list(comparison.criteria)
    for suggestion in result.suggestions:
        assert suggestion.suggested in SAATY_VALUES
        assert suggestion.cr_after < result.cr
        changed = parse_comparison(
            {
                "criteria": criteria,
                "matrix": replaced(comparison.matrix, criteria, suggestion.pair, suggestion.suggested),
            }
        )
        assert analyse(changed, method=method).cr == pytest.approx(suggestion.cr_after, abs=1e-9)
        i, j = criteria.index(suggestion.pair[0]), criteria.index(suggestion.pair[1])
        assert i < j and suggestion.current == comparison.matrix[i, j]


def test_suggestions_come_most_useful_first_and_each_is_the_best_value_for_its_pair():
    comparison = parse_comparison(INCONSISTENT)
    result = analyse(comparison)
    after = [s.cr_after for s in result.suggestions]
    assert after == sorted(after)
    criteria = list(comparison.criteria)
    best = result.suggestions[0]
    for value in SAATY_VALUES:
        changed = parse_comparison(
            {"criteria": criteria, "matrix": replaced(comparison.matrix, criteria, best.pair, value)}
        )
        assert analyse(changed, suggest=False).cr >= best.cr_after - 1e-9


def test_consistent_comparison_has_no_suggestions():
    comparison = parse_comparison(
        {"criteria": ["A", "B", "C"], "matrix": [[1, 2, 4], [0.5, 1, 2], [0.25, 0.5, 1]]}
    )
    assert analyse(comparison).suggestions == ()


def test_suggestions_can_be_switched_off():
    assert analyse(parse_comparison(INCONSISTENT), suggest=False).suggestions == ()


def test_incomplete_comparison_only_gets_suggestions_on_given_judgments():
    data = {
        "criteria": ["A", "B", "C", "D"],
        "judgments": [["A", "B", 9], ["B", "C", 9], ["C", "A", 9], ["C", "D", 2]],
    }
    result = analyse(parse_comparison(data))
    assert not result.consistent and result.suggestions
    given = {frozenset(j[:2]) for j in data["judgments"]}
    for suggestion in result.suggestions:
        assert frozenset(suggestion.pair) in given
        assert suggestion.cr_after < result.cr


def test_suggestion_json_is_plain():
    result = analyse(parse_comparison(INCONSISTENT))
    first = result.as_dict()["suggestions"][0]
    assert set(first) == {"pair", "current", "suggested", "cr_after"}
    assert isinstance(first["pair"], list) and len(first["pair"]) == 2
    assert all(type(first[key]) is float for key in ("current", "suggested", "cr_after"))

"""Suggested revisions lower the CR of an inconsistent comparison; sets of them make it consistent."""

from __future__ import annotations

import time

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.ahp import SAATY_VALUES, analyse, parse_comparison
from kinerja.ahp.suggestions import reverses

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


def test_the_set_search_can_be_left_out_keeping_single_suggestions():
    # The web's framework pages show single suggestions only; the set search is their latency.
    comparison = parse_comparison(INCONSISTENT)
    full, light = analyse(comparison), analyse(comparison, search_sets=False)
    assert light.suggestions == full.suggestions
    assert light.suggestion_sets == ()
    assert light.cr == full.cr and not light.consistent


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
    # the contract's keys, and whether the change turns the preference around
    assert set(first) == {"pair", "current", "suggested", "cr_after", "reverses"}
    assert isinstance(first["pair"], list) and len(first["pair"]) == 2
    assert all(type(first[key]) is float for key in ("current", "suggested", "cr_after"))
    assert type(first["reverses"]) is bool


# --- sets of changes: applied, they leave the matrix consistent ------------------------------


def applied(comparison, changes):
    criteria = list(comparison.criteria)
    matrix = comparison.matrix.copy()
    for change in changes:
        matrix = replaced(matrix, criteria, change.pair, change.suggested)
    if np.isnan(matrix).any():
        judgments = [
            [criteria[i], criteria[j], matrix[i, j]]
            for i in range(len(criteria))
            for j in range(i + 1, len(criteria))
            if not np.isnan(matrix[i, j])
        ]
        return parse_comparison({"criteria": criteria, "judgments": judgments})
    return parse_comparison({"criteria": criteria, "matrix": matrix})


@st.composite
def scale_matrices(draw, low=3, high=6):
    n = draw(st.integers(low, high))
    upper = draw(
        st.lists(st.sampled_from(SAATY_VALUES), min_size=n * (n - 1) // 2, max_size=n * (n - 1) // 2)
    )
    matrix = np.ones((n, n))
    rows, cols = np.triu_indices(n, 1)
    matrix[rows, cols] = upper
    matrix[cols, rows] = 1 / np.array(upper)
    return parse_comparison({"criteria": [f"k{i}" for i in range(n)], "matrix": matrix})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    comparison=scale_matrices(),
    method=st.sampled_from(["eigenvector", "geometric", "mean-normalized"]),
    threshold=st.sampled_from([0.1, "saaty-n"]),
)
def test_an_applied_suggestion_set_leaves_the_matrix_consistent(comparison, method, threshold):
    result = analyse(comparison, method=method, threshold=threshold)
    search = result.set_search
    if result.consistent:
        assert result.suggestion_sets == () and search.changes_needed is None
        return
    if search.changes_needed is None:
        assert result.suggestion_sets == () and search.searched_up_to >= 1
        return
    assert result.suggestion_sets
    for found in result.suggestion_sets:
        assert len(found.changes) == search.changes_needed
        assert len({frozenset(change.pair) for change in found.changes}) == len(found.changes)
        after = analyse(applied(comparison, found.changes), method=method, threshold=threshold, suggest=False)
        assert after.consistent
        assert after.cr == pytest.approx(found.cr_after, abs=1e-9)
        assert after.cr <= after.threshold or method == "geometric"
        if method == "geometric":
            assert after.gci == pytest.approx(found.gci_after, abs=1e-9)
            assert after.gci <= after.gci_threshold
        for change in found.changes:
            assert change.suggested in SAATY_VALUES and change.suggested != change.current
            assert change.reverses == ((change.current - 1) * (change.suggested - 1) < 0)
    if search.changes_needed > 1 and search.exhaustive:
        # smallest: no single change was enough (the single suggestions are each pair's best)
        measure = (lambda s: s.gci_after) if method == "geometric" else (lambda s: s.cr_after)
        limit = result.gci_threshold if method == "geometric" else result.threshold
        assert all(measure(s) > limit - 1e-9 for s in result.suggestions)


def test_two_changes_needed_are_found_and_said_so():
    # A over B 1/7 and A over C 8 contradict each other and B over C: no one change is enough
    comparison = parse_comparison(
        {
            "criteria": ["A", "B", "C", "D"],
            "matrix": [[1, "1/7", 8, 5], [7, 1, "1/2", 6], ["1/8", 2, 1, 9], ["1/5", "1/6", "1/9", 1]],
        }
    )
    result = analyse(comparison)
    assert not result.consistent
    assert all(s.cr_after > 0.1 for s in result.suggestions)
    assert result.set_search.changes_needed == 2 and result.set_search.exhaustive
    best = result.suggestion_sets[0]
    assert best.cr_after <= 0.1 and len(best.changes) == 2
    assert any(change.reverses for change in best.changes)
    payload = result.as_dict()
    assert payload["suggestion_search"] == {"changes_needed": 2, "searched_up_to": 2, "exhaustive": True}
    first = payload["suggestion_sets"][0]
    assert set(first) == {"size", "changes", "cr_after"} and first["size"] == 2
    assert set(first["changes"][0]) == {"pair", "current", "suggested", "reverses"}
    # the top single suggestion reverses A over C (8 to 1/5) and says so
    top = result.suggestions[0]
    assert top.pair == ("A", "C") and top.reverses and payload["suggestions"][0]["reverses"] is True


def test_one_change_enough_is_a_set_of_one():
    result = analyse(parse_comparison(INCONSISTENT))
    assert result.set_search.changes_needed in (1, 2, 3, None)
    if result.set_search.changes_needed == 1:
        assert all(len(found.changes) == 1 for found in result.suggestion_sets)


def test_incomplete_sets_change_only_given_judgments():
    data = {
        "criteria": ["A", "B", "C", "D"],
        "judgments": [["A", "B", 9], ["B", "C", 9], ["C", "A", 9], ["C", "D", 2]],
    }
    comparison = parse_comparison(data)
    result = analyse(comparison)
    assert result.suggestion_sets
    given_pairs = {frozenset(j[:2]) for j in data["judgments"]}
    for found in result.suggestion_sets:
        assert all(frozenset(change.pair) in given_pairs for change in found.changes)
        assert analyse(applied(comparison, found.changes)).cr == pytest.approx(found.cr_after, abs=1e-9)


def test_search_of_nine_criteria_is_bounded_in_time():
    rng = np.random.default_rng(11)
    n = 9
    matrix = np.ones((n, n))
    rows, cols = np.triu_indices(n, 1)
    drawn = np.array(SAATY_VALUES)[rng.integers(0, len(SAATY_VALUES), len(rows))]
    matrix[rows, cols], matrix[cols, rows] = drawn, 1 / drawn
    comparison = parse_comparison({"criteria": [f"k{i}" for i in range(n)], "matrix": matrix})
    started = time.monotonic()
    result = analyse(comparison)
    assert time.monotonic() - started < 8
    assert not result.consistent and result.set_search.searched_up_to >= 2


def test_reversal_is_a_change_of_side():
    assert reverses(5, 1 / 2) and reverses(1 / 3, 2)
    assert not reverses(5, 1) and not reverses(1, 1 / 3) and not reverses(3, 9)

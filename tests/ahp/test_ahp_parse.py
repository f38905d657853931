"""Validation of pairwise-comparison input: every rule names the place that is wrong."""

from __future__ import annotations

import math

import numpy as np
import pytest

from kinerja.ahp import SAATY_VALUES, comparison_from_weights, parse_comparison, parse_value
from kinerja.errors import InputError, MatrixError

THREE = ["Attendance", "Production time", "Work rotation"]


def error_of(data, where: str = "") -> MatrixError:
    with pytest.raises(MatrixError) as caught:
        parse_comparison(data, where)
    return caught.value


# --- values -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (3, 3.0),
        (0.5, 0.5),
        ("1/3", 1 / 3),
        ("3", 3.0),
        (" 1 / 7 ", 1 / 7),
        ("0.33", 0.33),
        (np.float64(2), 2.0),
    ],
)
def test_judgment_values_accept_numbers_and_fractions(raw, expected):
    assert parse_value(raw, "matrix[0][1]") == pytest.approx(expected, rel=1e-15)


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("1/0", "zero denominator"),
        ("abc", "not a number"),
        ("1/3/4", "not a number"),
        ("", "not a number"),
        ("0,33", "dot"),
        (0, "not positive"),
        (-3, "not positive"),
        ("-1/3", "not positive"),
        (float("nan"), "NaN"),
        ("nan", "NaN"),
        (float("inf"), "infinite"),
        ("inf", "infinite"),
        (None, "missing"),
        (True, "not a number"),
        ([3], "not a number"),
    ],
)
def test_bad_judgment_values_are_reported_at_their_place(raw, words):
    with pytest.raises(MatrixError) as caught:
        parse_value(raw, "matrix[2][0]")
    assert caught.value.where == "matrix[2][0]"
    assert words in caught.value.problem
    assert str(caught.value).startswith("matrix[2][0]: ")


def test_saaty_scale_has_seventeen_values_from_a_ninth_to_nine():
    assert len(SAATY_VALUES) == 17
    assert SAATY_VALUES[0] == pytest.approx(1 / 9) and SAATY_VALUES[-1] == 9.0
    assert list(SAATY_VALUES) == sorted(SAATY_VALUES)
    assert 1.0 in SAATY_VALUES and 0.5 in SAATY_VALUES


# --- criteria ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "where", "words"),
    [
        ({"matrix": [[1]]}, "criteria", "missing"),
        ({"criteria": "A, B", "matrix": [[1]]}, "criteria", "list"),
        ({"criteria": {"A": 1}, "matrix": [[1]]}, "criteria", "list"),
        ({"criteria": [], "matrix": []}, "criteria", "empty"),
        ({"criteria": ["A", 2], "matrix": [[1, 1], [1, 1]]}, "criteria[1]", "not a name"),
        ({"criteria": ["A", "  "], "matrix": [[1, 1], [1, 1]]}, "criteria[1]", "empty name"),
        ({"criteria": ["A", "B", "A"], "matrix": [[1] * 3] * 3}, "criteria[2]", "duplicate of criteria[0]"),
    ],
)
def test_criteria_problems_name_the_criterion(data, where, words):
    error = error_of(data)
    assert error.where == where
    assert words in error.problem


def test_input_that_is_not_an_object_is_refused():
    assert error_of(["A", "B"]).where == "input"
    assert error_of(["A", "B"], "experts[1].").where == "experts[1]"


def test_neither_matrix_nor_judgments_is_refused():
    assert error_of({"criteria": ["A", "B"]}).where == "matrix"


def test_both_matrix_and_judgments_is_refused():
    error = error_of({"criteria": ["A", "B"], "matrix": [[1, 2], [0.5, 1]], "judgments": [["A", "B", 2]]})
    assert "not both" in error.problem


# --- full matrices ----------------------------------------------------------------------


def test_row_of_wrong_length_is_named():
    error = error_of({"criteria": THREE, "matrix": [[1, 3, 0.5], [1 / 3, 1, 0.2], [2, 5]]})
    assert error.where == "matrix[2]"
    assert "square" in error.problem


def test_matrix_size_disagreeing_with_criteria_is_refused():
    error = error_of({"criteria": THREE, "matrix": [[1, 2], [0.5, 1]]})
    assert error.where == "matrix"
    assert "2x2" in error.problem and "3 criteria" in error.problem
    error = error_of({"criteria": THREE, "matrix": [[1, 2, 3], [0.5, 1, 2]]})
    assert error.where == "matrix" and "2 rows" in error.problem


def test_matrix_and_rows_must_be_lists():
    assert error_of({"criteria": THREE, "matrix": "1 2 3"}).where == "matrix"
    assert error_of({"criteria": THREE, "matrix": [[1, 3, 0.5], 7, [2, 5, 1]]}).where == "matrix[1]"


def test_bad_entry_in_matrix_is_named_with_row_and_column():
    error = error_of({"criteria": THREE, "matrix": [[1, 3, "1/2"], ["1/3", 1, "1/5"], ["x", 5, 1]]})
    assert error.where == "matrix[2][0]"


def test_nan_in_a_full_matrix_is_an_error_not_a_missing_judgment():
    error = error_of({"criteria": THREE, "matrix": [[1, 3, 0.5], [1 / 3, 1, float("nan")], [2, 5, 1]]})
    assert error.where == "matrix[1][2]"
    assert "NaN" in error.problem
    error = error_of({"criteria": THREE, "matrix": [[1, 3, 0.5], [1 / 3, 1, None], [2, 5, 1]]})
    assert error.where == "matrix[1][2]" and "missing" in error.problem


def test_diagonal_must_be_one():
    error = error_of({"criteria": THREE, "matrix": [[1, 3, 0.5], [1 / 3, 2, 0.2], [2, 5, 1]]})
    assert error.where == "matrix[1][1]"
    assert "diagonal" in error.problem


def test_non_reciprocal_pair_is_named_at_the_lower_entry():
    error = error_of({"criteria": THREE, "matrix": [[1, 3, 0.5], [0.5, 1, 0.2], [2, 5, 1]]})
    assert error.where == "matrix[1][0]"
    assert "reciprocal" in error.problem and "matrix[0][1]" in error.problem


def test_rounded_reciprocals_from_spreadsheets_are_accepted_and_kept_as_given():
    # 0.33 for 1/3, 0.14 for 1/7, 0.13 for 1/8 (two-decimal rounding), within the 5 % tolerance
    data = {
        "criteria": ["A", "B", "C", "D"],
        "matrix": [[1, 3, 7, 8], [0.33, 1, 2, 3], [0.14, 0.5, 1, 2], [0.13, 0.33, 0.5, 1]],
    }
    comparison = parse_comparison(data)
    assert comparison.matrix[1, 0] == 0.33
    assert comparison.matrix[3, 0] == 0.13
    assert comparison.complete


def test_reciprocals_rounded_to_one_decimal_are_too_far():
    error = error_of({"criteria": ["A", "B"], "matrix": [[1, 3], [0.3, 1]]})
    assert error.where == "matrix[1][0]"


@pytest.mark.parametrize(("value", "ok"), [(9, True), (9.4, True), (10, False), (0.11, True), (0.1, False)])
def test_values_beyond_saatys_scale_are_refused_with_rounding_slack(value, ok):
    data = {"criteria": ["A", "B"], "matrix": [[1, value], [1 / value, 1]]}
    if ok:
        parse_comparison(data)
    else:
        error = error_of(data)
        assert error.where == "matrix[0][1]"
        assert "1/9..9" in error.problem


def test_where_prefix_is_put_in_front_of_every_place():
    error = error_of(
        {"criteria": THREE, "matrix": [[1, 3, 0.5], [1 / 3, 1, 0.2], [2, "1/0", 1]]}, "experts[1]."
    )
    assert error.where == "experts[1].matrix[2][1]"
    assert error_of({"matrix": [[1]]}, "experts[0].").where == "experts[0].criteria"


def test_parsed_comparison_is_read_only_and_knows_its_size():
    comparison = parse_comparison(
        {"criteria": THREE, "matrix": [[1, 3, "1/2"], ["1/3", 1, "1/5"], [2, 5, 1]]}
    )
    assert comparison.n == 3
    assert comparison.criteria == tuple(THREE)
    assert comparison.matrix.dtype == np.float64
    with pytest.raises(ValueError):
        comparison.matrix[0, 1] = 4.0


def test_one_criterion_is_a_valid_comparison():
    assert parse_comparison({"criteria": ["Only"], "matrix": [[1]]}).n == 1
    assert parse_comparison({"criteria": ["Only"], "judgments": []}).complete


# --- judgments --------------------------------------------------------------------------

FOUR = ["A", "B", "C", "D"]


def test_judgments_build_the_reciprocal_matrix_with_gaps():
    comparison = parse_comparison(
        {"criteria": FOUR, "judgments": [["A", "B", 3], ["A", "C", 5], ["B", "D", "1/3"]]}
    )
    m = comparison.matrix
    assert m[0, 1] == 3 and m[1, 0] == pytest.approx(1 / 3)
    assert m[3, 1] == pytest.approx(3.0)
    assert math.isnan(m[2, 3]) and math.isnan(m[0, 3])
    assert not comparison.complete


@pytest.mark.parametrize(
    ("judgments", "where", "words"),
    [
        ("A>B", "judgments", "list"),
        ([["A", "B", 3], ["A", "E", 2]], "judgments[1][1]", "not one of the criteria"),
        ([["Z", "B", 3]], "judgments[0][0]", "not one of the criteria"),
        ([["A", "B", 3], ["B", "A", 2]], "judgments[1]", "already judged at judgments[0]"),
        ([["A", "B", 3], ["A", "B", 3]], "judgments[1]", "already judged"),
        ([["A", "A", 1]], "judgments[0]", "itself"),
        ([["A", "B"]], "judgments[0]", "[X, Y, value]"),
        ([["A", "B", 3, 4]], "judgments[0]", "[X, Y, value]"),
        (["A B 3"], "judgments[0]", "[X, Y, value]"),
        ([[1, "B", 3]], "judgments[0][0]", "not a criterion name"),
        ([["A", "B", "1/0"]], "judgments[0][2]", "zero denominator"),
        ([["A", "B", -2]], "judgments[0][2]", "not positive"),
        ([["A", "B", 12]], "judgments[0][2]", "1/9..9"),
    ],
)
def test_judgment_problems_name_the_judgment(judgments, where, words):
    error = error_of({"criteria": FOUR, "judgments": judgments})
    assert error.where == where
    assert words in error.problem


def test_judgments_leaving_criteria_in_separate_groups_name_the_groups():
    error = error_of({"criteria": FOUR, "judgments": [["A", "B", 3], ["C", "D", 2]]})
    assert error.where == "judgments"
    assert "{A, B}" in error.problem and "{C, D}" in error.problem


def test_a_criterion_never_compared_is_its_own_group():
    error = error_of({"criteria": FOUR, "judgments": [["A", "B", 3], ["B", "C", 2]]})
    assert "{D}" in error.problem


# --- consistent matrices from weights ---------------------------------------------------


def test_matrix_from_weights_is_perfectly_consistent():
    comparison = comparison_from_weights(["A", "B", "C"], [0.5, 0.3, 0.2])
    m = comparison.matrix
    assert m[0, 1] == pytest.approx(0.5 / 0.3)
    assert np.allclose(m * m.T, 1.0)
    assert np.allclose(m[0, 1] * m[1, 2], m[0, 2])


def test_matrix_from_weights_checks_its_input():
    with pytest.raises(MatrixError):
        comparison_from_weights(["A", "B"], [0.5, 0.3, 0.2])
    with pytest.raises(MatrixError):
        comparison_from_weights(["A", "B"], [0.5, 0.0])
    with pytest.raises(InputError):
        comparison_from_weights(["A", "A"], [0.5, 0.5])

"""Period comparison on both percentage bases.

Source: Manggala et al. (2022), IOSR-JBM 24(9), Table 2 and its text: turnover of UD Pramitha
Salsabila from Rp 96,309,500 to Rp 147,396,600 "increased by 34.66 %", which is
(new - old) / new (base later); the usual growth, (new - old) / old, is 53.04 %.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kinerja.compare import change_pct, compare_document, compare_series
from kinerja.errors import InputError

TABLE2 = Path(__file__).resolve().parents[2] / "shared" / "spec" / "examples" / "table2-compare.json"
TURNOVER = [96309500, 147396600, 145200000]


def test_turnover_growth_on_base_previous_is_53_04_percent():
    result = compare_series(["Q1", "Q2", "Q3"], {"Turnover": TURNOVER})
    step = result.series[0].steps[0]
    assert round(step.change_pct, 2) == 53.04
    assert step.change_pct == pytest.approx((147396600 - 96309500) / 96309500 * 100, rel=1e-15)


def test_turnover_change_on_base_later_is_the_papers_34_66_percent():
    result = compare_series(["Q1", "Q2", "Q3"], {"Turnover": TURNOVER}, base="later")
    assert round(result.series[0].steps[0].change_pct, 2) == 34.66


def test_average_is_the_mean_of_the_steps_and_overall_compares_last_with_first():
    series = compare_series(["Q1", "Q2", "Q3"], {"Turnover": TURNOVER}).series[0]
    first, second = (step.change_pct for step in series.steps)
    assert series.average_pct == pytest.approx((first + second) / 2)
    assert series.overall_pct == pytest.approx((145200000 - 96309500) / 96309500 * 100)


def test_table2_file_on_both_bases():
    if not TABLE2.exists():  # pragma: no cover
        pytest.skip("shared/spec/examples is not beside the repository")
    document = json.loads(TABLE2.read_text(encoding="utf-8"))
    for base, expected in (("previous", 53.04), ("later", 34.66)):
        result = compare_document(document, base=base).as_dict()
        assert result["base"] == base
        turnover = result["series"]["Turnover (Rp)"]
        assert round(turnover["steps"][0]["change_pct"], 2) == expected
        assert (
            turnover["steps"][0]["from"] == "1st month quarter"
            and turnover["steps"][0]["to"] == "2nd month quarter"
        )
        assert {"steps", "average_pct", "overall_pct"} <= turnover.keys()
    # Attendance score 14.45 -> 11.39: -21.18 % on base previous.
    attendance = compare_document(document).as_dict()["series"]["Total employee attendance (score)"]
    assert round(attendance["steps"][0]["change_pct"], 2) == -21.18


def test_a_zero_base_gives_a_null_change_and_a_warning_naming_the_place():
    result = compare_series(["Q1", "Q2", "Q3"], {"Rotation score": [0, 5, 10]})
    series = result.series[0]
    assert series.steps[0].change_pct is None
    assert series.steps[1].change_pct == 100.0
    assert series.average_pct is None and series.overall_pct is None
    assert any('series["Rotation score"][0]' in warning for warning in result.warnings)
    assert json.dumps(result.as_dict(), allow_nan=False)


def test_on_base_later_the_zero_that_matters_is_the_new_value():
    result = compare_series(["Q1", "Q2"], {"Score": [5, 0]}, base="later")
    assert result.series[0].steps[0].change_pct is None
    assert any('series["Score"][1]' in warning for warning in result.warnings)
    assert compare_series(["Q1", "Q2"], {"Score": [5, 0]}).series[0].steps[0].change_pct == -100.0


def test_zero_to_zero_is_no_change():
    result = compare_series(["Q1", "Q2"], {"Score": [0, 0]})
    assert result.series[0].steps[0].change_pct == 0.0 and result.warnings == ()


@pytest.mark.parametrize(
    ("periods", "series", "where"),
    [
        (["Q1"], {"A": [1]}, "periods"),
        ("Q1,Q2", {"A": [1, 2]}, "periods"),
        (["Q1", "Q1"], {"A": [1, 2]}, "periods[1]"),
        (["Q1", ""], {"A": [1, 2]}, "periods[1]"),
        (["Q1", None], {"A": [1, 2]}, "periods[1]"),
        (["Q1", "Q2"], {}, "series"),
        (["Q1", "Q2"], {"A": [1, 2, 3]}, 'series["A"]'),
        (["Q1", "Q2"], {"A": 5}, 'series["A"]'),
        (["Q1", "Q2"], {"Turnover": [1, "2"]}, 'series["Turnover"][1]'),
        (["Q1", "Q2"], {"Turnover": [1, {}]}, 'series["Turnover"][1]'),
        (["Q1", "Q2"], {"Turnover": [True, 2]}, 'series["Turnover"][0]'),
        (["Q1", "Q2"], {"Turnover": [1, float("nan")]}, 'series["Turnover"][1]'),
        (["Q1", "Q2"], {"Turnover": [float("inf"), 1]}, 'series["Turnover"][0]'),
    ],
)
def test_malformed_comparisons_are_refused_with_their_place(periods, series, where):
    with pytest.raises(InputError) as caught:
        compare_series(periods, series)
    assert caught.value.where == where


def test_unknown_base_is_refused():
    with pytest.raises(InputError) as caught:
        compare_series(["Q1", "Q2"], {"A": [1, 2]}, base="next")
    assert caught.value.where == "base"


@pytest.mark.parametrize(
    ("document", "where"),
    [
        ([], ""),
        ({"series": {}}, "periods"),
        ({"periods": ["a", "b"]}, "series"),
        ({"periods": "a", "series": {}}, "periods"),
    ],
)
def test_malformed_documents_are_refused(document, where):
    with pytest.raises(InputError) as caught:
        compare_document(document)
    assert caught.value.where == where


def test_output_keeps_series_order_and_rupiah_as_integers():
    result = compare_series(["Q1", "Q2"], {"B": [1, 2], "A": [96309500, 147396600]}).as_dict()
    assert list(result["series"]) == ["B", "A"]
    assert result["series"]["A"]["values"] == [96309500, 147396600]
    step = result["series"]["A"]["steps"][0]
    assert (step["from_value"], step["to_value"]) == (96309500, 147396600)
    assert isinstance(step["from_value"], int)
    assert result["periods"] == ["Q1", "Q2"]


_positive = st.floats(min_value=1e-6, max_value=1e12, allow_nan=False)


@given(_positive, _positive)
def test_base_later_is_base_previous_over_one_plus_base_previous(old, new):
    assume(0.01 <= new / old <= 100)  # beyond, 1 + previous / 100 cancels to noise in floats
    previous = change_pct(old, new, "previous")
    later = change_pct(old, new, "later")
    assume(previous is not None and later is not None)
    assert math.isclose(later, previous / (1 + previous / 100), rel_tol=1e-9, abs_tol=1e-9)


@given(st.lists(_positive, min_size=2, max_size=8))
def test_average_lies_between_the_smallest_and_largest_step(values):
    periods = [f"P{i}" for i in range(len(values))]
    series = compare_series(periods, {"S": values}).series[0]
    changes = [step.change_pct for step in series.steps]
    assert min(changes) - 1e-9 <= series.average_pct <= max(changes) + 1e-9


def test_changes_beyond_float_range_are_input_errors():
    with pytest.raises(InputError) as caught:
        compare_series(["Q1", "Q2"], {"X": [1e-320, 1e300]})
    assert caught.value.where == 'series["X"]'


_value = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=3),
)


@given(
    st.one_of(
        st.lists(st.one_of(st.text(max_size=3), st.integers(0, 3), st.none()), max_size=4),
        st.text(max_size=3),
    ),
    st.dictionaries(st.text(max_size=3), st.one_of(st.lists(_value, max_size=4), _value), max_size=3),
    st.sampled_from(["previous", "later"]),
)
def test_any_malformed_comparison_is_an_input_error_or_a_finite_result(periods, series, base):
    try:
        result = compare_document({"periods": periods, "series": series}, base=base)
    except InputError:
        return
    json.dumps(result.as_dict(), allow_nan=False)


# --- values not measured (null, the paper's "-") --------------------------------------------


def test_table6_row_not_measured_in_the_first_period_gives_31_46_on_base_later():
    # Manggala et al. (2022), IOSR-JBM 24(9), Table 6 (the micro enterprise): "adjusting the
    # attendance of non-permanent employees" is "-", 3.29, 4.80 in the three month quarters;
    # on the paper's base (new - old) / new: (4.80 - 3.29) / 4.80 = 31.458 %.
    result = compare_series(
        ["Q1", "Q2", "Q3"],
        {"Adjusting the attendance of non-permanent employees": [None, 3.29, 4.80]},
        base="later",
    )
    series = result.series[0]
    assert series.values == (None, 3.29, 4.8)
    assert series.steps[0].change_pct is None
    assert series.steps[0].old is None
    assert series.steps[1].change_pct == pytest.approx(31.458333333, abs=1e-8)
    assert round(series.average_pct, 2) == 31.46
    assert round(series.overall_pct, 2) == 31.46
    assert result.warnings == ()


def test_a_null_in_the_middle_leaves_both_steps_out_and_overall_uses_first_and_last_present():
    result = compare_series(["Q1", "Q2", "Q3", "Q4"], {"A": [100, None, 150, 200]})
    series = result.series[0]
    assert [step.change_pct for step in series.steps] == [None, None, pytest.approx(100 / 3)]
    assert series.average_pct == pytest.approx(100 / 3)
    assert series.overall_pct == pytest.approx(100.0)


def test_a_null_last_value_compares_the_last_present_with_the_first():
    series = compare_series(["Q1", "Q2", "Q3"], {"A": [100, 120, None]}).series[0]
    assert series.overall_pct == pytest.approx(20.0)
    assert series.average_pct == pytest.approx(20.0)


def test_a_series_with_one_value_has_no_average_and_no_overall_and_says_why():
    result = compare_series(["Q1", "Q2", "Q3"], {"A": [None, 5, None]})
    series = result.series[0]
    assert series.average_pct is None and series.overall_pct is None
    assert any("no two consecutive periods" in w for w in result.warnings)
    assert any("fewer than two periods" in w for w in result.warnings)

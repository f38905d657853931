"""KPI scoring: realization, cap, weight policies, subtotals, total and rating.

Worked example: Manggala, Prihatini and Fadah (2022), "Key Performance Indicators on the
Performance of Human Resources for MSMEs, Coconut Sugar Industry Centers in Lojejer Village",
IOSR Journal of Business and Management 24(9), pp. 1-10, Table 1 (UD Pramitha Salsabila).
"""

from __future__ import annotations

import json
import math
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.errors import IndicatorError, InputError
from kinerja.scoring import (
    DEFAULT_BANDS,
    Band,
    Indicator,
    ScorecardInput,
    parse_scorecard,
    parse_scorecard_rows,
    rows_from_csv,
    score_scorecard,
)

TABLE1 = Path(__file__).resolve().parents[2] / "shared" / "spec" / "examples" / "table1-scorecard.json"


@pytest.fixture(scope="module")
def table1() -> dict:
    if not TABLE1.exists():  # pragma: no cover - the shared folder sits beside the repository
        pytest.skip("shared/spec/examples is not beside the repository")
    return json.loads(TABLE1.read_text(encoding="utf-8"))


def _card(*indicators: dict, **extra: object) -> dict:
    return {"indicators": list(indicators), **extra}


# --- the paper's Table 1 ------------------------------------------------------------------


def test_table1_total_is_the_exact_sum_not_the_papers_truncated_94_762(table1):
    # Independently: weight x realization / 100 per row, in exact decimal arithmetic.
    exact = sum(
        Fraction(str(item["weight"])) * Fraction(str(item["realization"])) / 100
        for item in table1["indicators"]
    )
    assert exact == Fraction("94.783484")
    result = score_scorecard(parse_scorecard(table1))
    assert result.total == float(exact)
    assert round(result.total, 2) == 94.78
    # The paper prints 94.762: it cut row scores (7.96 for 8.5 x 93.75 % = 7.96875) before adding.
    assert round(result.total, 3) != 94.762
    assert result.rating.code == "very_good"
    assert result.rating.label("en") == "Very Good" and result.rating.label("id") == "Sangat Baik"


def test_table1_rows_and_perspective_subtotals(table1):
    result = score_scorecard(parse_scorecard(table1))
    scores = {row.name: row.score for row in result.indicators}
    assert scores["Attendance"] == 13.437
    assert scores["Total production"] == 7.96875
    assert scores["Sales turnover"] == pytest.approx(24.5773255, abs=1e-12)
    perspectives = {p.name: p for p in result.perspectives}
    assert list(perspectives) == ["Human Resources", "Production", "Finance"]
    assert perspectives["Human Resources"].weight == pytest.approx(50.385)
    assert perspectives["Human Resources"].score == pytest.approx(47.831375)
    assert perspectives["Production"].score == pytest.approx(16.649375)
    assert perspectives["Finance"].score == pytest.approx(30.3027215)
    assert result.weight_sum == 100
    assert result.warnings == ()


def test_table1_output_has_the_contract_keys(table1):
    document = score_scorecard(parse_scorecard(table1)).as_dict()
    for key in ("indicators", "perspectives", "total", "rating", "weight_sum", "warnings"):
        assert key in document
    assert set(document["indicators"][0]) >= {"name", "perspective", "weight", "realization", "score"}
    assert set(document["rating"]) >= {"code", "label"}
    assert document["perspectives"]["Finance"].keys() == {"weight", "score"}
    assert json.loads(json.dumps(document, allow_nan=False)) == document


def test_rating_label_follows_the_locale(table1):
    result = score_scorecard(parse_scorecard(table1))
    assert result.as_dict("id")["rating"]["label"] == "Sangat Baik"
    assert result.as_dict("en")["rating"]["label"] == "Very Good"
    assert result.as_dict()["rating"]["label_id"] == "Sangat Baik"


# --- realization and cap --------------------------------------------------------------------


def test_realization_is_actual_over_target_when_higher_is_better():
    result = score_scorecard(
        parse_scorecard(_card({"name": "Sales", "weight": 100, "target": 200, "actual": 150}))
    )
    row = result.indicators[0]
    assert row.realization == 75.0 and row.score == 75.0 and row.realization_source == "computed"


def test_realization_is_target_over_actual_when_lower_is_better():
    card = _card({"name": "Rejects", "weight": 100, "direction": "lower", "target": 5, "actual": 8})
    assert score_scorecard(parse_scorecard(card)).indicators[0].realization == 62.5


def test_over_achievement_is_capped_at_100_by_default_and_shown_uncapped():
    card = _card({"name": "Sales", "weight": 100, "target": 100, "actual": 130})
    row = score_scorecard(parse_scorecard(card)).indicators[0]
    assert (row.realization, row.realization_uncapped, row.capped, row.score) == (100.0, 130.0, True, 100.0)


def test_cap_can_be_raised_or_switched_off():
    card = parse_scorecard(_card({"name": "Sales", "weight": 100, "target": 100, "actual": 130}))
    assert score_scorecard(card, cap=120).indicators[0].realization == 120.0
    assert score_scorecard(card, cap=None).total == 130.0


@pytest.mark.parametrize("cap", [0, -5, float("nan"), "100"])
def test_a_cap_that_is_not_a_positive_number_is_refused(cap):
    card = parse_scorecard(_card({"name": "A", "weight": 100, "realization": 90}))
    with pytest.raises(InputError) as caught:
        score_scorecard(card, cap=cap)
    assert caught.value.where == "cap"


def test_given_realization_is_used_and_a_disagreeing_actual_is_warned_about():
    card = _card({"name": "A", "weight": 100, "realization": 90, "target": 100, "actual": 95})
    result = score_scorecard(parse_scorecard(card))
    assert result.indicators[0].realization == 90.0
    assert len(result.warnings) == 1
    assert "indicators[0]" in result.warnings[0] and "95" in result.warnings[0]


def test_given_realization_within_half_a_point_is_not_warned_about():
    card = _card({"name": "A", "weight": 100, "realization": 89.58, "target": 2535, "actual": 2271})
    assert score_scorecard(parse_scorecard(card)).warnings == ()


def test_a_realization_with_a_target_but_no_actual_is_accepted_as_in_table1():
    card = _card({"name": "A", "weight": 100, "realization": 91.46, "target": 118441250, "unit": "IDR"})
    assert score_scorecard(parse_scorecard(card)).total == 91.46


def test_an_actual_of_zero_is_a_realization_of_zero_when_higher_is_better():
    card = _card({"name": "A", "weight": 100, "target": 10, "actual": 0})
    assert score_scorecard(parse_scorecard(card)).total == 0


# --- weight policies ------------------------------------------------------------------------


def _weights(*weights: float) -> ScorecardInput:
    return parse_scorecard(
        _card(*({"name": f"K{i}", "weight": w, "realization": 80} for i, w in enumerate(weights)))
    )


def test_strict_refuses_weights_not_summing_to_100_and_names_the_sum():
    with pytest.raises(InputError) as caught:
        score_scorecard(_weights(50, 49.5))
    assert caught.value.where == "indicators"
    assert "99.5" in caught.value.problem


def test_strict_accepts_a_sum_within_one_hundredth_of_100():
    result = score_scorecard(_weights(33.33, 33.33, 33.33, 0.01))  # 100 exactly
    assert result.weight_sum == 100
    assert score_scorecard(_weights(33.33, 33.33, 33.33)).weight_sum == 99.99
    with pytest.raises(InputError):
        score_scorecard(_weights(33.33, 33.33, 33.32))  # 99.98


def test_normalize_rescales_to_100_and_warns_with_the_sum():
    result = score_scorecard(_weights(30, 30, 20), weights="normalize")
    assert result.weight_sum == 100
    assert result.weight_sum_given == 80
    assert [row.weight for row in result.indicators] == [37.5, 37.5, 25.0]
    assert result.total == 80.0
    assert any("80" in warning and "normalize" in warning for warning in result.warnings)


def test_as_is_scores_with_the_weights_unchanged_and_warns_with_the_sum():
    result = score_scorecard(_weights(30, 30, 20), weights="as-is")
    assert result.weight_sum == 80
    assert result.total == 64.0
    assert any("80" in warning for warning in result.warnings)


def test_no_warning_when_weights_already_sum_to_100():
    assert score_scorecard(_weights(60, 40), weights="normalize").warnings == ()


def test_normalize_refuses_all_zero_weights():
    with pytest.raises(InputError, match="0"):
        score_scorecard(_weights(0, 0), weights="normalize")


def test_unknown_weight_policy_is_refused():
    with pytest.raises(InputError) as caught:
        score_scorecard(_weights(100), weights="loose")
    assert caught.value.where == "weights"


# --- perspectives ---------------------------------------------------------------------------


def test_indicators_without_perspective_are_grouped_under_the_empty_key():
    card = _card(
        {"name": "A", "weight": 50, "realization": 100, "perspective": "Finance"},
        {"name": "B", "weight": 50, "realization": 80},
    )
    document = score_scorecard(parse_scorecard(card)).as_dict()
    assert document["perspectives"] == {
        "Finance": {"weight": 50.0, "score": 50.0},
        "": {"weight": 50.0, "score": 40.0},
    }
    assert document["indicators"][1]["perspective"] is None


def test_same_name_in_two_perspectives_is_allowed():
    card = _card(
        {"name": "Attendance", "weight": 50, "realization": 100, "perspective": "HR"},
        {"name": "Attendance", "weight": 50, "realization": 100, "perspective": "Production"},
    )
    assert score_scorecard(parse_scorecard(card)).total == 100


# --- bands ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "code"),
    [
        (100, "very_good"),
        (91, "very_good"),
        (90.99, "good"),
        (76, "good"),
        (75.99, "fair"),
        (61, "fair"),
        (60.99, "poor"),
        (51, "poor"),
        (50.99, "bad"),
        (0, "bad"),
    ],
)
def test_default_bands_are_the_pp_46_2011_scale(total, code):
    card = _card({"name": "A", "weight": 100, "realization": total})
    assert score_scorecard(parse_scorecard(card)).rating.code == code


def test_default_bands_have_indonesian_and_english_labels():
    assert [(b.code, b.label_id, b.label_en) for b in DEFAULT_BANDS] == [
        ("very_good", "Sangat Baik", "Very Good"),
        ("good", "Baik", "Good"),
        ("fair", "Cukup", "Fair"),
        ("poor", "Kurang", "Poor"),
        ("bad", "Buruk", "Bad"),
    ]


def test_custom_bands_and_the_lowest_band_covers_everything_below_it():
    bands = [{"min": 90, "code": "a", "label": "Excellent"}, {"min": 70, "code": "b", "label": "Fine"}]
    assert (
        score_scorecard(
            parse_scorecard(_card({"name": "A", "weight": 100, "realization": 95}, bands=bands))
        ).rating.code
        == "a"
    )
    low = score_scorecard(
        parse_scorecard(_card({"name": "A", "weight": 100, "realization": 10}, bands=bands))
    )
    assert low.rating.code == "b" and low.rating.label("id") == "Fine"


@pytest.mark.parametrize(
    ("bands", "where"),
    [
        ([], "bands"),
        ("good", "bands"),
        ([{"min": 50, "code": "a", "label": "A"}, {"min": 70, "code": "b", "label": "B"}], "bands[1].min"),
        ([{"min": 70, "code": "a", "label": "A"}, {"min": 70, "code": "b", "label": "B"}], "bands[1].min"),
        ([{"min": 70, "code": "a", "label": "A"}, {"min": 50, "code": "a", "label": "B"}], "bands[1].code"),
        ([{"code": "a", "label": "A"}], "bands[0].min"),
        ([{"min": 70, "label": "A"}], "bands[0].code"),
        ([{"min": 70, "code": "a"}], "bands[0].label"),
        ([{"min": "high", "code": "a", "label": "A"}], "bands[0].min"),
        ([70], "bands[0]"),
    ],
)
def test_malformed_bands_are_refused_with_their_place(bands, where):
    with pytest.raises(InputError) as caught:
        parse_scorecard(_card({"name": "A", "weight": 100, "realization": 90}, bands=bands))
    assert caught.value.where == where


# --- validation -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("indicator", "where", "words"),
    [
        ({"weight": 100, "realization": 90}, "indicators[0].name", "missing"),
        ({"name": "  ", "weight": 100, "realization": 90}, "indicators[0].name", "missing"),
        ({"name": "A", "realization": 90}, "indicators[0].weight", "missing"),
        ({"name": "A", "weight": "15", "realization": 90}, "indicators[0].weight", "number"),
        ({"name": "A", "weight": True, "realization": 90}, "indicators[0].weight", "number"),
        ({"name": "A", "weight": -1, "realization": 90}, "indicators[0].weight", "negative"),
        ({"name": "A", "weight": float("nan"), "realization": 90}, "indicators[0].weight", "NaN"),
        ({"name": "A", "weight": float("inf"), "realization": 90}, "indicators[0].weight", "finite"),
        (
            {"name": "A", "weight": 100, "direction": "up", "realization": 90},
            "indicators[0].direction",
            "higher or lower",
        ),
        ({"name": "A", "weight": 100}, "indicators[0]", "realization"),
        ({"name": "A", "weight": 100, "actual": 5}, "indicators[0].target", "missing"),
        ({"name": "A", "weight": 100, "target": 5}, "indicators[0].actual", "missing"),
        ({"name": "A", "weight": 100, "target": 0, "actual": 5}, "indicators[0].target", "target is 0"),
        ({"name": "A", "weight": 100, "target": -5, "actual": 5}, "indicators[0].target", "negative"),
        ({"name": "A", "weight": 100, "target": "ten", "actual": 5}, "indicators[0].target", "number"),
        ({"name": "A", "weight": 100, "target": 10, "actual": -1}, "indicators[0].actual", "negative"),
        ({"name": "A", "weight": 100, "target": 10, "actual": None}, "indicators[0].actual", "missing"),
        (
            {"name": "A", "weight": 100, "direction": "lower", "target": 10, "actual": 0},
            "indicators[0].actual",
            "actual is 0",
        ),
        (
            {"name": "A", "weight": 100, "direction": "lower", "target": 0, "actual": 3},
            "indicators[0].target",
            "target is 0",
        ),
        ({"name": "A", "weight": 100, "realization": -1}, "indicators[0].realization", "negative"),
        ({"name": "A", "weight": 100, "realization": float("nan")}, "indicators[0].realization", "NaN"),
        (
            {"name": "A", "weight": 100, "realization": 90, "perspective": 3},
            "indicators[0].perspective",
            "text",
        ),
    ],
)
def test_malformed_indicators_are_refused_with_their_place(indicator, where, words):
    with pytest.raises(IndicatorError) as caught:
        parse_scorecard(_card(indicator))
    assert caught.value.where == where
    assert words in caught.value.problem


def test_zero_target_message_explains_the_formula():
    with pytest.raises(IndicatorError) as caught:
        parse_scorecard(_card({"name": "A", "weight": 100, "target": 0, "actual": 5}))
    assert caught.value.problem == "target is 0; realization = actual / target needs a positive target"


def test_the_place_counts_indicators_from_zero():
    card = _card(
        *({"name": f"K{i}", "weight": 25, "realization": 90} for i in range(3)), {"name": "K3", "weight": "x"}
    )
    with pytest.raises(InputError) as caught:
        parse_scorecard(card)
    assert caught.value.where == "indicators[3].weight"


def test_duplicate_names_within_a_perspective_are_refused():
    card = _card(
        {"name": "Attendance", "weight": 50, "realization": 90, "perspective": "HR"},
        {"name": "attendance ", "weight": 50, "realization": 90, "perspective": "HR"},
    )
    with pytest.raises(IndicatorError) as caught:
        parse_scorecard(card)
    assert caught.value.where == "indicators[1].name"
    assert "indicators[0]" in caught.value.problem


@pytest.mark.parametrize(
    ("document", "where"),
    [
        ([], ""),
        ({}, "indicators"),
        ({"indicators": []}, "indicators"),
        ({"indicators": [3]}, "indicators[0]"),
    ],
)
def test_malformed_documents_are_refused(document, where):
    with pytest.raises(InputError) as caught:
        parse_scorecard(document)
    assert caught.value.where == where


def test_the_web_can_build_indicators_directly_with_the_same_rules():
    indicator = Indicator("Sales", Decimal("40"), perspective=" Finance ", target=Decimal("100"), actual=80)
    assert indicator.perspective == "Finance"
    result = score_scorecard(ScorecardInput((indicator, Indicator("Output", 60, realization=100))))
    assert result.total == 92.0
    with pytest.raises(IndicatorError) as caught:
        Indicator("Sales", 40, direction="lower", target=10, actual=0)
    assert caught.value.where == "actual"
    with pytest.raises(InputError):
        ScorecardInput(())
    with pytest.raises(InputError):
        ScorecardInput((indicator,), bands=(Band(50, "a", "A", "A"), Band(60, "b", "B", "B")))


def test_results_are_frozen():
    result = score_scorecard(_weights(100))
    with pytest.raises(AttributeError):
        result.total = 5  # type: ignore[misc]


# --- spreadsheets ---------------------------------------------------------------------------


def test_csv_with_decimal_dots():
    rows, decimal_comma = rows_from_csv(
        "name,weight,perspective,target,actual\nA,60,HR,100,90\nB,40,HR,50,50\n"
    )
    assert not decimal_comma
    assert score_scorecard(parse_scorecard_rows(rows, decimal_comma=decimal_comma)).total == 94.0


def test_semicolon_csv_with_indonesian_numbers_and_headers():
    text = "Nama;Bobot;Perspektif;Target;Aktual;Arah\nA;60,5;SDM;1.408;1.300;\nB;39,5;SDM;10;5;lower\n"
    rows, decimal_comma = rows_from_csv(text)
    assert decimal_comma
    result = score_scorecard(parse_scorecard_rows(rows, decimal_comma=decimal_comma))
    assert result.indicators[0].realization == pytest.approx(1300 / 1408 * 100)
    assert result.indicators[1].realization == 100.0


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("name,weight,realization\nA,50,90\nB,fifty,90\n", 'row 3, column "weight"'),
        ("name,weight,realization\nA,50,90\n,50,90\n", 'row 3, column "name"'),
        ("name,weight,realization\nA,50,90\nB,50,\n", "row 3"),
        ('name,weight,realization\nA,50,"89,5"\nB,50,90\n', 'row 2, column "realization"'),
        ("name,weight,realization\nA,50,90\nA,50,90\n", 'row 3, column "name"'),
        ("name,realization\nA,90\n", "row 1"),
        ("", "row 1"),
        ("name,weight\n", "row 2"),
    ],
)
def test_csv_errors_name_row_and_column(text, where):
    with pytest.raises(InputError) as caught:
        parse_scorecard_rows(rows_from_csv(text)[0])
    assert caught.value.where == where


def test_xlsx_rows(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    from kinerja.scoring import rows_from_xlsx

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["name", "weight", "target", "actual"])
    sheet.append(["A", 70, 100, 80])
    sheet.append(["B", 30, 10, 10])
    path = tmp_path / "card.xlsx"
    workbook.save(path)
    result = score_scorecard(parse_scorecard_rows(rows_from_xlsx(path.read_bytes())))
    assert result.total == 86.0
    with pytest.raises(InputError):
        rows_from_xlsx(b"not a workbook")


# --- laws of the method (hypothesis) --------------------------------------------------------

_weight = st.floats(min_value=0, max_value=100, allow_nan=False)
_realization = st.floats(min_value=0, max_value=500, allow_nan=False)
_rows = st.lists(st.tuples(_weight, _realization), min_size=1, max_size=12)


def _free_card(rows: list[tuple[float, float]]) -> ScorecardInput:
    return ScorecardInput(tuple(Indicator(f"K{i}", w, realization=r) for i, (w, r) in enumerate(rows)))


@given(_rows)
def test_a_capped_score_never_exceeds_its_weight(rows):
    result = score_scorecard(_free_card(rows), weights="as-is")
    for row in result.indicators:
        assert row.score <= row.weight
        assert row.realization <= 100


@given(_rows.filter(lambda rows: sum(w for w, _ in rows) > 0))
def test_normalize_always_gives_a_weight_sum_of_100(rows):
    result = score_scorecard(_free_card(rows), weights="normalize")
    assert result.weight_sum == 100
    assert result.total <= 100


@given(st.data())
@settings(max_examples=60)
def test_permuting_indicators_permutes_the_output(data):
    rows = data.draw(_rows)
    order = data.draw(st.permutations(range(len(rows))))
    first = score_scorecard(_free_card(rows), weights="as-is")
    shuffled = ScorecardInput(tuple(_free_card(rows).indicators[i] for i in order))
    second = score_scorecard(shuffled, weights="as-is")
    assert [second.indicators[j] for j in range(len(order))] == [first.indicators[i] for i in order]
    assert second.total == first.total


@given(_rows)
def test_the_total_is_the_sum_of_the_perspective_scores(rows):
    result = score_scorecard(_free_card(rows), weights="as-is", cap=None)
    assert math.isclose(result.total, sum(p.score for p in result.perspectives), rel_tol=1e-12, abs_tol=1e-9)


def test_numbers_beyond_float_range_are_input_errors_not_infinity():
    card = _card({"name": "A", "weight": 100, "target": 1e-310, "actual": 1e10})
    with pytest.raises(InputError) as caught:
        score_scorecard(parse_scorecard(card), cap=None)
    assert caught.value.where == "indicators[0]"
    with pytest.raises(InputError):
        score_scorecard(
            parse_scorecard(_card({"name": "A", "weight": 10**400, "realization": 1})), weights="as-is"
        )


_anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=5),
    st.lists(st.integers(), max_size=2),
    st.sampled_from(["higher", "lower", "Lower", "HR", "100"]),
)
_indicator_like = st.dictionaries(
    st.sampled_from(
        ["name", "weight", "perspective", "unit", "direction", "target", "actual", "realization"]
    ),
    _anything,
)


@given(st.lists(_indicator_like, min_size=1, max_size=4), st.sampled_from(["strict", "normalize", "as-is"]))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_malformed_scorecard_is_an_input_error_or_a_finite_result(items, policy):
    try:
        result = score_scorecard(parse_scorecard({"indicators": items}), weights=policy)
    except InputError as error:
        assert error.where.startswith("indicators")
        return
    document = result.as_dict()
    assert math.isfinite(document["total"])
    json.dumps(document, allow_nan=False)

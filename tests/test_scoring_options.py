"""Scoring options a program chooses: the lower-is-better rule, the cap, composite targets,
indicators that do not apply in a period, the rating of the total as displayed, band presets.

Sources: Manggala, Prihatini and Fadah (2022), IOSR-JBM 24(9): Table 1 (UD Pramitha Salsabila;
"adding production equipment and raw materials: 20 and 6000 litres", a target of two measured
parts) and the Discussion (work rotation and the temporary-worker attendance adjustment begin in
the second month quarter, so they do not apply in the first). Bands: PP 46/2011 (default) and
the predicates of PermenPANRB 6/2022 (Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from kinerja.errors import IndicatorError, InputError
from kinerja.scoring import (
    DEFAULT_BANDS,
    PERMENPANRB_6_2022_BANDS,
    PRESETS,
    Indicator,
    Part,
    ScorecardInput,
    parse_scorecard,
    score_scorecard,
)

TABLE1 = Path(__file__).resolve().parents[2] / "shared" / "spec" / "examples" / "table1-scorecard.json"


@pytest.fixture
def table1() -> dict:
    if not TABLE1.exists():  # pragma: no cover - the shared folder sits beside the repository
        pytest.skip("shared/spec/examples is not beside the repository")
    return json.loads(TABLE1.read_text(encoding="utf-8"))


def _one(**fields: object) -> ScorecardInput:
    return ScorecardInput((Indicator("Rejects", 100, **fields),))  # type: ignore[arg-type]


# --- lower is better: ratio (the paper's) or linear --------------------------------------------


@pytest.mark.parametrize(
    ("actual", "ratio", "linear"),
    [
        (5, 100, 100),  # at the target both give 100 %
        (4, 125, 120),  # better than the target
        (8, 62.5, 40),  # worse: 5 / 8 against 2 - 8 / 5
        (10, 50, 0),  # twice the target: the linear rule reaches 0
        (12, 5 / 12 * 100, 0),  # floored at 0, never negative
    ],
)
def test_lower_is_better_ratio_and_linear(actual, ratio, linear):
    for rule, expected in (("ratio", ratio), ("linear", linear)):
        card = _one(direction="lower", target=5, actual=actual, lower_rule=rule)
        scored = score_scorecard(card, cap=None).indicators[0]
        assert scored.realization == pytest.approx(expected)
        assert scored.lower_rule == rule


def test_linear_rule_scores_an_actual_of_zero_as_perfect_where_ratio_cannot():
    with pytest.raises(IndicatorError) as caught:
        Indicator("Rejects", 100, direction="lower", target=5, actual=0)
    assert caught.value.where == "actual" and "linear" in caught.value.problem
    result = score_scorecard(_one(direction="lower", target=5, actual=0, lower_rule="linear"))
    assert result.indicators[0].realization_uncapped == 200
    assert result.indicators[0].realization == 100
    assert result.total == 100
    assert result.rating.code == "very_good"


def test_the_lower_rule_from_json_default_and_per_indicator():
    document = {
        "indicators": [
            {"name": "Rejects", "weight": 50, "direction": "lower", "target": 5, "actual": 8},
            {
                "name": "Waste",
                "weight": 50,
                "direction": "lower",
                "target": 5,
                "actual": 8,
                "lower_rule": "ratio",
            },
        ]
    }
    rows = score_scorecard(parse_scorecard(document, lower_rule="linear")).indicators
    assert [row.realization for row in rows] == [pytest.approx(40), pytest.approx(62.5)]
    with pytest.raises(InputError) as caught:
        parse_scorecard({"indicators": [{**document["indicators"][0], "lower_rule": "log"}]})
    assert caught.value.where == "indicators[0].lower_rule"


@pytest.mark.parametrize(
    ("cap", "realization", "total"), [(100, 100, 100), (None, 130, 130), (120, 120, 120)]
)
def test_the_cap_default_100_none_or_another(cap, realization, total):
    result = score_scorecard(_one(target=100, actual=130), cap=cap)
    assert result.indicators[0].realization == realization
    assert result.total == total
    assert result.as_dict()["cap"] == (None if cap is None else float(cap))


# --- composite targets (Table 1's "20 and 6000 litres") ---------------------------------------


def _equipment(molds: float, litres: float, combine: str = "mean") -> Indicator:
    return Indicator(
        "Adding production equipment and raw materials",
        6.725,
        perspective="Production",
        parts=(Part("Coconut sugar molds", 20, molds, "molds"), Part("Raw materials", 6000, litres, "L")),
        combine=combine,
    )


def test_table1_composite_target_as_two_measured_parts_gives_the_papers_100_and_94_78(table1):
    # Table 1 prints 100 % for "20 and 6000 litres"; measured as two parts, each met: the same.
    indicators = list(parse_scorecard(table1).indicators)
    position = next(i for i, ind in enumerate(indicators) if ind.name.startswith("Adding"))
    indicators[position] = _equipment(20, 6000)
    result = score_scorecard(ScorecardInput(tuple(indicators)))
    row = result.indicators[position]
    assert row.realization == 100 and row.score == pytest.approx(6.725)
    assert [(p.name, p.target, p.actual, p.realization) for p in row.parts] == [
        ("Coconut sugar molds", 20, 20, 100.0),
        ("Raw materials", 6000, 6000, 100.0),
    ]
    assert row.combine == "mean"
    assert round(result.total, 2) == 94.78


@pytest.mark.parametrize(
    ("molds", "litres", "combine", "expected"),
    [
        (15, 6000, "mean", 87.5),  # (75 + 100) / 2
        (15, 6600, "mean", 87.5),  # 110 % of litres is capped first: a surplus does not make up a shortfall
        (15, 6600, "min", 75),
        (25, 6600, "min", 100),  # the lowest part is 110 %, capped at 100
    ],
)
def test_composite_rules_mean_of_capped_parts_or_the_lowest(molds, litres, combine, expected):
    result = score_scorecard(ScorecardInput((_equipment(molds, litres, combine),)), weights="normalize")
    assert result.indicators[0].realization == pytest.approx(expected)


def test_composite_from_json_and_its_errors_name_the_part():
    item = {
        "name": "Equipment",
        "weight": 100,
        "parts": [
            {"name": "molds", "target": 20, "actual": 15, "unit": "molds"},
            {"name": "litres", "target": 6000, "actual": 6000, "unit": "L"},
        ],
        "combine": "min",
    }
    result = score_scorecard(parse_scorecard({"indicators": [item]}))
    assert result.total == 75
    out = result.as_dict()["indicators"][0]
    assert out["combine"] == "min" and out["parts"][0]["realization"] == 75
    bad = {**item, "parts": [item["parts"][0], {"name": "litres", "target": 0, "actual": 1}]}
    with pytest.raises(IndicatorError) as caught:
        parse_scorecard({"indicators": [bad]})
    assert caught.value.where == "indicators[0].parts[1].target"
    with pytest.raises(IndicatorError) as caught:
        parse_scorecard({"indicators": [{**item, "parts": item["parts"][:1]}]})
    assert caught.value.where == "indicators[0].parts"
    with pytest.raises(IndicatorError) as caught:
        parse_scorecard({"indicators": [{**item, "target": 20}]})
    assert caught.value.where == "indicators[0].target"
    with pytest.raises(IndicatorError) as caught:
        parse_scorecard({"indicators": [{**item, "combine": "sum"}]})
    assert caught.value.where == "indicators[0].combine"


# --- indicators that do not apply in a period -------------------------------------------------


def _table1_without_rotation(table1: dict) -> dict:
    # The paper: work rotation begins in the second month quarter, so in the first it does not apply.
    document = json.loads(json.dumps(table1))
    for item in document["indicators"]:
        if item["name"] == "Work rotation":
            item["applicable"] = False
            del item["realization"], item["target"]
    return document


def test_not_applicable_is_not_scored_zero_and_the_others_are_renormalized(table1):
    result = score_scorecard(parse_scorecard(_table1_without_rotation(table1)))
    rotation = next(row for row in result.indicators if row.name == "Work rotation")
    assert not rotation.applicable and rotation.score is None and rotation.realization is None
    assert rotation.weight == 0 and rotation.weight_given == 23.26
    # Independently: the other eight weights (76.74 in all) rescaled to 100, times their realizations.
    others = [i for i in table1["indicators"] if i["name"] != "Work rotation"]
    kept = sum(Decimal(str(i["weight"])) for i in others)
    assert kept == Decimal("76.74")
    expected = sum(
        Decimal(str(i["weight"])) * 100 / kept * Decimal(str(i["realization"])) / 100 for i in others
    )
    assert result.total == pytest.approx(float(expected), abs=1e-12)
    assert round(result.total, 2) == 93.20  # (94.783484 - 23.26) / 76.74 x 100
    assert result.weight_sum == pytest.approx(100)
    assert result.as_dict()["not_applicable"] == ["Work rotation"]
    assert any("renormalize" in w and "Work rotation" in w for w in result.warnings)


def test_not_applicable_as_is_keeps_the_weights_and_says_the_highest_possible_total(table1):
    result = score_scorecard(parse_scorecard(_table1_without_rotation(table1)), not_applicable="as-is")
    assert round(result.total, 3) == round(94.783484 - 23.26, 3)
    assert result.weight_sum == pytest.approx(76.74)
    assert result.not_applicable_policy == "as-is"
    assert any("highest possible total is 76.74" in w for w in result.warnings)


def test_every_indicator_not_applicable_or_a_bad_policy_is_refused():
    card = ScorecardInput((Indicator("A", 100, applicable=False),))
    with pytest.raises(InputError) as caught:
        score_scorecard(card)
    assert caught.value.where == "indicators"
    with pytest.raises(InputError) as caught:
        score_scorecard(_one(realization=90), not_applicable="zero")
    assert caught.value.where == "not_applicable"
    with pytest.raises(IndicatorError) as caught:
        parse_scorecard({"indicators": [{"name": "A", "weight": 100, "applicable": "no"}]})
    assert caught.value.where == "indicators[0].applicable"


# --- the rating of the total as displayed ----------------------------------------------------


@pytest.mark.parametrize(
    ("realization", "digits", "code", "rated"),
    [
        (90.999, 2, "very_good", 91.0),  # displayed 91,00: rated Sangat Baik, never "91,00 Baik"
        (90.995, 2, "very_good", 91.0),  # rounds half up to 91,00
        (90.994, 2, "good", 90.99),
        (90.999, None, "good", 90.999),  # exact rating on request
        (90.4, 0, "good", 90.0),
    ],
)
def test_the_rating_is_given_to_the_total_as_displayed(realization, digits, code, rated):
    result = score_scorecard(_one(realization=realization), rating_digits=digits)
    assert result.rating.code == code
    assert result.total_rated == pytest.approx(rated)
    assert result.total == pytest.approx(realization)


# --- band presets ----------------------------------------------------------------------------


def test_presets_pp46_2011_default_and_permenpanrb_6_2022_predicates():
    assert PRESETS["pp46-2011"].bands == DEFAULT_BANDS
    assert [band.label_id for band in PERMENPANRB_6_2022_BANDS] == [
        "Sangat Baik",
        "Baik",
        "Butuh Perbaikan",
        "Kurang",
        "Sangat Kurang",
    ]
    # The regulation sets no numbers; the preset puts its predicates on PP 46/2011's cut-offs.
    assert [band.min for band in PERMENPANRB_6_2022_BANDS] == [band.min for band in DEFAULT_BANDS]
    assert "no numbers" in PRESETS["permenpanrb6-2022"].how
    card = ScorecardInput((Indicator("A", 100, realization=70),), PERMENPANRB_6_2022_BANDS)
    assert score_scorecard(card).rating.label("id") == "Butuh Perbaikan"

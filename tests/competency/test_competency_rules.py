"""The rules of ``kinerja competency`` on the contract's example, worked by hand.

competency-small.json (shared/spec/examples): p1 (owner-manager) requires K1 = 4 and S2 = 3,
p2 (production) requires S1 = 4; lever weights 3 : 2 : 1, so training 1/2, technology 1/3,
capital 1/6.

- p1 K1: self 3, facilitator 2 -> two sources, median = their mean 2.5; gap 4 - 2.5 = 1.5;
  sources differ by 1 < 2, not flagged.
- p1 S2: self 4, facilitator 1 -> 2.5; gap 3 - 2.5 = 0.5; differ by 3 >= 2, flagged.
- p2 S1: self 4, owner 3, facilitator 3 -> median 3; gap 4 - 3 = 1; differ by 1.
- areas: Management 1.5, Production 1, Digital marketing 0.5 (one person each).
- actions (priority = weight x gap_total): Management/training 1/2 x 1.5 = 0.75;
  Production/training 0.5; Production/technology 1/3; Digital marketing/training 0.25;
  Digital marketing/technology 1/6 and Production/capital 1/6 tie, so "Digital marketing"
  comes before "Production" by name.
- levers: training 0.75 + 0.5 + 0.25 = 1.5; technology 1/3 + 1/6 = 0.5; capital 1/6.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from kinerja.ahp import analyse as ahp_analyse
from kinerja.ahp import parse_comparison
from kinerja.competency import (
    LEVER_CR_THRESHOLD,
    CompetencyError,
    analyse,
    assess,
    combine_levels,
    parse_assessment,
    result_as_json,
)

EXAMPLE = Path(__file__).resolve().parents[3] / "shared" / "spec" / "examples" / "competency-small.json"


@pytest.fixture
def small() -> dict:
    if not EXAMPLE.exists():  # pragma: no cover
        pytest.skip("shared/spec/examples is not beside the repository")
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def _items(result) -> dict[tuple[str, str], object]:
    return {(person.id, item.item): item for person in result.people for item in person.items}


def test_combined_levels_gaps_and_flags_of_the_example(small):
    result = assess(small)
    items = _items(result)
    k1, s2, s1 = items["p1", "K1"], items["p1", "S2"], items["p2", "S1"]
    assert (k1.combined, k1.required, k1.gap, k1.surplus, k1.flagged) == (2.5, 4, 1.5, 0.0, False)
    assert (s2.combined, s2.required, s2.gap, s2.surplus, s2.flagged) == (2.5, 3, 0.5, 0.0, True)
    assert (s1.combined, s1.required, s1.gap, s1.surplus, s1.flagged) == (3.0, 4, 1.0, 0.0, False)
    assert dict(s1.sources) == {"self": 4, "owner": 3, "facilitator": 3}
    assert [(f.person, f.item, dict(f.sources)) for f in result.flags] == [
        ("p1", "S2", {"self": 4, "facilitator": 1})
    ]


def test_roll_ups_of_the_example(small):
    result = assess(small)
    assert dict(result.people[0].area_gaps) == {"Management": 1.5, "Digital marketing": 0.5}
    assert dict(result.people[1].area_gaps) == {"Production": 1.0}
    assert {area: s.gap_total for area, s in result.areas.items()} == {
        "Management": 1.5,
        "Production": 1.0,
        "Digital marketing": 0.5,
    }
    assert all(s.people_with_gap == 1 for s in result.areas.values())
    k1 = result.items["K1"]
    assert (k1.mean_gap, k1.people_with_gap, k1.share_with_gap) == (1.5, 1, 1.0)
    assert (k1.mean_required, k1.mean_combined, k1.people_required) == (4.0, 2.5, 1)


def test_actions_sorted_by_priority_with_ties_by_area_then_lever(small):
    result = assess(small)
    got = [(a.area, a.lever, a.gap_total, a.people) for a in result.actions]
    assert got == [
        ("Management", "training", 1.5, ("p1",)),
        ("Production", "training", 1.0, ("p2",)),
        ("Production", "technology", 1.0, ("p2",)),
        ("Digital marketing", "training", 0.5, ("p1",)),
        ("Digital marketing", "technology", 0.5, ("p1",)),
        ("Production", "capital", 1.0, ("p2",)),
    ]
    assert [a.priority for a in result.actions] == pytest.approx([0.75, 0.5, 1 / 3, 0.25, 1 / 6, 1 / 6])
    assert {name: s.weight for name, s in result.levers.items()} == pytest.approx(
        {"training": 0.5, "technology": 1 / 3, "capital": 1 / 6}
    )
    assert {name: s.priority for name, s in result.levers.items()} == pytest.approx(
        {"training": 1.5, "technology": 0.5, "capital": 1 / 6}
    )
    assert result.lever_cr is None
    assert result.warnings == ()


def test_ties_on_equal_priority_go_by_area_then_lever():
    data = {
        "items": [{"code": "B1", "area": "B"}, {"code": "A1", "area": "A"}],
        "required": {"r": {"A1": 3, "B1": 3}},
        "people": [{"id": "x", "role": "r"}],
        "ratings": [
            {"person": "x", "item": "A1", "source": "self", "level": 2},
            {"person": "x", "item": "B1", "source": "self", "level": 2},
        ],
        "levers": {"weights": {"zeta": 1, "alpha": 1}},
        "rules": {"B": ["zeta", "alpha"], "A": ["zeta", "alpha"]},
    }
    assert [(a.area, a.lever) for a in assess(data).actions] == [
        ("A", "alpha"),
        ("A", "zeta"),
        ("B", "alpha"),
        ("B", "zeta"),
    ]


def test_json_has_every_contract_key(small):
    document = result_as_json(assess(small))
    for key in ("people", "items", "areas", "levers", "lever_cr", "actions", "flags", "warnings"):
        assert key in document
    person = document["people"][0]
    assert {"id", "role", "items", "area_gaps"} <= set(person)
    assert {"item", "sources", "combined", "required", "gap", "surplus", "flagged"} <= set(person["items"][0])
    assert {"mean_gap", "people_with_gap", "share_with_gap"} <= set(document["items"]["K1"])
    assert {"gap_total"} <= set(document["areas"]["Management"])
    assert {"weight", "priority"} <= set(document["levers"]["training"])
    assert set(document["actions"][0]) >= {"area", "lever", "gap_total", "priority", "people"}
    assert document["flags"] == [{"person": "p1", "item": "S2", "sources": {"self": 4, "facilitator": 1}}]
    assert json.loads(json.dumps(document)) == document


# --- combining --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("levels", "median", "mean", "low"),
    [
        ([3], 3.0, 3.0, 3.0),
        ([2, 5], 3.5, 3.5, 2.0),  # two sources: the median is their mean
        ([1, 4, 5], 4.0, 10 / 3, 1.0),
        ([5, 1, 2], 2.0, 8 / 3, 1.0),
        ([1, 2, 4, 5], 3.0, 3.0, 1.0),
    ],
)
def test_combine_levels(levels, median, mean, low):
    assert combine_levels(levels, "median") == median
    assert combine_levels(levels, "mean") == pytest.approx(mean)
    assert combine_levels(levels, "min") == low


def test_combine_levels_refuses_unknown_rule_and_no_levels():
    with pytest.raises(CompetencyError) as error:
        combine_levels([1, 2], "max")
    assert error.value.where == "combine"
    with pytest.raises(CompetencyError):
        combine_levels([], "median")


@pytest.mark.parametrize(
    ("rule", "combined", "gap"), [("median", 4.0, 0.0), ("mean", 10 / 3, 2 / 3), ("min", 1.0, 3.0)]
)
def test_combine_rule_changes_the_gap(rule, combined, gap):
    data = _one_item([1, 4, 5], required=4)
    item = assess(data, combine=rule).people[0].items[0]
    assert item.combined == pytest.approx(combined)
    assert item.gap == pytest.approx(gap)
    assert item.surplus == pytest.approx(max(combined - 4, 0))


def _one_item(levels: list[int], required: int | None = 4, role: str = "r") -> dict:
    return {
        "items": [{"code": "I", "area": "A", "kind": "skill", "name": "An item"}],
        "required": {role: {} if required is None else {"I": required}},
        "people": [{"id": "x", "name": "X", "role": role}],
        "ratings": [
            {"person": "x", "item": "I", "source": f"s{k}", "level": level} for k, level in enumerate(levels)
        ],
        "levers": {"weights": {"training": 1}},
        "rules": {"A": ["training"]},
    }


# --- flags ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("levels", "flag", "flagged"),
    [
        ([2, 4], 2, True),
        ([2, 3], 2, False),
        ([2, 5], 3, True),
        ([2, 4], 3, False),
        ([3], 1, False),
        ([3, 4], 1, True),
    ],
)
def test_flag_at_the_threshold(levels, flag, flagged):
    result = assess(_one_item(levels), flag=flag)
    assert result.people[0].items[0].flagged is flagged
    assert len(result.flags) == int(flagged)


# --- required null ------------------------------------------------------------------------------


def test_no_required_level_gives_null_gap_and_stays_out_of_roll_ups():
    data = _one_item([1, 1], required=None)
    data["items"].append({"code": "J", "area": "A"})
    data["required"]["r"]["J"] = 3
    data["ratings"].append({"person": "x", "item": "J", "source": "self", "level": 2})
    result = assess(data)
    free, bound = result.people[0].items
    assert (free.required, free.gap, free.surplus) == (None, None, None)
    assert (bound.gap, bound.surplus) == (1.0, 0.0)
    assert dict(result.people[0].area_gaps) == {"A": 1.0}  # J's gap alone, I's 1 not averaged in
    assert result.areas["A"].gap_total == 1.0
    summary = result.items["I"]
    assert (summary.mean_gap, summary.people_with_gap, summary.share_with_gap) == (None, 0, None)
    assert (summary.mean_required, summary.mean_combined, summary.people_required) == (None, None, 0)
    document = result_as_json(result)
    assert document["people"][0]["items"][0]["gap"] is None


def test_surplus_when_above_the_required_level():
    item = assess(_one_item([5, 4, 5], required=3)).people[0].items[0]
    assert (item.combined, item.gap, item.surplus) == (5.0, 0.0, 2.0)


def test_person_without_role_or_without_required_has_no_gaps():
    data = _one_item([2])
    data["people"][0]["role"] = None
    assert assess(data).people[0].items[0].required is None
    del data["required"]
    data["people"][0]["role"] = "anything"  # without required no role can be unknown
    result = assess(data)
    assert result.people[0].items[0].gap is None
    assert result.actions == ()


# --- levers and rules optional --------------------------------------------------------------


def test_without_levers_and_rules_there_are_no_actions():
    data = _one_item([1, 2])
    del data["levers"], data["rules"]
    data["scale"] = None
    assessment = parse_assessment(data)
    assert assessment.scale == (1, 5)
    result = analyse(assessment)
    assert result.levers == {} and result.actions == () and result.lever_cr is None
    assert result.areas["A"].gap_total == 2.5


def test_area_with_gaps_but_no_rule_warns():
    data = _one_item([1])
    data["items"].append({"code": "J", "area": "B"})
    data["required"]["r"]["J"] = 2
    data["ratings"].append({"person": "x", "item": "J", "source": "self", "level": 1})
    result = assess(data)
    assert [a.area for a in result.actions] == ["A"]
    assert any("'B'" in warning and "no rule" in warning for warning in result.warnings)


def test_area_declared_without_items_may_have_a_rule():
    data = _one_item([1])
    data["areas"] = ["Empty"]
    data["rules"]["Empty"] = ["training"]
    result = assess(data)
    assert result.areas["Empty"].gap_total == 0.0
    assert [a.area for a in result.actions] == ["A"]


# --- lever judgments by AHP -------------------------------------------------------------------

JUDGMENTS = [["training", "technology", 2], ["training", "capital", 4], ["technology", "capital", 2]]


def test_lever_judgments_weighted_by_the_ahp_eigenvector(small):
    data = copy.deepcopy(small)
    data["levers"] = {"judgments": JUDGMENTS}
    result = assess(data)
    expected = ahp_analyse(
        parse_comparison({"criteria": ["training", "technology", "capital"], "judgments": JUDGMENTS})
    )
    assert {name: s.weight for name, s in result.levers.items()} == pytest.approx(expected.weights_by_name())
    assert {name: s.weight for name, s in result.levers.items()} == pytest.approx(
        {"training": 4 / 7, "technology": 2 / 7, "capital": 1 / 7}  # consistent: w_i / w_j = a_ij
    )
    assert result.lever_cr == pytest.approx(0.0, abs=1e-12)
    assert not result.warnings
    assert result.actions[0].priority == pytest.approx(4 / 7 * 1.5)


def test_inconsistent_lever_judgments_warn_and_still_weigh(small):
    data = copy.deepcopy(small)
    inconsistent = [["training", "technology", 5], ["technology", "capital", 5], ["capital", "training", 3]]
    data["levers"] = {"judgments": inconsistent, "criteria": ["capital", "technology", "training"]}
    result = assess(data)
    expected = ahp_analyse(
        parse_comparison({"criteria": ["capital", "technology", "training"], "judgments": inconsistent})
    )
    assert expected.cr > LEVER_CR_THRESHOLD
    assert result.lever_cr == pytest.approx(expected.cr)
    assert list(result.levers) == ["capital", "technology", "training"]
    assert {name: s.weight for name, s in result.levers.items()} == pytest.approx(expected.weights_by_name())
    assert any(
        "consistency ratio" in warning and "levers.judgments" in warning for warning in result.warnings
    )
    assert result_as_json(result)["lever_cr"] == pytest.approx(expected.cr)


def test_incomplete_lever_judgments_are_allowed(small):
    data = copy.deepcopy(small)
    data["levers"] = {"judgments": [["training", "technology", 3], ["technology", "capital", 2]]}
    result = assess(data)
    assert sum(s.weight for s in result.levers.values()) == pytest.approx(1.0)
    assert (
        result.levers["training"].weight
        > result.levers["technology"].weight
        > result.levers["capital"].weight
    )

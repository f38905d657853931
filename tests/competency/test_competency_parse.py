"""Bad competency input: every refusal names its place (``ratings[3].level``, ``rules.X[0]``)."""

from __future__ import annotations

import copy
from collections.abc import Callable

import pytest

from kinerja.competency import CompetencyError, assess, parse_assessment
from kinerja.errors import InputError

BASE = {
    "scale": [1, 5],
    "items": [
        {"code": "K1", "area": "Management", "kind": "knowledge", "name": "Bookkeeping"},
        {"code": "S1", "area": "Production", "kind": "skill", "name": "Cooking"},
    ],
    "required": {"owner-manager": {"K1": 4}, "production": {"S1": 4}},
    "people": [{"id": "p1", "name": "Owner", "role": "owner-manager"}, {"id": "p2", "role": "production"}],
    "ratings": [
        {"person": "p1", "item": "K1", "source": "self", "level": 3},
        {"person": "p2", "item": "S1", "source": "self", "level": 2},
        {"person": "p2", "item": "S1", "source": "owner", "level": 3},
    ],
    "levers": {"weights": {"training": 2, "capital": 1}},
    "rules": {"Management": ["training"], "Production": ["training", "capital"]},
}


def _set(path: tuple, value: object) -> Callable[[dict], None]:
    def change(data: dict) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        if value is _DELETE:
            del target[path[-1]]
        else:
            target[path[-1]] = value

    return change


_DELETE = object()

CASES = [
    ("level above the scale", _set(("ratings", 1, "level"), 6), "ratings[1].level", "outside the scale 1..5"),
    ("level below the scale", _set(("ratings", 0, "level"), 0), "ratings[0].level", "outside"),
    ("level with a fraction", _set(("ratings", 0, "level"), 2.5), "ratings[0].level", "whole"),
    ("level as text", _set(("ratings", 0, "level"), "3"), "ratings[0].level", "whole number"),
    ("level true", _set(("ratings", 0, "level"), True), "ratings[0].level", "whole number"),
    ("level missing", _set(("ratings", 0, "level"), _DELETE), "ratings[0].level", "missing"),
    ("unknown person", _set(("ratings", 2, "person"), "p9"), "ratings[2].person", "'p9'"),
    ("unknown item", _set(("ratings", 0, "item"), "X1"), "ratings[0].item", "'X1' is not an item code"),
    ("empty source", _set(("ratings", 0, "source"), " "), "ratings[0].source", "empty"),
    ("duplicate rating", _set(("ratings", 2, "source"), "self"), "ratings[2]", "already rated"),
    ("unknown role", _set(("people", 1, "role"), "sales"), "people[1].role", "'sales' is not a role"),
    ("duplicate person", _set(("people", 1, "id"), "p1"), "people[1].id", "duplicate of people[0].id"),
    ("person without id", _set(("people", 0, "id"), _DELETE), "people[0].id", "missing"),
    ("duplicate item code", _set(("items", 1, "code"), "K1"), "items[1].code", "duplicate of items[0].code"),
    ("item without area", _set(("items", 0, "area"), _DELETE), "items[0].area", "missing"),
    ("unknown kind", _set(("items", 0, "kind"), "attitude"), "items[0].kind", "knowledge, skill, ability"),
    (
        "required above the scale",
        _set(("required", "production", "S1"), 9),
        "required.production.S1",
        "outside",
    ),
    (
        "required of an unknown item",
        _set(("required", "production", "Z"), 3),
        "required.production.Z",
        "item code",
    ),
    ("required not an object", _set(("required",), [1]), "required", "object"),
    ("rule for an unknown area", _set(("rules", "Finance"), ["training"]), "rules.Finance", "not an area"),
    (
        "rule naming an unknown lever",
        _set(("rules", "Management"), ["coaching"]),
        "rules.Management[0]",
        "lever",
    ),
    ("rule naming no lever", _set(("rules", "Management"), []), "rules.Management", "names no lever"),
    (
        "rule naming a lever twice",
        _set(("rules", "Production"), ["capital", "capital"]),
        "rules.Production[1]",
        "twice",
    ),
    ("rule not a list", _set(("rules", "Production"), "capital"), "rules.Production", "list"),
    ("zero weight", _set(("levers", "weights", "capital"), 0), "levers.weights.capital", "not positive"),
    (
        "negative weight",
        _set(("levers", "weights", "training"), -1),
        "levers.weights.training",
        "not positive",
    ),
    (
        "weight as text",
        _set(("levers", "weights", "training"), "2"),
        "levers.weights.training",
        "not a number",
    ),
    ("no weights", _set(("levers", "weights"), {}), "levers.weights", "empty"),
    (
        "weights and judgments",
        _set(("levers", "judgments"), [["training", "capital", 2]]),
        "levers",
        "not both",
    ),
    ("levers empty", _set(("levers",), {}), "levers", "weights"),
    ("scale upside down", _set(("scale",), [5, 1]), "scale", "below the highest"),
    ("scale of one number", _set(("scale",), [5]), "scale", "[lowest, highest]"),
    ("items missing", _set(("items",), _DELETE), "items", "missing"),
    ("people not a list", _set(("people",), {"p1": {}}), "people", "list"),
    ("ratings missing", _set(("ratings",), _DELETE), "ratings", "missing"),
    ("rating not an object", _set(("ratings", 0), ["p1", "K1", "self", 3]), "ratings[0]", "object"),
]


@pytest.mark.parametrize(
    ("change", "where", "problem"), [case[1:] for case in CASES], ids=[c[0] for c in CASES]
)
def test_refusals_name_the_place(change, where, problem):
    data = copy.deepcopy(BASE)
    change(data)
    with pytest.raises(CompetencyError) as error:
        parse_assessment(data)
    assert error.value.where == where
    assert problem in error.value.problem
    assert isinstance(error.value, InputError)
    assert error.value.as_dict() == {"where": where, "problem": error.value.problem, "code": error.value.code}


def test_the_base_is_valid():
    assessment = parse_assessment(copy.deepcopy(BASE))
    assert assessment.levers == pytest.approx({"training": 2 / 3, "capital": 1 / 3})


@pytest.mark.parametrize(
    ("judgments", "where"),
    [
        ([["training", "capital", 12]], "levers.judgments[0][2]"),
        ([["training", "capital", "x"]], "levers.judgments[0][2]"),
        ([["training", "training", 2]], "levers.judgments[0]"),
        ([["training", "capital", 2], ["capital", "training", 3]], "levers.judgments[1]"),
        ([["training", "capital"]], "levers.judgments[0]"),
        ([], "levers.judgments"),
    ],
)
def test_bad_lever_judgments_name_the_place(judgments, where):
    data = copy.deepcopy(BASE)
    data["levers"] = {"judgments": judgments}
    with pytest.raises(CompetencyError) as error:
        parse_assessment(data)
    assert error.value.where == where


def test_rule_naming_a_lever_missing_from_the_judgments():
    data = copy.deepcopy(BASE)
    data["levers"] = {"judgments": [["training", "networking", 2]]}
    with pytest.raises(CompetencyError) as error:
        parse_assessment(data)
    assert error.value.where == "rules.Production[1]"
    assert "'capital' is not a lever (levers: training, networking)" in error.value.problem


def test_rules_without_levers():
    data = copy.deepcopy(BASE)
    del data["levers"]
    with pytest.raises(CompetencyError) as error:
        parse_assessment(data)
    assert error.value.where == "rules.Management[0]"
    assert "no levers" in error.value.problem


def test_top_level_not_an_object():
    with pytest.raises(CompetencyError) as error:
        parse_assessment([1, 2])  # type: ignore[arg-type]
    assert error.value.where == "input"


def test_unknown_top_level_key_warns():
    data = copy.deepcopy(BASE)
    data["rule"] = {}
    assert any("'rule'" in warning for warning in assess(data).warnings)


def test_whole_float_levels_are_accepted_and_other_scales_work():
    data = copy.deepcopy(BASE)
    data["scale"] = [0, 3]
    data["required"] = {"owner-manager": {"K1": 3.0}, "production": {"S1": 0}}
    data["ratings"][0]["level"] = 3.0
    assessment = parse_assessment(data)
    assert assessment.scale == (0, 3)
    assert assessment.ratings[0].level == 3 and isinstance(assessment.ratings[0].level, int)


@pytest.mark.parametrize(
    ("options", "where"), [({"combine": "max"}, "combine"), ({"flag": 0}, "flag"), ({"flag": 1.5}, "flag")]
)
def test_bad_options(options, where):
    with pytest.raises(CompetencyError) as error:
        assess(copy.deepcopy(BASE), **options)
    assert error.value.where == where


def test_empty_lists_give_an_empty_result():
    result = assess({"items": [], "people": [], "ratings": []})
    assert result.people == () and result.items == {} and result.actions == ()


def test_person_without_ratings_warns():
    data = copy.deepcopy(BASE)
    data["people"].append({"id": "p3", "role": "production"})
    result = assess(data)
    assert result.people[2].items == ()
    assert any("people[2] (p3) has no ratings" in warning for warning in result.warnings)

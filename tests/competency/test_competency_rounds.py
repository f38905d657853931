"""Gaps by group (heat maps) and levels per area compared between rounds."""

from __future__ import annotations

import pytest

from kinerja.competency import AreaChange, GroupAreaGap, area_gaps_by, area_levels, assess, level_change

# Two enterprises; required: production role needs S1 = 4, S2 = 3 (area Production) and
# M1 = 3 (Management). Combined levels (one source each, so the level itself):
#   e1: a  S1 2 (gap 2), S2 3 (gap 0), M1 1 (gap 2)
#   e1: b  S1 4 (gap 0)
#   e2: c  S1 3 (gap 1), M1 5 (gap 0, surplus 2); X1 rated 2 but no required level
DATA = {
    "items": [
        {"code": "S1", "area": "Production"},
        {"code": "S2", "area": "Production"},
        {"code": "M1", "area": "Management"},
        {"code": "X1", "area": "Extra"},
    ],
    "required": {"production": {"S1": 4, "S2": 3, "M1": 3}},
    "people": [
        {"id": "a", "role": "production"},
        {"id": "b", "role": "production"},
        {"id": "c", "role": "production"},
    ],
    "ratings": [
        {"person": "a", "item": "S1", "source": "owner", "level": 2},
        {"person": "a", "item": "S2", "source": "owner", "level": 3},
        {"person": "a", "item": "M1", "source": "owner", "level": 1},
        {"person": "b", "item": "S1", "source": "owner", "level": 4},
        {"person": "c", "item": "S1", "source": "owner", "level": 3},
        {"person": "c", "item": "M1", "source": "owner", "level": 5},
        {"person": "c", "item": "X1", "source": "owner", "level": 2},
    ],
}
ENTERPRISE = {"a": "e1", "b": "e1", "c": "e2"}


def test_area_gaps_by_enterprise():
    by_enterprise = area_gaps_by(assess(DATA), ENTERPRISE)
    assert list(by_enterprise) == ["e1", "e2"]
    # e1 Production: pairs a.S1 2, a.S2 0, b.S1 0 -> mean 2/3; 2 people, 1 with a gap.
    assert by_enterprise["e1"]["Production"] == GroupAreaGap(
        mean_gap=pytest.approx(2 / 3), people=2, people_with_gap=1
    )
    assert by_enterprise["e1"]["Management"] == GroupAreaGap(mean_gap=2.0, people=1, people_with_gap=1)
    assert by_enterprise["e2"] == {
        "Production": GroupAreaGap(mean_gap=1.0, people=1, people_with_gap=1),
        "Management": GroupAreaGap(mean_gap=0.0, people=1, people_with_gap=0),
    }
    assert "Extra" not in by_enterprise["e2"]  # X1 has no required level


def test_area_gaps_by_leaves_out_people_not_named():
    only_a = area_gaps_by(assess(DATA), {"a": "alone"})
    assert list(only_a) == ["alone"]
    assert only_a["alone"]["Production"].mean_gap == 1.0


def test_area_levels_overall_and_by_group():
    result = assess(DATA)
    overall = area_levels(result)
    # Production: 2, 3, 4, 3 -> 3; Management: 1, 5 -> 3; Extra: 2 (rated, required or not).
    assert overall == {None: {"Production": 3.0, "Management": 3.0, "Extra": 2.0}}
    grouped = area_levels(result, ENTERPRISE)
    assert grouped == {
        "e1": {"Production": 3.0, "Management": 1.0},
        "e2": {"Production": 3.0, "Management": 5.0, "Extra": 2.0},
    }


def test_level_change_between_rounds():
    before = {"Production": 2.5, "Management": 3.0}
    after = {"Management": 3.5, "Production": 2.0, "Digital": 4.0}
    change = level_change(before, after)
    assert list(change) == ["Production", "Management", "Digital"]
    assert change["Production"] == AreaChange(before=2.5, after=2.0, change=-0.5)
    assert change["Management"].change == pytest.approx(0.5)
    assert change["Digital"] == AreaChange(before=None, after=4.0, change=None)
    assert level_change({"A": 1.0}, {})["A"] == AreaChange(before=1.0, after=None, change=None)


def test_a_later_round_against_an_earlier_one():
    later = {
        **DATA,
        "ratings": [{**rating, "level": min(rating["level"] + 1, 5)} for rating in DATA["ratings"]],
    }
    change = level_change(area_levels(assess(DATA))[None], area_levels(assess(later))[None])
    assert change["Production"].change == pytest.approx(1.0)
    assert change["Management"].change == pytest.approx(0.5)  # 1 -> 2 and 5 stays 5

"""Laws of the competency rules for any assessment (hypothesis).

Gaps and surpluses are never negative and never both positive; the combined level lies
between the lowest and highest source; each action's priority, recomputed here from the
ratings alone (not from the result's roll-ups), equals the output; the levers' priorities
sum to the actions'; every share is in [0, 1].
"""

from __future__ import annotations

import math
import statistics
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.competency import assess, result_as_json

AREAS = ["A", "B", "C"]
LEVERS = ["training", "technology", "capital"]
SOURCES = ["self", "owner", "facilitator"]


@st.composite
def assessments(draw: st.DrawFn) -> dict:
    low = draw(st.integers(0, 2))
    high = low + draw(st.integers(1, 5))
    level = st.integers(low, high)
    n_items = draw(st.integers(1, 5))
    items = [{"code": f"I{k}", "area": draw(st.sampled_from(AREAS))} for k in range(n_items)]
    roles = ["r1", "r2"]
    required = {
        role: {
            item["code"]: draw(level)
            for item in items
            if draw(st.booleans())  # some items have no required level for a role
        }
        for role in roles
    }
    n_people = draw(st.integers(1, 5))
    people = [{"id": f"p{k}", "role": draw(st.sampled_from([*roles, None]))} for k in range(n_people)]
    ratings = []
    for person in people:
        for item in items:
            for source in SOURCES:
                if draw(st.booleans()):
                    ratings.append(
                        {"person": person["id"], "item": item["code"], "source": source, "level": draw(level)}
                    )
    weights = {lever: draw(st.integers(1, 9)) for lever in LEVERS}
    rules = {
        area: draw(st.lists(st.sampled_from(LEVERS), min_size=1, max_size=3, unique=True))
        for area in {item["area"] for item in items}
        if draw(st.booleans())
    }
    return {
        "scale": [low, high],
        "items": items,
        "required": required,
        "people": people,
        "ratings": ratings,
        "levers": {"weights": weights},
        "rules": rules,
    }


COMBINE = st.sampled_from(["median", "mean", "min"])
FLAG = st.integers(1, 4)


@settings(max_examples=150, deadline=None)
@given(assessments(), COMBINE, FLAG)
def test_levels_gaps_and_flags(data, combine, flag):
    result = assess(data, combine=combine, flag=flag)
    for person in result.people:
        for item in person.items:
            levels = list(item.sources.values())
            assert min(levels) <= item.combined <= max(levels)
            if combine == "min":
                assert item.combined == min(levels)
            if combine == "median":
                assert item.combined == statistics.median(levels)
            assert item.flagged == (max(levels) - min(levels) >= flag)
            if item.required is None:
                assert item.gap is None and item.surplus is None
            else:
                assert item.gap >= 0 and item.surplus >= 0
                assert not (item.gap > 0 and item.surplus > 0)
                assert item.combined + item.gap - item.surplus == pytest.approx(item.required)
    assert len(result.flags) == sum(item.flagged for person in result.people for item in person.items)


@settings(max_examples=150, deadline=None)
@given(assessments(), COMBINE)
def test_priorities_recomputed_from_the_ratings(data, combine):
    result = assess(data, combine=combine)
    pick = {"median": statistics.median, "mean": statistics.fmean, "min": min}[combine]
    role_of = {person["id"]: person["role"] for person in data["people"]}
    area_of = {item["code"]: item["area"] for item in data["items"]}
    sources: dict[tuple[str, str], list[int]] = {}
    for rating in data["ratings"]:
        sources.setdefault((rating["person"], rating["item"]), []).append(rating["level"])
    gap_total = dict.fromkeys(area_of.values(), 0.0)
    gapped: dict[str, set[str]] = {area: set() for area in gap_total}
    for (person, code), levels in sources.items():
        required = data["required"].get(role_of[person], {}).get(code) if role_of[person] else None
        if required is not None:
            gap = max(required - pick(levels), 0)
            gap_total[area_of[code]] += gap
            if gap > 0:
                gapped[area_of[code]].add(person)
    total_weight = sum(data["levers"]["weights"].values())
    expected = {
        (area, lever): data["levers"]["weights"][lever] / total_weight * gap_total[area]
        for area, levers in data["rules"].items()
        for lever in levers
        if gap_total[area] > 0
    }
    got = {(action.area, action.lever): action.priority for action in result.actions}
    assert got == pytest.approx(expected)
    for action in result.actions:
        assert set(action.people) == gapped[action.area]
        assert action.gap_total == pytest.approx(gap_total[action.area])
    priorities = [action.priority for action in result.actions]
    assert all(a >= b - 1e-9 for a, b in pairwise(priorities))
    assert math.fsum(lever.priority for lever in result.levers.values()) == pytest.approx(
        math.fsum(priorities)
    )
    assert math.fsum(lever.weight for lever in result.levers.values()) == pytest.approx(1.0)
    for area, summary in result.areas.items():
        assert summary.gap_total == pytest.approx(gap_total[area])
        assert summary.people_with_gap == len(gapped[area])


@settings(max_examples=100, deadline=None)
@given(assessments())
def test_roll_ups_are_means_and_shares_within_bounds(data):
    result = assess(data)
    for code, summary in result.items.items():
        pairs = [
            item
            for person in result.people
            for item in person.items
            if item.item == code and item.gap is not None
        ]
        assert summary.people_required == len(pairs)
        if pairs:
            assert 0 <= summary.share_with_gap <= 1
            assert summary.mean_gap == pytest.approx(sum(item.gap for item in pairs) / len(pairs))
            assert summary.people_with_gap == sum(item.gap > 0 for item in pairs)
            assert summary.mean_gap >= 0
        else:
            assert summary.share_with_gap is None and summary.mean_gap is None
    for person in result.people:
        for area, gap in person.area_gaps.items():
            gaps = [item.gap for item in person.items if item.area == area and item.gap is not None]
            assert gap == pytest.approx(sum(gaps) / len(gaps))
    document = result_as_json(result)
    assert len(document["people"]) == len(data["people"])

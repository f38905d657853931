"""One-way sensitivity of a hierarchy's local weights (siblings rescaled proportionally).

The two-level example below is worked by hand. Goal -> A (0.6), B (0.4); A -> a1 (0.7),
a2 (0.3); B -> b1 (0.6), b2 (0.4). Global weights: a1 0.42, b1 0.24, a2 0.18, b2 0.16; the
top 3 are a1 > b1 > a2.

* Weight x of A (B = 1 - x): a1 = 0.7x, a2 = 0.3x, b1 = 0.6(1 - x), b2 = 0.4(1 - x).
  a1 >= b1 iff x >= 6/13; b1 >= a2 iff x <= 2/3; a2 >= b2 iff x >= 4/7. Interval
  [4/7, 2/3]: below 4/7 b2 passes a2, above 2/3 a2 passes b1.
* Weight y of a1 (a2 = 1 - y): a1 = 0.6y, a2 = 0.6(1 - y), b1 = 0.24, b2 = 0.16.
  a1 >= b1 iff y >= 0.4; b1 >= a2 iff y >= 0.6; a2 >= b2 iff y <= 11/15. Interval
  [0.6, 11/15]: below 0.6 a2 passes b1, above 11/15 b2 passes a2.
* Weight z of b1 (b2 = 1 - z): b1 = 0.4z, b2 = 0.4(1 - z), a1 = 0.42, a2 = 0.18.
  a1 >= b1 always; b1 >= a2 iff z >= 0.45; a2 >= b2 iff z >= 0.55. Interval [0.55, 1].

The method is the one-way ("gradient") sensitivity of Expert Choice (Forman & Gass 2001,
"The Analytic Hierarchy Process - An Exposition", Operations Research 49(4):469-486).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.ahp.hierarchy import evaluate_hierarchy, parse_hierarchy
from kinerja.ahp.sensitivity import sensitivity
from kinerja.errors import InputError

TWO_LEVELS = {
    "name": "Goal",
    "weights": {"A": 0.6, "B": 0.4},
    "children": [
        {"name": "A", "children": ["a1", "a2"], "weights": {"a1": 0.7, "a2": 0.3}},
        {"name": "B", "children": ["b1", "b2"], "weights": {"b1": 0.6, "b2": 0.4}},
    ],
}


def stabilities(data=TWO_LEVELS, top=3):
    result = evaluate_hierarchy(parse_hierarchy(data))
    return {s.node_path[1:]: s for s in sensitivity(result, top=top)}


def test_perspective_weight_interval_matches_the_hand_worked_example():
    s = stabilities()[("A",)]
    assert s.weight == pytest.approx(0.6)
    assert s.lower == pytest.approx(4 / 7)
    assert s.upper == pytest.approx(2 / 3)
    assert s.swaps_at_lower == (("Goal", "A", "a2"), ("Goal", "B", "b2"))
    assert s.swaps_at_upper == (("Goal", "B", "b1"), ("Goal", "A", "a2"))


def test_sibling_weight_moves_the_other_way():
    s = stabilities()[("B",)]
    assert (s.lower, s.upper) == (pytest.approx(1 / 3), pytest.approx(3 / 7))


def test_indicator_weight_interval_matches_the_hand_worked_example():
    s = stabilities()[("A", "a1")]
    assert (s.lower, s.upper) == (pytest.approx(0.6), pytest.approx(11 / 15))
    assert s.swaps_at_lower == (("Goal", "B", "b1"), ("Goal", "A", "a2"))
    assert s.swaps_at_upper == (("Goal", "A", "a2"), ("Goal", "B", "b2"))


def test_an_interval_reaching_one_reports_no_swap_at_that_end():
    s = stabilities()[("B", "b1")]
    assert (s.lower, s.upper) == (pytest.approx(0.55), 1.0)
    assert s.swaps_at_lower == (("Goal", "A", "a2"), ("Goal", "B", "b2"))
    assert s.swaps_at_upper is None


def test_top_one_only_protects_the_first_place():
    s = stabilities(top=1)[("A",)]
    # a1 = 0.7x stays above b1 = 0.6(1 - x) from x = 6/13; nothing passes it above.
    assert (s.lower, s.upper) == (pytest.approx(6 / 13), 1.0)
    assert s.swaps_at_lower == (("Goal", "A", "a1"), ("Goal", "B", "b1"))


def test_more_top_places_than_leaves_means_all_leaves():
    assert stabilities(top=10)[("A",)].lower == stabilities(top=4)[("A",)].lower


def test_nodes_without_siblings_are_left_out():
    data = {
        "name": "G",
        "children": [{"name": "Only", "children": ["x", "y"], "weights": {"x": 0.3, "y": 0.7}}],
    }
    assert list(stabilities(data)) == [("Only", "x"), ("Only", "y")]


def test_top_must_be_a_positive_whole_number():
    result = evaluate_hierarchy(parse_hierarchy(TWO_LEVELS))
    for top in (0, -1, 1.5, True):
        with pytest.raises(InputError):
            sensitivity(result, top=top)


weights = st.floats(0.05, 0.95)


@given(weights, weights, weights, st.integers(1, 4), st.floats(0.0, 1.0))
@settings(max_examples=150, deadline=None)
def test_inside_the_interval_the_top_order_holds_and_just_outside_it_breaks(wa, wa1, wb1, top, where):
    # The exact interval agrees with brute force: recompute global weights at a point.
    data = {
        "name": "Goal",
        "weights": {"A": wa, "B": 1 - wa},
        "children": [
            {"name": "A", "children": ["a1", "a2"], "weights": {"a1": wa1, "a2": 1 - wa1}},
            {"name": "B", "children": ["b1", "b2"], "weights": {"b1": wb1, "b2": 1 - wb1}},
        ],
    }

    def top_order(a, a1):
        g = np.array([a * a1, a * (1 - a1), (1 - a) * wb1, (1 - a) * (1 - wb1)])
        return list(np.argsort(-g, kind="stable")[:top]), np.sort(g)[::-1]

    s = stabilities(data, top=top)[("A",)]
    base, _ = top_order(wa, wa1)
    x = s.lower + where * (s.upper - s.lower)
    order, values = top_order(x, wa1)
    near_tie = np.min(np.abs(np.diff(values[: top + 1]))) < 1e-9 if len(values) > 1 else False
    if not near_tie:
        assert order == base
    if s.lower > 1e-5:
        assert top_order(s.lower - 1e-6, wa1)[0] != base
    if s.upper < 1 - 1e-5:
        assert top_order(s.upper + 1e-6, wa1)[0] != base

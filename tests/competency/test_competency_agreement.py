"""Agreement between sources: shares of exact and adjacent pairs, Krippendorff's ordinal alpha."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.competency import CompetencyError, source_agreement

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers,
# 12 units, missing values; alpha is 0.743 nominal, 0.815 ordinal, 0.849 interval. The
# krippendorff package's documentation reproduces 0.815 for ordinal data.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]


def _ratings(table):
    return [
        (unit, f"observer {row}", level)
        for row, levels in enumerate(table)
        for unit, level in enumerate(levels)
        if level is not None
    ]


def test_krippendorff_2011_ordinal_example():
    agreement = source_agreement(_ratings(KRIPPENDORFF_2011), scale=(1, 5))
    assert round(agreement.alpha, 3) == 0.815
    # unit 12 has one value: 11 pairable units. Pairs per unit: C(k, 2) with k = 3, 4, 4, 4,
    # 4, 4, 4, 4, 4, 3, 2 -> 3 + 8 * 6 + 3 + 1 = 55.
    assert (agreement.units, agreement.pairs) == (11, 55)
    # Exact pairs by hand: units 1, 3, 4, 5, 7, 9, 10, 11 agree fully (3 + 6 + 6 + 6 + 6 + 6 + 3 + 1
    # = 37 pairs); unit 2 (2, 2, 3, 2): 3; unit 6 (1, 2, 3, 4): 0; unit 8 (1, 1, 2, 1): 3 -> 43.
    assert agreement.exact_share == pytest.approx(43 / 55)
    # Adjacent (within 1): units 2 and 8 all 6; unit 6 (1, 2, 3, 4): 3 of 6 -> 37 + 12 + 3 = 52.
    assert agreement.adjacent_share == pytest.approx(52 / 55)


def test_perfect_agreement_gives_alpha_one():
    ratings = [
        (("p1", "K1"), "self", 2),
        (("p1", "K1"), "owner", 2),
        (("p1", "K1"), "facilitator", 2),
        (("p2", "K1"), "self", 4),
        (("p2", "K1"), "owner", 4),
        (("p3", "S1"), "owner", 5),
        (("p3", "S1"), "facilitator", 5),
    ]
    agreement = source_agreement(ratings)
    assert agreement.alpha == pytest.approx(1.0)
    assert agreement.exact_share == 1.0 and agreement.adjacent_share == 1.0
    assert (agreement.units, agreement.pairs) == (3, 5)


def test_alpha_undefined_without_two_units_or_without_variation():
    one_unit = source_agreement([("u", "a", 1), ("u", "b", 3), ("v", "a", 2)])
    assert one_unit.alpha is None
    assert (one_unit.units, one_unit.pairs, one_unit.exact_share, one_unit.adjacent_share) == (1, 1, 0.0, 0.0)
    flat = source_agreement([("u", "a", 3), ("u", "b", 3), ("v", "a", 3), ("v", "b", 3)])
    assert flat.alpha is None and flat.exact_share == 1.0
    nothing = source_agreement([])
    assert (nothing.units, nothing.pairs, nothing.exact_share, nothing.alpha) == (0, 0, None, None)


def test_systematic_disagreement_gives_alpha_below_zero():
    ratings = []
    for unit, (a, b) in enumerate([(1, 5), (5, 1), (2, 4), (4, 2)]):
        ratings += [(unit, "self", a), (unit, "owner", b)]
    agreement = source_agreement(ratings)
    assert agreement.alpha < 0
    assert agreement.exact_share == 0.0


def test_bad_ratings_name_the_place():
    with pytest.raises(CompetencyError) as error:
        source_agreement([("u", "a", 1), ("u", "a", 2)])
    assert error.value.where == "ratings[1]"
    with pytest.raises(CompetencyError) as error:
        source_agreement([("u", "a", 1), ("u", "b", 6)], scale=(1, 5))
    assert error.value.where == "ratings[1]"
    with pytest.raises(CompetencyError):
        source_agreement([("u", "a", 2.5)])  # type: ignore[list-item]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 6), st.sampled_from(["self", "owner", "facilitator"]), st.integers(1, 5)),
        max_size=30,
        unique_by=lambda rating: (rating[0], rating[1]),
    )
)
def test_shares_are_shares_and_alpha_at_most_one(ratings):
    agreement = source_agreement(ratings)
    if agreement.pairs:
        assert 0 <= agreement.exact_share <= agreement.adjacent_share <= 1
    if agreement.alpha is not None:
        assert math.isfinite(agreement.alpha) and agreement.alpha <= 1 + 1e-12
        assert agreement.units >= 2

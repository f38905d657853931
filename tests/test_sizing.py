"""MSME size class under Law 20/2008 art. 6 and Government Regulation 7/2021 art. 35.

Thresholds: UU 20/2008 Pasal 6 (net assets excluding land and buildings, or annual sales);
PP 7/2021 Pasal 35 ayat (3) (business capital) and ayat (5) (annual sales). "Up to" includes
the limit ("paling banyak"); "over" excludes it ("lebih dari").
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.errors import InputError
from kinerja.sizing import bps_worker_class, classify, law_for_date, parse_rupiah

MILLION = 1_000_000
BILLION = 1_000_000_000

# (law, criterion keyword, [(upper limit of a class, that class, the next class)])
THRESHOLDS = [
    (
        "uu20-2008",
        "net_assets",
        [
            (50 * MILLION, "micro", "small"),
            (500 * MILLION, "small", "medium"),
            (10 * BILLION, "medium", "large"),
        ],
    ),
    (
        "uu20-2008",
        "annual_sales",
        [
            (300 * MILLION, "micro", "small"),
            (2_500 * MILLION, "small", "medium"),
            (50 * BILLION, "medium", "large"),
        ],
    ),
    (
        "pp7-2021",
        "capital",
        [
            (1 * BILLION, "micro", "small"),
            (5 * BILLION, "small", "medium"),
            (10 * BILLION, "medium", "large"),
        ],
    ),
    (
        "pp7-2021",
        "annual_sales",
        [
            (2 * BILLION, "micro", "small"),
            (15 * BILLION, "small", "medium"),
            (50 * BILLION, "medium", "large"),
        ],
    ),
]
BOUNDARIES = [
    (law, criterion, limit, below, above)
    for law, criterion, limits in THRESHOLDS
    for limit, below, above in limits
]


def _by(law: str, criterion: str, amount: int) -> str:
    if criterion == "annual_sales":
        result = classify(net_assets=None, annual_sales=amount, law=law)
        return result.by_sales
    if criterion == "net_assets":
        return classify(net_assets=amount, annual_sales=0, law=law).by_assets
    return classify(net_assets=None, annual_sales=0, capital=amount, law=law).by_capital


@pytest.mark.parametrize(("law", "criterion", "limit", "below", "above"), BOUNDARIES)
def test_each_limit_belongs_to_the_lower_class_and_one_rupiah_more_to_the_next(
    law, criterion, limit, below, above
):
    assert _by(law, criterion, limit - 1) == below
    assert _by(law, criterion, limit) == below
    assert _by(law, criterion, limit + 1) == above


def test_zero_is_micro_under_both_laws():
    assert classify(net_assets=0, annual_sales=0).class_ == "micro"
    assert classify(net_assets=None, annual_sales=0, capital=0, law="pp7-2021").class_ == "micro"


def test_uu20_agreeing_criteria():
    result = classify(net_assets=40 * MILLION, annual_sales=250 * MILLION)
    assert (result.class_, result.by_assets, result.by_sales, result.deciding) == (
        "micro",
        "micro",
        "micro",
        "both",
    )
    assert "Law 20/2008" in result.basis and "UU 20/2008" in result.basis_id


def test_uu20_disagreeing_criteria_take_the_higher_class_and_say_why():
    result = classify(net_assets=40 * MILLION, annual_sales=1 * BILLION)
    assert (result.class_, result.by_assets, result.by_sales, result.deciding) == (
        "small",
        "micro",
        "small",
        "annual_sales",
    )
    assert "higher class" in result.basis and "'or'" in result.basis
    assert "Rp 1,000,000,000" in result.basis
    assert "lebih tinggi" in result.basis_id and "Rp 1.000.000.000" in result.basis_id
    other = classify(net_assets=600 * MILLION, annual_sales=1_200 * MILLION)
    assert (other.class_, other.deciding) == ("medium", "net_assets")


def test_uu20_without_net_assets_lets_sales_decide():
    result = classify(net_assets=None, annual_sales=300 * MILLION + 1)
    assert (result.class_, result.by_assets, result.deciding) == ("small", None, "annual_sales")


def test_pp7_capital_decides_when_given_even_against_sales():
    result = classify(net_assets=None, annual_sales=3 * BILLION, capital=6 * BILLION, law="pp7-2021")
    assert (result.class_, result.by_capital, result.by_sales, result.deciding) == (
        "medium",
        "medium",
        "small",
        "capital",
    )
    assert "35(2)" in result.basis and "ayat (2)" in result.basis_id
    lower = classify(net_assets=None, annual_sales=20 * BILLION, capital=500 * MILLION, law="pp7-2021")
    assert (lower.class_, lower.by_sales) == ("micro", "medium")


def test_pp7_without_capital_lets_sales_decide():
    result = classify(net_assets=None, annual_sales=2 * BILLION + 1, law="pp7-2021")
    assert (result.class_, result.by_capital, result.deciding) == ("small", None, "annual_sales")
    assert "35(4)" in result.basis


def test_a_criterion_of_the_other_law_is_reported_as_unused():
    assert classify(net_assets=1, annual_sales=1, capital=1).warnings
    assert classify(net_assets=1, annual_sales=1, law="pp7-2021").warnings


def test_output_keys_follow_the_contract():
    uu20 = classify(net_assets=1, annual_sales=1).as_dict()
    assert {"class", "law", "by_assets", "by_sales", "basis"} <= uu20.keys() and "by_capital" not in uu20
    pp7 = classify(net_assets=None, annual_sales=1, capital=1, law="pp7-2021").as_dict("id")
    assert {"class", "law", "by_capital", "by_sales", "basis"} <= pp7.keys() and "by_assets" not in pp7
    assert pp7["label"] == "mikro" and pp7["law"] == "pp7-2021"


@pytest.mark.parametrize(
    ("when", "law"),
    [
        (date(2008, 7, 4), "uu20-2008"),
        (date(2021, 2, 1), "uu20-2008"),
        (date(2021, 2, 2), "pp7-2021"),
        (datetime(2022, 1, 31, 12, 0), "pp7-2021"),
        ("2021-01-20", "uu20-2008"),
    ],
)
def test_the_law_in_force_on_a_date(when, law):
    assert law_for_date(when) == law


def test_a_malformed_date_is_refused():
    with pytest.raises(InputError):
        law_for_date("20/01/2021")


@pytest.mark.parametrize(
    ("workers", "bps"),
    [(1, "micro"), (4, "micro"), (5, "small"), (19, "small"), (20, "medium"), (99, "medium"), (100, "large")],
)
def test_statistics_indonesia_worker_classes(workers, bps):
    assert bps_worker_class(workers) == bps


def test_worker_class_is_given_beside_the_legal_class_as_information():
    result = classify(net_assets=1, annual_sales=1, workers=25)
    assert (result.class_, result.bps_worker_class) == ("micro", "medium")


@pytest.mark.parametrize("workers", [0, -3, 2.5, True, "7"])
def test_malformed_worker_counts_are_refused(workers):
    with pytest.raises(InputError) as caught:
        bps_worker_class(workers)
    assert caught.value.where == "workers"


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        (300000000, 300_000_000),
        ("300000000", 300_000_000),
        ("300.000.000", 300_000_000),
        ("Rp 300.000.000", 300_000_000),
        ("Rp300.000.000,00", 300_000_000),
        (Decimal("300000000"), 300_000_000),
        (Decimal("300000000.00"), 300_000_000),
        (300000000.0, 300_000_000),
    ],
)
def test_rupiah_amounts_in_the_forms_people_write_them(text, amount):
    assert parse_rupiah(text, "annual_sales") == amount


@pytest.mark.parametrize(
    "value",
    [
        "300,000,000",
        "1.5",
        "3e8",
        "-5",
        -5,
        Decimal("0.5"),
        10.5,
        True,
        None,
        "abc",
        "1.00.000",
        float("nan"),
    ],
)
def test_ambiguous_fractional_or_negative_amounts_are_refused(value):
    with pytest.raises(InputError) as caught:
        parse_rupiah(value, "annual_sales")
    assert caught.value.where == "annual_sales"


def test_classify_names_the_bad_field():
    with pytest.raises(InputError) as caught:
        classify(net_assets=-1, annual_sales=1)
    assert caught.value.where == "net_assets"
    with pytest.raises(InputError) as caught:
        classify(net_assets=1, annual_sales=1, law="uu11-2020")
    assert caught.value.where == "law"


@given(st.one_of(st.text(max_size=15), st.integers(), st.floats(), st.decimals(), st.none(), st.booleans()))
def test_any_amount_is_whole_rupiah_or_an_input_error(value):
    try:
        amount = parse_rupiah(value, "annual_sales")
    except InputError as error:
        assert error.where == "annual_sales"
        return
    assert isinstance(amount, int) and amount >= 0
    assert classify(net_assets=None, annual_sales=amount).class_ in ("micro", "small", "medium", "large")

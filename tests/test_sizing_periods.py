"""Which law and which year's figures classify a period (``kinerja.sizing.law_for_period``,
``laws_during``, ``figures_year``).

Government Regulation 7/2021 (PP 7/2021) was promulgated and took effect on 2 February 2021;
its art. 35(3) sets business-capital limits (micro up to Rp 1 billion, small up to 5 billion,
medium up to 10 billion) and art. 35(5) annual-sales limits (micro up to Rp 2 billion, small up
to 15 billion, medium up to 50 billion), replacing Law 20/2008 art. 6 (net assets up to
Rp 50 million / 500 million / 10 billion, sales up to Rp 300 million / 2.5 billion / 50 billion).
"""

from __future__ import annotations

from datetime import date

import pytest

from kinerja.errors import InputError
from kinerja.sizing import PP7_2021, UU20_2008, classify, figures_year, law_for_period, laws_during


@pytest.mark.parametrize(
    ("start", "end", "law"),
    [
        ("2020-10-01", "2020-12-31", UU20_2008),  # Q4 2020: wholly before PP 7/2021
        ("2021-01-01", "2021-02-01", UU20_2008),  # ends the day before it took effect
        ("2021-01-01", "2021-03-31", PP7_2021),  # spans 2 February 2021: the law at its end
        ("2021-02-02", "2021-02-02", PP7_2021),  # the day it took effect
        ("2026-10-01", "2026-12-31", PP7_2021),  # a 2026 quarter is never under Law 20/2008
    ],
)
def test_a_period_is_classified_under_the_law_in_force_at_its_end(start, end, law):
    assert law_for_period(start, end) == law


def test_a_period_spanning_the_change_names_both_laws():
    assert laws_during("2021-01-20", "2022-01-31") == (UU20_2008, PP7_2021)  # the KPI paper's study
    assert laws_during(date(2026, 1, 1), date(2026, 3, 31)) == (PP7_2021,)


@pytest.mark.parametrize(
    ("start", "end", "year"),
    [
        ("2026-10-01", "2026-12-31", 2026),
        ("2021-01-20", "2022-01-31", 2021),  # the paper's study: 346 days of 2021, 31 of 2022
        ("2021-12-01", "2022-01-31", 2022),  # 31 days each: the later year
        ("2020-12-31", "2021-01-01", 2021),
    ],
)
def test_the_year_whose_figures_classify_a_period_holds_most_of_its_days(start, end, year):
    assert figures_year(start, end) == year


def test_bad_periods_are_input_errors_naming_the_field():
    with pytest.raises(InputError) as error:
        law_for_period("2026-03-31", "2026-01-01")
    assert error.value.where == "end"
    with pytest.raises(InputError) as error:
        figures_year("31/03/2026", "2026-04-01")
    assert error.value.where == "start"


def test_the_same_figures_give_another_class_under_the_law_in_force():
    # Rp 600 million of net assets and Rp 1.2 billion of sales: medium by assets under Law 20/2008
    # art. 6; under PP 7/2021 art. 35(5) sales up to Rp 2 billion are micro.
    figures = {"net_assets": 600_000_000, "annual_sales": 1_200_000_000}
    before = classify(**figures, law=law_for_period("2020-10-01", "2020-12-31"))
    after = classify(
        net_assets=None, annual_sales=figures["annual_sales"], law=law_for_period("2026-10-01", "2026-12-31")
    )
    assert (before.class_, after.class_) == ("medium", "micro")

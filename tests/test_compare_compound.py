"""Figures a reader can interpret: changes in points, compound growth per step, and what a change
below -100 % on the paper's base means.

Source: Manggala et al. (2022), IOSR-JBM 24(9), Table 2: UD Pramitha Salsabila's turnover
Rp 96,309,500, Rp 147,396,600, Rp 145,200,000 over the three month quarters, and its attendance
scores 14.45, 11.39, 13.40 (points of a 15 % weight).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kinerja.compare import compare_series, compound_pct, difference

TABLE2 = Path(__file__).resolve().parents[2] / "shared" / "spec" / "examples" / "table2-compare.json"
TURNOVER = [96309500, 147396600, 145200000]


def test_compound_growth_of_table2_turnover_leads_from_the_first_quarter_to_the_last():
    growth = compound_pct(TURNOVER)
    assert growth == pytest.approx(((145200000 / 96309500) ** 0.5 - 1) * 100)
    assert round(growth, 2) == 22.79
    # Two steps of that growth give the third quarter's turnover back.
    assert 96309500 * (1 + growth / 100) ** 2 == pytest.approx(145200000)
    # On the paper's base (later): the same path, measured against each later value.
    later = compound_pct(TURNOVER, "later")
    assert 96309500 / (1 - later / 100) ** 2 == pytest.approx(145200000)


def test_mean_of_steps_depends_on_the_path_and_compound_growth_does_not():
    series = compare_series(["Q1", "Q2", "Q3"], {"Output": [100, 200, 100]}).series[0]
    assert series.average_pct == pytest.approx(25.0)  # +100 %, then -50 %
    assert series.compound_pct == 0.0  # back where it started


def test_score_changes_are_points_not_percent_of_a_score():
    result = compare_series(["Q1", "Q2", "Q3"], {"Attendance (score)": [14.45, 11.39, 13.40]})
    steps = [step.as_dict() for step in result.series[0].steps]
    assert [step["change"] for step in steps] == [pytest.approx(-3.06), pytest.approx(2.01)]
    assert difference(14.45, 11.39) == pytest.approx(-3.06) and difference(None, 1) is None


def test_a_fall_to_less_than_half_on_base_later_is_named_in_a_warning():
    result = compare_series(["Q1", "Q2"], {"Score": [100, 30]}, base="later")
    assert result.series[0].steps[0].change_pct == pytest.approx(-233.333333)
    assert any(
        "below -100 %" in warning and "-70.00 % as usual growth" in warning for warning in result.warnings
    )
    assert not compare_series(["Q1", "Q2"], {"Score": [100, 30]}).warnings  # -70 % as growth: no note


def test_compound_is_null_with_a_warning_when_a_value_is_not_above_zero():
    result = compare_series(["Q1", "Q2"], {"Profit": [-5, 10]})
    assert result.series[0].compound_pct is None
    assert any("compound_pct is null" in warning for warning in result.warnings)
    assert compound_pct([0, 0]) == 0.0 and compound_pct([None, 4, None, 9]) == pytest.approx(50.0)


def test_the_command_adds_compound_pct_and_change_beside_the_contracts_keys():
    done = subprocess.run(
        [sys.executable, "-m", "kinerja", "compare", str(TABLE2), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    turnover = json.loads(done.stdout)["series"]["Turnover (Rp)"]
    assert {"steps", "average_pct", "overall_pct", "compound_pct"} <= set(turnover)
    assert round(turnover["average_pct"], 2) == 25.78  # mean of +53.04 % and -1.49 %
    assert round(turnover["compound_pct"], 2) == 22.79
    assert turnover["steps"][0]["change"] == 51087100 and {"from", "to", "change_pct"} <= set(
        turnover["steps"][0]
    )

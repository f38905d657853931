"""The demo's periods: the KPI paper's month quarters and whole study closed, Table 1 exact in the
period its targets are for, Table 2 in the month quarters, idempotent.

Source: Manggala et al. (2022), IOSR-JBM 24(9), Table 1 (20 January 2021 - 31 January 2022): UD
Pramitha Salsabila's total is exactly 94.783484 ("Very Good"; the paper prints 94.762 after
cutting row scores to two decimals); Table 2: its HR scores per month quarter (attendance 14.45,
11.39, 13.40; production time 5.336, 5.475, 5.14; adjusted attendance 6.169, 4.15, 6.4).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja_web.performance.evaluate import evaluate_scorecards
from kinerja_web.performance.models import Period, Scorecard, ScorecardResult, Target
from kinerja_web.programs.demo import load_demo

pytestmark = pytest.mark.django_db


def _state():
    return (
        Period.objects.count(),
        Scorecard.objects.count(),
        sorted(
            Target.objects.values_list(
                "scorecard_id", "node_id", "target", "manual_actual", "manual_realization"
            )
        ),
        sorted(ScorecardResult.objects.values_list("scorecard_id", "total")),
    )


def test_demo_periods_scorecards_and_table1_survive_a_second_run(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    ctx = load_demo("test-password")
    periods = list(Period.objects.filter(program=ctx.program).order_by("start"))
    assert [p.name for p in periods] == [
        "Kuartal bulan 1",
        "Masa studi KPI 2021-2022",
        "Kuartal bulan 2",
        "Kuartal bulan 3",
        "Triwulan 2 2026",
        "Triwulan 3 2026",
    ]
    assert [p.closed_at is not None for p in periods] == [True, True, True, True, True, False]
    table1 = ScorecardResult.objects.get(
        enterprise=ctx.paper_enterprise, period__name="Masa studi KPI 2021-2022"
    )
    assert table1.total == pytest.approx(94.783484, abs=1e-9)
    assert (table1.rating_code, table1.rating_label_id) == ("very_good", "Sangat Baik")
    for name in ("Triwulan 2 2026", "Triwulan 3 2026"):
        assert Scorecard.objects.filter(period__name=name).count() == len(ctx.enterprises)
    first = _state()
    load_demo("test-password")
    assert _state() == first


def _lines(enterprise, period_name):
    card = Scorecard.objects.select_related("period", "framework", "enterprise").get(
        enterprise=enterprise, period__name=period_name
    )
    return evaluate_scorecards([card])[card.pk]


def test_table1_hangs_on_the_whole_study_and_its_records_agree_with_it(settings):
    """Table 1's targets are the study's: the records of 20 Jan 2021 - 31 Jan 2022 realize them to
    the printed digits, so no row warns that its given realization differs, except turnover, where
    the paper contradicts itself (Table 2's quarters add up to 95.50 % of the target, Table 1 prints
    94.51 %)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    ctx = load_demo("test-password")
    study = Period.objects.get(name="Masa studi KPI 2021-2022")
    assert (study.start.isoformat(), study.end.isoformat()) == ("2021-01-20", "2022-01-31")
    evaluation = _lines(ctx.paper_enterprise, study.name)
    actual = {line.name: line.actual for line in evaluation.lines}
    assert actual["Kehadiran"] == 2271 and actual["Waktu produksi"] == Decimal("1302.5")  # of 2,535 and 1,408
    assert actual["Penyesuaian kehadiran pekerja tidak tetap"] == 725 and actual["Rotasi kerja"] == 205
    assert (
        actual["Total produksi"] == Decimal("55406.5") and actual["Produksi gula kelapa beryodium"] == 13098
    )
    assert actual["Omzet penjualan"] == 388_906_100  # Table 2's three quarters
    given = [w for w in evaluation.warnings if "the given realization is used" in w]
    assert len(given) == 1 and "Omzet penjualan" in given[0]
    assert evaluation.total == pytest.approx(94.783484, abs=1e-9)


def test_the_month_quarters_carry_table2s_scores_without_warnings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    ctx = load_demo("test-password")
    table2 = {
        "Kehadiran": (14.45, 11.39, 13.40),
        "Waktu produksi": (5.336, 5.475, 5.14),
        "Penyesuaian kehadiran pekerja tidak tetap": (6.169, 4.15, 6.4),
    }
    for quarter, name in enumerate(("Kuartal bulan 1", "Kuartal bulan 2", "Kuartal bulan 3")):
        evaluation = _lines(ctx.paper_enterprise, name)
        scores = {line.name: line.score for line in evaluation.lines}
        for indicator, printed in table2.items():
            assert round(scores[indicator], 3) == printed[quarter], (
                name,
                indicator,
            )  # realization kept to 4 decimals
        assert not [w for w in evaluation.warnings if "the given realization is used" in w], name

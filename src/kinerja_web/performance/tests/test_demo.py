"""The demo's periods: the KPI paper's month quarters closed, Table 1 exact, idempotent.

Source: Manggala et al. (2022), IOSR-JBM 24(9), Table 1: UD Pramitha Salsabila's total is exactly
94.783484 ("Very Good"; the paper prints 94.762 after cutting row scores to two decimals).
"""

from __future__ import annotations

import pytest

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
        "Kuartal bulan 2",
        "Kuartal bulan 3",
        "Triwulan 2 2026",
        "Triwulan 3 2026",
    ]
    assert [p.closed_at is not None for p in periods] == [True, True, True, True, False]
    table1 = ScorecardResult.objects.get(enterprise=ctx.paper_enterprise, period__name="Kuartal bulan 3")
    assert table1.total == pytest.approx(94.783484, abs=1e-9)
    assert (table1.rating_code, table1.rating_label_id) == ("very_good", "Sangat Baik")
    for name in ("Triwulan 2 2026", "Triwulan 3 2026"):
        assert Scorecard.objects.filter(period__name=name).count() == len(ctx.enterprises)
    first = _state()
    load_demo("test-password")
    assert _state() == first

"""Closed periods with frozen results, made directly (the dashboards read only ``ScorecardResult``)."""

from __future__ import annotations

import datetime
from fractions import Fraction

from django.utils import timezone

from kinerja.scoring import DEFAULT_BANDS, rate
from kinerja_web.frameworks.models import Framework
from kinerja_web.performance.models import Period, Scorecard, ScorecardResult
from kinerja_web.programs.selectors_figures import period_size


def framework(program):
    return Framework.objects.get_or_create(program=program, name="KPI UMKM", version=1)[0]


def period(program, name: str, start: datetime.date, *, closed: bool = True) -> Period:
    end = start + datetime.timedelta(days=89)
    return Period.objects.create(
        program=program, name=name, start=start, end=end, closed_at=timezone.now() if closed else None
    )


def result(enterprise, period: Period, total: float) -> ScorecardResult:
    """The frozen result of ``enterprise`` in ``period``, rated by the core's default bands, with the
    size class a close freezes (the figures of the period's year under the law in force)."""
    scorecard = Scorecard.objects.create(
        enterprise=enterprise, period=period, framework=framework(period.program)
    )
    rating = rate(Fraction(str(total)), DEFAULT_BANDS)
    size = period_size(enterprise, period.start, period.end)
    return ScorecardResult.objects.create(
        scorecard=scorecard,
        enterprise=enterprise,
        cluster_id=enterprise.cluster_id,
        period=period,
        total=total,
        rating_code=rating.code,
        rating_label=rating.label_en,
        rating_label_id=rating.label_id,
        weight_sum=100.0,
        rows=[],
        perspectives={},
        size_class=size.class_,
        size=size.as_dict(),
        computed_at=timezone.now(),
    )


def closed_quarters(program, count: int = 2) -> list[Period]:
    """``count`` closed quarters of ``program`` from 2025, oldest first (reused when they exist)."""
    periods = []
    for index in range(count):
        start = datetime.date(2025, 1 + 3 * index, 1)
        existing = Period.objects.filter(program=program, name=f"Q{index + 1} 2025").first()
        periods.append(existing or period(program, f"Q{index + 1} 2025", start))
    return periods

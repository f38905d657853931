"""The demo records: the paper's turnover exactly, plausible days, and a second run changes nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db.models import Sum

from kinerja_web.programs import demo as programs_demo
from kinerja_web.records import demo
from kinerja_web.records.models import Attendance, DailyOperation, InnovationEntry, Production, Sale


def _load():
    ctx = programs_demo.DemoContext(password="test-password")
    for step in (programs_demo.load_programs, programs_demo.load_enterprises, programs_demo.load_people):
        step(ctx)
    demo.load_records(ctx)
    return ctx


@pytest.fixture
def ctx(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return _load()


def test_demo_follows_the_paper_for_ud_pramitha_salsabila(ctx):
    """Manggala et al. 2022: turnover per month quarter of Table 2 exactly (Rp 96,309,500,
    Rp 147,396,600, Rp 145,200,000); over the whole study, Table 1's target x realization (55,406.5
    of 59,100 kg, 13,098 of 14,232.5 kg iodized: about 150 kg a day, half the capacity); the innovations."""
    pramitha = ctx.paper_enterprise
    sums = [
        Sale.objects.filter(enterprise=pramitha, date__range=(start, end)).aggregate(s=Sum("amount_rp"))["s"]
        for _name, start, end in demo.PAPER_QUARTERS
    ]
    assert sums == [96_309_500, 147_396_600, 145_200_000]

    study = Production.objects.filter(enterprise=pramitha, date__range=demo.PAPER_SPAN)
    assert study.aggregate(s=Sum("kg"))["s"] == demo.STUDY_TOTALS["production_kg"] == Decimal("55406.5")
    assert study.filter(product=demo.IODIZED).aggregate(s=Sum("kg"))["s"] == 13098
    days = DailyOperation.objects.filter(enterprise=pramitha, date__range=demo.PAPER_SPAN)
    assert days.aggregate(s=Sum("operating_hours"))["s"] == Decimal("1302.5")
    assert days.aggregate(s=Sum("rotation_hours"))["s"] == 205
    assert all(d.rotation_hours <= d.operating_hours for d in days)
    present = Attendance.objects.filter(enterprise=pramitha, date__range=demo.PAPER_SPAN, status="present")
    assert present.count() == 2271 and present.filter(worker__is_permanent=False).count() == 725
    kinds = set(InnovationEntry.objects.filter(enterprise=pramitha).values_list("kind", flat=True))
    assert {"equipment", "rotation", "adjusted_attendance"} <= kinds

    for row in Attendance.objects.select_related("worker")[:3000]:  # only workers there that day
        assert row.worker.enterprise_id == row.enterprise_id and row.worker.is_active_on(row.date)


def test_loading_the_demo_twice_leaves_one_copy(ctx):
    counts = [
        model.objects.count() for model in (Attendance, DailyOperation, Production, Sale, InnovationEntry)
    ]
    _load()
    assert [
        model.objects.count() for model in (Attendance, DailyOperation, Production, Sale, InnovationEntry)
    ] == counts

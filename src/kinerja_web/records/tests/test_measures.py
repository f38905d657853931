"""``records.measures``: indicator actuals from the daily records (docs/web-design.md).

The paper's indicators these serve: Manggala et al., IOSR-JBM 24(09), 2022, Table 1 (attendance,
attendance of non-permanent workers, production time, work rotation, total and iodized
production, added equipment and raw materials, sales turnover).
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from kinerja_web.programs.models import Enterprise
from kinerja_web.records.measures import MEASURES, actuals_for
from kinerja_web.records.models import AttendanceStatus
from kinerja_web.records.tests import factories as rf
from kinerja_web.tests.factories import EnterpriseFactory, WorkerFactory

START, END = datetime.date(2021, 6, 1), datetime.date(2021, 9, 30)
ALL = [(code, "") for code in MEASURES]
IODIZED = "Gula kelapa beryodium"


def test_the_measure_codes_are_the_agreed_interface():
    assert list(MEASURES) == [
        "attendance_days",
        "attendance_days_non_permanent",
        "operating_hours",
        "rotation_hours",
        "production_kg",
        "orders_count",
        "orders_kg",
        "sales_rp",
        "equipment_added",
        "raw_material_added",
        "workers_count",
        "permanent_workers_count",
    ]
    for code, measure in MEASURES.items():
        assert measure.code == code and str(measure.label) and str(measure.unit)


@pytest.fixture
def enterprise(db):
    e = EnterpriseFactory()
    permanent = WorkerFactory(enterprise=e, is_permanent=True, start_date=datetime.date(2020, 1, 1))
    casual = WorkerFactory(enterprise=e, is_permanent=False, start_date=datetime.date(2020, 1, 1))
    WorkerFactory(  # left during the period: not counted at its end
        enterprise=e,
        is_permanent=True,
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2021, 8, 31),
    )
    WorkerFactory(
        enterprise=e, is_permanent=False, start_date=datetime.date(2021, 9, 30)
    )  # joined on the last day
    WorkerFactory(enterprise=e, is_permanent=True, start_date=datetime.date(2021, 10, 1))  # after the period
    for day, p_status, c_status in (
        (START, AttendanceStatus.PRESENT, AttendanceStatus.PRESENT),
        (datetime.date(2021, 7, 1), AttendanceStatus.PRESENT, AttendanceStatus.ABSENT),
        (END, AttendanceStatus.SICK, AttendanceStatus.PRESENT),
        (START - datetime.timedelta(days=1), AttendanceStatus.PRESENT, AttendanceStatus.PRESENT),  # outside
        (END + datetime.timedelta(days=1), AttendanceStatus.PRESENT, AttendanceStatus.PRESENT),  # outside
    ):
        rf.AttendanceFactory(enterprise=e, worker=permanent, date=day, status=p_status)
        rf.AttendanceFactory(enterprise=e, worker=casual, date=day, status=c_status)
    rf.DailyOperationFactory(
        enterprise=e, date=START, operating_hours=Decimal("4.5"), rotation_hours=Decimal("2")
    )
    rf.DailyOperationFactory(
        enterprise=e, date=END, operating_hours=Decimal("3.5"), rotation_hours=Decimal("0")
    )
    rf.DailyOperationFactory(
        enterprise=e, date=END + datetime.timedelta(days=1), operating_hours=Decimal("9")
    )
    rf.ProductionFactory(enterprise=e, date=START, product="Gula kelapa cetak", kg=Decimal("262.5"))
    rf.ProductionFactory(enterprise=e, date=START, product=IODIZED, kg=Decimal("87.5"))
    rf.ProductionFactory(enterprise=e, date=END, product="gula kelapa  BERYODIUM", kg=Decimal("90"))
    rf.OrderFactory(enterprise=e, date=START, product=IODIZED, kg=Decimal("40"), amount_rp=600_000)
    rf.OrderFactory(
        enterprise=e, date=END, product="Gula kelapa cetak", kg=Decimal("100"), amount_rp=1_400_000
    )
    rf.SaleFactory(enterprise=e, date=START, amount_rp=96_309_500)
    rf.SaleFactory(enterprise=e, date=END, amount_rp=51_087_100)
    rf.SaleFactory(enterprise=e, date=END + datetime.timedelta(days=1), amount_rp=999)
    rf.EquipmentAdditionFactory(enterprise=e, date=START, item="Cetakan gula kelapa", quantity=20)
    rf.RawMaterialAdditionFactory(enterprise=e, date=START, material="Nira kelapa", quantity=Decimal("6000"))
    return e


def test_actuals_sum_the_records_of_the_range_including_both_ends(enterprise):
    values = actuals_for([enterprise.pk], START, END, ALL)
    got = {code: values[(enterprise.pk, code, "")] for code, _ in ALL}
    assert got == {
        "attendance_days": 4,  # present worker-days only: sick and absent do not count
        "attendance_days_non_permanent": 2,
        "operating_hours": Decimal("8"),
        "rotation_hours": Decimal("2"),
        "production_kg": Decimal("440"),
        "orders_count": 2,
        "orders_kg": Decimal("140"),
        "sales_rp": 147_396_600,  # the paper's second-quarter turnover, Table 2
        "equipment_added": 20,  # Table 1: 20 moulds
        "raw_material_added": 6000,  # and 6000 litres
        "workers_count": 3,
        "permanent_workers_count": 1,
    }
    assert all(isinstance(value, Decimal) for value in values.values())


def test_production_filtered_by_product_ignores_case_and_spaces(enterprise):
    values = actuals_for(
        [enterprise.pk],
        START,
        END,
        [("production_kg", IODIZED), ("orders_count", IODIZED), ("orders_kg", IODIZED)],
    )
    assert values == {
        (enterprise.pk, "production_kg", IODIZED): Decimal("177.5"),
        (enterprise.pk, "orders_count", IODIZED): Decimal(1),
        (enterprise.pk, "orders_kg", IODIZED): Decimal("40"),
    }


def test_a_product_never_made_gives_zero(enterprise):
    assert actuals_for([enterprise.pk], START, END, [("production_kg", "Gula semut")]) == {
        (enterprise.pk, "production_kg", "Gula semut"): Decimal(0)
    }


def test_enterprise_without_records_gets_zero_for_every_measure(db):
    empty = EnterpriseFactory()
    values = actuals_for([empty.pk], START, END, ALL)
    assert values == {(empty.pk, code, ""): Decimal(0) for code, _ in ALL}


def test_one_enterprise_never_sees_anothers_records(enterprise):
    other = EnterpriseFactory()
    values = actuals_for([other.pk], START, END, ALL)
    assert set(values.values()) == {Decimal(0)}


def test_unknown_code_and_reversed_range_are_refused(enterprise):
    with pytest.raises(ValueError, match="unknown measure"):
        actuals_for([enterprise.pk], START, END, [("manual", "")])
    with pytest.raises(ValueError, match="after"):
        actuals_for([enterprise.pk], END, START, ALL)


def _many_enterprises(count: int) -> list[int]:
    ids = []
    for _ in range(count):
        e = EnterpriseFactory()
        worker = WorkerFactory(enterprise=e, start_date=datetime.date(2020, 1, 1))
        rf.AttendanceFactory(enterprise=e, worker=worker, date=START)
        rf.DailyOperationFactory(enterprise=e, date=START)
        rf.ProductionFactory(enterprise=e, date=START)
        rf.SaleFactory(enterprise=e, date=START)
        rf.OrderFactory(enterprise=e, date=START)
        rf.EquipmentAdditionFactory(enterprise=e, date=START)
        rf.RawMaterialAdditionFactory(enterprise=e, date=START)
        ids.append(e.pk)
    return ids


TABLES = 8  # attendance, operation, production, orders, sales, equipment, raw materials, workers


@pytest.mark.parametrize("count", [1, 50])
def test_query_count_does_not_grow_with_the_number_of_enterprises(db, django_assert_num_queries, count):
    ids = _many_enterprises(count)
    with django_assert_num_queries(TABLES):
        values = actuals_for(ids, START, END, [*ALL, ("production_kg", "Gula kelapa cetak")])
    assert len(values) == count * (len(ALL) + 1)
    assert all(values[(pk, "sales_rp", "")] == 1_250_000 for pk in ids)


def test_measures_sharing_a_table_share_its_query(db, django_assert_num_queries):
    ids = _many_enterprises(3)
    with django_assert_num_queries(1):
        actuals_for(ids, START, END, [("attendance_days", ""), ("attendance_days_non_permanent", "")])
    with django_assert_num_queries(1):
        actuals_for(
            ids, START, END, [("production_kg", ""), ("production_kg", IODIZED), ("production_kg", "x")]
        )


def test_a_queryset_of_enterprises_is_used_as_a_subquery(db, django_assert_num_queries):
    ids = _many_enterprises(5)
    with django_assert_num_queries(2):  # the ids once, then the one sales query
        values = actuals_for(Enterprise.objects.filter(pk__in=ids), START, END, [("sales_rp", "")])
    assert sorted(pk for pk, _code, _product in values) == sorted(ids)

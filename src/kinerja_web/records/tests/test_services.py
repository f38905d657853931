"""Saving a day's records and the lists: one transaction, one audit row, clear refusals."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError

from kinerja_web.audit.models import AuditEntry
from kinerja_web.records import services
from kinerja_web.records.models import (
    Attendance,
    DailyOperation,
    EquipmentAddition,
    InnovationEntry,
    Order,
    Production,
    RawMaterialAddition,
    Sale,
)
from kinerja_web.tests.factories import EnterpriseFactory, WorkerFactory, owner

DAY = datetime.date(2021, 6, 1)
IODIZED = "Gula kelapa beryodium"


@pytest.fixture
def shop(db, english):
    enterprise = EnterpriseFactory()
    user = owner(enterprise)
    suwarno = WorkerFactory(enterprise=enterprise, name="Suwarno", start_date=datetime.date(2020, 6, 1))
    jumani = WorkerFactory(
        enterprise=enterprise, name="Jumani", is_permanent=False, start_date=datetime.date(2020, 6, 1)
    )
    return enterprise, user, suwarno, jumani


def _save(enterprise, user, **overrides):
    arguments = {
        "enterprise": enterprise,
        "date": DAY,
        "attendance": {},
        "operating_hours": Decimal("4"),
        "rotation_hours": Decimal("2"),
        "production": [("Gula kelapa cetak", Decimal("262.5")), (IODIZED, Decimal("87.5"))],
        "sales_rp": 1_250_000,
        "actor": user,
    }
    arguments.update(overrides)
    return services.day_save(**arguments)


def _stored(enterprise):
    return {
        "attendance": sorted(
            Attendance.objects.filter(enterprise=enterprise).values_list("worker__name", "status")
        ),
        "operation": list(
            DailyOperation.objects.filter(enterprise=enterprise).values_list(
                "operating_hours", "rotation_hours"
            )
        ),
        "production": sorted(Production.objects.filter(enterprise=enterprise).values_list("product", "kg")),
        "sales": list(Sale.objects.filter(enterprise=enterprise).values_list("amount_rp", flat=True)),
    }


def test_saving_a_day_stores_attendance_hours_production_and_sales(shop):
    enterprise, user, suwarno, jumani = shop
    _save(enterprise, user, attendance={suwarno.pk: "present", jumani.pk: "absent"})
    assert _stored(enterprise) == {
        "attendance": [("Jumani", "absent"), ("Suwarno", "present")],
        "operation": [(Decimal("4"), Decimal("2"))],
        "production": [(IODIZED, Decimal("87.5")), ("Gula kelapa cetak", Decimal("262.5"))],
        "sales": [1_250_000],
    }


def test_saving_the_same_day_again_replaces_it_instead_of_doubling(shop):
    enterprise, user, suwarno, jumani = shop
    _save(enterprise, user, attendance={suwarno.pk: "present", jumani.pk: "present"})
    _save(
        enterprise,
        user,
        attendance={suwarno.pk: "sick"},
        operating_hours=Decimal("3.5"),
        rotation_hours=None,
        production=[("Gula kelapa cetak", Decimal("300"))],
        sales_rp=2_000_000,
    )
    assert _stored(enterprise) == {
        "attendance": [("Suwarno", "sick")],
        "operation": [(Decimal("3.5"), Decimal("0"))],
        "production": [("Gula kelapa cetak", Decimal("300"))],
        "sales": [2_000_000],
    }


def test_clearing_hours_and_sales_removes_them(shop):
    enterprise, user, *_ = shop
    _save(enterprise, user)
    _save(enterprise, user, operating_hours=None, rotation_hours=None, production=[], sales_rp=None)
    assert _stored(enterprise) == {"attendance": [], "operation": [], "production": [], "sales": []}


def test_a_day_without_sales_can_be_recorded_as_zero(shop):
    enterprise, user, *_ = shop
    _save(enterprise, user, sales_rp=0)
    assert _stored(enterprise)["sales"] == [0]


def _errors(excinfo) -> dict:
    return excinfo.value.message_dict


def test_a_future_day_is_refused(shop):
    enterprise, user, *_ = shop
    tomorrow = services.today() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as excinfo:
        _save(enterprise, user, date=tomorrow)
    assert "future" in _errors(excinfo)["date"][0]
    assert not DailyOperation.objects.exists()


def test_today_can_be_recorded(shop):
    enterprise, user, *_ = shop
    _save(enterprise, user, date=services.today())
    assert DailyOperation.objects.filter(date=services.today()).exists()


def test_a_worker_of_another_enterprise_is_refused_without_showing_their_name(shop):
    enterprise, user, suwarno, _ = shop
    stranger = WorkerFactory(name="Rahasia", start_date=datetime.date(2020, 1, 1))
    with pytest.raises(ValidationError) as excinfo:
        _save(enterprise, user, attendance={suwarno.pk: "present", stranger.pk: "present"})
    message = _errors(excinfo)["attendance"][0]
    assert str(stranger.pk) in message and "Rahasia" not in message
    assert not Attendance.objects.exists()


def test_a_worker_not_with_the_enterprise_that_day_is_named(shop):
    enterprise, user, *_ = shop
    WorkerFactory(
        enterprise=enterprise,
        name="Hariyanto",
        start_date=datetime.date(2020, 6, 1),
        end_date=DAY - datetime.timedelta(days=1),
    )
    newcomer = WorkerFactory(enterprise=enterprise, name="Samsul", start_date=datetime.date(2021, 7, 1))
    left = enterprise.workers.get(name="Hariyanto")
    with pytest.raises(ValidationError) as excinfo:
        _save(enterprise, user, attendance={left.pk: "present", newcomer.pk: "present"})
    messages = " ".join(_errors(excinfo)["attendance"])
    assert "Hariyanto left" in messages and "Samsul only started" in messages


def test_an_unknown_attendance_status_is_refused(shop):
    enterprise, user, suwarno, _ = shop
    with pytest.raises(ValidationError) as excinfo:
        _save(enterprise, user, attendance={suwarno.pk: "holiday"})
    assert "Suwarno" in _errors(excinfo)["attendance"][0]


def test_negative_kg_is_refused_naming_the_row(shop):
    enterprise, user, *_ = shop
    with pytest.raises(ValidationError) as excinfo:
        _save(enterprise, user, production=[("Gula kelapa cetak", Decimal("10")), (IODIZED, Decimal("-1"))])
    assert _errors(excinfo)["production"] == [f"Production row 2 ({IODIZED}): kg cannot be negative."]


def test_the_same_product_twice_in_a_day_is_refused(shop):
    enterprise, user, *_ = shop
    with pytest.raises(ValidationError) as excinfo:
        _save(
            enterprise, user, production=[(IODIZED, Decimal("10")), ("gula kelapa beryodium ", Decimal("5"))]
        )
    assert "row 1" in _errors(excinfo)["production"][0]


def test_blank_production_rows_are_skipped_but_half_filled_ones_are_not(shop):
    enterprise, user, *_ = shop
    _save(enterprise, user, production=[("", None), ("Gula kelapa cetak", Decimal("5")), ("  ", None)])
    assert Production.objects.count() == 1
    with pytest.raises(ValidationError) as excinfo:
        _save(enterprise, user, production=[("", Decimal("5")), ("Gula semut", None)])
    assert len(_errors(excinfo)["production"]) == 2


@pytest.mark.parametrize(
    ("operating", "rotation", "field"),
    [
        (Decimal("24.5"), None, "operating_hours"),
        (Decimal("-1"), None, "operating_hours"),
        (Decimal("8"), Decimal("25"), "rotation_hours"),
        (Decimal("4"), Decimal("5"), "rotation_hours"),  # rotation is part of the operating hours
        (None, Decimal("2"), "operating_hours"),
    ],
)
def test_hours_outside_a_day_are_refused(shop, operating, rotation, field):
    enterprise, user, *_ = shop
    with pytest.raises(ValidationError) as excinfo:
        _save(enterprise, user, operating_hours=operating, rotation_hours=rotation)
    assert field in _errors(excinfo)


def test_negative_sales_are_refused(shop):
    enterprise, user, *_ = shop
    with pytest.raises(ValidationError) as excinfo:
        _save(enterprise, user, sales_rp=-5)
    assert "sales_rp" in _errors(excinfo)


def test_a_save_failing_halfway_leaves_the_day_as_it_was(shop, monkeypatch):
    enterprise, user, suwarno, _ = shop
    _save(enterprise, user, attendance={suwarno.pk: "present"})
    before, audit_rows = _stored(enterprise), AuditEntry.objects.count()

    def broken_create(**kwargs):
        raise IntegrityError("disk full")

    monkeypatch.setattr(Sale.objects, "create", broken_create)
    with pytest.raises(IntegrityError):
        _save(enterprise, user, attendance={suwarno.pk: "sick"}, production=[], sales_rp=5)
    assert _stored(enterprise) == before
    assert AuditEntry.objects.count() == audit_rows


def test_saving_a_day_writes_one_audit_row_with_what_changed(shop):
    enterprise, user, suwarno, jumani = shop
    _save(enterprise, user, attendance={suwarno.pk: "present", jumani.pk: "present"})
    _save(enterprise, user, attendance={suwarno.pk: "present", jumani.pk: "absent"}, sales_rp=1_500_000)
    entries = AuditEntry.objects.filter(action="records.day_save").order_by("pk")
    assert entries.count() == 2
    last = entries.last()
    assert last.enterprise_id == enterprise.pk and last.actor == user
    assert last.changes["date"] == "2021-06-01"
    assert last.changes["sales_rp"] == [1_250_000, 1_500_000]
    assert last.changes["attendance"] == [{"present": 2}, {"absent": 1, "present": 1}]
    assert "production" not in last.changes  # unchanged


def test_someone_who_may_not_change_the_enterprise_is_refused(shop):
    enterprise, _user, suwarno, _ = shop
    other_owner = owner(EnterpriseFactory())
    with pytest.raises(PermissionDenied):
        _save(enterprise, other_owner, attendance={suwarno.pk: "present"})
    assert not Attendance.objects.exists()


@pytest.mark.parametrize(
    ("create", "delete", "arg", "model", "values"),
    [
        (
            services.order_create,
            services.order_delete,
            "order",
            Order,
            {"customer": "Pak Hadi", "product": IODIZED, "kg": Decimal("40"), "amount_rp": 600_000},
        ),
        (
            services.equipment_create,
            services.equipment_delete,
            "equipment",
            EquipmentAddition,
            {"item": "Cetakan gula kelapa", "quantity": 20, "cost_rp": 3_000_000},
        ),
        (
            services.raw_material_create,
            services.raw_material_delete,
            "raw_material",
            RawMaterialAddition,
            {"material": "Nira kelapa", "quantity": Decimal("6000"), "unit": "liter", "cost_rp": 0},
        ),
        (
            services.innovation_create,
            services.innovation_delete,
            "innovation",
            InnovationEntry,
            {"kind": "rotation", "description": "Rotasi kerja mulai"},
        ),
    ],
)
def test_list_entries_are_created_and_deleted_with_an_audit_row_each(
    shop, create, delete, arg, model, values
):
    enterprise, user, *_ = shop
    obj = create(actor=user, enterprise=enterprise, date=DAY, **values)
    assert model.objects.filter(enterprise=enterprise).count() == 1
    delete(actor=user, **{arg: obj})
    assert not model.objects.exists()
    name = model._meta.model_name
    assert list(AuditEntry.objects.order_by("pk").values_list("action", "enterprise_id")) == [
        (f"{name}.create", enterprise.pk),
        (f"{name}.delete", enterprise.pk),
    ]


def test_list_entries_refuse_future_dates_and_negative_amounts(shop):
    enterprise, user, *_ = shop
    tomorrow = services.today() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError):
        services.innovation_create(
            actor=user, enterprise=enterprise, date=tomorrow, kind="rotation", description="x"
        )
    with pytest.raises(ValidationError) as excinfo:
        services.order_create(
            actor=user,
            enterprise=enterprise,
            date=DAY,
            customer="A",
            product="B",
            kg=Decimal("1"),
            amount_rp=-1,
        )
    assert "amount_rp" in excinfo.value.message_dict
    with pytest.raises(ValidationError):
        services.innovation_create(actor=user, enterprise=enterprise, date=DAY, kind="magic", description="x")
    assert not AuditEntry.objects.exists()


def test_another_owner_cannot_delete_an_entry(shop):
    enterprise, user, *_ = shop
    order = services.order_create(
        actor=user, enterprise=enterprise, date=DAY, customer="A", product="B", kg=Decimal("1"), amount_rp=1
    )
    with pytest.raises(PermissionDenied):
        services.order_delete(actor=owner(EnterpriseFactory()), order=order)
    assert Order.objects.filter(pk=order.pk).exists()

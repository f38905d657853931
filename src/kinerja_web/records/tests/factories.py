"""factory_boy factories of records (the shared ones are in ``kinerja_web.tests.factories``)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import factory

from kinerja_web.records.models import (
    Attendance,
    AttendanceStatus,
    DailyOperation,
    EquipmentAddition,
    InnovationEntry,
    InnovationKind,
    Order,
    Production,
    RawMaterialAddition,
    Sale,
)
from kinerja_web.tests.factories import EnterpriseFactory, WorkerFactory

DAY = datetime.date(2021, 3, 15)


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    worker = factory.SubFactory(WorkerFactory)
    enterprise = factory.SelfAttribute("worker.enterprise")
    date = DAY
    status = AttendanceStatus.PRESENT


class DailyOperationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DailyOperation

    enterprise = factory.SubFactory(EnterpriseFactory)
    date = DAY
    operating_hours = Decimal("8")
    rotation_hours = Decimal("0")


class ProductionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Production

    enterprise = factory.SubFactory(EnterpriseFactory)
    date = DAY
    product = "Gula kelapa cetak"
    kg = Decimal("300")


class SaleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sale

    enterprise = factory.SubFactory(EnterpriseFactory)
    date = DAY
    amount_rp = 1_250_000


class OrderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Order

    enterprise = factory.SubFactory(EnterpriseFactory)
    date = DAY
    customer = "Pengepul Pak Hadi"
    product = "Gula kelapa cetak"
    kg = Decimal("100")
    amount_rp = 1_400_000


class EquipmentAdditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EquipmentAddition

    enterprise = factory.SubFactory(EnterpriseFactory)
    date = DAY
    item = "Cetakan gula kelapa"
    quantity = 20
    cost_rp = 3_000_000


class RawMaterialAdditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RawMaterialAddition

    enterprise = factory.SubFactory(EnterpriseFactory)
    date = DAY
    material = "Nira kelapa"
    quantity = Decimal("6000")
    unit = "liter"
    cost_rp = 18_000_000


class InnovationEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InnovationEntry

    enterprise = factory.SubFactory(EnterpriseFactory)
    date = DAY
    kind = InnovationKind.ROTATION
    description = "Rotasi kerja"

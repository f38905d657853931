"""Pages of records for the cross-tenant test (kinerja_web/tests/cross_tenant.py)."""

from __future__ import annotations

import datetime

from django.urls import reverse

from kinerja_web.records.tests import factories as rf
from kinerja_web.tests.cross_tenant import CrossTenantCase

DAY = datetime.date(2021, 6, 1)
_DAY_POST = {
    "operating_hours": "4",
    "sales_rp": "1.000.000",
    "production-TOTAL_FORMS": "1",
    "production-INITIAL_FORMS": "0",
    "production-0-product": "Gula kelapa cetak",
    "production-0-kg": "10",
}
_LISTS = {
    "orders": (
        rf.OrderFactory,
        {"date": "2021-06-01", "customer": "Spy", "product": "x", "kg": "1", "amount_rp": "1"},
    ),
    "equipment": (rf.EquipmentAdditionFactory, {"date": "2021-06-01", "item": "Spy", "quantity": "1"}),
    "raw_materials": (
        rf.RawMaterialAdditionFactory,
        {"date": "2021-06-01", "material": "Spy", "quantity": "1", "unit": "kg"},
    ),
    "innovations": (rf.InnovationEntryFactory, {"date": "2021-06-01", "kind": "other", "description": "Spy"}),
}


def _url(name, *extra):
    return lambda enterprise: reverse(name, args=[enterprise.pk, *extra])


def _delete_url(name, factory):
    return lambda enterprise: reverse(name, args=[enterprise.pk, factory(enterprise=enterprise).pk])


CASES = [
    CrossTenantCase("records:enterprise", "enterprise", _url("records:enterprise")),
    CrossTenantCase("records:week", "enterprise", _url("records:week", DAY)),
    CrossTenantCase("records:day_today", "enterprise", _url("records:day_today")),
    CrossTenantCase("records:day", "enterprise", _url("records:day", DAY)),
    CrossTenantCase("records:day", "enterprise", _url("records:day", DAY), method="post", data=_DAY_POST),
    CrossTenantCase(
        "records:day_today", "enterprise", _url("records:day_today"), method="post", data=_DAY_POST
    ),
]
for _name, (_factory, _data) in _LISTS.items():
    CASES += [
        CrossTenantCase(f"records:{_name}", "enterprise", _url(f"records:{_name}")),
        CrossTenantCase(
            f"records:{_name}", "enterprise", _url(f"records:{_name}"), method="post", data=_data
        ),
        CrossTenantCase(
            f"records:{_name}_delete",
            "enterprise",
            _delete_url(f"records:{_name}_delete", _factory),
            method="post",
        ),
        CrossTenantCase(
            f"records:{_name}_delete", "enterprise", _delete_url(f"records:{_name}_delete", _factory)
        ),
    ]

# The owners' "record today" menu entry, which only redirects to their day form. (A list entry's
# delete page, which asks first, is linked from the list; the demo may have no entry of a kind.)
NOT_LINKED = {f"records:{name}_delete" for name in _LISTS} | {"records:today"}

"""Changes to an enterprise's yearly figures: one function per action, in one transaction with
its audit row, checking permission (whoever may change the enterprise) before it writes."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from kinerja_web import access
from kinerja_web.audit.services import diff, record, snapshot
from kinerja_web.programs.models import Enterprise, EnterpriseYear

YEAR_FIELDS = ("net_assets", "business_capital", "annual_sales", "workers")


@transaction.atomic
def enterprise_year_save(
    *,
    actor: Any,
    enterprise: Enterprise,
    year: int,
    annual_sales: int,
    net_assets: int | None = None,
    business_capital: int | None = None,
    workers: int | None = None,
) -> EnterpriseYear:
    """Record (or correct) the enterprise's figures for ``year``; the audit row keeps the old values.

    A closed period keeps the class it was frozen with: changing a year's figures changes only
    the classification of open periods.
    """
    stored = Enterprise.objects.select_for_update().select_related("cluster").get(pk=enterprise.pk)
    access.require(access.can_change_enterprise(actor, stored))
    values = {
        "net_assets": net_assets,
        "business_capital": business_capital,
        "annual_sales": annual_sales,
        "workers": workers,
    }
    row = EnterpriseYear.objects.select_for_update().filter(enterprise=stored, year=year).first()
    created = row is None
    if created:
        row = EnterpriseYear(enterprise=stored, year=year)
    before = snapshot(row, YEAR_FIELDS) if not created else dict.fromkeys(YEAR_FIELDS)
    for name, value in values.items():
        setattr(row, name, value)
    row.full_clean()
    row.save()
    record(
        actor=actor,
        action="enterprise_year.create" if created else "enterprise_year.update",
        obj=stored,
        changes={"year": year, **diff(before, snapshot(row, YEAR_FIELDS))},
    )
    return row


@transaction.atomic
def enterprise_year_delete(*, actor: Any, row: EnterpriseYear) -> None:
    """Remove one year's figures (its periods are then classified by the latest earlier year's)."""
    stored = Enterprise.objects.select_for_update().select_related("cluster").get(pk=row.enterprise_id)
    access.require(access.can_change_enterprise(actor, stored))
    record(
        actor=actor,
        action="enterprise_year.delete",
        obj=stored,
        changes={"year": row.year, **snapshot(row, YEAR_FIELDS)},
    )
    row.delete()

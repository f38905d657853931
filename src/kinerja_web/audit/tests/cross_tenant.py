"""Audit pages for the cross-tenant test: the filter cannot select another tenant's enterprise,
and another tenant cannot see or use an undo (only whoever deleted, or the program's administrator)."""

from django.db import transaction
from django.urls import reverse

from kinerja_web.records import services as record_services
from kinerja_web.records.tests.factories import OrderFactory
from kinerja_web.tests.cross_tenant import CrossTenantCase


def _undo_url(enterprise):
    """An order of ``enterprise`` deleted by its owner: the page that undoes it."""
    with transaction.atomic():
        undo = record_services.order_delete(actor=enterprise.owner, order=OrderFactory(enterprise=enterprise))
    return reverse("audit:undo", args=[undo.pk])


CASES = [
    CrossTenantCase("audit:undo", "enterprise", _undo_url),
    CrossTenantCase("audit:undo", "enterprise", _undo_url, method="post"),
]

# Reached from the Undo button shown once after a delete, not by a link.
NOT_LINKED = {"audit:undo"}

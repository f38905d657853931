"""The audit trail: who changed what and when, written with the change, read by those who manage it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kinerja_web.audit.models import AuditEntry
from kinerja_web.audit.services import AuditOutsideTransaction, diff, record
from kinerja_web.programs import services

pytestmark = pytest.mark.django_db


def test_a_change_and_its_audit_row_are_one_transaction(world, monkeypatch):
    def failing_record(**kwargs):
        raise RuntimeError("the audit row could not be written")

    monkeypatch.setattr("kinerja_web.programs.services.record", failing_record)
    with pytest.raises(RuntimeError):
        services.enterprise_update(actor=world.admin_a, enterprise=world.enterprise_a1, name="Changed")
    world.enterprise_a1.refresh_from_db()
    assert world.enterprise_a1.name == "Enterprise A1"


@pytest.mark.django_db(transaction=True)
def test_audit_refuses_to_write_outside_a_transaction(world):
    with pytest.raises(AuditOutsideTransaction):
        record(actor=world.admin_a, action="x", obj=world.enterprise_a1)


def test_row_knows_its_program_and_enterprise(world):
    services.worker_create(
        actor=world.owner_a1, enterprise=world.enterprise_a1, name="Ponisah", start_date="2025-04-03"
    )
    entry = AuditEntry.objects.get()
    assert (entry.program, entry.enterprise, entry.actor_name) == (
        world.program_a,
        world.enterprise_a1,
        "owner_a1",
    )


def test_diff_lists_only_changed_fields():
    assert diff({"a": 1, "b": 2}, {"a": 1, "b": 3}) == {"b": [2, 3]}


def test_facilitator_reads_only_rows_of_own_clusters(client, world):
    services.enterprise_update(actor=world.admin_a, enterprise=world.enterprise_a1, name="A1 renamed")
    services.enterprise_update(actor=world.admin_a, enterprise=world.enterprise_a2, name="A2 renamed")
    client.force_login(world.facilitator_a1)
    page = client.get(reverse("audit:entry_list")).context["page"]
    assert [entry.enterprise for entry in page] == [world.enterprise_a1]
    client.force_login(world.admin_a)
    assert len(client.get(reverse("audit:entry_list")).context["page"]) == 2
    client.force_login(world.admin_b)
    assert len(client.get(reverse("audit:entry_list")).context["page"]) == 0


def test_owners_have_no_audit_page(client, world):
    client.force_login(world.owner_a1)
    assert client.get(reverse("audit:entry_list")).status_code == 403


def test_audit_filter_cannot_pick_another_tenants_enterprise(client, world):
    services.enterprise_update(actor=world.admin_a, enterprise=world.enterprise_a2, name="A2 renamed")
    client.force_login(world.facilitator_a1)
    response = client.get(reverse("audit:entry_list"), {"enterprise": world.enterprise_a2.pk})
    assert list(response.context["page"]) == []

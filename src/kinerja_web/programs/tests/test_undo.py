"""Removing a worker asks first, names what goes with them, and can be undone for a while."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja_web.audit.models import AuditEntry, Undo
from kinerja_web.programs.models import Worker
from kinerja_web.records.measures import actuals_for
from kinerja_web.records.models import Attendance, AttendanceStatus
from kinerja_web.tests import factories as f

START = datetime.date(2021, 6, 1)
DAYS = [START + datetime.timedelta(days=n) for n in range(3)]


@pytest.fixture
def shop(db):
    enterprise = f.EnterpriseFactory(name="UD Pramitha Salsabila")
    user = f.owner(enterprise, "owner1")
    role = f.WorkerRoleFactory(program=enterprise.cluster.program, code="production", name="produksi")
    worker = f.WorkerFactory(
        enterprise=enterprise, name="Suwarno", role=role, start_date=datetime.date(2020, 1, 6)
    )
    other = f.WorkerFactory(enterprise=enterprise, name="Jumani", start_date=datetime.date(2020, 1, 6))
    for day in DAYS:
        for who in (worker, other):
            Attendance.objects.create(
                enterprise=enterprise, worker=who, date=day, status=AttendanceStatus.PRESENT
            )
    return enterprise, user, worker


def _attendance_days(enterprise) -> int:
    found = actuals_for([enterprise.pk], DAYS[0], DAYS[-1], [("attendance_days", "")])
    return int(found[(enterprise.pk, "attendance_days", "")])


def _state(worker: Worker) -> tuple:
    stored = Worker.objects.get(pk=worker.pk)
    days = sorted(Attendance.objects.filter(worker=stored).values_list("pk", "date", "status"))
    return (stored.name, stored.is_permanent, stored.role_id, stored.start_date, stored.end_date, days)


def test_remove_asks_first_and_names_what_goes_with_the_worker(client, shop):
    enterprise, user, worker = shop
    client.force_login(user)
    client.cookies["django_language"] = "en"
    url = reverse("programs:worker_delete", args=[enterprise.pk, worker.pk])
    edit_page = client.get(reverse("programs:worker_edit", args=[enterprise.pk, worker.pk])).content.decode()
    assert f'href="{url}"' in edit_page

    text = client.get(url).content.decode()

    assert Worker.objects.filter(pk=worker.pk).exists()
    assert "Remove the worker Suwarno?" in text
    assert "3 attendance<" in text and "produksi" in text
    assert "Attendance and worker counts of the periods they were recorded in change" in text


def test_remove_then_undo_restores_the_worker_and_their_attendance(client, shop):
    enterprise, user, worker = shop
    before, days_before = _state(worker), _attendance_days(enterprise)
    client.force_login(user)
    client.cookies["django_language"] = "en"

    response = client.post(reverse("programs:worker_delete", args=[enterprise.pk, worker.pk]))

    assert response.status_code == 302 and not Worker.objects.filter(pk=worker.pk).exists()
    assert Attendance.objects.filter(worker_id=worker.pk).count() == 0
    assert _attendance_days(enterprise) == days_before - 3
    page = client.get(response.url).content.decode()
    assert "Worker removed: Suwarno (UD Pramitha Salsabila)." in page

    client.post(reverse("audit:undo", args=[Undo.objects.get().pk]))

    assert _state(worker) == before
    assert _attendance_days(enterprise) == days_before
    actions = list(AuditEntry.objects.filter(action__startswith="worker.").values_list("action", flat=True))
    assert actions == ["worker.restore", "worker.delete"]


def test_an_expired_undo_leaves_the_worker_removed(client, shop):
    enterprise, user, worker = shop
    client.force_login(user)
    client.cookies["django_language"] = "en"
    client.post(reverse("programs:worker_delete", args=[enterprise.pk, worker.pk]))
    Undo.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    response = client.post(reverse("audit:undo", args=[Undo.objects.get().pk]), follow=True)
    assert "Too late to undo" in response.content.decode()
    assert not Worker.objects.filter(pk=worker.pk).exists()


def test_the_owner_of_another_enterprise_cannot_undo(client, shop):
    enterprise, user, worker = shop
    client.force_login(user)
    client.post(reverse("programs:worker_delete", args=[enterprise.pk, worker.pk]))
    url = reverse("audit:undo", args=[Undo.objects.get().pk])
    client.force_login(f.owner(f.EnterpriseFactory(cluster=enterprise.cluster), "owner2"))
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert not Worker.objects.filter(pk=worker.pk).exists()


def test_a_worker_of_the_same_name_added_meanwhile_refuses_the_restore(client, shop):
    enterprise, user, worker = shop
    client.force_login(user)
    client.cookies["django_language"] = "en"
    client.post(reverse("programs:worker_delete", args=[enterprise.pk, worker.pk]))
    f.WorkerFactory(enterprise=enterprise, name="suwarno", start_date=datetime.date(2021, 1, 1))

    response = client.post(reverse("audit:undo", args=[Undo.objects.get().pk]), follow=True)

    assert "A worker named “Suwarno” was added to UD Pramitha Salsabila since" in response.content.decode()
    assert not Worker.objects.filter(pk=worker.pk).exists()
    assert Undo.objects.get().used_at is None

"""Changes to programs, clusters, enterprises and workers: one function per action, each in
one transaction with its audit row, checking permission before it writes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.scoring import Band
from kinerja.scoring.bands import check_bands
from kinerja_web import access
from kinerja_web.audit import undo
from kinerja_web.audit.models import Undo
from kinerja_web.audit.services import diff, record, snapshot, stored_snapshot
from kinerja_web.programs.bands import bands_to_json, is_default
from kinerja_web.programs.models import DEFAULT_WORKER_ROLES, Cluster, Enterprise, Program, Worker, WorkerRole

ENTERPRISE_FIELDS = (
    "cluster",
    "name",
    "nib",
    "commodity",
    "address",
    "village",
    "year_founded",
    "net_assets",
    "business_capital",
    "annual_sales",
    "owner",
)
WORKER_FIELDS = ("name", "is_permanent", "role", "start_date", "end_date")
CLUSTER_FIELDS = ("name", "kind", "sub_district", "regency")
PROGRAM_FIELDS = (
    "name",
    "description",
    "funder",
    "rupiah_space",
    "owners_may_propose",
    "lower_rule",
    "score_cap",
    "not_applicable_policy",
    "composite_rule",
)


def _apply(obj: Any, fields: dict[str, Any], allowed: tuple[str, ...]) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"unknown fields: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(obj, name, value)


@transaction.atomic
def program_update(*, actor: Any, program: Program, **fields: Any) -> Program:
    access.require(access.can_administer_program(actor, program))
    before = stored_snapshot(program, fields)
    _apply(program, fields, PROGRAM_FIELDS)
    program.full_clean()
    program.save()
    record(actor=actor, action="program.update", obj=program, changes=diff(before, snapshot(program, fields)))
    return program


@transaction.atomic
def program_bands_update(*, actor: Any, program: Program, bands: Sequence[Band] | None) -> Program:
    """Set ``program``'s rating bands (``None``: back to the core's default, PP 46/2011).

    ``bands`` are checked by the core (``check_bands``) before anything is written. Only open
    periods are rated anew; closed ones keep the rating frozen in their results.
    """
    access.require(access.can_administer_program(actor, program))
    stored = Program.objects.select_for_update().get(pk=program.pk)
    before = stored.rating_bands
    after = None if bands is None or is_default(bands) else bands_to_json(check_bands(tuple(bands)))
    program.rating_bands = after
    program.save(update_fields=["rating_bands"])
    if before != after:
        record(
            actor=actor, action="program.bands_update", obj=program, changes={"rating_bands": [before, after]}
        )
    return program


@transaction.atomic
def cluster_create(*, actor: Any, program: Program, **fields: Any) -> Cluster:
    access.require(access.can_administer_program(actor, program))
    cluster = Cluster(program=program)
    _apply(cluster, fields, CLUSTER_FIELDS)
    cluster.full_clean()
    cluster.save()
    record(actor=actor, action="cluster.create", obj=cluster, changes=snapshot(cluster, CLUSTER_FIELDS))
    return cluster


@transaction.atomic
def cluster_update(*, actor: Any, cluster: Cluster, **fields: Any) -> Cluster:
    access.require(access.can_administer_program(actor, cluster.program))
    before = stored_snapshot(cluster, fields)
    _apply(cluster, fields, CLUSTER_FIELDS)
    cluster.full_clean()
    cluster.save()
    record(actor=actor, action="cluster.update", obj=cluster, changes=diff(before, snapshot(cluster, fields)))
    return cluster


@transaction.atomic
def enterprise_create(*, actor: Any, cluster: Cluster, **fields: Any) -> Enterprise:
    """Register an enterprise in ``cluster`` (administrators and the cluster's facilitators)."""
    access.require(access.can_manage_cluster(actor, cluster))
    enterprise = Enterprise(cluster=cluster)
    _apply(enterprise, fields, ENTERPRISE_FIELDS)
    access.require(access.can_manage_cluster(actor, enterprise.cluster))
    enterprise.full_clean()
    enterprise.save()
    record(
        actor=actor,
        action="enterprise.create",
        obj=enterprise,
        changes=snapshot(enterprise, ENTERPRISE_FIELDS),
    )
    return enterprise


@transaction.atomic
def enterprise_update(*, actor: Any, enterprise: Enterprise, **fields: Any) -> Enterprise:
    """Change an enterprise's data. Moving it to another cluster or changing its owner needs
    the right to manage both clusters (an owner can change neither)."""
    stored = Enterprise.objects.select_for_update().select_related("cluster").get(pk=enterprise.pk)
    access.require(access.can_change_enterprise(actor, stored))
    if "cluster" in fields or "owner" in fields:
        access.require(access.can_manage_cluster(actor, stored.cluster))
    before = snapshot(stored, fields)
    _apply(enterprise, fields, ENTERPRISE_FIELDS)
    if "cluster" in fields:
        access.require(access.can_manage_cluster(actor, enterprise.cluster))
    enterprise.full_clean()
    enterprise.save()
    record(
        actor=actor,
        action="enterprise.update",
        obj=enterprise,
        changes=diff(before, snapshot(enterprise, fields)),
    )
    return enterprise


@transaction.atomic
def worker_roles_ensure(*, program: Program) -> None:
    """Give ``program`` the default worker roles (owner-manager, production, sales,
    administration) if it has no role yet, named in the active language; idempotent.

    Not audited: it adds the defaults every program starts with, changing nothing a person chose.
    """
    if program.worker_roles.exists():
        return
    for position, (code, name) in enumerate(DEFAULT_WORKER_ROLES):
        WorkerRole.objects.get_or_create(
            program=program, code=code, defaults={"name": str(name), "position": position}
        )


@transaction.atomic
def worker_create(*, actor: Any, enterprise: Enterprise, **fields: Any) -> Worker:
    access.require(access.can_change_enterprise(actor, enterprise))
    worker = Worker(enterprise=enterprise)
    _apply(worker, fields, WORKER_FIELDS)
    worker.full_clean()
    worker.save()
    record(actor=actor, action="worker.create", obj=worker, changes=snapshot(worker, WORKER_FIELDS))
    return worker


@transaction.atomic
def worker_update(*, actor: Any, worker: Worker, **fields: Any) -> Worker:
    access.require(access.can_change_enterprise(actor, worker.enterprise))
    before = stored_snapshot(worker, fields)
    _apply(worker, fields, WORKER_FIELDS)
    worker.full_clean()
    worker.save()
    record(actor=actor, action="worker.update", obj=worker, changes=diff(before, snapshot(worker, fields)))
    return worker


@transaction.atomic
def worker_delete(*, actor: Any, worker: Worker) -> Undo:
    """Remove a worker entered by mistake (a worker who left gets an end date instead), with their
    attendance and competency ratings; undoable for a while (``audit.undo``)."""
    enterprise = worker.enterprise
    access.require(access.can_change_enterprise(actor, enterprise))
    return undo.delete(
        actor=actor,
        obj=worker,
        kind="worker",
        label=f"{worker.name} ({enterprise.name})",
        action="worker.delete",
        changes=snapshot(worker, WORKER_FIELDS),
        program=enterprise.cluster.program,
        enterprise=enterprise,
    )


def worker_restore_guard(*, actor: Any, undo: Undo, objects: list[Any]) -> None:
    """Before an undo of a removed worker: the user may still change the enterprise, and no worker
    of the same name was added meanwhile (the owner may have entered them again)."""
    worker = next(obj for obj in objects if isinstance(obj, Worker))
    enterprise = Enterprise.objects.filter(pk=worker.enterprise_id).first()
    if enterprise is None:
        raise ValidationError(_("Its enterprise was deleted since: it cannot be restored."))
    access.require(access.can_change_enterprise(actor, enterprise))
    if enterprise.workers.filter(name__iexact=worker.name).exists():
        raise ValidationError(
            _(
                "A worker named “%(name)s” was added to %(enterprise)s since: restoring would list "
                "the same person twice. Remove or rename that worker first."
            )
            % {"name": worker.name, "enterprise": enterprise.name}
        )

"""Writing the audit trail: every service calls :func:`record` inside its own ``transaction.atomic``.

The rule (STYLE.md, "one action, one transaction, one audit entry")::

    @transaction.atomic
    def enterprise_update(*, actor, enterprise, **fields):
        require(can_change_enterprise(actor, enterprise))
        before = stored_snapshot(enterprise, fields)
        ...save...
        record(actor=actor, action="enterprise.update", obj=enterprise,
               changes=diff(before, snapshot(enterprise, fields)))

``record`` finds the program and enterprise of ``obj`` itself (an object that is, or has, an
``enterprise``, ``cluster`` or ``program``), so rows of every app are placed for the access rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import models, transaction

from kinerja_web.audit.models import AuditEntry


class AuditOutsideTransaction(RuntimeError):
    """``record`` was called outside ``transaction.atomic``: the change and its row could part."""


def record(
    *,
    actor: Any,
    action: str,
    obj: models.Model,
    changes: Mapping[str, Any] | None = None,
    program: Any = None,
    enterprise: Any = None,
) -> AuditEntry:
    """Write one audit row for ``actor`` doing ``action`` (``"enterprise.update"``) to ``obj``.

    ``changes`` is JSON-serialisable (dates and Decimals are fine): ``{"field": [old, new]}`` from
    :func:`diff`, or any small dict that says what happened. Never put a password in it.
    """
    if not transaction.get_connection().in_atomic_block:
        raise AuditOutsideTransaction(f"audit.record({action!r}) must run inside transaction.atomic")
    found_program, found_enterprise = _scope(obj)
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEntry.objects.create(
        actor=actor if authenticated else None,
        actor_name=actor.get_username() if authenticated else "",
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk) if obj.pk is not None else "",
        object_repr=str(obj)[:200],
        program=program or found_program,
        enterprise=enterprise or found_enterprise,
        changes=dict(changes or {}),
    )


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The values of ``fields`` of ``obj`` (foreign keys by id), to compare before and after."""
    values = {}
    for name in fields:
        field = obj._meta.get_field(name)
        values[name] = getattr(obj, field.attname)
    return values


def stored_snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """:func:`snapshot` of the row as stored, locked until the transaction ends.

    Use it for "before": a ModelForm has already copied its input onto the instance it was given.
    """
    stored = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
    return snapshot(stored, fields)


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """``{"field": [old, new]}`` for every field whose value changed."""
    return {
        name: [before.get(name), after.get(name)]
        for name in sorted(set(before) | set(after))
        if before.get(name) != after.get(name)
    }


def _scope(obj: models.Model) -> tuple[Any, Any]:
    """The (program, enterprise) an object belongs to, found by walking its usual fields."""
    from kinerja_web.programs.models import Cluster, Enterprise, Program

    if isinstance(obj, Program):
        return obj, None
    if isinstance(obj, Cluster):
        return obj.program, None
    if isinstance(obj, Enterprise):
        return obj.cluster.program, obj
    enterprise = getattr(obj, "enterprise", None)
    if isinstance(enterprise, Enterprise):
        return enterprise.cluster.program, enterprise
    cluster = getattr(obj, "cluster", None)
    if isinstance(cluster, Cluster):
        return cluster.program, None
    program = getattr(obj, "program", None)
    if isinstance(program, Program):
        return program, None
    return None, None

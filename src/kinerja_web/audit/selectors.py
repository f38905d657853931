"""Reads of the audit trail: administrators see their programs' rows, facilitators their clusters'."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from kinerja_web import access
from kinerja_web.audit.models import AuditEntry


def visible_entries(user: Any) -> QuerySet[AuditEntry]:
    """Audit rows ``user`` may read, newest first."""
    if access.is_anonymous(user):
        return AuditEntry.objects.none()
    if user.is_superuser:
        return AuditEntry.objects.all()
    managed = access.managed_clusters(user)
    return AuditEntry.objects.filter(
        Q(program__in=access.administered_programs(user)) | Q(enterprise__cluster__in=managed)
    )


def entry_list(user: Any, *, enterprise: Any = None, action: str = "") -> QuerySet[AuditEntry]:
    entries = visible_entries(user).select_related("program", "enterprise", "actor")
    if enterprise is not None:
        entries = entries.filter(enterprise=enterprise)
    if action:
        entries = entries.filter(action=action)
    return entries.order_by("-at", "-pk")


def entry_actions(user: Any) -> list[str]:
    """The action codes of the rows ``user`` may read (for the action filter's list)."""
    return list(visible_entries(user).order_by().values_list("action", flat=True).distinct())

"""Who may see and change what: the one place tenant isolation is decided.

Every view, selector, export and API endpoint of every app starts its queries here:

- ``visible_programs(user)``, ``visible_clusters(user)``, ``visible_enterprises(user)``: querysets
  of what ``user`` may see. Filter your own tables by them, e.g.
  ``Record.objects.filter(enterprise__in=visible_enterprises(user))``.
- ``get_program_for``, ``get_cluster_for``, ``get_enterprise_for(user, pk)``: one object, or
  ``Http404`` when it does not exist *or* the user may not see it (the same answer, so an
  address leaks nothing).
- ``can_change_enterprise``, ``can_manage_cluster``, ``can_administer_program``: may ``user``
  change it? Views answer 403 (``require(...)`` raises ``PermissionDenied``) when the user may
  see the object but not change it; services check again before they write.

The roles (accounts.models): a program **administrator** (``Membership.role == "admin"``) sees
and changes the whole program; a **facilitator** the clusters of their
``FacilitatorAssignment`` rows; an **owner** only the enterprises whose ``owner`` they are.
A Django superuser sees everything. Anonymous users see nothing.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from kinerja_web.accounts.models import FacilitatorAssignment, Membership, Role
from kinerja_web.compiled import Compiled
from kinerja_web.programs.models import Cluster, Enterprise, Program


def is_anonymous(user: Any) -> bool:
    """No signed-in, active user: sees nothing."""
    return user is None or not user.is_authenticated or not user.is_active


def administered_programs(user: Any) -> QuerySet[Program]:
    """Programs ``user`` administers (all of them for a superuser)."""
    if is_anonymous(user):
        return Program.objects.none()
    if user.is_superuser:
        return Program.objects.all()
    return Program.objects.filter(memberships__user=user, memberships__role=Role.ADMIN)


def managed_clusters(user: Any) -> QuerySet[Cluster]:
    """Clusters whose enterprises ``user`` may register and change: administrator or facilitator."""
    if is_anonymous(user):
        return Cluster.objects.none()
    if user.is_superuser:
        return Cluster.objects.all()
    return Cluster.objects.filter(
        Q(program__in=administered_programs(user))
        | Q(pk__in=FacilitatorAssignment.objects.filter(user=user).values("cluster"))
    )


def visible_enterprises(user: Any) -> QuerySet[Enterprise]:
    """Enterprises ``user`` may see: the program's, the assigned clusters', or their own."""
    if is_anonymous(user):
        return Enterprise.objects.none()
    if user.is_superuser:
        return Enterprise.objects.all()
    return Enterprise.objects.filter(Q(cluster__in=managed_clusters(user)) | Q(owner=user))


def visible_clusters(user: Any) -> QuerySet[Cluster]:
    """Clusters ``user`` may open: the ones they manage and, for an owner, their enterprise's."""
    if is_anonymous(user):
        return Cluster.objects.none()
    if user.is_superuser:
        return Cluster.objects.all()
    return Cluster.objects.filter(
        Q(pk__in=managed_clusters(user).values("pk"))
        | Q(pk__in=Enterprise.objects.filter(owner=user).values("cluster"))
    )


def visible_programs(user: Any) -> QuerySet[Program]:
    """Programs ``user`` takes part in: as member, facilitator of a cluster, or owner."""
    if is_anonymous(user):
        return Program.objects.none()
    if user.is_superuser:
        return Program.objects.all()
    return Program.objects.filter(
        Q(pk__in=Membership.objects.filter(user=user).values("program"))
        | Q(pk__in=visible_clusters(user).values("program"))
    )


def is_program_admin(user: Any, program: Program) -> bool:
    return administered_programs(user).filter(pk=program.pk).exists()


def can_administer_program(user: Any, program: Program) -> bool:
    """May ``user`` change the program itself, its clusters, users and templates?"""
    return is_program_admin(user, program)


def can_manage_cluster(user: Any, cluster: Cluster) -> bool:
    """May ``user`` register enterprises in ``cluster`` and change all of them?"""
    return managed_clusters(user).filter(pk=cluster.pk).exists()


def can_change_enterprise(user: Any, enterprise: Enterprise) -> bool:
    """May ``user`` change ``enterprise`` and its data (workers, records...)?"""
    return visible_enterprises(user).filter(pk=enterprise.pk).exists()


def can_see_audit(user: Any) -> bool:
    """Administrators and facilitators read the audit trail of what they manage."""
    return managed_clusters(user).exists()


def _held_roles(user: int) -> QuerySet:
    """Whether user ``user`` administers a program, facilitates a cluster, owns an enterprise."""
    return (
        get_user_model()
        .objects.filter(pk=user)
        .annotate(
            admin=Exists(Membership.objects.filter(user=OuterRef("pk"), role=Role.ADMIN)),
            facilitator=Exists(FacilitatorAssignment.objects.filter(user=OuterRef("pk"))),
            owner=Exists(Enterprise.objects.filter(owner=OuterRef("pk"))),
        )
        .values_list("admin", "facilitator", "owner")
    )


#: One query for the three roles (every page asks, for its menu), compiled once.
_HELD_ROLES = Compiled(_held_roles)


def roles_of(user: Any) -> set[str]:
    """The roles ``user`` holds anywhere: ``{"admin", "facilitator", "owner"}`` or fewer (one query)."""
    if is_anonymous(user):
        return set()
    rows = _HELD_ROLES.rows(user=user.pk)
    admin, facilitator, owner = rows[0] if rows else (False, False, False)
    roles: set[str] = set()
    if user.is_superuser or admin:
        roles.add(Role.ADMIN.value)
    if facilitator:
        roles.add(Role.FACILITATOR.value)
    if owner:
        roles.add(Role.OWNER.value)
    return roles


def require(allowed: bool) -> None:
    """Raise ``PermissionDenied`` (403) unless ``allowed``."""
    if not allowed:
        raise PermissionDenied


def get_or_404(queryset: QuerySet, pk: Any) -> Any:
    """``queryset.get(pk=pk)`` or ``Http404`` (also for a malformed ``pk``: letters, 30 digits)."""
    if not isinstance(pk, int):
        from kinerja_web.formfields import parse_id

        pk = parse_id(pk)
        if pk is None:
            raise Http404
    try:
        return queryset.get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def get_program_for(user: Any, pk: Any) -> Program:
    return get_or_404(visible_programs(user), pk)


def get_cluster_for(user: Any, pk: Any) -> Cluster:
    return get_or_404(visible_clusters(user).select_related("program"), pk)


def get_enterprise_for(user: Any, pk: Any) -> Enterprise:
    """The enterprise ``pk`` if ``user`` may see it, else ``Http404``."""
    return get_or_404(visible_enterprises(user).select_related("cluster__program", "owner"), pk)

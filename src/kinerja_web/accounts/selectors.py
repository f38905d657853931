"""Reads about people: who an administrator may manage."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from kinerja_web import access
from kinerja_web.accounts.models import FacilitatorAssignment, Membership
from kinerja_web.programs.models import Enterprise, Program


def program_users(programs: QuerySet[Program]) -> QuerySet:
    """Everyone who takes part in ``programs``: members, facilitators of their clusters, owners."""
    user_model = get_user_model()
    return user_model.objects.filter(
        Q(pk__in=Membership.objects.filter(program__in=programs).values("user"))
        | Q(pk__in=FacilitatorAssignment.objects.filter(cluster__program__in=programs).values("user"))
        | Q(pk__in=Enterprise.objects.filter(cluster__program__in=programs).values("owner"))
    )


def managed_users(actor: Any) -> QuerySet:
    """Users of the programs ``actor`` administers (everyone for a superuser)."""
    user_model = get_user_model()
    if access.is_anonymous(actor):
        return user_model.objects.none()
    if actor.is_superuser:
        return user_model.objects.order_by("username")
    return program_users(access.administered_programs(actor)).order_by("username")


def shared_program(actor: Any, user: Any) -> Program | None:
    """A program ``actor`` administers that ``user`` takes part in (for the audit row)."""
    for program in access.administered_programs(actor):
        if program_users(Program.objects.filter(pk=program.pk)).filter(pk=user.pk).exists():
            return program
    return None


def get_managed_user(actor: Any, pk: Any) -> Any:
    """The user ``pk`` if ``actor`` administers one of their programs, else ``Http404``."""
    return access.get_or_404(managed_users(actor), pk)


def user_roles(user: Any) -> list[dict[str, Any]]:
    """A readable list of ``user``'s roles: program, role, clusters or enterprise."""
    rows: list[dict[str, Any]] = [
        {"program": m.program, "role": m.get_role_display(), "where": ""}
        for m in Membership.objects.filter(user=user).select_related("program")
    ]
    rows += [
        {"program": a.cluster.program, "role": _("facilitator"), "where": a.cluster.name}
        for a in FacilitatorAssignment.objects.filter(user=user).select_related("cluster__program")
    ]
    rows += [
        {"program": e.cluster.program, "role": _("owner"), "where": e.name}
        for e in Enterprise.objects.filter(owner=user).select_related("cluster__program")
    ]
    return rows

"""Reads about people: who an administrator may manage, and a program's people with their roles."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from kinerja_web import access
from kinerja_web.accounts.models import FacilitatorAssignment, Membership, Role
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


def programs_of(user: Any) -> QuerySet[Program]:
    """Every program ``user`` takes part in: as member, facilitator of a cluster, or owner."""
    return Program.objects.filter(
        Q(pk__in=Membership.objects.filter(user=user).values("program"))
        | Q(pk__in=FacilitatorAssignment.objects.filter(user=user).values("cluster__program"))
        | Q(pk__in=Enterprise.objects.filter(owner=user).values("cluster__program"))
    ).distinct()


def controls_account(actor: Any, user: Any) -> bool:
    """May ``actor`` change ``user``'s account itself (password, active flag, name, email)?

    An account is shared by every program its user takes part in, so only someone who
    administers all of them may change it; and only a superuser changes a superuser's or a
    staff member's account (else a program administrator could take over the site).
    """
    if access.is_anonymous(actor):
        return False
    if actor.is_superuser:
        return True
    if user.is_superuser or user.is_staff:
        return False
    programs = programs_of(user)
    return programs.exists() and not programs.exclude(pk__in=access.administered_programs(actor)).exists()


def get_program_person(program: Program, pk: Any) -> Any:
    """The user ``pk`` if they take part in ``program``, else ``Http404``."""
    return access.get_or_404(program_users(Program.objects.filter(pk=program.pk)), pk)


@dataclass(frozen=True)
class Person:
    """One row of a program's people page."""

    user: Any
    role: str  # the Membership role's label, or "" when the person has none
    roles: list[str]
    clusters: list[Any]
    enterprises: list[Any]


def program_people(program: Program, *, search: str = "") -> QuerySet:
    """Everyone with a role in ``program``, by username, with their roles there prefetched.

    Three queries however many people: the users, then (by prefetch) their membership,
    clusters and owned enterprises *in this program only*. Wrap rows with :func:`person`.
    """
    users = program_users(Program.objects.filter(pk=program.pk))
    if search:
        users = users.filter(
            Q(username__icontains=search)
            | Q(first_name__icontains=search)
            | Q(last_name__icontains=search)
            | Q(email__icontains=search)
        )
    return users.order_by("username").prefetch_related(
        Prefetch(
            "memberships", queryset=Membership.objects.filter(program=program), to_attr="program_memberships"
        ),
        Prefetch(
            "facilitator_assignments",
            queryset=FacilitatorAssignment.objects.filter(cluster__program=program)
            .select_related("cluster")
            .order_by("cluster__name"),
            to_attr="program_assignments",
        ),
        Prefetch(
            "owned_enterprises",
            queryset=Enterprise.objects.filter(cluster__program=program).order_by("name"),
            to_attr="program_enterprises",
        ),
    )


def person(user: Any, program: Program | None = None) -> Person:
    """``user``'s roles in a program: from :func:`program_people`'s prefetch, or queried for ``program``."""
    if not hasattr(user, "program_memberships"):
        user = program_people(program).get(pk=user.pk)
    membership = user.program_memberships[0] if user.program_memberships else None
    clusters = [a.cluster for a in user.program_assignments]
    enterprises = list(user.program_enterprises)
    roles = [membership.get_role_display()] if membership else []
    if clusters and (membership is None or membership.role != Role.FACILITATOR):
        roles.append(Role.FACILITATOR.label)
    if enterprises and (membership is None or membership.role != Role.OWNER):
        roles.append(Role.OWNER.label)
    return Person(
        user=user,
        role=membership.role if membership else "",
        roles=roles,
        clusters=clusters,
        enterprises=enterprises,
    )

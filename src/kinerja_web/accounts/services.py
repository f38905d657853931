"""Changes about people. Each runs in one transaction, checks permission and writes its audit row.

No password ever goes into an audit row: rows say that a password was set, reset or changed.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja_web.access import can_administer_program, require
from kinerja_web.accounts import lockout, selectors
from kinerja_web.accounts.models import FacilitatorAssignment, Membership, Role
from kinerja_web.audit import undo
from kinerja_web.audit.models import Undo
from kinerja_web.audit.services import record
from kinerja_web.programs.models import Cluster, Enterprise, Program

#: Letters and digits that cannot be misread for one another (no 0/o, 1/l/i).
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def generate_password() -> str:
    """A random password to read out or copy: four groups of four, about 79 bits (``secrets``)."""
    return "-".join("".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(4)) for _ in range(4))


@transaction.atomic
def user_set_password(*, actor: Any, user: Any, password: str) -> None:
    """An administrator sets a new password for ``user`` of one of their programs.

    The password is validated by the form (Django's validators) before this is called; the
    audit row says that it was reset, never what it is. A person who also takes part in a
    program ``actor`` does not administer keeps their password (``selectors.controls_account``).
    """
    require(selectors.managed_users(actor).filter(pk=user.pk).exists())
    require(selectors.controls_account(actor, user))
    user.set_password(password)
    user.save(update_fields=["password"])
    changes: dict[str, Any] = {"password": "reset"}
    if lockout.clear(user.get_username()):  # the new password works at once, from anywhere
        changes["locked_out"] = [True, False]
    record(
        actor=actor,
        action="user.password_reset",
        obj=user,
        program=selectors.shared_program(actor, user),
        changes=changes,
    )


@transaction.atomic
def account_unlock(*, actor: Any, program: Program, user: Any) -> int:
    """Lift the login lockout of ``user``, a person of ``program`` that ``actor`` administers.

    Forgets their failed attempts from every address (``lockout.clear``); returns how many
    address locks were lifted (0: nothing was locked, and nothing is recorded).
    """
    require(can_administer_program(actor, program))
    require(selectors.program_users(Program.objects.filter(pk=program.pk)).filter(pk=user.pk).exists())
    locked = len(lockout.locks([user.get_username()]))
    lockout.clear(user.get_username())
    if locked:
        record(
            actor=actor,
            action="user.unlock",
            obj=user,
            program=program,
            changes={"locked_out": [True, False]},
        )
    return locked


@transaction.atomic
def password_change(*, user: Any, password: str) -> None:
    """A signed-in user changes their own password (validated by Django's form first)."""
    user.set_password(password)
    user.save(update_fields=["password"])
    record(
        actor=user,
        action="user.password_change",
        obj=user,
        program=selectors.programs_of(user).order_by("pk").first(),
        changes={"password": "changed"},
    )


@transaction.atomic
def person_create(
    *,
    actor: Any,
    program: Program,
    username: str,
    name: str,
    email: str,
    role: str,
    clusters: Iterable[Cluster] = (),
    enterprises: Iterable[Enterprise] = (),
    password: str,
) -> Any:
    """Add a person to ``program`` with a role: a new account, its membership and assignments.

    ``password`` was validated by the form; an owner's enterprises get this person as owner
    (replacing a previous owner, named in the audit row).
    """
    require(can_administer_program(actor, program))
    user_model = get_user_model()
    if user_model.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("A user with that username already exists.")})
    user = user_model(username=username, first_name=name, email=email)
    user.set_password(password)
    user.save()
    Membership.objects.create(user=user, program=program, role=role)
    assignments, previous_owners = _set_assignments(
        user=user, program=program, role=role, clusters=clusters, enterprises=enterprises
    )
    record(
        actor=actor,
        action="user.create",
        obj=user,
        program=program,
        changes={
            "username": username,
            "name": name,
            "email": email,
            "role": role,
            "password": "set",
            **{key: new for key, (_old, new) in assignments.items()},
            **({"replaced_owners": previous_owners} if previous_owners else {}),
        },
    )
    return user


@transaction.atomic
def person_update(
    *,
    actor: Any,
    program: Program,
    user: Any,
    role: str,
    clusters: Iterable[Cluster] = (),
    enterprises: Iterable[Enterprise] = (),
    name: str | None = None,
    email: str | None = None,
) -> dict[str, Any]:
    """Change ``user``'s role and assignments in ``program`` (and name or email, if given).

    Clusters and enterprises of *other* programs are left as they are. Refuses to take the
    administrator role from the program's last active administrator. Returns the changes.
    """
    require(can_administer_program(actor, program))
    require(selectors.program_users(Program.objects.filter(pk=program.pk)).filter(pk=user.pk).exists())
    membership = Membership.objects.select_for_update().filter(user=user, program=program).first()
    old_role = membership.role if membership else ""
    if old_role == Role.ADMIN and role != Role.ADMIN:
        _refuse_last_admin(program=program, leaving=user)
    changes: dict[str, Any] = {}
    if old_role != role:
        Membership.objects.update_or_create(user=user, program=program, defaults={"role": role})
        changes["role"] = [old_role, role]
    account_changes = {}
    if name is not None and name != user.get_full_name():
        account_changes["name"] = [user.get_full_name(), name]
    if email is not None and email != user.email:
        account_changes["email"] = [user.email, email]
    if account_changes:
        require(selectors.controls_account(actor, user))
        if "name" in account_changes:  # one name field: the whole name goes into first_name
            user.first_name, user.last_name = name, ""
        user.email = user.email if email is None else email
        user.save(update_fields=["first_name", "last_name", "email"])
        changes.update(account_changes)
    assignments, previous_owners = _set_assignments(
        user=user, program=program, role=role, clusters=clusters, enterprises=enterprises
    )
    changes.update({key: pair for key, pair in assignments.items() if pair[0] != pair[1]})
    if previous_owners:
        changes["replaced_owners"] = previous_owners
    if changes:
        record(actor=actor, action="user.roles_update", obj=user, program=program, changes=changes)
    return changes


@transaction.atomic
def user_set_active(*, actor: Any, program: Program, user: Any, active: bool) -> bool:
    """Deactivate (no more logins, open sessions end) or reactivate ``user``'s account.

    Refuses an administrator's own account and the last active administrator of any program.
    Returns whether anything changed.
    """
    require(can_administer_program(actor, program))
    require(selectors.program_users(Program.objects.filter(pk=program.pk)).filter(pk=user.pk).exists())
    require(selectors.controls_account(actor, user))
    if user.is_active == active:
        return False
    if not active:
        if user.pk == actor.pk:
            raise ValidationError(_("You cannot deactivate your own account."))
        for administered in Program.objects.filter(memberships__user=user, memberships__role=Role.ADMIN):
            _refuse_last_admin(program=administered, leaving=user)
    user.is_active = active
    user.save(update_fields=["is_active"])
    record(
        actor=actor,
        action="user.activate" if active else "user.deactivate",
        obj=user,
        program=program,
        changes={"is_active": [not active, active]},
    )
    return True


@transaction.atomic
def person_deactivate(*, actor: Any, program: Program, user: Any) -> Undo | None:
    """Deactivate ``user`` (:func:`user_set_active`) so that it can be undone for a while
    (``audit.undo``: the account active again, by whoever deactivated it or an administrator).
    ``None`` if the account was inactive already."""
    if not user_set_active(actor=actor, program=program, user=user, active=False):
        return None
    return undo.remember(
        actor=actor,
        kind="person",
        label=f"{user.get_username()} ({program.name})",
        program=program,
        updates=[{"model": user._meta.label_lower, "pk": user.pk, "field": "is_active", "value": True}],
    )


def deactivation_restore_guard(*, actor: Any, undo: Undo, objects: list[Any]) -> None:
    """Before an undo of a deactivation: the user still administers the program and controls the
    account, and nobody has reactivated it meanwhile."""
    user = get_user_model().objects.filter(pk=undo.updates[0]["pk"]).first() if undo.updates else None
    if user is None:
        raise ValidationError(_("The account was deleted since: it cannot be reactivated."))
    require(can_administer_program(actor, undo.program))
    require(selectors.controls_account(actor, user))
    if user.is_active:
        already = _("%(user)s can log in already (reactivated since): nothing to undo.")
        raise ValidationError(already % {"user": user.get_username()})


def _refuse_last_admin(*, program: Program, leaving: Any) -> None:
    """``ValidationError`` if ``leaving`` is the last active administrator of ``program``.

    Locks the program's administrator memberships, so two administrators demoting each
    other at the same moment cannot both succeed.
    """
    admins = list(
        Membership.objects.select_for_update(of=("self",))
        .filter(program=program, role=Role.ADMIN, user__is_active=True)
        .values_list("user_id", flat=True)
    )
    if not [pk for pk in admins if pk != leaving.pk]:
        raise ValidationError(
            _("%(user)s is the last administrator of %(program)s: make someone else administrator first.")
            % {"user": leaving.get_username(), "program": program.name}
        )


def _set_assignments(
    *, user: Any, program: Program, role: str, clusters: Iterable[Cluster], enterprises: Iterable[Enterprise]
) -> tuple[dict[str, list[Any]], dict[str, str]]:
    """Make ``user``'s clusters and owned enterprises *in program* exactly the given ones.

    Only a facilitator has clusters and only an owner has enterprises: for any other role both
    end empty. Returns ``{"clusters": [old names, new names], "enterprises": [...]}`` and
    ``{enterprise name: username}`` of the owners this replaced.
    """
    clusters = list(clusters) if role == Role.FACILITATOR else []
    enterprises = list(enterprises) if role == Role.OWNER else []
    require(all(c.program_id == program.pk for c in clusters))
    require(all(e.cluster.program_id == program.pk for e in enterprises))

    current = FacilitatorAssignment.objects.filter(user=user, cluster__program=program).select_related(
        "cluster"
    )
    old_clusters = sorted(a.cluster.name for a in current)
    current.exclude(cluster__in=clusters).delete()
    for cluster in clusters:
        FacilitatorAssignment.objects.get_or_create(user=user, cluster=cluster)

    owned = Enterprise.objects.select_for_update(of=("self",)).filter(owner=user, cluster__program=program)
    old_enterprises = sorted(e.name for e in owned)
    owned.exclude(pk__in=[e.pk for e in enterprises]).update(owner=None)
    previous: dict[str, str] = {}
    for enterprise in (
        Enterprise.objects.select_for_update(of=("self",))
        .select_related("owner")
        .filter(pk__in=[e.pk for e in enterprises])
    ):
        if enterprise.owner_id not in (None, user.pk):
            previous[enterprise.name] = enterprise.owner.get_username()
        if enterprise.owner_id != user.pk:
            enterprise.owner = user
            enterprise.save(update_fields=["owner", "updated_at"])
    changes = {
        "clusters": [old_clusters, sorted(c.name for c in clusters)],
        "enterprises": [old_enterprises, sorted(e.name for e in enterprises)],
    }
    return changes, previous

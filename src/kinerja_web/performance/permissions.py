"""Who may create, close and reopen periods (on top of ``kinerja_web.access``).

- create a period: the program's administrators (periods are program-wide);
- close a period: administrators, and facilitators of the program when every scorecard of the
  period is in a cluster they facilitate (closing freezes all of them: another cluster's results
  are not theirs to freeze; ``close_needs_administrator`` says when that is what stops them);
- reopen a closed period: administrators only (it unfreezes published results);
- targets, given realizations and the choice of framework: the enterprise's facilitators and
  the program's administrators (``can_set_targets``), unless they own the enterprise (nobody
  scores their own); an owner may only propose them, and only
  when the program lets owners propose (``Program.owners_may_propose``, ``can_propose``);
- actuals typed by hand (indicators not linked to the records): whoever may change the
  enterprise, the owner included (``access.can_change_enterprise``);
- the review: facilitators and administrators approve (``can_set_targets``); the enterprise's
  owner acknowledges (``can_acknowledge``).
"""

from __future__ import annotations

from typing import Any

from kinerja_web import access


def can_create_period(user: Any, program: Any) -> bool:
    return access.can_administer_program(user, program)


def can_close_period(user: Any, period: Any) -> bool:
    if access.is_anonymous(user):
        return False
    if access.can_administer_program(user, period.program):
        return True
    managed = access.managed_clusters(user).filter(program_id=period.program_id)
    return managed.exists() and not _scorecards_outside(period, managed)


def close_needs_administrator(user: Any, period: Any) -> bool:
    """A facilitator of the program who may not close ``period`` only because other clusters'
    enterprises have scorecards in it."""
    if access.is_anonymous(user) or access.can_administer_program(user, period.program):
        return False
    managed = access.managed_clusters(user).filter(program_id=period.program_id)
    return managed.exists() and _scorecards_outside(period, managed)


def _scorecards_outside(period: Any, clusters: Any) -> bool:
    return period.scorecards.exclude(enterprise__cluster__in=clusters).exists()


def can_reopen_period(user: Any, period: Any) -> bool:
    return access.can_administer_program(user, period.program)


def can_set_targets(user: Any, enterprise: Any) -> bool:
    """Facilitators of the enterprise's cluster and administrators of its program (superusers),
    never the enterprise's own owner: a facilitator or administrator who also owns an enterprise
    neither sets its targets nor approves its scorecard nor accepts its proposals (they are its
    owner there, and propose like any owner)."""
    if not access.is_anonymous(user) and enterprise.owner_id == user.pk:
        return False
    return access.can_manage_cluster(user, enterprise.cluster)


def can_propose(user: Any, enterprise: Any) -> bool:
    """An owner (someone who may change the enterprise but not set its targets) of a program that
    lets owners propose targets, given realizations and the framework."""
    program = enterprise.cluster.program
    return (
        bool(getattr(program, "owners_may_propose", False))
        and access.can_change_enterprise(user, enterprise)
        and not can_set_targets(user, enterprise)
    )


def can_acknowledge(user: Any, enterprise: Any) -> bool:
    """The enterprise's owner acknowledges its approved scorecard."""
    return not access.is_anonymous(user) and enterprise.owner_id == user.pk

"""Changes about people. Each runs in one transaction and writes its audit row."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from kinerja_web.access import require
from kinerja_web.accounts import selectors
from kinerja_web.audit.services import record


@transaction.atomic
def user_set_password(*, actor: Any, user: Any, password: str) -> None:
    """An administrator sets a new password for ``user`` of one of their programs.

    The password is validated by the form (Django's validators) before this is called; the
    audit row says that it was reset, never what it is.
    """
    require(selectors.managed_users(actor).filter(pk=user.pk).exists())
    user.set_password(password)
    user.save(update_fields=["password"])
    record(
        actor=actor,
        action="user.password_reset",
        obj=user,
        program=selectors.shared_program(actor, user),
        changes={"password": "reset"},
    )

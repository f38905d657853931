"""Who may create, close and reopen periods (on top of ``kinerja_web.access``).

- create a period: the program's administrators (periods are program-wide);
- close a period: administrators and the program's facilitators (they run the quarter's review);
- reopen a closed period: administrators only (it unfreezes published results);
- targets and actuals: whoever may change the enterprise (``access.can_change_enterprise``).
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
    return access.managed_clusters(user).filter(program_id=period.program_id).exists()


def can_reopen_period(user: Any, period: Any) -> bool:
    return access.can_administer_program(user, period.program)

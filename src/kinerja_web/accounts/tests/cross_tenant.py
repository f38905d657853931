"""Pages of accounts for the cross-tenant test (kinerja_web/tests/cross_tenant.py)."""

from django.urls import reverse

from kinerja_web.accounts.selectors import programs_of
from kinerja_web.tests.cross_tenant import CrossTenantCase


def _person_url(name):
    """``name`` for a person of ``program`` (scope "program"): its first member, the administrator."""
    return lambda program: reverse(
        name, args=[program.pk, program.memberships.order_by("pk").first().user_id]
    )


def _own_program_url(name):
    """``name`` for ``user`` (scope "user") inside the program they take part in."""
    return lambda user: reverse(name, args=[programs_of(user).get().pk, user.pk])


PERSON = {
    "name": "Taken Over",
    "email": "",
    "role": "admin",
}

CASES = [
    CrossTenantCase(
        "accounts:user_set_password", "user", lambda u: reverse("accounts:user_set_password", args=[u.pk])
    ),
    CrossTenantCase(
        "accounts:user_set_password",
        "user",
        lambda u: reverse("accounts:user_set_password", args=[u.pk]),
        method="post",
        data={"new_password1": "Xk9-taken-over-pw", "new_password2": "Xk9-taken-over-pw"},
    ),
    CrossTenantCase(
        "accounts:program_people", "program", lambda p: reverse("accounts:program_people", args=[p.pk])
    ),
    CrossTenantCase("accounts:person_add", "program", lambda p: reverse("accounts:person_add", args=[p.pk])),
    CrossTenantCase(
        "accounts:person_add",
        "program",
        lambda p: reverse("accounts:person_add", args=[p.pk]),
        method="post",
        data={
            **PERSON,
            "username": "intruder",
            "password1": "Xk9-taken-over-pw",
            "password2": "Xk9-taken-over-pw",
        },
    ),
    CrossTenantCase("accounts:person_edit", "program", _person_url("accounts:person_edit")),
    CrossTenantCase(
        "accounts:person_edit", "program", _person_url("accounts:person_edit"), method="post", data=PERSON
    ),
    CrossTenantCase("accounts:person_edit", "user", _own_program_url("accounts:person_edit")),
    CrossTenantCase(
        "accounts:person_edit", "user", _own_program_url("accounts:person_edit"), method="post", data=PERSON
    ),
    CrossTenantCase(
        "accounts:person_set_active",
        "program",
        _person_url("accounts:person_set_active"),
        method="post",
        data={"active": "0"},
        control_status=None,
    ),
    CrossTenantCase("accounts:person_set_active", "program", _person_url("accounts:person_set_active")),
    CrossTenantCase("accounts:person_set_active", "user", _own_program_url("accounts:person_set_active")),
    CrossTenantCase(
        "accounts:person_set_active",
        "user",
        _own_program_url("accounts:person_set_active"),
        method="post",
        data={"active": "0"},
        control_status=None,
    ),
]

CASES += [
    CrossTenantCase(
        "accounts:person_unlock",
        scope,
        build("accounts:person_unlock"),
        method="post",
        control_status=None,
    )
    for scope, build in (("program", _person_url), ("user", _own_program_url))
]

# person_unlock is linked from the people page only while someone is locked out.
NOT_LINKED = {
    "password_change_done",
    "logout",
    "login",
    "accounts:person_set_active",
    "accounts:person_unlock",
}

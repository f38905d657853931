"""Pages of accounts for the cross-tenant test (kinerja_web/tests/cross_tenant.py)."""

from django.urls import reverse

from kinerja_web.tests.cross_tenant import CrossTenantCase

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
]

NOT_LINKED = {"password_change_done", "logout", "login"}

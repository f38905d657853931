"""Pages about people: login and password pages are Django's; the user list is for administrators."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kinerja_web import access
from kinerja_web.accounts import selectors, services
from kinerja_web.accounts.forms import SetPasswordForm


@login_required
def user_list(request: HttpRequest) -> HttpResponse:
    """The people of the programs the user administers."""
    access.require(access.administered_programs(request.user).exists())
    users = [(user, selectors.user_roles(user)) for user in selectors.managed_users(request.user)[:500]]
    return render(request, "accounts/user_list.html", {"users": users})


@login_required
def user_set_password(request: HttpRequest, pk: int) -> HttpResponse:
    """An administrator sets a new password for one of their program's users."""
    target = selectors.get_managed_user(request.user, pk)
    form = SetPasswordForm(target, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.user_set_password(
            actor=request.user, user=target, password=form.cleaned_data["new_password1"]
        )
        messages.success(
            request, _("The password of %(user)s was changed.") % {"user": target.get_username()}
        )
        return redirect("accounts:users")
    return render(request, "accounts/user_set_password.html", {"form": form, "target": target})

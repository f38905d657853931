"""Pages about people: login and password pages are Django's; users and a program's people are
for administrators (``access.can_administer_program``)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from kinerja_web import access
from kinerja_web.accounts import lockout, selectors, services
from kinerja_web.accounts.forms import PersonCreateForm, PersonForm, SetPasswordForm
from kinerja_web.audit import undo
from kinerja_web.audit.views import confirm_delete
from kinerja_web.programs.models import Program

PEOPLE_PER_PAGE = 100


@login_required
def user_list(request: HttpRequest) -> HttpResponse:
    """The people of the programs the user administers, and a link to each program's people page."""
    programs = access.administered_programs(request.user)
    access.require(programs.exists())
    users = [(user, selectors.user_roles(user)) for user in selectors.managed_users(request.user)[:500]]
    return render(request, "accounts/user_list.html", {"users": users, "programs": programs})


@login_required
def user_set_password(request: HttpRequest, pk: int) -> HttpResponse:
    """An administrator sets a new password for one of their program's users."""
    target = selectors.get_managed_user(request.user, pk)
    access.require(selectors.controls_account(request.user, target))
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


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's own password change, written through ``services.password_change`` (audit row)."""

    def form_valid(self, form: Any) -> HttpResponse:
        services.password_change(user=form.user, password=form.cleaned_data["new_password1"])
        update_session_auth_hash(self.request, form.user)
        return HttpResponseRedirect(self.get_success_url())


def _administered_program(request: HttpRequest, program_pk: int) -> Program:
    """The program if the user administers it: 404 if they cannot see it, 403 if they only take part."""
    program = access.get_program_for(request.user, program_pk)
    access.require(access.can_administer_program(request.user, program))
    return program


@login_required
def program_people(request: HttpRequest, program_pk: int) -> HttpResponse:
    """Everyone with a role in the program: roles, clusters, enterprises, active flag, last login."""
    program = _administered_program(request, program_pk)
    search = request.GET.get("q", "").strip()[:100]
    page = Paginator(selectors.program_people(program, search=search), PEOPLE_PER_PAGE).get_page(
        request.GET.get("page")
    )
    members = selectors.program_users(Program.objects.filter(pk=program.pk))
    locks = lockout.locks(members.values("username"))
    locked = {
        user.get_username(): user for user in members.filter(username__in={lock.username for lock in locks})
    }
    context = {
        "program": program,
        "people": [selectors.person(user) for user in page],
        "page": page,
        "search": search,
        "locks": [(lock, locked[lock.username]) for lock in locks if lock.username in locked],
        "lock_limit": settings.AXES_FAILURE_LIMIT,
    }
    return render(request, "accounts/program_people.html", context)


@login_required
@require_POST
def person_unlock(request: HttpRequest, program_pk: int, pk: int) -> HttpResponse:
    """Lift a person's login lockout (they failed their password too often, or someone did)."""
    program = _administered_program(request, program_pk)
    target = selectors.get_program_person(program, pk)
    if services.account_unlock(actor=request.user, program=program, user=target):
        messages.success(request, _("%(user)s can log in again.") % {"user": target.get_username()})
    else:
        messages.info(request, _("%(user)s was not locked out.") % {"user": target.get_username()})
    return redirect("accounts:program_people", program_pk=program.pk)


@login_required
@never_cache
def person_add(request: HttpRequest, program_pk: int) -> HttpResponse:
    """Add a person with a role; a generated first password is shown once, on the answer itself."""
    program = _administered_program(request, program_pk)
    form = PersonCreateForm(request.POST or None, program=program)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        generated = not data["password1"]
        password = services.generate_password() if generated else data["password1"]
        try:
            person = services.person_create(
                actor=request.user,
                program=program,
                username=data["username"],
                name=data["name"],
                email=data["email"],
                role=data["role"],
                clusters=data["clusters"],
                enterprises=data["enterprises"],
                password=password,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if generated:
                # Rendered, not redirected: the password is stored nowhere but in the account's hash.
                context = {"program": program, "person": person, "password": password}
                return render(request, "accounts/person_created.html", context)
            messages.success(request, _("%(user)s was added.") % {"user": person.get_username()})
            return redirect("accounts:person_edit", program_pk=program.pk, pk=person.pk)
    return render(request, "accounts/person_add.html", {"program": program, "form": form})


@login_required
def person_edit(request: HttpRequest, program_pk: int, pk: int) -> HttpResponse:
    """Change a person's role and assignments in the program; deactivate or reset their password."""
    program = _administered_program(request, program_pk)
    target = selectors.get_program_person(program, pk)
    current = selectors.person(target, program)
    editable = selectors.controls_account(request.user, target)
    initial = {
        "name": target.get_full_name(),
        "email": target.email,
        "role": current.role,
        "clusters": current.clusters,
        "enterprises": current.enterprises,
    }
    form = PersonForm(request.POST or None, initial=initial, program=program, account_editable=editable)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            changes = services.person_update(
                actor=request.user,
                program=program,
                user=target,
                role=data["role"],
                clusters=data["clusters"],
                enterprises=data["enterprises"],
                name=data["name"] if editable and "name" in form.changed_data else None,
                email=data["email"] if editable else None,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved.") if changes else _("Nothing changed."))
            if not access.can_administer_program(request.user, program):
                return redirect("programs:program_detail", pk=program.pk)
            return redirect("accounts:person_edit", program_pk=program.pk, pk=target.pk)
    context = {
        "program": program,
        "person": current,
        "form": form,
        "account_editable": editable,
        "is_self": target.pk == request.user.pk,
    }
    return render(request, "accounts/person_edit.html", context)


@login_required
def person_set_active(request: HttpRequest, program_pk: int, pk: int) -> HttpResponse:
    """Deactivate (``active=0``) or reactivate (``active=1``) a person's account.

    A GET asks first before deactivating (who, what stops, what stays); the deactivation can
    then be undone for a while (``audit.undo``)."""
    program = _administered_program(request, program_pk)
    target = selectors.get_program_person(program, pk)
    if request.method != "POST":
        return _confirm_deactivate(request, program, target)
    active = request.POST.get("active") == "1"
    try:
        if active:
            services.user_set_active(actor=request.user, program=program, user=target, active=True)
        else:
            done = services.person_deactivate(actor=request.user, program=program, user=target)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        if active:
            messages.success(request, _("%(user)s can log in again.") % {"user": target.get_username()})
        elif done is not None:
            undo.offer(request, done)
    return redirect("accounts:person_edit", program_pk=program.pk, pk=target.pk)


def _confirm_deactivate(request: HttpRequest, program: Program, target: Any) -> HttpResponse:
    person = selectors.person(target, program)
    facts = [
        (_("Username"), target.get_username()),
        (_("Name"), target.get_full_name() or "–"),
        (_("Roles"), ", ".join(str(role) for role in person.roles) or "–"),
    ]
    consequences = [
        _("%(user)s can no longer log in; a session open on their phone ends at its next page.")
        % {"user": target.get_username()},
        _(
            "Their roles, clusters and enterprises stay, and so does everything they recorded; "
            "reactivate the account to let them in again."
        ),
    ]
    return confirm_delete(
        request,
        question=_("Deactivate %(user)s?") % {"user": target.get_username()},
        facts=facts,
        consequences=consequences,
        cancel_url=reverse("accounts:person_edit", args=[program.pk, target.pk]),
        confirm_label=_("Deactivate: no more logins"),
        hidden=[("active", "0")],
    )

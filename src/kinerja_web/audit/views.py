"""The audit trail page, for administrators and facilitators; undoing a delete (``audit.undo``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from kinerja_web import access
from kinerja_web.audit import presenter, selectors, undo
from kinerja_web.audit.forms import AuditFilterForm


@login_required
def entry_list(request: HttpRequest) -> HttpResponse:
    access.require(access.can_see_audit(request.user))
    form = AuditFilterForm(
        request.GET or None, user=request.user, actions=selectors.entry_actions(request.user)
    )
    enterprise, action = None, ""
    if form.is_valid():
        enterprise, action = form.cleaned_data["enterprise"], form.cleaned_data["action"]
    entries = selectors.entry_list(request.user, enterprise=enterprise, action=action)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "lines": presenter.present(page),
        "query_string": params.urlencode(),
    }
    return render(request, "audit/entry_list.html", context)


@login_required
def undo_page(request: HttpRequest, pk: int) -> HttpResponse:
    """Undo a delete: the Undo button (POST) restores it; a GET says what it would restore.

    Only the person who deleted or an administrator of the program (else 404); an expired, used
    or colliding undo is refused with the reason.
    """
    item = undo.get_undo_for(request.user, pk)
    next_url = _safe_next(request, request.POST.get("next") or request.GET.get("next") or item.next_url)
    if request.method == "POST":
        try:
            undo.restore(actor=request.user, undo=item)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            restored = {"kind": undo.kind_name(item), "label": item.label}
            messages.success(request, _("Restored: %(kind)s, %(label)s.") % restored)
        return redirect(next_url or "home")
    context = {"undo": item, "kind": undo.kind_name(item), "problem": undo.problem(item), "next": next_url}
    return render(request, "audit/undo.html", context)


def _safe_next(request: HttpRequest, url: str) -> str:
    """``url`` if it is a page of this site, else ""."""
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
        return url
    return ""


def confirm_delete(
    request: HttpRequest,
    *,
    question: str,
    facts: Sequence[tuple[Any, Any]],
    consequences: Sequence[Any],
    cancel_url: str,
    confirm_label: str | None = None,
    hidden: Sequence[tuple[str, str]] = (),
) -> HttpResponse:
    """The page that asks before a delete that can be undone: what goes, what changes, Delete/Cancel.

    A plain form (no script needed): the delete view shows it on GET and deletes on POST.
    """
    context = {
        "question": question,
        "facts": facts,
        "consequences": consequences,
        "cancel_url": cancel_url,
        "confirm_label": confirm_label or _("Delete"),
        "hidden": hidden,
        "undo_minutes": max(1, undo.undo_seconds() // 60),
    }
    return render(request, "audit/confirm_delete.html", context)

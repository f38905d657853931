"""The audit trail page, for administrators and facilitators."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kinerja_web import access
from kinerja_web.audit import presenter, selectors
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

"""The page of an enterprise's yearly figures: each year's class under the law in force and both laws."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja_web import access
from kinerja_web.programs import selectors_figures, services_figures
from kinerja_web.programs.forms_figures import EnterpriseYearForm


@login_required
def enterprise_years(request: HttpRequest, pk: int) -> HttpResponse:
    """List the yearly figures; whoever may change the enterprise adds or corrects a year."""
    enterprise = access.get_enterprise_for(request.user, pk)
    can_change = access.can_change_enterprise(request.user, enterprise)
    form = EnterpriseYearForm(request.POST or None)
    if request.method == "POST":
        access.require(can_change)
        if form.is_valid():
            try:
                services_figures.enterprise_year_save(
                    actor=request.user, enterprise=enterprise, **form.cleaned_data
                )
            except ValidationError as error:
                for field, errors in getattr(error, "error_dict", {None: error.error_list}).items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.success(request, _("Saved."))
                return redirect("programs:enterprise_years", pk=enterprise.pk)
    context = {
        "enterprise": enterprise,
        "program": enterprise.cluster.program,
        "rows": selectors_figures.enterprise_years(enterprise),
        "form": form,
        "can_change": can_change,
    }
    return render(request, "programs/enterprise_years.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def enterprise_year_delete(request: HttpRequest, pk: int, year_pk: int) -> HttpResponse:
    enterprise = access.get_enterprise_for(request.user, pk)
    access.require(access.can_change_enterprise(request.user, enterprise))
    row = access.get_or_404(enterprise.years.all(), year_pk)
    services_figures.enterprise_year_delete(actor=request.user, row=row)
    messages.success(request, _("Removed."))
    return redirect("programs:enterprise_years", pk=enterprise.pk)

"""The page of one indicator in one period: mark it not applicable, or set its target in parts.

The facilitator's or an administrator's (``permissions.can_set_targets``); reached from each row
of the scorecard while the period is open. Writes through ``services.target_detail_save``
(audited; a change withdraws the approval; a save over a newer version is refused).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kinerja_web import access
from kinerja_web.performance import selectors, services
from kinerja_web.performance.forms_indicator import IndicatorDetailForm, PartFormSet, part_rows
from kinerja_web.performance.models import Target
from kinerja_web.performance.permissions import can_set_targets


@login_required
def indicator_detail(request: HttpRequest, enterprise_pk: int, period_pk: int, node_pk: int) -> HttpResponse:
    enterprise = access.get_enterprise_for(request.user, enterprise_pk)
    period = selectors.get_enterprise_period(enterprise, period_pk)
    card = selectors.scorecard_for(enterprise, period)
    if card is None:
        raise Http404
    access.require(can_set_targets(request.user, enterprise))
    from kinerja_web.frameworks.models import Node

    node = Node.objects.filter(framework_id=card.framework_id, kind=Node.Kind.INDICATOR, pk=node_pk).first()
    if node is None:
        raise Http404
    stored = Target.objects.filter(scorecard=card, node=node).first()
    closed = period.closed_at is not None
    initial_parts = [dict(part) for part in (stored.parts if stored else [])]
    form = IndicatorDetailForm(
        request.POST or None,
        initial={"not_applicable": bool(stored and stored.not_applicable), "version": card.version},
    )
    formset = PartFormSet(request.POST or None, initial=initial_parts, prefix="parts")
    if request.method == "POST" and not closed and form.is_valid() and formset.is_valid():
        try:
            services.target_detail_save(
                actor=request.user,
                scorecard=card,
                node=node,
                not_applicable=form.cleaned_data["not_applicable"],
                parts=part_rows(formset),
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved. The scorecard is computed with it now."))
            return redirect("performance:scorecard", enterprise_pk=enterprise.pk, period_pk=period.pk)
    if closed:
        form.add_error(None, services.closed_message(period))
    context = {
        "enterprise": enterprise,
        "period": period,
        "scorecard": card,
        "node": node,
        "form": form,
        "formset": formset,
        "closed": closed,
        "program": enterprise.cluster.program,
    }
    return render(request, "performance/indicator.html", context)

"""Pages of performance: thin views that validate and call one service or selector.

Every object comes through ``kinerja_web.access`` (an enterprise or program the user may not see
answers 404); a period is looked up within the enterprise's (or a visible) program.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.compare import BASE_DESCRIPTIONS
from kinerja_web import access
from kinerja_web.formfields import parse_id
from kinerja_web.frameworks import selectors as framework_selectors
from kinerja_web.performance import charts, exports, selectors, services
from kinerja_web.performance.comparison import comparison_periods, enterprise_comparison
from kinerja_web.performance.forms import (
    AcknowledgeForm,
    ApproveForm,
    PeriodForm,
    ScorecardStartForm,
    TargetsForm,
)
from kinerja_web.performance.models import Proposal, Target
from kinerja_web.performance.permissions import (
    can_acknowledge,
    can_close_period,
    can_create_period,
    can_propose,
    can_reopen_period,
    can_set_targets,
    close_needs_administrator,
)
from kinerja_web.programs.selectors_figures import scorecard_size

PAGE_SIZE = 100


def _messages_of(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


@login_required
def period_list(request: HttpRequest) -> HttpResponse:
    groups = [
        (program, periods, can_create_period(request.user, program))
        for program, periods in selectors.program_periods(request.user)
    ]
    return render(request, "performance/period_list.html", {"groups": groups})


@login_required
def period_create(request: HttpRequest, program_pk: int) -> HttpResponse:
    program = access.get_program_for(request.user, program_pk)
    access.require(can_create_period(request.user, program))
    form = PeriodForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            period = services.period_create(
                actor=request.user,
                program=program,
                name=data["name"],
                kind=data["kind"],
                start=data["start"],
                end=data["end"],
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error)
        else:
            messages.success(request, _("Period %(name)s created.") % {"name": period.name})
            return redirect("performance:period_detail", pk=period.pk)
    return render(request, "performance/period_form.html", {"form": form, "program": program})


@login_required
def period_detail(request: HttpRequest, pk: int) -> HttpResponse:
    period = selectors.get_period_for(request.user, pk)
    page = Paginator(selectors.period_enterprises(request.user, period), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    rows = selectors.period_overview(period, list(page.object_list))
    context = {
        "period": period,
        "program": period.program,
        "page": page,
        "rows": rows,
        "can_close": period.closed_at is None and can_close_period(request.user, period),
        "close_needs_admin": period.closed_at is None and close_needs_administrator(request.user, period),
        "can_reopen": period.closed_at is not None and can_reopen_period(request.user, period),
    }
    return render(request, "performance/period_detail.html", context)


@login_required
def period_close(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: what closing means, and a confirmation button; POST: close."""
    period = selectors.get_period_for(request.user, pk)
    access.require(can_close_period(request.user, period))
    problems: list[str] = []
    if request.method == "POST":
        try:
            results = services.period_close(period=period, closed_by=request.user)
        except ValidationError as error:
            problems = _messages_of(error)
        else:
            messages.success(
                request,
                _("Period %(name)s closed: %(count)s scorecards frozen.")
                % {"name": period.name, "count": len(results)},
            )
            return redirect("performance:period_close", pk=period.pk)
        period.refresh_from_db()
    scorecards = period.scorecards.count()
    context = {
        "period": period,
        "program": period.program,
        "problems": problems,
        "scorecards": scorecards,
        "left_out": services.left_out(period),
    }
    return render(request, "performance/period_close.html", context)


@login_required
@require_POST
def period_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    period = selectors.get_period_for(request.user, pk)
    access.require(can_reopen_period(request.user, period))
    try:
        services.period_reopen(period=period, actor=request.user)
    except ValidationError as error:
        for message in _messages_of(error):
            messages.error(request, message)
    else:
        messages.success(request, _("Period %(name)s reopened.") % {"name": period.name})
    return redirect("performance:period_detail", pk=period.pk)


@login_required
def enterprise_scorecards(request: HttpRequest, enterprise_pk: int) -> HttpResponse:
    enterprise = access.get_enterprise_for(request.user, enterprise_pk)
    context = {
        "enterprise": enterprise,
        "program": enterprise.cluster.program,
        "rows": selectors.enterprise_scorecards(enterprise),
    }
    return render(request, "performance/enterprise_scorecards.html", context)


@login_required
def scorecard(request: HttpRequest, enterprise_pk: int, period_pk: int) -> HttpResponse:
    """The KPI paper's Table 1 layout for one enterprise and period."""
    enterprise = access.get_enterprise_for(request.user, enterprise_pk)
    period = selectors.get_enterprise_period(enterprise, period_pk)
    card = selectors.scorecard_for(enterprise, period)
    can_change = access.can_change_enterprise(request.user, enterprise)
    is_open = period.closed_at is None
    may_set = can_set_targets(request.user, enterprise)
    may_propose = can_propose(request.user, enterprise)
    proposal = services.pending_proposal(enterprise, period)
    context = {
        "enterprise": enterprise,
        "program": enterprise.cluster.program,
        "period": period,
        "scorecard": card,
        "can_change": can_change and is_open,
        "may_set": may_set,
        "may_propose": may_propose,
        "proposal": proposal,
        "proposal_rows": _proposal_rows(proposal, card),
    }
    if card is None:
        if is_open and (may_set or (may_propose and proposal is None)):
            frameworks = selectors.program_frameworks(enterprise.cluster.program)
            default = selectors.default_framework(enterprise, period)
            context["start_form"] = ScorecardStartForm(
                frameworks=frameworks, initial={"framework": default.pk if default else None}
            )
        return render(request, "performance/scorecard.html", context)
    evaluation = selectors.scorecard_evaluation(card)
    context.update(
        {
            "inconsistent_nodes": framework_selectors.inconsistent_nodes(card.framework),
            "period_size": scorecard_size(card),
            "evaluation": evaluation,
            "blocks": evaluation.perspectives(),
            "typed": any(
                ln.actual_from == "manual" or ln.realization_given is not None for ln in evaluation.lines
            ),
            "can_approve": is_open and may_set and card.approved_at is None and evaluation.complete,
            "approve_form": ApproveForm(initial={"version": card.version}),
            "can_acknowledge": is_open
            and card.approved_at is not None
            and card.acknowledged_at is None
            and can_acknowledge(request.user, enterprise),
            "acknowledge_form": AcknowledgeForm(),
            "left_out": not is_open and not evaluation.frozen,
            "bands_preset": _bands_preset(enterprise.cluster.program),
        }
    )
    return render(request, "performance/scorecard.html", context)


def _bands_preset(program) -> object:
    """The preset (and so the regulation) the program's rating bands are, or None for its own."""
    from kinerja_web.programs.bands import preset_of, program_bands

    return preset_of(program_bands(program))


def _proposal_rows(proposal: Proposal | None, card) -> list[dict]:
    """The proposal's rows with the indicator's name and the stored values beside the proposed."""
    if proposal is None or not proposal.rows:
        return []
    from kinerja_web.frameworks.models import Node

    names = dict(Node.objects.filter(pk__in=[row["node"] for row in proposal.rows]).values_list("pk", "name"))
    stored = {t.node_id: t for t in Target.objects.filter(scorecard=card)} if card else {}
    out = []
    for row in proposal.rows:
        current = stored.get(row["node"])
        out.append(
            {
                "name": names.get(row["node"], "?"),
                "target": row.get("target"),
                "realization": row.get("manual_realization"),
                "stored_target": services._plain(current.target) if current else None,
                "stored_realization": services._plain(current.manual_realization) if current else None,
            }
        )
    return out


@login_required
@require_POST
def scorecard_start(request: HttpRequest, enterprise_pk: int, period_pk: int) -> HttpResponse:
    enterprise = access.get_enterprise_for(request.user, enterprise_pk)
    period = selectors.get_enterprise_period(enterprise, period_pk)
    may_set = can_set_targets(request.user, enterprise)
    access.require(may_set or can_propose(request.user, enterprise))
    form = ScorecardStartForm(
        request.POST, frameworks=selectors.program_frameworks(enterprise.cluster.program)
    )
    if form.is_valid() and not may_set:
        try:
            services.proposal_submit(
                actor=request.user,
                enterprise=enterprise,
                period=period,
                framework=form.cleaned_data["framework"],
            )
        except ValidationError as error:
            for message in _messages_of(error):
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("You proposed %(framework)s: the scorecard starts when your facilitator accepts it.")
                % {"framework": form.cleaned_data["framework"]},
            )
        return redirect("performance:scorecard", enterprise_pk=enterprise.pk, period_pk=period.pk)
    if form.is_valid():
        try:
            services.scorecard_create(
                actor=request.user,
                enterprise=enterprise,
                period=period,
                framework=form.cleaned_data["framework"],
            )
        except ValidationError as error:
            for message in _messages_of(error):
                messages.error(request, message)
            return redirect("performance:scorecard", enterprise_pk=enterprise.pk, period_pk=period.pk)
        messages.success(
            request,
            _("Scorecard of %(period)s started with %(framework)s: now enter its targets.")
            % {"period": period.name, "framework": form.cleaned_data["framework"]},
        )
        return redirect("performance:targets", enterprise_pk=enterprise.pk, period_pk=period.pk)
    messages.error(request, _("Choose a KPI framework."))
    return redirect("performance:scorecard", enterprise_pk=enterprise.pk, period_pk=period.pk)


@login_required
def targets(request: HttpRequest, enterprise_pk: int, period_pk: int) -> HttpResponse:
    """Targets and actuals of one enterprise and period.

    The facilitator (or an administrator) sets targets and given realizations; an owner types
    the actuals not linked to the records, and, when the program allows it, proposes targets
    and given realizations (a pending proposal, counted nowhere until accepted). The form
    carries the scorecard's version: a save over a newer one is refused, naming what changed.
    """
    enterprise = access.get_enterprise_for(request.user, enterprise_pk)
    period = selectors.get_enterprise_period(enterprise, period_pk)
    access.require(access.can_change_enterprise(request.user, enterprise))
    card = selectors.scorecard_for(enterprise, period)
    if card is None:
        messages.info(request, _("Start the scorecard of this period first: choose its KPI framework."))
        return redirect("performance:scorecard", enterprise_pk=enterprise.pk, period_pk=period.pk)
    may_set = can_set_targets(request.user, enterprise)
    may_propose = can_propose(request.user, enterprise)
    if request.method == "POST" and not (may_set or may_propose):
        forged = [
            key
            for key, value in request.POST.items()
            if key.startswith(("target_", "realization_")) and value.strip()
        ]
        if forged:
            raise PermissionDenied(
                _("Targets and given realizations are set by the enterprise's facilitator.")
            )
    evaluation = selectors.scorecard_evaluation(card)
    stored = {t.node_id: t for t in Target.objects.filter(scorecard=card)}
    closed = period.closed_at is not None
    setter = may_set or may_propose

    def build(data: object = None) -> TargetsForm:
        return TargetsForm(
            data, lines=evaluation.lines, targets=stored, disabled=closed, setter=setter, version=card.version
        )

    form = build(request.POST or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        rows = form.rows()
        version = form.cleaned_data.get("version")
        try:
            with transaction.atomic():
                if may_set:
                    services.targets_save(
                        scorecard=card, rows=rows, actor=request.user, expected_version=version
                    )
                    proposed = []
                else:
                    actuals = [
                        {"node": row["node"], "manual_actual": row["manual_actual"]}
                        for row in rows
                        if "manual_actual" in row
                    ]
                    proposed = _proposed_rows(rows, stored) if may_propose else []
                    services.targets_save(
                        scorecard=card, rows=actuals, actor=request.user, expected_version=version
                    )
                    if proposed:
                        services.proposal_submit(
                            actor=request.user, enterprise=enterprise, period=period, rows=proposed
                        )
        except services.StaleVersion as error:
            errors = _messages_of(error)
            card.refresh_from_db()
            evaluation = selectors.scorecard_evaluation(card)
            stored = {t.node_id: t for t in Target.objects.filter(scorecard=card)}
            form = build()
        except ValidationError as error:
            errors = _messages_of(error)
        else:
            messages.success(request, _("Targets and actuals saved."))
            if proposed:
                messages.info(
                    request,
                    _(
                        "Your targets and given realizations were sent to your facilitator: they count "
                        "once accepted."
                    ),
                )
            return redirect("performance:scorecard", enterprise_pk=enterprise.pk, period_pk=period.pk)
    context = {
        "enterprise": enterprise,
        "program": enterprise.cluster.program,
        "period": period,
        "scorecard": card,
        "form": form,
        "errors": errors,
        "closed": closed,
        "evaluation": evaluation,
        "may_set": may_set,
        "may_propose": may_propose,
        "proposal": services.pending_proposal(enterprise, period),
    }
    return render(request, "performance/targets.html", context)


def _proposed_rows(rows: list[dict], stored: dict[int, Target]) -> list[dict]:
    """The rows whose target or given realization differs from the stored one (an owner's proposal)."""
    out = []
    for row in rows:
        current = stored.get(row["node"])
        before = {name: getattr(current, name) if current else None for name in services.SETTER_FIELDS}
        after = {name: row.get(name) for name in services.SETTER_FIELDS}
        if before != after:
            out.append({"node": row["node"], **after})
    return out


@login_required
@require_POST
def proposal_decide(request: HttpRequest, enterprise_pk: int, pk: int, decision: str) -> HttpResponse:
    """The facilitator accepts or rejects an owner's pending proposal."""
    enterprise = access.get_enterprise_for(request.user, enterprise_pk)
    proposal = access.get_or_404(Proposal.objects.filter(enterprise=enterprise).select_related("period"), pk)
    access.require(can_set_targets(request.user, enterprise))
    try:
        if decision == "accept":
            services.proposal_accept(actor=request.user, proposal=proposal)
            messages.success(request, _("Proposal accepted: it now counts in the scorecard."))
        else:
            services.proposal_reject(actor=request.user, proposal=proposal)
            messages.success(request, _("Proposal rejected."))
    except ValidationError as error:
        for message in _messages_of(error):
            messages.error(request, message)
    return redirect("performance:scorecard", enterprise_pk=enterprise.pk, period_pk=proposal.period_id)


@login_required
@require_POST
def scorecard_approve(request: HttpRequest, enterprise_pk: int, period_pk: int) -> HttpResponse:
    """The facilitator approves the scorecard version shown on the page."""
    enterprise = access.get_enterprise_for(request.user, enterprise_pk)
    period = selectors.get_enterprise_period(enterprise, period_pk)
    access.require(can_set_targets(request.user, enterprise))
    card = selectors.scorecard_for(enterprise, period)
    if card is None:
        raise Http404
    form = ApproveForm(request.POST)
    version = form.cleaned_data["version"] if form.is_valid() else None
    try:
        services.scorecard_approve(actor=request.user, scorecard=card, expected_version=version)
    except ValidationError as error:
        for message in _messages_of(error):
            messages.error(request, message)
    else:
        messages.success(request, _("Scorecard approved: it is frozen when the period closes."))
    return redirect("performance:scorecard", enterprise_pk=enterprise.pk, period_pk=period.pk)


@login_required
@require_POST
def scorecard_acknowledge(request: HttpRequest, enterprise_pk: int, period_pk: int) -> HttpResponse:
    """The owner acknowledges the approved scorecard, with an optional comment."""
    enterprise = access.get_enterprise_for(request.user, enterprise_pk)
    period = selectors.get_enterprise_period(enterprise, period_pk)
    access.require(can_acknowledge(request.user, enterprise))
    card = selectors.scorecard_for(enterprise, period)
    if card is None:
        raise Http404
    form = AcknowledgeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The comment is longer than 2,000 characters."))
    else:
        try:
            services.scorecard_acknowledge(
                actor=request.user, scorecard=card, comment=form.cleaned_data["comment"]
            )
        except ValidationError as error:
            for message in _messages_of(error):
                messages.error(request, message)
        else:
            messages.success(request, _("You acknowledged the scorecard."))
    return redirect("performance:scorecard", enterprise_pk=enterprise.pk, period_pk=period.pk)


def _csv(content: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def scorecard_download(request: HttpRequest, enterprise_pk: int, period_pk: int) -> HttpResponse:
    enterprise = access.get_enterprise_for(request.user, enterprise_pk)
    period = selectors.get_enterprise_period(enterprise, period_pk)
    card = selectors.scorecard_for(enterprise, period)
    if card is None:
        raise Http404
    evaluation = selectors.scorecard_evaluation(card)
    name = f"scorecard-{slugify(enterprise.name)}-{slugify(period.name)}.csv"
    return _csv(exports.scorecard_csv(evaluation), name)


def _period_ids(request: HttpRequest) -> list[int]:
    ids = [parse_id(value) for value in request.GET.getlist("period")]
    return [pk for pk in ids if pk is not None]  # not an id (letters, 30 digits): ignored


@login_required
def comparison(request: HttpRequest, enterprise_pk: int) -> HttpResponse:
    """The enterprise's periods side by side (the KPI paper's Table 2), changes on both bases, charts."""
    enterprise = access.get_enterprise_for(request.user, enterprise_pk)
    chosen = _period_ids(request)
    result = enterprise_comparison(enterprise, chosen or None)
    context = {
        "enterprise": enterprise,
        "program": enterprise.cluster.program,
        "comparison": result,
        "all_periods": comparison_periods(enterprise),
        "chosen": set(chosen) or {p.pk for p in result.periods},
        "base_previous": BASE_DESCRIPTIONS["previous"],
        "base_later": BASE_DESCRIPTIONS["later"],
        "query_string": request.GET.urlencode(),
    }
    if result.columns:
        context.update(
            {
                "trend_chart": charts.score_trend(result),
                "contributions_chart": charts.contributions(result),
                "turnover_chart": charts.turnover_and_hr(result),
                "legend": charts.legend(result),
                "hr_legend": charts.legend(result, hr_only=True),
            }
        )
    return render(request, "performance/comparison.html", context)


@login_required
def comparison_download(request: HttpRequest, enterprise_pk: int) -> HttpResponse:
    enterprise = access.get_enterprise_for(request.user, enterprise_pk)
    result = enterprise_comparison(enterprise, _period_ids(request) or None)
    return _csv(exports.comparison_csv(result), f"comparison-{slugify(enterprise.name)}.csv")

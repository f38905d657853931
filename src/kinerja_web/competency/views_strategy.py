"""Pages of the development strategy: levers, rule set and lever weights; development plans per
enterprise; cohort plans per cluster; monitoring and evaluation between two rounds.

Thin views: objects through ``selectors.strategy`` / ``selectors.monitoring`` (404 for what the
user may not see), writes through ``services.strategy`` (403 when the user may see but not
change), every figure from the core.
"""

from __future__ import annotations

import mimetypes
import os
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from kinerja_web import access
from kinerja_web.competency.forms_strategy import (
    ActionForm,
    GeneratePlanForm,
    LeverJudgmentsForm,
    RoundPairForm,
    RulesForm,
    action_initial,
)
from kinerja_web.competency.models import AssessmentRound, PlanAction
from kinerja_web.competency.selectors import monitoring as mon
from kinerja_web.competency.selectors import strategy as sel
from kinerja_web.competency.services import strategy as services
from kinerja_web.competency.services.rounds import IMAGE_TYPES
from kinerja_web.frameworks.judgments import JudgmentError

# --- helpers --------------------------------------------------------------------------------


def _form_errors(form: Any, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _strategy_state(request: HttpRequest, framework: Any) -> dict[str, Any]:
    can_edit = sel.can_edit_strategy(request.user, framework)
    frozen = framework.is_frozen
    return {
        "framework": framework,
        "can_edit": can_edit,
        "frozen": frozen,
        "editable": can_edit and not frozen,
    }


# --- strategy -------------------------------------------------------------------------------


@login_required
def strategy_index(request: HttpRequest) -> HttpResponse:
    """The frameworks whose development strategy the user may read."""
    frameworks = list(sel.strategy_frameworks(request.user).order_by("program__name", "name", "-version"))
    return render(request, "competency/strategy/index.html", {"frameworks": frameworks})


@login_required
def strategy_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A framework's levers, the rule set (editable by administrators until a closed round uses
    the framework), the experts' lever judgments with their CR, and the lever weights."""
    framework = sel.get_strategy_framework_for(request.user, pk)
    state = _strategy_state(request, framework)
    levers = sel.levers_of(framework)
    areas = list(framework.areas.order_by("position", "pk"))
    form = RulesForm(request.POST if request.method == "POST" else None, areas=areas, levers=levers)
    if request.method == "POST":
        access.require(state["can_edit"])
        if form.is_valid():
            try:
                services.rules_save(actor=request.user, framework=framework, rules=form.rules())
            except ValidationError as error:
                _form_errors(form, error)
            else:
                messages.success(request, _("Rule set saved."))
                return redirect("competency:strategy", pk=framework.pk)
    context = {
        **state,
        "levers": levers,
        "rules": sel.rule_set(framework, levers),
        "weights": sel.lever_weights(framework, levers),
        "form": form,
    }
    return render(request, "competency/strategy/detail.html", context)


def _judgments_page(request: HttpRequest, framework: Any, judgment: Any = None) -> HttpResponse:
    levers = sel.levers_of(framework)
    access.require(len(levers) >= 2)
    state = _strategy_state(request, framework)
    mode = request.POST.get("mode") or request.GET.get("mode") or "verbal"
    initial: dict[str, Any] = {}
    if judgment is not None:
        initial = {
            "expert_name": judgment.expert_name,
            "judgments": sel.stored_as_ids(levers, judgment.judgments),
        }
    elif not framework.lever_judgments.exists():
        initial = {"expert_name": request.user.get_full_name() or request.user.get_username()}
    switching = request.method == "POST" and "switch_mode" in request.POST
    if switching:
        mode = request.POST["switch_mode"]
    bound = request.method == "POST" and not switching
    if request.method == "POST":
        access.require(state["can_edit"])
    form = LeverJudgmentsForm(request.POST if bound else None, initial=initial, children=levers, mode=mode)
    if switching:  # carry the values typed so far into the other mode
        old = LeverJudgmentsForm(request.POST, children=levers, mode=request.POST.get("mode", "verbal"))
        old.is_valid()
        form = LeverJudgmentsForm(
            initial={
                "expert_name": request.POST.get("expert_name", ""),
                "judgments": old.cleaned_data.get("judgments", []),
            },
            children=levers,
            mode=mode,
        )
    if bound and "apply" in request.POST:
        form.apply(request.POST["apply"])
        analysis, error = _preview(form, levers)
    elif bound:
        if form.is_valid():
            try:
                services.lever_judgments_save(
                    actor=request.user,
                    framework=framework,
                    expert_name=form.cleaned_data["expert_name"],
                    judgments=form.cleaned_data["judgments"],
                    judgment=judgment,
                )
            except JudgmentError as failure:
                field = f"pair_{failure.pair[0]}_{failure.pair[1]}" if failure.pair else None
                form.add_error(field, failure.message)
            except ValidationError as failure:
                _form_errors(form, failure)
            else:
                messages.success(request, _("Judgments saved."))
                return redirect("competency:strategy", pk=framework.pk)
        analysis, error = _preview(form, levers)
    else:
        analysis, error = _preview(form, levers, initial=True)
    if not state["editable"]:
        for field in form.fields.values():
            field.disabled = True
    context = {
        **state,
        "form": form,
        "judgment": judgment,
        "levers": levers,
        "analysis": analysis,
        "error": error,
        "other_mode": "matrix" if form.entry_mode == "verbal" else "verbal",
    }
    return render(request, "competency/strategy/judgments.html", context)


def _preview(form: LeverJudgmentsForm, levers: list[Any], *, initial: bool = False) -> tuple[Any, Any]:
    """The core's analysis of the judgments in ``form`` (typed or initial), unsaved: (result, error)."""
    if initial:
        judgments = [[a.pk, b.pk, str(form[name].value() or "").strip()] for a, b, name in form.pairs]
        judgments = [entry for entry in judgments if entry[2]]
    else:
        form.is_valid()
        problem = form.judgment_error()
        if problem:
            return None, JudgmentError(problem)
        judgments = form.cleaned_data.get("judgments")
        if judgments is None:
            return None, None
    if len(levers) < 2 or not judgments:
        return None, None
    try:
        return sel.judgments_preview(levers, judgments), None
    except JudgmentError as error:
        return None, error


@login_required
def lever_judgments_new(request: HttpRequest, pk: int) -> HttpResponse:
    framework = sel.get_strategy_framework_for(request.user, pk)
    access.require(sel.can_edit_strategy(request.user, framework))
    return _judgments_page(request, framework)


@login_required
def lever_judgments_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """One expert's lever judgments: editable by administrators, read-only for facilitators."""
    judgment = sel.get_lever_judgment_for(request.user, pk)
    return _judgments_page(request, judgment.framework, judgment)


@login_required
@require_POST
def lever_judgments_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """htmx: the live analysis (weights, CR, suggestions) of the posted lever judgments, unsaved."""
    framework = sel.get_strategy_framework_for(request.user, pk)
    access.require(sel.can_edit_strategy(request.user, framework))
    levers = sel.levers_of(framework)
    form = LeverJudgmentsForm(request.POST, children=levers, mode=request.POST.get("mode", "verbal"))
    analysis, error = _preview(form, levers)
    context = {"framework": framework, "analysis": analysis, "error": error, "editable": True}
    return render(request, "frameworks/_analysis.html", context)


@login_required
@require_POST
def lever_judgments_delete(request: HttpRequest, pk: int) -> HttpResponse:
    judgment = sel.get_lever_judgment_for(request.user, pk)
    framework = judgment.framework
    try:
        services.lever_judgments_delete(actor=request.user, judgment=judgment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Removed."))
    return redirect("competency:strategy", pk=framework.pk)


# --- development plans ----------------------------------------------------------------------


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    """The development plans of the enterprises the user sees, and where to make one."""
    plans = list(
        sel.visible_plans(request.user)
        .annotate(
            action_count=Count("actions"),
            done_count=Count("actions", filter=Q(actions__status=PlanAction.Status.DONE)),
        )
        .order_by("enterprise__name", "-round__starts_on")
    )
    enterprises = list(
        access.visible_enterprises(request.user).select_related("cluster").order_by("cluster__name", "name")
    )
    if len(enterprises) == 1 and not plans:
        return redirect("competency:enterprise_plans", pk=enterprises[0].pk)
    return render(request, "competency/plans/list.html", {"plans": plans, "enterprises": enterprises})


@login_required
def enterprise_plans(request: HttpRequest, pk: int) -> HttpResponse:
    """An enterprise's plans and the form that makes one from a closed round."""
    enterprise = access.get_enterprise_for(request.user, pk)
    rounds = sel.enterprise_rounds(enterprise)
    form = GeneratePlanForm(
        request.POST if request.method == "POST" else None,
        rounds=rounds.filter(status=AssessmentRound.Status.CLOSED),
    )
    if request.method == "POST":
        access.require(access.can_change_enterprise(request.user, enterprise))
        if form.is_valid():
            try:
                generation = services.plan_generate(
                    actor=request.user, enterprise=enterprise, round=form.cleaned_data["round"]
                )
            except ValidationError as error:
                _form_errors(form, error)
            else:
                _say_generated(request, generation)
                return redirect("competency:plan", pk=generation.plan.pk)
    plans = list(enterprise.development_plans.select_related("round").order_by("-round__starts_on"))
    context = {
        "enterprise": enterprise,
        "plans": plans,
        "form": form,
        "open_rounds": [r for r in rounds if not r.is_closed],
        "can_change": access.can_change_enterprise(request.user, enterprise),
    }
    return render(request, "competency/plans/enterprise.html", context)


def _say_generated(request: HttpRequest, generation: services.Generation) -> None:
    added = len(generation.added)
    if generation.created:
        messages.success(
            request,
            ngettext(
                "Plan made with %(count)s action from the round's priorities.",
                "Plan made with %(count)s actions from the round's priorities.",
                added,
            )
            % {"count": added},
        )
    elif added:
        messages.success(
            request,
            ngettext(
                "%(count)s missing action added; the %(kept)s already in the plan are kept as they are.",
                "%(count)s missing actions added; the %(kept)s already in the plan are kept as they are.",
                added,
            )
            % {"count": added, "kept": generation.kept},
        )
    else:
        messages.info(
            request,
            _("Nothing to add: every action of the round's priorities is in the plan; none was changed."),
        )


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = sel.get_plan_for(request.user, pk)
    context = {
        "view": sel.plan_view(plan),
        "plan": plan,
        "enterprise": plan.enterprise,
        "program": plan.enterprise.cluster.program,
        "can_change": access.can_change_enterprise(request.user, plan.enterprise),
    }
    return render(request, "competency/plans/detail.html", context)


@login_required
@require_POST
def plan_regenerate(request: HttpRequest, pk: int) -> HttpResponse:
    """Add the round's actions missing from the plan; edited actions stay as they are."""
    plan = sel.get_plan_for(request.user, pk)
    try:
        generation = services.plan_generate(actor=request.user, enterprise=plan.enterprise, round=plan.round)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        _say_generated(request, generation)
    return redirect("competency:plan", pk=plan.pk)


@login_required
def action_edit(request: HttpRequest, pk: int) -> HttpResponse:
    action = sel.get_action_for(request.user, pk)
    enterprise = action.enterprise
    can_change = access.can_change_enterprise(request.user, enterprise)
    workers = enterprise.workers.order_by("name")
    if request.method == "POST":
        access.require(can_change)
        form = ActionForm(request.POST, request.FILES, workers=workers)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.action_update(
                    actor=request.user,
                    action=action,
                    title=data["title"],
                    people=data["people"],
                    responsible=data["responsible"],
                    due_date=data["due_date"],
                    cost=data["cost"],
                    status=data["status"],
                    done_on=data["done_on"],
                    evidence_note=data["evidence_note"],
                    evidence_file=data["evidence_file"],
                    remove_file=data["remove_file"],
                )
            except ValidationError as error:
                _form_errors(form, error)
            else:
                messages.success(request, _("Action saved."))
                return redirect("competency:plan", pk=action.plan_id)
    else:
        form = ActionForm(initial=action_initial(action), workers=workers)
    if not can_change:
        for field in form.fields.values():
            field.disabled = True
    context = {
        "action": action,
        "plan": action.plan,
        "enterprise": enterprise,
        "form": form,
        "can_change": can_change,
    }
    return render(request, "competency/plans/action_form.html", context)


@login_required
def action_evidence(request: HttpRequest, pk: int) -> FileResponse:
    """An action's evidence file, only to those who see its enterprise (stored under MEDIA_ROOT,
    never served from there directly), with the headers of a round's evidence: photos shown,
    documents downloaded, nothing in them run."""
    action = sel.get_action_for(request.user, pk)
    if not action.evidence_file:
        raise Http404
    try:
        handle = action.evidence_file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    name = os.path.basename(action.evidence_file.name)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    is_image = content_type in IMAGE_TYPES
    response = FileResponse(handle, as_attachment=not is_image, filename=name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    return response


# --- cohort plans ---------------------------------------------------------------------------


@login_required
def cohort_index(request: HttpRequest) -> HttpResponse:
    """The clusters the user manages with the rounds that assessed them."""
    clusters = list(sel.cohort_clusters(request.user).order_by("program__name", "name"))
    rows = [(cluster, list(sel.cluster_rounds(cluster))) for cluster in clusters]
    return render(request, "competency/plans/cohort_index.html", {"rows": rows})


@login_required
def cohort_plan(request: HttpRequest, round_pk: int, cluster_pk: int) -> HttpResponse:
    """Which training to run for which people in a cluster, from one round, by priority."""
    cluster = sel.get_cohort_cluster_for(request.user, cluster_pk)
    round = access.get_or_404(sel.cluster_rounds(cluster), round_pk)
    context = {"cohort": sel.cohort_plan(round, cluster), "program": cluster.program}
    return render(request, "competency/plans/cohort.html", context)


# --- monitoring -----------------------------------------------------------------------------


@login_required
def monitoring_index(request: HttpRequest) -> HttpResponse:
    enterprises = list(
        access.visible_enterprises(request.user).select_related("cluster").order_by("cluster__name", "name")
    )
    clusters = list(sel.cohort_clusters(request.user).order_by("program__name", "name"))
    if len(enterprises) == 1 and not clusters:
        return redirect("competency:monitoring_enterprise", pk=enterprises[0].pk)
    return render(
        request, "competency/monitoring/index.html", {"enterprises": enterprises, "clusters": clusters}
    )


def _pair(request: HttpRequest, rounds: list[AssessmentRound]) -> tuple[RoundPairForm, Any]:
    """The rounds chosen in the address (``?before=&after=``) or the two most recent."""
    ids = [r.pk for r in rounds]
    queryset = AssessmentRound.objects.filter(pk__in=ids).order_by("starts_on", "pk")
    if "before" in request.GET or "after" in request.GET:
        form = RoundPairForm(request.GET, rounds=queryset)
        if form.is_valid():
            return form, mon.ordered(form.cleaned_data["before"], form.cleaned_data["after"])
        return form, None
    pair = mon.default_pair(rounds)
    initial = {"before": pair[0].pk, "after": pair[1].pk} if pair else {}
    return RoundPairForm(initial=initial, rounds=queryset), pair


@login_required
def monitoring_enterprise(request: HttpRequest, pk: int) -> HttpResponse:
    enterprise = access.get_enterprise_for(request.user, pk)
    rounds = list(mon.rounds_for_enterprise(enterprise))
    form, pair = _pair(request, rounds)
    figures = None
    if pair is not None:
        figures = mon.monitoring(pair[0], pair[1], [enterprise], enterprise.cluster.program_id)
    context = {
        "enterprise": enterprise,
        "program": enterprise.cluster.program,
        "rounds": rounds,
        "form": form,
        "m": figures,
        "row": figures.enterprises[0] if figures and figures.enterprises else None,
    }
    return render(request, "competency/monitoring/enterprise.html", context)


@login_required
def monitoring_cluster(request: HttpRequest, pk: int) -> HttpResponse:
    cluster = sel.get_cohort_cluster_for(request.user, pk)
    rounds = list(mon.rounds_for_cluster(cluster))
    form, pair = _pair(request, rounds)
    figures = None
    if pair is not None:
        enterprises = list(access.visible_enterprises(request.user).filter(cluster=cluster).order_by("name"))
        figures = mon.monitoring(pair[0], pair[1], enterprises, cluster.program_id)
    context = {"cluster": cluster, "program": cluster.program, "rounds": rounds, "form": form, "m": figures}
    return render(request, "competency/monitoring/cluster.html", context)

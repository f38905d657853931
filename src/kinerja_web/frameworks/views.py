"""Pages of frameworks: thin views that validate and call one service or selector.

Every object comes through ``selectors.get_framework_for`` / ``get_node_for`` /
``get_judgment_set_for`` (404 for what the user may not see); changes need
``can_edit_framework`` (403 otherwise). An edit of a framework used by a closed period
answers with the "locked" page, whose one button makes a new version and opens the same page
of the copy.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja_web import access
from kinerja_web.audit import undo
from kinerja_web.audit.views import confirm_delete
from kinerja_web.formfields import parse_id
from kinerja_web.frameworks import selectors, services
from kinerja_web.frameworks.forms import (
    AdoptedWeightsForm,
    FrameworkCreateForm,
    FrameworkSettingsForm,
    IndicatorForm,
    JudgmentsForm,
    NodeAddForm,
    NodeRenameForm,
    WeightingForm,
)
from kinerja_web.frameworks.judgments import JudgmentError
from kinerja_web.frameworks.models import Framework, Node
from kinerja_web.frameworks.selectors.weights import node_analysis_without
from kinerja_web.frameworks.services import FrameworkLocked
from kinerja_web.programs.templatetags.kinerja import percent

#: The page of the copy to open after "make a new version" from a locked edit, by view.
_NEXT_PAGE = {
    "judgments_new": "frameworks:ahp",
    "judgments_edit": "frameworks:ahp",
    "judgments_delete": "frameworks:ahp",
    "suggestion_apply": "frameworks:ahp",
    "node_ahp": "frameworks:ahp",
    "adopted_weights": "frameworks:adopted",
}


def _locked_page(request: HttpRequest, error: FrameworkLocked, node: Node | None = None) -> HttpResponse:
    match = request.resolver_match
    view_name = match.func.__name__ if match is not None else ""
    context = {
        "framework": error.framework,
        "node": node,
        "message": str(error),
        "next": _NEXT_PAGE.get(view_name, "frameworks:node"),
    }
    return render(request, "frameworks/locked.html", context, status=409)


def _editing(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Turn ``FrameworkLocked`` raised by a service into the "make a new version" page."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except FrameworkLocked as error:
            node = getattr(request, "framework_node", None)
            return _locked_page(request, error, node)

    return login_required(wrapper)


def _edit_node(request: HttpRequest, pk: Any) -> Node:
    node = selectors.get_node_for(request.user, pk)
    access.require(selectors.can_edit_framework(request.user, node.framework))
    request.framework_node = node  # type: ignore[attr-defined]
    return node


def _edit_framework(request: HttpRequest, pk: Any) -> Framework:
    framework = selectors.get_framework_for(request.user, pk)
    access.require(selectors.can_edit_framework(request.user, framework))
    return framework


def _form_errors(form: Any, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _state(request: HttpRequest, framework: Framework) -> dict[str, Any]:
    return {
        "framework": framework,
        "locked": selectors.framework_is_locked(framework),
        "can_edit": selectors.can_edit_framework(request.user, framework),
    }


# --- frameworks ---------------------------------------------------------------------------


@login_required
def framework_list(request: HttpRequest) -> HttpResponse:
    frameworks = list(selectors.framework_list(request.user))
    programs = selectors.editable_programs(request.user)
    return render(
        request,
        "frameworks/framework_list.html",
        {"frameworks": frameworks, "can_create": programs.exists()},
    )


@login_required
def framework_create(request: HttpRequest) -> HttpResponse:
    programs = selectors.editable_programs(request.user).order_by("name")
    access.require(programs.exists())
    templates = (
        selectors.visible_frameworks(request.user)
        .filter(program__in=programs)
        .order_by("program__name", "-is_template", "name", "-version")
    )
    can_make_templates = access.administered_programs(request.user).exists()
    initial = {}
    if request.GET.get("program"):
        initial["program"] = access.get_or_404(programs, request.GET["program"])
    form = FrameworkCreateForm(
        request.POST or None,
        initial=initial,
        programs=programs,
        templates=templates,
        can_make_templates=can_make_templates,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            framework = services.framework_create_from_template(
                program=data["program"],
                template=data["template"],
                name=data["name"],
                size_class=data["size_class"],
                is_template=data.get("is_template", False),
                actor=request.user,
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Framework created."))
            return redirect(framework)
    return render(request, "frameworks/framework_create.html", {"form": form})


@login_required
def framework_detail(request: HttpRequest, pk: int) -> HttpResponse:
    framework = selectors.get_framework_for(request.user, pk)
    weights = selectors.framework_weights(framework)
    context = {
        **_state(request, framework),
        "weights": weights,
        "versions": selectors.framework_versions(framework),
        "in_use": selectors.framework_in_use(framework),
    }
    return render(request, "frameworks/framework_detail.html", context)


@_editing
def framework_edit(request: HttpRequest, pk: int) -> HttpResponse:
    framework = _edit_framework(request, pk)
    form = FrameworkSettingsForm(request.POST or None, instance=framework)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.changed_data}
        if "threshold" in fields:
            fields["threshold"] = float(fields["threshold"])
        try:
            services.framework_update(
                framework=Framework.objects.get(pk=framework.pk), actor=request.user, **fields
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(framework)
    context = {**_state(request, framework), "form": form, "title": _("Framework settings")}
    return render(request, "frameworks/form.html", context)


@login_required
@require_POST
def framework_new_version(request: HttpRequest, pk: int) -> HttpResponse:
    framework = _edit_framework(request, pk)
    node_pk = request.POST.get("node")
    if node_pk and parse_id(node_pk) is None:
        raise Http404  # checked before the copy is made: a bad address writes nothing
    copy = services.framework_new_version(framework=framework, actor=request.user)
    if getattr(copy, "already_made", False):
        messages.info(
            request,
            _("Version %(version)s was made from this one a moment ago: edit it here.")
            % {"version": copy.version},
        )
    else:
        messages.success(request, _("Version %(version)s made: edit it here.") % {"version": copy.version})
    if node_pk:
        old = framework.nodes.filter(pk=parse_id(node_pk)).first()
        new = selectors.corresponding_node(old, copy) if old is not None else None
        if new is not None:
            return redirect(_safe_next(request, "frameworks:node", new.pk))
    return redirect(copy)


def _safe_next(request: HttpRequest, default: str, pk: int) -> str:
    """The same page of the copy: ``next`` names one of the node pages."""
    allowed = {"frameworks:node", "frameworks:ahp", "frameworks:adopted", "frameworks:judgments_new"}
    name = request.POST.get("next") or default
    return reverse(name if name in allowed else default, args=[pk])


@_editing
def framework_delete(request: HttpRequest, pk: int) -> HttpResponse:
    framework = _edit_framework(request, pk)
    if request.method == "POST":
        try:
            services.framework_delete(framework=framework, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(framework)
        messages.success(request, _("Framework deleted."))
        return redirect("frameworks:list")
    return render(request, "frameworks/confirm_delete.html", {"framework": framework, "object": framework})


@login_required
def framework_weights(request: HttpRequest, pk: int) -> HttpResponse:
    framework = selectors.get_framework_for(request.user, pk)
    weights = selectors.framework_weights(framework)
    rows = list(weights.indicators)
    top = max((row.global_weight_pct for row in rows), default=0.0) or 1.0
    context = {
        **_state(request, framework),
        "weights": weights,
        "rows": [{"row": row, "bar": row.global_weight_pct / top * 100.0} for row in rows],
        "total": sum(row.global_weight_pct for row in rows),
    }
    return render(request, "frameworks/framework_weights.html", context)


@login_required
def framework_sensitivity(request: HttpRequest, pk: int) -> HttpResponse:
    framework = selectors.get_framework_for(request.user, pk)
    try:
        rows = selectors.framework_sensitivity(framework, top=3)
        problems: tuple = ()
    except selectors.FrameworkNotWeighted as error:
        rows, problems = [], error.problems
    context = {**_state(request, framework), "rows": rows, "problems": problems}
    return render(request, "frameworks/framework_sensitivity.html", context)


# --- nodes ---------------------------------------------------------------------------------


def _node_page(request: HttpRequest, node: Node, **forms: Any) -> HttpResponse:
    context = {
        **_state(request, node.framework),
        "node": node,
        "children": list(node.children.order_by("position", "pk")),
        "add_form": forms.get("add_form")
        or NodeAddForm(initial={"kind": "perspective" if node.is_goal else "indicator"}),
        "rename_form": forms.get("rename_form")
        or NodeRenameForm(initial={"name": node.name, "description": node.description}),
        "indicator_form": forms.get("indicator_form") or IndicatorForm(instance=node),
        "analysis": selectors.node_analysis(node),
        "parents": _possible_parents(node),
    }
    return render(request, "frameworks/node_detail.html", context, status=400 if forms else 200)


@login_required
def node_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _node_page(request, selectors.get_node_for(request.user, pk))


def _possible_parents(node: Node) -> list[Node]:
    if node.is_goal:
        return []
    return [
        other
        for other in node.framework.nodes.exclude(kind=Node.Kind.INDICATOR)
        .exclude(pk=node.pk)
        .order_by("position")
        if other.pk != node.parent_id
    ]


@_editing
@require_POST
def node_add(request: HttpRequest, pk: int) -> HttpResponse:
    node = _edit_node(request, pk)
    form = NodeAddForm(request.POST)
    if form.is_valid():
        try:
            services.node_add(parent=node, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Added."))
            return redirect("frameworks:node", pk=node.pk)
    return _node_page(request, node, add_form=form)


@_editing
@require_POST
def node_rename(request: HttpRequest, pk: int) -> HttpResponse:
    node = _edit_node(request, pk)
    form = NodeRenameForm(request.POST)
    if form.is_valid():
        try:
            services.node_rename(node=node, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("frameworks:node", pk=node.pk)
    return _node_page(request, node, rename_form=form)


@_editing
@require_POST
def node_move(request: HttpRequest, pk: int) -> HttpResponse:
    node = _edit_node(request, pk)
    parent_pk = request.POST.get("parent")
    try:
        if parent_pk:
            new_parent = access.get_or_404(node.framework.nodes.all(), parent_pk)
            services.node_move(node=node, new_parent=new_parent, actor=request.user)
        else:
            offset = -1 if request.POST.get("direction") == "up" else 1
            services.node_move(node=node, offset=offset, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Moved."))
    back = node.parent_id if not parent_pk else node.pk
    return redirect("frameworks:node", pk=back)


@_editing
@require_POST
def node_delete(request: HttpRequest, pk: int) -> HttpResponse:
    node = _edit_node(request, pk)
    if not request.POST.get("confirm"):
        messages.error(request, _("Tick the box to confirm the removal."))
        return redirect("frameworks:node", pk=node.pk)
    parent = node.parent
    try:
        services.node_delete(node=node, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("frameworks:node", pk=node.pk)
    messages.success(request, _("Removed."))
    return redirect("frameworks:node", pk=parent.pk if parent else node.pk)


@_editing
@require_POST
def node_indicator(request: HttpRequest, pk: int) -> HttpResponse:
    node = _edit_node(request, pk)
    form = IndicatorForm(request.POST, instance=Node.objects.get(pk=node.pk))
    if form.is_valid():
        try:
            services.node_update_indicator(node=node, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("frameworks:node", pk=node.pk)
    return _node_page(request, node, indicator_form=form)


# --- weights -------------------------------------------------------------------------------


@login_required
def node_ahp(request: HttpRequest, pk: int) -> HttpResponse:
    """How the node's children are weighted: experts, aggregation, consensus, CR, suggestions."""
    node = selectors.get_node_for(request.user, pk)
    state = _state(request, node.framework)
    weighting_form = WeightingForm(instance=node)
    if request.method == "POST":
        access.require(state["can_edit"])
        request.framework_node = node  # type: ignore[attr-defined]
        weighting_form = WeightingForm(request.POST, instance=Node.objects.get(pk=node.pk))
        if weighting_form.is_valid():
            try:
                services.node_update_weighting(node=node, actor=request.user, **weighting_form.cleaned_data)
            except FrameworkLocked as error:
                return _locked_page(request, error, node)
            messages.success(request, _("Saved."))
            return redirect("frameworks:ahp", pk=node.pk)
    context = {
        **state,
        "node": node,
        "analysis": selectors.node_analysis(node),
        "weighting_form": weighting_form,
    }
    return render(request, "frameworks/node_ahp.html", context)


@_editing
def adopted_weights(request: HttpRequest, pk: int) -> HttpResponse:
    node = _edit_node(request, pk)
    children = list(node.children.order_by("position", "pk"))
    form = AdoptedWeightsForm(request.POST or None, children=children)
    if request.method == "POST" and form.is_valid():
        try:
            services.adopted_weights_save(node=node, weights=form.weights(), actor=request.user)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("frameworks:ahp", pk=node.pk)
    context = {
        **_state(request, node.framework),
        "form": form,
        "node": node,
        "title": _("Adopted weights of the children of %(name)s") % {"name": node.name},
        "help": _("Local weights in percent, summing to 100 (for example from a published study)."),
    }
    return render(request, "frameworks/form.html", context)


def _judgments_page(request: HttpRequest, node: Node, judgment_set: Any = None) -> HttpResponse:
    children = list(node.children.order_by("position", "pk"))
    mode = request.POST.get("mode") or request.GET.get("mode") or "verbal"
    initial = {}
    if judgment_set is not None:
        initial = {
            "expert_name": judgment_set.expert_name,
            "expert_weight": _plain(judgment_set.expert_weight),
            "judgments": judgment_set.judgments,
        }
    elif not node.judgment_sets.exists():
        initial = {"expert_name": request.user.get_full_name() or request.user.get_username()}
    switching = request.method == "POST" and "switch_mode" in request.POST
    if switching:
        mode = request.POST["switch_mode"]
    bound = request.method == "POST" and not switching
    state = _state(request, node.framework)
    editable = state["can_edit"] and not state["locked"]
    if request.method == "POST":
        access.require(state["can_edit"])
    form = JudgmentsForm(request.POST if bound else None, initial=initial, children=children, mode=mode)
    if switching:  # carry the values typed so far into the other mode
        old = JudgmentsForm(request.POST, children=children, mode=request.POST.get("mode", "verbal"))
        old.is_valid()
        form = JudgmentsForm(
            initial={
                "expert_name": request.POST.get("expert_name", ""),
                "expert_weight": request.POST.get("expert_weight", "1"),
                "judgments": old.cleaned_data.get("judgments", []),
            },
            children=children,
            mode=mode,
        )
    analysis, error = None, None
    if bound and "apply" in request.POST:
        form.apply(request.POST["apply"])
        analysis, error = _preview(form, children, node)
    elif bound:
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.judgments_save(
                    node=node,
                    expert_name=data["expert_name"],
                    expert_weight=data["expert_weight"],
                    judgments=data["judgments"],
                    actor=request.user,
                    judgment_set=judgment_set,
                )
            except JudgmentError as failure:
                error = failure
                form.add_error(_pair_field(failure), failure.message)
            except ValidationError as failure:
                _form_errors(form, failure)
            else:
                messages.success(request, _("Judgments saved."))
                return redirect("frameworks:ahp", pk=node.pk)
        analysis, error = _preview(form, children, node)
    else:
        analysis, error = _preview(form, children, node, initial=True)
    if not editable:
        for field in form.fields.values():
            field.disabled = True
    context = {
        **state,
        "editable": editable,
        "node": node,
        "form": form,
        "judgment_set": judgment_set,
        "analysis": analysis,
        "error": error,
        "children": children,
        "other_mode": "matrix" if form.entry_mode == "verbal" else "verbal",
        "verbal": form.entry_mode == "verbal",
    }
    return render(request, "frameworks/judgments.html", context)


def _plain(value: Any) -> Any:
    """``Decimal("1.0000")`` -> ``1`` for the form; other values unchanged."""
    return value.to_integral_value() if value == value.to_integral_value() else value.normalize()


def _pair_field(error: JudgmentError) -> str | None:
    return f"pair_{error.pair[0]}_{error.pair[1]}" if error.pair else None


def _preview(
    form: JudgmentsForm, children: list[Node], node: Node, *, initial: bool = False
) -> tuple[Any, Any]:
    """The core's analysis of the judgments in ``form`` (typed or initial), unsaved: (result, error)."""
    if initial:
        judgments = [[a.pk, b.pk, str(form[name].value() or "").strip()] for a, b, name in form.pairs]
        judgments = [entry for entry in judgments if entry[2]]
        if not judgments:  # nothing typed yet: nothing to analyse, and nothing wrong to say
            return None, None
    else:
        form.is_valid()
        problem = form.judgment_error()
        if problem:
            return None, JudgmentError(problem)
        judgments = form.cleaned_data.get("judgments")
        if judgments is None:
            return None, None
    if len(children) < 2:
        return None, None
    try:
        return selectors.judgments_preview(node, children, judgments), None
    except JudgmentError as error:
        return None, error


@_editing
def judgments_new(request: HttpRequest, pk: int) -> HttpResponse:
    node = _edit_node(request, pk)
    access.require(node.children.count() >= 2)
    return _judgments_page(request, node)


@_editing
def judgments_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """One expert's judgments: editable by the program's editors, read-only for the others who see it."""
    judgment_set = selectors.get_judgment_set_for(request.user, pk)
    node = judgment_set.node
    request.framework_node = node  # type: ignore[attr-defined]
    return _judgments_page(request, node, judgment_set)


@login_required
@require_POST
def judgments_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """htmx: the analysis of the posted judgments (weights, lambda_max, CR, suggestions), not saved."""
    node = selectors.get_node_for(request.user, pk)
    access.require(selectors.can_edit_framework(request.user, node.framework))
    children = list(node.children.order_by("position", "pk"))
    form = JudgmentsForm(request.POST, children=children, mode=request.POST.get("mode", "verbal"))
    analysis, error = _preview(form, children, node)
    context = {
        "node": node,
        "framework": node.framework,
        "analysis": analysis,
        "error": error,
        "editable": True,
        "verbal": form.entry_mode == "verbal",
    }
    return render(request, "frameworks/_analysis.html", context)


@_editing
def judgments_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask first (GET: the node's weights now and without this expert), remove on POST with an Undo."""
    judgment_set = selectors.get_judgment_set_for(request.user, pk)
    node = _edit_node(request, judgment_set.node_id)
    if request.method == "POST":
        undo.offer(request, services.judgments_delete(judgment_set=judgment_set, actor=request.user))
        return redirect("frameworks:ahp", pk=node.pk)
    if selectors.framework_is_locked(node.framework):
        raise FrameworkLocked(node.framework)
    return confirm_delete(
        request,
        question=_("Remove the judgments of %(expert)s?") % {"expert": judgment_set.expert_name},
        facts=[
            (_("Framework"), f"{node.framework.name} (v{node.framework.version})"),
            (_("Node"), node.name),
            (_("Expert"), judgment_set.expert_name),
            (_("Expert's weight"), formats.number_format(judgment_set.expert_weight.normalize())),
        ],
        consequences=_weights_change(node, judgment_set),
        cancel_url=reverse("frameworks:ahp", args=[node.pk]),
        confirm_label=_("Remove"),
    )


def _weights_change(node: Node, judgment_set: Any) -> list[str]:
    """What removing ``judgment_set`` does to the weights of ``node``'s children, in sentences."""
    now = selectors.node_analysis(node, find_sets=False)
    after = node_analysis_without(node, judgment_set)
    if not after.weighted:
        return [
            _(
                "“%(node)s” will have no weights (%(problem)s): scorecards using this framework "
                "cannot be scored until an expert judges it."
            )
            % {"node": node.name, "problem": after.problem}
        ]
    sentences = [
        _("The weights of the criteria under “%(node)s” are then computed from the other experts:")
        % {"node": node.name}
    ]
    old = dict(zip(now.children, now.weights or (), strict=False))
    for child, weight in zip(after.children, after.weights or (), strict=False):
        before = old.get(child)
        sentences.append(
            _("%(child)s: %(before)s → %(after)s")
            % {
                "child": child.name,
                "before": percent(100 * before) if before is not None else "–",
                "after": percent(100 * weight),
            }
        )
    return sentences


@_editing
@require_POST
def suggestion_apply(request: HttpRequest, pk: int) -> HttpResponse:
    """Apply a suggestion or a set of changes to a stored expert's judgments and save (node's AHP page).

    Posted as ``change=<a>:<b>:<value>`` once per judgment (or the older ``a``, ``b``, ``value``).
    """
    judgment_set = selectors.get_judgment_set_for(request.user, pk)
    node = _edit_node(request, judgment_set.node_id)
    try:
        changes = _posted_changes(request)
        services.suggestions_apply(judgment_set=judgment_set, changes=changes, actor=request.user)
    except (KeyError, ValueError, ValidationError):
        messages.error(request, _("That suggestion could not be applied."))
    else:
        messages.success(
            request,
            _("Judgment changed and saved.") if len(changes) == 1 else _("Judgments changed and saved."),
        )
    return redirect("frameworks:ahp", pk=node.pk)


def _posted_changes(request: HttpRequest) -> list[tuple[int, int, str]]:
    """``change=<a>:<b>:<value>`` entries (ids through ``parse_id``); ValueError for anything else."""
    raw = request.POST.getlist("change")
    if not raw:
        raw = [f"{request.POST['a']}:{request.POST['b']}:{request.POST['value']}"]
    changes = []
    for entry in raw[:50]:
        a, b, value = entry.split(":", 2)
        a_id, b_id = parse_id(a), parse_id(b)
        if a_id is None or b_id is None or not value.strip():
            raise ValueError(entry)
        changes.append((a_id, b_id, value.strip()))
    return changes

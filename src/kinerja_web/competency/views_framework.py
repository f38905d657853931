"""Pages of competency frameworks, required levels and worker roles: thin views over
``selectors.framework`` (reads, 404 for what the user may not see) and ``services.framework``
(writes; 403 unless the user administers the program).

An edit of a framework used by a closed assessment round answers with the "frozen" page (409),
whose one button makes a new version and opens the same page of the copy.
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
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja_web import access
from kinerja_web.competency import defaults
from kinerja_web.competency.forms_framework import (
    AnchorsForm,
    AreaForm,
    FrameworkCreateForm,
    FrameworkSettingsForm,
    ItemForm,
    RoleForm,
    SkkniForm,
)
from kinerja_web.competency.models import LEVELS, Area, CompetencyFramework, Item
from kinerja_web.competency.selectors import framework as selectors
from kinerja_web.competency.services import framework as services
from kinerja_web.competency.services.framework import FrameworkFrozen
from kinerja_web.formfields import parse_id
from kinerja_web.programs.models import WorkerRole

#: Pages of a framework's copy that "make a new version" may open, and what they take.
_NEXT_PAGES = {
    "competency:framework_detail": "framework",
    "competency:framework_edit": "framework",
    "competency:area_add": "framework",
    "competency:required_levels": "framework",
    "competency:area_edit": "area",
    "competency:item_add": "area",
    "competency:item_detail": "item",
    "competency:item_edit": "item",
    "competency:item_anchors": "item",
    "competency:item_skkni": "item",
}


def _frozen_page(request: HttpRequest, error: FrameworkFrozen) -> HttpResponse:
    match = request.resolver_match
    name = f"competency:{match.url_name}" if match is not None else ""
    target = getattr(request, "competency_target", None)
    context = {
        "framework": error.framework,
        "message": str(error),
        "next": name if name in _NEXT_PAGES else "competency:framework_detail",
        "target": target,
    }
    return render(request, "competency/framework/frozen.html", context, status=409)


def _editing(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Turn ``FrameworkFrozen`` raised by a service (or a page) into the "make a new version" page."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except FrameworkFrozen as error:
            return _frozen_page(request, error)

    return login_required(wrapper)


def _edit_framework(request: HttpRequest, pk: Any) -> CompetencyFramework:
    """The framework to change: 404 if unseen, 403 unless administrator, frozen page if frozen."""
    framework = selectors.get_framework_for(request.user, pk)
    access.require(selectors.can_edit_framework(request.user, framework))
    if framework.is_frozen:
        raise FrameworkFrozen(framework)
    return framework


def _edit_area(request: HttpRequest, pk: Any) -> Area:
    area = selectors.get_area_for(request.user, pk)
    request.competency_target = area  # type: ignore[attr-defined]
    _edit_framework(request, area.framework_id)
    return area


def _edit_item(request: HttpRequest, pk: Any) -> Item:
    item = selectors.get_item_for(request.user, pk)
    request.competency_target = item  # type: ignore[attr-defined]
    _edit_framework(request, item.framework_id)
    return item


def _form_errors(form: Any, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _state(request: HttpRequest, framework: CompetencyFramework) -> dict[str, Any]:
    return {
        "framework": framework,
        "frozen": framework.is_frozen,
        "can_edit": selectors.can_edit_framework(request.user, framework),
    }


def _form_page(
    request: HttpRequest,
    framework: CompetencyFramework,
    form: Any,
    *,
    title: str,
    cancel: str,
    help: str = "",
    status: int = 200,
) -> HttpResponse:
    context = {**_state(request, framework), "form": form, "title": title, "cancel": cancel, "help": help}
    return render(request, "competency/framework/form.html", context, status=status)


# --- frameworks ------------------------------------------------------------------------------


@login_required
def framework_list(request: HttpRequest) -> HttpResponse:
    groups = selectors.frameworks_by_program(request.user)
    return render(request, "competency/framework/list.html", {"groups": groups})


@login_required
def framework_create(request: HttpRequest) -> HttpResponse:
    programs = selectors.editable_programs(request.user).order_by("name")
    access.require(programs.exists())
    initial = {}
    if request.GET.get("program"):
        initial["program"] = access.get_or_404(programs, request.GET["program"])
    form = FrameworkCreateForm(request.POST or None, initial=initial, programs=programs)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            framework = services.framework_create(
                program=data["program"],
                name=data["name"],
                language=data["language"],
                from_template=data["start"] == "template",
                actor=request.user,
            )
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Competency framework created."))
            return redirect("competency:framework_detail", pk=framework.pk)
    context = {
        "form": form,
        "template_areas": [defaults.text(area.name, request.LANGUAGE_CODE[:2]) for area in defaults.AREAS]
        if request.LANGUAGE_CODE[:2] in defaults.LANGUAGES
        else [],
        "template_items": defaults.item_count(),
    }
    return render(request, "competency/framework/create.html", context)


@login_required
def framework_detail(request: HttpRequest, pk: int) -> HttpResponse:
    framework = selectors.get_framework_for(request.user, pk)
    tree = selectors.framework_tree(framework)
    context = {
        **_state(request, framework),
        "tree": tree,
        "incomplete": sum(1 for area in tree for row in area.items if row.missing),
        "versions": selectors.framework_versions(framework),
        "in_use": selectors.framework_in_use(framework),
        "levels": LEVELS,
    }
    return render(request, "competency/framework/detail.html", context)


@_editing
def framework_edit(request: HttpRequest, pk: int) -> HttpResponse:
    framework = _edit_framework(request, pk)
    initial = {"name": framework.name, "description": framework.description, "language": framework.language}
    form = FrameworkSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.framework_update(framework=framework, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("competency:framework_detail", pk=framework.pk)
    return _form_page(
        request,
        framework,
        form,
        title=_("Framework settings"),
        cancel=reverse("competency:framework_detail", args=[framework.pk]),
    )


@login_required
@require_POST
def framework_new_version(request: HttpRequest, pk: int) -> HttpResponse:
    framework = selectors.get_framework_for(request.user, pk)
    access.require(selectors.can_edit_framework(request.user, framework))
    next_name = request.POST.get("next") or "competency:framework_detail"
    kind = _NEXT_PAGES.get(next_name)
    if kind is None:
        next_name, kind = "competency:framework_detail", "framework"
    old: Any = framework
    if kind != "framework":
        target = parse_id(request.POST.get("target"))
        children = framework.areas if kind == "area" else framework.items
        old = children.filter(pk=target).first() if target is not None else None
        if old is None:
            raise Http404  # checked before the copy is made: a bad address writes nothing
    copy = services.framework_new_version(framework=framework, actor=request.user)
    messages.success(request, _("Version %(version)s made: edit it here.") % {"version": copy.version})
    if kind == "area":
        new = copy.areas.get(name=old.name)
    elif kind == "item":
        new = copy.items.get(code=old.code)
    else:
        new = copy
    return redirect(next_name, pk=new.pk)


@_editing
def framework_delete(request: HttpRequest, pk: int) -> HttpResponse:
    framework = _edit_framework(request, pk)
    if request.method == "POST":
        try:
            services.framework_delete(framework=framework, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("competency:framework_detail", pk=framework.pk)
        messages.success(request, _("Competency framework deleted."))
        return redirect("competency:framework_list")
    context = {
        **_state(request, framework),
        "object": framework,
        "question": _("Delete the competency framework “%(name)s” with its areas, items and levers?")
        % {"name": framework},
        "cancel": reverse("competency:framework_detail", args=[framework.pk]),
    }
    return render(request, "competency/framework/confirm_delete.html", context)


# --- areas -----------------------------------------------------------------------------------


@_editing
def area_add(request: HttpRequest, pk: int) -> HttpResponse:
    framework = _edit_framework(request, pk)
    form = AreaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.area_add(framework=framework, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Area added."))
            return redirect("competency:framework_detail", pk=framework.pk)
    return _form_page(
        request,
        framework,
        form,
        title=_("New area"),
        cancel=reverse("competency:framework_detail", args=[framework.pk]),
    )


@_editing
def area_edit(request: HttpRequest, pk: int) -> HttpResponse:
    area = _edit_area(request, pk)
    form = AreaForm(request.POST or None, initial={"name": area.name, "description": area.description})
    if request.method == "POST" and form.is_valid():
        try:
            services.area_update(area=area, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(
                reverse("competency:framework_detail", args=[area.framework_id]) + f"#area-{area.pk}"
            )
    return _form_page(
        request,
        area.framework,
        form,
        title=_("Area: %(name)s") % {"name": area.name},
        cancel=reverse("competency:framework_detail", args=[area.framework_id]),
    )


def _direction(request: HttpRequest) -> str:
    direction = request.POST.get("direction", "")
    if direction not in services.DIRECTIONS:
        raise Http404
    return direction


@_editing
@require_POST
def area_move(request: HttpRequest, pk: int) -> HttpResponse:
    area = _edit_area(request, pk)
    services.area_move(area=area, direction=_direction(request), actor=request.user)
    return redirect(reverse("competency:framework_detail", args=[area.framework_id]) + f"#area-{area.pk}")


@_editing
def area_delete(request: HttpRequest, pk: int) -> HttpResponse:
    area = _edit_area(request, pk)
    back = reverse("competency:framework_detail", args=[area.framework_id])
    if request.method == "POST":
        try:
            services.area_delete(area=area, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Area deleted."))
        return redirect(back)
    context = {
        **_state(request, area.framework),
        "object": area,
        "question": _("Delete the area “%(name)s” and its %(count)s item(s)?")
        % {"name": area.name, "count": area.items.count()},
        "cancel": back,
    }
    return render(request, "competency/framework/confirm_delete.html", context)


# --- items -----------------------------------------------------------------------------------


@_editing
def item_add(request: HttpRequest, pk: int) -> HttpResponse:
    area = _edit_area(request, pk)
    form = ItemForm(request.POST or None, framework=area.framework, with_area=False)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.item_add(area=area, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Item added: now write what each of its five levels looks like."))
            return redirect("competency:item_anchors", pk=item.pk)
    return _form_page(
        request,
        area.framework,
        form,
        title=_("New item in %(area)s") % {"area": area.name},
        cancel=reverse("competency:framework_detail", args=[area.framework_id]),
    )


@login_required
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.get_item_for(request.user, pk)
    anchors = selectors.item_anchors(item)
    context = {
        **_state(request, item.framework),
        "item": item,
        "anchor_rows": [(level, anchors.get(level, "")) for level in LEVELS],
        "missing": selectors.missing_levels(anchors),
        "elements": [line for line in item.skkni_elements.splitlines() if line.strip()],
        "criteria": [line for line in item.skkni_criteria.splitlines() if line.strip()],
        "required": item.required_levels.select_related("role").order_by("role__position", "role__name"),
    }
    return render(request, "competency/framework/item.html", context)


@_editing
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = _edit_item(request, pk)
    initial = {
        "code": item.code,
        "name": item.name,
        "kind": item.kind,
        "description": item.description,
        "area": item.area,
    }
    form = ItemForm(request.POST or None, initial=initial, framework=item.framework)
    if request.method == "POST" and form.is_valid():
        try:
            services.item_update(item=item, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("competency:item_detail", pk=item.pk)
    return _form_page(
        request,
        item.framework,
        form,
        title=_("Item %(code)s") % {"code": item.code},
        cancel=reverse("competency:item_detail", args=[item.pk]),
    )


@_editing
def item_anchors(request: HttpRequest, pk: int) -> HttpResponse:
    item = _edit_item(request, pk)
    anchors = selectors.item_anchors(item)
    initial = {f"level_{level}": anchors.get(level, "") for level in LEVELS}
    form = AnchorsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.item_anchors_save(item=item, anchors=form.anchors(), actor=request.user)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The five levels of %(code)s are saved.") % {"code": item.code})
            return redirect("competency:item_detail", pk=item.pk)
    missing = selectors.missing_levels(anchors)
    help_text = _("Say in one sentence what each level looks like at work, from 1 (lowest) to 5 (highest).")
    if missing and request.method != "POST":
        help_text += " " + _("Levels without a sentence yet: %(levels)s.") % {
            "levels": ", ".join(str(level) for level in missing)
        }
    return _form_page(
        request,
        item.framework,
        form,
        title=_("Levels of %(item)s") % {"item": item},
        cancel=reverse("competency:item_detail", args=[item.pk]),
        help=help_text,
    )


@_editing
def item_skkni(request: HttpRequest, pk: int) -> HttpResponse:
    item = _edit_item(request, pk)
    initial = {name: getattr(item, name) for name in services.SKKNI_FIELDS}
    form = SkkniForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.item_skkni_save(item=item, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("competency:item_detail", pk=item.pk)
    return _form_page(
        request,
        item.framework,
        form,
        title=_("SKKNI unit of %(item)s") % {"item": item},
        cancel=reverse("competency:item_detail", args=[item.pk]),
        help=_(
            "The unit of the Indonesian national competency standards (SKKNI) this item aligns with, "
            "as published: its code, title, elements and performance criteria. Leave it blank when no "
            "unit fits."
        ),
    )


@_editing
@require_POST
def item_move(request: HttpRequest, pk: int) -> HttpResponse:
    item = _edit_item(request, pk)
    services.item_move(item=item, direction=_direction(request), actor=request.user)
    return redirect(reverse("competency:framework_detail", args=[item.framework_id]) + f"#item-{item.pk}")


@_editing
def item_delete(request: HttpRequest, pk: int) -> HttpResponse:
    item = _edit_item(request, pk)
    back = reverse("competency:framework_detail", args=[item.framework_id])
    if request.method == "POST":
        try:
            services.item_delete(item=item, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("competency:item_detail", pk=item.pk)
        messages.success(request, _("Item deleted."))
        return redirect(back)
    context = {
        **_state(request, item.framework),
        "object": item,
        "question": _("Delete the item “%(item)s” with its levels and required levels?") % {"item": item},
        "cancel": reverse("competency:item_detail", args=[item.pk]),
    }
    return render(request, "competency/framework/confirm_delete.html", context)


# --- required levels -------------------------------------------------------------------------


def _cell_name(role: WorkerRole, item: Item) -> str:
    return f"level-{role.pk}-{item.pk}"


def _read_grid(
    post: Any, roles: list[WorkerRole], items: list[Item]
) -> tuple[dict[tuple[int, int], int | None], list[str]]:
    """The cells present in the POST: ``{(role id, item id): level or None}``, and the cells that
    hold something other than blank or a level (named "role, item")."""
    levels: dict[tuple[int, int], int | None] = {}
    errors = []
    for role in roles:
        for item in items:
            name = _cell_name(role, item)
            if name not in post:
                continue
            value = post.get(name, "").strip()
            if value == "":
                levels[(role.pk, item.pk)] = None
            elif value.isascii() and value.isdigit() and int(value) in LEVELS:
                levels[(role.pk, item.pk)] = int(value)
            else:
                errors.append(
                    _("%(role)s, %(item)s: choose a level from 1 to 5, or leave it blank.")
                    % {"role": role.name, "item": item.code}
                )
    return levels, errors


@login_required
def required_levels(request: HttpRequest, pk: int) -> HttpResponse:
    framework = selectors.get_framework_for(request.user, pk)
    can_edit = selectors.can_edit_framework(request.user, framework)
    roles = selectors.program_roles(framework.program)
    only = parse_id(request.GET.get("role")) if request.GET.get("role") else None
    shown = [role for role in roles if only is None or role.pk == only]
    if only is not None and not shown:
        raise Http404
    items = list(
        framework.items.select_related("area").order_by("area__position", "area__pk", "position", "pk")
    )
    errors: list[str] = []
    grid = selectors.required_grid(framework)
    if request.method == "POST":
        access.require(can_edit)
        try:
            if framework.is_frozen:
                raise FrameworkFrozen(framework)
            levels, errors = _read_grid(request.POST, shown, items)
            if not errors:
                try:
                    counts = services.required_levels_save(
                        framework=framework, levels=levels, actor=request.user
                    )
                except ValidationError as error:
                    errors = list(error.messages)
                else:
                    messages.success(
                        request,
                        _("Required levels saved: %(set)s set, %(changed)s changed, %(cleared)s cleared.")
                        % counts,
                    )
                    url = reverse("competency:required_levels", args=[framework.pk])
                    return redirect(url + (f"?role={only}" if only is not None else ""))
        except FrameworkFrozen as error:
            return _frozen_page(request, error)
        # Show what was typed, with the message naming the cells.
        for role in shown:
            for item in items:
                value = request.POST.get(_cell_name(role, item))
                if value is not None:
                    grid[(role.pk, item.pk)] = value.strip()
    rows = []
    for item in items:
        cells = []
        for role in shown:
            value = grid.get((role.pk, item.pk))
            cells.append(
                {"role": role, "name": _cell_name(role, item), "value": "" if value is None else str(value)}
            )
        rows.append({"item": item, "cells": cells})
    context = {
        **_state(request, framework),
        "can_edit": can_edit,
        "roles": roles,
        "shown": shown,
        "only": only,
        "rows": rows,
        "errors": errors,
        "levels": LEVELS,
    }
    return render(request, "competency/framework/required.html", context, status=400 if errors else 200)


# --- worker roles ----------------------------------------------------------------------------


def _roles_program(request: HttpRequest, pk: Any) -> Any:
    program = selectors.get_roles_program_for(request.user, pk)
    return program, access.can_administer_program(request.user, program)


@login_required
def roles(request: HttpRequest, pk: int) -> HttpResponse:
    program, can_edit = _roles_program(request, pk)
    form = RoleForm(request.POST or None)
    if request.method == "POST":
        access.require(can_edit)
        if form.is_valid():
            try:
                services.role_add(program=program, name=form.cleaned_data["name"], actor=request.user)
            except ValidationError as error:
                _form_errors(form, error)
            else:
                messages.success(request, _("Role added."))
                return redirect("competency:roles", pk=program.pk)
    usage = selectors.role_usage(program)
    context = {
        "program": program,
        "can_edit": can_edit,
        "roles": [(role, usage.get(role.pk, {})) for role in selectors.program_roles(program)],
        "form": form,
    }
    return render(request, "competency/framework/roles.html", context, status=400 if form.errors else 200)


def _edit_role(request: HttpRequest, pk: Any) -> WorkerRole:
    visible = WorkerRole.objects.filter(program__in=access.visible_programs(request.user)).select_related(
        "program"
    )
    role = access.get_or_404(visible, pk)
    access.require(access.can_administer_program(request.user, role.program))
    return role


@login_required
def role_edit(request: HttpRequest, pk: int) -> HttpResponse:
    role = _edit_role(request, pk)
    form = RoleForm(request.POST or None, initial={"name": role.name})
    if request.method == "POST" and form.is_valid():
        try:
            services.role_rename(role=role, name=form.cleaned_data["name"], actor=request.user)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("competency:roles", pk=role.program_id)
    context = {
        "title": _("Role: %(name)s") % {"name": role.name},
        "help": _("The role's code “%(code)s” stays: the competency formulas and imports use it.")
        % {"code": role.code},
        "form": form,
        "cancel": reverse("competency:roles", args=[role.program_id]),
    }
    return render(request, "competency/framework/form.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def role_move(request: HttpRequest, pk: int) -> HttpResponse:
    role = _edit_role(request, pk)
    services.role_move(role=role, direction=_direction(request), actor=request.user)
    return redirect("competency:roles", pk=role.program_id)


@login_required
def role_delete(request: HttpRequest, pk: int) -> HttpResponse:
    role = _edit_role(request, pk)
    back = reverse("competency:roles", args=[role.program_id])
    if request.method == "POST":
        try:
            services.role_delete(role=role, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Role deleted."))
        return redirect(back)
    workers = role.workers.count()
    context = {
        "object": role,
        "question": _("Delete the role “%(name)s”?") % {"name": role.name},
        "blocked": _("%(count)s worker(s) hold this role: give them another role first.") % {"count": workers}
        if workers
        else "",
        "cancel": back,
    }
    return render(request, "competency/framework/confirm_delete.html", context)

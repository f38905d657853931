"""Writes of competency frameworks and worker roles: one function per action, one transaction each.

Every function takes keyword arguments, checks that ``actor`` administers the framework's
program (403 otherwise), refuses to change a framework used by a closed assessment round
(:class:`FrameworkFrozen`; ``framework_new_version`` makes the editable deep copy, as KPI
frameworks do in ``frameworks.services``) and writes its audit row in the same transaction.
Bad input is a ``ValidationError`` naming the field (and for the required-levels grid, the cell).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, ProtectedError
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kinerja_web import access
from kinerja_web.audit.services import diff, record, snapshot, stored_snapshot
from kinerja_web.competency import defaults
from kinerja_web.competency.models import (
    LEVEL_MAX,
    LEVEL_MIN,
    LEVELS,
    Area,
    CompetencyFramework,
    Item,
    LevelAnchor,
    Lever,
    LeverJudgment,
    PlanAction,
    Rating,
    RequiredLevel,
)
from kinerja_web.competency.selectors.framework import (
    can_edit_framework,
    framework_in_use,
    missing_levels,
)
from kinerja_web.programs.models import Program, WorkerRole
from kinerja_web.programs.services import worker_roles_ensure

FRAMEWORK_FIELDS = ("name", "description", "language")
ITEM_FIELDS = ("code", "name", "kind", "description")
SKKNI_FIELDS = ("skkni_code", "skkni_title", "skkni_elements", "skkni_criteria")
DIRECTIONS = ("up", "down")


class FrameworkFrozen(Exception):
    """The framework is used by a closed assessment round: make a new version to change it."""

    def __init__(self, framework: CompetencyFramework) -> None:
        self.framework = framework
        super().__init__(
            _(
                "“%(name)s” version %(version)s is used by a closed assessment round and cannot "
                "change; make a new version."
            )
            % {"name": framework.name, "version": framework.version}
        )


def _user(actor: Any) -> Any:
    return actor if actor is not None and getattr(actor, "is_authenticated", False) else None


def _check(actor: Any, framework: CompetencyFramework) -> CompetencyFramework:
    """403 unless ``actor`` administers the program; FrameworkFrozen on a frozen framework.

    The framework row is locked until the transaction ends, so a round closing meanwhile waits.
    """
    access.require(can_edit_framework(actor, framework))
    locked = CompetencyFramework.objects.select_for_update().get(pk=framework.pk)
    if locked.is_frozen:
        raise FrameworkFrozen(locked)
    return locked


def _clean_text(value: Any) -> str:
    return (value or "").strip()


def _require(field: str, value: str, message: str) -> None:
    if not value:
        raise ValidationError({field: message})


# --- frameworks ------------------------------------------------------------------------------


@transaction.atomic
def framework_create(
    *,
    program: Program,
    name: str,
    language: str,
    from_template: bool,
    actor: Any,
    description: str = "",
) -> CompetencyFramework:
    """A new framework (version 1, its own lineage): empty, or the default template in ``language``
    (areas, items with five anchors, levers with their areas, and the required levels of the
    program's roles that have a default code)."""
    access.require(access.can_administer_program(actor, program))
    if language not in defaults.LANGUAGES:
        raise ValidationError({"language": _("Choose Indonesian or English.")})
    name = _clean_text(name) or (defaults.text(defaults.NAME, language) if from_template else "")
    _require("name", name, _("Give the framework a name."))
    if from_template and not description:
        description = defaults.text(defaults.DESCRIPTION, language)
    framework = CompetencyFramework(
        program=program, name=name, description=description, language=language, created_by=_user(actor)
    )
    framework.full_clean()
    framework.save()
    counts = build_from_template(framework) if from_template else {}
    record(
        actor=actor,
        action="competency.framework.create",
        obj=framework,
        changes={**snapshot(framework, FRAMEWORK_FIELDS), "template": from_template, **counts},
    )
    return framework


def build_from_template(framework: CompetencyFramework) -> dict[str, int]:
    """Fill an empty ``framework`` from ``defaults`` in its language; the counts made.

    Called inside a service's transaction (and by the demo). The program gets its default worker
    roles first if it has none; required levels go to the roles whose code the template names.
    """
    language = framework.language
    worker_roles_ensure(program=framework.program)
    roles = {role.code: role for role in framework.program.worker_roles.all()}
    areas: dict[str, Area] = {}
    anchors: list[LevelAnchor] = []
    required: list[RequiredLevel] = []
    items = 0
    for area_position, spec in enumerate(defaults.AREAS):
        area = Area.objects.create(
            framework=framework,
            name=defaults.text(spec.name, language),
            description=defaults.text(spec.description, language),
            position=area_position,
        )
        areas[spec.key] = area
        for item_position, item_spec in enumerate(spec.items):
            item = Item.objects.create(
                framework=framework,
                area=area,
                code=item_spec.code,
                name=defaults.text(item_spec.name, language),
                kind=item_spec.kind,
                position=item_position,
                skkni_code=item_spec.skkni_code,
                skkni_title=defaults.text(item_spec.skkni_title, language),
            )
            items += 1
            anchors.extend(
                LevelAnchor(item=item, level=level, description=defaults.text(sentence, language))
                for level, sentence in zip(LEVELS, item_spec.anchors, strict=True)
            )
            required.extend(
                RequiredLevel(framework=framework, role=roles[code], item=item, level=level)
                for code, level in item_spec.required.items()
                if code in roles
            )
    LevelAnchor.objects.bulk_create(anchors)
    RequiredLevel.objects.bulk_create(required)
    for position, lever_spec in enumerate(defaults.LEVERS):
        lever = Lever.objects.create(
            framework=framework,
            code=lever_spec.code,
            name=defaults.text(lever_spec.name, language),
            description=defaults.text(lever_spec.description, language),
            position=position,
        )
        lever.areas.set([areas[key] for key in lever_spec.areas])
    return {
        "areas": len(areas),
        "items": items,
        "anchors": len(anchors),
        "required_levels": len(required),
        "levers": len(defaults.LEVERS),
    }


@transaction.atomic
def framework_update(
    *, framework: CompetencyFramework, actor: Any, name: str, description: str, language: str
) -> CompetencyFramework:
    """Rename the framework, change its description or the language its texts are written in."""
    framework = _check(actor, framework)
    before = stored_snapshot(framework, FRAMEWORK_FIELDS)
    framework.name = _clean_text(name)
    framework.description = description or ""
    framework.language = language
    _require("name", framework.name, _("Give the framework a name."))
    framework.full_clean()
    framework.save()
    record(
        actor=actor,
        action="competency.framework.update",
        obj=framework,
        changes=diff(before, snapshot(framework, FRAMEWORK_FIELDS)),
    )
    return framework


@transaction.atomic
def framework_new_version(*, framework: CompetencyFramework, actor: Any) -> CompetencyFramework:
    """An editable deep copy: areas, items, anchors, SKKNI units, required levels, levers with their
    areas and lever judgments; ``previous`` = ``framework``, the same lineage, the next version."""
    access.require(can_edit_framework(actor, framework))
    top = CompetencyFramework.objects.filter(lineage=framework.lineage).aggregate(top=Max("version"))["top"]
    copy = CompetencyFramework.objects.create(
        program=framework.program,
        name=framework.name,
        description=framework.description,
        language=framework.language,
        version=(top or framework.version) + 1,
        previous=framework,
        lineage=framework.lineage,
        created_by=_user(actor),
    )
    _copy_contents(framework, copy)
    record(
        actor=actor,
        action="competency.framework.new_version",
        obj=copy,
        changes={"previous": framework.pk, "version": [framework.version, copy.version]},
    )
    return copy


def _copy_contents(source: CompetencyFramework, target: CompetencyFramework) -> None:
    areas = list(source.areas.order_by("position", "pk"))
    new_areas = Area.objects.bulk_create(
        [
            Area(framework=target, name=area.name, description=area.description, position=area.position)
            for area in areas
        ]
    )
    area_map = {old.pk: new for old, new in zip(areas, new_areas, strict=True)}
    items = list(source.items.order_by("position", "pk"))
    new_items = Item.objects.bulk_create(
        [
            Item(
                framework=target,
                area=area_map[item.area_id],
                position=item.position,
                **{name: getattr(item, name) for name in (*ITEM_FIELDS, *SKKNI_FIELDS)},
            )
            for item in items
        ]
    )
    item_map = {old.pk: new for old, new in zip(items, new_items, strict=True)}
    LevelAnchor.objects.bulk_create(
        [
            LevelAnchor(item=item_map[anchor.item_id], level=anchor.level, description=anchor.description)
            for anchor in LevelAnchor.objects.filter(item__framework=source)
        ]
    )
    RequiredLevel.objects.bulk_create(
        [
            RequiredLevel(
                framework=target,
                role_id=required.role_id,
                item=item_map[required.item_id],
                level=required.level,
            )
            for required in source.required_levels.all()
        ]
    )
    for lever in source.levers.order_by("position", "pk").prefetch_related("areas"):
        copy = Lever.objects.create(
            framework=target,
            code=lever.code,
            name=lever.name,
            description=lever.description,
            position=lever.position,
        )
        copy.areas.set([area_map[area.pk] for area in lever.areas.all()])
    LeverJudgment.objects.bulk_create(
        [
            LeverJudgment(
                framework=target,
                expert_name=judgment.expert_name,
                judgments=judgment.judgments,  # stored by lever code: the same in the copy
                updated_by_id=judgment.updated_by_id,
            )
            for judgment in source.lever_judgments.all()
        ]
    )


@transaction.atomic
def framework_delete(*, framework: CompetencyFramework, actor: Any) -> None:
    """Delete a framework no assessment round uses (with its areas, items, levers...)."""
    framework = _check(actor, framework)
    if framework_in_use(framework):
        raise ValidationError(_("An assessment round uses this framework: it cannot be deleted."))
    record(
        actor=actor,
        action="competency.framework.delete",
        obj=framework,
        changes=snapshot(framework, ("name", "version")),
    )
    framework.delete()


# --- areas -----------------------------------------------------------------------------------


def _area_name_free(framework: CompetencyFramework, name: str, exclude: int | None = None) -> None:
    clash = framework.areas.filter(name__iexact=name)
    if exclude is not None:
        clash = clash.exclude(pk=exclude)
    if clash.exists():
        raise ValidationError(
            {"name": _("This framework already has an area called “%(name)s”.") % {"name": name}}
        )


@transaction.atomic
def area_add(*, framework: CompetencyFramework, name: str, actor: Any, description: str = "") -> Area:
    """A new area at the end of the framework."""
    framework = _check(actor, framework)
    name = _clean_text(name)
    _require("name", name, _("Give the area a name."))
    _area_name_free(framework, name)
    top = framework.areas.aggregate(top=Max("position"))["top"]
    area = Area(framework=framework, name=name, description=description or "", position=(top or 0) + 1)
    area.full_clean()
    area.save()
    record(
        actor=actor,
        action="competency.area.create",
        obj=area,
        changes=snapshot(area, ("name", "description")),
        program=framework.program,
    )
    return area


@transaction.atomic
def area_update(*, area: Area, name: str, description: str, actor: Any) -> Area:
    """Rename an area or change its description."""
    framework = _check(actor, area.framework)
    name = _clean_text(name)
    _require("name", name, _("Give the area a name."))
    _area_name_free(framework, name, exclude=area.pk)
    before = stored_snapshot(area, ("name", "description"))
    area.name, area.description = name, description or ""
    area.full_clean()
    area.save()
    record(
        actor=actor,
        action="competency.area.update",
        obj=area,
        changes=diff(before, snapshot(area, ("name", "description"))),
        program=framework.program,
    )
    return area


def _swap(siblings: list[Any], obj: Any, direction: str) -> bool:
    """Renumber ``siblings`` 0..n-1 with ``obj`` moved one place; False when it cannot move."""
    if direction not in DIRECTIONS:
        raise ValidationError(_("Move up or down."))
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == obj.pk)
    other = index - 1 if direction == "up" else index + 1
    if other < 0 or other >= len(siblings):
        return False
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings):
        if sibling.position != position:
            sibling.position = position
            sibling.save(update_fields=["position"])
    return True


@transaction.atomic
def area_move(*, area: Area, direction: str, actor: Any) -> bool:
    """Move an area one place up or down; False (nothing written) at either end."""
    framework = _check(actor, area.framework)
    siblings = list(framework.areas.order_by("position", "pk"))
    before = [sibling.pk for sibling in siblings]
    if not _swap(siblings, area, direction):
        return False
    record(
        actor=actor,
        action="competency.area.move",
        obj=area,
        changes={"order": [before, [sibling.pk for sibling in siblings]]},
        program=framework.program,
    )
    return True


def _refuse_if_rated(items: Any, what: str) -> None:
    if Rating.objects.filter(item__in=items).exists():
        raise ValidationError(
            _("Ratings of an assessment round use %(what)s: it cannot be deleted.") % {"what": what}
        )


@transaction.atomic
def area_delete(*, area: Area, actor: Any) -> None:
    """Delete an area and its items; refused while a rating or a planned action uses them."""
    framework = _check(actor, area.framework)
    _refuse_if_rated(area.items.all(), _("an item of this area"))
    if PlanAction.objects.filter(area=area).exists():
        raise ValidationError(_("A development plan uses this area: it cannot be deleted."))
    record(
        actor=actor,
        action="competency.area.delete",
        obj=area,
        changes={"name": area.name, "items": list(area.items.values_list("code", flat=True))},
        program=framework.program,
    )
    area.delete()


# --- items -----------------------------------------------------------------------------------


def _item_code_free(framework: CompetencyFramework, code: str, exclude: int | None = None) -> None:
    clash = framework.items.filter(code__iexact=code)
    if exclude is not None:
        clash = clash.exclude(pk=exclude)
    if clash.exists():
        raise ValidationError(
            {"code": _("This framework already has an item with the code “%(code)s”.") % {"code": code}}
        )


@transaction.atomic
def item_add(*, area: Area, code: str, name: str, kind: str, actor: Any, description: str = "") -> Item:
    """A new item at the end of ``area``, without anchors yet (its page says which levels lack one)."""
    framework = _check(actor, area.framework)
    code, name = _clean_text(code), _clean_text(name)
    _require("code", code, _("Give the item a code, e.g. M5."))
    _require("name", name, _("Give the item a name."))
    _item_code_free(framework, code)
    top = area.items.aggregate(top=Max("position"))["top"]
    item = Item(
        framework=framework,
        area=area,
        code=code,
        name=name,
        kind=kind,
        description=description or "",
        position=(top or 0) + 1,
    )
    item.full_clean()
    item.save()
    record(
        actor=actor,
        action="competency.item.create",
        obj=item,
        changes=snapshot(item, (*ITEM_FIELDS, "area")),
        program=framework.program,
    )
    return item


@transaction.atomic
def item_update(
    *, item: Item, actor: Any, code: str, name: str, kind: str, description: str, area: Area
) -> Item:
    """Change an item's code, name, kind or description, or move it to another area of the framework
    (it goes to the end of that area)."""
    framework = _check(actor, item.framework)
    if area.framework_id != framework.pk:
        raise ValidationError({"area": _("Choose an area of this framework.")})
    code, name = _clean_text(code), _clean_text(name)
    _require("code", code, _("Give the item a code, e.g. M5."))
    _require("name", name, _("Give the item a name."))
    _item_code_free(framework, code, exclude=item.pk)
    fields = (*ITEM_FIELDS, "area")
    before = stored_snapshot(item, fields)
    if area.pk != item.area_id:
        top = area.items.aggregate(top=Max("position"))["top"]
        item.position = (top or 0) + 1
    item.code, item.name, item.kind, item.description, item.area = code, name, kind, description or "", area
    item.full_clean()
    item.save()
    record(
        actor=actor,
        action="competency.item.update",
        obj=item,
        changes=diff(before, snapshot(item, fields)),
        program=framework.program,
    )
    return item


@transaction.atomic
def item_move(*, item: Item, direction: str, actor: Any) -> bool:
    """Move an item one place up or down within its area; False (nothing written) at either end."""
    framework = _check(actor, item.framework)
    siblings = list(Item.objects.filter(area_id=item.area_id).order_by("position", "pk"))
    before = [sibling.code for sibling in siblings]
    if not _swap(siblings, item, direction):
        return False
    record(
        actor=actor,
        action="competency.item.move",
        obj=item,
        changes={"order": [before, [sibling.code for sibling in siblings]]},
        program=framework.program,
    )
    return True


@transaction.atomic
def item_delete(*, item: Item, actor: Any) -> None:
    """Delete an item (with its anchors and required levels); refused while a rating uses it."""
    framework = _check(actor, item.framework)
    _refuse_if_rated([item], _("this item"))
    record(
        actor=actor,
        action="competency.item.delete",
        obj=item,
        changes=snapshot(item, ITEM_FIELDS),
        program=framework.program,
    )
    item.delete()


@transaction.atomic
def item_anchors_save(*, item: Item, anchors: Mapping[int, str], actor: Any) -> Item:
    """Set the sentence of every level 1..5 of ``item``; each level needs one (the error names the
    levels without)."""
    framework = _check(actor, item.framework)
    sentences = {level: _clean_text(anchors.get(level)) for level in LEVELS}
    missing = missing_levels(sentences)
    if missing:
        raise ValidationError(
            {
                f"level_{level}": _("Level %(level)s needs a sentence saying what it looks like.")
                % {"level": level}
                for level in missing
            }
        )
    too_long = [level for level, sentence in sentences.items() if len(sentence) > 500]
    if too_long:
        raise ValidationError({f"level_{level}": _("At most 500 characters.") for level in too_long})
    stored = {anchor.level: anchor for anchor in item.anchors.select_for_update()}
    changes: dict[str, list[Any]] = {}
    for level, sentence in sentences.items():
        anchor = stored.get(level)
        if anchor is None:
            LevelAnchor.objects.create(item=item, level=level, description=sentence)
            changes[f"level_{level}"] = [None, sentence]
        elif anchor.description != sentence:
            changes[f"level_{level}"] = [anchor.description, sentence]
            anchor.description = sentence
            anchor.save(update_fields=["description"])
    record(
        actor=actor,
        action="competency.item.anchors",
        obj=item,
        changes=changes,
        program=framework.program,
    )
    return item


@transaction.atomic
def item_skkni_save(
    *, item: Item, actor: Any, skkni_code: str, skkni_title: str, skkni_elements: str, skkni_criteria: str
) -> Item:
    """Set (or clear) the SKKNI unit an item aligns with: code, title, elements, performance criteria."""
    framework = _check(actor, item.framework)
    before = stored_snapshot(item, SKKNI_FIELDS)
    item.skkni_code = _clean_text(skkni_code)
    item.skkni_title = _clean_text(skkni_title)
    item.skkni_elements = (skkni_elements or "").strip()
    item.skkni_criteria = (skkni_criteria or "").strip()
    if (item.skkni_title or item.skkni_elements or item.skkni_criteria) and not item.skkni_code:
        raise ValidationError({"skkni_code": _("Give the SKKNI unit's code, or clear the other fields.")})
    item.full_clean()
    item.save()
    record(
        actor=actor,
        action="competency.item.skkni",
        obj=item,
        changes=diff(before, snapshot(item, SKKNI_FIELDS)),
        program=framework.program,
    )
    return item


# --- required levels -------------------------------------------------------------------------


@transaction.atomic
def required_levels_save(
    *, framework: CompetencyFramework, levels: Mapping[tuple[int, int], int | None], actor: Any
) -> dict[str, int]:
    """Set the required levels of the cells given: ``{(role id, item id): level or None}`` (None
    clears the cell). Cells not given are left as they are. Counts of cells set, changed, cleared."""
    framework = _check(actor, framework)
    roles = {role.pk: role for role in framework.program.worker_roles.all()}
    items = {item.pk: item for item in framework.items.all()}
    errors = []
    for (role_id, item_id), level in levels.items():
        if role_id not in roles or item_id not in items:
            errors.append(_("A role or item that is not in this framework's program."))
        elif level is not None and not LEVEL_MIN <= level <= LEVEL_MAX:
            errors.append(
                _("%(role)s, %(item)s: choose a level from %(min)s to %(max)s, or leave it blank.")
                % {
                    "role": roles[role_id].name,
                    "item": items[item_id].code,
                    "min": LEVEL_MIN,
                    "max": LEVEL_MAX,
                }
            )
    if errors:
        raise ValidationError(errors)
    stored = {(row.role_id, row.item_id): row for row in framework.required_levels.select_for_update()}
    changes: dict[str, list[Any]] = {}
    counts = {"set": 0, "changed": 0, "cleared": 0}
    for (role_id, item_id), level in levels.items():
        key = f"{roles[role_id].code}/{items[item_id].code}"
        row = stored.get((role_id, item_id))
        if row is None and level is not None:
            RequiredLevel.objects.create(framework=framework, role_id=role_id, item_id=item_id, level=level)
            changes[key], counts["set"] = [None, level], counts["set"] + 1
        elif row is not None and level is None:
            changes[key], counts["cleared"] = [row.level, None], counts["cleared"] + 1
            row.delete()
        elif row is not None and row.level != level:
            changes[key], counts["changed"] = [row.level, level], counts["changed"] + 1
            row.level = level
            row.save(update_fields=["level"])
    if changes:
        record(actor=actor, action="competency.required_levels.update", obj=framework, changes=changes)
    return counts


# --- worker roles ----------------------------------------------------------------------------


def _role_name_free(program: Program, name: str, exclude: int | None = None) -> None:
    clash = program.worker_roles.filter(name__iexact=name)
    if exclude is not None:
        clash = clash.exclude(pk=exclude)
    if clash.exists():
        raise ValidationError(
            {"name": _("This program already has a role called “%(name)s”.") % {"name": name}}
        )


def _new_role_code(program: Program, name: str) -> str:
    base = slugify(name)[:40] or "role"
    taken = set(program.worker_roles.values_list("code", flat=True))
    code, number = base, 2
    while code in taken:
        code, number = f"{base}-{number}", number + 1
    return code


@transaction.atomic
def role_add(*, program: Program, name: str, actor: Any) -> WorkerRole:
    """A new worker role at the end of the program's list; its code is made from the name, once."""
    access.require(access.can_administer_program(actor, program))
    name = _clean_text(name)
    _require("name", name, _("Give the role a name."))
    _role_name_free(program, name)
    top = program.worker_roles.aggregate(top=Max("position"))["top"]
    role = WorkerRole(program=program, name=name, code=_new_role_code(program, name), position=(top or 0) + 1)
    role.full_clean()
    role.save()
    record(actor=actor, action="worker_role.create", obj=role, changes=snapshot(role, ("code", "name")))
    return role


@transaction.atomic
def role_rename(*, role: WorkerRole, name: str, actor: Any) -> WorkerRole:
    """Rename a role (its code, used by the competency formulas, stays)."""
    access.require(access.can_administer_program(actor, role.program))
    name = _clean_text(name)
    _require("name", name, _("Give the role a name."))
    _role_name_free(role.program, name, exclude=role.pk)
    before = stored_snapshot(role, ("name",))
    role.name = name
    role.full_clean()
    role.save()
    record(
        actor=actor, action="worker_role.update", obj=role, changes=diff(before, snapshot(role, ("name",)))
    )
    return role


@transaction.atomic
def role_move(*, role: WorkerRole, direction: str, actor: Any) -> bool:
    """Move a role one place up or down in the program's list; False at either end."""
    access.require(access.can_administer_program(actor, role.program))
    siblings = list(role.program.worker_roles.order_by("position", "name"))
    before = [sibling.code for sibling in siblings]
    if not _swap(siblings, role, direction):
        return False
    record(
        actor=actor,
        action="worker_role.move",
        obj=role,
        changes={"order": [before, [sibling.code for sibling in siblings]]},
    )
    return True


@transaction.atomic
def role_delete(*, role: WorkerRole, actor: Any) -> None:
    """Delete a role no worker holds and no frozen framework requires levels for (the required
    levels of editable frameworks go with it)."""
    access.require(access.can_administer_program(actor, role.program))
    workers = role.workers.count()
    if workers:
        raise ValidationError(
            _("%(count)s worker(s) hold this role: give them another role first.") % {"count": workers}
        )
    frameworks = CompetencyFramework.objects.filter(required_levels__role=role).distinct()
    frozen = [framework for framework in frameworks if framework.is_frozen]
    if frozen:
        raise ValidationError(
            _("“%(framework)s”, used by a closed assessment round, requires levels for this role: it stays.")
            % {"framework": frozen[0]}
        )
    record(
        actor=actor,
        action="worker_role.delete",
        obj=role,
        changes={**snapshot(role, ("code", "name")), "required_levels": role.required_levels.count()},
    )
    try:
        role.delete()
    except ProtectedError as error:  # a worker took the role meanwhile
        raise ValidationError(_("Workers hold this role: give them another role first.")) from error

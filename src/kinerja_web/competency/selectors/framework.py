"""Reads of competency frameworks: who sees and edits them, and the framework page's tree.

Who: the people of a program read its frameworks (administrators, facilitators, owners:
``access.visible_programs``); administrators edit them (``access.administered_programs``). An
object of a program the user does not take part in answers 404 (``get_*_for``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from kinerja_web import access
from kinerja_web.competency.models import (
    LEVELS,
    Area,
    AssessmentRound,
    CompetencyFramework,
    Item,
    RequiredLevel,
)
from kinerja_web.programs.models import Program, WorkerRole


def visible_frameworks(user: Any) -> QuerySet[CompetencyFramework]:
    """Competency frameworks of the programs ``user`` takes part in."""
    return CompetencyFramework.objects.filter(program__in=access.visible_programs(user)).select_related(
        "program"
    )


def editable_programs(user: Any) -> QuerySet[Program]:
    """Programs whose competency frameworks and worker roles ``user`` may change (administrators)."""
    return access.administered_programs(user)


def can_edit_framework(user: Any, framework: CompetencyFramework) -> bool:
    return access.can_administer_program(user, framework.program)


def get_framework_for(user: Any, pk: Any) -> CompetencyFramework:
    return access.get_or_404(visible_frameworks(user), pk)


def get_area_for(user: Any, pk: Any) -> Area:
    areas = Area.objects.filter(framework__program__in=access.visible_programs(user))
    return access.get_or_404(areas.select_related("framework__program"), pk)


def get_item_for(user: Any, pk: Any) -> Item:
    items = Item.objects.filter(framework__program__in=access.visible_programs(user))
    return access.get_or_404(items.select_related("framework__program", "area"), pk)


def get_roles_program_for(user: Any, pk: Any) -> Program:
    """A program whose worker roles ``user`` may read (404 otherwise)."""
    return access.get_program_for(user, pk)


def framework_is_frozen(framework: CompetencyFramework) -> bool:
    """Used by a closed assessment round: never changed again."""
    return framework.is_frozen


def framework_in_use(framework: CompetencyFramework) -> bool:
    """Used by any assessment round (open or closed): it cannot be deleted."""
    return AssessmentRound.objects.filter(framework=framework).exists()


def framework_versions(framework: CompetencyFramework) -> QuerySet[CompetencyFramework]:
    """Every version of ``framework``'s lineage, newest first."""
    return CompetencyFramework.objects.filter(lineage=framework.lineage).order_by("-version")


def frameworks_by_program(user: Any) -> list[tuple[Program, list[CompetencyFramework], bool]]:
    """(program, its frameworks newest version first, may ``user`` edit) for the list page."""
    programs = list(access.visible_programs(user).order_by("name"))
    editable = set(editable_programs(user).values_list("pk", flat=True))
    frameworks: dict[int, list[CompetencyFramework]] = {}
    for framework in visible_frameworks(user).order_by("name", "-version"):
        frameworks.setdefault(framework.program_id, []).append(framework)
    return [(program, frameworks.get(program.pk, []), program.pk in editable) for program in programs]


def missing_levels(anchors: dict[int, str]) -> list[int]:
    """The levels of the scale without an anchor sentence."""
    return [level for level in LEVELS if not (anchors.get(level) or "").strip()]


@dataclass
class ItemRow:
    item: Item
    anchors: dict[int, str]
    missing: list[int]

    @property
    def anchor_rows(self) -> list[tuple[int, str]]:
        return [(level, self.anchors.get(level, "")) for level in LEVELS]


@dataclass
class AreaRow:
    area: Area
    items: list[ItemRow]


def framework_tree(framework: CompetencyFramework) -> list[AreaRow]:
    """Areas in order, each with its items, their anchors and the levels still unanchored (3 queries)."""
    areas = list(framework.areas.order_by("position", "pk"))
    items = list(framework.items.order_by("position", "pk").prefetch_related("anchors"))
    by_area: dict[int, list[ItemRow]] = {area.pk: [] for area in areas}
    for item in items:
        anchors = {anchor.level: anchor.description for anchor in item.anchors.all()}
        by_area.setdefault(item.area_id, []).append(ItemRow(item, anchors, missing_levels(anchors)))
    return [AreaRow(area, by_area[area.pk]) for area in areas]


def item_anchors(item: Item) -> dict[int, str]:
    return {anchor.level: anchor.description for anchor in item.anchors.all()}


def program_roles(program: Program) -> list[WorkerRole]:
    return list(program.worker_roles.order_by("position", "name"))


def role_usage(program: Program) -> dict[int, dict[str, int]]:
    """Per role id: how many workers hold it and how many required levels name it."""
    usage: dict[int, dict[str, int]] = {}
    for role in program.worker_roles.all():
        usage[role.pk] = {
            "workers": role.workers.count(),
            "required": role.required_levels.count(),
        }
    return usage


def required_grid(framework: CompetencyFramework) -> dict[tuple[int, int], int]:
    """(role id, item id) -> required level, for the grid."""
    return {
        (role, item): level
        for role, item, level in RequiredLevel.objects.filter(framework=framework).values_list(
            "role_id", "item_id", "level"
        )
    }

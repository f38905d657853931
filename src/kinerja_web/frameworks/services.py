"""Writes of frameworks: one function per action, under transaction.atomic, with its audit entry.

Every function takes keyword arguments, checks that ``actor`` may change the framework
(``selectors.can_edit_framework``) and refuses to change a framework used by a closed period
(:class:`FrameworkLocked`; ``framework_new_version`` makes the editable copy). Bad input is a
``ValidationError`` (judgments: :class:`~kinerja_web.frameworks.judgments.JudgmentError`,
naming the pair), checked by the core where the core has the rule.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, ProtectedError
from django.utils.translation import gettext as _

from kinerja.ahp import parse_hierarchy
from kinerja.errors import InputError
from kinerja_web import access
from kinerja_web.audit.services import diff, record, snapshot, stored_snapshot
from kinerja_web.frameworks import paper
from kinerja_web.frameworks.judgments import parse_judgments, value_text
from kinerja_web.frameworks.models import ExpertJudgment, Framework, Node
from kinerja_web.frameworks.selectors import (
    can_edit_framework,
    editable_programs,
    framework_in_use,
    framework_is_locked,
)
from kinerja_web.programs.models import Program

FRAMEWORK_FIELDS = ("name", "description", "size_class", "method", "ri_table", "threshold")
INDICATOR_FIELDS = ("unit", "direction", "actual_source", "source_product", "description")
COPIED_NODE_FIELDS = (
    "name",
    "description",
    "kind",
    "position",
    "unit",
    "direction",
    "actual_source",
    "source_product",
    "weight_mode",
    "adopted_weight",
    "aggregation",
)


class FrameworkLocked(Exception):
    """The framework is used by a closed period: make a new version to change it."""

    def __init__(self, framework: Framework) -> None:
        self.framework = framework
        super().__init__(
            _(
                "“%(name)s” version %(version)s is used by a closed period and cannot change; "
                "make a new version."
            )
            % {"name": framework.name, "version": framework.version}
        )


def _check_can_edit(actor: Any, framework: Framework) -> None:
    access.require(can_edit_framework(actor, framework))
    if framework_is_locked(framework):
        raise FrameworkLocked(framework)


def _program_scope(framework: Framework) -> dict[str, Any]:
    return {"program": framework.program}


# --- frameworks ---------------------------------------------------------------------------


@transaction.atomic
def framework_create_from_template(
    *,
    program: Program,
    template: Framework | str,
    name: str,
    size_class: str,
    actor: Any,
    is_template: bool = False,
    description: str = "",
) -> Framework:
    """A new framework (version 1, its own lineage) copying ``template``: a stored framework of the
    program, or the key of a built-in template (``paper.TEMPLATES``)."""
    if is_template:
        access.require(access.can_administer_program(actor, program))
    else:
        access.require(editable_programs(actor).filter(pk=program.pk).exists())
    if isinstance(template, Framework):
        if template.program_id != program.pk:
            raise ValidationError(_("The template belongs to another program."))
        source_settings = {key: getattr(template, key) for key in ("method", "ri_table", "threshold")}
    elif template not in paper.TEMPLATES:
        raise ValidationError(_("Unknown template."))
    else:
        source_settings = {}
    framework = Framework(
        program=program,
        name=name,
        description=description,
        size_class=size_class,
        is_template=is_template,
        created_by=_user_or_none(actor),
        **source_settings,
    )
    framework.full_clean()
    framework.save()
    if isinstance(template, Framework):
        _copy_tree(template, framework)
        origin = {"template": template.pk, "template_name": str(template)}
    else:
        paper.build(paper.TEMPLATES[template], framework)
        origin = {"template": template}
    record(
        actor=actor,
        action="framework.create",
        obj=framework,
        changes={**snapshot(framework, ("name", "size_class", "is_template")), **origin},
    )
    return framework


def _user_or_none(actor: Any) -> Any:
    return actor if actor is not None and getattr(actor, "is_authenticated", False) else None


@transaction.atomic
def framework_new_version(*, framework: Framework, actor: Any) -> Framework:
    """An editable copy: nodes and judgments copied, ``previous`` = ``framework``, the next version number."""
    access.require(can_edit_framework(actor, framework))
    top = Framework.objects.filter(lineage=framework.lineage).aggregate(top=Max("version"))["top"]
    copy = Framework.objects.create(
        program=framework.program,
        name=framework.name,
        description=framework.description,
        size_class=framework.size_class,
        version=(top or framework.version) + 1,
        previous=framework,
        lineage=framework.lineage,
        is_template=framework.is_template,
        method=framework.method,
        ri_table=framework.ri_table,
        threshold=framework.threshold,
        created_by=_user_or_none(actor),
    )
    _copy_tree(framework, copy)
    record(
        actor=actor,
        action="framework.new_version",
        obj=copy,
        changes={"previous": framework.pk, "version": [framework.version, copy.version]},
    )
    return copy


def _copy_tree(source: Framework, target: Framework) -> dict[int, Node]:
    """Copy every node (parents first) and judgment set of ``source`` into ``target``; old id -> new node."""
    nodes = list(source.nodes.order_by("position", "pk"))
    by_parent: dict[int | None, list[Node]] = {}
    for node in nodes:
        by_parent.setdefault(node.parent_id, []).append(node)
    copies: dict[int, Node] = {}
    level = by_parent.get(None, [])
    while level:
        made = Node.objects.bulk_create(
            [
                Node(
                    framework=target,
                    parent=copies[node.parent_id] if node.parent_id is not None else None,
                    **{name: getattr(node, name) for name in COPIED_NODE_FIELDS},
                )
                for node in level
            ]
        )
        copies.update({old.pk: new for old, new in zip(level, made, strict=True)})
        level = [child for node in level for child in by_parent.get(node.pk, [])]
    sets = ExpertJudgment.objects.filter(node__framework=source)
    ExpertJudgment.objects.bulk_create(
        [
            ExpertJudgment(
                node=copies[judgment_set.node_id],
                expert_name=judgment_set.expert_name,
                expert_user_id=judgment_set.expert_user_id,
                expert_weight=judgment_set.expert_weight,
                judgments=[
                    [copies[a].pk, copies[b].pk, value]
                    for a, b, value in judgment_set.judgments
                    if a in copies and b in copies
                ],
                updated_by_id=judgment_set.updated_by_id,
            )
            for judgment_set in sets
        ]
    )
    return copies


@transaction.atomic
def framework_update(*, framework: Framework, actor: Any, **fields: Any) -> Framework:
    """Change the name, description, size class, priority method, RI table or CR threshold."""
    _check_can_edit(actor, framework)
    unknown = set(fields) - set(FRAMEWORK_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {', '.join(sorted(unknown))}")
    before = stored_snapshot(framework, fields)
    for name, value in fields.items():
        setattr(framework, name, value)
    framework.full_clean()
    framework.save()
    record(
        actor=actor,
        action="framework.update",
        obj=framework,
        changes=diff(before, snapshot(framework, fields)),
    )
    return framework


@transaction.atomic
def framework_delete(*, framework: Framework, actor: Any) -> None:
    """Delete a framework no scorecard uses (with its nodes and judgments)."""
    _check_can_edit(actor, framework)
    if framework_in_use(framework):
        raise ValidationError(_("Scorecards use this framework: it cannot be deleted."))
    record(
        actor=actor,
        action="framework.delete",
        obj=framework,
        changes=snapshot(framework, ("name", "version")),
    )
    framework.delete()


# --- nodes ---------------------------------------------------------------------------------


def _check_name(parent: Node, name: str, exclude: Node | None = None) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Give a name.")})
    siblings = parent.children.filter(name=name)
    if exclude is not None:
        siblings = siblings.exclude(pk=exclude.pk)
    if siblings.exists():
        raise ValidationError(
            {
                "name": _("“%(name)s” is already a child of “%(parent)s”.")
                % {
                    "name": name,
                    "parent": parent.name,
                }
            }
        )
    return name


def _renumber(parent: Node | None, framework: Framework) -> None:
    siblings = list(framework.nodes.filter(parent=parent).order_by("position", "pk"))
    for index, sibling in enumerate(siblings):
        if sibling.position != index:
            sibling.position = index
            sibling.save(update_fields=["position"])


def _forget_pairs(parent: Node, child_pk: int) -> None:
    """Remove the judgments of ``parent``'s experts that compare ``child_pk``."""
    for judgment_set in parent.judgment_sets.select_for_update():
        kept = [entry for entry in judgment_set.judgments if child_pk not in entry[:2]]
        if kept != judgment_set.judgments:
            judgment_set.judgments = kept
            judgment_set.save(update_fields=["judgments", "updated_at"])


@transaction.atomic
def node_add(
    *,
    parent: Node,
    name: str,
    actor: Any,
    kind: str | None = None,
    unit: str = "",
    direction: str = Node.Direction.HIGHER,
    actual_source: str = "manual",
    source_product: str = "",
    description: str = "",
) -> Node:
    """A new perspective or indicator under ``parent``, last among its siblings."""
    framework = parent.framework
    _check_can_edit(actor, framework)
    if parent.kind == Node.Kind.INDICATOR:
        raise ValidationError(_("An indicator has no children: add it under a perspective."))
    kind = kind or (Node.Kind.PERSPECTIVE if parent.parent_id is None else Node.Kind.INDICATOR)
    if kind == Node.Kind.GOAL:
        raise ValidationError({"kind": _("A framework has one goal.")})
    position = (parent.children.aggregate(top=Max("position"))["top"] or 0) + 1
    node = Node(
        framework=framework,
        parent=parent,
        name=_check_name(parent, name),
        kind=kind,
        position=position,
        unit=unit,
        direction=direction,
        actual_source=actual_source,
        source_product=source_product,
        description=description,
    )
    node.full_clean()
    node.save()
    _renumber(parent, framework)
    record(
        actor=actor,
        action="node.create",
        obj=node,
        changes={"parent": parent.name, **snapshot(node, ("name", "kind", "unit", "actual_source"))},
        **_program_scope(framework),
    )
    return node


@transaction.atomic
def node_rename(*, node: Node, name: str, actor: Any, description: str | None = None) -> Node:
    _check_can_edit(actor, node.framework)
    fields = ["name"] + (["description"] if description is not None else [])
    before = stored_snapshot(node, fields)
    node.name = _check_name(node.parent, name, exclude=node) if node.parent_id else (name or "").strip()
    if not node.name:
        raise ValidationError({"name": _("Give a name.")})
    if description is not None:
        node.description = description
    node.full_clean()
    node.save()
    record(
        actor=actor,
        action="node.rename",
        obj=node,
        changes=diff(before, snapshot(node, fields)),
        **_program_scope(node.framework),
    )
    return node


@transaction.atomic
def node_move(*, node: Node, actor: Any, offset: int = 0, new_parent: Node | None = None) -> Node:
    """Move ``node`` ``offset`` places among its siblings (-1: up), or under ``new_parent`` (last).

    Moving to another parent drops the judgments that compared the node with its old siblings
    and its adopted weight.
    """
    framework = node.framework
    _check_can_edit(actor, framework)
    if node.parent_id is None:
        raise ValidationError(_("The goal cannot move."))
    old_parent = node.parent
    if new_parent is not None and new_parent.pk != node.parent_id:
        if new_parent.framework_id != framework.pk:
            raise ValidationError(_("A node moves only within its framework."))
        if new_parent.kind == Node.Kind.INDICATOR:
            raise ValidationError(_("An indicator has no children."))
        ancestor: Node | None = new_parent
        while ancestor is not None:
            if ancestor.pk == node.pk:
                raise ValidationError(_("A node cannot move under itself."))
            ancestor = ancestor.parent
        node.name = _check_name(new_parent, node.name, exclude=node)
        _forget_pairs(old_parent, node.pk)
        node.parent = new_parent
        node.adopted_weight = None
        node.position = (new_parent.children.aggregate(top=Max("position"))["top"] or 0) + 1
        node.save()
        _renumber(old_parent, framework)
        _renumber(new_parent, framework)
        changes = {"parent": [old_parent.name, new_parent.name]}
    else:
        siblings = list(old_parent.children.order_by("position", "pk"))
        index = next(i for i, sibling in enumerate(siblings) if sibling.pk == node.pk)
        target = max(0, min(len(siblings) - 1, index + offset))
        siblings.insert(target, siblings.pop(index))
        for position, sibling in enumerate(siblings):
            if sibling.position != position:
                sibling.position = position
                sibling.save(update_fields=["position"])
        node.position = target
        changes = {"position": [index, target]}
    record(actor=actor, action="node.move", obj=node, changes=changes, **_program_scope(framework))
    return node


@transaction.atomic
def node_delete(*, node: Node, actor: Any) -> None:
    """Remove a node with everything under it; its parent's judgments of it go too."""
    framework = node.framework
    _check_can_edit(actor, framework)
    if node.parent_id is None:
        raise ValidationError(_("The goal cannot be removed."))
    parent = node.parent
    record(
        actor=actor,
        action="node.delete",
        obj=node,
        changes={"name": node.name, "parent": parent.name, "descendants": _count_below(node)},
        **_program_scope(framework),
    )
    _forget_pairs(parent, node.pk)
    try:
        with transaction.atomic():
            node.delete()
    except ProtectedError:
        raise ValidationError(
            _(
                "Scorecards have targets for “%(name)s” (or an indicator under it): "
                "make a new version to remove it."
            )
            % {"name": node.name}
        ) from None
    _renumber(parent, framework)


def _count_below(node: Node) -> int:
    count, level = 0, list(node.children.all())
    while level:
        count += len(level)
        level = list(Node.objects.filter(parent__in=level))
    return count


@transaction.atomic
def node_update_indicator(
    *,
    node: Node,
    actor: Any,
    unit: str,
    direction: str,
    actual_source: str,
    source_product: str = "",
    description: str | None = None,
) -> Node:
    """How an indicator is measured: unit, direction, where its actual comes from."""
    _check_can_edit(actor, node.framework)
    if node.kind != Node.Kind.INDICATOR:
        raise ValidationError(_("Only an indicator has a unit and a source."))
    fields = {
        "unit": unit,
        "direction": direction,
        "actual_source": actual_source,
        "source_product": source_product,
    }
    if description is not None:
        fields["description"] = description
    before = stored_snapshot(node, fields)
    for name, value in fields.items():
        setattr(node, name, value)
    node.full_clean()
    node.save()
    record(
        actor=actor,
        action="node.update",
        obj=node,
        changes=diff(before, snapshot(node, fields)),
        **_program_scope(node.framework),
    )
    return node


@transaction.atomic
def node_update_weighting(
    *, node: Node, actor: Any, weight_mode: str, aggregation: str | None = None
) -> Node:
    """Weight the children by judgments or adopted weights; how several experts are aggregated."""
    _check_can_edit(actor, node.framework)
    fields = {"weight_mode": weight_mode}
    if aggregation is not None:
        fields["aggregation"] = aggregation
    before = stored_snapshot(node, fields)
    for name, value in fields.items():
        setattr(node, name, value)
    node.full_clean()
    node.save()
    record(
        actor=actor,
        action="node.weighting",
        obj=node,
        changes=diff(before, snapshot(node, fields)),
        **_program_scope(node.framework),
    )
    return node


# --- weights -------------------------------------------------------------------------------


def _children(node: Node) -> list[Node]:
    return list(node.children.order_by("position", "pk"))


@transaction.atomic
def judgments_save(
    *,
    node: Node,
    expert_name: str,
    judgments: Sequence[Sequence[Any]],
    actor: Any,
    expert_weight: Decimal | int | float = 1,
    expert_user: Any = None,
    judgment_set: ExpertJudgment | None = None,
) -> ExpertJudgment:
    """Store one expert's judgments ``[[child_a_id, child_b_id, "3"], ...]`` of ``node``'s children.

    Checked by ``kinerja.ahp.parse_comparison``: a value that is not on Saaty's scale, a pair
    judged twice or children left uncompared raise :class:`JudgmentError` naming the pair.
    ``judgment_set``: the set being edited (its expert may be renamed); else the expert's set
    is created or replaced.
    """
    _check_can_edit(actor, node.framework)
    name = (expert_name or "").strip()
    if not name:
        raise ValidationError({"expert_name": _("Give the expert's name.")})
    weight = Decimal(str(expert_weight))
    if not weight > 0:
        raise ValidationError({"expert_weight": _("An expert's weight is a number above 0.")})
    children = _children(node)
    if len(children) < 2:
        raise ValidationError(_("Judgments compare two or more children; this node has fewer."))
    entries = [[int(a), int(b), value_text(value)] for a, b, value in judgments]
    parse_judgments(children, entries)
    clash = node.judgment_sets.filter(expert_name=name)
    if judgment_set is not None:
        if judgment_set.node_id != node.pk:
            raise ValidationError(_("This expert's judgments belong to another node."))
        clash = clash.exclude(pk=judgment_set.pk)
    if clash.exists():
        if judgment_set is not None:
            raise ValidationError({"expert_name": _("Another expert of this node has this name.")})
        judgment_set = clash.get()
    fields = ("expert_name", "expert_weight", "judgments")
    if judgment_set is None:
        judgment_set = ExpertJudgment(node=node)
        before: dict[str, Any] = {}
        action = "judgments.create"
    else:
        before = stored_snapshot(judgment_set, fields)
        action = "judgments.update"
    judgment_set.expert_name = name
    judgment_set.expert_weight = weight
    judgment_set.judgments = entries
    if expert_user is not None:
        judgment_set.expert_user = expert_user
    judgment_set.updated_by = _user_or_none(actor)
    judgment_set.full_clean()
    judgment_set.save()
    record(
        actor=actor,
        action=action,
        obj=judgment_set,
        changes={"node": node.name, **diff(before, snapshot(judgment_set, fields))},
        **_program_scope(node.framework),
    )
    return judgment_set


@transaction.atomic
def judgments_delete(*, judgment_set: ExpertJudgment, actor: Any) -> None:
    node = judgment_set.node
    _check_can_edit(actor, node.framework)
    record(
        actor=actor,
        action="judgments.delete",
        obj=judgment_set,
        changes={"node": node.name, "expert_name": judgment_set.expert_name},
        **_program_scope(node.framework),
    )
    judgment_set.delete()


@transaction.atomic
def suggestion_apply(
    *, judgment_set: ExpertJudgment, pair: tuple[int, int], value: Any, actor: Any
) -> ExpertJudgment:
    """Set the judgment of ``pair`` (child a, child b: "a is value times as important as b") and save."""
    a, b = int(pair[0]), int(pair[1])
    entries = [entry for entry in judgment_set.judgments if {entry[0], entry[1]} != {a, b}]
    entries.append([a, b, value_text(value)])
    return judgments_save(
        node=judgment_set.node,
        expert_name=judgment_set.expert_name,
        expert_weight=judgment_set.expert_weight,
        judgments=entries,
        actor=actor,
        judgment_set=judgment_set,
    )


@transaction.atomic
def adopted_weights_save(*, node: Node, weights: Mapping[int, float], actor: Any) -> Node:
    """Adopt local weights for ``node``'s children: fractions summing to 1 (e.g. from a published study)."""
    _check_can_edit(actor, node.framework)
    children = _children(node)
    by_pk = {child.pk: child for child in children}
    given = {int(pk): value for pk, value in weights.items()}
    if set(given) != set(by_pk):
        raise ValidationError(_("Give one weight for each child, and only for the children."))
    try:
        parse_hierarchy(
            {
                "name": node.name,
                "children": [child.name for child in children],
                "weights": {by_pk[pk].name: float(value) for pk, value in given.items()},
            }
        )
    except InputError as error:
        raise ValidationError(_("Adopted weights: %(problem)s") % {"problem": error.problem}) from None
    before = {child.name: child.adopted_weight for child in children}
    for pk, value in given.items():
        by_pk[pk].adopted_weight = float(value)
        by_pk[pk].save(update_fields=["adopted_weight"])
    node.weight_mode = Node.WeightMode.ADOPTED
    node.save(update_fields=["weight_mode"])
    after = {child.name: child.adopted_weight for child in children}
    record(
        actor=actor,
        action="node.adopted_weights",
        obj=node,
        changes=diff(before, after),
        **_program_scope(node.framework),
    )
    return node


__all__ = [
    "FrameworkLocked",
    "adopted_weights_save",
    "framework_create_from_template",
    "framework_delete",
    "framework_new_version",
    "framework_update",
    "judgments_delete",
    "judgments_save",
    "node_add",
    "node_delete",
    "node_move",
    "node_rename",
    "node_update_indicator",
    "node_update_weighting",
    "suggestion_apply",
]

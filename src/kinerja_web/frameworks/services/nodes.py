"""Nodes of a framework: add, rename, move, remove; indicators' unit, direction and source; weighting."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, ProtectedError
from django.utils.translation import gettext as _

from kinerja_web.audit.services import diff, record, snapshot, stored_snapshot
from kinerja_web.frameworks.models import Framework, Node
from kinerja_web.frameworks.services._base import (
    check_can_edit,
    program_scope,
)


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
    check_can_edit(actor, framework)
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
        **program_scope(framework),
    )
    return node


@transaction.atomic
def node_rename(*, node: Node, name: str, actor: Any, description: str | None = None) -> Node:
    check_can_edit(actor, node.framework)
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
        **program_scope(node.framework),
    )
    return node


@transaction.atomic
def node_move(*, node: Node, actor: Any, offset: int = 0, new_parent: Node | None = None) -> Node:
    """Move ``node`` ``offset`` places among its siblings (-1: up), or under ``new_parent`` (last).

    Moving to another parent drops the judgments that compared the node with its old siblings
    and its adopted weight.
    """
    framework = node.framework
    check_can_edit(actor, framework)
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
    record(actor=actor, action="node.move", obj=node, changes=changes, **program_scope(framework))
    return node


@transaction.atomic
def node_delete(*, node: Node, actor: Any) -> None:
    """Remove a node with everything under it; its parent's judgments of it go too."""
    framework = node.framework
    check_can_edit(actor, framework)
    if node.parent_id is None:
        raise ValidationError(_("The goal cannot be removed."))
    parent = node.parent
    record(
        actor=actor,
        action="node.delete",
        obj=node,
        changes={"name": node.name, "parent": parent.name, "descendants": _count_below(node)},
        **program_scope(framework),
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
    check_can_edit(actor, node.framework)
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
        **program_scope(node.framework),
    )
    return node


@transaction.atomic
def node_update_weighting(
    *, node: Node, actor: Any, weight_mode: str, aggregation: str | None = None
) -> Node:
    """Weight the children by judgments or adopted weights; how several experts are aggregated."""
    check_can_edit(actor, node.framework)
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
        **program_scope(node.framework),
    )
    return node

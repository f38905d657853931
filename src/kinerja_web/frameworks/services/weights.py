"""Weights: experts' judgments (checked by the core), suggestions applied, adopted weights."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.ahp import parse_hierarchy
from kinerja.errors import InputError
from kinerja_web.audit import undo
from kinerja_web.audit.models import Undo
from kinerja_web.audit.services import diff, record, snapshot, stored_snapshot
from kinerja_web.core_messages import core_message
from kinerja_web.frameworks.judgments import parse_judgments, value_text
from kinerja_web.frameworks.models import ExpertJudgment, Node
from kinerja_web.frameworks.services._base import (
    FrameworkLocked,
    check_can_edit,
    program_scope,
    user_or_none,
)


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
    check_can_edit(actor, node.framework)
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
    judgment_set.updated_by = user_or_none(actor)
    judgment_set.full_clean()
    judgment_set.save()
    record(
        actor=actor,
        action=action,
        obj=judgment_set,
        changes={"node": node.name, **diff(before, snapshot(judgment_set, fields))},
        **program_scope(node.framework),
    )
    return judgment_set


@transaction.atomic
def judgments_delete(*, judgment_set: ExpertJudgment, actor: Any) -> Undo:
    """Remove one expert's judgments of a node (its weights then come from the other experts);
    undoable for a while (``audit.undo``, :func:`judgments_restore_guard`)."""
    node = judgment_set.node
    check_can_edit(actor, node.framework)
    return undo.delete(
        actor=actor,
        obj=judgment_set,
        kind="judgments",
        label=f"{node.name}: {judgment_set.expert_name}",
        action="judgments.delete",
        changes={"node": node.name, "expert_name": judgment_set.expert_name},
        **program_scope(node.framework),
    )


def judgments_restore_guard(*, actor: Any, undo: Undo, objects: list[Any]) -> None:
    """Before an undo of removed judgments: the framework may still be edited, no expert of the
    same name judges the node now, and the node still has the children the judgments compare."""
    judgment_set = objects[0]
    node = Node.objects.select_related("framework__program").filter(pk=judgment_set.node_id).first()
    if node is None:
        raise ValidationError(_("Its node was deleted since: the judgments cannot be restored."))
    try:
        check_can_edit(actor, node.framework)
    except FrameworkLocked as error:
        raise ValidationError(str(error)) from None
    if node.judgment_sets.filter(expert_name=judgment_set.expert_name).exists():
        raise ValidationError(
            _(
                "An expert named “%(expert)s” has judged “%(node)s” since: restoring would give the "
                "node two sets by that name. Rename or remove that expert first."
            )
            % {"expert": judgment_set.expert_name, "node": node.name}
        )
    compared = {int(pk) for entry in judgment_set.judgments for pk in entry[:2]}
    if compared != set(node.children.values_list("pk", flat=True)):
        raise ValidationError(
            _(
                "The criteria under “%(node)s” changed since: these judgments no longer compare "
                "them, so they are not restored."
            )
            % {"node": node.name}
        )


@transaction.atomic
def suggestion_apply(
    *, judgment_set: ExpertJudgment, pair: tuple[int, int], value: Any, actor: Any
) -> ExpertJudgment:
    """Set the judgment of ``pair`` (child a, child b: "a is value times as important as b") and save."""
    return suggestions_apply(judgment_set=judgment_set, changes=[(pair[0], pair[1], value)], actor=actor)


def suggestions_apply(
    *, judgment_set: ExpertJudgment, changes: Sequence[tuple[int, int, Any]], actor: Any
) -> ExpertJudgment:
    """Set several judgments at once (a set of changes the core found) and save them as one change.

    Each change is ``(child a, child b, value)``: "a is value times as important as b". The
    whole set is checked and saved by :func:`judgments_save` (one transaction, one audit entry).
    """
    if not changes:
        raise ValidationError(_("No change to apply."))
    entries = list(judgment_set.judgments)
    for a, b, value in changes:
        a, b = int(a), int(b)
        entries = [entry for entry in entries if {entry[0], entry[1]} != {a, b}]
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
    check_can_edit(actor, node.framework)
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
        raise ValidationError(core_message(error)) from None  # the sum to 100 %: the core's rule
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
        **program_scope(node.framework),
    )
    return node

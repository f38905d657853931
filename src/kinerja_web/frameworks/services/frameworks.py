"""Frameworks: create from a template, new versions (deep copies), settings, deletion."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja_web import access
from kinerja_web.audit.services import diff, record, snapshot, stored_snapshot
from kinerja_web.frameworks import paper
from kinerja_web.frameworks.models import ExpertJudgment, Framework, Node
from kinerja_web.frameworks.selectors import (
    can_edit_framework,
    editable_programs,
    framework_in_use,
    framework_is_locked,
)
from kinerja_web.frameworks.services._base import (
    AHP_SETTINGS,
    COPIED_NODE_FIELDS,
    FRAMEWORK_FIELDS,
    check_can_edit,
    user_or_none,
)
from kinerja_web.programs.models import Program


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
        source_settings = {key: getattr(template, key) for key in AHP_SETTINGS}
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
        created_by=user_or_none(actor),
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


@transaction.atomic
def framework_new_version(*, framework: Framework, actor: Any) -> Framework:
    """An editable copy: nodes and judgments copied, ``previous`` = ``framework``, the next version number.

    Every version of the lineage is locked first, so two requests at once never pick the same
    number. When an editable version made from ``framework`` exists already (the other request
    of a double click, or two people at once), that one is returned, marked ``already_made``,
    instead of a second copy: the caller edits the version the first request made.
    """
    access.require(can_edit_framework(actor, framework))
    # Wait for the lock on every version of the lineage, then read them again in a new statement:
    # on PostgreSQL (read committed) the locking statement does not see a version the other
    # request inserted while we waited; the next statement does.
    list(Framework.objects.select_for_update().filter(lineage=framework.lineage).order_by("pk").values("pk"))
    lineage = list(Framework.objects.filter(lineage=framework.lineage).order_by("pk"))
    made = [f for f in lineage if f.previous_id == framework.pk and not framework_is_locked(f)]
    if made:
        copy = max(made, key=lambda f: f.version)
        copy.already_made = True
        return copy
    top = max((f.version for f in lineage), default=framework.version)
    copy = Framework.objects.create(
        program=framework.program,
        name=framework.name,
        description=framework.description,
        size_class=framework.size_class,
        version=max(top, framework.version) + 1,
        previous=framework,
        lineage=framework.lineage,
        is_template=framework.is_template,
        **{key: getattr(framework, key) for key in AHP_SETTINGS},
        created_by=user_or_none(actor),
    )
    _copy_tree(framework, copy)
    record(
        actor=actor,
        action="framework.new_version",
        obj=copy,
        changes={"previous": framework.pk, "version": [framework.version, copy.version]},
    )
    copy.already_made = False
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
    """Change the name, description, size class or AHP settings (method, RI table, CR limit, λmax formula)."""
    check_can_edit(actor, framework)
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
    check_can_edit(actor, framework)
    if framework_in_use(framework):
        raise ValidationError(_("Scorecards use this framework: it cannot be deleted."))
    record(
        actor=actor,
        action="framework.delete",
        obj=framework,
        changes=snapshot(framework, ("name", "version")),
    )
    framework.delete()

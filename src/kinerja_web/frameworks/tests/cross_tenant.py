"""Pages of frameworks for the cross-tenant test (kinerja_web/tests/cross_tenant.py).

Frameworks belong to a program: every page of another program's framework, node or expert
answers 404 (403 for a user who edits no framework at all).
"""

from django.urls import reverse

from kinerja_web.frameworks import paper
from kinerja_web.frameworks.tests.factories import micro_framework
from kinerja_web.tests.cross_tenant import CrossTenantCase


def _framework(name):
    return lambda program: reverse(name, args=[micro_framework(program).pk])


def _node(name, node_name=paper.SDM):
    return lambda program: reverse(name, args=[micro_framework(program).nodes.get(name=node_name).pk])


def _judgments(name):
    def build(program):
        sdm = micro_framework(program).nodes.get(name=paper.SDM)
        return reverse(name, args=[sdm.judgment_sets.first().pk])

    return build


POST_ONLY = 405

CASES = [
    CrossTenantCase(
        "frameworks:create", "program", lambda p: reverse("frameworks:create") + f"?program={p.pk}"
    ),
    CrossTenantCase("frameworks:detail", "program", _framework("frameworks:detail")),
    CrossTenantCase("frameworks:edit", "program", _framework("frameworks:edit")),
    CrossTenantCase(
        "frameworks:edit", "program", _framework("frameworks:edit"), method="post", data={"name": "Taken"}
    ),
    CrossTenantCase(
        "frameworks:new_version",
        "program",
        _framework("frameworks:new_version"),
        method="post",
        control_status=POST_ONLY,
    ),
    CrossTenantCase("frameworks:delete", "program", _framework("frameworks:delete")),
    CrossTenantCase("frameworks:delete", "program", _framework("frameworks:delete"), method="post"),
    CrossTenantCase("frameworks:weights", "program", _framework("frameworks:weights")),
    CrossTenantCase("frameworks:sensitivity", "program", _framework("frameworks:sensitivity")),
    CrossTenantCase("frameworks:node", "program", _node("frameworks:node")),
    CrossTenantCase(
        "frameworks:node_add",
        "program",
        _node("frameworks:node_add"),
        method="post",
        data={"name": "Disiplin", "kind": "indicator", "direction": "higher", "actual_source": "manual"},
        control_status=POST_ONLY,
    ),
    CrossTenantCase(
        "frameworks:node_rename",
        "program",
        _node("frameworks:node_rename"),
        method="post",
        data={"name": "Taken"},
        control_status=POST_ONLY,
    ),
    CrossTenantCase(
        "frameworks:node_move",
        "program",
        _node("frameworks:node_move"),
        method="post",
        data={"direction": "down"},
        control_status=POST_ONLY,
    ),
    CrossTenantCase(
        "frameworks:node_delete",
        "program",
        _node("frameworks:node_delete"),
        method="post",
        data={"confirm": "1"},
        control_status=POST_ONLY,
    ),
    CrossTenantCase(
        "frameworks:indicator",
        "program",
        _node("frameworks:indicator", "Kehadiran"),
        method="post",
        data={"unit": "x", "direction": "lower", "actual_source": "manual"},
        control_status=POST_ONLY,
    ),
    CrossTenantCase("frameworks:ahp", "program", _node("frameworks:ahp")),
    CrossTenantCase(
        "frameworks:ahp",
        "program",
        _node("frameworks:ahp"),
        method="post",
        data={"weight_mode": "adopted", "aggregation": "priorities"},
    ),
    CrossTenantCase("frameworks:adopted", "program", _node("frameworks:adopted")),
    CrossTenantCase(
        "frameworks:adopted", "program", _node("frameworks:adopted"), method="post", data={"weight_1": "100"}
    ),
    CrossTenantCase("frameworks:judgments_new", "program", _node("frameworks:judgments_new")),
    CrossTenantCase(
        "frameworks:judgments_new",
        "program",
        _node("frameworks:judgments_new"),
        method="post",
        data={"mode": "matrix", "expert_name": "Intruder", "expert_weight": "1"},
    ),
    CrossTenantCase(
        "frameworks:judgments_preview",
        "program",
        _node("frameworks:judgments_preview"),
        method="post",
        data={"mode": "matrix", "expert_name": "Intruder", "expert_weight": "1"},
        control_status=POST_ONLY,
    ),
    CrossTenantCase("frameworks:judgments_edit", "program", _judgments("frameworks:judgments_edit")),
    CrossTenantCase(
        "frameworks:judgments_edit",
        "program",
        _judgments("frameworks:judgments_edit"),
        method="post",
        data={"mode": "matrix", "expert_name": "Intruder", "expert_weight": "1"},
    ),
    CrossTenantCase("frameworks:judgments_delete", "program", _judgments("frameworks:judgments_delete")),
    CrossTenantCase(
        "frameworks:judgments_delete", "program", _judgments("frameworks:judgments_delete"), method="post"
    ),
    CrossTenantCase(
        "frameworks:suggestion_apply",
        "program",
        _judgments("frameworks:suggestion_apply"),
        method="post",
        data={"a": "1", "b": "2", "value": "1"},
        control_status=POST_ONLY,
    ),
]

# POST-only actions (their forms are on the pages above) and the live preview (htmx).
NOT_LINKED = {
    "frameworks:new_version",
    "frameworks:node_add",
    "frameworks:node_rename",
    "frameworks:node_move",
    "frameworks:node_delete",
    "frameworks:indicator",
    "frameworks:judgments_preview",
    "frameworks:judgments_delete",
    "frameworks:suggestion_apply",
}

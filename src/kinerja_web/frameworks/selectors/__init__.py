"""Reads of frameworks: who sees which, and the weights, all computed by ``kinerja.ahp``.

What other apps call:

- ``framework_indicators(framework)``: the indicators in display order with their perspective
  and global weight in percent (summing to 100); raises :class:`FrameworkNotWeighted` (with
  the nodes at fault) while some node has no weights yet.
- ``framework_weights(framework)``: everything about the weights of every node, never raises:
  local and global weights, each node's :class:`NodeAnalysis`, the problems.
- ``framework_is_locked(framework)``: used by a closed period, so never changed again.
- ``visible_frameworks(user)`` / ``get_framework_for(user, pk)``: access, from ``kinerja_web.access``.

A node's children are weighted by its experts' judgments (``kinerja.ahp.group_priorities``,
which for one expert is that expert's own analysis), by adopted weights, or trivially (one
child). Global weights come from ``kinerja.ahp.evaluate_hierarchy`` (hierarchic composition).
Two queries per framework: the nodes and the judgment sets. Modules: ``visibility`` (access and
locking), ``weights`` (the analyses); everything is re-exported here.
"""

from kinerja_web.frameworks.selectors.visibility import (
    can_edit_framework,
    editable_programs,
    framework_for_size_class,
    framework_in_use,
    framework_is_locked,
    framework_list,
    framework_versions,
    get_framework_for,
    get_judgment_set_for,
    get_node_for,
    latest_version,
    templates_for,
    visible_frameworks,
)
from kinerja_web.frameworks.selectors.weights import (
    CONSENSUS_LABELS,
    Consistency,
    ExpertRow,
    FrameworkNotWeighted,
    FrameworkWeights,
    IndicatorWeight,
    JudgmentsPreview,
    NodeAnalysis,
    StabilityRow,
    SuggestionRow,
    SuggestionSetRow,
    WeightProblem,
    corresponding_node,
    framework_indicators,
    framework_sensitivity,
    framework_weights,
    inconsistent_nodes,
    judgments_preview,
    node_analysis,
)

__all__ = [
    "CONSENSUS_LABELS",
    "Consistency",
    "ExpertRow",
    "FrameworkNotWeighted",
    "FrameworkWeights",
    "IndicatorWeight",
    "JudgmentsPreview",
    "NodeAnalysis",
    "StabilityRow",
    "SuggestionRow",
    "SuggestionSetRow",
    "WeightProblem",
    "can_edit_framework",
    "corresponding_node",
    "editable_programs",
    "framework_for_size_class",
    "framework_in_use",
    "framework_indicators",
    "framework_is_locked",
    "framework_list",
    "framework_sensitivity",
    "framework_versions",
    "framework_weights",
    "get_framework_for",
    "get_judgment_set_for",
    "get_node_for",
    "inconsistent_nodes",
    "judgments_preview",
    "latest_version",
    "node_analysis",
    "templates_for",
    "visible_frameworks",
]

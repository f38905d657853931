"""AHP: pairwise comparisons, priorities, consistency, and many matrices at once.

``parse_comparison`` turns raw input into a validated :class:`Comparison`; ``analyse``
gives its weights, lambda_max, CI, CR (five random-index tables, a fixed or Saaty's
small-matrix threshold, the GCI for the geometric method), suggested revisions and the
smallest sets of changes that make it consistent; ``batch_priorities`` computes
thousands of complete matrices together with the same results. ``group_priorities``
aggregates several experts (AIJ or AIP) with Goepel's consensus; ``evaluate_hierarchy``
weights a KPI tree of any depth and ``kinerja.ahp.sensitivity.sensitivity`` shows how far
each local weight may move before the order of the top indicators changes (the function is
not re-exported here, where its name would hide the module).
"""

from kinerja.ahp.batch import BatchResult, batch_priorities
from kinerja.ahp.consistency import (
    THRESHOLD_RULES,
    gci_threshold,
    geometric_consistency_index,
    parse_custom_ri,
)
from kinerja.ahp.group import (
    Expert,
    ExpertResult,
    GroupResult,
    consensus_indicator,
    group_priorities,
    parse_group,
)
from kinerja.ahp.hierarchy import (
    HierarchyNode,
    HierarchyResult,
    NodeResult,
    evaluate_hierarchy,
    parse_hierarchy,
)
from kinerja.ahp.parse import SAATY_VALUES, Comparison, comparison_from_weights, parse_comparison, parse_value
from kinerja.ahp.priorities import (
    LAMBDA_FORMULAS,
    METHODS,
    RI_TABLES,
    AhpResult,
    Suggestion,
    SuggestionSet,
    analyse,
    priority_vector,
    random_index,
)
from kinerja.ahp.sensitivity import WeightStability

__all__ = [
    "LAMBDA_FORMULAS",
    "METHODS",
    "RI_TABLES",
    "SAATY_VALUES",
    "THRESHOLD_RULES",
    "AhpResult",
    "BatchResult",
    "Comparison",
    "Expert",
    "ExpertResult",
    "GroupResult",
    "HierarchyNode",
    "HierarchyResult",
    "NodeResult",
    "Suggestion",
    "SuggestionSet",
    "WeightStability",
    "analyse",
    "batch_priorities",
    "comparison_from_weights",
    "consensus_indicator",
    "evaluate_hierarchy",
    "gci_threshold",
    "geometric_consistency_index",
    "group_priorities",
    "parse_comparison",
    "parse_custom_ri",
    "parse_group",
    "parse_hierarchy",
    "parse_value",
    "priority_vector",
    "random_index",
]

"""AHP: pairwise comparisons, priorities, consistency, and many matrices at once.

``parse_comparison`` turns raw input into a validated :class:`Comparison`; ``analyse``
gives its weights, lambda_max, CI, CR and suggested revisions; ``batch_priorities`` computes
thousands of complete matrices together with the same results.
"""

from kinerja.ahp.batch import BatchResult, batch_priorities
from kinerja.ahp.consistency import gci_threshold, geometric_consistency_index
from kinerja.ahp.parse import SAATY_VALUES, Comparison, comparison_from_weights, parse_comparison, parse_value
from kinerja.ahp.priorities import (
    METHODS,
    RI_TABLES,
    AhpResult,
    Suggestion,
    analyse,
    priority_vector,
    random_index,
)

__all__ = [
    "METHODS",
    "RI_TABLES",
    "SAATY_VALUES",
    "AhpResult",
    "BatchResult",
    "Comparison",
    "Suggestion",
    "analyse",
    "batch_priorities",
    "comparison_from_weights",
    "gci_threshold",
    "geometric_consistency_index",
    "parse_comparison",
    "parse_value",
    "priority_vector",
    "random_index",
]

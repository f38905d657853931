"""Writes of frameworks: one function per action, under transaction.atomic, with its audit entry.

Every function takes keyword arguments, checks that ``actor`` may change the framework
(``selectors.can_edit_framework``) and refuses to change a framework used by a closed period
(:class:`FrameworkLocked`; ``framework_new_version`` makes the editable copy). Bad input is a
``ValidationError`` (judgments: :class:`~kinerja_web.frameworks.judgments.JudgmentError`,
naming the pair), checked by the core where the core has the rule.

Modules: ``frameworks`` (create, version, settings, delete), ``nodes`` (the tree and
indicators), ``weights`` (judgments, suggestions, adopted weights); all re-exported here.
"""

from kinerja_web.frameworks.services._base import FrameworkLocked
from kinerja_web.frameworks.services.frameworks import (
    framework_create_from_template,
    framework_delete,
    framework_new_version,
    framework_update,
)
from kinerja_web.frameworks.services.nodes import (
    node_add,
    node_delete,
    node_move,
    node_rename,
    node_update_indicator,
    node_update_weighting,
)
from kinerja_web.frameworks.services.weights import (
    adopted_weights_save,
    judgments_delete,
    judgments_save,
    suggestion_apply,
    suggestions_apply,
)

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
    "suggestions_apply",
]

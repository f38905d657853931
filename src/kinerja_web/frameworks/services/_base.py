"""What every framework service shares: the lock, the permission check, the audit scope."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from kinerja_web import access
from kinerja_web.frameworks.models import Framework
from kinerja_web.frameworks.selectors import (
    can_edit_framework,
    framework_is_locked,
)

FRAMEWORK_FIELDS = (
    "name",
    "description",
    "size_class",
    "method",
    "ri_table",
    "threshold",
    "threshold_rule",
    "lambda_formula",
    "custom_ri",
)
#: The AHP settings a copy (new version, framework from a stored template) takes over.
AHP_SETTINGS = ("method", "ri_table", "threshold", "threshold_rule", "lambda_formula", "custom_ri")
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


def check_can_edit(actor: Any, framework: Framework) -> None:
    access.require(can_edit_framework(actor, framework))
    if framework_is_locked(framework):
        raise FrameworkLocked(framework)


def program_scope(framework: Framework) -> dict[str, Any]:
    return {"program": framework.program}


def user_or_none(actor: Any) -> Any:
    return actor if actor is not None and getattr(actor, "is_authenticated", False) else None

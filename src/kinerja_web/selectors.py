"""Site-wide reads: what the home page shows each user."""

from __future__ import annotations

from typing import Any

from kinerja_web import access


def home_for(user: Any) -> dict[str, Any]:
    """The user's programs, the clusters they manage or belong to, and (up to 50) enterprises."""
    enterprises = access.visible_enterprises(user).select_related("cluster")
    return {
        "roles": access.roles_of(user),
        "programs": access.visible_programs(user),
        "clusters": access.visible_clusters(user).select_related("program"),
        "enterprises": enterprises[:50],
        "enterprise_count": enterprises.count(),
        "can_see_audit": access.can_see_audit(user),
    }

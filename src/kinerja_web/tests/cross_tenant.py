"""The cross-tenant harness: for every page and download, another tenant's data answers 404/403.

Each app lists its pages in ``kinerja_web/<app>/tests/cross_tenant.py``::

    from django.urls import reverse
    from kinerja_web.tests.cross_tenant import CrossTenantCase

    CASES = [
        CrossTenantCase("records:enterprise", "enterprise",
                        lambda enterprise: reverse("records:enterprise", args=[enterprise.pk])),
        CrossTenantCase("records:attendance_add", "enterprise",
                        lambda e: reverse("records:attendance_add", args=[e.pk]),
                        method="post", data={"date": "03/04/2025"}),
    ]
    # Pages the link crawler need not reach (POST-only actions, pages reached only by redirect):
    NOT_LINKED = {"records:attendance_delete"}

``build(target)`` gets the *victim's* object for the case's ``scope`` and returns the URL;
it may create what the URL needs (a period of that enterprise...) with the factories. Scopes:

- ``"enterprise"``: target is an Enterprise. Intruders: the owner of another enterprise in the
  same cluster's program, the facilitator of another cluster, the administrator of another program.
- ``"cluster"``: target is a Cluster (intruders: an owner and a facilitator of another
  cluster, another program's administrator).
- ``"program"``: target is a Program (intruders: everyone of another program).
- ``"user"``: target is a user of another program (intruder: an administrator elsewhere).

``kinerja_web/tests/test_cross_tenant.py`` runs every case for every intruder: the answer must
be 403 or 404 and no audit row may appear; as a control, the program's administrator gets a
GET page (200) from the same URL, so a wrong URL cannot pass silently.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kinerja_web.tests import factories as f

#: Apps whose cases live in ``kinerja_web.<app>.tests.cross_tenant``.
APPS = ("accounts", "programs", "audit", "frameworks", "records", "performance", "competency")
#: URL namespaces of those apps (the performance app also serves ``dashboards``).
NAMESPACES = (*APPS, "dashboards")
SCOPES = ("enterprise", "cluster", "program", "user")


@dataclass(frozen=True)
class CrossTenantCase:
    name: str
    scope: str
    build: Callable[[Any], str]
    method: str = "get"
    data: dict[str, Any] = field(default_factory=dict)
    #: GET status the target's program administrator gets (the control); None skips the control.
    control_status: int | None = 200

    def __post_init__(self) -> None:
        if self.scope not in SCOPES:
            raise ValueError(f"{self.name}: scope must be one of {SCOPES}, not {self.scope!r}")


@dataclass
class World:
    """Program A (clusters A1, A2) and program B (cluster B1); one enterprise per cluster.

    ``owner_a1`` owns ``enterprise_a1``; ``facilitator_a1`` facilitates ``cluster_a1``; ``admin_a``
    administers program A; likewise for A2 and B1.
    """

    program_a: Any
    program_b: Any
    cluster_a1: Any
    cluster_a2: Any
    cluster_b1: Any
    enterprise_a1: Any
    enterprise_a2: Any
    enterprise_b1: Any
    admin_a: Any
    admin_b: Any
    facilitator_a1: Any
    facilitator_a2: Any
    facilitator_b1: Any
    owner_a1: Any
    owner_a2: Any
    owner_b1: Any

    def admin_of(self, target: Any, scope: str) -> Any:
        """The administrator of the program ``target`` belongs to (the control user)."""
        program = {
            "enterprise": lambda t: t.cluster.program,
            "cluster": lambda t: t.program,
            "program": lambda t: t,
            "user": lambda t: self.program_b,
        }[scope](target)
        return self.admin_a if program.pk == self.program_a.pk else self.admin_b


def build_world() -> World:
    program_a, program_b = f.ProgramFactory(name="Program A"), f.ProgramFactory(name="Program B")
    cluster_a1 = f.ClusterFactory(program=program_a, name="A1")
    cluster_a2 = f.ClusterFactory(program=program_a, name="A2")
    cluster_b1 = f.ClusterFactory(program=program_b, name="B1")
    enterprise_a1 = f.EnterpriseFactory(cluster=cluster_a1, name="Enterprise A1")
    enterprise_a2 = f.EnterpriseFactory(cluster=cluster_a2, name="Enterprise A2")
    enterprise_b1 = f.EnterpriseFactory(cluster=cluster_b1, name="Enterprise B1")
    for enterprise in (enterprise_a1, enterprise_a2, enterprise_b1):
        f.WorkerFactory(enterprise=enterprise)
    return World(
        program_a=program_a,
        program_b=program_b,
        cluster_a1=cluster_a1,
        cluster_a2=cluster_a2,
        cluster_b1=cluster_b1,
        enterprise_a1=enterprise_a1,
        enterprise_a2=enterprise_a2,
        enterprise_b1=enterprise_b1,
        admin_a=f.program_admin(program_a, "admin_a"),
        admin_b=f.program_admin(program_b, "admin_b"),
        facilitator_a1=f.facilitator(cluster_a1, "facilitator_a1"),
        facilitator_a2=f.facilitator(cluster_a2, "facilitator_a2"),
        facilitator_b1=f.facilitator(cluster_b1, "facilitator_b1"),
        owner_a1=f.owner(enterprise_a1, "owner_a1"),
        owner_a2=f.owner(enterprise_a2, "owner_a2"),
        owner_b1=f.owner(enterprise_b1, "owner_b1"),
    )


#: (intruder, target) attribute names of World, per scope.
INTRUSIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "enterprise": (
        ("owner_a1", "enterprise_a2"),
        ("facilitator_a1", "enterprise_a2"),
        ("admin_a", "enterprise_b1"),
        ("owner_a1", "enterprise_b1"),
    ),
    "cluster": (
        ("owner_a1", "cluster_a2"),
        ("facilitator_a1", "cluster_a2"),
        ("admin_a", "cluster_b1"),
    ),
    "program": (
        ("owner_a1", "program_b"),
        ("facilitator_a1", "program_b"),
        ("admin_a", "program_b"),
    ),
    "user": (("admin_a", "owner_b1"), ("admin_a", "facilitator_b1")),
}


def _app_module(app: str) -> Any | None:
    name = f"kinerja_web.{app}.tests.cross_tenant"
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name == name:
            return None
        raise


def collect_cases() -> list[CrossTenantCase]:
    """Every app's ``CASES``."""
    cases = []
    for app in APPS:
        module = _app_module(app)
        if module is not None:
            cases.extend(getattr(module, "CASES", ()))
    return cases


def not_linked() -> set[str]:
    """URL names the link crawler need not reach: every app's ``NOT_LINKED``."""
    names: set[str] = set()
    for app in APPS:
        module = _app_module(app)
        if module is not None:
            names |= set(getattr(module, "NOT_LINKED", ()))
    return names


def parameters() -> list[tuple[CrossTenantCase, str, str]]:
    """(case, intruder, target) for pytest.mark.parametrize."""
    return [
        (case, intruder, target) for case in collect_cases() for intruder, target in INTRUSIONS[case.scope]
    ]

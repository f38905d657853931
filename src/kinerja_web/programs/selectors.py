"""Reads of programs, clusters, enterprises and workers, always through ``kinerja_web.access``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import get_language

from kinerja import sizing
from kinerja.errors import InputError
from kinerja_web import access
from kinerja_web.core_messages import core_message
from kinerja_web.programs.models import Cluster, Enterprise, Program


@dataclass(frozen=True)
class SizeUnderLaw:
    """One law's size class of an enterprise, ready to show."""

    law: str
    law_title: str
    class_: str
    label: str
    basis: str
    result: sizing.SizeClass | None = None
    problem: str = ""


def enterprise_size(enterprise: Enterprise, *, workers: int | None = None) -> list[SizeUnderLaw]:
    """The size class of ``enterprise`` under Law 20/2008 and under PP 7/2021, each with its basis.

    Computed by ``kinerja.sizing.classify`` (the thresholds live there only), in the active language.
    """
    locale = "id" if (get_language() or "id").startswith("id") else "en"
    rows = []
    for law in sizing.LAWS:
        title = sizing.LAW_TITLES[law][1 if locale == "id" else 0]
        try:
            result = sizing.classify(
                net_assets=enterprise.net_assets,
                annual_sales=enterprise.annual_sales,
                capital=enterprise.business_capital if law == sizing.PP7_2021 else None,
                law=law,
                workers=workers,
            )
        except InputError as error:
            rows.append(SizeUnderLaw(law, title, "", "", "", problem=core_message(error)))
            continue
        basis = result.basis_id if locale == "id" else result.basis
        label = sizing.class_label(result.class_, locale)
        rows.append(SizeUnderLaw(law, title, result.class_, label, basis, result))
    return rows


def program_list(user: Any) -> QuerySet[Program]:
    """The user's programs with their numbers of clusters."""
    return access.visible_programs(user).annotate(cluster_count=Count("clusters", distinct=True))


def program_clusters(user: Any, program: Program) -> QuerySet[Cluster]:
    """The clusters of ``program`` the user may open, with the number of enterprises they see."""
    visible = access.visible_enterprises(user)
    return (
        access.visible_clusters(user)
        .filter(program=program)
        .annotate(enterprise_count=Count("enterprises", filter=Q(enterprises__in=visible), distinct=True))
    )


def cluster_enterprises(user: Any, cluster: Cluster) -> QuerySet[Enterprise]:
    return access.visible_enterprises(user).filter(cluster=cluster).select_related("owner")


def enterprise_search(user: Any, *, cluster: Cluster | None = None, query: str = "") -> QuerySet[Enterprise]:
    """Enterprises the user sees, optionally in one cluster, matching ``query`` by name or NIB."""
    enterprises = access.visible_enterprises(user).select_related("cluster__program", "owner")
    if cluster is not None:
        enterprises = enterprises.filter(cluster=cluster)
    query = query.strip()
    if query:
        enterprises = enterprises.filter(Q(name__icontains=query) | Q(nib__startswith=query))
    return enterprises.order_by("name", "pk")


def enterprise_workers(enterprise: Enterprise) -> QuerySet:
    """Workers of an enterprise the caller already got through ``access.get_enterprise_for``."""
    return enterprise.workers.all()

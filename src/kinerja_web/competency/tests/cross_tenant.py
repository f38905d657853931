"""Every competency page and download, for the cross-tenant test (kinerja_web/tests/cross_tenant.py).

Each part of the app appends its cases below (``CASES += [...]``). ``build`` makes what the URL
needs in the victim's program with the factories: a round of the victim's cluster with a rating
for each of its workers, a study drawn from the victim's cluster.
"""

from __future__ import annotations

from django.urls import reverse

from kinerja_web.competency.models import AssessmentRound, Rating, RequiredLevel, Study
from kinerja_web.competency.tests import factories as cf
from kinerja_web.tests.cross_tenant import CrossTenantCase

CASES: list[CrossTenantCase] = []
# Pages the link crawler need not reach (POST-only actions, pages reached only by redirect):
NOT_LINKED: set[str] = set()


# --- gaps and studies --------------------------------------------------------------------------

GAP_ROUND = "Asesmen lintas penyewa"


def gap_round(cluster) -> AssessmentRound:
    """A round of ``cluster`` with one item required at 3 and a rating of 2 for each worker."""
    found = AssessmentRound.objects.filter(cluster=cluster, name=GAP_ROUND).first()
    if found is not None:
        return found
    framework = cf.CompetencyFrameworkFactory(program=cluster.program)
    item = cf.ItemFactory(framework=framework, area=cf.AreaFactory(framework=framework))
    rnd = cf.AssessmentRoundFactory(
        program=cluster.program, cluster=cluster, framework=framework, name=GAP_ROUND
    )
    for enterprise in cluster.enterprises.all():
        for worker in enterprise.workers.select_related("role"):
            if worker.role is not None:
                RequiredLevel.objects.get_or_create(
                    framework=framework, role=worker.role, item=item, defaults={"level": 3}
                )
            Rating.objects.create(
                round=rnd, enterprise=enterprise, worker=worker, item=item, source="self", level=2
            )
    return rnd


def _gap_enterprise(enterprise) -> str:
    return reverse("competency:gaps_enterprise", args=[gap_round(enterprise.cluster).pk, enterprise.pk])


def _gap_person(enterprise) -> str:
    worker = enterprise.workers.first()
    return reverse("competency:gaps_person", args=[gap_round(enterprise.cluster).pk, worker.pk])


def _study(cluster) -> Study:
    study, _ = Study.objects.get_or_create(
        program=cluster.program,
        name=f"Studi {cluster.name}",
        defaults={"criteria": [{"kind": "cluster", "clusters": [cluster.pk]}], "funnel": []},
    )
    study.enterprises.set(cluster.enterprises.all())
    return study


CASES += [
    CrossTenantCase(
        "competency:gaps_round", "cluster", lambda c: reverse("competency:gaps_round", args=[gap_round(c).pk])
    ),
    CrossTenantCase(
        "competency:gaps_cluster",
        "cluster",
        lambda c: reverse("competency:gaps_cluster", args=[gap_round(c).pk, c.pk]),
    ),
    CrossTenantCase("competency:gaps_enterprise", "enterprise", _gap_enterprise),
    CrossTenantCase("competency:gaps_person", "enterprise", _gap_person),
    CrossTenantCase(
        "competency:gaps_enterprise_rounds",
        "enterprise",
        lambda e: reverse("competency:gaps_enterprise_rounds", args=[e.pk]),
    ),
    CrossTenantCase(
        "competency:study_create", "program", lambda p: reverse("competency:study_create", args=[p.pk])
    ),
    CrossTenantCase(
        "competency:study_create",
        "program",
        lambda p: reverse("competency:study_create", args=[p.pk]),
        method="post",
        data={"name": "Sampel", "size_law": "uu20-2008", "years_min": "0"},
    ),
    CrossTenantCase(
        "competency:study_detail",
        "cluster",
        lambda c: reverse("competency:study_detail", args=[_study(c).pk]),
    ),
    CrossTenantCase(
        "competency:study_csv", "cluster", lambda c: reverse("competency:study_csv", args=[_study(c).pk])
    ),
]

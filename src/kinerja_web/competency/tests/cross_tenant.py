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


# --- frameworks, required levels, worker roles -------------------------------------------------

FRAMEWORK = "Kerangka lintas penyewa"


def _framework(program):
    """A framework of ``program`` with one area, one item (five anchors) and a worker role."""
    found = program.competency_frameworks.filter(name=FRAMEWORK).first()
    if found is not None:
        return found
    framework = cf.CompetencyFrameworkFactory(program=program, name=FRAMEWORK)
    cf.ItemFactory(area=cf.AreaFactory(framework=framework), code="X1")
    cf.WorkerRoleFactory(program=program, code="sales", name="penjualan")
    return framework


def _area(program):
    return _framework(program).areas.get()


def _item(program):
    return _framework(program).items.get()


def _role(program):
    _framework(program)
    return program.worker_roles.get(code="sales")


def _framework_case(name, of, method="get", data=None, control_status=200):
    return CrossTenantCase(
        f"competency:{name}",
        "program",
        lambda p: reverse(f"competency:{name}", args=[of(p).pk]),
        method=method,
        data=data or {},
        control_status=control_status,
    )


CASES += [
    CrossTenantCase(
        "competency:framework_create",
        "program",
        lambda p: reverse("competency:framework_create") + f"?program={p.pk}",
    ),
    _framework_case("framework_detail", _framework),
    _framework_case("framework_edit", _framework),
    _framework_case("framework_edit", _framework, "post", {"name": "Diambil", "language": "id"}),
    _framework_case("framework_delete", _framework),
    _framework_case("framework_delete", _framework, "post"),
    _framework_case("framework_new_version", _framework, "post", control_status=None),
    _framework_case("required_levels", _framework),
    _framework_case("required_levels", _framework, "post", {"level-1-1": "5"}),
    _framework_case("area_add", _framework),
    _framework_case("area_add", _framework, "post", {"name": "Diambil"}),
    _framework_case("area_edit", _area),
    _framework_case("area_edit", _area, "post", {"name": "Diambil"}),
    _framework_case("area_move", _area, "post", {"direction": "down"}, control_status=None),
    _framework_case("area_delete", _area),
    _framework_case("area_delete", _area, "post"),
    _framework_case("item_add", _area),
    _framework_case("item_add", _area, "post", {"code": "Z9", "name": "Diambil", "kind": "skill"}),
    _framework_case("item_detail", _item),
    _framework_case("item_edit", _item),
    _framework_case("item_anchors", _item),
    _framework_case("item_anchors", _item, "post", {f"level_{n}": "x" for n in range(1, 6)}),
    _framework_case("item_skkni", _item),
    _framework_case("item_skkni", _item, "post", {"skkni_code": "X"}),
    _framework_case("item_move", _item, "post", {"direction": "up"}, control_status=None),
    _framework_case("item_delete", _item),
    _framework_case("item_delete", _item, "post"),
    CrossTenantCase("competency:roles", "program", lambda p: reverse("competency:roles", args=[p.pk])),
    CrossTenantCase(
        "competency:roles",
        "program",
        lambda p: reverse("competency:roles", args=[p.pk]),
        method="post",
        data={"name": "Diambil"},
    ),
    _framework_case("role_edit", _role),
    _framework_case("role_edit", _role, "post", {"name": "Diambil"}),
    _framework_case("role_move", _role, "post", {"direction": "up"}, control_status=None),
    _framework_case("role_delete", _role),
    _framework_case("role_delete", _role, "post"),
]
NOT_LINKED |= {
    "competency:framework_new_version",
    "competency:area_move",
    "competency:item_move",
    "competency:role_move",
}


# --- assessment rounds, ratings, worker links, evidence ----------------------------------------

ROUND = "Asesmen lintas penyewa (putaran)"


def _round(cluster) -> AssessmentRound:
    """An open round of ``cluster`` with one anchored item."""
    found = AssessmentRound.objects.filter(cluster=cluster, name=ROUND).first()
    if found is not None:
        return found
    framework = cf.CompetencyFrameworkFactory(program=cluster.program)
    cf.ItemFactory(area=cf.AreaFactory(framework=framework), code="R1")
    return cf.AssessmentRoundFactory(
        program=cluster.program, cluster=cluster, framework=framework, name=ROUND
    )


def _in_round(name, *extra):
    """The URL ``name`` of the victim enterprise in its cluster's round (plus ``extra(enterprise)``)."""

    def build(enterprise):
        args = [_round(enterprise.cluster).pk, enterprise.pk, *(get(enterprise) for get in extra)]
        return reverse(f"competency:{name}", args=args)

    return build


def _worker_pk(enterprise):
    return enterprise.workers.first().pk


def _link_pk(enterprise):
    rnd = _round(enterprise.cluster)
    link = rnd.worker_links.filter(enterprise=enterprise).first()
    if link is None:
        link = cf.WorkerLinkFactory(round=rnd, worker=enterprise.workers.first(), enterprise=enterprise)
    return link.pk


def _evidence_pk(enterprise):
    """An evidence row of the enterprise (no file is written: the check comes before the file)."""
    from kinerja_web.competency.models import Evidence

    rnd = _round(enterprise.cluster)
    evidence, _ = Evidence.objects.get_or_create(
        round=rnd,
        enterprise=enterprise,
        original_name="bukti.pdf",
        defaults={"file": "competency/none/bukti.pdf", "content_type": "application/pdf", "size": 10},
    )
    return evidence.pk


def _other_token(enterprise):
    """A link of the victim's worker exists, but this address carries another token: 404."""
    _link_pk(enterprise)
    return reverse("competency:worker_link", args=["another-token-" + "x" * 30])


CASES += [
    CrossTenantCase(
        "competency:round_detail",
        "cluster",
        lambda c: reverse("competency:round_detail", args=[_round(c).pk]),
    ),
    CrossTenantCase(
        "competency:round_close", "cluster", lambda c: reverse("competency:round_close", args=[_round(c).pk])
    ),
    CrossTenantCase(
        "competency:round_close",
        "cluster",
        lambda c: reverse("competency:round_close", args=[_round(c).pk]),
        method="post",
    ),
    CrossTenantCase(
        "competency:round_create", "program", lambda p: reverse("competency:round_create", args=[p.pk])
    ),
    CrossTenantCase(
        "competency:round_create",
        "program",
        lambda p: reverse("competency:round_create", args=[p.pk]),
        method="post",
        data={"name": "Diambil", "starts_on": "01/07/2026", "ends_on": "31/08/2026", "combine": "median"},
    ),
    CrossTenantCase(
        "competency:enterprise_rounds",
        "enterprise",
        lambda e: reverse("competency:enterprise_rounds", args=[e.pk]),
    ),
    CrossTenantCase("competency:round_enterprise", "enterprise", _in_round("round_enterprise")),
    CrossTenantCase("competency:rate_worker", "enterprise", _in_round("rate_worker", _worker_pk)),
    CrossTenantCase(
        "competency:rate_worker",
        "enterprise",
        _in_round("rate_worker", _worker_pk),
        method="post",
        data={"method": "observation"},
    ),
    CrossTenantCase("competency:link_create", "enterprise", _in_round("link_create")),
    CrossTenantCase(
        "competency:link_create", "enterprise", _in_round("link_create"), method="post", data={"days": "14"}
    ),
    CrossTenantCase(
        "competency:link_revoke",
        "enterprise",
        _in_round("link_revoke", _link_pk),
        method="post",
        control_status=None,
    ),
    CrossTenantCase("competency:evidence_upload", "enterprise", _in_round("evidence_upload")),
    CrossTenantCase(
        "competency:evidence_upload",
        "enterprise",
        _in_round("evidence_upload"),
        method="post",
        data={"description": "x"},
    ),
    # The file itself is not written here (no MEDIA_ROOT of the test): the control would get 404.
    CrossTenantCase(
        "competency:evidence_file",
        "enterprise",
        lambda e: reverse("competency:evidence_file", args=[_evidence_pk(e)]),
        control_status=None,
    ),
    CrossTenantCase(
        "competency:evidence_delete",
        "enterprise",
        lambda e: reverse("competency:evidence_delete", args=[_evidence_pk(e)]),
        method="post",
        control_status=None,
    ),
    # The worker's page needs no login: another token than the link's answers 404 to everyone.
    CrossTenantCase("competency:worker_link", "enterprise", _other_token, control_status=404),
    CrossTenantCase("competency:worker_link", "enterprise", _other_token, method="post", control_status=404),
]
NOT_LINKED |= {
    "competency:link_revoke",
    "competency:evidence_delete",
    "competency:evidence_file",
    "competency:worker_link",
}


# --- development strategy, plans, cohort plans, monitoring -----------------------------------

STRATEGY = "Strategi lintas penyewa"


def _strategy_framework(program):
    """A framework of ``program`` with two levers addressing its one area and one expert's judgments."""
    from kinerja_web.competency.models import CompetencyFramework

    found = CompetencyFramework.objects.filter(program=program, name=STRATEGY).first()
    if found is not None:
        return found
    framework = cf.CompetencyFrameworkFactory(program=program, name=STRATEGY)
    area = cf.AreaFactory(framework=framework, name="Manajemen")
    cf.ItemFactory(framework=framework, area=area, code="S1")
    cf.LeverFactory(framework=framework, code="training", name="Pelatihan", areas=[area])
    cf.LeverFactory(framework=framework, code="capital", name="Modal", areas=[area])
    cf.LeverJudgmentFactory(
        framework=framework, expert_name="Pakar", judgments=[["training", "capital", "3"]]
    )
    return framework


def _strategy_judgment(program):
    return _strategy_framework(program).lever_judgments.get()


def _strategy_round(cluster) -> AssessmentRound:
    """A closed round of ``cluster`` on the strategy framework with a gap for each worker."""
    name = f"{STRATEGY} (putaran)"
    found = AssessmentRound.objects.filter(cluster=cluster, name=name).first()
    if found is not None:
        return found
    framework = _strategy_framework(cluster.program)
    item = framework.items.get()
    rnd = cf.AssessmentRoundFactory(program=cluster.program, cluster=cluster, framework=framework, name=name)
    for enterprise in cluster.enterprises.all():
        for worker in enterprise.workers.select_related("role"):
            if worker.role is not None:
                RequiredLevel.objects.get_or_create(
                    framework=framework, role=worker.role, item=item, defaults={"level": 4}
                )
            Rating.objects.create(
                round=rnd, enterprise=enterprise, worker=worker, item=item, source="owner", level=2
            )
    AssessmentRound.objects.filter(pk=rnd.pk).update(status=AssessmentRound.Status.CLOSED)
    rnd.refresh_from_db()
    return rnd


def _plan(enterprise):
    from kinerja_web.competency.models import DevelopmentPlan

    plan, created = DevelopmentPlan.objects.get_or_create(
        enterprise=enterprise, round=_strategy_round(enterprise.cluster)
    )
    if created:
        cf.PlanActionFactory(plan=plan, title="Pelatihan pembukuan")
    return plan


def _action(enterprise):
    return _plan(enterprise).actions.first()


def _strategy_case(name, of, scope="program", method="get", data=None, control_status=200):
    return CrossTenantCase(
        f"competency:{name}",
        scope,
        lambda target: reverse(f"competency:{name}", args=[of(target).pk]),
        method=method,
        data=data or {},
        control_status=control_status,
    )


POST_ONLY = 405

CASES += [
    _strategy_case("strategy", _strategy_framework),
    _strategy_case("strategy", _strategy_framework, method="post", data={}),
    _strategy_case("lever_judgments_new", _strategy_framework),
    _strategy_case(
        "lever_judgments_new", _strategy_framework, method="post", data={"expert_name": "Diambil"}
    ),
    _strategy_case(
        "lever_judgments_preview", _strategy_framework, method="post", data={}, control_status=POST_ONLY
    ),
    _strategy_case("lever_judgments", _strategy_judgment),
    _strategy_case("lever_judgments", _strategy_judgment, method="post", data={"expert_name": "Diambil"}),
    _strategy_case("lever_judgments_delete", _strategy_judgment, method="post", control_status=POST_ONLY),
    CrossTenantCase(
        "competency:enterprise_plans",
        "enterprise",
        lambda e: reverse("competency:enterprise_plans", args=[e.pk]),
    ),
    CrossTenantCase(
        "competency:enterprise_plans",
        "enterprise",
        lambda e: reverse("competency:enterprise_plans", args=[e.pk]),
        method="post",
        data={"round": "1"},
    ),
    _strategy_case("plan", _plan, "enterprise"),
    _strategy_case("plan_regenerate", _plan, "enterprise", method="post", control_status=POST_ONLY),
    _strategy_case("action", _action, "enterprise"),
    _strategy_case(
        "action", _action, "enterprise", method="post", data={"title": "Diambil", "status": "planned"}
    ),
    # No file is written here (no MEDIA_ROOT of the test): the control would get 404.
    _strategy_case("action_evidence", _action, "enterprise", control_status=None),
    CrossTenantCase(
        "competency:cohort",
        "cluster",
        lambda c: reverse("competency:cohort", args=[_strategy_round(c).pk, c.pk]),
    ),
    CrossTenantCase(
        "competency:monitoring_enterprise",
        "enterprise",
        lambda e: reverse("competency:monitoring_enterprise", args=[e.pk]),
    ),
    CrossTenantCase(
        "competency:monitoring_cluster",
        "cluster",
        lambda c: reverse("competency:monitoring_cluster", args=[c.pk]),
    ),
]
NOT_LINKED |= {
    "competency:lever_judgments_preview",
    "competency:lever_judgments_delete",
    "competency:plan_regenerate",
    "competency:action_evidence",
}

"""Every page and download of performance, for the cross-tenant test (kinerja_web/tests/cross_tenant.py).

``build`` makes what the URL needs in the victim's program: the KPI paper's framework, a period
and (where the page shows one) the enterprise's scorecard with Table 1's targets.
"""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from kinerja_web.performance.models import Period, Proposal, Scorecard
from kinerja_web.performance.tests import paper
from kinerja_web.performance.tests.dashboard_cross_tenant import CASES as DASHBOARD_CASES
from kinerja_web.tests.cross_tenant import CrossTenantCase


def _framework(program):
    return program.frameworks.filter(name="KPI UMKM menengah").first() or paper.paper_framework(program)


def _period(program, *, closed: bool = False) -> Period:
    name, start, end = paper.MONTH_QUARTERS[2]
    if closed:
        name, start, end = "Kuartal tertutup", datetime.date(2020, 1, 1), datetime.date(2020, 3, 31)
    period, _ = Period.objects.get_or_create(
        program=program,
        name=name,
        defaults={
            "kind": Period.Kind.CUSTOM,
            "start": start,
            "end": end,
            "closed_at": timezone.now() if closed else None,
        },
    )
    return period


def _scorecard(enterprise) -> Scorecard:
    program = enterprise.cluster.program
    period = _period(program)
    found = Scorecard.objects.filter(enterprise=enterprise, period=period).first()
    return found or paper.table1_scorecard(enterprise, period, _framework(program))


def _enterprise_period(name: str, **kwargs):
    def build(enterprise):
        scorecard = _scorecard(enterprise)
        return reverse(f"performance:{name}", args=[enterprise.pk, scorecard.period_id])

    return CrossTenantCase(f"performance:{name}", "enterprise", build, **kwargs)


def _open_period_without_scorecard(enterprise):
    program = enterprise.cluster.program
    _framework(program)
    period, _ = Period.objects.get_or_create(
        program=program,
        name="Triwulan kosong",
        defaults={
            "kind": Period.Kind.QUARTER,
            "start": datetime.date(2026, 1, 1),
            "end": datetime.date(2026, 3, 31),
        },
    )
    return reverse("performance:scorecard_start", args=[enterprise.pk, period.pk])


def _proposal(decision: str):
    def build(enterprise):
        scorecard = _scorecard(enterprise)
        proposal = Proposal.objects.filter(enterprise=enterprise, status=Proposal.Status.PENDING).first()
        if proposal is None:
            node = scorecard.framework.nodes.filter(kind="indicator").first()
            proposal = Proposal.objects.create(
                enterprise=enterprise,
                period=scorecard.period,
                rows=[{"node": node.pk, "target": "1", "manual_realization": None}],
                proposed_by=enterprise.owner,
            )
        return reverse(f"performance:proposal_{decision}", args=[enterprise.pk, proposal.pk])

    return CrossTenantCase(
        f"performance:proposal_{decision}", "enterprise", build, method="post", control_status=None
    )


def _indicator_detail(enterprise):
    scorecard = _scorecard(enterprise)
    node = scorecard.framework.nodes.filter(kind="indicator").order_by("pk").first()
    return reverse("performance:indicator_detail", args=[enterprise.pk, scorecard.period_id, node.pk])


CASES = [
    CrossTenantCase(
        "performance:period_create", "program", lambda p: reverse("performance:period_create", args=[p.pk])
    ),
    CrossTenantCase(
        "performance:period_create",
        "program",
        lambda p: reverse("performance:period_create", args=[p.pk]),
        method="post",
        data={"kind": "quarter", "year": "2026", "quarter": "2"},
    ),
    CrossTenantCase(
        "performance:period_detail",
        "program",
        lambda p: reverse("performance:period_detail", args=[_period(p).pk]),
    ),
    CrossTenantCase(
        "performance:period_close",
        "program",
        lambda p: reverse("performance:period_close", args=[_period(p).pk]),
    ),
    CrossTenantCase(
        "performance:period_close",
        "program",
        lambda p: reverse("performance:period_close", args=[_period(p).pk]),
        method="post",
    ),
    CrossTenantCase(
        "performance:period_reopen",
        "program",
        lambda p: reverse("performance:period_reopen", args=[_period(p, closed=True).pk]),
        method="post",
        control_status=None,
    ),
    CrossTenantCase(
        "performance:enterprise_scorecards",
        "enterprise",
        lambda e: reverse("performance:enterprise_scorecards", args=[e.pk]),
    ),
    _enterprise_period("scorecard"),
    _enterprise_period("targets"),
    _enterprise_period("targets", method="post", data={}),
    _enterprise_period("scorecard_csv"),
    CrossTenantCase(
        "performance:scorecard_start",
        "enterprise",
        _open_period_without_scorecard,
        method="post",
        data={},
        control_status=None,
    ),
    _enterprise_period("scorecard_approve", method="post", data={}, control_status=None),
    _enterprise_period("scorecard_acknowledge", method="post", data={"comment": "x"}, control_status=None),
    _proposal("accept"),
    _proposal("reject"),
    CrossTenantCase("performance:indicator_detail", "enterprise", _indicator_detail),
    CrossTenantCase(
        "performance:indicator_detail",
        "enterprise",
        _indicator_detail,
        method="post",
        data={"not_applicable": "on", "version": "1"},
        control_status=None,
    ),
    CrossTenantCase(
        "performance:comparison",
        "enterprise",
        lambda e: (_scorecard(e), reverse("performance:comparison", args=[e.pk]))[1],
    ),
    CrossTenantCase(
        "performance:comparison_csv",
        "enterprise",
        lambda e: (_scorecard(e), reverse("performance:comparison_csv", args=[e.pk]))[1],
    ),
]

CASES += DASHBOARD_CASES

#: POST-only actions: reopening a period, starting a scorecard, the review, deciding a proposal.
NOT_LINKED = {
    "performance:period_reopen",
    "performance:scorecard_start",
    "performance:scorecard_approve",
    "performance:scorecard_acknowledge",
    "performance:proposal_accept",
    "performance:proposal_reject",
}

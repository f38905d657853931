"""The dashboards' pages and downloads for the cross-tenant test (kinerja_web/tests/cross_tenant.py).

``performance/tests/cross_tenant.py`` (the app's list) adds these ``CASES``; until it does,
``test_dashboards.py`` runs them through the same checks itself.
"""

from django.urls import reverse

from kinerja_web.performance.tests.dashboard_fixtures import closed_quarters, result
from kinerja_web.tests.cross_tenant import CrossTenantCase


def _with_results(program):
    """Give the victim's program two closed quarters with results, so the control sees real figures."""
    previous, latest = closed_quarters(program)
    for cluster in program.clusters.all():
        for index, enterprise in enumerate(cluster.enterprises.all()):
            if not enterprise.scorecard_results.exists():
                result(enterprise, previous, 80.0 - index)
                result(enterprise, latest, 70.0 + index)
    return latest


def _program(name):
    def build(program):
        latest = _with_results(program)
        return f"{reverse(name, args=[program.pk])}?period={latest.pk}"

    return build


def _cluster(name):
    def build(cluster):
        latest = _with_results(cluster.program)
        return f"{reverse(name, args=[cluster.pk])}?period={latest.pk}"

    return build


CASES = [
    CrossTenantCase("dashboards:program", "program", _program("dashboards:program")),
    CrossTenantCase("dashboards:program_csv", "program", _program("dashboards:program_csv")),
    CrossTenantCase("dashboards:cluster", "cluster", _cluster("dashboards:cluster")),
    CrossTenantCase("dashboards:cluster_csv", "cluster", _cluster("dashboards:cluster_csv")),
]

"""Pages of programs for the cross-tenant test (kinerja_web/tests/cross_tenant.py)."""

from django.urls import reverse

from kinerja_web.tests.cross_tenant import CrossTenantCase


def _url(name, *args):
    return lambda target: reverse(name, args=[getattr(target, "pk", target) for target in args] or [])


def _worker_url(name):
    return lambda enterprise: reverse(name, args=[enterprise.pk, enterprise.workers.first().pk])


CASES = [
    CrossTenantCase(
        "programs:program_detail", "program", lambda p: reverse("programs:program_detail", args=[p.pk])
    ),
    CrossTenantCase(
        "programs:program_edit", "program", lambda p: reverse("programs:program_edit", args=[p.pk])
    ),
    CrossTenantCase(
        "programs:program_edit",
        "program",
        lambda p: reverse("programs:program_edit", args=[p.pk]),
        method="post",
        data={"name": "Taken over"},
    ),
    CrossTenantCase(
        "programs:program_bands", "program", lambda p: reverse("programs:program_bands", args=[p.pk])
    ),
    CrossTenantCase(
        "programs:program_bands",
        "program",
        lambda p: reverse("programs:program_bands", args=[p.pk]),
        method="post",
        data={
            "bands-TOTAL_FORMS": "1",
            "bands-INITIAL_FORMS": "0",
            "bands-0-min": "0",
            "bands-0-code": "all",
            "bands-0-label_id": "Semua",
            "bands-0-label_en": "All",
        },
    ),
    CrossTenantCase(
        "programs:program_bands",
        "program",
        lambda p: reverse("programs:program_bands", args=[p.pk]),
        method="post",
        data={"action": "reset"},
    ),
    CrossTenantCase(
        "programs:cluster_create", "program", lambda p: reverse("programs:cluster_create", args=[p.pk])
    ),
    CrossTenantCase(
        "programs:cluster_create",
        "program",
        lambda p: reverse("programs:cluster_create", args=[p.pk]),
        method="post",
        data={"name": "Intruders", "kind": "sub_district"},
    ),
    CrossTenantCase(
        "programs:cluster_detail", "cluster", lambda c: reverse("programs:cluster_detail", args=[c.pk])
    ),
    CrossTenantCase(
        "programs:cluster_edit", "cluster", lambda c: reverse("programs:cluster_edit", args=[c.pk])
    ),
    CrossTenantCase(
        "programs:cluster_edit",
        "cluster",
        lambda c: reverse("programs:cluster_edit", args=[c.pk]),
        method="post",
        data={"name": "Renamed", "kind": "sub_district"},
    ),
    CrossTenantCase(
        "programs:enterprise_detail",
        "enterprise",
        lambda e: reverse("programs:enterprise_detail", args=[e.pk]),
    ),
    CrossTenantCase(
        "programs:enterprise_edit", "enterprise", lambda e: reverse("programs:enterprise_edit", args=[e.pk])
    ),
    CrossTenantCase(
        "programs:enterprise_edit",
        "enterprise",
        lambda e: reverse("programs:enterprise_edit", args=[e.pk]),
        method="post",
        data={"name": "Taken over", "nib": "1111111111111", "net_assets": "1", "annual_sales": "1"},
    ),
    CrossTenantCase(
        "programs:worker_create", "enterprise", lambda e: reverse("programs:worker_create", args=[e.pk])
    ),
    CrossTenantCase(
        "programs:worker_create",
        "enterprise",
        lambda e: reverse("programs:worker_create", args=[e.pk]),
        method="post",
        data={"name": "Spy", "start_date": "03/04/2025"},
    ),
    CrossTenantCase("programs:worker_edit", "enterprise", _worker_url("programs:worker_edit")),
    CrossTenantCase(
        "programs:worker_edit",
        "enterprise",
        _worker_url("programs:worker_edit"),
        method="post",
        data={"name": "Renamed", "start_date": "03/04/2025"},
    ),
    CrossTenantCase("programs:worker_delete", "enterprise", _worker_url("programs:worker_delete")),
    CrossTenantCase(
        "programs:worker_delete", "enterprise", _worker_url("programs:worker_delete"), method="post"
    ),
    CrossTenantCase(
        "programs:enterprise_years", "enterprise", lambda e: reverse("programs:enterprise_years", args=[e.pk])
    ),
    CrossTenantCase(
        "programs:enterprise_years",
        "enterprise",
        lambda e: reverse("programs:enterprise_years", args=[e.pk]),
        method="post",
        data={"year": "2026", "annual_sales": "1000"},
    ),
    CrossTenantCase(
        "programs:enterprise_year_delete",
        "enterprise",
        lambda e: reverse("programs:enterprise_year_delete", args=[e.pk, _year(e).pk]),
        method="post",
        control_status=405,
    ),
]

NOT_LINKED = {"programs:worker_delete", "programs:enterprise_year_delete"}


def _year(enterprise):
    """A yearly figure of ``enterprise`` (made for the case: the world's enterprises have none)."""
    from kinerja_web.programs.models import EnterpriseYear

    return EnterpriseYear.objects.get_or_create(
        enterprise=enterprise, year=2025, defaults={"annual_sales": 1}
    )[0]

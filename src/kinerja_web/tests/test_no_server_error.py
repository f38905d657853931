"""Inputs that used to answer 500 (issue 8, item 3): each gets a clear message or a 404, nothing written.

The test client re-raises a view's exception, so a 500 fails these tests with its traceback.
"""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kinerja_web.audit.models import AuditEntry
from kinerja_web.formfields import DATE_MAX, DATE_MIN, RUPIAH_MAX
from kinerja_web.frameworks.models import Framework
from kinerja_web.frameworks.tests.factories import close_period_with, micro_framework
from kinerja_web.performance.models import Period
from kinerja_web.programs.models import Cluster
from kinerja_web.records.models import DailyOperation
from kinerja_web.tests import factories as f

HUGE = "1" * 30  # a 30-digit number: past every database integer


@pytest.fixture
def site(db, client):
    program = f.ProgramFactory(name="Program A")
    cluster = f.ClusterFactory(program=program, name="Wuluhan")
    enterprise = f.EnterpriseFactory(cluster=cluster, name="UD Pramitha")
    f.WorkerFactory(enterprise=enterprise, start_date=datetime.date(2020, 6, 1))
    admin = f.program_admin(program, "admin_a")
    client.cookies["django_language"] = "en"
    client.force_login(admin)
    return program, cluster, enterprise, admin


def _audit_count() -> int:
    return AuditEntry.objects.count()


def test_a_new_cluster_named_like_an_existing_one_is_refused_with_a_message(client, site):
    program, _cluster, _enterprise, _admin = site
    before = _audit_count()
    for name in ("Wuluhan", "wuluhan", " WULUHAN "):
        response = client.post(
            reverse("programs:cluster_create", args=[program.pk]),
            {"name": name, "kind": Cluster.Kind.SUB_DISTRICT, "sub_district": "", "regency": "Jember"},
        )
        assert response.status_code == 200, name
        assert "A cluster of this program is already called" in response.content.decode()
    assert program.clusters.count() == 1 and _audit_count() == before


def test_renaming_a_cluster_to_another_clusters_name_is_refused_with_a_message(client, site):
    program, cluster, _enterprise, _admin = site
    other = f.ClusterFactory(program=program, name="Puger")
    before = _audit_count()
    response = client.post(
        reverse("programs:cluster_edit", args=[other.pk]),
        {"name": "Wuluhan", "kind": Cluster.Kind.SUB_DISTRICT, "sub_district": "", "regency": "Jember"},
    )
    assert response.status_code == 200
    assert "A cluster of this program is already called" in response.content.decode()
    other.refresh_from_db()
    assert other.name == "Puger" and _audit_count() == before
    # Keeping its own name is fine.
    kept = client.post(
        reverse("programs:cluster_edit", args=[cluster.pk]),
        {"name": "Wuluhan", "kind": Cluster.Kind.SUB_DISTRICT, "sub_district": "x", "regency": "Jember"},
    )
    assert kept.status_code == 302


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [("01/01/2026", "31/12/9999", "Last day"), ("01/01/1999", "31/03/2026", "First day")],
)
def test_a_period_outside_the_sane_date_range_is_refused_naming_the_field(client, site, start, end, field):
    program = site[0]
    before = _audit_count()
    response = client.post(
        reverse("performance:period_create", args=[program.pk]),
        {"kind": "custom", "start": start, "end": end, "name": "Forever"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert str(form.fields["start" if field == "First day" else "end"].label) == field
    errors = form.errors["start" if field == "First day" else "end"]
    assert "between 01/01/2000 and 31/12/2100" in " ".join(errors)
    assert not Period.objects.filter(name="Forever").exists() and _audit_count() == before


@pytest.mark.parametrize(
    "day", [datetime.date(1, 1, 1), datetime.date(9999, 12, 31), datetime.date(1999, 12, 31)]
)
@pytest.mark.parametrize("page", ["records:week", "records:day"])
def test_day_and_week_addresses_outside_the_range_are_not_found(client, site, day, page):
    enterprise = site[2]
    url = reverse("records:enterprise", args=[enterprise.pk]) + f"{page.split(':')[1]}/{day.isoformat()}/"
    assert client.get(url).status_code == 404
    assert client.post(url, {}).status_code == 404
    assert not DailyOperation.objects.exists()


def test_the_range_limits_themselves_are_reachable_pages(client, site):
    enterprise = site[2]
    assert client.get(reverse("records:week", args=[enterprise.pk, DATE_MIN])).status_code == 200
    assert client.get(reverse("records:day", args=[enterprise.pk, DATE_MIN])).status_code == 200
    # The last day of the range is in the future: the day page sends the user to today.
    assert client.get(reverse("records:week", args=[enterprise.pk, DATE_MAX])).status_code == 200


@pytest.mark.parametrize("page", ["performance:comparison", "performance:comparison_csv"])
@pytest.mark.parametrize("value", [HUGE, "-" + HUGE, "٣", "1e3", "0x10"])
def test_a_huge_or_odd_period_number_in_the_comparison_address_is_ignored(client, site, page, value):
    enterprise = site[2]
    response = client.get(reverse(page, args=[enterprise.pk]), {"period": value})
    assert response.status_code == 200


def test_a_huge_cluster_number_in_the_people_form_is_a_field_error(client, site):
    program = site[0]
    response = client.post(
        reverse("accounts:person_add", args=[program.pk]),
        {"username": "siti", "role": "facilitator", "clusters": [HUGE]},
    )
    assert response.status_code == 200
    assert "clusters" in response.context["form"].errors
    assert not program.memberships.filter(user__username="siti").exists()


def test_the_enterprise_filter_ignores_a_huge_cluster_number(client, site):
    response = client.get(reverse("programs:enterprise_list"), {"cluster": HUGE})
    assert response.status_code == 200


def _day_post(enterprise, **extra):
    data = {
        "operating_hours": "3,5",
        "rotation_hours": "",
        "sales_rp": "1.250.000",
        "production-TOTAL_FORMS": "1",
        "production-INITIAL_FORMS": "0",
        "production-0-product": "Gula kelapa cetak",
        "production-0-kg": "262,5",
    }
    for worker in enterprise.workers.all():
        data[f"worker_{worker.pk}"] = ""
    data.update(extra)
    return data


def test_a_twenty_digit_rupiah_amount_on_the_day_form_is_a_field_error(client, site):
    enterprise = site[2]
    client.cookies["django_language"] = "id"
    url = reverse("records:day", args=[enterprise.pk, datetime.date(2021, 6, 1)])
    response = client.post(url, _day_post(enterprise, sales_rp="9" * 20))
    assert response.status_code == 200
    errors = response.context["form"].errors["sales_rp"]
    assert any("1.000.000.000.000.000" in error or "999.999.999.999.999" in error for error in errors)
    assert not DailyOperation.objects.exists()
    # The largest amount allowed is stored as typed.
    ok = client.post(url, _day_post(enterprise, sales_rp=f"{RUPIAH_MAX}"))
    assert ok.status_code == 302


def test_new_version_with_a_non_numeric_node_is_not_found_and_makes_no_version(client, site):
    program, _cluster, enterprise, _admin = site
    framework = micro_framework(program)
    close_period_with(framework, enterprise)
    before = _audit_count()
    for node in ("abc", HUGE, "١"):
        response = client.post(reverse("frameworks:new_version", args=[framework.pk]), {"node": node})
        assert response.status_code == 404, node
    assert Framework.objects.filter(program=program).count() == 1 and _audit_count() == before


def test_no_address_takes_an_unbounded_number():
    """Every id in an address goes through ``<id:...>`` (a 30-digit id answers 404, not a 500)."""
    from django.urls import get_resolver
    from django.urls.converters import IntConverter

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern), getattr(pattern.pattern, "converters", {})

    unbounded = [
        route
        for route, converters in walk(get_resolver().url_patterns)
        if any(isinstance(c, IntConverter) for c in converters.values()) and not route.startswith("admin/")
    ]
    assert unbounded == []


def test_a_thirty_digit_id_in_an_address_is_not_found(client, site):
    assert client.get(f"/clusters/{HUGE}/").status_code == 404
    assert client.get(f"/performance/enterprises/{HUGE}/comparison/").status_code == 404


@pytest.mark.parametrize("typed", ["١٢٣", "１２３", "12٣", "۱۲۳"])
def test_digits_other_than_0_to_9_are_refused_by_every_number_field(typed, english):
    from kinerja_web.formfields import (
        DateField,
        LocalizedDecimalField,
        RupiahField,
        WholeNumberField,
        has_other_digits,
    )

    assert has_other_digits(typed)
    for field in (RupiahField(), LocalizedDecimalField(), WholeNumberField()):
        with pytest.raises(ValidationError) as refused:
            field.clean(typed)
        assert "Type the digits 0-9 only." in refused.value.messages
    with pytest.raises(ValidationError):
        DateField().clean(f"{typed}/01/2021")


def test_amounts_past_the_limits_are_refused_with_the_limit_named(english):
    from kinerja_web.formfields import NUMBER_MAX, LocalizedDecimalField, RupiahField

    assert RupiahField().clean(str(RUPIAH_MAX)) == RUPIAH_MAX
    with pytest.raises(ValidationError) as refused:
        RupiahField().clean(str(RUPIAH_MAX + 1))
    assert refused.value.messages == ["Enter at most Rp 999,999,999,999,999."]
    assert LocalizedDecimalField().clean(str(NUMBER_MAX)) == NUMBER_MAX
    with pytest.raises(ValidationError) as refused:
        LocalizedDecimalField().clean("1" * 20)
    assert refused.value.messages == ["Enter a number of at most 999,999,999,999,999."]


def test_parse_id_reads_only_plain_ids():
    from kinerja_web.formfields import ID_MAX, parse_id

    assert parse_id("42") == 42 and parse_id(str(ID_MAX)) == ID_MAX
    for value in (HUGE, str(ID_MAX + 1), "0", "-1", "١", "1e3", "", None, " 4 2"):
        assert parse_id(value) is None, value


def test_a_quantity_of_equipment_past_the_limit_is_a_field_error(client, site):
    enterprise = site[2]
    url = reverse("records:equipment", args=[enterprise.pk])
    response = client.post(url, {"date": "2021-06-01", "item": "Cetakan", "quantity": HUGE, "cost_rp": ""})
    assert response.status_code == 200
    assert "quantity" in response.context["form"].errors


def test_a_worker_may_have_started_before_2000_but_not_in_year_1(client, site):
    enterprise = site[2]
    url = reverse("programs:worker_create", args=[enterprise.pk])
    response = client.get(url)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.fields["start_date"].clean("01/06/1995") == datetime.date(1995, 6, 1)
    with pytest.raises(ValidationError):
        form.fields["start_date"].clean("01/06/0001")


def test_a_huge_program_number_in_the_new_framework_address_is_not_found(client, site):
    assert client.get(reverse("frameworks:create"), {"program": HUGE}).status_code == 404
    assert client.get(reverse("frameworks:create"), {"program": "abc"}).status_code == 404

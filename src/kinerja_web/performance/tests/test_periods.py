"""Periods: created as a quarter, a month or a custom range; the period page lists the enterprises."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from kinerja_web.performance import services
from kinerja_web.performance.models import Period
from kinerja_web.performance.tests import paper
from kinerja_web.tests import factories as f


def _create(client, world, data, language="en"):
    client.force_login(world.admin)
    url = reverse("performance:period_create", args=[world.program.pk])
    client.cookies["django_language"] = language
    return client.post(url, data)


def test_a_quarter_gets_its_days_and_name_from_the_year(client, paper_world):
    response = _create(client, paper_world, {"kind": "quarter", "year": "2026", "quarter": "1"})
    assert response.status_code == 302
    period = Period.objects.get(program=paper_world.program, kind="quarter")
    assert (period.start, period.end, period.name) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 3, 31),
        "Q1 2026",
    )


def test_a_month_gets_its_last_day_right_in_a_leap_year(client, paper_world):
    _create(client, paper_world, {"kind": "month", "year": "2028", "month": "2"})
    period = Period.objects.get(program=paper_world.program, kind="month")
    assert (period.start, period.end) == (datetime.date(2028, 2, 1), datetime.date(2028, 2, 29))


def test_a_custom_range_reads_dates_day_first(client, paper_world):
    data = {"kind": "custom", "start": "20/01/2021", "end": "03/04/2021", "name": "Kuartal bulan 0"}
    assert _create(client, paper_world, data, "id").status_code == 302
    period = Period.objects.get(name="Kuartal bulan 0")
    assert (period.start, period.end) == (datetime.date(2021, 1, 20), datetime.date(2021, 4, 3))


def test_a_custom_range_that_ends_before_it_starts_is_refused(client, paper_world):
    data = {"kind": "custom", "start": "03/04/2021", "end": "20/01/2021", "name": "Terbalik"}
    response = _create(client, paper_world, data)
    assert response.status_code == 200
    assert "The last day must not be before the first day." in response.content.decode()
    assert not Period.objects.filter(name="Terbalik").exists()


def test_period_names_are_unique_in_a_program(paper_world):
    with translation.override("en"), pytest.raises(ValidationError) as error:
        services.period_create(
            actor=paper_world.admin,
            program=paper_world.program,
            name="Kuartal bulan 3",
            kind="custom",
            start=datetime.date(2022, 1, 1),
            end=datetime.date(2022, 2, 1),
        )
    assert "already has a period named" in str(error.value)


def test_owners_and_facilitators_cannot_create_periods(client, paper_world):
    url = reverse("performance:period_create", args=[paper_world.program.pk])
    for user in (paper_world.owner, paper_world.facilitator):
        client.force_login(user)
        assert client.get(url).status_code == 403


def test_period_list_is_in_the_menu_and_links_to_the_periods(client, paper_world):
    client.force_login(paper_world.owner)
    home = client.get("/").content.decode()
    assert reverse("performance:period_list") in home
    html = client.get(reverse("performance:period_list")).content.decode()
    assert reverse("performance:period_detail", args=[paper_world.period.pk]) in html


def test_enterprise_page_links_to_scorecards_and_comparison(client, paper_world):
    client.force_login(paper_world.owner)
    html = client.get(
        reverse("programs:enterprise_detail", args=[paper_world.enterprise.pk])
    ).content.decode()
    assert reverse("performance:enterprise_scorecards", args=[paper_world.enterprise.pk]) in html
    assert reverse("performance:comparison", args=[paper_world.enterprise.pk]) in html


def test_period_detail_shows_each_enterprise_with_total_and_rating(client, paper_world):
    f.EnterpriseFactory(cluster=paper_world.cluster, name="UMKM tanpa kartu")
    client.force_login(paper_world.facilitator)
    with translation.override("id"):
        client.cookies["django_language"] = "id"
        html = client.get(reverse("performance:period_detail", args=[paper_world.period.pk])).content.decode()
    assert "UD Pramitha Salsabila" in html and "94,78" in html and "Sangat Baik" in html
    assert "UMKM tanpa kartu" in html
    assert reverse("performance:period_close", args=[paper_world.period.pk]) in html


def _add_enterprises(world, count, prefix):
    for number in range(count):
        enterprise = f.EnterpriseFactory(cluster=world.cluster, name=f"UMKM {prefix} {number:02d}")
        paper.table1_scorecard(enterprise, world.period, world.framework)


@pytest.mark.parametrize("closed", [False, True])
def test_period_page_queries_do_not_grow_with_the_enterprises(
    client, paper_world, django_assert_max_num_queries, closed
):
    url = reverse("performance:period_detail", args=[paper_world.period.pk])
    client.force_login(paper_world.admin)
    counts = []
    for extra in (1, 18):  # 2, then 20 enterprises
        _add_enterprises(paper_world, extra, prefix=str(extra))
        if closed:
            Period.objects.filter(pk=paper_world.period.pk).update(closed_at=None)
            services.period_close(
                period=Period.objects.get(pk=paper_world.period.pk), closed_by=paper_world.admin
            )
        with django_assert_max_num_queries(40) as captured:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]


def test_a_period_of_another_program_is_not_found_through_ones_own_enterprise(client, paper_world):
    other = paper.period(f.ProgramFactory(name="Program lain"), 0)
    client.force_login(paper_world.owner)
    for name in ("scorecard", "targets", "scorecard_csv"):
        url = reverse(f"performance:{name}", args=[paper_world.enterprise.pk, other.pk])
        assert client.get(url).status_code == 404, name


def test_a_facilitator_sees_only_the_enterprises_of_their_clusters_in_a_period(client, paper_world):
    other_cluster = f.ClusterFactory(program=paper_world.program, name="Tamansari")
    f.EnterpriseFactory(cluster=other_cluster, name="UD Nira Tamansari")
    client.force_login(f.facilitator(other_cluster, "facilitator2"))
    html = client.get(reverse("performance:period_detail", args=[paper_world.period.pk])).content.decode()
    assert "UD Nira Tamansari" in html
    assert "UD Pramitha Salsabila" not in html

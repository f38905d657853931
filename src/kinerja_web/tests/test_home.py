"""The home page: an owner's enterprise at a glance; managers' latest closed period.

Figures are the KPI paper's (Manggala et al. 2022, IOSR-JBM 24(9)): Table 1's scorecard totals
94.78 ("Sangat Baik"); Table 2's first month quarter (HR scores 14.45, 5.336, 6.169, the rest at
100 %) totals 98.83, the second 93.89.
"""

from __future__ import annotations

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja_web.performance import services as performance_services
from kinerja_web.performance.models import Period
from kinerja_web.performance.tests import paper
from kinerja_web.performance.tests.conftest import paper_world  # noqa: F401 (fixture)
from kinerja_web.records.models import Sale
from kinerja_web.tests import factories as f

HOME = "/"


def _home(client, user) -> str:
    client.force_login(user)
    response = client.get(HOME)
    assert response.status_code == 200
    return response.content.decode()


def test_owner_sees_total_rating_and_what_to_improve(client, paper_world):  # noqa: F811
    page = _home(client, paper_world.owner)
    assert "UD Pramitha Salsabila" in page
    assert "94,78" in page and "Sangat Baik" in page
    # Largest lost scores (weight - score): Attendance 1.56, Sales turnover 1.43, non-permanent 0.57
    improve = page[page.index("Yang perlu ditingkatkan") :]
    assert improve.index("Attendance") < improve.index("Sales turnover")
    assert improve.index("Sales turnover") < improve.index("Adjusting the attendance of non-permanent")
    assert "Production of iodized coconut sugar" not in improve.split("</ol>")[0]
    assert "89,6" in improve  # Attendance realized 89.58 %
    for name in ("Catat hari ini", "Kartu skor", "Perbandingan"):
        assert name in page
    assert reverse("records:day_today", args=[paper_world.enterprise.pk]) in page


def test_owner_sees_the_change_against_the_previous_closed_period(client, paper_world):  # noqa: F811
    earlier = paper.period(paper_world.program, 0)
    paper.table2_scorecard(paper_world.enterprise, earlier, paper_world.framework, 0)
    performance_services.period_close(period=earlier, closed_by=paper_world.admin)
    page = _home(client, paper_world.owner)
    assert "94,78" in page  # the open period's live total comes first
    assert "-4,05 poin" in page and "Kuartal bulan 1" in page  # 94.78 - 98.83


def test_without_targets_the_latest_closed_period_is_shown(client, paper_world):  # noqa: F811
    performance_services.period_close(period=paper_world.period, closed_by=paper_world.admin)
    later = paper.period(paper_world.program, 1)  # open, no scorecard yet
    assert later.closed_at is None
    page = _home(client, paper_world.owner)
    assert "94,78" in page and "Kuartal bulan 3" in page and "ditutup" in page


def test_owner_never_sees_another_enterprise(client, paper_world):  # noqa: F811
    neighbour = f.EnterpriseFactory(cluster=paper_world.cluster, name="UD Tetangga")
    neighbour_owner = f.owner(neighbour, "owner2")
    other_period = paper.period(paper_world.program, 0)
    paper.table2_scorecard(neighbour, other_period, paper_world.framework, 0)
    page = _home(client, paper_world.owner)
    assert "UD Tetangga" not in page and "98,83" not in page
    page = _home(client, neighbour_owner)
    assert "UD Pramitha Salsabila" not in page and "94,78" not in page
    assert "98,83" in page


def test_week_nudge_until_today_is_recorded(client, paper_world):  # noqa: F811
    page = _home(client, paper_world.owner)
    assert "Hari ini belum dicatat" in page
    Sale.objects.create(enterprise=paper_world.enterprise, date=datetime.date.today(), amount_rp=10_000)
    page = _home(client, paper_world.owner)
    assert "Hari ini belum dicatat" not in page
    assert "1 dari 7 hari tercatat minggu ini" in page


def test_facilitator_sees_latest_closed_average_and_how_many_fell(client, paper_world):  # noqa: F811
    for quarter in (0, 1):
        period = paper.period(paper_world.program, quarter)
        paper.table2_scorecard(paper_world.enterprise, period, paper_world.framework, quarter)
        performance_services.period_close(period=period, closed_by=paper_world.admin)
    page = _home(client, paper_world.facilitator)
    assert "Kuartal bulan 2" in page and "93,89" in page  # 98.83 -> 93.89: fell
    assert "1 turun" in page
    assert reverse("dashboards:program", args=[paper_world.program.pk]) in page


def _count(client, user) -> int:
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(HOME).status_code == 200
    return len(queries)


def test_home_queries_do_not_grow_with_periods_enterprises_or_records(client, paper_world):  # noqa: F811
    earlier = paper.period(paper_world.program, 0)
    paper.table2_scorecard(paper_world.enterprise, earlier, paper_world.framework, 0)
    performance_services.period_close(period=earlier, closed_by=paper_world.admin)
    owner_before = _count(client, paper_world.owner)
    facilitator_before = _count(client, paper_world.facilitator)

    middle = paper.period(paper_world.program, 1)
    paper.table2_scorecard(paper_world.enterprise, middle, paper_world.framework, 1)
    for number in range(5):
        other = f.EnterpriseFactory(cluster=paper_world.cluster, name=f"UD Lain {number}")
        paper.table2_scorecard(other, middle, paper_world.framework, 0)
        Sale.objects.create(enterprise=other, date=datetime.date.today(), amount_rp=5_000)
    performance_services.period_close(period=middle, closed_by=paper_world.admin)
    for day in range(3):
        Sale.objects.create(
            enterprise=paper_world.enterprise,
            date=datetime.date.today() - datetime.timedelta(days=day),
            amount_rp=1_000,
        )

    assert _count(client, paper_world.owner) == owner_before
    assert _count(client, paper_world.facilitator) == facilitator_before


def test_a_later_closed_period_comes_before_an_older_open_one(client, paper_world):  # noqa: F811
    # Kuartal bulan 3 (October 2021 - January 2022) stays open with its targets in; a later
    # quarter closed with a result is the newest score the owner has, and the home page names it.
    later = Period.objects.create(
        program=paper_world.program,
        name="Triwulan 1 2022",
        start=datetime.date(2022, 2, 1),
        end=datetime.date(2022, 4, 30),
    )
    paper.table2_scorecard(paper_world.enterprise, later, paper_world.framework, 0)
    performance_services.period_close(period=later, closed_by=paper_world.admin)
    assert paper_world.period.closed_at is None
    page = _home(client, paper_world.owner)
    glance = page[page.index('id="glance-title"') : page.index("</section>")]
    assert "98,83" in glance and "94,78" not in glance
    assert "Periode <strong>Triwulan 1 2022</strong>" in glance and "30 April 2022" in glance
    assert "ditutup" in glance


def test_a_newer_open_period_without_a_score_is_pointed_at(client, paper_world):  # noqa: F811
    performance_services.period_close(period=paper_world.period, closed_by=paper_world.admin)
    later = Period.objects.create(
        program=paper_world.program,
        name="Triwulan 1 2022",
        start=datetime.date(2022, 2, 1),
        end=datetime.date(2022, 4, 30),
    )
    page = _home(client, paper_world.owner)
    assert "94,78" in page and "Triwulan 1 2022 terbuka dan belum berskor" in page
    assert reverse("performance:scorecard", args=[paper_world.enterprise.pk, later.pk]) in page

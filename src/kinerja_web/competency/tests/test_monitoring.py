"""Monitoring and evaluation: each area's level change between two rounds beside the KPI total and
turnover of the periods between them, and the actions done; figures checked against values
computed here from the ratings, results and sales, with the number of enterprises behind each."""

from __future__ import annotations

import statistics
from collections import defaultdict

import pytest
from django.urls import reverse

from kinerja_web.competency.models import PlanAction
from kinerja_web.competency.selectors import monitoring as mon
from kinerja_web.competency.services import strategy as services
from kinerja_web.competency.tests import strategy_world as sw
from kinerja_web.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return sw.build()


def area_levels(rows, people) -> dict[str, float]:
    """Mean over (person, item) of the median of the sources, per area, computed by hand."""
    sources = defaultdict(list)
    for person, code, _source, level in rows:
        if person in people:
            sources[(person, code)].append(level)
    area_of = {code: area for code, area, _name in sw.ITEMS}
    by_area = defaultdict(list)
    for (_person, code), levels in sources.items():
        by_area[area_of[code]].append(statistics.median(levels))
    return {area: statistics.fmean(values) for area, values in by_area.items()}


def test_enterprise_figures_against_independent_values(world):
    enterprise = world.enterprises["satu"]
    plan = services.plan_generate(actor=world.owner, enterprise=enterprise, round=world.round1).plan
    done = plan.actions.order_by("position").first()
    services.action_update(
        actor=world.owner, action=done, title=done.title, people=[], status="done", evidence_note="Sertifikat"
    )
    m = mon.monitoring(world.round2, world.round1, [enterprise], world.program.pk)  # given in either order
    assert (m.before, m.after) == (world.round1, world.round2)
    before = area_levels(sw.ROUND1, {"siti", "budi"})
    after = area_levels(sw.ROUND2, {"siti", "budi"})
    rows = {row.area: row for row in m.areas}
    assert set(rows) == set(sw.AREAS)
    for area in sw.AREAS:
        assert rows[area].before == pytest.approx(before[area])
        assert rows[area].after == pytest.approx(after[area])
        assert rows[area].change == pytest.approx(after[area] - before[area])
        assert rows[area].enterprises == 1
    assert rows["Manajemen"].change == pytest.approx(0.75)  # 2.00 -> 2.75
    assert [p.name for p in (m.period_before, m.period_after)] == ["Q4 2025", "Q3 2026"]
    assert (m.kpi.before, m.kpi.after, m.kpi.enterprises) == (70.5, 78.25, 1)
    assert m.kpi.change == pytest.approx(7.75)
    assert (m.turnover.before, m.turnover.after, m.turnover.enterprises) == (40_000_000, 46_000_000, 1)
    assert m.turnover.change_pct == pytest.approx(15.0)
    assert [a.pk for a in m.done] == [done.pk] and len(m.actions) == plan.actions.count()


def test_cluster_figures_count_the_enterprises_behind_each(world):
    m = mon.monitoring(world.round1, world.round2, list(world.lojejer.enterprises.all()), world.program.pk)
    assert m.assessed_both == 2 and m.assessed_before_only == 0 and m.assessed_after_only == 0
    before = area_levels(sw.ROUND1, {"siti", "budi", "ani"})
    after = area_levels(sw.ROUND2, {"siti", "budi", "ani"})
    rows = {row.area: row for row in m.areas}
    for area in sw.AREAS:
        assert rows[area].change == pytest.approx(after[area] - before[area])
    # Manajemen and Produksi and Komunikasi: rated in both enterprises in both rounds.
    assert {area: row.enterprises for area, row in rows.items()} == {
        "Manajemen": 2,
        "Produksi": 2,
        "Komunikasi": 2,
    }
    # KPI: the mean over the two enterprises with closed results in both periods.
    assert m.kpi.enterprises == 2
    assert m.kpi.before == pytest.approx((70.5 + 64.0) / 2) and m.kpi.after == pytest.approx(
        (78.25 + 61.5) / 2
    )
    assert m.kpi.change == pytest.approx(2.625)
    assert (m.turnover.before, m.turnover.after) == (65_000_000, 70_000_000)
    assert m.turnover.change_pct == pytest.approx((70 - 65) / 65 * 100)
    # An enterprise without a result in one period drops out of the KPI figure, not the levels.
    from kinerja_web.performance.models import ScorecardResult

    ScorecardResult.objects.filter(enterprise=world.enterprises["dua"], period=world.periods[0]).delete()
    m = mon.monitoring(world.round1, world.round2, list(world.lojejer.enterprises.all()), world.program.pk)
    assert m.kpi.enterprises == 1 and m.turnover.enterprises == 1 and m.assessed_both == 2


def test_pages_show_the_figures_side_by_side_without_claiming_a_cause(client, world):
    enterprise = world.enterprises["satu"]
    client.force_login(world.owner)
    url = reverse("competency:monitoring_enterprise", args=[enterprise.pk])
    text = client.get(url).content.decode()
    assert "Asesmen awal 2026" in text and "Asesmen ulang 2026" in text
    assert 'class="side-by-side"' in text
    assert "+0,75" in text or "+0.75" in text  # Manajemen
    assert "Rp 40.000.000" in text and "Rp 46.000.000" in text
    # Rounds named in the address; one round twice is refused on the field.
    same = client.get(url, {"before": world.round1.pk, "after": world.round1.pk})
    assert same.status_code == 200 and same.context["m"] is None
    # The owner has one enterprise: the menu entry leads straight to it.
    assert client.get(reverse("competency:monitoring_index")).url == url
    # Another owner: 404; the cluster page is the facilitators'.
    client.force_login(world.owner2)
    assert client.get(url).status_code == 404
    assert client.get(reverse("competency:monitoring_cluster", args=[world.lojejer.pk])).status_code == 404
    client.force_login(world.facilitator)
    cluster = client.get(reverse("competency:monitoring_cluster", args=[world.lojejer.pk]))
    assert cluster.status_code == 200
    text = cluster.content.decode()
    assert "UD Satu" in text and "UD Dua" in text and "UD Tiga" not in text
    assert cluster.context["m"].kpi.enterprises == 2
    client.force_login(f.facilitator(world.ampel, "pendamping_ampel"))
    assert client.get(url).status_code == 404
    assert client.get(reverse("competency:monitoring_cluster", args=[world.lojejer.pk])).status_code == 404


def test_one_round_only_says_a_later_round_shows_the_change(client):
    world = sw.build(kpi_figures=False)
    from kinerja_web.competency.models import Rating

    Rating.objects.filter(round=world.round2).delete()
    client.force_login(world.owner)
    page = client.get(reverse("competency:monitoring_enterprise", args=[world.enterprises["satu"].pk]))
    assert page.status_code == 200 and page.context["m"] is None
    assert not PlanAction.objects.exists()

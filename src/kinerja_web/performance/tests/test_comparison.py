"""The comparison page: an enterprise's periods side by side in the KPI paper's Table 2 layout.

Source: Manggala et al. (2022), IOSR-JBM 24(9), Table 2 and its text: UD Pramitha Salsabila's
turnover rose from Rp 96,309,500 to Rp 147,396,600, reported as 34.66 % (relative to the later
value); the usual growth is 53.04 %.
"""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from kinerja_web.performance.comparison import enterprise_comparison
from kinerja_web.performance.tests import paper
from kinerja_web.records.models import InnovationEntry


@pytest.fixture
def three_quarters(paper_world):
    world = paper_world
    for quarter in (0, 1):
        period = paper.period(world.program, quarter)
        paper.table2_scorecard(world.enterprise, period, world.framework, quarter)
    paper.turnover_records(world.enterprise)
    InnovationEntry.objects.create(
        enterprise=world.enterprise,
        date=datetime.date(2021, 6, 1),
        kind="equipment",
        description="20 cetakan gula kelapa baru",
    )
    return world


def _url(world):
    return reverse("performance:comparison", args=[world.enterprise.pk])


def test_turnover_change_is_shown_on_both_bases_in_indonesian(client, three_quarters):
    client.force_login(three_quarters.owner)
    with translation.override("id"):
        client.cookies["django_language"] = "id"
        html = client.get(_url(three_quarters)).content.decode()
    assert "Rp 96.309.500" in html and "Rp 147.396.600" in html and "Rp 145.200.000" in html
    assert "+53,04 %" in html  # growth (vs previous), the default
    assert "+34,66 %" in html  # relative to the later value, the paper's convention
    assert "Pertumbuhan" in html or "Growth" in html


def test_turnover_change_is_shown_on_both_bases_in_english(client, three_quarters):
    client.force_login(three_quarters.owner)
    client.cookies["django_language"] = "en"
    html = client.get(_url(three_quarters)).content.decode()
    assert "+53.04 %" in html
    assert "+34.66 %" in html
    assert "Growth (vs previous)" in html
    assert "Relative to the later value (the paper's convention)" in html


def test_table2_hr_scores_per_month_quarter(three_quarters):
    comparison = enterprise_comparison(three_quarters.enterprise)
    scores = {s.label: s.values for s in comparison.scores}
    assert scores["Attendance"] == pytest.approx([14.45, 11.39, 13.437], abs=1e-3)
    assert scores["Production time"] == pytest.approx([5.336, 5.475, 5.203125], abs=1e-3)
    assert comparison.turnover.values == (96_309_500, 147_396_600, 145_200_000)
    first_step = comparison.turnover.changes[0]
    assert first_step.previous == pytest.approx(53.04, abs=0.005)
    assert first_step.later == pytest.approx(34.66, abs=0.005)
    assert [s.key for s in comparison.scores if s.key in comparison.hr_keys] == [
        s.key for s in comparison.scores if s.perspective == "Human Resources"
    ]


def test_innovation_events_are_marked_on_the_charts_and_listed(client, three_quarters):
    client.force_login(three_quarters.owner)
    client.cookies["django_language"] = "en"
    html = client.get(_url(three_quarters)).content.decode()
    assert "20 cetakan gula kelapa baru" in html
    assert html.count('<svg class="chart"') == 3
    assert 'class="event"' in html


def test_comparison_csv_has_both_bases(client, three_quarters):
    client.force_login(three_quarters.owner)
    url = reverse("performance:comparison_csv", args=[three_quarters.enterprise.pk])
    client.cookies["django_language"] = "en"
    text = client.get(url).content.decode("utf-8-sig")
    assert "96309500" in text and "147396600" in text
    assert "53.0447" in text and "34.6596" in text  # unrounded: 53.04 % and 34.66 %


def test_comparison_csv_explains_both_bases_in_indonesian(client, three_quarters):
    client.force_login(three_quarters.owner)
    url = reverse("performance:comparison_csv", args=[three_quarters.enterprise.pk])
    text = client.get(url).content.decode("utf-8-sig")
    assert "(baru − lama) / lama × 100: pertumbuhan biasa" in text
    assert "(baru − lama) / baru × 100: cara makalah KPI" in text and "34,66 %, sebagai" in text
    assert "growth relative to" not in text and "the KPI paper's convention" not in text


def test_choosing_two_periods_compares_only_those(client, three_quarters):
    world = three_quarters
    periods = list(world.program.periods.order_by("start"))
    client.force_login(world.owner)
    url = _url(world) + f"?period={periods[1].pk}&period={periods[2].pk}"
    client.cookies["django_language"] = "en"
    html = client.get(url).content.decode()
    assert "Rp 96,309,500" not in html
    assert "-1.49 %" in html  # 147,396,600 -> 145,200,000 growth


def test_one_period_only_shows_no_changes(client, paper_world):
    client.force_login(paper_world.owner)
    client.cookies["django_language"] = "en"
    response = client.get(_url(paper_world))
    assert response.status_code == 200
    assert "Change between consecutive periods" not in response.content.decode()

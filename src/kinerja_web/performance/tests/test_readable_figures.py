"""Figures a reader can interpret, on the comparison page and in the downloads.

Source: Manggala et al. (2022), IOSR-JBM 24(9). Table 2: UD Pramitha Salsabila's attendance scores
14.45, 11.39, 13.40 (a change of -3.06 and +2.01 points, not "-21.2 %" of a score) and turnover
Rp 96,309,500, Rp 147,396,600, Rp 145,200,000 (mean of the steps +25.78 %, compound +22.79 % a
step); Table 1: weights 15, 5.625, 6.5 ... (5.625 % is 0.05625 of the total, a float that
arithmetic turns into 5.624999999999999).
"""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.urls import reverse

from kinerja_web.downloads import cell
from kinerja_web.performance.comparison import enterprise_comparison, spanning_periods
from kinerja_web.performance.models import Period
from kinerja_web.performance.tests import paper


@pytest.fixture
def three_quarters(paper_world):
    world = paper_world
    for quarter in (0, 1):
        paper.table2_scorecard(
            world.enterprise, paper.period(world.program, quarter), world.framework, quarter
        )
    paper.turnover_records(world.enterprise)
    return world


def test_score_changes_are_points_and_turnover_has_mean_and_compound_growth(client, three_quarters):
    comparison = enterprise_comparison(three_quarters.enterprise)
    attendance = next(s for s in comparison.scores if s.label == "Attendance")
    assert attendance.points[0] == pytest.approx(-3.06, abs=1e-3)  # 14.45 -> 11.39 (Table 2)
    turnover = comparison.turnover
    assert round(turnover.average.previous, 2) == 25.78 and round(turnover.compound.previous, 2) == 22.79

    client.force_login(three_quarters.owner)
    client.cookies["django_language"] = "en"
    html = client.get(reverse("performance:comparison", args=[three_quarters.enterprise.pk])).content.decode()
    assert "-3.06 pts" in html and "Compound per step" in html and "+22.79 %" in html
    client.cookies["django_language"] = "id"
    html = client.get(reverse("performance:comparison", args=[three_quarters.enterprise.pk])).content.decode()
    assert "-3,06 poin" in html and "Majemuk per langkah" in html


def test_a_fall_below_minus_100_percent_on_the_papers_base_is_explained(client, paper_world):
    from kinerja_web.records.models import Sale

    world = paper_world
    q2 = paper.period(world.program, 1)
    paper.table2_scorecard(world.enterprise, q2, world.framework, 1)
    Sale.objects.create(enterprise=world.enterprise, date=q2.start, amount_rp=100_000_000)
    Sale.objects.create(enterprise=world.enterprise, date=world.period.start, amount_rp=30_000_000)
    client.force_login(world.owner)
    client.cookies["django_language"] = "en"
    html = client.get(reverse("performance:comparison", args=[world.enterprise.pk])).content.decode()
    assert "-233.33 %" in html and 'id="below-100"' in html and "fell to less than half" in html


def test_a_period_spanning_the_others_is_left_out_by_default(three_quarters):
    world = three_quarters
    study = Period.objects.create(
        program=world.program,
        name="Masa studi",
        kind=Period.Kind.CUSTOM,
        start=datetime.date(2021, 1, 20),
        end=datetime.date(2022, 1, 31),
    )
    paper.table1_scorecard(world.enterprise, study, world.framework)
    periods = list(Period.objects.all())
    assert spanning_periods(periods) == {study.pk}
    assert study not in enterprise_comparison(world.enterprise).periods
    assert study in enterprise_comparison(world.enterprise, [study.pk, world.period.pk]).periods


def test_downloads_carry_no_float_noise(client, paper_world):
    assert (
        cell(0.1 + 0.2) == "0.3"
        and cell(5.624999999999999) == "5.625"
        and cell(-3.0600000000000005) == "-3.06"
    )
    client.force_login(paper_world.owner)
    url = reverse("performance:scorecard_csv", args=[paper_world.enterprise.pk, paper_world.period.pk])
    text = client.get(url).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    weights = [row[3] for row in rows if row and row[0].isdigit()]
    assert weights == ["15", "5.625", "6.5", "23.26", "8.5", "2.125", "6.725", "6.26", "26.005"]  # Table 1
    assert "99999999" not in text and "00000001" not in text

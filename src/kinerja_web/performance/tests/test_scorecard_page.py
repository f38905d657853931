"""The scorecard page in the KPI paper's Table 1 layout equals the core's answer.

Source: Manggala, Prihatini and Fadah (2022), IOSR-JBM 24(9), Table 1 (UD Pramitha Salsabila,
20 January 2021 - 31 January 2022): the paper prints 94.762 (row scores cut to two decimals);
computed exactly the total is 94.783484..., shown as 94.78, "Very Good" / "Sangat Baik".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from kinerja.scoring import parse_scorecard, score_scorecard
from kinerja_web.performance.evaluate import ScorecardIncomplete
from kinerja_web.performance.models import Target
from kinerja_web.performance.selectors import scorecard_compute
from kinerja_web.performance.tests import paper
from kinerja_web.performance.tests.paper import TABLE1_TOTAL

EXAMPLE = Path("/work/shared/spec/examples/table1-scorecard.json")


def _url(world):
    return reverse("performance:scorecard", args=[world.enterprise.pk, world.period.pk])


def test_table1_scorecard_computes_what_the_core_computes(paper_world):
    result = scorecard_compute(paper_world.scorecard)
    assert result.total == pytest.approx(TABLE1_TOTAL, abs=1e-9)
    assert result.rating.code == "very_good"
    if EXAMPLE.exists():
        core = score_scorecard(parse_scorecard(json.loads(EXAMPLE.read_text())))
        assert result.total == pytest.approx(core.total, abs=1e-9)
        scores = [r.score for r in core.indicators]
        assert [r.score for r in result.indicators] == pytest.approx(scores, abs=1e-9)


def test_owner_sees_table1_total_with_a_decimal_comma_in_indonesian(client, paper_world):
    client.force_login(paper_world.owner)
    with translation.override("id"):
        client.cookies["django_language"] = "id"
        response = client.get(_url(paper_world))
    html = response.content.decode()
    assert response.status_code == 200
    assert "94,78" in html
    assert "Sangat Baik" in html
    assert "Rp 407.243.250" in html  # the Rupiah target of Sales turnover
    assert "89,58 %" in html
    assert "14.232,5" in html  # the iodized sugar target, Indonesian grouping


def test_owner_sees_table1_total_with_a_decimal_point_in_english(client, paper_world):
    client.force_login(paper_world.owner)
    client.cookies["django_language"] = "en"
    response = client.get(_url(paper_world))
    html = response.content.decode()
    assert "94.78" in html
    assert "Very Good" in html
    assert "Rp 407,243,250" in html
    assert "94,78" not in html


def test_perspective_subtotals_add_up_to_the_paper_weights(paper_world):
    result = scorecard_compute(paper_world.scorecard)
    weights = {p.name: p.weight for p in result.perspectives}
    assert weights == pytest.approx({"Human Resources": 50.385, "Production": 17.35, "Finance": 32.265})


def test_a_missing_target_is_a_row_message_not_an_error_page(client, paper_world):
    Target.objects.filter(scorecard=paper_world.scorecard, node__name="Production time").delete()
    client.force_login(paper_world.owner)
    with translation.override("en"):
        client.cookies["django_language"] = "en"
        response = client.get(_url(paper_world))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Row 2 (Production time)" in html
    assert "No target yet: enter the target (or give the realization directly)" in html
    with pytest.raises(ScorecardIncomplete) as error:
        scorecard_compute(paper_world.scorecard)
    assert "Production time" in str(error.value)


def test_an_unweighted_framework_is_a_clear_message_not_an_error_page(client, paper_world):
    paper_world.framework.nodes.filter(kind="perspective").update(adopted_weight=None)
    client.force_login(paper_world.owner)
    client.cookies["django_language"] = "en"
    response = client.get(_url(paper_world))
    assert response.status_code == 200
    assert "not yet weighted" in response.content.decode() or "belum" in response.content.decode()


def test_scorecard_csv_has_the_rows_the_total_and_the_rating(client, paper_world):
    client.force_login(paper_world.owner)
    url = reverse("performance:scorecard_csv", args=[paper_world.enterprise.pk, paper_world.period.pk])
    client.cookies["django_language"] = "en"
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert "Sales turnover" in text
    assert "94.78348" in text


def test_scorecard_page_links_to_targets_comparison_and_download(client, paper_world):
    client.force_login(paper_world.owner)
    html = client.get(_url(paper_world)).content.decode()
    for name in ("targets", "scorecard_csv"):
        assert reverse(f"performance:{name}", args=[paper_world.enterprise.pk, paper_world.period.pk]) in html
    assert reverse("performance:comparison", args=[paper_world.enterprise.pk]) in html


def test_starting_a_scorecard_says_so_on_the_targets_page(client, paper_world):
    later = paper.period(paper_world.program, 1)  # "Kuartal bulan 2", no scorecard yet
    client.force_login(paper_world.facilitator)
    start = reverse("performance:scorecard_start", args=[paper_world.enterprise.pk, later.pk])
    response = client.post(start, {"framework": paper_world.framework.pk}, follow=True)
    assert response.redirect_chain[-1][0] == reverse(
        "performance:targets", args=[paper_world.enterprise.pk, later.pk]
    )
    html = response.content.decode()
    assert 'class="messages"' in html
    assert "Kartu skor Kuartal bulan 2 dimulai" in html and paper_world.framework.name in html

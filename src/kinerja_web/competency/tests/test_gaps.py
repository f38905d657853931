"""Gap-analysis pages: their figures are the core's, each role sees only its own, the heat map
prints a number in every cell, the importance-performance chart has a point per item, and the
most common gaps come first.

The expected figures are computed by ``kinerja.competency.assess`` on the same round written
out by hand as the command's JSON (``gaps_world.GapWorld.core_input``), independently of the
web's ``round_analysis``; a few are also worked out by hand below (median of 3, 1, 2 is 2...).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from kinerja.competency import area_gaps_by, assess
from kinerja_web.competency.models import AssessmentRound
from kinerja_web.competency.selectors import gaps
from kinerja_web.competency.tests import factories as cf
from kinerja_web.competency.tests.gaps_world import build_gap_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return build_gap_world()


class _Tables(HTMLParser):
    """Rows of every ``table`` with a class, as lists of cell texts (header cells included)."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[tuple[str, list[list[str]]]] = []
        self._cell: list[str] | None = None
        self._row: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append((dict(attrs).get("class", ""), []))
        elif tag == "tr" and self.tables:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[-1][1].append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data + " ")


def tables(response, cls: str) -> list[list[list[str]]]:
    parser = _Tables()
    parser.feed(response.content.decode())
    return [rows for klass, rows in parser.tables if cls in klass.split()]


def heat_cells(rows: list[list[str]]) -> dict[str, list[str]]:
    """Row name (first word) -> cell texts of a heat map table."""
    return {row[0].split()[0]: row[1:] for row in rows[1:]}


def test_round_figures_are_the_cores_on_the_same_data_built_independently(world):
    expected = assess(world.core_input(), combine="median", flag=2)
    report = gaps.report(
        world.round,
        gaps.round_enterprises(world.admin, world.round),
        heat=lambda analysis, areas: gaps.people_heat(analysis, areas, lambda w: None),
    )

    assert {row.code: row.mean_gap for row in report.items} == {
        code: summary.mean_gap for code, summary in expected.items.items()
    }
    for row in report.items:
        summary = expected.items[row.code]
        assert (row.people_with_gap, row.share_with_gap, row.mean_required, row.mean_combined) == (
            summary.people_with_gap,
            summary.share_with_gap,
            summary.mean_required,
            summary.mean_combined,
        )
    by_person = {p.id: p for p in expected.people}
    for row in report.heat.rows:
        worker = next(w for w in world.workers.values() if w.name == row.label)
        assert {c.area: c.value for c in row.cells if c.value is not None} == dict(
            by_person[str(worker.pk)].area_gaps
        )
    # By hand: Siti's M1 is the median of 3, 1 and 2 = 2 against 3 required (gap 1); M2 meets its
    # 2 (gap 0); P1 is the mean of two sources 4 and 2 = 3 against 4 (gap 1).
    siti = by_person[str(world.workers["siti"].pk)]
    assert siti.area_gaps == {"Manajemen": 0.5, "Produksi": 1.0}
    # Roll-up by enterprise, as area_gaps_by computes it on the independent result.
    enterprise_of = {str(w.pk): w.enterprise_id for w in world.workers.values()}
    rolled = area_gaps_by(expected, enterprise_of)
    heat = report.analysis
    assert area_gaps_by(heat.result, heat.enterprise_of()) == rolled
    assert rolled[world.enterprises["satu"].pk]["Manajemen"].mean_gap == pytest.approx(0.875)


def test_enterprise_heat_map_has_a_number_in_every_cell_and_a_legend(client, world):
    client.force_login(world.owner)
    url = reverse("competency:gaps_enterprise", args=[world.round.pk, world.enterprises["satu"].pk])
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()

    heat = tables(response, "heatmap")[0]
    assert heat[0][1:] == ["Manajemen", "Produksi"]
    cells = heat_cells(heat)
    # Siti: Manajemen (1 + 0) / 2, Produksi 1; Budi (sales): M1 gap 0,5 and M2 gap 2, no P1 requirement.
    assert cells["Siti"] == ["0,50", "1,00"]
    assert cells["Budi"] == ["1,25", "–"]
    assert 'class="num heat gap-2"' in html and 'class="num heat gap-none"' in html
    assert "heat-legend" in html and "gap-4" in html
    # By role within the enterprise: production (Siti) and sales (Budi), with people counts.
    roles = heat_cells(tables(response, "heatmap")[1])
    assert roles["Penjualan"] == ["1,25 1/1", "–"]


def test_cluster_heat_map_is_enterprises_by_areas(client, world):
    client.force_login(world.facilitator)
    response = client.get(reverse("competency:gaps_cluster", args=[world.round.pk, world.lojejer.pk]))
    assert response.status_code == 200
    cells = heat_cells(tables(response, "heatmap")[0])
    # UD Satu: Manajemen (1 + 0 + 0,5 + 2) / 4; 2 of 2 people with a gap. UD Dua: Ani 0 and 1.
    assert cells["UD"] == ["0,88 2/2", "1,00 1/1"]  # first UD row (Dua sorts before Satu)
    rows = tables(response, "heatmap")[0]
    assert [row[0] for row in rows[1:]] == ["UD Dua", "UD Satu"]
    assert heat_cells([rows[0], rows[2]])["UD"] == ["0,88 2/2", "1,00 1/1"]
    assert heat_cells([rows[0], rows[1]])["UD"] == ["0,50 1/1", "1,00 1/1"]


def test_importance_performance_chart_has_a_labelled_point_per_item_and_a_table(client, world):
    client.force_login(world.admin)
    response = client.get(reverse("competency:gaps_round", args=[world.round.pk]))
    html = response.content.decode()
    # The chart holds an inner <svg> (the shaded zone): the chart ends where its figure does.
    svg = re.search(r'<svg class="chart ip-chart".*?</svg>\s*</figure>', html, re.S).group(0)
    assert 'class="meets-line"' in svg
    points = re.findall(r'<g class="point( short)?" data-item="([^"]+)"', svg)
    # Every item falls short on average: M1 (3,25 required, 2,375 actual), M2, P1.
    assert sorted(code for _short, code in points) == ["M1", "M2", "P1"]
    assert all(short for short, _code in points)
    assert ">M1</text>" in svg
    table = tables(response, "items")[0]
    assert [row[0] for row in table[1:]] == ["M1 Pembukuan sederhana", "M2 Stok", "P1 Memasak nira"]
    assert table[1][2:] == ["3,25", "2,38", "0,88", "3/4"]


def test_most_common_gaps_come_first_with_their_count_and_share(client, world):
    client.force_login(world.admin)
    response = client.get(reverse("competency:gaps_round", args=[world.round.pk]))
    html = response.content.decode()
    listed = re.findall(r'<ol class="common-gaps">.*?</ol>', html, re.S)[0]
    # P1 and M1: 3 people each (P1's mean gap 5/3 is larger), then M2: 2 people.
    assert re.findall(r'data-item="(\w+)"', listed) == ["P1", "M1", "M2"]
    assert "3 orang dari 3" in listed or "3 people of 3" in listed
    assert "100 %" in listed and "75 %" in listed and "67 %" in listed


def test_person_page_shows_sources_combined_required_gap_surplus_and_flags(client, world):
    client.force_login(world.owner)
    response = client.get(reverse("competency:gaps_person", args=[world.round.pk, world.workers["budi"].pk]))
    assert response.status_code == 200
    rows = {row[0].split()[0]: row for row in tables(response, "person-items")[0][1:]}
    # Budi (sales): M1 self 4, owner 3 -> 3,5 against 4: gap 0,5; P1 has no requirement for sales.
    assert rows["M1"][2:] == ["3,50", "4", "0,50", "0,00"]
    assert rows["P1"][2:] == ["5,00", "–", "–", "–"]
    assert "4" in rows["M1"][1] and "3" in rows["M1"][1]
    siti = client.get(reverse("competency:gaps_person", args=[world.round.pk, world.workers["siti"].pk]))
    assert siti.content.decode().count('class="flagged"') == 2  # M1 (3 vs 1), P1 (4 vs 2)


def test_owner_sees_only_their_own_enterprises_people(client, world):
    client.force_login(world.owner)
    response = client.get(reverse("competency:gaps_round", args=[world.round.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "UD Satu" in html and "UD Dua" not in html and "UD Tiga" not in html
    for key in ("ani", "rina"):
        url = reverse("competency:gaps_person", args=[world.round.pk, world.workers[key].pk])
        assert client.get(url).status_code == 404
    for key in ("dua", "tiga"):
        url = reverse("competency:gaps_enterprise", args=[world.round.pk, world.enterprises[key].pk])
        assert client.get(url).status_code == 404
    assert (
        client.get(reverse("competency:gaps_cluster", args=[world.round.pk, world.ampel.pk])).status_code
        == 404
    )


def test_facilitator_sees_their_cluster_and_gets_404_for_another(client, world):
    client.force_login(world.facilitator)
    html = client.get(reverse("competency:gaps_round", args=[world.round.pk])).content.decode()
    assert "UD Satu" in html and "UD Dua" in html and "UD Tiga" not in html
    assert (
        client.get(reverse("competency:gaps_cluster", args=[world.round.pk, world.ampel.pk])).status_code
        == 404
    )
    rina = reverse("competency:gaps_person", args=[world.round.pk, world.workers["rina"].pk])
    assert client.get(rina).status_code == 404
    ampel_round = cf.AssessmentRoundFactory(
        program=world.program, cluster=world.ampel, framework=world.framework
    )
    assert client.get(reverse("competency:gaps_round", args=[ampel_round.pk])).status_code == 404
    client.force_login(world.facilitator_ampel)
    assert client.get(reverse("competency:gaps_round", args=[ampel_round.pk])).status_code == 200


def test_administrator_sees_every_cluster(client, world):
    client.force_login(world.admin)
    response = client.get(reverse("competency:gaps_round", args=[world.round.pk]))
    by_cluster = heat_cells(tables(response, "heatmap")[0])
    # Ampel: Rina alone, M1 gap 2 (Manajemen) and P1 gap 3 (Produksi).
    assert by_cluster["Ampel"] == ["2,00 1/1", "3,00 1/1"]
    assert "Lojejer" in by_cluster


def test_owner_reaches_the_gaps_by_links_from_their_enterprise(client, world):
    client.force_login(world.owner)
    enterprise = world.enterprises["satu"]
    page = client.get(reverse("programs:enterprise_detail", args=[enterprise.pk])).content.decode()
    rounds_url = reverse("competency:gaps_enterprise_rounds", args=[enterprise.pk])
    assert f'href="{rounds_url}"' in page
    listed = client.get(rounds_url).content.decode()
    assert reverse("competency:gaps_enterprise", args=[world.round.pk, enterprise.pk]) in listed
    menu = client.get(reverse("competency:gaps_index")).content.decode()
    # An owner's short menu leads to their business, whose page links its gaps (above).
    assert reverse("programs:enterprise_list") in client.get("/").content.decode()
    assert reverse("competency:gaps_enterprise", args=[world.round.pk, enterprise.pk]) in menu


def test_numbers_follow_the_language(client, world):
    client.force_login(world.owner)
    client.cookies["django_language"] = "en"
    response = client.get(
        reverse("competency:gaps_enterprise", args=[world.round.pk, world.enterprises["satu"].pk])
    )
    cells = heat_cells(tables(response, "heatmap")[0])
    assert cells["Siti"] == ["0.50", "1.00"]
    assert "Heat map" in response.content.decode()


def test_a_round_without_ratings_says_so(client, world):
    empty = cf.AssessmentRoundFactory(
        program=world.program,
        cluster=world.lojejer,
        framework=world.framework,
        status=AssessmentRound.Status.OPEN,
    )
    client.force_login(world.facilitator)
    response = client.get(reverse("competency:gaps_round", args=[empty.pk]))
    assert response.status_code == 200
    assert not tables(response, "heatmap")

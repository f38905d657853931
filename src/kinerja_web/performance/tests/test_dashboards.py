"""Cluster and program dashboards: the figures, who may open them, and queries that do not grow.

The fixture is small enough to check by hand. Ratings are the PP 46/2011 default bands of
``kinerja.scoring`` (91-100 Very Good, 76-90 Good, 61-75 Fair, 51-60 Poor, 50 and below Bad);
size classes are those frozen with each result: the periods are 2025's, so Government Regulation
7/2021 art. 35 (see MICRO, SMALL, MEDIUM below), not Law 20/2008.
"""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja_web.audit.models import AuditEntry
from kinerja_web.performance import dashboards
from kinerja_web.performance.tests.dashboard_cross_tenant import CASES
from kinerja_web.performance.tests.dashboard_fixtures import closed_quarters, period, result
from kinerja_web.tests import factories as f
from kinerja_web.tests.cross_tenant import INTRUSIONS

pytestmark = pytest.mark.django_db

# The periods are 2025's: Government Regulation 7/2021 classifies them, by business capital when
# given (art. 35(3): micro up to Rp 1 billion, small up to 5 billion, medium up to 10 billion),
# else by annual sales (art. 35(5): micro up to Rp 2 billion). Net assets count under Law 20/2008.
MICRO = {"net_assets": 40_000_000, "annual_sales": 250_000_000}
SMALL = {"net_assets": 100_000_000, "business_capital": 2_000_000_000, "annual_sales": 250_000_000}
MEDIUM = {"net_assets": 40_000_000, "business_capital": 6_000_000_000, "annual_sales": 3_000_000_000}


@pytest.fixture
def english_client(client, settings):
    """Pages in English (the language cookie; Indonesian is the default)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def program(db):
    """Cluster Lojejer (gula kelapa) and Tamansari (kopi); Q1 and Q2 2025 closed, Q3 open.

    | enterprise | cluster | size | Q1 | Q2 |
    | Salsabila | Lojejer | micro | 80 | 95 (Very Good) |
    | Ramis | Lojejer | small | 90 | 70 (Fair), fell by 20 |
    | Juariyah | Lojejer | micro | – | 70 (Fair) |
    | Kopi Rakyat | Tamansari | medium | 60 (Poor) | 55 (Poor), fell by 5 |
    | Kopi Senja | Tamansari | micro | 40 | 45 (Bad) |
    | Kopi Baru | Tamansari | micro | – | – (no result) |
    """
    program = f.ProgramFactory(name="PPBI Gula Kelapa")
    lojejer = f.ClusterFactory(program=program, name="Lojejer")
    tamansari = f.ClusterFactory(program=program, name="Tamansari")
    q1, q2 = closed_quarters(program)
    q3 = period(program, "Q3 2025", q2.end.replace(month=7, day=1), closed=False)

    def enterprise(name, cluster, commodity, size, totals):
        made = f.EnterpriseFactory(name=name, cluster=cluster, commodity=commodity, **size)
        for quarter, total in zip((q1, q2), totals, strict=True):
            if total is not None:
                result(made, quarter, total)
        return made

    people = {
        "salsabila": enterprise("UD Pramitha Salsabila", lojejer, "gula kelapa", MICRO, (80, 95)),
        "ramis": enterprise("Rumah Produksi Bu Ramis", lojejer, "gula kelapa", SMALL, (90, 70)),
        "juariyah": enterprise("Rumah Produksi Mbak Juariyah", lojejer, "Gula Kelapa ", MICRO, (None, 70)),
        "rakyat": enterprise("Kopi Rakyat", tamansari, "kopi", MEDIUM, (60, 55)),
        "senja": enterprise("Kopi Senja", tamansari, "kopi", MICRO, (40, 45)),
        "baru": enterprise("Kopi Baru", tamansari, "kopi", MICRO, (None, None)),
    }
    return {
        "program": program,
        "lojejer": lojejer,
        "tamansari": tamansari,
        "q1": q1,
        "q2": q2,
        "q3": q3,
        "admin": f.program_admin(program, "admin"),
        "facilitator1": f.facilitator(lojejer, "facilitator1"),
        "facilitator2": f.facilitator(tamansari, "facilitator2"),
        "owner1": f.owner(people["salsabila"], "owner1"),
        **people,
    }


def _board(client, user, name, pk, **params):
    client.force_login(user)
    response = client.get(reverse(name, args=[pk]), params)
    assert response.status_code == 200
    return response.context["board"]


def test_program_dashboard_defaults_to_the_latest_closed_period_compared_with_the_one_before(
    client, program, english_client
):
    board = _board(client, program["admin"], "dashboards:program", program["program"].pk)
    assert board.scope.period == program["q2"]  # Q3 is open
    assert board.scope.previous == program["q1"]
    assert [p.name for p in board.scope.periods] == ["Q2 2025", "Q1 2025"]


def test_ranking_orders_by_total_and_ties_share_a_rank(client, program, english_client):
    board = _board(client, program["admin"], "dashboards:program", program["program"].pk)
    rows = board.ranking.rows
    assert [(r.rank, r.enterprise, r.total) for r in rows] == [
        (1, "UD Pramitha Salsabila", 95),
        (2, "Rumah Produksi Bu Ramis", 70),
        (2, "Rumah Produksi Mbak Juariyah", 70),
        (4, "Kopi Rakyat", 55),
        (5, "Kopi Senja", 45),
    ]
    assert [r.rating for r in rows] == ["Very Good", "Fair", "Fair", "Poor", "Bad"]
    assert [r.size_class for r in rows] == ["micro", "small", "micro", "medium", "micro"]
    assert [r.change for r in rows] == [15, -20, None, -5, 5]
    assert rows[0].cluster == "Lojejer" and rows[3].cluster == "Tamansari"


def test_rating_distribution_counts_every_band(client, program, english_client):
    board = _board(client, program["admin"], "dashboards:program", program["program"].pk)
    assert [(b.code, b.label, b.count) for b in board.aggregates.distribution] == [
        ("very_good", "Very Good", 1),
        ("good", "Good", 0),
        ("fair", "Fair", 2),
        ("poor", "Poor", 1),
        ("bad", "Bad", 1),
    ]
    assert board.aggregates.distribution[2].share == pytest.approx(40.0)


def test_averages_by_size_class_and_commodity(client, program, english_client):
    board = _board(client, program["admin"], "dashboards:program", program["program"].pk)
    by_size = {a.key: (a.count, a.mean) for a in board.aggregates.by_size}
    assert by_size == {"micro": (3, pytest.approx(70.0)), "small": (1, 70.0), "medium": (1, 55.0)}
    assert [a.key for a in board.aggregates.by_size] == ["micro", "small", "medium"]
    # "Gula Kelapa " and "gula kelapa" are one commodity, shown as its most frequent spelling.
    by_commodity = [(a.label, a.count, a.mean) for a in board.aggregates.by_commodity]
    assert by_commodity == [("gula kelapa", 3, pytest.approx(235 / 3)), ("kopi", 2, pytest.approx(50.0))]


def test_enterprises_whose_score_fell_largest_drop_first(client, program, english_client):
    board = _board(client, program["admin"], "dashboards:program", program["program"].pk)
    assert [(r.enterprise, r.previous, r.total, r.drop) for r in board.fallen] == [
        ("Rumah Produksi Bu Ramis", 90, 70, 20),
        ("Kopi Rakyat", 60, 55, 5),
    ]
    assert [(r.previous_rating, r.rating) for r in board.fallen] == [("Good", "Fair"), ("Poor", "Poor")]


def test_program_dashboard_averages_each_cluster(client, program, english_client):
    board = _board(client, program["admin"], "dashboards:program", program["program"].pk)
    clusters = {c.name: c for c in board.aggregates.clusters}
    assert clusters["Lojejer"].count == 3
    assert clusters["Lojejer"].mean == pytest.approx(235 / 3)
    assert (clusters["Lojejer"].best, clusters["Lojejer"].worst) == (95, 70)
    assert (clusters["Lojejer"].compared, clusters["Lojejer"].fallen) == (2, 1)
    assert clusters["Lojejer"].mean_change == pytest.approx(-2.5)  # (+15 - 20) / 2
    assert (clusters["Tamansari"].count, clusters["Tamansari"].mean, clusters["Tamansari"].fallen) == (
        2,
        50,
        1,
    )
    assert board.summary.count == 5
    assert board.summary.mean == pytest.approx(67.0)
    assert board.summary.fallen == 2
    assert board.enterprises == 6  # Kopi Baru has no result


def test_choosing_the_earlier_period_shows_it_without_a_comparison(client, program, english_client):
    board = _board(
        client, program["admin"], "dashboards:program", program["program"].pk, period=program["q1"].pk
    )
    assert board.scope.previous is None
    first = board.ranking.rows[0]
    assert (first.enterprise, first.total, first.change) == ("Rumah Produksi Bu Ramis", 90, None)
    assert board.fallen == []


def test_page_shows_the_figures_in_indonesian(client, program, indonesian):
    client.force_login(program["admin"])
    response = client.get(reverse("dashboards:program", args=[program["program"].pk]))
    page = response.content.decode()
    assert "Sangat Baik" in page and "mikro" in page
    assert "78,33" in page  # mean of gula kelapa, Indonesian decimal comma
    assert "<svg" in page


def test_cluster_dashboard_covers_its_cluster_only(client, program, english_client):
    board = _board(client, program["facilitator1"], "dashboards:cluster", program["lojejer"].pk)
    assert [r.enterprise for r in board.ranking.rows] == [
        "UD Pramitha Salsabila",
        "Rumah Produksi Bu Ramis",
        "Rumah Produksi Mbak Juariyah",
    ]
    assert [(b.code, b.count) for b in board.aggregates.distribution if b.count] == [
        ("very_good", 1),
        ("fair", 2),
    ]


def test_facilitator_sees_only_their_clusters_on_the_program_dashboard(client, program, english_client):
    board = _board(client, program["facilitator2"], "dashboards:program", program["program"].pk)
    assert [c.name for c in board.aggregates.clusters] == ["Tamansari"]
    assert {r.enterprise for r in board.ranking.rows} == {"Kopi Rakyat", "Kopi Senja"}
    assert board.enterprises == 3


def test_facilitator_cannot_open_another_facilitators_cluster_dashboard(client, program):
    client.force_login(program["facilitator1"])
    tamansari = program["tamansari"].pk
    assert client.get(reverse("dashboards:cluster", args=[tamansari])).status_code == 404
    assert client.get(reverse("dashboards:cluster_csv", args=[tamansari])).status_code == 404


@pytest.mark.parametrize("name", ["dashboards:program", "dashboards:program_csv"])
def test_owner_has_no_program_dashboard(client, program, name):
    client.force_login(program["owner1"])
    assert client.get(reverse(name, args=[program["program"].pk])).status_code in (403, 404)


@pytest.mark.parametrize("name", ["dashboards:cluster", "dashboards:cluster_csv"])
def test_owner_has_no_dashboard_of_their_own_cluster(client, program, name):
    client.force_login(program["owner1"])
    assert client.get(reverse(name, args=[program["lojejer"].pk])).status_code in (403, 404)


def test_owner_has_no_dashboard_menu_or_index(client, program):
    client.force_login(program["owner1"])
    assert client.get(reverse("dashboards:index")).status_code == 403
    home = client.get("/").content.decode()
    assert reverse("dashboards:index") not in home


def test_dashboard_menu_leads_to_the_program_and_cluster_dashboards(client, program):
    client.force_login(program["facilitator1"])
    assert reverse("dashboards:index") in client.get("/").content.decode()
    page = client.get(reverse("dashboards:index")).content.decode()
    assert reverse("dashboards:program", args=[program["program"].pk]) in page
    assert reverse("dashboards:cluster", args=[program["lojejer"].pk]) in page
    assert reverse("dashboards:cluster", args=[program["tamansari"].pk]) not in page


def test_period_of_another_program_or_still_open_is_not_found(client, program):
    client.force_login(program["admin"])
    url = reverse("dashboards:program", args=[program["program"].pk])
    other = closed_quarters(f.ProgramFactory(), 1)[0]
    assert client.get(url, {"period": other.pk}).status_code == 404
    assert client.get(url, {"period": program["q3"].pk}).status_code == 404
    assert client.get(url, {"period": "x"}).status_code == 404


def test_program_without_a_closed_period_says_so(client, english_client):
    program = f.ProgramFactory()
    f.EnterpriseFactory(cluster=f.ClusterFactory(program=program))
    client.force_login(f.program_admin(program))
    response = client.get(reverse("dashboards:program", args=[program.pk]))
    assert response.status_code == 200
    assert "No period of this program is closed yet" in response.content.decode()


def test_ranking_download_lists_every_enterprise_with_its_change(client, program, english_client):
    client.force_login(program["admin"])
    response = client.get(reverse("dashboards:program_csv", args=[program["program"].pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="ranking-' in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["Rank", "Enterprise", "NIB"]
    assert [(r[0], r[1], r[5], r[6], r[9]) for r in rows[1:]] == [
        ("1", "UD Pramitha Salsabila", "micro", "95", "15"),  # whole numbers, no ".0" (downloads.cell)
        ("2", "Rumah Produksi Bu Ramis", "small", "70", "-20"),
        ("2", "Rumah Produksi Mbak Juariyah", "micro", "70", ""),
        ("4", "Kopi Rakyat", "medium", "55", "-5"),
        ("5", "Kopi Senja", "micro", "45", "5"),
    ]


def test_ranking_is_paginated(client, program, english_client):
    cluster = program["lojejer"]
    for number in range(60):
        result(f.EnterpriseFactory(cluster=cluster), program["q2"], 50 + number / 10)
    client.force_login(program["admin"])
    url = reverse("dashboards:program", args=[program["program"].pk])
    first = client.get(url).context["board"].ranking
    last = client.get(url, {"page": 99}).context["board"].ranking
    assert (first.count, first.num_pages, len(first.rows)) == (65, 2, 50)
    assert (last.number, len(last.rows), last.rows[-1].rank) == (2, 15, 65)


# --- Queries do not grow with the number of enterprises ---------------------------------------


def _cohort(size: int):
    """A program of ``size`` enterprises in two clusters, each with a result in two closed quarters."""
    program = f.ProgramFactory()
    clusters = [f.ClusterFactory(program=program) for _ in range(2)]
    q1, q2 = closed_quarters(program)
    for number in range(size):
        enterprise = f.EnterpriseFactory(
            cluster=clusters[number % 2],
            commodity=("gula kelapa", "kopi", "emping")[number % 3],
            net_assets=10_000_000 * (number + 1),
            annual_sales=100_000_000 * (number + 1),
        )
        result(enterprise, q1, 40 + number % 50)
        result(enterprise, q2, 90 - number % 45)
    return program, clusters[0], f.program_admin(program)


def _queries(client, user, url) -> int:
    client.force_login(user)
    client.get(url)  # warm caches (session, size classes) outside the count
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    return len(queries)


@pytest.mark.parametrize(
    ("name", "scope"),
    [
        ("dashboards:program", "program"),
        ("dashboards:cluster", "cluster"),
        ("dashboards:program_csv", "program"),
        ("dashboards:cluster_csv", "cluster"),
    ],
)
def test_queries_do_not_grow_with_the_number_of_enterprises(client, name, scope):
    counts = []
    for size in (5, 50):
        program, cluster, admin = _cohort(size)
        target = program if scope == "program" else cluster
        counts.append(_queries(client, admin, reverse(name, args=[target.pk])))
    assert counts[0] == counts[1]


def test_program_dashboard_needs_at_most_eleven_queries(client, django_assert_max_num_queries):
    program, _, admin = _cohort(30)
    client.force_login(admin)
    url = reverse("dashboards:program", args=[program.pk])
    client.get(url)
    with django_assert_max_num_queries(11):
        assert client.get(url).status_code == 200


# --- Other tenants ------------------------------------------------------------------------------

CROSS = [(case, intruder, target) for case in CASES for intruder, target in INTRUSIONS[case.scope]]


@pytest.mark.parametrize(
    ("case", "intruder", "target"), CROSS, ids=[f"{c.name}-{i}-{t}" for c, i, t in CROSS]
)
def test_other_tenants_dashboards_are_not_found_or_forbidden(client, world, case, intruder, target):
    """The checks of kinerja_web/tests/test_cross_tenant.py, for the dashboards' cases."""
    victim = getattr(world, target)
    url = case.build(victim)
    audit_rows = AuditEntry.objects.count()
    client.force_login(getattr(world, intruder))
    response = client.get(url)
    assert response.status_code in (403, 404), f"{intruder} got {response.status_code} from {url}"
    assert AuditEntry.objects.count() == audit_rows
    client.force_login(world.admin_of(victim, case.scope))
    assert client.get(url).status_code == case.control_status, f"control: {url} is not a working page"


def test_size_class_comes_from_the_core():
    assert dashboards.size_class(50_000_000, 300_000_000) == "micro"  # both limits inclusive
    assert dashboards.size_class(50_000_001, 300_000_000) == "small"  # the higher class of the two
    assert dashboards.size_class(40_000_000, 2_500_000_001) == "medium"


def test_a_rating_outside_the_default_bands_is_labelled_as_stored(client, program, english_client):
    stored = result(f.EnterpriseFactory(cluster=program["lojejer"]), program["q2"], 99)
    stored.rating_code, stored.rating_label, stored.rating_label_id = "excellent", "Excellent", "Istimewa"
    stored.save()
    board = _board(client, program["admin"], "dashboards:program", program["program"].pk)
    assert (board.aggregates.distribution[-1].code, board.aggregates.distribution[-1].label) == (
        "excellent",
        "Excellent",
    )
    assert (board.ranking.rows[0].total, board.ranking.rows[0].rating) == (99, "Excellent")


def test_names_in_the_ranking_are_escaped(client, program):
    result(f.EnterpriseFactory(cluster=program["lojejer"], name="<b>UD Nakal</b>"), program["q2"], 60)
    client.force_login(program["admin"])
    page = client.get(reverse("dashboards:program", args=[program["program"].pk])).content.decode()
    assert "&lt;b&gt;UD Nakal&lt;/b&gt;" in page and "<b>UD Nakal" not in page
    assert reverse("performance:scorecard", args=[program["salsabila"].pk, program["q2"].pk]) in page


def test_program_and_cluster_pages_link_to_their_dashboards(client, program):
    client.force_login(program["admin"])
    page = client.get(reverse("programs:program_detail", args=[program["program"].pk])).content.decode()
    assert reverse("dashboards:program", args=[program["program"].pk]) in page
    client.force_login(program["facilitator1"])
    page = client.get(reverse("programs:cluster_detail", args=[program["lojejer"].pk])).content.decode()
    assert reverse("dashboards:cluster", args=[program["lojejer"].pk]) in page
    client.force_login(program["owner1"])
    page = client.get(reverse("programs:cluster_detail", args=[program["lojejer"].pk])).content.decode()
    assert reverse("dashboards:cluster", args=[program["lojejer"].pk]) not in page


def test_dashboard_speaks_indonesian_by_default(client, program):
    client.force_login(program["admin"])
    page = client.get(reverse("dashboards:program", args=[program["program"].pk])).content.decode()
    assert "Sebaran predikat" in page and "Usaha yang skornya turun" in page and "Peringkat" in page


def test_download_streams_in_pieces_without_losing_rows(client, program, monkeypatch):
    from kinerja_web.performance import dashboard_views

    monkeypatch.setattr(dashboard_views, "CSV_CHUNK", 2)
    client.force_login(program["admin"])
    response = client.get(reverse("dashboards:cluster_csv", args=[program["lojejer"].pk]))
    pieces = list(response.streaming_content)
    rows = list(csv.reader(io.StringIO(b"".join(pieces).decode("utf-8-sig"))))
    assert len(pieces) == 3 and len(rows) == 4  # header + 3 enterprises of Lojejer, two rows a piece


def test_distribution_follows_the_programs_own_bands(client, program, english_client):
    """Bands editable per program (BRIEF): a program rating with three bands gets three bars."""
    p = program["program"]
    p.rating_bands = [
        {"min": 80, "code": "a", "label_en": "Strong", "label_id": "Kuat"},
        {"min": 50, "code": "b", "label_en": "Middle", "label_id": "Sedang"},
        {"min": 0, "code": "c", "label_en": "Weak", "label_id": "Lemah"},
    ]
    p.save()
    rated = result(f.EnterpriseFactory(cluster=program["lojejer"]), program["q2"], 85)
    rated.rating_code = "a"
    rated.save()
    board = _board(client, program["admin"], "dashboards:program", p.pk)
    # The program's bands first (zero included), then codes rated before its bands changed.
    assert [(b.label, b.count, b.tone) for b in board.aggregates.distribution] == [
        ("Strong", 1, 0),
        ("Middle", 0, 2),
        ("Weak", 0, 4),
        ("Very Good", 1, 0),
        ("Fair", 2, 2),
        ("Poor", 1, 3),
        ("Bad", 1, 4),
    ]
    assert board.ranking.rows[0].rating == "Very Good" and board.ranking.rows[1].rating == "Strong"

"""Studies (purposive samples): the funnel counts after each criterion in the order given, the
saved list with links and its CSV, who may run and read a study, and criteria refused with a
message on the field at fault (nothing saved).

The world is ``gaps_world``: UD Satu (Lojejer, gula kelapa, founded 2010, 2 workers, mean gap in
Manajemen 0,875), UD Dua (Lojejer, gula kelapa, 2022, 1 worker, 0,5) and UD Tiga (Ampel, gula
aren, 2005, 1 worker, 2,0): the gaps are the core's (see test_gaps).
"""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from kinerja_web.audit.models import AuditEntry
from kinerja_web.competency.models import Study
from kinerja_web.competency.selectors import studies
from kinerja_web.competency.tests.gaps_world import build_gap_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return build_gap_world()


def _post(client, world, **fields):
    data = {"name": "Sampel penelitian", "size_law": "uu20-2008", **fields}
    return client.post(reverse("competency:study_create", args=[world.program.pk]), data)


def test_funnel_counts_after_each_criterion_in_the_order_given_and_the_list_is_saved(client, world):
    client.force_login(world.admin)
    response = _post(
        client,
        world,
        commodity="gula kelapa",
        commodity_order="1",
        gap_round=str(world.round.pk),
        gap_area="Manajemen",
        gap_above="0,6",
        gap_order="2",
        workers_min="2",
        workers_order="3",
    )
    study = Study.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "competency:study_detail", args=[study.pk]
    )
    assert [c["kind"] for c in study.criteria] == ["commodity", "gap", "workers"]
    # 3 enterprises; gula kelapa: Satu and Dua; Manajemen gap above 0,6: Satu (0,875; Dua 0,5);
    # at least 2 active workers: Satu.
    assert [step["count"] for step in study.funnel] == [3, 2, 1, 1]
    assert list(study.enterprises.all()) == [world.enterprises["satu"]]
    entry = AuditEntry.objects.get(action="study.create")
    assert entry.changes["funnel"] == study.funnel

    page = client.get(response["Location"]).content.decode()
    assert "Komoditas: gula kelapa" in page or "Commodity: gula kelapa" in page
    assert reverse("programs:enterprise_detail", args=[world.enterprises["satu"].pk]) in page
    assert "UD Dua" not in page
    counts = [int(c) for c in __import__("re").findall(r'class="step-count">(\d+)<', page)]
    assert counts == [3, 2, 1, 1]


def test_the_order_of_the_criteria_changes_the_funnel_not_the_result(client, world):
    client.force_login(world.admin)
    _post(
        client,
        world,
        commodity="gula kelapa",
        commodity_order="2",
        gap_round=str(world.round.pk),
        gap_area="Manajemen",
        gap_above="0,6",
        gap_order="1",
    )
    study = Study.objects.get()
    # Gap first: Satu (0,875) and Tiga (2,0); then gula kelapa: Satu.
    assert [c["kind"] for c in study.criteria] == ["gap", "commodity"]
    assert [step["count"] for step in study.funnel] == [3, 2, 1]
    assert list(study.enterprises.all()) == [world.enterprises["satu"]]


def test_size_class_years_in_business_and_workers(world):
    tiga = world.enterprises["tiga"]
    tiga.net_assets = 600_000_000  # medium under Law 20/2008 (above Rp 500 million)
    tiga.save()
    today = datetime.date(2026, 6, 1)
    sample = studies.run_criteria(
        world.admin,
        world.program,
        [
            {"kind": "size", "law": "uu20-2008", "classes": ["micro", "small"]},
            {"kind": "years", "min": 5, "max": None},
            {"kind": "workers", "min": None, "max": 1},
        ],
        day=today,
    )
    # Micro or small: Satu, Dua; 5 years or more in 2026: Satu (2010; Dua 2022); at most 1 worker: none.
    assert [step["count"] for step in sample.funnel] == [3, 2, 1, 0]
    world.workers["budi"].end_date = datetime.date(2026, 1, 31)
    world.workers["budi"].save()
    again = studies.run_criteria(
        world.admin, world.program, [{"kind": "workers", "min": None, "max": 1}], day=today
    )
    assert len(again.enterprises) == 3  # Budi left UD Satu before the day: 1 active worker


def test_study_csv_has_a_bom_and_neutralises_formulas(client, world):
    satu = world.enterprises["satu"]
    satu.name = "=HYPERLINK(1)"
    satu.save()
    client.force_login(world.admin)
    _post(client, world, commodity="gula kelapa")
    study = Study.objects.get()
    response = client.get(reverse("competency:study_csv", args=[study.pk]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    assert "'=HYPERLINK(1)" in text and "UD Dua" in text and "UD Tiga" not in text


def test_facilitator_draws_from_their_clusters_and_must_name_them(client, world):
    client.force_login(world.facilitator)
    response = _post(client, world, commodity="gula kelapa")
    assert response.status_code == 200
    assert Study.objects.count() == 0 and not AuditEntry.objects.filter(action="study.create").exists()
    form = response.context["form"]
    assert "clusters" in form.errors

    refused = _post(client, world, clusters=[str(world.ampel.pk)])
    assert "clusters" in refused.context["form"].errors and Study.objects.count() == 0

    _post(client, world, clusters=[str(world.lojejer.pk)], years_min="10")
    study = Study.objects.get()
    assert [step["count"] for step in study.funnel] == [2, 2, 1]
    assert list(study.enterprises.all()) == [world.enterprises["satu"]]

    client.force_login(world.facilitator_ampel)
    assert client.get(reverse("competency:study_detail", args=[study.pk])).status_code == 404
    assert client.get(reverse("competency:study_csv", args=[study.pk])).status_code == 404
    assert (
        reverse("competency:study_detail", args=[study.pk])
        not in client.get(reverse("competency:study_list")).content.decode()
    )
    client.force_login(world.admin)
    assert client.get(reverse("competency:study_detail", args=[study.pk])).status_code == 200


def test_owner_may_not_run_or_read_studies(client, world):
    client.force_login(world.admin)
    _post(client, world, commodity="gula kelapa")
    study = Study.objects.get()
    client.force_login(world.owner)
    assert client.get(reverse("competency:study_create", args=[world.program.pk])).status_code == 403
    assert _post(client, world, commodity="gula kelapa").status_code == 403
    assert client.get(reverse("competency:study_detail", args=[study.pk])).status_code == 404
    assert reverse("competency:study_list") not in client.get("/").content.decode()
    assert Study.objects.count() == 1


def test_bad_criteria_are_refused_naming_the_field(client, world):
    client.force_login(world.admin)
    response = _post(client, world, years_min="10", years_max="5", gap_area="Manajemen", workers_min="dua")
    form = response.context["form"]
    assert "years_max" in form.errors
    assert "gap_round" in form.errors and "gap_above" in form.errors
    assert "workers_min" in form.errors
    assert Study.objects.count() == 0 and not AuditEntry.objects.filter(action="study.create").exists()
    missing = _post(client, world, name="")
    assert "name" in missing.context["form"].errors


def test_menu_leads_administrators_and_facilitators_to_the_studies(client, world):
    client.force_login(world.facilitator)
    assert reverse("competency:study_list") in client.get("/").content.decode()
    listing = client.get(reverse("competency:study_list")).content.decode()
    assert reverse("competency:study_create", args=[world.program.pk]) in listing
    form_page = client.get(reverse("competency:study_create", args=[world.program.pk])).content.decode()
    assert "Ampel" not in form_page and "Lojejer" in form_page

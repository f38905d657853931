"""Competency framework pages as each role: administrators edit, facilitators and owners read."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kinerja_web.audit.models import AuditEntry
from kinerja_web.competency.models import AssessmentRound, CompetencyFramework
from kinerja_web.competency.services import framework as services
from kinerja_web.competency.tests.factories import AssessmentRoundFactory
from kinerja_web.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(client):
    program = f.ProgramFactory(name="Program Gula")
    cluster = f.ClusterFactory(program=program, name="Lojejer")
    enterprise = f.EnterpriseFactory(cluster=cluster)
    admin = f.program_admin(program, "admin_gula")
    framework = services.framework_create(
        program=program, name="", language="id", from_template=True, actor=admin
    )
    client.cookies["django_language"] = "en"
    return {
        "program": program,
        "cluster": cluster,
        "admin": admin,
        "facilitator": f.facilitator(cluster, "pendamping"),
        "owner": f.owner(enterprise, "pemilik"),
        "framework": framework,
    }


def _page(client, name, *args):
    return client.get(reverse(f"competency:{name}", args=args))


def test_the_administrator_reaches_the_frameworks_from_the_menu_and_creates_one(client, site):
    client.force_login(site["admin"])
    home = client.get("/").content.decode()
    assert reverse("competency:framework_list") in home
    listing = _page(client, "framework_list").content.decode()
    assert "Kompetensi SDM UMKM" in listing and "New competency framework" in listing

    response = client.post(
        reverse("competency:framework_create"),
        {"program": site["program"].pk, "start": "template", "language": "en", "name": ""},
    )
    created = CompetencyFramework.objects.get(language="en")
    assert response.status_code == 302 and response["Location"] == reverse(
        "competency:framework_detail", args=[created.pk]
    )
    page = _page(client, "framework_detail", created.pk).content.decode()
    assert "Coconut sugar production skills" in page and "Tapping the sap" in page
    assert "Consistently collects plenty of sap" in page  # a level-4 anchor of P1

    empty = client.post(
        reverse("competency:framework_create"),
        {"program": site["program"].pk, "start": "empty", "language": "id", "name": ""},
    )
    assert empty.status_code == 200 and "Give the empty framework a name." in empty.content.decode()


def test_the_framework_page_shows_areas_items_kinds_and_five_levels(client, site):
    client.force_login(site["facilitator"])
    page = _page(client, "framework_detail", site["framework"].pk).content.decode()
    assert "Manajemen usaha" in page and "Pembukuan keuangan" in page and "skill" in page
    assert page.count('<ol class="anchors">') == 18
    # A facilitator reads but gets no edit controls, and the edit pages answer 403.
    assert reverse("competency:area_add", args=[site["framework"].pk]) not in page
    assert _page(client, "area_add", site["framework"].pk).status_code == 403
    assert reverse("competency:framework_list") in client.get("/").content.decode()


def test_an_owner_reads_the_framework_but_every_edit_answers_403(client, site):
    framework = site["framework"]
    item = framework.items.get(code="P1")
    area = item.area
    client.force_login(site["owner"])
    assert _page(client, "framework_detail", framework.pk).status_code == 200
    assert _page(client, "item_detail", item.pk).status_code == 200
    assert _page(client, "required_levels", framework.pk).status_code == 200
    before = AuditEntry.objects.count()
    for name, pk in [
        ("framework_edit", framework.pk),
        ("area_add", framework.pk),
        ("area_edit", area.pk),
        ("item_add", area.pk),
        ("item_edit", item.pk),
        ("item_anchors", item.pk),
        ("item_skkni", item.pk),
        ("item_delete", item.pk),
    ]:
        assert _page(client, name, pk).status_code == 403, name
        assert client.post(reverse(f"competency:{name}", args=[pk]), {"name": "x"}).status_code == 403, name
    assert client.post(reverse("competency:framework_new_version", args=[framework.pk])).status_code == 403
    response = client.post(
        reverse("competency:required_levels", args=[framework.pk]),
        {f"level-{site['program'].worker_roles.first().pk}-{item.pk}": "1"},
    )
    assert response.status_code == 403
    assert AuditEntry.objects.count() == before


def test_another_programs_administrator_gets_404(client, site):
    framework = site["framework"]
    item = framework.items.first()
    client.force_login(f.program_admin(f.ProgramFactory(name="Lain"), "admin_lain"))
    for name, pk in [
        ("framework_detail", framework.pk),
        ("framework_edit", framework.pk),
        ("required_levels", framework.pk),
        ("item_detail", item.pk),
        ("item_anchors", item.pk),
        ("area_edit", item.area.pk),
        ("roles", site["program"].pk),
    ]:
        assert _page(client, name, pk).status_code == 404, name
    assert "Kompetensi SDM UMKM" not in _page(client, "framework_list").content.decode()


def test_anchors_form_names_the_missing_levels_and_saves_all_five(client, site):
    client.force_login(site["admin"])
    area = site["framework"].areas.first()
    response = client.post(
        reverse("competency:item_add", args=[area.pk]),
        {"code": "M9", "name": "Pajak", "kind": "knowledge", "description": ""},
    )
    item = site["framework"].items.get(code="M9")
    assert response["Location"] == reverse("competency:item_anchors", args=[item.pk])
    detail = _page(client, "framework_detail", site["framework"].pk).content.decode()
    assert "levels missing: 1, 2, 3, 4, 5" in detail

    url = reverse("competency:item_anchors", args=[item.pk])
    refused = client.post(url, {"level_1": "a", "level_2": "b", "level_3": "", "level_4": "d", "level_5": ""})
    text = refused.content.decode()
    assert refused.status_code == 200 and "missing: 3, 5" in text
    assert "Level 3 needs a sentence" in text and not item.anchors.exists()

    saved = client.post(url, {f"level_{level}": f"Tingkat {level}." for level in range(1, 6)})
    assert saved.status_code == 302 and item.anchors.count() == 5
    page = _page(client, "item_detail", item.pk).content.decode()
    assert "Tingkat 5." in page and "Levels without a sentence yet" not in page


def test_a_frozen_framework_offers_a_new_version_and_refuses_edits(client, site):
    framework = site["framework"]
    AssessmentRoundFactory(cluster=site["cluster"], framework=framework, status=AssessmentRound.Status.CLOSED)
    item = framework.items.get(code="P2")
    client.force_login(site["admin"])
    detail = _page(client, "framework_detail", framework.pk).content.decode()
    assert (
        "Make a new version" in detail and reverse("competency:area_add", args=[framework.pk]) not in detail
    )

    before = AuditEntry.objects.count()
    refused = client.post(
        reverse("competency:item_anchors", args=[item.pk]), {f"level_{n}": "x" for n in range(1, 6)}
    )
    assert refused.status_code == 409
    assert "used by a closed assessment round" in refused.content.decode()
    assert _page(client, "area_add", framework.pk).status_code == 409
    assert AuditEntry.objects.count() == before

    made = client.post(
        reverse("competency:framework_new_version", args=[framework.pk]),
        {"next": "competency:item_anchors", "target": item.pk},
    )
    copy = CompetencyFramework.objects.get(lineage=framework.lineage, version=2)
    copied = copy.items.get(code="P2")
    assert made["Location"] == reverse("competency:item_anchors", args=[copied.pk])
    assert _page(client, "item_anchors", copied.pk).status_code == 200


def test_required_levels_page_saves_the_grid_and_names_a_bad_cell(client, site):
    framework = site["framework"]
    program = site["program"]
    production = program.worker_roles.get(code="production")
    sales = program.worker_roles.get(code="sales")
    tapping = framework.items.get(code="P1")
    client.force_login(site["admin"])
    url = reverse("competency:required_levels", args=[framework.pk])
    page = client.get(url).content.decode()
    assert f'name="level-{production.pk}-{tapping.pk}"' in page

    bad = client.post(
        url, {f"level-{production.pk}-{tapping.pk}": "5", f"level-{sales.pk}-{tapping.pk}": "9"}
    )
    assert bad.status_code == 400
    assert f"{sales.name}, P1: choose a level from 1 to 5" in bad.content.decode()
    assert framework.required_levels.get(role=production, item=tapping).level == 4

    good = client.post(
        url, {f"level-{production.pk}-{tapping.pk}": "5", f"level-{sales.pk}-{tapping.pk}": "2"}
    )
    assert good.status_code == 302
    assert framework.required_levels.get(role=production, item=tapping).level == 5
    assert framework.required_levels.get(role=sales, item=tapping).level == 2
    # One role at a time: only that role's column is shown.
    one = client.get(url, {"role": sales.pk}).content.decode()
    assert f'name="level-{sales.pk}-{tapping.pk}"' in one and f'name="level-{production.pk}-' not in one


def test_the_roles_page_adds_renames_and_deletes_unused_roles(client, site):
    program = site["program"]
    client.force_login(site["admin"])
    url = reverse("competency:roles", args=[program.pk])
    assert "owner-manager" in client.get(url).content.decode()
    assert client.post(url, {"name": "Pengemas"}).status_code == 302
    role = program.worker_roles.get(name="Pengemas")
    duplicate = client.post(url, {"name": "pengemas"})
    assert duplicate.status_code == 400 and "already has a role called" in duplicate.content.decode()
    assert (
        client.post(reverse("competency:role_edit", args=[role.pk]), {"name": "Pengemasan"}).status_code
        == 302
    )
    assert (
        client.post(reverse("competency:role_move", args=[role.pk]), {"direction": "up"}).status_code == 302
    )
    assert client.post(reverse("competency:role_delete", args=[role.pk])).status_code == 302
    assert not program.worker_roles.filter(pk=role.pk).exists()
    # The facilitator reads the roles but cannot change them.
    client.force_login(site["facilitator"])
    assert client.get(url).status_code == 200
    assert client.post(url, {"name": "X"}).status_code == 403

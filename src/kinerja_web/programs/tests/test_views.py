"""Pages of programs, clusters, enterprises and workers, as each role uses them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kinerja_web.audit.models import AuditEntry
from kinerja_web.programs.models import Enterprise, Worker, WorkerRole
from kinerja_web.tests.factories import EnterpriseFactory, WorkerFactory

pytestmark = pytest.mark.django_db


def _enterprise_data(cluster, **changes):
    data = {
        "cluster": cluster.pk,
        "name": "UD Nira Baru",
        "nib": "9120001239999",
        "commodity": "gula kelapa",
        "net_assets": "650.000.000",
        "business_capital": "",
        "annual_sales": "1.650.000.000",
        "year_founded": "2012",
    }
    data.update(changes)
    return data


def test_facilitator_registers_an_enterprise_typed_in_indonesian(client, world):
    client.force_login(world.facilitator_a1)
    response = client.post(reverse("programs:enterprise_create"), _enterprise_data(world.cluster_a1))
    enterprise = Enterprise.objects.get(nib="9120001239999")
    assert response.status_code == 302
    assert response["Location"] == reverse("programs:enterprise_detail", args=[enterprise.pk])
    assert enterprise.net_assets == 650_000_000
    entry = AuditEntry.objects.get(action="enterprise.create")
    assert entry.actor == world.facilitator_a1
    assert entry.enterprise == enterprise
    assert entry.program == world.program_a


def test_facilitator_cannot_register_into_another_cluster(client, world):
    client.force_login(world.facilitator_a1)
    response = client.post(reverse("programs:enterprise_create"), _enterprise_data(world.cluster_a2))
    assert response.status_code == 200  # the form again, with the cluster refused
    assert "cluster" in response.context["form"].errors
    assert not Enterprise.objects.filter(nib="9120001239999").exists()


def test_owner_cannot_register_enterprises(client, world):
    client.force_login(world.owner_a1)
    assert client.get(reverse("programs:enterprise_create")).status_code == 403


def test_bad_input_is_shown_as_field_errors_not_a_crash(client, world):
    client.force_login(world.admin_a)
    data = _enterprise_data(world.cluster_a1, nib="12", net_assets="1.23.4", annual_sales="")
    response = client.post(reverse("programs:enterprise_create"), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) >= {"nib", "net_assets", "annual_sales"}


def test_owner_edits_own_enterprise_without_moving_it(client, world):
    client.force_login(world.owner_a1)
    url = reverse("programs:enterprise_edit", args=[world.enterprise_a1.pk])
    response = client.get(url)
    assert "cluster" not in response.context["form"].fields
    assert "owner" not in response.context["form"].fields
    data = _enterprise_data(world.cluster_a1, nib=world.enterprise_a1.nib, annual_sales="300.000.001")
    del data["cluster"]
    response = client.post(url, data)
    assert response.status_code == 302
    world.enterprise_a1.refresh_from_db()
    assert world.enterprise_a1.annual_sales == 300_000_001
    entry = AuditEntry.objects.get(action="enterprise.update")
    assert entry.changes["annual_sales"] == [250_000_000, 300_000_001]
    assert entry.actor_name == "owner_a1"


def test_enterprise_page_shows_size_class_under_both_laws_with_basis(client, world, settings):
    settings.LANGUAGE_CODE = "en"
    enterprise = EnterpriseFactory(
        cluster=world.cluster_a1, net_assets=650_000_000, annual_sales=1_650_000_000, business_capital=None
    )
    client.force_login(world.admin_a)
    response = client.get(
        reverse("programs:enterprise_detail", args=[enterprise.pk]), HTTP_ACCEPT_LANGUAGE="en"
    )
    sizes = response.context["sizes"]
    assert [size.law for size in sizes] == ["uu20-2008", "pp7-2021"]
    assert sizes[0].class_ == "medium"  # assets over Rp 500 million (Law 20/2008 art. 6)
    assert sizes[1].class_ == "micro"  # sales up to Rp 2 billion (PP 7/2021 art. 35(5))
    html = response.content.decode()
    assert sizes[0].basis in html.replace("&#x27;", "'")
    assert "Rp 650,000,000" in html


def test_rupiah_follows_the_programs_spacing_setting(client, world):
    world.program_a.rupiah_space = False
    world.program_a.save()
    client.force_login(world.admin_a)
    response = client.get(reverse("programs:enterprise_detail", args=[world.enterprise_a1.pk]))
    assert "Rp40.000.000" in response.content.decode()


def test_enterprise_list_filters_by_cluster_and_searches_name_or_nib(client, world):
    client.force_login(world.admin_a)
    url = reverse("programs:enterprise_list")
    names = lambda response: [e.name for e in response.context["page"]]  # noqa: E731
    assert names(client.get(url)) == ["Enterprise A1", "Enterprise A2"]
    assert names(client.get(url, {"cluster": world.cluster_a2.pk})) == ["Enterprise A2"]
    assert names(client.get(url, {"q": world.enterprise_a1.nib})) == ["Enterprise A1"]
    assert names(client.get(url, {"q": "a2"})) == ["Enterprise A2"]


def test_enterprise_list_never_shows_another_tenants_enterprise(client, world):
    client.force_login(world.owner_a1)
    response = client.get(reverse("programs:enterprise_list"), {"q": "Enterprise"})
    assert [e.name for e in response.context["page"]] == ["Enterprise A1"]


def test_worker_is_added_edited_and_removed_with_audit(client, world):
    client.force_login(world.owner_a1)
    enterprise = world.enterprise_a1
    response = client.get(reverse("programs:worker_create", args=[enterprise.pk]))
    roles = {role.code: role for role in response.context["form"].fields["role"].queryset}
    assert "production" in roles  # a choice among the program's roles, not free text
    production = roles["production"]
    response = client.post(
        reverse("programs:worker_create", args=[enterprise.pk]),
        {"name": "Ponisah", "role": production.pk, "start_date": "03/04/2025"},
    )
    assert response.status_code == 302
    worker = Worker.objects.get(name="Ponisah")
    assert worker.role == production
    assert worker.start_date.isoformat() == "2025-04-03"
    assert not worker.is_permanent
    response = client.post(
        reverse("programs:worker_edit", args=[enterprise.pk, worker.pk]),
        {"name": "Ponisah", "role": production.pk, "start_date": "03/04/2025", "end_date": "30/09/2025"},
    )
    assert response.status_code == 302
    response = client.post(reverse("programs:worker_delete", args=[enterprise.pk, worker.pk]))
    assert response.status_code == 302
    assert not Worker.objects.filter(name="Ponisah").exists()
    actions = list(AuditEntry.objects.filter(enterprise=enterprise).values_list("action", flat=True))
    assert sorted(actions) == ["worker.create", "worker.delete", "worker.update"]


def test_a_program_without_roles_gets_the_default_roles(client, world):
    Worker.objects.filter(enterprise__cluster__program=world.enterprise_a1.program).update(role=None)
    WorkerRole.objects.filter(program=world.enterprise_a1.program).delete()
    client.force_login(world.owner_a1)
    response = client.get(reverse("programs:worker_create", args=[world.enterprise_a1.pk]))
    codes = [role.code for role in response.context["form"].fields["role"].queryset]
    assert codes == ["owner-manager", "production", "sales", "administration"]


def test_worker_of_another_enterprise_is_not_found_through_my_enterprise(client, world):
    other = WorkerFactory(enterprise=world.enterprise_a2)
    client.force_login(world.owner_a1)
    url = reverse("programs:worker_edit", args=[world.enterprise_a1.pk, other.pk])
    assert client.get(url).status_code == 404


def test_administrator_adds_and_edits_a_cluster(client, world):
    client.force_login(world.admin_a)
    response = client.post(
        reverse("programs:cluster_create", args=[world.program_a.pk]),
        {"name": "Ampel", "kind": "sub_district", "sub_district": "Wuluhan", "regency": "Jember"},
    )
    assert response.status_code == 302
    cluster = world.program_a.clusters.get(name="Ampel")
    response = client.post(
        reverse("programs:cluster_edit", args=[cluster.pk]),
        {"name": "Ampel", "kind": "industry_centre", "sub_district": "Wuluhan", "regency": "Jember"},
    )
    assert response.status_code == 302
    assert AuditEntry.objects.filter(action__startswith="cluster.").count() == 2


def test_facilitator_cannot_edit_the_program_or_its_clusters(client, world):
    client.force_login(world.facilitator_a1)
    assert client.get(reverse("programs:program_edit", args=[world.program_a.pk])).status_code == 403
    assert client.get(reverse("programs:cluster_edit", args=[world.cluster_a1.pk])).status_code == 403


def test_owner_sees_only_own_enterprise_in_own_cluster(client, world):
    client.force_login(world.owner_a1)
    response = client.get(reverse("programs:cluster_detail", args=[world.cluster_a1.pk]))
    assert [e.name for e in response.context["enterprises"]] == ["Enterprise A1"]

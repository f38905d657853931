"""What a new user trips over on the competency pages (found walking the demo at 360 px):
a round leads on to its gaps, plans, cohort plan and monitoring; the enterprise's progress table
names its sources; the Indonesian pages say the round's rule, the sources, the item and the
default roles in Indonesian."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from kinerja_web.competency.models import Source
from kinerja_web.competency.tests.test_rounds import make_site
from kinerja_web.programs.models import WorkerRole
from kinerja_web.programs.services import worker_roles_ensure
from kinerja_web.tests import factories as f


@pytest.fixture
def site(db):
    return make_site()


def _links(response) -> str:
    return response.content.decode()


def test_the_round_page_leads_a_facilitator_to_its_gaps_cohort_plan_plans_and_monitoring(client, site):
    client.force_login(site.facilitator)
    page = _links(client.get(reverse("competency:round_detail", args=[site.round.pk])))
    for address in (
        reverse("competency:gaps_round", args=[site.round.pk]),
        reverse("competency:cohort", args=[site.round.pk, site.cluster.pk]),
        reverse("competency:plan_list"),
        reverse("competency:monitoring_cluster", args=[site.cluster.pk]),
    ):
        assert f'href="{address}"' in page, address
        assert client.get(address).status_code == 200, address


def test_an_owner_is_led_to_the_gaps_and_plans_but_not_to_a_cohort_plan_they_cannot_open(client, site):
    client.force_login(site.owner)
    page = _links(client.get(reverse("competency:round_detail", args=[site.round.pk])))
    assert f'href="{reverse("competency:gaps_round", args=[site.round.pk])}"' in page
    assert reverse("competency:cohort", args=[site.round.pk, site.cluster.pk]) not in page
    assert reverse("competency:monitoring_cluster", args=[site.cluster.pk]) not in page
    enterprise_page = _links(
        client.get(reverse("competency:round_enterprise", args=[site.round.pk, site.enterprise.pk]))
    )
    for address in (
        reverse("competency:gaps_enterprise", args=[site.round.pk, site.enterprise.pk]),
        reverse("competency:enterprise_plans", args=[site.enterprise.pk]),
        reverse("competency:monitoring_enterprise", args=[site.enterprise.pk]),
    ):
        assert f'href="{address}"' in enterprise_page, address
        assert client.get(address).status_code == 200, address


def test_the_enterprise_progress_table_names_each_source_column(client, site):
    client.force_login(site.owner)
    response = client.get(reverse("competency:round_enterprise", args=[site.round.pk, site.enterprise.pk]))
    page = response.content.decode()
    head = page[page.index('<table class="progress">') :]
    head = head[: head.index("</thead>")]
    with translation.override("id"):
        for source in (Source.SELF, Source.OWNER, Source.FACILITATOR):
            assert f">{source.label}</th>" in head


def test_the_indonesian_round_page_says_the_rule_and_the_sources_in_indonesian(client, site):
    client.force_login(site.facilitator)
    page = client.get(reverse("competency:round_detail", args=[site.round.pk])).content.decode()
    assert "median sumber" in page and "median of the sources" not in page
    assert "pekerja (menilai diri sendiri)" in page and "worker (self-assessment)" not in page


def test_the_evidence_form_asks_for_a_butir_not_a_barang(client, site):
    client.force_login(site.owner)
    page = client.get(
        reverse("competency:evidence_upload", args=[site.round.pk, site.enterprise.pk])
    ).content.decode()
    assert ">Butir:</label>" in page and "Barang" not in page


def test_a_new_program_gets_its_default_roles_named_in_indonesian(db):
    program = f.ProgramFactory()
    with translation.override("id"):
        worker_roles_ensure(program=program)
    names = set(WorkerRole.objects.filter(program=program).values_list("name", flat=True))
    assert {"pemilik-pengelola", "produksi", "penjualan", "administrasi"} == names


def test_an_actions_saved_due_date_is_shown_day_first_as_its_placeholder_says(client, db, settings, tmp_path):
    from kinerja_web.competency.services import strategy as strategy_services
    from kinerja_web.competency.tests import strategy_world as sw

    settings.MEDIA_ROOT = tmp_path / "media"
    world = sw.build()
    enterprise = world.enterprises["satu"]
    plan = strategy_services.plan_generate(
        actor=world.facilitator, enterprise=enterprise, round=world.round1
    ).plan
    action = plan.actions.order_by("position").first()
    client.force_login(world.facilitator)
    url = reverse("competency:action", args=[action.pk])
    saved = client.post(url, {"title": action.title, "due_date": "22/06/2027", "status": "planned"})
    assert saved.status_code == 302
    page = client.get(url).content.decode()
    assert 'value="22/06/2027"' in page and "2027-06-22" not in page
    # What the page shows is read back as the same date.
    client.post(url, {"title": action.title, "due_date": "22/06/2027", "status": "planned"})
    action.refresh_from_db()
    assert action.due_date.isoformat() == "2027-06-22"

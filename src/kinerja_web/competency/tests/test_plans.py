"""Development plans: generated from a round's priorities by the rule set and the AHP lever weights,
edited (cost exact, status, evidence), regenerated without losing edits; cohort plans."""

from __future__ import annotations

import statistics
from collections import defaultdict

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from kinerja.ahp import analyse, parse_comparison
from kinerja_web.audit.models import AuditEntry
from kinerja_web.competency.models import DevelopmentPlan, PlanAction
from kinerja_web.competency.services import strategy as services
from kinerja_web.competency.tests import strategy_world as sw

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return sw.build()


def independent_weights() -> dict[str, float]:
    """The lever weights straight from kinerja.ahp (principal eigenvector), not via the competency core."""
    codes = [code for code, _name, _areas in sw.LEVERS]
    result = analyse(parse_comparison({"criteria": codes, "judgments": [list(j) for j in sw.JUDGMENTS]}))
    return dict(zip(codes, (float(w) for w in result.weights), strict=True))


def independent_gaps(rows, people) -> tuple[dict[str, float], dict[str, set[str]]]:
    """Per area: the sum of max(required - median of sources, 0), and who has a gap there."""
    sources = defaultdict(list)
    for person, code, _source, level in rows:
        if person in people:
            sources[(person, code)].append(level)
    area_of = {code: area for code, area, _name in sw.ITEMS}
    totals: dict[str, float] = defaultdict(float)
    who: dict[str, set[str]] = defaultdict(set)
    for (person, code), levels in sources.items():
        gap = max(sw.REQUIRED[code] - statistics.median(levels), 0)
        totals[area_of[code]] += gap
        if gap > 0:
            who[area_of[code]].add(person)
    return dict(totals), dict(who)


def expected_actions(people) -> list[tuple[str, str, float, set[str]]]:
    """(area, lever, priority, people) recomputed by hand from the rule set, weights and gaps."""
    weights = independent_weights()
    totals, who = independent_gaps(sw.ROUND1, people)
    rows = []
    for code, _name, areas in sw.LEVERS:
        for area in areas:
            if totals.get(area, 0) > 0:
                rows.append((area, code, weights[code] * totals[area], who[area]))
    return sorted(rows, key=lambda r: (-r[2], r[0], r[1]))


def test_generated_plan_matches_the_rule_set_and_the_ahp_weights(world):
    generation = services.plan_generate(
        actor=world.owner, enterprise=world.enterprises["satu"], round=world.round1
    )
    assert generation.created
    actions = list(generation.plan.actions.order_by("position").select_related("area", "lever"))
    expected = expected_actions({"siti", "budi"})
    # UD Satu: Manajemen (training, leadership), Produksi (training, technology), Komunikasi (networking).
    assert len(actions) == len(expected) == 5
    names = {worker.pk: key for key, worker in world.workers.items()}
    for action, (area, lever, priority, people) in zip(actions, expected, strict=True):
        assert (action.area.name, action.lever.code) == (area, lever)
        assert action.priority == pytest.approx(priority, rel=1e-9)
        assert {names[w.pk] for w in action.people.all()} == people
        assert action.title == f"{world.levers[lever].name}: {area}"
        assert action.status == PlanAction.Status.PLANNED
    audit = AuditEntry.objects.get(action="competency.plan.create")
    assert audit.changes["kept"] == 0 and len(audit.changes["added"]) == 5


def test_regenerating_keeps_edited_actions_and_adds_only_the_missing_ones(client, world):
    enterprise = world.enterprises["satu"]
    plan = services.plan_generate(actor=world.owner, enterprise=enterprise, round=world.round1).plan
    first = plan.actions.order_by("position").first()
    services.action_update(
        actor=world.owner, action=first, title="Kursus pembukuan di BLK", people=[], cost=750_000
    )
    removed = plan.actions.order_by("position").last()
    removed_key = (removed.area_id, removed.lever_id)
    removed.delete()
    client.force_login(world.owner)
    response = client.post(reverse("competency:plan_regenerate", args=[plan.pk]), follow=True)
    assert (
        "1 tindakan yang belum ada ditambahkan" in response.content.decode()
        or "1 missing action added" in (response.content.decode())
    )
    first.refresh_from_db()
    assert first.title == "Kursus pembukuan di BLK" and first.cost == 750_000
    assert list(first.people.all()) == []
    assert plan.actions.count() == 5
    assert plan.actions.filter(area_id=removed_key[0], lever_id=removed_key[1]).count() == 1
    # Once more: nothing to add, nothing changed.
    again = services.plan_generate(actor=world.owner, enterprise=enterprise, round=world.round1)
    assert not again.added and again.kept == 5


@translation.override("en")
def test_a_plan_needs_a_closed_round_of_the_enterprise(world):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="closed round"):
        services.plan_generate(actor=world.owner, enterprise=world.enterprises["satu"], round=world.round2)
    with pytest.raises(ValidationError, match="does not assess"):
        # UD Tiga's cluster is not round 1's.
        services.plan_generate(actor=world.admin, enterprise=world.enterprises["tiga"], round=world.round1)
    from kinerja_web.tests import factories as f

    unrated = f.EnterpriseFactory(cluster=world.lojejer, name="UD Baru")
    with pytest.raises(ValidationError, match="Nobody"):
        services.plan_generate(actor=world.admin, enterprise=unrated, round=world.round1)
    assert not DevelopmentPlan.objects.exists()


def test_owner_makes_the_plan_on_the_page_and_edits_an_action_with_exact_costs(client, world):
    enterprise = world.enterprises["satu"]
    client.force_login(world.owner)
    page = client.get(reverse("competency:enterprise_plans", args=[enterprise.pk]))
    assert page.status_code == 200
    response = client.post(
        reverse("competency:enterprise_plans", args=[enterprise.pk]), {"round": world.round1.pk}, follow=True
    )
    plan = DevelopmentPlan.objects.get(enterprise=enterprise, round=world.round1)
    assert response.redirect_chain[-1][0] == reverse("competency:plan", args=[plan.pk])
    text = response.content.decode()
    # The plan shows the rule set and the lever weights it came from.
    assert "Pengembangan kepemimpinan" in text and 'id="rules-title"' in text and 'id="weights-title"' in text
    actions = list(plan.actions.order_by("position"))
    siti, budi = world.workers["siti"], world.workers["budi"]
    costs = ["1.234.567", "999.999.999.999"]
    for action, cost in zip(actions[:2], costs, strict=True):
        response = client.post(
            reverse("competency:action", args=[action.pk]),
            {
                "title": action.title,
                "people": [siti.pk, budi.pk],
                "responsible": "Bu Siti",
                "due_date": "31/03/2026",
                "cost": cost,
                "status": "planned",
            },
        )
        assert response.status_code == 302, response.content.decode()
    actions[0].refresh_from_db()
    actions[1].refresh_from_db()
    assert actions[0].cost == 1_234_567 and actions[1].cost == 999_999_999_999
    assert actions[0].due_date.isoformat() == "2026-03-31"
    page = client.get(reverse("competency:plan", args=[plan.pk])).content.decode()
    assert "Rp 1.000.001.234.566" in page  # 1 234 567 + 999 999 999 999, exact
    # Half a Rupiah is refused, naming the field.
    bad = client.post(
        reverse("competency:action", args=[actions[2].pk]),
        {"title": "x", "cost": "1.500,5", "status": "planned"},
    )
    assert bad.status_code == 200 and "errorlist" in bad.content.decode()
    actions[2].refresh_from_db()
    assert actions[2].cost is None


def test_done_needs_evidence_and_the_file_is_served_only_to_who_sees_the_enterprise(client, world):
    enterprise = world.enterprises["satu"]
    plan = services.plan_generate(actor=world.facilitator, enterprise=enterprise, round=world.round1).plan
    action = plan.actions.order_by("position").first()
    client.force_login(world.facilitator)
    url = reverse("competency:action", args=[action.pk])
    response = client.post(url, {"title": action.title, "status": "done"})
    assert response.status_code == 200
    assert "bukti" in response.content.decode().lower() or "evidence" in response.content.decode().lower()
    action.refresh_from_db()
    assert action.status == PlanAction.Status.PLANNED
    wrong = SimpleUploadedFile("skrip.pdf", b"MZ not a pdf", content_type="application/pdf")
    response = client.post(
        url, {"title": action.title, "status": "done", "evidence_note": "Sertifikat", "evidence_file": wrong}
    )
    assert response.status_code == 200 and "skrip.pdf" in response.content.decode()
    photo = SimpleUploadedFile("sertifikat.pdf", b"%PDF-1.4 sertifikat", content_type="application/pdf")
    response = client.post(
        url,
        {
            "title": action.title,
            "status": "done",
            "done_on": "20/03/2026",
            "evidence_note": "Sertifikat pelatihan pembukuan dari Dinas Koperasi",
            "evidence_file": photo,
        },
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "done" and action.done_on.isoformat() == "2026-03-20"
    assert action.evidence_file.name.startswith(
        "competency/actions/evidence"
    ) and action.evidence_file.name.endswith(".pdf")
    evidence = reverse("competency:action_evidence", args=[action.pk])
    got = client.get(evidence)
    assert got.status_code == 200 and b"".join(got.streaming_content) == b"%PDF-1.4 sertifikat"
    assert got["X-Content-Type-Options"] == "nosniff"
    client.force_login(world.owner2)
    assert client.get(evidence).status_code == 404
    assert client.get(url).status_code == 404
    client.force_login(world.owner)
    assert client.get(evidence).status_code == 200
    entry = AuditEntry.objects.filter(action="competency.action.update").latest("pk")
    assert entry.changes["status"] == ["planned", "done"]


def test_pages_as_each_role(client, world):
    enterprise = world.enterprises["satu"]
    plan = services.plan_generate(actor=world.admin, enterprise=enterprise, round=world.round1).plan
    action = plan.actions.first()
    pages = [
        reverse("competency:plan", args=[plan.pk]),
        reverse("competency:action", args=[action.pk]),
        reverse("competency:enterprise_plans", args=[enterprise.pk]),
    ]
    from kinerja_web.tests import factories as f

    ampel_facilitator = f.facilitator(world.ampel, "pendamping_ampel")
    for user, status in (
        (world.owner, 200),
        (world.facilitator, 200),
        (world.admin, 200),
        (world.owner2, 404),
    ):
        client.force_login(user)
        for url in pages:
            assert client.get(url).status_code == status, (user.username, url)
    client.force_login(ampel_facilitator)
    assert all(client.get(url).status_code == 404 for url in pages)
    # The owner reaches the plan from their business in the menu, then its page's link.
    client.force_login(world.owner)
    home = client.get("/").content.decode()
    assert reverse("programs:enterprise_list") in home
    response = client.get(reverse("competency:plan_list"))
    assert reverse("competency:plan", args=[plan.pk]) in response.content.decode()
    detail = client.get(reverse("programs:enterprise_detail", args=[enterprise.pk])).content.decode()
    assert reverse("competency:enterprise_plans", args=[enterprise.pk]) in detail
    # Owners do not see the cohort plan nor the strategy pages.
    assert (
        client.get(reverse("competency:cohort", args=[world.round1.pk, world.lojejer.pk])).status_code == 404
    )
    assert client.get(reverse("competency:strategy", args=[world.framework.pk])).status_code == 404


def test_cohort_plan_sorted_by_priority_with_the_people_per_gap(client, world):
    client.force_login(world.facilitator)
    # Round 2 covers the whole program; the cohort is Lojejer's people only (Rina of Ampel is not in it).
    response = client.get(reverse("competency:cohort", args=[world.round2.pk, world.lojejer.pk]))
    assert response.status_code == 200
    cohort = response.context["cohort"]
    weights = independent_weights()
    totals, who = independent_gaps(sw.ROUND2, {"siti", "budi", "ani"})
    expected = sorted(
        [
            (area, code, weights[code] * totals[area], len(who[area]))
            for code, _name, areas in sw.LEVERS
            for area in areas
            if totals.get(area, 0) > 0
        ],
        key=lambda r: (-r[2], r[0], r[1]),
    )
    got = [(row.area, row.lever, row.priority, len(row.people)) for row in cohort.rows]
    assert [g[:2] for g in got] == [e[:2] for e in expected]
    for g, e in zip(got, expected, strict=True):
        assert g[2] == pytest.approx(e[2], rel=1e-9) and g[3] == e[3]
    assert [row.priority for row in cohort.rows] == sorted(
        (row.priority for row in cohort.rows), reverse=True
    )
    assert cohort.enterprises == 2 and cohort.people == 3
    names = {w.name for row in cohort.rows for w in row.people}
    assert "Rina" not in names
    manajemen = next(row for row in cohort.rows if row.area == "Manajemen")
    assert {e.enterprise.name: e.people_with_gap for e in manajemen.enterprises} == {
        "UD Satu": 1,
        "UD Dua": 1,
    }
    text = response.content.decode()
    assert "Jejaring" in text and 'id="rules-title"' in text
    # The facilitator of another cluster: 404.
    from kinerja_web.tests import factories as f

    client.force_login(f.facilitator(world.ampel, "pendamping_ampel"))
    assert (
        client.get(reverse("competency:cohort", args=[world.round2.pk, world.lojejer.pk])).status_code == 404
    )

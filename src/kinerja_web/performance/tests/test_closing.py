"""Closing a period freezes its scorecards; targets and actuals of a closed period cannot change."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from kinerja_web.audit.models import AuditEntry
from kinerja_web.frameworks.selectors import framework_is_locked
from kinerja_web.performance import services
from kinerja_web.performance.models import ScorecardResult, Target
from kinerja_web.performance.selectors import scorecard_compute
from kinerja_web.performance.tests import paper
from kinerja_web.records.models import Sale
from kinerja_web.tests import factories as f


def _turnover_from_records(world, target=Decimal(400_000_000)):
    """Let Sales turnover come from the sales records instead of the given realization."""
    row = Target.objects.get(scorecard=world.scorecard, node__name="Sales turnover")
    row.manual_realization = None
    row.target = target
    row.save()
    Sale.objects.create(enterprise=world.enterprise, date=world.period.start, amount_rp=300_000_000)


def test_closing_stores_the_result_and_locks_the_framework(paper_world):
    results = services.period_close(period=paper_world.period, closed_by=paper_world.admin)
    paper_world.period.refresh_from_db()
    assert paper_world.period.closed_at is not None
    assert paper_world.period.closed_by == paper_world.admin
    assert len(results) == 1
    stored = ScorecardResult.objects.get(scorecard=paper_world.scorecard)
    assert stored.total == pytest.approx(paper.TABLE1_TOTAL, abs=1e-9)
    assert (stored.rating_code, stored.rating_label, stored.rating_label_id) == (
        "very_good",
        "Very Good",
        "Sangat Baik",
    )
    assert stored.cluster == paper_world.cluster and stored.period == paper_world.period
    assert len(stored.rows) == 9 and stored.rows[0]["name"] == "Attendance"
    assert set(stored.perspectives) == {"Human Resources", "Production", "Finance"}
    assert framework_is_locked(paper_world.framework)
    assert AuditEntry.objects.filter(action="period.close").count() == 1


def test_the_result_stays_when_records_change_after_closing(paper_world):
    _turnover_from_records(paper_world)
    before = scorecard_compute(paper_world.scorecard).total
    services.period_close(period=paper_world.period, closed_by=paper_world.admin)
    Sale.objects.create(enterprise=paper_world.enterprise, date=paper_world.period.end, amount_rp=90_000_000)
    paper_world.scorecard.period.refresh_from_db()
    assert scorecard_compute(paper_world.scorecard).total == before
    # ...while in an open period the same change moves the score
    services.period_reopen(period=paper_world.period, actor=paper_world.admin)
    paper_world.scorecard.period.refresh_from_db()
    assert scorecard_compute(paper_world.scorecard).total > before


def test_editing_targets_of_a_closed_period_is_refused(paper_world):
    services.period_close(period=paper_world.period, closed_by=paper_world.admin)
    paper_world.scorecard.refresh_from_db()
    node = paper_world.framework.nodes.get(name="Attendance")
    with translation.override("en"), pytest.raises(ValidationError) as error:
        services.targets_save(
            scorecard=paper_world.scorecard, rows=[{"node": node, "target": "3000"}], actor=paper_world.owner
        )
    assert "Kuartal bulan 3 is closed" in str(error.value)
    assert Target.objects.get(scorecard=paper_world.scorecard, node=node).target == Decimal(2535)


def test_the_targets_page_of_a_closed_period_refuses_changes(client, paper_world):
    services.period_close(period=paper_world.period, closed_by=paper_world.admin)
    node = paper_world.framework.nodes.get(name="Attendance")
    client.force_login(paper_world.facilitator)
    url = reverse("performance:targets", args=[paper_world.enterprise.pk, paper_world.period.pk])
    client.cookies["django_language"] = "en"
    response = client.post(url, {f"target_{node.pk}": "3000"})
    assert response.status_code == 200
    assert "is closed" in response.content.decode()
    assert Target.objects.get(scorecard=paper_world.scorecard, node=node).target == Decimal(2535)


def test_the_targets_page_of_a_closed_period_shows_the_frozen_actual_from_the_records(client, paper_world):
    _turnover_from_records(paper_world)
    services.period_close(period=paper_world.period, closed_by=paper_world.admin)
    Sale.objects.create(enterprise=paper_world.enterprise, date=paper_world.period.end, amount_rp=90_000_000)
    sales = paper_world.framework.nodes.get(name="Sales turnover")
    client.force_login(paper_world.owner)
    client.cookies["django_language"] = "en"

    html = client.get(reverse("performance:targets", args=[paper_world.enterprise.pk, paper_world.period.pk]))

    text = html.content.decode()
    assert html.status_code == 200 and "is closed" in text
    assert "Actual from the records: <strong>Rp 300,000,000" in text  # frozen, not today's 390 million
    assert f'name="actual_{sales.pk}"' not in text  # not an empty box for a typed actual


def test_a_scorecard_that_cannot_be_scored_is_left_out_of_the_close_and_named_with_the_row(paper_world):
    # Changed with the review step: a close no longer waits for every scorecard; an approved one
    # that cannot be scored is left out (not frozen, not ranked) and named with the row.
    Target.objects.filter(scorecard=paper_world.scorecard, node__name="Work rotation").delete()
    with translation.override("en"):
        listed = services.left_out(paper_world.period)
        assert [item.enterprise.name for item in listed] == ["UD Pramitha Salsabila"]
        assert "Row 4 (Work rotation)" in listed[0].reason
        assert services.period_close(period=paper_world.period, closed_by=paper_world.admin) == []
    paper_world.period.refresh_from_db()
    assert paper_world.period.closed_at is not None
    assert not ScorecardResult.objects.exists()


def test_a_facilitator_cannot_freeze_the_scorecards_of_another_cluster(client, paper_world):
    tamansari = f.ClusterFactory(program=paper_world.program, name="Tamansari")
    other = f.EnterpriseFactory(cluster=tamansari, name="UD Nira Tamansari")
    paper.table1_scorecard(other, paper_world.period, paper_world.framework)
    url = reverse("performance:period_close", args=[paper_world.period.pk])
    client.force_login(paper_world.facilitator)
    client.cookies["django_language"] = "en"

    detail = client.get(reverse("performance:period_detail", args=[paper_world.period.pk])).content.decode()
    refused = client.post(url)

    assert refused.status_code == 403
    assert "an administrator of the program closes it" in detail and url not in detail
    paper_world.period.refresh_from_db()
    assert paper_world.period.closed_at is None and not ScorecardResult.objects.exists()
    with pytest.raises(PermissionDenied):
        services.period_close(period=paper_world.period, closed_by=paper_world.facilitator)
    services.period_close(period=paper_world.period, closed_by=paper_world.admin)
    assert ScorecardResult.objects.count() == 2


def test_only_administrators_reopen_and_it_is_audited(paper_world):
    services.period_close(period=paper_world.period, closed_by=paper_world.facilitator)
    with pytest.raises(PermissionDenied):
        services.period_reopen(period=paper_world.period, actor=paper_world.facilitator)
    services.period_reopen(period=paper_world.period, actor=paper_world.admin)
    paper_world.period.refresh_from_db()
    assert paper_world.period.closed_at is None
    assert not ScorecardResult.objects.exists()
    entry = AuditEntry.objects.get(action="period.reopen")
    assert entry.actor == paper_world.admin
    assert entry.changes["removed_results"]


def test_owners_cannot_close_a_period(paper_world):
    with pytest.raises(PermissionDenied):
        services.period_close(period=paper_world.period, closed_by=paper_world.owner)


def test_closing_through_the_page_asks_for_confirmation_first(client, paper_world):
    client.force_login(paper_world.facilitator)
    url = reverse("performance:period_close", args=[paper_world.period.pk])
    client.cookies["django_language"] = "en"
    response = client.get(url)
    assert response.status_code == 200 and "Yes, close the period" in response.content.decode()
    paper_world.period.refresh_from_db()
    assert paper_world.period.closed_at is None
    response = client.post(url)
    assert response.status_code == 302
    paper_world.period.refresh_from_db()
    assert paper_world.period.closed_at is not None


def _enterprises_with_scorecards(world, count):
    for number in range(count):
        enterprise = f.EnterpriseFactory(cluster=world.cluster, name=f"UMKM {number:02d}")
        paper.table1_scorecard(enterprise, world.period, world.framework)
        Sale.objects.create(enterprise=enterprise, date=datetime.date(2021, 11, 1), amount_rp=1000)


def _close_queries(world, django_assert_max_num_queries, count, budget):
    _enterprises_with_scorecards(world, count)
    with django_assert_max_num_queries(budget) as captured:
        services.period_close(period=world.period, closed_by=world.admin)
    return len(captured.captured_queries)


def test_closing_many_enterprises_costs_the_same_queries_as_few(db, django_assert_max_num_queries):
    counts = []
    for extra in (1, 19):
        program = f.ProgramFactory()
        cluster = f.ClusterFactory(program=program)
        enterprise = f.EnterpriseFactory(cluster=cluster)
        framework = paper.paper_framework(program)
        period = paper.period(program, 2)
        paper.table1_scorecard(enterprise, period, framework)
        world = type("W", (), {"cluster": cluster, "period": period, "framework": framework})()
        world.admin = f.program_admin(program)
        counts.append(_close_queries(world, django_assert_max_num_queries, extra, 60))
    assert counts[0] == counts[1]

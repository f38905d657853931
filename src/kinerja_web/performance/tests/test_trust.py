"""Who may score: targets, given realizations and the framework are the facilitator's; owners
propose (when the program allows it) and a proposal counts nowhere until accepted; the review
step (facilitator approves, owner acknowledges); a close freezes only approved scorecards and
names the others; typed figures are marked; a stale form is refused naming what changed."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from kinerja_web.audit.models import AuditEntry
from kinerja_web.performance import services
from kinerja_web.performance.models import Proposal, Scorecard, ScorecardResult, Target
from kinerja_web.performance.selectors import scorecard_compute
from kinerja_web.performance.tests import paper
from kinerja_web.tests import factories as f


def _node(world, name):
    return world.framework.nodes.get(name=name)


def _targets_url(world) -> str:
    return reverse("performance:targets", args=[world.enterprise.pk, world.period.pk])


def _scorecard_url(world, period=None) -> str:
    return reverse("performance:scorecard", args=[world.enterprise.pk, (period or world.period).pk])


def _form_data(page) -> dict:
    form = page.context["form"]
    data = {}
    for name, value in form.initial.items():
        data[name] = form.fields[name].prepare_value(value) if value is not None else ""
    return data


def _allow_proposals(world) -> None:
    world.program.owners_may_propose = True
    world.program.save()


# --- The owner does not set targets, given realizations or the framework -----------------------


def test_the_owner_cannot_set_a_target_or_a_given_realization_through_the_service(paper_world):
    attendance = _node(paper_world, "Attendance")
    for row in ({"target": "1"}, {"manual_realization": "100"}):
        with pytest.raises(PermissionDenied):
            services.targets_save(
                scorecard=paper_world.scorecard, rows=[{"node": attendance, **row}], actor=paper_world.owner
            )
    stored = Target.objects.get(scorecard=paper_world.scorecard, node=attendance)
    assert (stored.target, stored.manual_realization) == (Decimal(2535), Decimal("89.58"))
    assert not AuditEntry.objects.filter(action="scorecard.targets_save").exists()


def test_the_owners_form_has_no_target_fields_and_a_forged_post_is_refused(client, paper_world):
    attendance = _node(paper_world, "Attendance")
    client.force_login(paper_world.owner)
    client.cookies["django_language"] = "en"
    page = client.get(_targets_url(paper_world))
    html = page.content.decode()
    assert page.status_code == 200
    assert f'name="target_{attendance.pk}"' not in html and f'name="realization_{attendance.pk}"' not in html
    assert "Targets and given realizations are set by your facilitator" in html

    forged = client.post(_targets_url(paper_world), {f"realization_{attendance.pk}": "100"})

    assert forged.status_code == 403
    assert Target.objects.get(scorecard=paper_world.scorecard, node=attendance).manual_realization == Decimal(
        "89.58"
    )


def test_the_owner_still_types_the_actuals_not_from_the_records(client, paper_world):
    price = _node(paper_world, "Product price to total sales")
    client.force_login(paper_world.owner)
    client.cookies["django_language"] = "en"
    data = _form_data(client.get(_targets_url(paper_world)))
    data[f"actual_{price.pk}"] = "110000000"

    response = client.post(_targets_url(paper_world), data)

    assert response.status_code == 302
    row = Target.objects.get(scorecard=paper_world.scorecard, node=price)
    assert (row.target, row.manual_actual) == (Decimal(118_441_250), Decimal(110_000_000))


def test_the_owner_cannot_choose_the_framework(client, paper_world):
    later = paper.period(paper_world.program, 1)
    client.force_login(paper_world.owner)
    page = client.get(_scorecard_url(paper_world, later)).content.decode()
    assert reverse("performance:scorecard_start", args=[paper_world.enterprise.pk, later.pk]) not in page
    response = client.post(
        reverse("performance:scorecard_start", args=[paper_world.enterprise.pk, later.pk]),
        {"framework": paper_world.framework.pk},
    )
    assert response.status_code == 403
    assert not Scorecard.objects.filter(period=later).exists()
    with pytest.raises(PermissionDenied):
        services.scorecard_create(
            actor=paper_world.owner,
            enterprise=paper_world.enterprise,
            period=later,
            framework=paper_world.framework,
        )


# --- Proposals ---------------------------------------------------------------------------------


def test_a_proposal_counts_nowhere_until_the_facilitator_accepts_it(client, paper_world):
    _allow_proposals(paper_world)
    attendance = _node(paper_world, "Attendance")
    before = scorecard_compute(paper_world.scorecard).total
    client.force_login(paper_world.owner)
    client.cookies["django_language"] = "en"
    data = _form_data(client.get(_targets_url(paper_world)))
    data[f"realization_{attendance.pk}"] = "100"

    response = client.post(_targets_url(paper_world), data, follow=True)

    html = response.content.decode()
    assert "sent to your facilitator" in html and "Pending proposal" in html
    proposal = Proposal.objects.get(status=Proposal.Status.PENDING)
    assert proposal.rows == [{"node": attendance.pk, "target": "2535", "manual_realization": "100"}]
    assert Target.objects.get(scorecard=paper_world.scorecard, node=attendance).manual_realization == Decimal(
        "89.58"
    )
    assert scorecard_compute(paper_world.scorecard).total == before  # not in the score
    services.period_close(period=paper_world.period, closed_by=paper_world.admin)
    assert ScorecardResult.objects.get().total == pytest.approx(before)  # nor in the frozen ranking
    services.period_reopen(period=paper_world.period, actor=paper_world.admin)

    client.force_login(paper_world.facilitator)
    accepted = client.post(
        reverse("performance:proposal_accept", args=[paper_world.enterprise.pk, proposal.pk]), follow=True
    )

    assert "Proposal accepted" in accepted.content.decode()
    assert Target.objects.get(scorecard=paper_world.scorecard, node=attendance).manual_realization == 100
    paper_world.scorecard.refresh_from_db()
    assert scorecard_compute(paper_world.scorecard).total > before
    assert AuditEntry.objects.filter(action="proposal.submit").count() == 1
    assert AuditEntry.objects.filter(action="proposal.accept").count() == 1
    with translation.override("en"), pytest.raises(ValidationError, match="accepted already"):
        services.proposal_reject(actor=paper_world.facilitator, proposal=proposal)


def test_a_rejected_proposal_leaves_the_scorecard_and_the_owner_cannot_decide(paper_world):
    _allow_proposals(paper_world)
    attendance = _node(paper_world, "Attendance")
    proposal = services.proposal_submit(
        actor=paper_world.owner,
        enterprise=paper_world.enterprise,
        period=paper_world.period,
        rows=[{"node": attendance.pk, "target": "1", "manual_realization": None}],
    )
    with pytest.raises(PermissionDenied):
        services.proposal_accept(actor=paper_world.owner, proposal=proposal)
    services.proposal_reject(actor=paper_world.facilitator, proposal=proposal)
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.REJECTED
    assert Target.objects.get(scorecard=paper_world.scorecard, node=attendance).target == Decimal(2535)
    assert AuditEntry.objects.filter(action="proposal.reject").count() == 1


def test_the_owner_proposes_the_framework_and_the_facilitators_acceptance_starts_the_scorecard(
    client, paper_world
):
    _allow_proposals(paper_world)
    later = paper.period(paper_world.program, 1)
    client.force_login(paper_world.owner)
    client.cookies["django_language"] = "en"
    response = client.post(
        reverse("performance:scorecard_start", args=[paper_world.enterprise.pk, later.pk]),
        {"framework": paper_world.framework.pk},
        follow=True,
    )
    assert "the scorecard starts when your facilitator accepts it" in response.content.decode()
    assert not Scorecard.objects.filter(period=later).exists()
    proposal = Proposal.objects.get(period=later)
    services.proposal_accept(actor=paper_world.facilitator, proposal=proposal)
    assert (
        Scorecard.objects.get(period=later, enterprise=paper_world.enterprise).framework
        == paper_world.framework
    )


def test_proposals_are_refused_unless_the_program_allows_them(paper_world):
    with pytest.raises(PermissionDenied):
        services.proposal_submit(
            actor=paper_world.owner,
            enterprise=paper_world.enterprise,
            period=paper_world.period,
            rows=[{"node": _node(paper_world, "Attendance").pk, "target": "1"}],
        )


def test_administrators_switch_proposals_on_where_program_settings_are_edited(client, paper_world):
    client.force_login(paper_world.admin)
    url = reverse("programs:program_edit", args=[paper_world.program.pk])
    page = client.get(url)
    assert page.status_code == 200 and 'name="owners_may_propose"' in page.content.decode()
    client.force_login(paper_world.facilitator)
    assert client.get(url).status_code in (403, 404)


# --- The review step and the close ------------------------------------------------------------


def test_the_facilitator_approves_the_owner_acknowledges_with_a_comment(client, paper_world):
    card = paper.table1_scorecard(
        f.EnterpriseFactory(cluster=paper_world.cluster, name="UD Baru", owner=paper_world.owner),
        paper_world.period,
        paper_world.framework,
        approved=False,
    )
    base = [card.enterprise.pk, paper_world.period.pk]
    client.force_login(paper_world.owner)
    assert client.post(reverse("performance:scorecard_approve", args=base)).status_code == 403
    client.cookies["django_language"] = "en"
    client.force_login(paper_world.facilitator)
    page = client.get(reverse("performance:scorecard", args=base)).content.decode()
    assert "Approve the scorecard" in page

    client.post(reverse("performance:scorecard_approve", args=base), {"version": card.version})

    card.refresh_from_db()
    assert card.approved_at is not None and card.approved_by == paper_world.facilitator
    client.force_login(paper_world.owner)
    client.post(reverse("performance:scorecard_acknowledge", args=base), {"comment": "Sudah saya baca."})
    card.refresh_from_db()
    assert card.acknowledged_by == paper_world.owner and card.acknowledgement == "Sudah saya baca."
    page = client.get(reverse("performance:scorecard", args=base)).content.decode()
    assert "acknowledged by the owner" in page and "Sudah saya baca." in page
    assert AuditEntry.objects.filter(action="scorecard.approve").count() == 1
    assert AuditEntry.objects.filter(action="scorecard.acknowledge").count() == 1


def test_a_change_of_the_figures_withdraws_the_approval(paper_world):
    assert paper_world.scorecard.approved_at is not None
    services.targets_save(
        scorecard=paper_world.scorecard,
        rows=[{"node": _node(paper_world, "Attendance"), "target": "2600"}],
        actor=paper_world.facilitator,
    )
    paper_world.scorecard.refresh_from_db()
    assert paper_world.scorecard.approved_at is None
    assert "approval_withdrawn" in AuditEntry.objects.get(action="scorecard.targets_save").changes


def test_the_close_freezes_approved_scorecards_and_names_the_others_with_the_reason(client, paper_world):
    other = f.EnterpriseFactory(
        cluster=paper_world.cluster, name="UD Belum Disetujui", net_assets=650_000_000
    )
    paper.table1_scorecard(other, paper_world.period, paper_world.framework, approved=False)
    client.force_login(paper_world.admin)
    client.cookies["django_language"] = "en"
    url = reverse("performance:period_close", args=[paper_world.period.pk])
    before = client.get(url).content.decode()
    assert "Will not be frozen or ranked" in before
    assert "UD Belum Disetujui</a>: not approved by the facilitator" in before

    after = client.post(url, follow=True).content.decode()

    assert "closed: 1 scorecards frozen" in after
    assert "Not frozen, not in the ranking" in after
    assert "UD Belum Disetujui</a>: not approved by the facilitator" in after
    assert list(ScorecardResult.objects.values_list("enterprise__name", flat=True)) == [
        "UD Pramitha Salsabila"
    ]
    entry = AuditEntry.objects.get(action="period.close")
    assert entry.changes["left_out"] == ["UD Belum Disetujui: not approved by the facilitator"]


# --- Typed figures, stale forms ----------------------------------------------------------------


def test_typed_figures_are_marked_with_a_legend(client, paper_world):
    client.force_login(paper_world.owner)
    client.cookies["django_language"] = "en"
    html = client.get(_scorecard_url(paper_world)).content.decode()
    assert html.count('class="typed"') >= 9  # Table 1 gives every realization directly
    assert "typed by hand (an actual entered or a realization given), not computed from the records" in html


def test_a_form_saved_over_a_newer_version_is_refused_and_says_what_changed(client, paper_world):
    attendance = _node(paper_world, "Attendance")
    client.force_login(paper_world.facilitator)
    client.cookies["django_language"] = "en"
    data = _form_data(client.get(_targets_url(paper_world)))
    services.targets_save(
        scorecard=paper_world.scorecard,
        rows=[{"node": attendance, "target": "2600"}],
        actor=paper_world.admin,
    )
    data[f"target_{attendance.pk}"] = "2700"

    response = client.post(_targets_url(paper_world), data)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Someone else changed this scorecard after you opened it, so nothing was saved" in html
    assert "admin1" in html and "Attendance, target: 2535 → 2600" in html
    assert Target.objects.get(scorecard=paper_world.scorecard, node=attendance).target == Decimal(2600)


def test_the_ranking_marks_a_result_with_typed_figures(client, paper_world):
    services.period_close(period=paper_world.period, closed_by=paper_world.admin)
    assert ScorecardResult.objects.get().typed == 9  # Table 1: nine realizations given directly
    client.force_login(paper_world.admin)
    client.cookies["django_language"] = "en"
    url = reverse("dashboards:program", args=[paper_world.program.pk]) + f"?period={paper_world.period.pk}"
    html = client.get(url).content.decode()
    assert 'title="Figures typed by hand, not computed from the records: 9">✎</span>' in html
    assert "the scorecard has figures typed by hand" in html


def test_a_facilitator_who_owns_the_enterprise_neither_scores_nor_approves_it(client, paper_world):
    # Found in QA: a facilitator made owner of an enterprise of their cluster set its targets and
    # approved its scorecard; nobody scores their own enterprise.
    _allow_proposals(paper_world)
    own = paper.table1_scorecard(
        f.EnterpriseFactory(cluster=paper_world.cluster, name="UD Pendamping", owner=paper_world.facilitator),
        paper_world.period,
        paper_world.framework,
        approved=False,
    )
    base = [own.enterprise.pk, paper_world.period.pk]
    attendance = _node(paper_world, "Attendance")
    with pytest.raises(PermissionDenied):
        services.targets_save(
            scorecard=own, rows=[{"node": attendance, "target": "1"}], actor=paper_world.facilitator
        )
    client.force_login(paper_world.facilitator)
    assert (
        client.post(reverse("performance:scorecard_approve", args=base), {"version": own.version}).status_code
        == 403
    )
    own.refresh_from_db()
    assert own.approved_at is None
    # As its owner, they propose; the proposal waits for someone else and they cannot accept it.
    page = client.get(reverse("performance:targets", args=base))
    data = {**_form_data(page), f"target_{attendance.pk}": "1"}
    client.post(reverse("performance:targets", args=base), data)
    proposal = Proposal.objects.get(enterprise=own.enterprise)
    assert proposal.status == Proposal.Status.PENDING
    accept = reverse("performance:proposal_accept", args=[own.enterprise.pk, proposal.pk])
    assert client.post(accept).status_code == 403
    assert Target.objects.get(scorecard=own, node=attendance).target == Decimal(2535)

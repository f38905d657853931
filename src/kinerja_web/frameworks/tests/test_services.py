"""Changing frameworks: audited, all-or-nothing, checked by the core, never under a closed period."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja_web.audit.models import AuditEntry
from kinerja_web.frameworks import paper, selectors, services
from kinerja_web.frameworks.judgments import JudgmentError
from kinerja_web.frameworks.models import ExpertJudgment, Framework, Node
from kinerja_web.frameworks.tests.factories import (
    close_period_with,
    micro_framework,
    three_indicators,
)
from kinerja_web.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def cluster():
    return f.ClusterFactory()


@pytest.fixture
def facilitator(cluster):
    return f.facilitator(cluster, "pendamping")


def test_creating_from_the_papers_template_copies_its_tree_and_is_audited(cluster, facilitator):
    framework = services.framework_create_from_template(
        program=cluster.program,
        template="paper-medium",
        name="KPI 2025",
        size_class="medium",
        actor=facilitator,
    )

    assert framework.nodes.filter(kind=Node.Kind.INDICATOR).count() == 9
    assert framework.version == 1 and framework.previous is None
    assert sum(i.global_weight_pct for i in selectors.framework_indicators(framework)) == pytest.approx(100)
    entry = AuditEntry.objects.get(action="framework.create")
    assert entry.program == cluster.program and entry.changes["template"] == "paper-medium"


def test_creating_from_a_stored_framework_copies_its_judgments(cluster, facilitator):
    source = micro_framework(cluster.program)

    copy = services.framework_create_from_template(
        program=cluster.program, template=source, name="Mikro 2025", size_class="micro", actor=facilitator
    )

    assert copy.lineage != source.lineage
    assert ExpertJudgment.objects.filter(node__framework=copy).count() == 4
    assert [i.global_weight_pct for i in selectors.framework_indicators(copy)] == pytest.approx(
        [i.global_weight_pct for i in selectors.framework_indicators(source)], abs=1e-12
    )


def test_only_administrators_make_templates(cluster, facilitator):
    with pytest.raises(PermissionDenied):
        services.framework_create_from_template(
            program=cluster.program,
            template="empty",
            name="T",
            size_class="",
            actor=facilitator,
            is_template=True,
        )


def test_a_new_version_deep_copies_nodes_and_judgments_with_their_ids_remapped(cluster, facilitator):
    framework = micro_framework(cluster.program)

    copy = services.framework_new_version(framework=framework, actor=facilitator)

    assert (copy.version, copy.previous, copy.lineage) == (2, framework, framework.lineage)
    assert copy.nodes.count() == framework.nodes.count()
    copied_ids = set(copy.nodes.values_list("pk", flat=True))
    for judgment_set in ExpertJudgment.objects.filter(node__framework=copy):
        assert {pk for entry in judgment_set.judgments for pk in entry[:2]} <= copied_ids
        assert judgment_set.node.framework == copy
    assert [i.global_weight_pct for i in selectors.framework_indicators(copy)] == pytest.approx(
        [i.global_weight_pct for i in selectors.framework_indicators(framework)], abs=1e-12
    )
    assert AuditEntry.objects.filter(action="framework.new_version", object_id=str(copy.pk)).exists()


def test_every_edit_of_a_framework_used_by_a_closed_period_is_refused_and_a_new_version_is_editable(
    cluster, facilitator
):
    framework = micro_framework(cluster.program)
    close_period_with(framework, f.EnterpriseFactory(cluster=cluster))
    sdm = framework.nodes.get(name=paper.SDM)
    kehadiran = sdm.children.get(name="Kehadiran")
    judgment_set = sdm.judgment_sets.first()
    edits = [
        lambda: services.framework_update(framework=framework, actor=facilitator, name="Baru"),
        lambda: services.node_add(parent=sdm, name="Disiplin", actor=facilitator),
        lambda: services.node_rename(node=kehadiran, name="Absensi", actor=facilitator),
        lambda: services.node_move(node=kehadiran, offset=1, actor=facilitator),
        lambda: services.node_delete(node=kehadiran, actor=facilitator),
        lambda: services.node_update_indicator(
            node=kehadiran, unit="hari", direction="higher", actual_source="manual", actor=facilitator
        ),
        lambda: services.node_update_weighting(node=sdm, weight_mode="adopted", actor=facilitator),
        lambda: services.judgments_save(
            node=sdm, expert_name="Baru", judgments=judgment_set.judgments, actor=facilitator
        ),
        lambda: services.judgments_delete(judgment_set=judgment_set, actor=facilitator),
        lambda: services.suggestion_apply(
            judgment_set=judgment_set, pair=tuple(judgment_set.judgments[0][:2]), value="1", actor=facilitator
        ),
        lambda: services.adopted_weights_save(
            node=sdm, weights={c.pk: 1 / 3 for c in sdm.children.all()}, actor=facilitator
        ),
        lambda: services.framework_delete(framework=framework, actor=facilitator),
    ]
    audit_rows = AuditEntry.objects.count()

    for edit in edits:
        with pytest.raises(services.FrameworkLocked):
            edit()

    assert AuditEntry.objects.count() == audit_rows
    copy = services.framework_new_version(framework=framework, actor=facilitator)
    services.node_rename(node=copy.nodes.get(name="Kehadiran"), name="Absensi", actor=facilitator)
    assert framework.nodes.filter(name="Kehadiran").exists()


def test_owner_and_another_programs_facilitator_may_not_edit(cluster):
    _framework, sdm, _ = three_indicators(cluster.program)
    enterprise = f.EnterpriseFactory(cluster=cluster)
    for intruder in (f.owner(enterprise), f.facilitator(f.ClusterFactory())):
        with pytest.raises(PermissionDenied):
            services.node_add(parent=sdm, name="Disiplin", actor=intruder)
    assert not sdm.children.filter(name="Disiplin").exists()


def test_a_bad_judgment_names_the_pair_and_saves_nothing(cluster, facilitator):
    _framework, sdm, (a, b, c) = three_indicators(cluster.program)
    audit_rows = AuditEntry.objects.count()

    with pytest.raises(JudgmentError) as raised:
        services.judgments_save(
            node=sdm,
            expert_name="Ahli",
            judgments=[[a.pk, b.pk, "3"], [a.pk, c.pk, "12"], [b.pk, c.pk, "2"]],
            actor=facilitator,
        )

    assert "Kehadiran vs Rotasi kerja" in raised.value.message
    assert "Saaty" in raised.value.message
    assert raised.value.pair == (a.pk, c.pk)
    assert not ExpertJudgment.objects.exists()
    assert AuditEntry.objects.count() == audit_rows


def test_a_judgment_that_is_not_a_number_names_the_pair(cluster, facilitator):
    _framework, sdm, (a, b, c) = three_indicators(cluster.program)

    with pytest.raises(JudgmentError) as raised:
        services.judgments_save(
            node=sdm,
            expert_name="Ahli",
            judgments=[[b.pk, c.pk, "tiga"], [a.pk, b.pk, "3"]],
            actor=facilitator,
        )

    assert raised.value.message.startswith("Waktu produksi vs Rotasi kerja")


def test_judgments_are_saved_audited_and_replaced_per_expert(cluster, facilitator):
    _framework, sdm, (a, b, c) = three_indicators(cluster.program)
    judgments = [[a.pk, b.pk, 3], [a.pk, c.pk, "5"], [b.pk, c.pk, 2.0]]

    first = services.judgments_save(node=sdm, expert_name="Ahli", judgments=judgments, actor=facilitator)
    again = services.judgments_save(
        node=sdm,
        expert_name="Ahli",
        judgments=[*judgments[:2], [c.pk, b.pk, "1/2"]],
        expert_weight=2,
        actor=facilitator,
    )

    assert first.pk == again.pk
    assert again.judgments[0] == [a.pk, b.pk, "3"]
    assert again.judgments[2] == [c.pk, b.pk, "1/2"]
    assert again.expert_weight == 2
    assert list(
        AuditEntry.objects.filter(object_type="frameworks.expertjudgment")
        .order_by("pk")
        .values_list("action", flat=True)
    ) == [
        "judgments.create",
        "judgments.update",
    ]


def test_one_transaction_a_failing_audit_leaves_nothing(cluster, facilitator, monkeypatch):
    framework = micro_framework(cluster.program)
    versions = Framework.objects.count()
    nodes = Node.objects.count()

    def broken(**kwargs):
        raise RuntimeError("audit down")

    monkeypatch.setattr(services.frameworks, "record", broken)
    with pytest.raises(RuntimeError):
        services.framework_new_version(framework=framework, actor=facilitator)

    assert Framework.objects.count() == versions
    assert Node.objects.count() == nodes


def test_suggestion_apply_changes_one_judgment_and_lowers_the_cr(cluster, facilitator):
    framework = micro_framework(cluster.program)
    sdm = framework.nodes.get(name=paper.SDM)
    inconsistent = sdm.judgment_sets.get(expert_name="Pendamping lapangan")
    before = next(row for row in selectors.node_analysis(sdm).experts if row.judgment_set == inconsistent).cr
    by_name = {child.name: child.pk for child in sdm.children.all()}

    services.suggestion_apply(
        judgment_set=inconsistent,
        pair=(by_name["Kehadiran"], by_name["Waktu operasional"]),
        value=1.0,
        actor=facilitator,
    )

    inconsistent.refresh_from_db()
    assert [by_name["Kehadiran"], by_name["Waktu operasional"], "1"] in inconsistent.judgments
    assert len(inconsistent.judgments) == 3
    after = next(row for row in selectors.node_analysis(sdm).experts if row.judgment_set == inconsistent).cr
    assert after < 0.1 < before


def test_adopted_weights_must_sum_to_one(cluster, facilitator):
    framework, sdm, (a, b, c) = three_indicators(cluster.program)

    with pytest.raises(ValidationError):
        services.adopted_weights_save(node=sdm, weights={a.pk: 0.5, b.pk: 0.3, c.pk: 0.1}, actor=facilitator)

    services.adopted_weights_save(node=sdm, weights={a.pk: 0.5, b.pk: 0.3, c.pk: 0.2}, actor=facilitator)
    assert [i.global_weight_pct for i in selectors.framework_indicators(framework)] == pytest.approx(
        [50, 30, 20]
    )


def test_removing_a_child_removes_the_judgments_that_compare_it(cluster, facilitator):
    framework, sdm, (a, b, c) = three_indicators(cluster.program)
    services.judgments_save(
        node=sdm,
        expert_name="Ahli",
        judgments=[[a.pk, b.pk, "3"], [a.pk, c.pk, "5"], [b.pk, c.pk, "2"]],
        actor=facilitator,
    )

    services.node_delete(node=c, actor=facilitator)

    assert sdm.judgment_sets.get().judgments == [[a.pk, b.pk, "3"]]
    assert list(sdm.children.values_list("name", "position")) == [("Kehadiran", 0), ("Waktu produksi", 1)]
    assert selectors.framework_indicators(framework)[0].global_weight_pct == pytest.approx(75)


def test_node_names_are_unique_among_siblings_and_indicators_have_no_children(cluster, facilitator):
    _framework, sdm, (a, _b, _c) = three_indicators(cluster.program)

    with pytest.raises(ValidationError):
        services.node_add(parent=sdm, name="Kehadiran", actor=facilitator)
    with pytest.raises(ValidationError):
        services.node_add(parent=a, name="Sub", actor=facilitator)


def test_moving_a_node_reorders_siblings_or_changes_its_parent(cluster, facilitator):
    _framework, sdm, (a, _b, c) = three_indicators(cluster.program)
    goal = sdm.parent
    other = services.node_add(parent=goal, name="Produksi", kind="perspective", actor=facilitator)

    services.node_move(node=c, offset=-2, actor=facilitator)
    assert list(sdm.children.order_by("position").values_list("name", flat=True)) == [
        "Rotasi kerja",
        "Kehadiran",
        "Waktu produksi",
    ]
    services.node_move(node=c, new_parent=other, actor=facilitator)
    c.refresh_from_db()
    assert c.parent == other
    with pytest.raises(ValidationError):
        services.node_move(node=sdm, new_parent=a, actor=facilitator)


def test_an_indicator_with_targets_in_a_scorecard_is_not_removed(cluster, facilitator):
    from kinerja_web.performance.models import Target

    framework, sdm, (a, _b, _c) = three_indicators(cluster.program)
    enterprise = f.EnterpriseFactory(cluster=cluster)
    scorecard = close_period_with(framework, enterprise, closed=False)
    Target.objects.create(scorecard=scorecard, enterprise=enterprise, node=a, target=10)

    with pytest.raises(ValidationError) as raised:
        services.node_delete(node=a, actor=facilitator)

    assert "Kehadiran" in raised.value.messages[0]
    assert sdm.children.filter(pk=a.pk).exists()
    assert not AuditEntry.objects.filter(action="node.delete").exists()

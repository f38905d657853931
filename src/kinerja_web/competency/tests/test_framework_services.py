"""Services of competency frameworks: the template, versions, frozen refusal, roles, audit."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kinerja_web.audit.models import AuditEntry
from kinerja_web.competency import defaults
from kinerja_web.competency.models import (
    Area,
    AssessmentRound,
    CompetencyFramework,
    Item,
    LevelAnchor,
    Lever,
    RequiredLevel,
)
from kinerja_web.competency.services import framework as services
from kinerja_web.competency.services.framework import FrameworkFrozen
from kinerja_web.competency.tests.factories import (
    AreaFactory,
    AssessmentRoundFactory,
    CompetencyFrameworkFactory,
    ItemFactory,
    LeverFactory,
    LeverJudgmentFactory,
    RatingFactory,
    RequiredLevelFactory,
)
from kinerja_web.programs.models import WorkerRole
from kinerja_web.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def program():
    return f.ProgramFactory(name="Program Gula")


@pytest.fixture
def admin(program):
    return f.program_admin(program, "admin_gula")


def _template(program, admin, language="id"):
    return services.framework_create(
        program=program, name="", language=language, from_template=True, actor=admin
    )


def _freeze(framework):
    cluster = f.ClusterFactory(program=framework.program)
    return AssessmentRoundFactory(
        cluster=cluster, program=framework.program, framework=framework, status=AssessmentRound.Status.CLOSED
    )


def test_the_template_gives_every_area_item_anchor_lever_and_required_level(program, admin):
    framework = _template(program, admin)

    assert framework.name == "Kompetensi SDM UMKM" and framework.language == "id"
    assert framework.areas.count() == len(defaults.AREAS) == 7
    assert framework.items.count() == defaults.item_count() == 18
    assert LevelAnchor.objects.filter(item__framework=framework).count() == 5 * 18
    assert all(item.anchors.count() == 5 for item in framework.items.all())
    # The program had no roles: it got the four defaults, and each gets its template levels.
    assert set(program.worker_roles.values_list("code", flat=True)) == {
        "owner-manager",
        "production",
        "sales",
        "administration",
    }
    assert framework.required_levels.count() == defaults.required_count()
    tapping = framework.items.get(code="P1")
    assert tapping.name == "Penyadapan nira" and tapping.area.name == "Keterampilan produksi gula kelapa"
    assert RequiredLevel.objects.get(item=tapping, role__code="production").level == 4
    assert not RequiredLevel.objects.filter(item=tapping, role__code="sales").exists()
    # The paper's six levers, each with the areas it addresses.
    levers = {lever.code: lever for lever in framework.levers.all()}
    assert list(levers) == ["training", "leadership", "technology", "networking", "capital", "monitoring"]
    assert levers["training"].areas.count() == 7
    assert set(levers["capital"].areas.values_list("name", flat=True)) == {
        "Teknologi produksi dan otomasi",
        "Keterampilan produksi gula kelapa",
    }
    entry = AuditEntry.objects.get(action="competency.framework.create")
    assert entry.program == program and entry.changes["items"] == 18 and entry.changes["template"] is True


def test_the_english_template_is_in_english_and_no_template_code_is_invented(program, admin):
    framework = _template(program, admin, language="en")
    assert framework.name == "MSME people's competencies"
    assert framework.items.get(code="P2").name == "Cooking the sap"
    assert framework.levers.get(code="capital").name == "Access to capital"
    # No SKKNI code in the template is certain, so none is filled in.
    assert not framework.items.exclude(skkni_code="").exists()
    anchors = LevelAnchor.objects.filter(item__framework=framework)
    assert all(anchor.description and anchor.description[-1] == "." for anchor in anchors)


def test_an_empty_framework_needs_a_name_and_only_an_administrator_creates_one(program, admin):
    with pytest.raises(ValidationError) as error:
        services.framework_create(program=program, name=" ", language="id", from_template=False, actor=admin)
    assert "name" in error.value.message_dict
    cluster = f.ClusterFactory(program=program)
    with pytest.raises(PermissionDenied):
        services.framework_create(
            program=program, name="X", language="id", from_template=False, actor=f.facilitator(cluster)
        )
    assert not CompetencyFramework.objects.exists() and not AuditEntry.objects.exists()


def test_a_new_version_copies_everything_deeply(program, admin):
    framework = _template(program, admin)
    LeverJudgmentFactory(framework=framework, expert_name="Pakar", judgments=[["training", "capital", "3"]])
    item = framework.items.get(code="M2")
    services.item_skkni_save(
        item=item,
        actor=admin,
        skkni_code="X.00.001.01",
        skkni_title="Unit",
        skkni_elements="a\nb",
        skkni_criteria="c",
    )

    copy = services.framework_new_version(framework=framework, actor=admin)

    assert (copy.version, copy.previous, copy.lineage) == (2, framework, framework.lineage)
    assert copy.areas.count() == 7 and copy.items.count() == 18
    assert LevelAnchor.objects.filter(item__framework=copy).count() == 90
    assert copy.required_levels.count() == framework.required_levels.count()
    copied = copy.items.get(code="M2")
    assert copied.pk != item.pk and copied.area.framework == copy
    assert (copied.skkni_code, copied.skkni_elements) == ("X.00.001.01", "a\nb")
    assert {a.level: a.description for a in copied.anchors.all()} == {
        a.level: a.description for a in item.anchors.all()
    }
    capital = copy.levers.get(code="capital")
    assert all(area.framework == copy for area in capital.areas.all()) and capital.areas.count() == 2
    assert copy.lever_judgments.get().judgments == [["training", "capital", "3"]]
    # The original is untouched.
    assert framework.items.count() == 18 and Area.objects.filter(framework=framework).count() == 7
    assert AuditEntry.objects.filter(
        action="competency.framework.new_version", object_id=str(copy.pk)
    ).exists()


def test_a_frozen_framework_refuses_every_edit_and_writes_nothing(program, admin):
    framework = _template(program, admin)
    area = framework.areas.first()
    item = framework.items.first()
    role = program.worker_roles.first()
    _freeze(framework)
    before = AuditEntry.objects.count()
    edits = [
        lambda: services.framework_update(
            framework=framework, actor=admin, name="X", description="", language="id"
        ),
        lambda: services.area_add(framework=framework, name="Baru", actor=admin),
        lambda: services.area_update(area=area, name="Baru", description="", actor=admin),
        lambda: services.area_move(area=area, direction="down", actor=admin),
        lambda: services.area_delete(area=area, actor=admin),
        lambda: services.item_add(area=area, code="Z1", name="Baru", kind="skill", actor=admin),
        lambda: services.item_update(
            item=item, actor=admin, code="Z2", name="x", kind="skill", description="", area=area
        ),
        lambda: services.item_move(item=item, direction="down", actor=admin),
        lambda: services.item_delete(item=item, actor=admin),
        lambda: services.item_anchors_save(item=item, anchors=dict.fromkeys(range(1, 6), "x"), actor=admin),
        lambda: services.item_skkni_save(
            item=item, actor=admin, skkni_code="A", skkni_title="", skkni_elements="", skkni_criteria=""
        ),
        lambda: services.required_levels_save(
            framework=framework, levels={(role.pk, item.pk): 5}, actor=admin
        ),
        lambda: services.framework_delete(framework=framework, actor=admin),
    ]
    for edit in edits:
        with pytest.raises(FrameworkFrozen):
            edit()
    assert AuditEntry.objects.count() == before
    assert framework.areas.count() == 7 and Item.objects.filter(framework=framework).count() == 18
    # A new version of it is editable.
    copy = services.framework_new_version(framework=framework, actor=admin)
    services.area_add(framework=copy, name="Baru", actor=admin)
    assert copy.areas.count() == 8


def test_areas_and_items_are_added_renamed_moved_and_deleted_with_audit(program, admin):
    framework = CompetencyFrameworkFactory(program=program)
    first = services.area_add(framework=framework, name="Manajemen", actor=admin)
    second = services.area_add(framework=framework, name="Produksi", actor=admin)
    with pytest.raises(ValidationError) as error:
        services.area_add(framework=framework, name="manajemen", actor=admin)
    assert "name" in error.value.message_dict

    assert services.area_move(area=second, direction="up", actor=admin) is True
    assert list(framework.areas.order_by("position").values_list("name", flat=True)) == [
        "Produksi",
        "Manajemen",
    ]
    assert services.area_move(area=second, direction="up", actor=admin) is False

    item = services.item_add(area=first, code="M1", name="Pembukuan", kind="skill", actor=admin)
    services.item_add(area=first, code="M2", name="Stok", kind="skill", actor=admin)
    with pytest.raises(ValidationError) as error:
        services.item_add(area=second, code="m1", name="Lain", kind="skill", actor=admin)
    assert "code" in error.value.message_dict
    assert services.item_move(item=item, direction="down", actor=admin) is True
    assert list(first.items.order_by("position").values_list("code", flat=True)) == ["M2", "M1"]

    services.item_update(
        item=item, actor=admin, code="P9", name="Cetak", kind="ability", description="", area=second
    )
    item.refresh_from_db()
    assert (item.area, item.code, item.kind) == (second, "P9", "ability")
    services.area_update(area=first, name="Manajemen usaha", description="d", actor=admin)
    services.item_delete(item=item, actor=admin)
    services.area_delete(area=first, actor=admin)
    assert list(framework.areas.values_list("name", flat=True)) == ["Produksi"]
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions.count("competency.area.create") == 2 and "competency.item.update" in actions
    assert "competency.area.delete" in actions and "competency.item.delete" in actions
    assert AuditEntry.objects.filter(action="competency.area.create").first().program == program


def test_anchors_need_all_five_levels_and_the_error_names_the_missing_ones(program, admin):
    item = ItemFactory(area=AreaFactory(framework=CompetencyFrameworkFactory(program=program)), anchors=False)
    with pytest.raises(ValidationError) as error:
        services.item_anchors_save(item=item, anchors={1: "a", 2: " ", 3: "c", 4: "d"}, actor=admin)
    assert set(error.value.message_dict) == {"level_2", "level_5"}
    assert not item.anchors.exists()

    services.item_anchors_save(
        item=item, anchors={level: f"Level {level}." for level in range(1, 6)}, actor=admin
    )
    services.item_anchors_save(
        item=item, anchors={**{level: f"Level {level}." for level in range(1, 6)}, 3: "Mandiri."}, actor=admin
    )
    assert item.anchors.get(level=3).description == "Mandiri."
    last = AuditEntry.objects.filter(action="competency.item.anchors").order_by("pk").last()
    assert last.changes == {"level_3": ["Level 3.", "Mandiri."]}


def test_skkni_title_without_a_code_is_refused(program, admin):
    item = ItemFactory(area=AreaFactory(framework=CompetencyFrameworkFactory(program=program)))
    with pytest.raises(ValidationError) as error:
        services.item_skkni_save(
            item=item, actor=admin, skkni_code="", skkni_title="Title", skkni_elements="", skkni_criteria=""
        )
    assert "skkni_code" in error.value.message_dict


def test_an_item_rated_in_an_open_round_cannot_be_deleted(program, admin):
    cluster = f.ClusterFactory(program=program)
    rating = RatingFactory(round=AssessmentRoundFactory(cluster=cluster))
    f.program_admin(rating.round.program, "admin_round")
    actor = f.program_admin(program, "admin_two")
    with pytest.raises(ValidationError):
        services.item_delete(item=rating.item, actor=actor)
    with pytest.raises(ValidationError):
        services.area_delete(area=rating.item.area, actor=actor)
    assert Item.objects.filter(pk=rating.item.pk).exists()


def test_required_levels_are_saved_in_one_go_and_a_bad_cell_saves_nothing(program, admin):
    framework = CompetencyFrameworkFactory(program=program)
    area = AreaFactory(framework=framework)
    m1, m2 = ItemFactory(area=area, code="M1"), ItemFactory(area=area, code="M2")
    production = f.WorkerRoleFactory(program=program, code="production", name="produksi")
    sales = f.WorkerRoleFactory(program=program, code="sales", name="penjualan")
    RequiredLevelFactory(item=m2, role=sales, level=2)

    counts = services.required_levels_save(
        framework=framework,
        levels={(production.pk, m1.pk): 3, (sales.pk, m1.pk): 4, (sales.pk, m2.pk): None},
        actor=admin,
    )
    assert counts == {"set": 2, "changed": 0, "cleared": 1}
    assert set(framework.required_levels.values_list("role__code", "item__code", "level")) == {
        ("production", "M1", 3),
        ("sales", "M1", 4),
    }
    entry = AuditEntry.objects.get(action="competency.required_levels.update")
    assert entry.changes == {"production/M1": [None, 3], "sales/M1": [None, 4], "sales/M2": [2, None]}

    with pytest.raises(ValidationError) as error:
        services.required_levels_save(
            framework=framework, levels={(production.pk, m1.pk): 1, (sales.pk, m2.pk): 7}, actor=admin
        )
    assert "penjualan, M2" in error.value.messages[0]
    assert framework.required_levels.get(role=production, item=m1).level == 3


def test_worker_roles_are_added_renamed_moved_and_deleted_only_when_unused(program, admin):
    role = services.role_add(program=program, name="Pengemasan", actor=admin)
    assert role.code == "pengemasan"
    other = services.role_add(program=program, name="Pengemasan 2", actor=admin)
    with pytest.raises(ValidationError):
        services.role_add(program=program, name="pengemasan", actor=admin)
    services.role_rename(role=role, name="Pengemas", actor=admin)
    role.refresh_from_db()
    assert (role.name, role.code) == ("Pengemas", "pengemasan")
    assert services.role_move(role=other, direction="up", actor=admin) is True
    assert list(program.worker_roles.values_list("code", flat=True)) == ["pengemasan-2", "pengemasan"]

    f.WorkerFactory(enterprise=f.EnterpriseFactory(cluster=f.ClusterFactory(program=program)), role=role)
    with pytest.raises(ValidationError):
        services.role_delete(role=role, actor=admin)
    # Used only by an editable framework's required level: deleted with it.
    RequiredLevelFactory(
        item=ItemFactory(area=AreaFactory(framework=CompetencyFrameworkFactory(program=program))), role=other
    )
    services.role_delete(role=other, actor=admin)
    assert not WorkerRole.objects.filter(pk=other.pk).exists()
    # Required by a frozen framework: stays.
    kept = services.role_add(program=program, name="Gudang", actor=admin)
    frozen = CompetencyFrameworkFactory(program=program)
    RequiredLevelFactory(item=ItemFactory(area=AreaFactory(framework=frozen)), role=kept)
    _freeze(frozen)
    with pytest.raises(ValidationError):
        services.role_delete(role=kept, actor=admin)
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"worker_role.create", "worker_role.update", "worker_role.move", "worker_role.delete"} <= actions
    with pytest.raises(PermissionDenied):
        services.role_add(program=program, name="X", actor=f.program_admin(f.ProgramFactory()))


def test_a_framework_used_by_a_round_cannot_be_deleted(program, admin):
    framework = CompetencyFrameworkFactory(program=program)
    AssessmentRoundFactory(cluster=f.ClusterFactory(program=program), framework=framework)
    with pytest.raises(ValidationError):
        services.framework_delete(framework=framework, actor=admin)
    unused = CompetencyFrameworkFactory(program=program)
    LeverFactory(framework=unused, areas=[AreaFactory(framework=unused)])
    services.framework_delete(framework=unused, actor=admin)
    assert (
        not CompetencyFramework.objects.filter(pk=unused.pk).exists()
        and not Lever.objects.filter(framework_id=unused.pk).exists()
    )

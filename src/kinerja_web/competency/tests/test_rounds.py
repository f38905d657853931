"""Assessment rounds: the services (create, close freezes, ratings by source, refusals with a
message) and the pages as each role (administrator, facilitator, owner, another owner)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kinerja_web.audit.models import AuditEntry
from kinerja_web.competency.models import AssessmentRound, Method, Rating, Source
from kinerja_web.competency.services import rounds as services
from kinerja_web.competency.services.rounds import RatingInput
from kinerja_web.competency.tests.factories import (
    AreaFactory,
    AssessmentRoundFactory,
    CompetencyFrameworkFactory,
    ItemFactory,
    RatingFactory,
)
from kinerja_web.tests import factories as f


@dataclass
class Site:
    program: Any
    cluster: Any
    other_cluster: Any
    enterprise: Any
    neighbour: Any
    far: Any
    worker: Any
    second_worker: Any
    framework: Any
    items: list
    round: Any
    admin: Any
    facilitator: Any
    other_facilitator: Any
    owner: Any
    neighbour_owner: Any
    far_owner: Any


def make_site() -> Site:
    """A program with two clusters; the round is cluster ``Lojejer``'s, with four anchored items
    in two areas (the second area's sentences say plainly what each level looks like)."""
    program = f.ProgramFactory(name="PPBI")
    cluster = f.ClusterFactory(program=program, name="Lojejer")
    other_cluster = f.ClusterFactory(program=program, name="Tamansari")
    enterprise = f.EnterpriseFactory(cluster=cluster, name="UD Pramitha")
    neighbour = f.EnterpriseFactory(cluster=cluster, name="Bu Ramis")
    far = f.EnterpriseFactory(cluster=other_cluster, name="UD Nira")
    worker = f.WorkerFactory(enterprise=enterprise, name="Suparman", start_date=datetime.date(2020, 1, 1))
    second = f.WorkerFactory(enterprise=enterprise, name="Sutini", start_date=datetime.date(2020, 1, 1))
    f.WorkerFactory(enterprise=neighbour, name="Rohmah", start_date=datetime.date(2020, 1, 1))
    framework = CompetencyFrameworkFactory(program=program, name="Kompetensi UMKM")
    management = AreaFactory(framework=framework, name="Manajemen", position=1)
    production = AreaFactory(framework=framework, name="Produksi", position=2)
    items = [
        ItemFactory(area=management, code="M1", name="Perencanaan", position=1),
        ItemFactory(area=management, code="M2", name="Pembukuan", position=2),
        ItemFactory(
            area=production,
            code="P1",
            name="Menyadap nira",
            position=1,
            anchors=[
                "Belum pernah menyadap.",
                "Menyadap dengan bantuan.",
                "Menyadap sendiri dengan rapi.",
                "Menyadap cepat dan bersih.",
                "Mengajari orang lain menyadap.",
            ],
        ),
        ItemFactory(area=production, code="P2", name="Memasak nira", position=2),
    ]
    round = AssessmentRoundFactory(
        program=program,
        cluster=cluster,
        framework=framework,
        name="Asesmen awal 2026",
        starts_on=datetime.date(2026, 1, 5),
        ends_on=datetime.date(2026, 2, 27),
    )
    return Site(
        program=program,
        cluster=cluster,
        other_cluster=other_cluster,
        enterprise=enterprise,
        neighbour=neighbour,
        far=far,
        worker=worker,
        second_worker=second,
        framework=framework,
        items=items,
        round=round,
        admin=f.program_admin(program, "admin_p"),
        facilitator=f.facilitator(cluster, "fasil_lojejer"),
        other_facilitator=f.facilitator(other_cluster, "fasil_tamansari"),
        owner=f.owner(enterprise, "owner_pramitha"),
        neighbour_owner=f.owner(neighbour, "owner_ramis"),
        far_owner=f.owner(far, "owner_nira"),
    )


@pytest.fixture
def site(db) -> Site:
    return make_site()


@pytest.fixture
def en(client):
    client.cookies["django_language"] = "en"
    return client


# --- services -----------------------------------------------------------------------------------


def test_a_facilitator_starts_a_round_for_their_cluster_audited(site):
    before = AuditEntry.objects.count()
    round = services.round_create(
        actor=site.facilitator,
        program=site.program,
        name="Asesmen lanjutan",
        cluster=site.cluster,
        framework=site.framework,
        starts_on=datetime.date(2026, 7, 1),
        ends_on=datetime.date(2026, 8, 31),
        combine="mean",
        flag_threshold=3,
    )
    assert round.status == AssessmentRound.Status.OPEN and round.combine == "mean"
    entry = AuditEntry.objects.latest("pk")
    assert AuditEntry.objects.count() == before + 1 and entry.action == "assessment_round.create"


def test_only_an_administrator_starts_a_round_for_the_whole_program(site):
    kwargs = dict(
        program=site.program,
        name="Semua",
        cluster=None,
        framework=site.framework,
        starts_on=datetime.date(2026, 7, 1),
        ends_on=datetime.date(2026, 8, 31),
    )
    with pytest.raises(ValidationError) as error:
        services.round_create(actor=site.facilitator, **kwargs)
    assert "cluster" in error.value.message_dict
    assert services.round_create(actor=site.admin, **kwargs).cluster is None
    with pytest.raises(PermissionDenied):
        services.round_create(actor=site.other_facilitator, **{**kwargs, "cluster": site.cluster})


def test_a_round_ending_before_it_starts_is_refused_naming_the_field(site):
    with pytest.raises(ValidationError) as error:
        services.round_create(
            actor=site.admin,
            program=site.program,
            name="Salah",
            cluster=site.cluster,
            framework=site.framework,
            starts_on=datetime.date(2026, 7, 1),
            ends_on=datetime.date(2026, 6, 1),
        )
    assert "ends_on" in error.value.message_dict


def test_closing_freezes_ratings_links_evidence_and_the_framework(english, site, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    item = site.items[0]
    services.ratings_save(
        actor=site.owner, round=site.round, worker=site.worker, method="", answers={item: RatingInput(3)}
    )
    assert not site.framework.is_frozen
    services.round_close(actor=site.facilitator, round=site.round)
    assert site.framework.is_frozen
    site.round.refresh_from_db()
    with pytest.raises(ValidationError, match="closed"):
        services.ratings_save(
            actor=site.owner, round=site.round, worker=site.worker, method="", answers={item: RatingInput(5)}
        )
    with pytest.raises(ValidationError, match="closed"):
        services.worker_link_create(actor=site.owner, round=site.round, worker=site.worker)
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(ValidationError, match="closed"):
        services.evidence_upload(
            actor=site.owner,
            round=site.round,
            enterprise=site.enterprise,
            upload=SimpleUploadedFile("a.pdf", b"%PDF-1.4 test"),
        )
    with pytest.raises(ValidationError, match="closed"):
        services.round_close(actor=site.facilitator, round=site.round)
    assert Rating.objects.get(worker=site.worker, item=item).level == 3


def test_the_owner_and_a_facilitator_rate_as_their_own_source(site):
    m1, m2 = site.items[0], site.items[1]
    services.ratings_save(
        actor=site.owner,
        round=site.round,
        worker=site.worker,
        method="interview",
        answers={m1: RatingInput(4, "rajin")},
    )
    services.ratings_save(
        actor=site.facilitator,
        round=site.round,
        worker=site.worker,
        method=Method.OBSERVATION,
        answers={m1: RatingInput(2), m2: RatingInput(3)},
    )
    rows = {(r.item.code, r.source): r for r in Rating.objects.filter(worker=site.worker)}
    assert rows[("M1", Source.OWNER)].level == 4 and rows[("M1", Source.OWNER)].method == ""
    assert rows[("M1", Source.OWNER)].note == "rajin"
    assert rows[("M1", Source.FACILITATOR)].method == Method.OBSERVATION
    assert rows[("M2", Source.FACILITATOR)].level == 3 and len(rows) == 3
    assert AuditEntry.objects.filter(action="competency_rating.save").count() == 2


def test_a_facilitator_must_say_how_they_came_to_the_levels(site):
    with pytest.raises(ValidationError) as error:
        services.ratings_save(
            actor=site.facilitator,
            round=site.round,
            worker=site.worker,
            method="questionnaire",
            answers={site.items[0]: RatingInput(3)},
        )
    assert "method" in error.value.message_dict
    assert not Rating.objects.exists()


def test_a_duplicate_source_is_refused_by_the_constraint_with_a_message(english, site):
    """A second facilitator's form, shown before the first saved, does not overwrite unseen."""
    m1, m2 = site.items[0], site.items[1]
    RatingFactory(
        round=site.round,
        worker=site.worker,
        enterprise=site.enterprise,
        item=m1,
        source=Source.FACILITATOR,
        method=Method.INTERVIEW,
        level=2,
        rated_by=site.facilitator,
    )
    second = f.facilitator(site.cluster, "fasil_kedua")
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationError) as error:
        services.ratings_save(
            actor=second,
            round=site.round,
            worker=site.worker,
            method=Method.OBSERVATION,
            answers={m2: RatingInput(3), m1: RatingInput(5)},
            known=set(),
        )
    message = " ".join(error.value.message_dict[f"level_{m1.pk}"])
    assert "M1" in message and "already has a rating" in message
    # Nothing half-written: M2 was not saved either, M1 kept its level, no audit row.
    assert list(Rating.objects.values_list("item__code", "level")) == [("M1", 2)]
    assert AuditEntry.objects.count() == before


@pytest.mark.parametrize("level", [0, 6, 7, -1, True])
def test_a_level_outside_1_to_5_is_refused_naming_the_field(site, level):
    item = site.items[2]
    with pytest.raises(ValidationError) as error:
        services.ratings_save(
            actor=site.owner,
            round=site.round,
            worker=site.worker,
            method="",
            answers={item: RatingInput(level)},
        )
    assert f"level_{item.pk}" in error.value.message_dict
    assert "P1" in error.value.message_dict[f"level_{item.pk}"][0]
    assert not Rating.objects.exists()


def test_someone_outside_the_enterprise_cannot_rate(site):
    for intruder in (site.neighbour_owner, site.other_facilitator, site.far_owner):
        with pytest.raises(PermissionDenied):
            services.ratings_save(
                actor=intruder,
                round=site.round,
                worker=site.worker,
                method=Method.OBSERVATION,
                answers={site.items[0]: RatingInput(3)},
            )
    assert not Rating.objects.exists()


# --- pages --------------------------------------------------------------------------------------


def test_the_round_list_and_the_new_round_page_for_a_facilitator(en, site):
    en.force_login(site.facilitator)
    page = en.get(reverse("competency:round_list")).content.decode()
    assert "Asesmen awal 2026" in page and reverse("competency:round_create", args=[site.program.pk]) in page
    form = en.get(reverse("competency:round_create", args=[site.program.pk])).content.decode()
    assert "Lojejer" in form and "Tamansari" not in form and "Every cluster of the program" not in form
    response = en.post(
        reverse("competency:round_create", args=[site.program.pk]),
        {
            "name": "Asesmen lanjutan 2026",
            "framework": site.framework.pk,
            "cluster": site.cluster.pk,
            "starts_on": "01/07/2026",
            "ends_on": "31/08/2026",
            "combine": "median",
            "flag_threshold": "2",
        },
    )
    round = AssessmentRound.objects.get(name="Asesmen lanjutan 2026")
    assert response.status_code == 302 and response["Location"] == reverse(
        "competency:round_detail", args=[round.pk]
    )
    bad = en.post(
        reverse("competency:round_create", args=[site.program.pk]),
        {
            "name": "X",
            "framework": site.framework.pk,
            "cluster": site.other_cluster.pk,
            "starts_on": "01/07/2026",
            "ends_on": "31/05/2026",
            "combine": "median",
            "flag_threshold": "2",
        },
    )
    assert bad.status_code == 200 and "cannot end before it starts" in bad.content.decode()
    assert not AssessmentRound.objects.filter(name="X").exists()


def test_an_owner_cannot_start_a_round(en, site):
    en.force_login(site.owner)
    assert en.get(reverse("competency:round_create", args=[site.program.pk])).status_code == 403
    page = en.get(reverse("competency:round_list")).content.decode()
    assert "Asesmen awal 2026" in page and "New round" not in page


def test_the_owner_rates_their_worker_on_a_phone_form_with_anchored_levels(en, site):
    en.force_login(site.owner)
    url = reverse("competency:rate_worker", args=[site.round.pk, site.enterprise.pk, site.worker.pk])
    page = en.get(url).content.decode()
    # Every item by area, each level labelled by its number AND its anchor sentence.
    assert page.index("Manajemen") < page.index("M1") < page.index("Produksi") < page.index("P1")
    assert "3. Menyadap sendiri dengan rapi." in page and 'name="level_' in page
    assert 'name="method"' not in page  # the owner's source has no method
    p1, p2 = site.items[2], site.items[3]
    response = en.post(
        url, {f"level_{p1.pk}": "4", f"note_{p1.pk}": "cepat", f"level_{p2.pk}": ""}, follow=True
    )
    assert response.status_code == 200
    rating = Rating.objects.get()
    assert (rating.item, rating.source, rating.level, rating.note, rating.rated_by) == (
        p1,
        Source.OWNER,
        4,
        "cepat",
        site.owner,
    )
    assert "Levels saved so far:" in response.content.decode() and "owner: 4" in response.content.decode()


def test_a_facilitator_rates_with_a_method_and_sees_every_source_after_saving(en, site):
    p1 = site.items[2]
    RatingFactory(
        round=site.round, worker=site.worker, enterprise=site.enterprise, item=p1, source=Source.SELF, level=5
    )
    en.force_login(site.facilitator)
    url = reverse("competency:rate_worker", args=[site.round.pk, site.enterprise.pk, site.worker.pk])
    response = en.post(
        url, {"method": "observation", f"level_{p1.pk}": "2", f"note_{p1.pk}": "masih belajar"}
    )
    assert response.status_code == 302
    page = en.get(url).content.decode()
    assert "worker (self-assessment): 5" in page and "facilitator: 2" in page
    assert Rating.objects.get(source=Source.FACILITATOR).method == Method.OBSERVATION


def test_a_level_past_the_scale_on_the_page_is_a_field_error_and_nothing_is_saved(en, site):
    en.force_login(site.owner)
    url = reverse("competency:rate_worker", args=[site.round.pk, site.enterprise.pk, site.worker.pk])
    p1, p2 = site.items[2], site.items[3]
    response = en.post(url, {f"level_{p1.pk}": "9", f"level_{p2.pk}": "3"})
    assert response.status_code == 200 and "Nothing was saved" in response.content.decode()
    assert not Rating.objects.exists()


def test_clearing_a_level_removes_that_sources_rating(en, site):
    en.force_login(site.owner)
    url = reverse("competency:rate_worker", args=[site.round.pk, site.enterprise.pk, site.worker.pk])
    m1 = site.items[0]
    en.post(url, {f"level_{m1.pk}": "3"})
    assert Rating.objects.count() == 1
    en.post(url, {"known": str(m1.pk), f"level_{m1.pk}": ""})
    assert Rating.objects.count() == 0


def test_the_round_page_shows_flags_agreement_and_progress(en, site):
    m1, m2 = site.items[0], site.items[1]
    for source, level, note in (
        (Source.SELF, 5, "saya bisa"),
        (Source.OWNER, 4, ""),
        (Source.FACILITATOR, 2, "belum"),
    ):
        common = {"round": site.round, "worker": site.worker, "enterprise": site.enterprise, "source": source}
        RatingFactory(item=m1, level=level, note=note, **common)
        RatingFactory(item=m2, level=3, **common)
    en.force_login(site.facilitator)
    page = en.get(reverse("competency:round_detail", args=[site.round.pk])).content.decode()
    flags = page[page.index("For discussion") : page.index("How well the sources agree")]
    assert "Suparman" in flags and "M1" in flags and "M2" not in flags
    assert "worker (self-assessment): 5" in flags and "saya bisa" in flags and "facilitator: 2" in flags
    # 2 worker-items x 3 pairs each; exact: M2's three pairs; within one level: + self/owner on M1.
    assert "From 6 pairs" in page and "50 %" in page and "67 %" in page
    assert "Krippendorff" in page
    assert "2/4" in page  # progress: two of four items by each source
    enterprise_page = en.get(reverse("competency:round_enterprise", args=[site.round.pk, site.enterprise.pk]))
    text = enterprise_page.content.decode()
    assert "Rate as facilitator" in text and "discuss" in text and "Sutini" in text


def test_the_owner_sees_only_their_enterprise_in_the_round(en, site):
    RatingFactory(round=site.round, worker=site.neighbour.workers.get(), enterprise=site.neighbour,
                  item=site.items[0], level=4)  # fmt: skip
    en.force_login(site.owner)
    page = en.get(reverse("competency:round_detail", args=[site.round.pk])).content.decode()
    assert "UD Pramitha" in page and "Bu Ramis" not in page and "Rohmah" not in page
    url = reverse("competency:round_enterprise", args=[site.round.pk, site.neighbour.pk])
    assert en.get(url).status_code == 404
    rate = reverse(
        "competency:rate_worker", args=[site.round.pk, site.neighbour.pk, site.neighbour.workers.get().pk]
    )
    assert en.get(rate).status_code == 404
    # A worker of another enterprise through one's own enterprise's address: 404 too.
    mixed = reverse(
        "competency:rate_worker", args=[site.round.pk, site.enterprise.pk, site.neighbour.workers.get().pk]
    )
    assert en.get(mixed).status_code == 404


def test_another_clusters_facilitator_does_not_see_the_round(en, site):
    en.force_login(site.other_facilitator)
    assert en.get(reverse("competency:round_detail", args=[site.round.pk])).status_code == 404
    assert "Asesmen awal 2026" not in en.get(reverse("competency:round_list")).content.decode()


def test_closing_by_page_and_a_closed_rating_page_reads_only(en, site):
    en.force_login(site.owner)
    assert en.get(reverse("competency:round_close", args=[site.round.pk])).status_code == 403
    en.force_login(site.facilitator)
    response = en.post(reverse("competency:round_close", args=[site.round.pk]))
    assert response.status_code == 302
    site.round.refresh_from_db()
    assert site.round.is_closed and site.round.closed_by == site.facilitator
    url = reverse("competency:rate_worker", args=[site.round.pk, site.enterprise.pk, site.worker.pk])
    page = en.get(url).content.decode()
    assert "This round is closed" in page and "Save ratings" not in page
    assert en.post(url, {f"level_{site.items[0].pk}": "3", "method": "interview"}).status_code == 403
    assert not Rating.objects.exists()


def test_an_enterprise_page_links_to_its_rounds(en, site):
    en.force_login(site.owner)
    page = en.get(reverse("programs:enterprise_detail", args=[site.enterprise.pk])).content.decode()
    assert reverse("competency:enterprise_rounds", args=[site.enterprise.pk]) in page
    rounds = en.get(reverse("competency:enterprise_rounds", args=[site.enterprise.pk])).content.decode()
    assert reverse("competency:round_enterprise", args=[site.round.pk, site.enterprise.pk]) in rounds

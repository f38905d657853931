"""A program's scoring options and rating-band presets, set by its administrators.

Bands: Government Regulation (PP) 46/2011 (the default, so closed results keep their ratings) and
the predicates of PermenPANRB 6/2022 (Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang),
which sets no numeric cut-offs: the preset puts them on PP 46/2011's and the page says so. The
scorecard is the KPI paper's Table 1 (Manggala et al. 2022, IOSR-JBM 24(9)): total 94.78.
"""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse

from kinerja.scoring import PERMENPANRB_6_2022_BANDS
from kinerja_web.audit.models import AuditEntry
from kinerja_web.performance.models import Scorecard, Target
from kinerja_web.performance.selectors import scorecard_compute
from kinerja_web.performance.tests.conftest import paper_world  # noqa: F401 (fixture)
from kinerja_web.programs.bands import program_bands
from kinerja_web.programs.models import Program


def _bands(program):
    return reverse("programs:program_bands", args=[program.pk])


def test_bands_page_names_both_regulations_and_how_the_2022_preset_maps(client, paper_world):  # noqa: F811
    client.force_login(paper_world.admin)
    client.cookies["django_language"] = "id"
    html = client.get(_bands(paper_world.program)).content.decode()
    assert "46/2011" in html and "PermenPANRB" in html and "6/2022" in html
    assert "Butuh Perbaikan" in html and "Sangat Kurang" in html
    assert "30/2019" in html  # the regulation that revoked PP 46/2011


def test_choosing_the_permenpanrb_preset_rates_open_scorecards_with_its_predicates(
    client,
    paper_world,  # noqa: F811
):
    world = paper_world
    client.force_login(world.admin)
    response = client.post(_bands(world.program), {"action": "preset", "preset": "permenpanrb6-2022"})
    assert response.status_code == 302
    program = Program.objects.get(pk=world.program.pk)
    assert program_bands(program) == PERMENPANRB_6_2022_BANDS
    assert AuditEntry.objects.filter(action="program.bands_update").count() == 1
    # Table 1's 94.78 stays Sangat Baik; 70 would be "Butuh Perbaikan" (PP 46/2011: "Cukup").
    assert scorecard_compute(Scorecard.objects.get(pk=world.scorecard.pk)).rating.label_id == "Sangat Baik"
    Target.objects.filter(scorecard=world.scorecard).update(manual_realization=Decimal(70))
    assert (
        scorecard_compute(Scorecard.objects.get(pk=world.scorecard.pk)).rating.label_id == "Butuh Perbaikan"
    )
    client.cookies["django_language"] = "en"
    html = client.get(_bands(world.program)).content.decode()
    assert "This program uses the preset of" in html and "PermenPANRB" in html
    client.post(_bands(world.program), {"action": "preset", "preset": "pp46-2011"})
    assert Program.objects.get(pk=world.program.pk).rating_bands is None  # the default again


def test_an_unknown_preset_changes_nothing(client, paper_world):  # noqa: F811
    client.force_login(paper_world.admin)
    client.post(_bands(paper_world.program), {"action": "preset", "preset": "pp10-1979"})
    assert Program.objects.get(pk=paper_world.program.pk).rating_bands is None
    assert not AuditEntry.objects.filter(action="program.bands_update").exists()


def test_a_facilitator_may_not_choose_a_preset(client, paper_world):  # noqa: F811
    client.force_login(paper_world.facilitator)
    response = client.post(_bands(paper_world.program), {"action": "preset", "preset": "permenpanrb6-2022"})
    assert response.status_code == 403
    assert Program.objects.get(pk=paper_world.program.pk).rating_bands is None


def test_program_scoring_options_saved_audited_and_named_on_the_scorecard(client, paper_world):  # noqa: F811
    world = paper_world
    client.force_login(world.admin)
    client.cookies["django_language"] = "en"
    data = {
        "name": world.program.name,
        "description": "",
        "funder": "",
        "rupiah_space": "on",
        "lower_rule": "linear",
        "score_cap": "",
        "not_applicable_policy": "as-is",
        "composite_rule": "min",
    }
    response = client.post(reverse("programs:program_edit", args=[world.program.pk]), data)
    assert response.status_code == 302
    program = Program.objects.get(pk=world.program.pk)
    assert (program.lower_rule, program.score_cap, program.not_applicable_policy, program.composite_rule) == (
        "linear",
        None,
        "as-is",
        "min",
    )
    entry = AuditEntry.objects.get(action="program.update")
    assert entry.changes["lower_rule"] == ["ratio", "linear"]
    html = client.get(reverse("performance:scorecard", args=[world.enterprise.pk, world.period.pk])).content
    text = html.decode()
    assert "2 − actual / target, at least 0" in text
    assert "not capped" in text
    assert "the lowest part" in text
    assert "Government Regulation (PP) 46/2011" in text


def test_a_cap_of_zero_or_text_is_refused_on_its_field(client, paper_world):  # noqa: F811
    client.force_login(paper_world.admin)
    client.cookies["django_language"] = "en"
    data = {
        "name": paper_world.program.name,
        "lower_rule": "ratio",
        "score_cap": "0",
        "not_applicable_policy": "renormalize",
        "composite_rule": "mean",
    }
    response = client.post(reverse("programs:program_edit", args=[paper_world.program.pk]), data)
    assert response.status_code == 200
    assert Program.objects.get(pk=paper_world.program.pk).score_cap == Decimal(100)

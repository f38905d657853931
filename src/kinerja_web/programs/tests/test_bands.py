"""A program's rating bands: editable by its administrators, used for open periods only.

The BRIEF: the bands are "Kinerja's default, editable per program" (default PP 46/2011). The
scorecard is the KPI paper's Table 1 (Manggala et al. 2022, IOSR-JBM 24(9)): total 94.78.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from kinerja.scoring import DEFAULT_BANDS
from kinerja_web.audit.models import AuditEntry
from kinerja_web.performance import services as performance_services
from kinerja_web.performance.models import Scorecard
from kinerja_web.performance.selectors import scorecard_compute
from kinerja_web.performance.tests import paper
from kinerja_web.performance.tests.conftest import paper_world  # noqa: F401 (fixture)
from kinerja_web.programs import services
from kinerja_web.programs.bands import program_bands
from kinerja_web.programs.models import Program
from kinerja_web.programs.tests.bands_data import STRICT, formset_data

ENGLISH = {"django_language": "en"}


def _url(program):
    return reverse("programs:program_bands", args=[program.pk])


def test_custom_bands_rate_an_open_scorecard_but_not_a_closed_one(paper_world):  # noqa: F811
    earlier = paper.period(paper_world.program, 0)
    closed = paper.table2_scorecard(paper_world.enterprise, earlier, paper_world.framework, 0)
    performance_services.period_close(period=earlier, closed_by=paper_world.admin)
    assert scorecard_compute(paper_world.scorecard).rating.code == "very_good"

    program = Program.objects.get(pk=paper_world.program.pk)
    services.program_bands_update(actor=paper_world.admin, program=program, bands=STRICT)

    open_rating = scorecard_compute(Scorecard.objects.get(pk=paper_world.scorecard.pk)).rating
    assert (open_rating.code, open_rating.label_id) == ("good", "Baik")  # 94.78 is below 95 now
    closed_rating = scorecard_compute(Scorecard.objects.get(pk=closed.pk)).rating
    assert closed_rating.code == "very_good"  # frozen when the period closed


def test_administrator_saves_bands_on_the_page_with_an_audit_row(client, paper_world):  # noqa: F811
    client.force_login(paper_world.admin)
    client.cookies.load(ENGLISH)
    response = client.post(_url(paper_world.program), formset_data(STRICT))
    assert response.status_code == 302
    program = Program.objects.get(pk=paper_world.program.pk)
    assert [band.code for band in program_bands(program)] == ["excellent", "good", "weak"]
    assert AuditEntry.objects.filter(action="program.bands_update").count() == 1
    page = client.get(_url(program)).content.decode()
    assert "Only open periods change." in page and 'value="excellent"' in page


def test_bands_out_of_order_name_the_row_and_save_nothing(client, paper_world, indonesian):  # noqa: F811
    client.force_login(paper_world.admin)
    rows = [(91, "a", "A", "A"), (95, "b", "B", "B"), (0, "c", "C", "C")]
    response = client.post(_url(paper_world.program), formset_data(rows))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Baris 2, Mulai (total minimum): Kategori berurutan dari yang terbaik ke bawah" in page
    assert "best down" not in page  # the core's English never reaches an Indonesian page
    assert Program.objects.get(pk=paper_world.program.pk).rating_bands is None
    assert not AuditEntry.objects.filter(action="program.bands_update").exists()


def test_a_code_used_twice_names_the_second_row(client, paper_world):  # noqa: F811
    client.force_login(paper_world.admin)
    client.cookies.load(ENGLISH)
    rows = [(91, "top", "A", "A"), (50, "mid", "B", "B"), (0, "TOP", "C", "C")]
    page = client.post(_url(paper_world.program), formset_data(rows)).content.decode()
    assert "Row 3, Code: The code TOP is already used by another band." in page
    assert Program.objects.get(pk=paper_world.program.pk).rating_bands is None


def test_a_half_filled_row_is_named(client, paper_world):  # noqa: F811
    client.force_login(paper_world.admin)
    client.cookies.load(ENGLISH)
    rows = [(91, "top", "A", "A"), ("", "mid", "", "B")]
    page = client.post(_url(paper_world.program), formset_data(rows)).content.decode()
    assert "Row 2, From (minimum total): Enter a number." in page


def test_reset_brings_back_the_default(client, paper_world):  # noqa: F811
    services.program_bands_update(actor=paper_world.admin, program=paper_world.program, bands=STRICT)
    client.force_login(paper_world.admin)
    assert client.post(_url(paper_world.program), {"action": "reset"}).status_code == 302
    program = Program.objects.get(pk=paper_world.program.pk)
    assert program.rating_bands is None and program_bands(program) == DEFAULT_BANDS


@pytest.mark.parametrize("who", ["facilitator", "owner"])
def test_only_administrators_edit_bands(client, paper_world, who):  # noqa: F811
    client.force_login(getattr(paper_world, who))
    assert client.get(_url(paper_world.program)).status_code == 403
    assert client.post(_url(paper_world.program), formset_data(STRICT)).status_code == 403
    assert Program.objects.get(pk=paper_world.program.pk).rating_bands is None


def test_the_program_page_links_to_the_bands_for_administrators_only(client, paper_world):  # noqa: F811
    detail = reverse("programs:program_detail", args=[paper_world.program.pk])
    client.force_login(paper_world.admin)
    assert _url(paper_world.program) in client.get(detail).content.decode()
    client.force_login(paper_world.facilitator)
    assert _url(paper_world.program) not in client.get(detail).content.decode()

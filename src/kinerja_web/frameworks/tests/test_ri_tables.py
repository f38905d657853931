"""A program chooses its framework's random-index table; the core uses it and the framework page names it.

Tables (``kinerja.ahp.consistency``): Saaty's printed table (0.58 at n = 3), Saaty 2005 (*Theory
and Applications of the Analytic Network Process*, p. 31: 0.52 at n = 3), Donegan and Dodd 1991
(Math. Comput. Modelling 15(10): 135-137: 0.4914 at n = 3) and Alonso and Lamata 2006.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from kinerja.ahp import analyse, parse_comparison
from kinerja_web.frameworks import selectors
from kinerja_web.frameworks.models import ExpertJudgment, Framework, RiTable
from kinerja_web.frameworks.tests.factories import three_indicators
from kinerja_web.tests import factories as f

pytestmark = pytest.mark.django_db

JUDGMENTS = {
    "criteria": ["Kehadiran", "Waktu produksi", "Rotasi kerja"],
    "judgments": [
        ["Kehadiran", "Waktu produksi", 3],
        ["Kehadiran", "Rotasi kerja", 5],
        ["Waktu produksi", "Rotasi kerja", 4],
    ],
}


def test_every_core_table_is_a_choice():
    from kinerja.ahp import RI_TABLES

    assert set(RiTable.values) == set(RI_TABLES)


@pytest.mark.parametrize(("table", "ri"), [("saaty", 0.58), ("saaty-2005", 0.52), ("donegan-dodd", 0.4914)])
def test_the_frameworks_table_reaches_the_core(table, ri):
    _, sdm, (a, b, c) = three_indicators(f.ProgramFactory(), ri_table=table)
    ExpertJudgment.objects.create(
        node=sdm, expert_name="Ahli", judgments=[[a.pk, b.pk, "3"], [a.pk, c.pk, "5"], [b.pk, c.pk, "4"]]
    )
    analysis = selectors.node_analysis(sdm)
    expected = analyse(parse_comparison(JUDGMENTS), ri_table=table)
    assert analysis.ahp.ri == ri and analysis.ahp.ri_table == table
    assert analysis.ahp.cr == pytest.approx(expected.cr, abs=1e-12)
    preview = selectors.judgments_preview(
        sdm, [a, b, c], [[a.pk, b.pk, "3"], [a.pk, c.pk, "5"], [b.pk, c.pk, "4"]]
    )
    assert preview.result.ri == ri


def test_the_framework_page_names_the_table_and_settings_change_it(client):
    cluster = f.ClusterFactory()
    client.force_login(f.facilitator(cluster, "pendamping"))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    framework, _, _ = three_indicators(cluster.program, ri_table="donegan-dodd")
    page = client.get(reverse("frameworks:detail", args=[framework.pk])).content.decode()
    assert "Donegan &amp; Dodd (1991)" in page

    edit = client.get(reverse("frameworks:edit", args=[framework.pk])).content.decode()
    assert 'value="saaty-2005"' in edit and 'value="donegan-dodd"' in edit
    data = {
        "name": framework.name,
        "description": framework.description,
        "size_class": framework.size_class,
        "method": framework.method,
        "ri_table": "saaty-2005",
        "threshold": "0.1",
        "threshold_rule": "fixed",
        "lambda_formula": "mean-ratio",
    }
    response = client.post(reverse("frameworks:edit", args=[framework.pk]), data)
    assert response.status_code == 302
    assert Framework.objects.get(pk=framework.pk).ri_table == "saaty-2005"
    page = client.get(reverse("frameworks:detail", args=[framework.pk])).content.decode()
    assert "Saaty (2005, ANP book p. 31: 0.52 at n = 3)" in page


def test_the_table_is_named_in_indonesian(client):
    cluster = f.ClusterFactory()
    client.force_login(f.facilitator(cluster, "pendamping"))
    framework, _, _ = three_indicators(cluster.program, ri_table="saaty")
    page = client.get(reverse("frameworks:detail", args=[framework.pk])).content.decode()
    assert "Saaty (kebanyakan makalah: 0,58 pada n = 3)" in page

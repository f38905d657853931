"""On a 360-pixel phone: an expert's judgments on the questionnaire's row "A 9 ... 1 ... 9 B".

A facilitator answers three pairs by tapping the steps named in words (the radios' labels), sees
the live CR follow each answer and the chosen strength written under each row, applies the
core's suggestion, saves, and finds the same judgments in the matrix, whose inputs are labelled
by row and column. No page scrolls sideways; every input has a label a screen reader reads.
"""

from __future__ import annotations

from django.urls import reverse

from kinerja.ahp import analyse, parse_comparison
from kinerja_web.frameworks.models import ExpertJudgment
from kinerja_web.frameworks.tests.factories import three_indicators
from kinerja_web.testing.browser import log_in, page_is_narrow_enough
from kinerja_web.tests.factories import PASSWORD, ClusterFactory, facilitator

pytest_plugins = ["kinerja_web.testing.browser"]

_CR = (
    "parseFloat((document.querySelector('#cr-value') || {textContent: 'NaN'}).textContent.replace(',', '.'))"
)
#: Kehadiran > Waktu produksi > Rotasi kerja, but Rotasi kerja > Kehadiran: circular, CR 1,149.
ANSWERS = [
    ("Kehadiran sedikit lebih penting daripada Waktu produksi (3)", ["Kehadiran", "Waktu produksi", "3"]),
    (
        "Waktu produksi sedikit lebih penting daripada Rotasi kerja (3)",
        ["Waktu produksi", "Rotasi kerja", "3"],
    ),
    ("Rotasi kerja sedikit lebih penting daripada Kehadiran (3)", ["Kehadiran", "Rotasi kerja", "1/3"]),
]
#: The core's first suggestion for ANSWERS: Kehadiran vs Rotasi kerja to 9 (CR 0).
APPLIED = "Kehadiran mutlak lebih penting daripada Rotasi kerja (9)"


def _cr(page) -> float:
    return float(page.locator("#cr-value").inner_text().replace(",", "."))


def _core_cr(judgments: list[list[str]]) -> float:
    criteria = ["Kehadiran", "Waktu produksi", "Rotasi kerja"]
    return analyse(parse_comparison({"criteria": criteria, "judgments": judgments})).cr


def _unlabelled_inputs(page) -> list[str]:
    """Every input of the form reached by its own name (its aria-label or its label's words)
    through ``get_by_label``; the names of those that are not."""
    missing = []
    fields = page.locator("#judgments-form").locator("input:not([type=hidden]), select, textarea")
    for i in range(fields.count()):
        field = fields.nth(i)
        words = field.evaluate(
            "el => el.getAttribute('aria-label') || Array.from(el.labels || [])"
            ".map(l => l.innerText.replace(/\\s+/g, ' ').trim()).filter(Boolean).join(' ')"
        )
        found = page.get_by_label(words, exact=True) if words else None
        same = found is not None and found.count() == 1
        if not same or found.evaluate("(el, other) => el !== other", field.element_handle()):
            missing.append(f"{field.get_attribute('name')}={field.get_attribute('value')} ({words!r})")
    return missing


def test_an_expert_answers_on_the_scale_rows_on_a_phone(phone_page, live_server, transactional_db):
    cluster = ClusterFactory()
    facilitator(cluster, "pendamping")
    _framework, sdm, children = three_indicators(cluster.program)
    page = phone_page
    log_in(page, live_server, "pendamping", PASSWORD)

    page.goto(live_server.url + reverse("frameworks:ahp", args=[sdm.pk]))
    page.locator(f"a[href='{reverse('frameworks:judgments_new', args=[sdm.pk])}']").first.tap()
    page.locator("input[name=expert_name]").fill("Bu Dewi")
    rows = page.locator("fieldset.pair-scale")
    assert rows.count() == 3
    # both names in full above each row, the 17 steps in the questionnaire's order
    assert rows.nth(1).locator("legend").inner_text().split() == ["Kehadiran", "vs", "Rotasi", "kerja"]
    numbers = rows.nth(0).locator(".scale-number").all_inner_texts()
    assert numbers == [*"98765432", "1", *"23456789"]
    assert page_is_narrow_enough(page), "the judgments page scrolls sideways on a phone"

    # every pair starts at "1" (equally important); the live CR is of what the rows show
    typed = [["Kehadiran", "Waktu produksi", "1"], ["Kehadiran", "Rotasi kerja", "1"]]
    typed.append(["Waktu produksi", "Rotasi kerja", "1"])
    for words, judgment in ANSWERS:
        before = page.locator("#cr-value").inner_text() if page.locator("#cr-value").count() else ""
        page.get_by_label(words, exact=True).tap()
        typed = [judgment if entry[:2] == judgment[:2] else entry for entry in typed]
        page.wait_for_function(f"(document.querySelector('#cr-value') || {{}}).textContent !== {before!r}")
        assert abs(_cr(page) - _core_cr(typed)) < 0.001
        # the chosen strength in words under its row
        assert words in page.locator(".scale-chosen").all_inner_texts()
    assert _cr(page) > 1
    assert "tidak konsisten" in page.locator("#cr-state").inner_text()

    # each step is a 44 px target; the names are not cut
    steps = rows.nth(0).locator("input[type=radio]")
    for i in range(steps.count()):
        box = steps.nth(i).bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44
    legend = rows.nth(2).locator("legend")
    assert legend.evaluate("el => el.scrollWidth <= el.clientWidth")
    assert page_is_narrow_enough(page)
    assert _unlabelled_inputs(page) == []

    suggestion = page.locator("button[data-apply-field]").first
    assert APPLIED in suggestion.inner_text()
    suggestion.tap()
    page.wait_for_function(f"{_CR} < 0.1")
    applied = page.get_by_label(APPLIED, exact=True)
    assert applied.is_checked()
    assert rows.nth(1).locator(".scale-chosen").inner_text() == APPLIED
    # the chosen step is in view inside its scrolling row
    row, step = rows.nth(1).locator("[data-scale-row]").bounding_box(), applied.bounding_box()
    assert row["x"] <= step["x"] and step["x"] + step["width"] <= row["x"] + row["width"] + 1

    page.get_by_role("button", name="Simpan penilaian").tap()
    page.wait_for_url(f"**{reverse('frameworks:ahp', args=[sdm.pk])}")
    stored = ExpertJudgment.objects.get(node=sdm, expert_name="Bu Dewi")
    ids = {child.pk: child.name for child in children}
    assert [[ids[a], ids[b], v] for a, b, v in stored.judgments] == [
        ["Kehadiran", "Waktu produksi", "3"],
        ["Kehadiran", "Rotasi kerja", "9"],
        ["Waktu produksi", "Rotasi kerja", "3"],
    ]
    assert page_is_narrow_enough(page)

    # The same judgments as a matrix: each input labelled by its row and column.
    page.get_by_role("link", name="Bu Dewi").first.tap()
    page.get_by_role("button", name="Isi sebagai matriks").tap()
    page.wait_for_selector("table.matrix")
    assert page.get_by_label("Baris Kehadiran, kolom Rotasi kerja", exact=True).input_value() == "9"
    assert page.get_by_label("Baris Waktu produksi, kolom Rotasi kerja", exact=True).input_value() == "3"
    assert _unlabelled_inputs(page) == []
    assert page_is_narrow_enough(page)

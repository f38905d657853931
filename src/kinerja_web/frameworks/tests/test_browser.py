"""In a real browser on a phone: a facilitator weighs a node by AHP, fixes an inconsistency
with the suggested change, saves, and reads the new global weights."""

from __future__ import annotations

import re

import numpy as np
from django.urls import reverse

from kinerja.ahp import analyse, parse_comparison
from kinerja.formatting import format_percent
from kinerja_web.frameworks import demo, paper
from kinerja_web.frameworks.models import ExpertJudgment
from kinerja_web.frameworks.tests.factories import paper_framework
from kinerja_web.tests.factories import PASSWORD, ClusterFactory, facilitator

pytest_plugins = ["kinerja_web.testing.browser"]

# Human Resources of the paper's small template, in order: Kehadiran, Penyesuaian..., Waktu
# produksi, Penambahan pekerja, Rotasi kerja. One careless judgment (Penyesuaian vs Rotasi
# kerja = 5) makes the CR 0.161; the core suggests 1/2, which brings it to 0.012.
TYPED = ["3", "2", "2", "2", "1/2", "1", "5", "2", "1", "1/2"]
FIXED = [*TYPED[:6], "1/2", *TYPED[7:]]
_CR = (
    "parseFloat((document.querySelector('#cr-value') || {textContent: 'NaN'}).textContent.replace(',', '.'))"
)
CR_ABOVE, CR_BELOW = f"{_CR} > 0.1", f"{_CR} < 0.1"


def _log_in(page, live_server, username: str, password: str) -> None:
    # The header's language switch is the page's first submit button: submit the login form itself.
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.press("input[name=password]", "Enter")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def _cr(page) -> float:
    return float(page.locator("#cr-value").inner_text().replace(",", "."))


def test_facilitator_fixes_an_inconsistent_node_with_a_suggestion_and_sees_the_new_weights(
    phone_page, live_server, transactional_db
):
    from kinerja_web.testing.browser import page_is_narrow_enough

    cluster = ClusterFactory()
    facilitator(cluster, "pendamping")
    framework = paper_framework(cluster.program, "paper-small", name="KPI Kecil")
    goal = framework.nodes.get(parent__isnull=True)
    ids = {child.name: child.pk for child in goal.children.all()}
    ExpertJudgment.objects.create(
        node=goal,
        expert_name=demo.RESEARCHER,
        judgments=[[ids[a], ids[b], v] for a, b, v in demo.PERSPECTIVES[demo.RESEARCHER]],
    )
    sdm = framework.nodes.get(name=paper.SDM)
    children = list(sdm.children.order_by("position"))
    page = phone_page

    _log_in(page, live_server, "pendamping", PASSWORD)
    page.goto(live_server.url + reverse("frameworks:detail", args=[framework.pk]))
    page.locator(f"a[href='{reverse('frameworks:ahp', args=[sdm.pk])}']").first.tap()
    page.locator(f"a[href='{reverse('frameworks:judgments_new', args=[sdm.pk])}']").first.tap()
    page.fill("input[name=expert_name]", "Bu Dewi")
    pairs = [(a, b) for i, a in enumerate(children) for b in children[i + 1 :]]
    for (a, b), value in zip(pairs, TYPED, strict=True):
        page.locator(f"input[name=pair_{a.pk}_{b.pk}][value='{value}']").tap()
    page.wait_for_function(CR_ABOVE)
    assert _cr(page) > 0.1
    assert page_is_narrow_enough(page), "the judgments page scrolls sideways on a phone"
    # the long name above its row in full, wrapped rather than cut
    long_name = page.locator("fieldset.pair-scale").nth(6).locator("legend .pair-a")
    assert long_name.inner_text() == children[1].name == "Penyesuaian kehadiran pekerja tidak tetap"
    assert long_name.evaluate("el => el.scrollWidth <= el.clientWidth && el.clientHeight > 30")

    suggestion = page.locator("button[data-apply-field]").first
    # on the verbal scale, in words: 5 (the adjustment strongly over rotation) to 1/2 (rotation
    # slightly over it), which reverses the preference and says so
    assert re.search(
        r"Penyesuaian kehadiran pekerja tidak tetap vs Rotasi kerja.+jelas lebih penting.+\(5\).+"
        r"Rotasi kerja lebih penting daripada Penyesuaian kehadiran pekerja tidak tetap.+\(2\)",
        suggestion.inner_text(),
    )
    assert "Ini membalik preferensi: Rotasi kerja" in page.locator("li.suggestion").first.inner_text()
    suggestion.tap()
    page.wait_for_function(
        "parseFloat(document.querySelector('#cr-value').textContent.replace(',', '.')) < 0.1"
    )
    assert _cr(page) < 0.1
    fixed = page.locator("fieldset.pair-scale").nth(6)  # Penyesuaian... vs Rotasi kerja
    assert fixed.locator(f"input[name=pair_{children[1].pk}_{children[4].pk}][value='1/2']").is_checked()
    assert fixed.locator(".scale-chosen").inner_text().startswith("Rotasi kerja lebih penting daripada")
    page.locator("button[type=submit]:not([name])").last.tap()
    page.wait_for_url(f"**{reverse('frameworks:ahp', args=[sdm.pk])}")

    page.goto(live_server.url + reverse("frameworks:weights", args=[framework.pk]))
    names = [child.name for child in children]
    local = analyse(
        parse_comparison(
            {
                "criteria": names,
                "judgments": [[a.name, b.name, v] for (a, b), v in zip(pairs, FIXED, strict=True)],
            }
        )
    ).weights
    perspectives = [p.name for p in goal.children.order_by("position")]
    top = analyse(
        parse_comparison(
            {"criteria": perspectives, "judgments": [list(j) for j in demo.PERSPECTIVES[demo.RESEARCHER]]}
        )
    ).weights
    expected = np.asarray(local) * top[0] * 100
    for child, percent in zip(children, expected, strict=True):
        cell = page.locator(f"#global-weights td[data-indicator='{child.name}']")
        assert cell.inner_text().replace("\xa0", " ") == format_percent(float(percent), 3, "id")

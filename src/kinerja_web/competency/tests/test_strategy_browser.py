"""In a real browser on a 360-pixel phone: the administrator weighs the development levers by AHP
judgments on the verbal scale, sees the CR change as they choose (inconsistent, then fixed with
the core's suggestion), saves, and reads the lever weights the plans will use."""

from __future__ import annotations

from django.urls import reverse

from kinerja.ahp import analyse, parse_comparison
from kinerja.formatting import format_percent
from kinerja_web.competency.models import AssessmentRound, LeverJudgment
from kinerja_web.competency.tests import strategy_world as sw
from kinerja_web.testing.browser import log_in, page_is_narrow_enough
from kinerja_web.tests.factories import PASSWORD

pytest_plugins = ["kinerja_web.testing.browser"]

_CR = (
    "parseFloat((document.querySelector('#cr-value') || {textContent: 'NaN'}).textContent.replace(',', '.'))"
)
#: training > leadership ... but technology vs networking typed backwards (1/9): inconsistent.
TYPED = {
    ("training", "leadership"): "3",
    ("training", "technology"): "3",
    ("training", "networking"): "5",
    ("leadership", "technology"): "1",
    ("leadership", "networking"): "2",
    ("technology", "networking"): "1/9",
}


def test_administrator_weighs_the_levers_with_a_live_cr(phone_page, live_server, transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    world = sw.build(kpi_figures=False)
    AssessmentRound.objects.filter(pk=world.round1.pk).update(status=AssessmentRound.Status.OPEN)
    LeverJudgment.objects.all().delete()
    page = phone_page
    log_in(page, live_server, "admin_uji", PASSWORD)

    page.locator(f"main a[href='{reverse('competency:strategy_index')}']").first.click()
    page.locator(f"main a[href='{reverse('competency:strategy', args=[world.framework.pk])}']").click()
    page.locator(f"a[href='{reverse('competency:lever_judgments_new', args=[world.framework.pk])}']").click()
    assert page_is_narrow_enough(page)
    page.fill("input[name=expert_name]", "Bu Dewi")
    for (a, b), value in TYPED.items():
        page.locator(f"input[name=pair_{world.levers[a].pk}_{world.levers[b].pk}][value='{value}']").tap()
    page.wait_for_function(f"{_CR} > 0.1")
    assert page_is_narrow_enough(page)

    # The core's suggestion fixes the inconsistent pair, unsaved; the CR drops below 0.1.
    page.locator("button[data-apply-field]").first.click()
    page.wait_for_function(f"{_CR} < 0.1")
    page.locator("button[type=submit]:not([name])").last.click()
    page.wait_for_url(f"**{reverse('competency:strategy', args=[world.framework.pk])}")

    stored = LeverJudgment.objects.get(expert_name="Bu Dewi")
    codes = [code for code, _name, _areas in sw.LEVERS]
    result = analyse(parse_comparison({"criteria": codes, "judgments": stored.judgments}))
    assert result.cr < 0.1
    for code, weight in zip(codes, result.weights, strict=True):
        cell = page.locator(f"td.lever-weight[data-lever='{code}']")
        assert cell.inner_text().replace("\xa0", " ") == format_percent(float(weight) * 100, 2, "id")
    assert page_is_narrow_enough(page)

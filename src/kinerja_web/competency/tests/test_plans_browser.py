"""In a real browser on a 360-pixel phone: the owner follows links from the home page to their
development plans, makes the plan from the closed round (actions as the rule set and lever
weights say), marks the top action done with its evidence, and reads the second round's change
beside the KPI figures on the monitoring page; no page scrolls sideways."""

from __future__ import annotations

from django.urls import reverse

from kinerja_web.competency.models import DevelopmentPlan, PlanAction
from kinerja_web.competency.tests import strategy_world as sw
from kinerja_web.testing.browser import log_in, page_is_narrow_enough
from kinerja_web.tests.factories import PASSWORD

pytest_plugins = ["kinerja_web.testing.browser"]


def test_owner_makes_a_plan_marks_an_action_done_and_sees_the_change(
    phone_page, live_server, transactional_db, settings, tmp_path
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path
    world = sw.build()
    enterprise = world.enterprises["satu"]
    page = phone_page
    log_in(page, live_server, "pemilik1", PASSWORD)

    # The business's page (the owner's short menu leads there) -> "Development plans".
    page.goto(f"{live_server.url}{reverse('programs:enterprise_detail', args=[enterprise.pk])}")
    page.locator(
        f"main a[href='{reverse('competency:enterprise_plans', args=[enterprise.pk])}']"
    ).first.click()
    page.wait_for_url(f"**{reverse('competency:enterprise_plans', args=[enterprise.pk])}")
    assert page_is_narrow_enough(page)
    page.locator("#generate-plan").click()
    plan = DevelopmentPlan.objects.get(enterprise=enterprise, round=world.round1)
    page.wait_for_url(f"**{reverse('competency:plan', args=[plan.pk])}")
    assert page_is_narrow_enough(page)
    # The actions in the order of their priorities, with the rule set and weights beside them.
    titles = page.locator("article.action h3").all_inner_texts()
    expected = [a.title for a in plan.actions.order_by("-priority", "position")]
    assert titles == expected and len(titles) == 5
    assert page.locator("#rules-title").is_visible() and page.locator("#weights-title").is_visible()
    assert page.locator("#plan-done").inner_text().startswith("0")

    # Mark the top action done, with its evidence.
    top = plan.actions.order_by("position").first()
    page.locator(f"#action-{top.pk} a.button").click()
    page.wait_for_url(f"**{reverse('competency:action', args=[top.pk])}")
    assert page_is_narrow_enough(page)
    page.fill("input[name=responsible]", "Bu Siti")
    page.fill("input[name=cost]", "1.250.000")
    page.select_option("select[name=status]", "done")
    page.fill("input[name=done_on]", "20/03/2026")
    page.fill("textarea[name=evidence_note]", "Sertifikat pelatihan pembukuan")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(f"**{reverse('competency:plan', args=[plan.pk])}")
    top.refresh_from_db()
    assert top.status == PlanAction.Status.DONE and top.cost == 1_250_000
    assert page.locator("#plan-done").inner_text().startswith("1")
    assert "1.250.000" in page.locator("#plan-total").inner_text()
    assert "Sertifikat pelatihan pembukuan" in page.locator(f"#action-{top.pk}").inner_text()

    # Monitoring: the second round's change per area beside the KPI total and turnover.
    page.locator(
        f"main a[href='{reverse('competency:monitoring_enterprise', args=[enterprise.pk])}']"
    ).click()
    page.wait_for_url(f"**{reverse('competency:monitoring_enterprise', args=[enterprise.pk])}")
    assert page_is_narrow_enough(page)
    manajemen = page.locator("li[data-area='Manajemen'] .change").inner_text()
    assert manajemen == "+0,75"
    assert "+7,75" in page.locator("#kpi-total").inner_text()
    assert "15,00" in page.locator("#turnover").inner_text()
    assert page.locator(".side-by-side").is_visible()
    assert page.locator("#actions-done").inner_text().startswith("1")

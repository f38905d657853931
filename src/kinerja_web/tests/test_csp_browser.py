"""In a real browser: the main pages run under the Content-Security-Policy with no violation.

The policy (settings.CONTENT_SECURITY_POLICY) allows scripts and styles from this site only:
an inline ``<script>``, an ``onclick=`` or a ``style=`` attribute left in a template would be
blocked, and Chromium reports each block as a ``securitypolicyviolation`` event and a console
error. The demo program's administrator and owner1 open the pages reached by links from home
(two clicks deep) plus the pages that have scripts of their own, and none may report one.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlparse

from django.urls import reverse

from kinerja_web.programs.demo import load_demo

pytest_plugins = ["kinerja_web.testing.browser"]
PASSWORD = "browser-demo-42"
LISTEN = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (event) {
  var where = event.sourceFile + ":" + event.lineNumber;
  window.__csp.push(event.violatedDirective + " " + (event.blockedURI || "inline") + " " + where);
});
"""
SKIP = ("/accounts/logout/", "/admin/", ".csv", "/i18n/")


def _log_in(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.press("input[name=password]", "Enter")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def _visit_all(
    page, live_server, extra: list[str], limit: int = 45
) -> tuple[list[str], dict[str, list[str]]]:
    """Open home, the pages it links to, the pages those link to (up to ``limit``) and ``extra``."""
    console: list[str] = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    seen: list[str] = []
    violations: dict[str, list[str]] = {}
    queue = [f"{live_server.url}/", *(live_server.url + path for path in extra)]
    depth = {url: 0 for url in queue}
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.append(url)
        page.goto(url)
        page.wait_for_load_state("load")
        found = page.evaluate("window.__csp || []")
        if found:
            violations[url] = found
        if depth[url] >= 2:
            continue
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))"):
            target = urljoin(url, href).split("#")[0]
            if urlparse(target).netloc != urlparse(live_server.url).netloc or any(s in target for s in SKIP):
                continue
            if target not in depth:
                depth[target] = depth[url] + 1
                queue.append(target)
    return seen, {**violations, **({"console": console} if console else {})}


def test_main_pages_load_with_no_content_security_policy_violation(
    csp_page, live_server, transactional_db, settings
):
    page = csp_page
    from kinerja_web.frameworks.models import Framework
    from kinerja_web.programs.models import Enterprise, Program

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    load_demo(PASSWORD)
    page.context.add_init_script(LISTEN)
    program = Program.objects.order_by("pk").first()
    framework = Framework.objects.filter(program=program).order_by("pk").first()
    goal = framework.nodes.get(parent__isnull=True)
    enterprise = Enterprise.objects.get(owner__username="owner1")
    scripted = [
        reverse("performance:period_create", args=[program.pk]),  # period_form.js
        reverse("frameworks:ahp", args=[goal.pk]),
        reverse("frameworks:judgments_new", args=[goal.pk]),  # ahp.js
        reverse("frameworks:weights", args=[framework.pk]),  # weight bars
        reverse("performance:comparison", args=[enterprise.pk]),  # charts, legend swatches
        reverse("accounts:program_people", args=[program.pk]),
    ]

    _log_in(page, live_server, "admin")
    seen, violations = _visit_all(page, live_server, scripted)
    assert len(seen) >= 20 and violations == {}

    # The control: an inline script added now is blocked and reported, so the listener works.
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__ran = 1'; document.body.appendChild(s); }"
    )
    page.wait_for_timeout(300)  # the violation event is dispatched after the blocked script
    assert page.evaluate("window.__csp.length") > 0 and page.evaluate("window.__ran") is None

    # The new-period form's script runs: only the quarter's fields are shown at first.
    page.goto(live_server.url + scripted[0])
    assert page.locator(".when-custom").first.is_hidden()
    page.locator("input[name=kind][value=custom]").check()
    assert page.locator(".when-custom").first.is_visible()


def test_an_owners_pages_have_no_violation_either(csp_page, live_server, transactional_db, settings):
    page = csp_page
    from kinerja_web.programs.models import Enterprise

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    load_demo(PASSWORD)
    page.context.add_init_script(LISTEN)
    enterprise = Enterprise.objects.get(owner__username="owner1")
    _log_in(page, live_server, "owner1")
    seen, violations = _visit_all(page, live_server, [reverse("records:day_today", args=[enterprise.pk])], 30)
    assert len(seen) >= 10 and violations == {}

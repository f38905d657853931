"""Hardening (issue 8, item 8): the Content-Security-Policy, no caching of signed-in answers, the
proxy's HTTPS header believed only from a trusted proxy, digits 0-9 only in number inputs."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from django.urls import reverse

from kinerja_web.tests.test_deploy import SECRET, manage

pytestmark = pytest.mark.django_db

WEB = Path(__file__).resolve().parents[1]
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
HANDLER = re.compile(r"<[^>]*\son[a-z]{3,}\s*=\s*[\"']", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[^>]*\sstyle\s*=\s*[\"']", re.IGNORECASE)


def test_pages_carry_a_policy_without_inline_scripts_or_styles(client, world):
    client.force_login(world.owner_a1)
    policy = client.get("/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"
    assert "Content-Security-Policy" in client.get("/accounts/login/")


def test_no_template_has_an_inline_script_handler_or_style_attribute():
    offenders = []
    for template in sorted(WEB.glob("**/templates/**/*.html")):
        text = template.read_text(encoding="utf-8")
        for name, pattern in (("script", INLINE_SCRIPT), ("handler", HANDLER), ("style", STYLE_ATTRIBUTE)):
            if pattern.search(text):
                offenders.append(f"{template.relative_to(WEB)}: inline {name}")
    assert offenders == []


def test_signed_in_pages_and_downloads_are_private_and_not_stored(client, world):
    client.force_login(world.owner_a1)
    for url in ("/", reverse("programs:enterprise_detail", args=[world.enterprise_a1.pk])):
        cache = client.get(url)["Cache-Control"]
        assert "private" in cache and "no-store" in cache, url
    download = client.get(reverse("performance:comparison_csv", args=[world.enterprise_a1.pk]))
    assert download.status_code == 200
    assert "private" in download["Cache-Control"] and "no-store" in download["Cache-Control"]


def _proxy_ssl_header(tmp_path, **env) -> str:
    code = "from django.conf import settings; print(getattr(settings, 'SECURE_PROXY_SSL_HEADER', None))"
    result = manage(tmp_path, "shell", "-c", code, DEBUG="false", SECRET_KEY=SECRET, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_the_proxys_https_header_is_believed_only_behind_a_trusted_proxy(tmp_path):
    assert _proxy_ssl_header(tmp_path, KINERJA_HTTPS="true") == "None"
    trusted = _proxy_ssl_header(tmp_path, KINERJA_HTTPS="true", KINERJA_TRUSTED_PROXIES="10.0.0.0/8")
    assert trusted == "('HTTP_X_FORWARDED_PROTO', 'https')"


@pytest.mark.parametrize("typed", ["١٢٣٤", "１２３４", "۱۲۳۴"])
def test_other_scripts_digits_in_a_number_input_are_a_field_error(client, world, typed):
    from kinerja_web.records.models import Sale

    client.force_login(world.owner_a1)
    client.cookies["django_language"] = "en"
    url = reverse("records:day", args=[world.enterprise_a1.pk, datetime.date(2021, 6, 1)])
    data = {
        "operating_hours": "3",
        "rotation_hours": "",
        "sales_rp": typed,
        "production-TOTAL_FORMS": "0",
        "production-INITIAL_FORMS": "0",
    }
    for worker in world.enterprise_a1.workers.all():
        data[f"worker_{worker.pk}"] = ""
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.context["form"].errors["sales_rp"] == ["Type the digits 0-9 only."]
    assert not Sale.objects.exists()

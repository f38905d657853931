"""Production settings pass Django's deployment checklist (WEB-CONTRACT.md, KINERJA_HTTPS)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

SECRET = "k" * 20 + "-production-secret-of-enough-length-and-variety-7f3a9c2e"


def manage(tmp_path, *args, **env) -> subprocess.CompletedProcess:
    # DJANGO_ALLOW_ASYNC_UNSAFE is set by the browser tests' fixtures in this process only.
    inherited = ("DEBUG", "KINERJA_HTTPS", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    environment = {k: v for k, v in os.environ.items() if k not in inherited}
    environment.update(env)
    environment.setdefault("DATABASE_URL", f"sqlite:///{tmp_path / 'deploy.sqlite3'}")
    return subprocess.run(
        [sys.executable, "-m", "kinerja_web.manage", *args],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_nothing_with_debug_off(tmp_path):
    result = manage(
        tmp_path,
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="False",
        KINERJA_HTTPS="true",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="kinerja.example",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_https_is_the_default_when_debug_is_off(tmp_path):
    result = manage(
        tmp_path, "check", "--deploy", "--fail-level", "WARNING", DEBUG="false", SECRET_KEY=SECRET
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_debug_off_without_a_secret_key_refuses_to_start(tmp_path):
    result = manage(tmp_path, "check", DEBUG="false", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.parametrize("value", ["maybe", "2"])
def test_unreadable_boolean_is_an_error_not_a_guess(tmp_path, value):
    result = manage(tmp_path, "check", DEBUG=value)
    assert result.returncode != 0
    assert "DEBUG" in result.stderr

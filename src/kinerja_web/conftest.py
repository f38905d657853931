"""Fixtures for the web tests (pytest-django): fast passwords, English or Indonesian, a world of tenants."""

from __future__ import annotations

import pytest
from django.utils import translation

from kinerja_web.tests.cross_tenant import World, build_world


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def indonesian():
    with translation.override("id"):
        yield


@pytest.fixture
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def world(db) -> World:
    """Two programs; program A has clusters A1 and A2, each with an enterprise, facilitator and owner."""
    return build_world()

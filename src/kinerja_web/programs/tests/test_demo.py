"""``kinerja-web demo``: idempotent, prints the logins, the accounts of WEB-CONTRACT.md."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.test import RequestFactory

from kinerja_web import access
from kinerja_web.programs.models import Cluster, Enterprise, Program, Worker
from kinerja_web.programs.selectors import enterprise_size

pytestmark = pytest.mark.django_db


def run_demo(*args) -> str:
    out = StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


def counts():
    models = (Program, Cluster, Enterprise, Worker, get_user_model())
    return {model.__name__: model.objects.count() for model in models}


def login_works(username, password):
    return (
        authenticate(RequestFactory().post("/accounts/login/"), username=username, password=password)
        is not None
    )


def test_second_run_leaves_one_copy_and_the_password_follows_option_else_environment(monkeypatch):
    monkeypatch.setenv("KINERJA_DEMO_PASSWORD", "from-env-123")
    output = run_demo()
    first = counts()
    assert first["Program"] == 1
    assert "from-env-123" in output
    for username in ("admin", "facilitator1", "facilitator2", "owner1", "owner2", "owner3"):
        assert f"  {username} " in output
    assert login_works("admin", "from-env-123")

    run_demo("--password", "from-option-456")
    assert counts() == first
    assert login_works("facilitator2", "from-option-456")
    assert not login_works("facilitator2", "from-env-123")


def test_default_password_is_kinerja_demo(monkeypatch):
    from kinerja_web.programs.demo import DEFAULT_PASSWORD
    from kinerja_web.programs.management.commands.demo import Command

    monkeypatch.delenv("KINERJA_DEMO_PASSWORD", raising=False)
    assert DEFAULT_PASSWORD == "kinerja-demo"
    assert "kinerja-demo" in Command().create_parser("kinerja-web", "demo").format_help()


def test_demo_program_has_the_papers_enterprises_and_boundaries():
    run_demo()
    user = get_user_model().objects.get
    owner1 = user(username="owner1")
    assert [e.name for e in access.visible_enterprises(owner1)] == ["UD Pramitha Salsabila"]
    clusters = Cluster.objects.all()
    assert clusters.count() >= 2
    for cluster in clusters:
        assert cluster.enterprises.count() >= 2
    one = set(access.visible_clusters(user(username="facilitator1")))
    two = set(access.visible_clusters(user(username="facilitator2")))
    assert one and two and not one & two
    admin = user(username="admin")
    assert admin.is_superuser
    assert access.visible_enterprises(admin).count() == Enterprise.objects.count()
    names = set(Enterprise.objects.values_list("name", flat=True))
    assert {"UD Pramitha Salsabila", "Rumah Produksi Bu Ramis", "Rumah Produksi Mbak Juariyah"} <= names
    for enterprise in Enterprise.objects.all():
        enterprise.full_clean()  # NIB-like numbers, valid money and years
        assert enterprise.owner is not None
    classes = {
        name: enterprise_size(Enterprise.objects.get(name=name))[0].class_
        for name in ("UD Pramitha Salsabila", "Rumah Produksi Bu Ramis", "Rumah Produksi Mbak Juariyah")
    }
    assert classes == {  # the paper's medium, small and micro business (Law 20/2008)
        "UD Pramitha Salsabila": "medium",
        "Rumah Produksi Bu Ramis": "small",
        "Rumah Produksi Mbak Juariyah": "micro",
    }

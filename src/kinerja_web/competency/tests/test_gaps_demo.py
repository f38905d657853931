"""The demo's gap pages as each role: facilitator1 (Lojejer) follows links from the menu to the
closed round's gaps, a cluster, an enterprise and a person; owner1 reaches their enterprise's
gaps from its page; facilitator2 gets 404 for Lojejer's round; a study runs on the demo.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from kinerja_web.competency.models import AssessmentRound, Study
from kinerja_web.programs.demo import load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return load_demo("test-password")


def _user(name):
    return get_user_model().objects.get(username=name)


def _links(html: str, prefix: str) -> list[str]:
    return sorted(set(re.findall(rf'href="({re.escape(prefix)}[^"]*)"', html)))


def test_facilitator_follows_links_through_the_demo_rounds_gaps_and_runs_a_study(client, demo):
    closed = AssessmentRound.objects.filter(status=AssessmentRound.Status.CLOSED).first()
    if closed is None:
        pytest.skip("the demo has no closed competency round yet")
    client.force_login(_user("facilitator1"))
    home = client.get("/").content.decode()
    assert reverse("competency:gaps_index") in home
    index = client.get(reverse("competency:gaps_index")).content.decode()
    round_url = reverse("competency:gaps_round", args=[closed.pk])
    assert round_url in index
    page = client.get(round_url)
    html = page.content.decode()
    assert page.status_code == 200 and 'class="heatmap"' in html and "ip-chart" in html
    assert '<ol class="common-gaps">' in html  # the closed round found gaps
    for url in _links(html, f"/competency/gaps/rounds/{closed.pk}/")[:6]:
        sub = client.get(url)
        assert sub.status_code == 200, url
        for person in _links(sub.content.decode(), f"/competency/gaps/rounds/{closed.pk}/people/")[:2]:
            assert client.get(person).status_code == 200, person

    client.force_login(_user("facilitator2"))
    if closed.cluster_id:
        assert client.get(round_url).status_code == 404


def test_demo_has_facilitator1s_study_with_its_funnel(client, demo):
    study = Study.objects.get(name="Sampel purposif Lojejer")
    counts = [step["count"] for step in study.funnel]
    assert counts[0] >= counts[-1] == study.enterprises.count() and len(counts) == len(study.criteria) + 1
    client.force_login(_user("facilitator1"))
    listing = client.get(reverse("competency:study_list")).content.decode()
    detail = reverse("competency:study_detail", args=[study.pk])
    assert detail in listing
    assert reverse("competency:study_csv", args=[study.pk]) in client.get(detail).content.decode()
    client.force_login(_user("facilitator2"))
    assert client.get(detail).status_code == 404
    assert load_demo("test-password") and Study.objects.filter(name=study.name).count() == 1  # idempotent


def test_owner_reaches_their_gaps_from_their_enterprise_page(client, demo):
    owner = _user("owner1")
    enterprise = owner.owned_enterprises.first()
    client.force_login(owner)
    page = client.get(reverse("programs:enterprise_detail", args=[enterprise.pk])).content.decode()
    rounds_url = reverse("competency:gaps_enterprise_rounds", args=[enterprise.pk])
    assert rounds_url in page
    listed = client.get(rounds_url).content.decode()
    for url in _links(listed, "/competency/gaps/rounds/"):
        answer = client.get(url)
        assert answer.status_code == 200, url
        assert enterprise.name in answer.content.decode()

    # A study on the demo (one demo load serves both, to keep the suite quick).
    client.force_login(_user("facilitator1"))
    lojejer = demo.clusters["lojejer"]
    response = client.post(
        reverse("competency:study_create", args=[demo.program.pk]),
        {"name": "Sampel Lojejer", "size_law": "uu20-2008", "clusters": [str(lojejer.pk)], "years_min": "1"},
    )
    assert response.status_code == 302
    study = Study.objects.get(name="Sampel Lojejer")
    assert study.funnel[1]["count"] == lojejer.enterprises.count()
    assert client.get(response["Location"]).status_code == 200

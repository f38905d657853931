"""A worker's own questionnaire by link: made once by the owner or a facilitator, answered on a
phone without an account, showing nothing but that form; expired 410, revoked or unknown 404,
closed round 410."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from kinerja_web.competency.models import Method, Rating, Source, WorkerLink, hash_token
from kinerja_web.competency.selectors.rounds import link_state
from kinerja_web.competency.services import rounds as services
from kinerja_web.competency.tests.factories import WorkerLinkFactory
from kinerja_web.competency.tests.test_rounds import make_site


@pytest.fixture
def site(db):
    return make_site()


@pytest.fixture
def en(client):
    client.cookies["django_language"] = "en"
    return client


def _link(site, **kwargs):
    return WorkerLinkFactory(round=site.round, worker=site.worker, enterprise=site.enterprise, **kwargs)


def _url(token: str) -> str:
    return reverse("competency:worker_link", args=[token])


def test_the_owner_makes_a_link_shown_once_and_only_its_hash_is_kept(en, site):
    en.force_login(site.owner)
    url = reverse("competency:link_create", args=[site.round.pk, site.enterprise.pk])
    assert "14 days" in en.get(url).content.decode()
    response = en.post(url, {"worker": site.worker.pk, "days": "7"})
    page = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    token = re.search(r"/competency/w/([A-Za-z0-9_-]+)/", page).group(1)
    assert len(token) >= 43  # 32 random bytes, URL-safe base64
    link = WorkerLink.objects.get()
    assert link.token_hash == hash_token(token) and token not in link.token_hash
    assert abs(link.expires_at - (timezone.now() + datetime.timedelta(days=7))) < datetime.timedelta(
        minutes=1
    )
    assert "https://wa.me/?text=" in page and "copy-button" in page
    # Not shown again anywhere: the enterprise's round page lists the link without its address.
    listing = en.get(
        reverse("competency:round_enterprise", args=[site.round.pk, site.enterprise.pk])
    ).content.decode()
    assert token not in listing and "Suparman" in listing and "active" in listing


def test_tokens_are_unguessable_and_different(site):
    tokens = {
        services.worker_link_create(actor=site.owner, round=site.round, worker=site.worker)[1]
        for _ in range(5)
    }
    assert len(tokens) == 5 and all(len(t) >= 43 for t in tokens)


def test_the_worker_answers_on_the_link_page_which_shows_nothing_else(client, site):
    link = _link(site)
    page = client.get(_url(link.token))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Suparman" in text and "UD Pramitha" in text
    assert "Menyadap sendiri dengan rapi." in text  # the anchors in plain words
    # Nothing but the form: no menu, no other worker, enterprise, round list or login link.
    for absent in ("site-nav", "Sutini", "Bu Ramis", "Rohmah", "/accounts/login/", "Asesmen", "Log out"):
        assert absent not in text, absent
    assert page["Referrer-Policy"] == "same-origin" and "no-store" in page["Cache-Control"]
    p1, m1 = site.items[2], site.items[0]
    response = client.post(
        _url(link.token), {f"level_{p1.pk}": "4", f"level_{m1.pk}": "2", f"note_{p1.pk}": "tiap pagi"}
    )
    assert response.status_code == 200 and "Terima kasih" in response.content.decode()
    rows = {r.item.code: r for r in Rating.objects.all()}
    assert set(rows) == {"P1", "M1"}
    assert all(r.source == Source.SELF and r.method == Method.QUESTIONNAIRE for r in rows.values())
    assert rows["P1"].note == "tiap pagi" and rows["P1"].rated_by is None
    link.refresh_from_db()
    assert link.submitted_at is not None and link_state(link) == "answered"


def test_a_second_open_shows_it_was_answered_and_allows_changing(client, site):
    link = _link(site)
    p1 = site.items[2]
    client.post(_url(link.token), {f"level_{p1.pk}": "4"})
    again = client.get(_url(link.token)).content.decode()
    assert "Anda sudah menjawab pada" in again
    assert re.search(rf'name="level_{p1.pk}" value="4"[^>]*checked', again)
    client.post(_url(link.token), {"known": str(p1.pk), f"level_{p1.pk}": "5"})
    assert Rating.objects.get().level == 5


def test_an_expired_link_answers_410_with_a_plain_page(client, site):
    link = _link(site, expires_at=timezone.now() - datetime.timedelta(minutes=1))
    response = client.get(_url(link.token))
    text = response.content.decode()
    assert response.status_code == 410 and "sudah tidak berlaku" in text
    for absent in ("Suparman", "UD Pramitha", "Menyadap", "site-nav"):
        assert absent not in text
    assert client.post(_url(link.token), {f"level_{site.items[0].pk}": "3"}).status_code == 410
    assert not Rating.objects.exists()
    assert link_state(link) == "expired"


def test_a_revoked_or_unknown_link_answers_404(client, en, site):
    link = _link(site)
    en.force_login(site.facilitator)
    response = en.post(reverse("competency:link_revoke", args=[site.round.pk, site.enterprise.pk, link.pk]))
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.revoked_at is not None and link_state(link) == "revoked"
    client.logout()
    for token in (link.token, "x" * 43, "not-a-token", "a" * 500):
        response = client.get(_url(token))
        assert response.status_code == 404 and "Suparman" not in response.content.decode(), token
    assert client.post(_url(link.token), {f"level_{site.items[0].pk}": "3"}).status_code == 404
    assert not Rating.objects.exists()


def test_another_token_answers_404(client, site):
    link = _link(site)
    other = WorkerLinkFactory(round=site.round, worker=site.second_worker, enterprise=site.enterprise)
    assert client.get(_url(link.token)).status_code == 200
    assert client.get(_url(link.token[:-1] + ("A" if link.token[-1] != "A" else "B"))).status_code == 404
    assert "Sutini" in client.get(_url(other.token)).content.decode()


def test_a_closed_round_answers_410(client, site):
    link = _link(site)
    services.round_close(actor=site.admin, round=site.round)
    response = client.get(_url(link.token))
    assert response.status_code == 410 and "Suparman" not in response.content.decode()


def test_who_may_make_and_revoke_links(en, site):
    link = _link(site)
    url = reverse("competency:link_create", args=[site.round.pk, site.enterprise.pk])
    revoke = reverse("competency:link_revoke", args=[site.round.pk, site.enterprise.pk, link.pk])
    en.force_login(site.neighbour_owner)
    assert en.get(url).status_code == 404 and en.post(revoke).status_code == 404
    en.force_login(site.other_facilitator)
    assert en.post(url, {"worker": site.worker.pk, "days": "14"}).status_code == 404
    en.force_login(site.facilitator)
    other_worker = site.neighbour.workers.get()
    response = en.post(url, {"worker": other_worker.pk, "days": "14"})
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert WorkerLink.objects.count() == 1
    link.refresh_from_db()
    assert link.revoked_at is None


def test_the_link_list_shows_each_state(en, site):
    _link(site)
    answered = WorkerLinkFactory(round=site.round, worker=site.second_worker, enterprise=site.enterprise)
    answered.submitted_at = timezone.now()
    answered.save()
    _link(site, expires_at=timezone.now() - datetime.timedelta(days=1))
    _link(site, revoked_at=timezone.now())
    en.force_login(site.owner)
    page = en.get(
        reverse("competency:round_enterprise", args=[site.round.pk, site.enterprise.pk])
    ).content.decode()
    for state in ("link-active", "link-answered", "link-expired", "link-revoked"):
        assert state in page, state

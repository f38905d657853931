"""Real parallel requests against a live server: no 500, no lost update, the loser is told.

Threads post at the same moment (a barrier) with logged-in sessions, as people in a program
would: four closing one period, three saving one scorecard's targets from the same form, two
making a new version of one framework. On SQLite (a file per test process, see settings.py)
write transactions begin IMMEDIATE and wait for the lock; on PostgreSQL rows are locked with
``select_for_update``. Run on both (``DATABASE_URL=postgres://...``).
"""

from __future__ import annotations

import http.cookiejar
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from decimal import Decimal

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from kinerja_web.frameworks.models import Framework
from kinerja_web.performance.models import Period, ScorecardResult, Target
from kinerja_web.performance.tests import paper
from kinerja_web.tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Session:
    """A logged-in browser of ``user`` against the live server (urllib, cookies kept)."""

    def __init__(self, live_server, user) -> None:
        self.base = live_server.url
        client = Client()
        client.force_login(user)
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect())
        self.session = client.cookies[settings.SESSION_COOKIE_NAME].value
        self.headers = {"Cookie": f"{settings.SESSION_COOKIE_NAME}={self.session}; django_language=en"}

    def get(self, path: str) -> tuple[int, str]:
        return self._open(urllib.request.Request(self.base + path, headers=self.headers))

    def form(self, path: str) -> dict[str, str]:
        """The fields of the page's form as a browser would post them (CSRF token included)."""
        status, html = self.get(path)
        assert status == 200, html[-2000:]
        fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html))
        fields["csrfmiddlewaretoken"] = TOKEN.search(html).group(1)
        return fields

    def post(self, path: str, data: dict[str, str]) -> tuple[int, str]:
        csrf = next((c.value for c in self.jar if c.name == settings.CSRF_COOKIE_NAME), "")
        headers = {**self.headers, "Referer": self.base + path}
        headers["Cookie"] += f"; {settings.CSRF_COOKIE_NAME}={csrf}"
        body = urllib.parse.urlencode(data).encode()
        return self._open(urllib.request.Request(self.base + path, data=body, headers=headers))

    def _open(self, request: urllib.request.Request) -> tuple[int, str]:
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _at_once(calls) -> list[tuple[int, str]]:
    """Run ``calls`` in threads released together; their (status, body) in order."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index: int, call) -> None:
        barrier.wait()
        results[index] = call()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return results


def test_four_people_closing_one_period_at_once(live_server, paper_world):
    others = [
        f.EnterpriseFactory(cluster=paper_world.cluster, name=f"UD Contoh {n}", net_assets=650_000_000)
        for n in range(3)
    ]
    for enterprise in others:
        paper.table1_scorecard(enterprise, paper_world.period, paper_world.framework)
    admins = [paper_world.admin, *(f.program_admin(paper_world.program, f"admin{n}") for n in range(2, 5))]
    url = reverse("performance:period_close", args=[paper_world.period.pk])
    sessions = [Session(live_server, admin) for admin in admins]
    forms = [session.form(url) for session in sessions]

    answers = _at_once(
        [
            lambda s=s, d=d: s.post(url, {"csrfmiddlewaretoken": d["csrfmiddlewaretoken"]})
            for s, d in zip(sessions, forms, strict=True)
        ]
    )

    statuses = sorted(status for status, _body in answers)
    assert 500 not in statuses
    assert statuses == [200, 200, 200, 302]  # one closed it; three were told
    for status, body in answers:
        if status == 200:
            assert "is already closed" in body
    period = Period.objects.get(pk=paper_world.period.pk)
    assert period.closed_at is not None
    assert ScorecardResult.objects.filter(period=period).count() == 4


def test_three_people_saving_one_scorecards_targets_at_once(live_server, paper_world):
    attendance = paper_world.framework.nodes.get(name="Attendance")
    people = [paper_world.admin, paper_world.facilitator, f.facilitator(paper_world.cluster, "facilitator2")]
    url = reverse("performance:targets", args=[paper_world.enterprise.pk, paper_world.period.pk])
    sessions = [Session(live_server, person) for person in people]
    forms = [session.form(url) for session in sessions]  # all drawn from the same version
    values = ["2600", "2700", "2800"]
    for form, value in zip(forms, values, strict=True):
        form[f"target_{attendance.pk}"] = value

    answers = _at_once([lambda s=s, d=d: s.post(url, d) for s, d in zip(sessions, forms, strict=True)])

    statuses = [status for status, _body in answers]
    assert 500 not in statuses
    assert sorted(statuses) == [200, 200, 302]
    winner = values[statuses.index(302)]
    stored = Target.objects.get(scorecard=paper_world.scorecard, node=attendance).target
    assert stored == Decimal(winner)  # what the one told "saved" entered: no lost update
    for (status, body), value in zip(answers, values, strict=True):
        if status == 200:  # the losers: told, shown what changed, nothing of theirs stored
            assert "Someone else changed this scorecard after you opened it" in body
            assert f"Attendance, target: 2535 → {winner}" in body
            assert value != winner


def test_two_people_making_a_new_version_of_one_framework_at_once(live_server, paper_world):
    people = [paper_world.admin, f.program_admin(paper_world.program, "admin2")]
    url = reverse("frameworks:new_version", args=[paper_world.framework.pk])
    detail = paper_world.framework.get_absolute_url()
    sessions = [Session(live_server, person) for person in people]
    tokens = [session.form(detail)["csrfmiddlewaretoken"] for session in sessions]

    answers = _at_once(
        [
            lambda s=s, t=t: s.post(url, {"csrfmiddlewaretoken": t})
            for s, t in zip(sessions, tokens, strict=True)
        ]
    )

    assert [status for status, _body in answers] == [302, 302]  # both sent to the one new version
    versions = Framework.objects.filter(lineage=paper_world.framework.lineage)
    assert sorted(versions.values_list("version", flat=True)) == [1, 2]

"""For every page and download of every app, another tenant's data answers 404 or 403, never the data.

Cases come from each app's ``tests/cross_tenant.py`` (see ``kinerja_web/tests/cross_tenant.py``).
"""

from __future__ import annotations

import pytest

from kinerja_web.audit.models import AuditEntry
from kinerja_web.tests.cross_tenant import parameters


@pytest.mark.parametrize(
    ("case", "intruder", "target"),
    parameters(),
    ids=[f"{case.name}-{case.method}-{intruder}-{target}" for case, intruder, target in parameters()],
)
def test_other_tenants_data_is_not_found_or_forbidden(client, world, case, intruder, target):
    victim = getattr(world, target)
    url = case.build(victim)
    audit_rows = AuditEntry.objects.count()

    client.force_login(getattr(world, intruder))
    response = getattr(client, case.method)(url, data=case.data)

    assert response.status_code in (403, 404), f"{intruder} got {response.status_code} from {url}"
    assert AuditEntry.objects.count() == audit_rows, f"{intruder} changed something through {url}"

    if case.control_status is not None:
        client.force_login(world.admin_of(victim, case.scope))
        assert client.get(url).status_code == case.control_status, f"control: {url} is not a working page"


def test_anonymous_visitor_is_sent_to_login_from_every_page(client, world):
    for case, _, target in parameters():
        url = case.build(getattr(world, target))
        response = getattr(client, case.method)(url, data=case.data)
        assert response.status_code in (302, 403, 404, 405), url
        if response.status_code == 302:
            assert response["Location"].startswith("/accounts/login/"), url

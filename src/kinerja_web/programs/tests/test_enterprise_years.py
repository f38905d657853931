"""Issue 9 item 7: an enterprise's yearly figures classify each period under the law in force on its
dates, both laws stay visible with their basis, and a closed period keeps its class.

Government Regulation 7/2021 (PP 7/2021) took effect on 2 February 2021; art. 35(3): business
capital up to Rp 1 billion micro, over 1 to 5 billion small, over 5 to 10 billion medium; art.
35(5): annual sales up to Rp 2 billion micro, over 2 to 15 billion small. Law 20/2008 art. 6:
net assets over Rp 500 million to 10 billion medium, annual sales up to Rp 300 million micro.
"""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.urls import reverse

from kinerja_web.audit.models import AuditEntry
from kinerja_web.performance.models import Period
from kinerja_web.programs import selectors_figures, services_figures
from kinerja_web.programs.models import EnterpriseYear
from kinerja_web.tests import factories as f

pytestmark = pytest.mark.django_db

Q4_2020 = (datetime.date(2020, 10, 1), datetime.date(2020, 12, 31))
Q4_2026 = (datetime.date(2026, 10, 1), datetime.date(2026, 12, 31))


@pytest.fixture
def enterprise():
    # On the enterprise itself: medium by net assets under Law 20/2008 (Rp 600 million).
    return f.EnterpriseFactory(net_assets=600_000_000, business_capital=None, annual_sales=1_200_000_000)


@pytest.fixture
def facilitator(enterprise):
    return f.facilitator(enterprise.cluster, "pendamping")


def test_a_period_takes_its_years_figures_under_the_law_in_force(enterprise, facilitator):
    services_figures.enterprise_year_save(
        actor=facilitator,
        enterprise=enterprise,
        year=2020,
        net_assets=600_000_000,
        annual_sales=1_200_000_000,
    )
    services_figures.enterprise_year_save(
        actor=facilitator,
        enterprise=enterprise,
        year=2026,
        net_assets=600_000_000,
        business_capital=6_000_000_000,
        annual_sales=1_200_000_000,
        workers=12,
    )
    old = selectors_figures.period_size(enterprise, *Q4_2020)
    assert (old.law, old.class_, old.figures_year, old.source) == ("uu20-2008", "medium", 2020, "year")
    new = selectors_figures.period_size(enterprise, *Q4_2026)
    assert (new.law, new.class_, new.figures_year) == ("pp7-2021", "medium", 2026)  # capital decides
    assert new.by_law["uu20-2008"].class_ == "medium" and "35" in new.in_force.basis_en  # both laws kept

    # 2025 has no figures: the latest earlier year's, and the result says so
    earlier = selectors_figures.period_size(enterprise, datetime.date(2025, 1, 1), datetime.date(2025, 3, 31))
    assert (earlier.figures_year, earlier.source, earlier.law) == (2020, "earlier", "pp7-2021")
    assert earlier.class_ == "micro"  # 2020's sales, Rp 1.2 billion, under PP 7/2021 art. 35(5)


def test_without_yearly_figures_the_enterprise_record_is_used_and_said(enterprise):
    size = selectors_figures.period_size(enterprise, *Q4_2026)
    assert (size.source, size.figures_year, size.class_) == ("current", None, "micro")
    assert selectors_figures.period_size(enterprise, *Q4_2020).class_ == "medium"


def test_the_years_page_adds_corrects_and_audits_in_the_users_format(client, enterprise, facilitator):
    client.force_login(facilitator)
    url = reverse("programs:enterprise_years", args=[enterprise.pk])
    detail = client.get(reverse("programs:enterprise_detail", args=[enterprise.pk])).content.decode()
    assert f'href="{url}"' in detail  # reachable from the enterprise page

    response = client.post(
        url,
        {
            "year": "2026",
            "business_capital": "6.000.000.000",
            "annual_sales": "1.200.000.000",
            "workers": "12",
        },
    )
    assert response.status_code == 302
    row = EnterpriseYear.objects.get(enterprise=enterprise, year=2026)
    assert (row.business_capital, row.annual_sales, row.workers, row.net_assets) == (
        6_000_000_000,
        1_200_000_000,
        12,
        None,
    )
    assert AuditEntry.objects.filter(action="enterprise_year.create").count() == 1

    client.post(url, {"year": "2026", "business_capital": "4.000.000.000", "annual_sales": "1.200.000.000"})
    row.refresh_from_db()
    assert (
        row.business_capital == 4_000_000_000
        and EnterpriseYear.objects.filter(enterprise=enterprise).count() == 1
    )
    entry = AuditEntry.objects.get(action="enterprise_year.update")
    assert (
        entry.changes["business_capital"] == [6_000_000_000, 4_000_000_000] and entry.changes["year"] == 2026
    )

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(url).content.decode()
    assert "Government Regulation 7/2021, art. 35" in page and "Law 20/2008, art. 6" in page
    assert "small" in page  # Rp 4 billion of capital: small under art. 35(3)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"year": "2026", "annual_sales": ""}, "annual_sales"),
        ({"year": "2026", "annual_sales": "-5"}, "annual_sales"),
        ({"year": "1800", "annual_sales": "1000"}, "year"),
        ({"year": "2026", "annual_sales": "1000", "workers": "0"}, "workers"),
    ],
)
def test_bad_figures_are_refused_on_their_field_and_nothing_is_saved(
    client, enterprise, facilitator, data, field
):
    client.force_login(facilitator)
    response = client.post(reverse("programs:enterprise_years", args=[enterprise.pk]), data)
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not EnterpriseYear.objects.exists() and not AuditEntry.objects.exists()


def test_a_closed_period_keeps_its_class_and_the_dashboards_group_by_it(client, enterprise, facilitator):
    from kinerja_web.performance.tests.dashboard_fixtures import framework, result

    services_figures.enterprise_year_save(
        actor=facilitator, enterprise=enterprise, year=2026, business_capital=6_000_000_000, annual_sales=1
    )
    program = enterprise.cluster.program
    period = Period.objects.create(program=program, name="Q4 2026", start=Q4_2026[0], end=Q4_2026[1])
    frozen = result(enterprise, period, 80.0)  # frozen as a close freezes it
    assert (
        frozen.size_class == "medium"
        and frozen.size["law"] == "pp7-2021"
        and frozen.size["figures_year"] == 2026
    )

    services_figures.enterprise_year_save(
        actor=facilitator, enterprise=enterprise, year=2026, business_capital=500_000_000, annual_sales=1
    )
    assert selectors_figures.period_size(enterprise, *Q4_2026).class_ == "micro"  # open periods follow
    frozen.refresh_from_db()
    assert frozen.size_class == "medium"

    period.closed_at = frozen.computed_at
    period.save()
    admin = f.program_admin(program, "admin")
    client.force_login(admin)
    board = client.get(reverse("dashboards:program", args=[program.pk])).context["board"]
    assert {a.key: a.count for a in board.aggregates.by_size} == {"medium": 1}
    assert [r.size_class for r in board.ranking.rows] == ["medium"]

    page = client.get(
        reverse("performance:scorecard", args=[enterprise.pk, frozen.scorecard.period.pk])
    ).content.decode()
    assert "PP 7/2021 Pasal 35" in page and "dibekukan saat penutupan" in page
    assert framework(program)


def test_the_audit_trail_says_a_years_figures_in_words(client, enterprise, facilitator):
    services_figures.enterprise_year_save(actor=facilitator, enterprise=enterprise, year=2026, annual_sales=1)
    admin = f.program_admin(enterprise.cluster.program, "admin")
    client.force_login(admin)
    page = client.get(reverse("audit:entry_list")).content.decode()
    assert f"mencatat angka tahunan usaha {enterprise.name}" in page

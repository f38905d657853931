"""Issue 9 item 7: a close freezes each result's size class (the figures of the period's year under
the law in force on its dates); later figures change open periods only.

The paper's third month quarter ends after 2 February 2021, when Government Regulation 7/2021
took effect: its art. 35(5) makes annual sales of Rp 1.65 billion micro (up to Rp 2 billion),
where Law 20/2008 art. 6 made net assets of Rp 650 million medium (over 500 million).
"""

from __future__ import annotations

from kinerja import sizing
from kinerja_web.performance import services
from kinerja_web.performance.models import ScorecardResult
from kinerja_web.programs import selectors_figures, services_figures


def test_close_freezes_the_size_class_with_its_law_and_basis(paper_world):
    period = paper_world.period
    assert sizing.law_for_period(period.start, period.end) == sizing.PP7_2021
    services.period_close(period=period, closed_by=paper_world.admin)
    stored = ScorecardResult.objects.get(scorecard=paper_world.scorecard)
    assert stored.size_class == "micro"
    assert stored.size["law"] == "pp7-2021" and stored.size["source"] == "current"
    assert stored.size["by_law"]["uu20-2008"]["class"] == "medium"  # Law 20/2008 kept beside it
    assert "35" in stored.size["by_law"]["pp7-2021"]["basis_en"]

    year = sizing.figures_year(period.start, period.end)
    services_figures.enterprise_year_save(
        actor=paper_world.admin,
        enterprise=paper_world.enterprise,
        year=year,
        business_capital=6_000_000_000,
        annual_sales=1_650_000_000,
    )
    live = selectors_figures.period_size(paper_world.enterprise, period.start, period.end)
    assert live.class_ == "medium" and live.figures_year == year
    stored.refresh_from_db()
    assert stored.size_class == "micro"  # frozen: the figures changed after the close
    shown, frozen = selectors_figures.scorecard_size(paper_world.scorecard)
    assert frozen and shown.class_ == "micro"


def test_a_reopened_and_closed_period_takes_the_figures_of_then(paper_world):
    period = paper_world.period
    services.period_close(period=period, closed_by=paper_world.admin)
    services_figures.enterprise_year_save(
        actor=paper_world.admin,
        enterprise=paper_world.enterprise,
        year=sizing.figures_year(period.start, period.end),
        business_capital=6_000_000_000,
        annual_sales=1_650_000_000,
    )
    services.period_reopen(period=period, actor=paper_world.admin)
    paper_world.scorecard.refresh_from_db()
    assert paper_world.scorecard.approved_at is not None  # reopening keeps the approval
    services.period_close(period=period, closed_by=paper_world.admin)
    assert ScorecardResult.objects.get(scorecard=paper_world.scorecard).size_class == "medium"

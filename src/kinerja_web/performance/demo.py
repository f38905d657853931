"""Demo periods and scorecards: step ``load_performance`` of ``programs/demo.py`` (after records).

Periods of the program:

- the KPI paper's three "month quarters", 20 January 2021 to 31 January 2022 (Manggala,
  Prihatini and Fadah 2022, IOSR-JBM 24(9); the same dates as ``records.demo.PAPER_QUARTERS``),
  closed;
- the recent quarters with records (``records.demo.RECENT``): Q2 2026 closed, Q3 2026 open.

Every demo enterprise gets a scorecard in each period (the paper's periods: its three
enterprises), scored with the demo framework of its size class under Law 20/2008, the law the
paper sizes by (``ctx.frameworks`` from ``frameworks.demo``). Targets:

- **UD Pramitha Salsabila, third month quarter: exactly Table 1** of the paper: its targets, and
  its realizations given directly (the paper prints realizations, not actuals), so the total is
  the core's exact 94.783484 (the paper prints 94.762, having cut row scores to two decimals),
  "Sangat Baik";
- UD Pramitha Salsabila, first and second month quarters: the HR indicators realize what gives
  Table 2's scores (attendance 14.45 and 11.39, production time 5.336 and 5.475, adjusted
  attendance of non-permanent workers 6.169 and 4.15; realization = score / weight x 100);
  Table 2's third-quarter scores differ slightly from Table 1's, which the demo follows;
- everything else: a target near the actual the records give (realization 85-102 %), drawn
  from a generator seeded by enterprise and period, so every run gives the same targets.

Past periods are closed through ``services.period_close`` after the administrator approved each
of their scorecards (``services.scorecard_approve``: only approved scorecards are frozen into the
ranking); the open quarter's scorecards wait for their facilitator's review. Idempotent: periods
and scorecards are found by their natural keys; a closed period is left as it is; saving the
same targets again changes nothing.
"""

from __future__ import annotations

import datetime
import random
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from kinerja_web.performance import services
from kinerja_web.performance.evaluate import framework_indicators, record_actuals
from kinerja_web.performance.models import Period, Scorecard
from kinerja_web.performance.selectors import enterprise_size_class

PAPER_PERIODS = (
    ("Kuartal bulan 1", datetime.date(2021, 1, 20), datetime.date(2021, 5, 31)),
    ("Kuartal bulan 2", datetime.date(2021, 6, 1), datetime.date(2021, 9, 30)),
    ("Kuartal bulan 3", datetime.date(2021, 10, 1), datetime.date(2022, 1, 31)),
)
RECENT_PERIODS = (
    ("Triwulan 2 2026", datetime.date(2026, 4, 1), datetime.date(2026, 6, 30), True),
    ("Triwulan 3 2026", datetime.date(2026, 7, 1), datetime.date(2026, 9, 30), False),
)
PAPER_KEYS = ("pramitha", "ramis", "juariyah")

# Table 1 of the paper, by the indicator's English name (frameworks.paper keeps it as the node's
# description): (target, realization %).
TABLE1 = {
    "Attendance": ("2535", "89.58"),
    "Production time": ("1408", "92.50"),
    "Adjusting the attendance of non-permanent employees": ("794", "91.25"),
    "Work rotation": ("205", "100"),
    "Total production": ("59100", "93.75"),
    "Production of iodized coconut sugar": ("14232.5", "92.03"),
    "Adding production equipment and raw materials": (None, "100"),
    "Product price to total sales": ("118441250", "91.46"),
    "Sales turnover": ("407243250", "94.51"),
}
# Table 2's HR scores of the first and second month quarter, by English name.
TABLE2 = {
    "Attendance": ("14.45", "11.39"),
    "Production time": ("5.336", "5.475"),
    "Adjusting the attendance of non-permanent employees": ("6.169", "4.15"),
}
#: Share of turnover that "product price to total sales" (entered by hand) amounts to: the paper's
#: Table 1 targets Rp 118,441,250 against Rp 407,243,250 of turnover.
PRICE_SHARE = Decimal("118441250") / Decimal("407243250")


def load_performance(ctx: Any) -> None:
    """Periods, scorecards and targets of the demo program; past periods closed."""
    admin = ctx.users["admin"]
    frameworks = getattr(ctx, "frameworks", None) or {}
    paper_enterprises = [ctx.enterprises[key] for key in PAPER_KEYS if key in ctx.enterprises]
    everyone = list(ctx.enterprises.values())
    plan = [(name, start, end, True, paper_enterprises) for name, start, end in PAPER_PERIODS]
    plan += [(name, start, end, close, everyone) for name, start, end, close in RECENT_PERIODS]
    for index, (name, start, end, close, enterprises) in enumerate(plan):
        period = _period(ctx.program, name, start, end, admin)
        if period.closed_at is None:
            cards = _scorecards(
                period, enterprises, frameworks, admin, paper_quarter=index if index < 3 else None
            )
            if close:
                for card in cards:
                    if card.approved_at is None:
                        services.scorecard_approve(actor=admin, scorecard=card)
                services.period_close(period=period, closed_by=admin)
    closed = sum(1 for *_rest, close, _enterprises in plan if close)
    ctx.notes.append(
        f"Performance: {len(plan)} periods ({closed} closed); UD Pramitha Salsabila's 'Kuartal bulan 3' "
        "scorecard is the paper's Table 1 (total 94,78, Sangat Baik)."
    )


def _period(program: Any, name: str, start: datetime.date, end: datetime.date, admin: Any) -> Period:
    period = Period.objects.filter(program=program, name=name).first()
    if period is not None:
        return period
    kind = Period.Kind.QUARTER if name.startswith("Triwulan") else Period.Kind.CUSTOM
    return services.period_create(actor=admin, program=program, name=name, kind=kind, start=start, end=end)


def _framework_for(enterprise: Any, frameworks: dict[str, Any]) -> Any:
    size = enterprise_size_class(enterprise)
    framework = frameworks.get(size) or frameworks.get("medium" if size == "large" else "micro")
    if framework is None:
        from kinerja_web.frameworks.selectors import framework_for_size_class

        framework = framework_for_size_class(enterprise.cluster.program, size)
    return framework


def _scorecards(
    period: Period,
    enterprises: list[Any],
    frameworks: dict[str, Any],
    admin: Any,
    *,
    paper_quarter: int | None,
) -> list[Scorecard]:
    cards = []
    for enterprise in enterprises:
        card = (
            Scorecard.objects.filter(enterprise=enterprise, period=period).select_related("framework").first()
        )
        if card is None:
            framework = _framework_for(enterprise, frameworks)
            if framework is None:
                continue
            card = services.scorecard_create(
                actor=admin, enterprise=enterprise, period=period, framework=framework
            )
        cards.append(card)
    specs = {card.framework_id: framework_indicators(card.framework).indicators for card in cards}
    english = _english_names(specs)
    requests = {
        (s.actual_source, s.source_product) for items in specs.values() for s in items if s.from_records
    }
    requests.add(("sales_rp", ""))
    actuals = record_actuals([card.enterprise_id for card in cards], period.start, period.end, requests)
    for card in cards:
        rng = random.Random(f"{card.enterprise.nib}:{period.name}")
        is_pramitha = card.enterprise.nib == _pramitha_nib()
        rows = []
        for spec in specs[card.framework_id]:
            name = english[spec.node_id]
            if is_pramitha and paper_quarter == 2 and name in TABLE1:
                target, realization = TABLE1[name]
                rows.append({"node": spec.node_id, "target": target, "manual_realization": realization})
                continue
            row = _generated_row(spec, card, actuals, rng)
            if is_pramitha and paper_quarter in (0, 1) and name in TABLE2:
                score = Decimal(TABLE2[name][paper_quarter])
                row["manual_realization"] = _round(score / Decimal(str(spec.weight)) * 100, "0.0001")
            rows.append(row)
        services.targets_save(scorecard=card, rows=rows, actor=admin)
    return cards


def _pramitha_nib() -> str:
    from kinerja_web.programs.demo import PAPER_ENTERPRISES

    return next(nib for key, _name, nib, *_rest in PAPER_ENTERPRISES if key == "pramitha")


def _english_names(specs: dict[int, Any]) -> dict[int, str]:
    """Each indicator's English name: ``frameworks.paper`` stores it as the node's description."""
    from kinerja_web.frameworks.models import Node

    nodes = [spec for items in specs.values() for spec in items]
    descriptions = dict(
        Node.objects.filter(pk__in=[s.node_id for s in nodes]).values_list("pk", "description")
    )
    return {spec.node_id: descriptions.get(spec.node_id) or spec.name for spec in nodes}


def _generated_row(spec: Any, card: Scorecard, actuals: dict, rng: random.Random) -> dict[str, Any]:
    """A target the actual realizes 85-102 % of; for a hand-entered actual, that actual too."""
    factor = Decimal(str(round(rng.uniform(0.85, 1.02), 3)))
    if spec.from_records:
        actual = actuals.get((card.enterprise_id, spec.actual_source, spec.source_product), Decimal(0))
        row: dict[str, Any] = {"node": spec.node_id}
    else:
        turnover = actuals.get((card.enterprise_id, "sales_rp", ""), Decimal(0))
        actual = _round(turnover * PRICE_SHARE, "1000") if spec.is_money else Decimal(rng.randint(5, 20))
        row = {"node": spec.node_id, "manual_actual": actual}
    if actual <= 0:
        row["target"] = Decimal(1)
        return row
    quantum = "50000" if spec.is_money else ("1" if actual >= 20 else "0.1")
    row["target"] = max(_round(actual / factor, quantum), Decimal(quantum))
    return row


def _round(value: Decimal, quantum: str) -> Decimal:
    step = Decimal(quantum)
    return (value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step

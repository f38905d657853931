"""Demo periods and scorecards: step ``load_performance`` of ``programs/demo.py`` (after records).

Periods of the program:

- the KPI paper's three "month quarters", 20 January 2021 to 31 January 2022 (Manggala,
  Prihatini and Fadah 2022, IOSR-JBM 24(9); the same dates as ``records.demo.PAPER_QUARTERS``),
  and **the whole study, the period Table 1's targets are for** ("Masa studi KPI 2021-2022",
  20 January 2021 - 31 January 2022: Table 1's title gives these dates, and its targets, 2,535
  attendances or 1,408 operating hours, are a study's, not a four-month quarter's); all closed;
- the recent quarters with records (``records.demo.RECENT``): Q2 2026 closed, Q3 2026 open.

How periods, targets and records agree (the decision): Table 1 hangs on the period its targets
are for, not on the third month quarter. Its scorecard (UD Pramitha Salsabila, "Masa studi KPI
2021-2022") has Table 1's targets and its realizations given as printed, so the total is the
core's exact 94.783484, shown 94,78 "Sangat Baik" (the paper prints 94.762, having cut row
scores to two decimals); the records of the study (``records.demo.STUDY_TOTALS``) give actuals
that realize Table 1 to within its printed digits (2,271 of 2,535 attendances is 89.59 %, printed
89.58 %), so no row warns that its given realization differs from actual / target, except
turnover: Table 2's quarters add up to Rp 388.906.100, 95.50 % of Table 1's target, where Table 1
prints 94.51 %, and the scorecard says so (a contradiction of the paper, named on the comparison
page by :func:`source_notes`).

The month quarters are Table 2: UD Pramitha Salsabila's HR indicators realize what gives its
scores (attendance 14.45, 11.39, 13.40; production time 5.336, 5.475, 5.14; adjusted attendance
of non-permanent workers 6.169, 4.15, 6.4; realization = score / weight x 100, given), each target
set so that the quarter's records give that realization (target = actual / realization). The
paper presents Table 1 as the third period's analysis, yet Table 2's third-quarter scores are not
Table 1's: the demo keeps both as printed, in the periods their figures are for.

Every other scorecard (the paper's other two enterprises, the generated ones, 2026): a target
near the actual the records give (realization 85-102 %), drawn from a generator seeded by
enterprise and period, so every run gives the same targets. Each enterprise is scored with the
demo framework of its size class under Law 20/2008, the law the paper sizes by
(``ctx.frameworks`` from ``frameworks.demo``).

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
#: The whole study, the period of Table 1 (its title: "20 January 2021 - 31 January 2022").
STUDY_PERIOD = ("Masa studi KPI 2021-2022", datetime.date(2021, 1, 20), datetime.date(2022, 1, 31))
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
#: Table 1's one actual not kept in the records, typed: product price to total sales,
#: Rp 118,441,250 x 91.46 % (Rp 108,326,367.25), to the rupiah.
TABLE1_MANUAL_ACTUALS = {"Product price to total sales": Decimal(108_326_368)}
# Table 2's HR scores of the three month quarters, by English name.
TABLE2 = {
    "Attendance": ("14.45", "11.39", "13.40"),
    "Production time": ("5.336", "5.475", "5.14"),
    "Adjusting the attendance of non-permanent employees": ("6.169", "4.15", "6.4"),
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
    plan: list[tuple[str, datetime.date, datetime.date, bool, list[Any], int | str | None]] = [
        (name, start, end, True, paper_enterprises, index)
        for index, (name, start, end) in enumerate(PAPER_PERIODS)
    ]
    plan.append((*STUDY_PERIOD, True, paper_enterprises, "study"))
    plan += [(name, start, end, close, everyone, None) for name, start, end, close in RECENT_PERIODS]
    for name, start, end, close, enterprises, paper_part in plan:
        period = _period(ctx.program, name, start, end, admin)
        if period.closed_at is None:
            cards = _scorecards(period, enterprises, frameworks, admin, paper_part=paper_part)
            if close:
                for card in cards:
                    if card.approved_at is None:
                        services.scorecard_approve(actor=admin, scorecard=card)
                services.period_close(period=period, closed_by=admin)
    closed = sum(1 for *_rest, close, _enterprises, _part in plan if close)
    ctx.notes.append(
        f"Performance: {len(plan)} periods ({closed} closed); UD Pramitha Salsabila's '{STUDY_PERIOD[0]}' "
        "scorecard is the paper's Table 1 (total 94,78, Sangat Baik), its month quarters Table 2."
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
    paper_part: int | str | None,
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
            if is_pramitha and paper_part == "study" and name in TABLE1:
                target, realization = TABLE1[name]
                row = {"node": spec.node_id, "target": target, "manual_realization": realization}
                if name in TABLE1_MANUAL_ACTUALS:
                    row["manual_actual"] = TABLE1_MANUAL_ACTUALS[name]
                rows.append(row)
                continue
            if is_pramitha and isinstance(paper_part, int) and name in TABLE2 and spec.from_records:
                score = Decimal(TABLE2[name][paper_part])
                rows.append(_table2_row(spec, card, actuals, score))
                continue
            rows.append(_generated_row(spec, card, actuals, rng))
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


def _table2_row(spec: Any, card: Scorecard, actuals: dict, score: Decimal) -> dict[str, Any]:
    """A Table 2 row: the realization that gives ``score`` (score / weight x 100, given, 4 decimals)
    and the target the quarter's records realize it against (actual / realization, whole)."""
    realization = _round(score / Decimal(str(spec.weight)) * 100, "0.0001")
    actual = actuals.get((card.enterprise_id, spec.actual_source, spec.source_product), Decimal(0))
    target = max(_round(actual * 100 / realization, "1"), Decimal(1)) if actual > 0 else Decimal(1)
    return {"node": spec.node_id, "target": target, "manual_realization": realization}


def source_notes(enterprise: Any) -> list[str]:
    """Where the KPI paper contradicts itself, for the comparison page of the enterprise whose
    figures the demo takes from it (UD Pramitha Salsabila of the demo program); else nothing.

    Manggala et al. (2022), IOSR-JBM 24(9): Table 1 (presented as the third period's analysis,
    titled 20 January 2021 - 31 January 2022) and Table 2 (the three month quarters).
    """
    from django.utils.translation import gettext as _

    from kinerja_web.programs.demo import PROGRAM_NAME
    from kinerja_web.programs.templatetags.kinerja import percent, rupiah
    from kinerja_web.records.demo import PAPER_TURNOVER

    program = enterprise.cluster.program
    if enterprise.nib != _pramitha_nib() or program.name != PROGRAM_NAME:
        return []
    return [
        _(
            "The KPI paper contradicts itself here. It presents Table 1 as the analysis of the third "
            "month quarter, yet Table 2's third-quarter HR scores (attendance 13.40, production time "
            "5.14, adjusted attendance of non-permanent workers 6.4) are not Table 1's (13.437, 5.203, "
            "5.93). Table 1's title dates and targets are those of the whole study (20 January 2021 - "
            "31 January 2022), so Table 1 is the scorecard of “%(study)s” and Table 2's third column is "
            "“%(quarter)s”."
        )
        % {"study": STUDY_PERIOD[0], "quarter": PAPER_PERIODS[2][0]},
        _(
            "Table 2's turnover adds up to %(sum)s over the three month quarters: %(share)s of Table 1's "
            "target of %(target)s, where Table 1 prints a realization of %(printed)s. The scorecard of the "
            "study keeps the printed realization and says that the records give another."
        )
        % {
            "sum": rupiah(sum(PAPER_TURNOVER["pramitha"]), program),
            "share": percent(
                Decimal(sum(PAPER_TURNOVER["pramitha"])) * 100 / Decimal(TABLE1["Sales turnover"][0])
            ),
            "target": rupiah(int(TABLE1["Sales turnover"][0]), program),
            "printed": percent(Decimal(TABLE1["Sales turnover"][1])),
        },
    ]


def _round(value: Decimal, quantum: str) -> Decimal:
    step = Decimal(quantum)
    return (value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step

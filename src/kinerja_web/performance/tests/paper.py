"""The KPI paper's Table 1 and Table 2 as test data, and a framework weighted as Table 1.

Source: Manggala, Prihatini and Fadah (2022), "Key Performance Indicators on the Performance of
Human Resources for MSMEs, Coconut Sugar Industry Centers in Lojejer Village", IOSR-JBM 24(9),
pp. 1-10. Table 1: UD Pramitha Salsabila, 20 January 2021 - 31 January 2022 (third month quarter);
Table 2: the three month quarters of the same enterprise. The same figures are in
/work/shared/spec/examples/table1-scorecard.json and table2-compare.json.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from kinerja_web.frameworks.models import Framework, Node
from kinerja_web.performance.models import Period, Scorecard, Target

# (perspective, indicator, weight %, target, unit, realization %, actual source)
TABLE1 = (
    ("Human Resources", "Attendance", "15", "2535", "attendances", "89.58", "attendance_days"),
    ("Human Resources", "Production time", "5.625", "1408", "operating hours", "92.50", "operating_hours"),
    (
        "Human Resources",
        "Adjusting the attendance of non-permanent employees",
        "6.5",
        "794",
        "attendances",
        "91.25",
        "attendance_days_non_permanent",
    ),
    ("Human Resources", "Work rotation", "23.26", "205", "operating hours", "100", "rotation_hours"),
    ("Production", "Total production", "8.5", "59100", "kg", "93.75", "production_kg"),
    ("Production", "Production of iodized coconut sugar", "2.125", "14232.5", "kg", "92.03", "manual"),
    (
        "Production",
        "Adding production equipment and raw materials",
        "6.725",
        None,
        "molds and litres",
        "100",
        "manual",
    ),
    ("Finance", "Product price to total sales", "6.26", "118441250", "IDR", "91.46", "manual"),
    ("Finance", "Sales turnover", "26.005", "407243250", "IDR", "94.51", "sales_rp"),
)
#: The paper prints 94.762 (row scores cut to two decimals before adding); exactly it is 94.783484.
TABLE1_TOTAL = 94.783484
TURNOVER = (96_309_500, 147_396_600, 145_200_000)


def perspectives() -> dict[str, Decimal]:
    sums: dict[str, Decimal] = {}
    for perspective, _name, weight, *_rest in TABLE1:
        sums[perspective] = sums.get(perspective, Decimal(0)) + Decimal(weight)
    return sums


def paper_framework(program, *, name: str = "KPI UMKM menengah", size_class: str = "medium") -> Framework:
    """Table 1's hierarchy with its weights adopted: perspective weights = sums of their indicators'."""
    framework = Framework.objects.create(program=program, name=name, size_class=size_class)
    goal = Node.objects.create(
        framework=framework, name="Kinerja SDM", kind=Node.Kind.GOAL, weight_mode=Node.WeightMode.ADOPTED
    )
    sums = perspectives()
    parents = {}
    for position, (perspective, total) in enumerate(sums.items()):
        parents[perspective] = Node.objects.create(
            framework=framework,
            parent=goal,
            name=perspective,
            kind=Node.Kind.PERSPECTIVE,
            position=position,
            weight_mode=Node.WeightMode.ADOPTED,
            adopted_weight=float(total / 100),
        )
    for position, (perspective, indicator, weight, _target, unit, _real, source) in enumerate(TABLE1):
        Node.objects.create(
            framework=framework,
            parent=parents[perspective],
            name=indicator,
            kind=Node.Kind.INDICATOR,
            position=position,
            unit=unit,
            actual_source=source,
            adopted_weight=float(Decimal(weight) / sums[perspective]),
        )
    return framework


# (name, start, end) of the paper's three month quarters (20 January 2021 - 31 January 2022).
MONTH_QUARTERS = (
    ("Kuartal bulan 1", datetime.date(2021, 1, 20), datetime.date(2021, 5, 31)),
    ("Kuartal bulan 2", datetime.date(2021, 6, 1), datetime.date(2021, 9, 30)),
    ("Kuartal bulan 3", datetime.date(2021, 10, 1), datetime.date(2022, 1, 31)),
)
#: Table 2's HR indicator scores per month quarter.
TABLE2_SCORES = {
    "Attendance": ("14.45", "11.39", "13.40"),
    "Production time": ("5.336", "5.475", "5.14"),
    "Adjusting the attendance of non-permanent employees": ("6.169", "4.15", "6.4"),
}


def period(program, index: int, **extra) -> Period:
    name, start, end = MONTH_QUARTERS[index]
    return Period.objects.create(
        program=program, name=name, kind=Period.Kind.CUSTOM, start=start, end=end, **extra
    )


def table1_scorecard(
    enterprise, period_: Period, framework: Framework, *, approved: bool = True
) -> Scorecard:
    """The scorecard of Table 1: the paper's targets, and its realizations given directly;
    ``approved`` (by default) as a facilitator's review leaves it, so a close freezes it."""
    scorecard = Scorecard.objects.create(
        enterprise=enterprise, period=period_, framework=framework, approved_at=_approved(approved)
    )
    nodes = {n.name: n for n in framework.nodes.filter(kind=Node.Kind.INDICATOR)}
    for _perspective, name, _weight, target, _unit, realization, _source in TABLE1:
        Target.objects.create(
            scorecard=scorecard,
            enterprise=enterprise,
            node=nodes[name],
            target=Decimal(target) if target else None,
            manual_realization=Decimal(realization),
        )
    return scorecard


def table2_scorecard(
    enterprise, period_: Period, framework: Framework, quarter: int, *, approved: bool = True
) -> Scorecard:
    """A month quarter whose HR scores are Table 2's (realization = score / weight x 100, given);
    the other rows realize 100 %. ``approved`` as :func:`table1_scorecard`."""
    scorecard = Scorecard.objects.create(
        enterprise=enterprise, period=period_, framework=framework, approved_at=_approved(approved)
    )
    nodes = {n.name: n for n in framework.nodes.filter(kind=Node.Kind.INDICATOR)}
    for _perspective, name, weight, target, _unit, _realization, _source in TABLE1:
        realization = Decimal(100)
        if name in TABLE2_SCORES:
            score = Decimal(TABLE2_SCORES[name][quarter])
            realization = (score / Decimal(weight) * 100).quantize(Decimal("0.0001"))
        Target.objects.create(
            scorecard=scorecard,
            enterprise=enterprise,
            node=nodes[name],
            target=Decimal(target) if target else None,
            manual_realization=realization,
        )
    return scorecard


def _approved(approved: bool):
    from django.utils import timezone

    return timezone.now() if approved else None


def turnover_records(enterprise) -> None:
    """Table 2's turnover as two sales in each month quarter."""
    from kinerja_web.records.models import Sale

    for (_name, start, end), amount in zip(MONTH_QUARTERS, TURNOVER, strict=True):
        first = amount // 2
        Sale.objects.create(enterprise=enterprise, date=start, amount_rp=first)
        Sale.objects.create(enterprise=enterprise, date=end, amount_rp=amount - first)

"""Demo records: daily records of the demo enterprises, step ``load_records`` of ``programs/demo.py``.

Two spans, both generated with a generator seeded from ``ctx.rng`` (identical on every run):

- **The paper's study**, 20 January 2021 to 31 January 2022, for its three enterprises, in the
  three "month quarters" of :data:`PAPER_QUARTERS` (the third starts when UD Pramitha Salsabila's
  workforce shrank, 1 October 2021). Source: Manggala et al., IOSR-JBM 24(09), 2022. For UD
  Pramitha Salsabila: the owner-manager and 5 permanent employees, then 2 from the third quarter,
  and non-permanent workers (6, then 3); a capacity of 300 kg a day, 350 kg after the 20 new
  moulds at the start of the second quarter (Table 2's note); about a quarter of it iodized
  coconut sugar; work rotation from the second quarter; turnover per quarter exactly as in
  Table 2 (Rp 96.309.500, Rp 147.396.600, Rp 145.200.000). Bu Ramis (small) and Mbak Juariyah
  (micro) follow the paper's conclusions (recruitment, rotation, longer operating time;
  Juariyah's turnover up about 41.8 % a quarter); their money figures are illustrative.
- **Recent quarters**, :data:`RECENT` (2026 Q2 and Q3), for every demo enterprise, so the
  dashboards have current data.

UD Pramitha Salsabila's study agrees with Table 1, whose targets are for the whole study:
after the days are drawn, its totals over the study are set to :data:`STUDY_TOTALS`, Table 1's
target x realization to the unit the records keep (2,271 attendances of 2,535 is 89.59 %,
Table 1 prints 89.58 %; 1,302.5 of 1,408 operating hours; 725 of 794 non-permanent attendances;
205 hours of rotation; 55,406.5 of 59,100 kg, 13,098 of them iodized), by changing as few days
as it takes (:func:`_calibrate_study`). Production is therefore about 150 kg a day, half the
capacity. Only turnover cannot agree: Table 2's quarters add up to Rp 388.906.100, 95.50 % of
Table 1's target, where Table 1 prints 94.51 % (the paper contradicts itself; the demo keeps
Table 2's turnover and the comparison page says so).

Idempotent: the demo enterprises' rows inside both spans are deleted and created again.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from kinerja_web.programs.models import Enterprise, Worker
from kinerja_web.records.models import (
    Attendance,
    AttendanceStatus,
    DailyOperation,
    EquipmentAddition,
    InnovationEntry,
    InnovationKind,
    Order,
    Production,
    RawMaterialAddition,
    Sale,
)

Q1, Q2, Q3 = "Q1", "Q2", "Q3"
#: The paper's month quarters, as the demo periods of ``performance`` use them.
PAPER_QUARTERS: tuple[tuple[str, datetime.date, datetime.date], ...] = (
    (Q1, datetime.date(2021, 1, 20), datetime.date(2021, 5, 31)),
    (Q2, datetime.date(2021, 6, 1), datetime.date(2021, 9, 30)),
    (Q3, datetime.date(2021, 10, 1), datetime.date(2022, 1, 31)),
)
PAPER_SPAN = (PAPER_QUARTERS[0][1], PAPER_QUARTERS[-1][2])
RECENT = (datetime.date(2026, 4, 1), datetime.date(2026, 9, 30))

#: UD Pramitha Salsabila's totals over the whole study: Table 1's target x realization, to the
#: records' unit (attendances whole, hours and kg in halves). Permanent attendances are the
#: attendances less the non-permanent ones.
STUDY_TOTALS = {
    "attendance": 2271,  # 2,535 x 89.58 % = 2,270.9
    "attendance_non_permanent": 725,  # 794 x 91.25 % = 724.5
    "operating_hours": Decimal("1302.5"),  # 1,408 x 92.50 % = 1,302.4
    "rotation_hours": Decimal(205),  # 205 x 100 %
    "production_kg": Decimal("55406.5"),  # 59,100 x 93.75 % = 55,406.25
    "iodized_kg": Decimal(13098),  # 14,232.5 x 92.03 % = 13,098.1
}

#: Turnover per month quarter in Rupiah; UD Pramitha Salsabila's is the paper's Table 2.
PAPER_TURNOVER = {
    "pramitha": (96_309_500, 147_396_600, 145_200_000),
    "ramis": (142_000_000, 158_500_000, 171_300_000),
    "juariyah": (34_000_000, 48_200_000, 68_400_000),
}

PLAIN = "Gula kelapa cetak"
IODIZED = "Gula kelapa beryodium"  # as frameworks/paper.py names it (Table 1's iodized indicator)
#: Eid al-Fitr and Eid al-Adha: no production.
HOLIDAYS = frozenset(
    {
        datetime.date(2021, 5, 13),
        datetime.date(2021, 5, 14),
        datetime.date(2021, 7, 20),
        datetime.date(2026, 5, 27),
    }
)
SALE_WEEKDAYS = (0, 3)  # collectors buy on Mondays and Thursdays
CUSTOMERS = (
    "Pengepul Pak Hadi",
    "Toko Oleh-oleh Jember",
    "CV Nira Sejahtera",
    "Koperasi Wuluhan",
    "UD Sumber Manis",
)
MOULDS = "Cetakan gula kelapa"
SAP = "Nira kelapa"


@dataclass(frozen=True)
class DayPlan:
    """What a day of one enterprise looks like in one stretch of time."""

    kg: float  # production on a full day
    iodized_share: float
    hours: tuple[float, ...]  # operating hours, one picked per day
    rotation_chance: float = 0.0
    rotation_hours: tuple[float, ...] = (2.0,)
    permanent_present: float = 0.92
    non_permanent_present: float = 0.45
    price_per_kg: int = 14_000


def _quarter(day: datetime.date) -> str:
    for name, start, end in PAPER_QUARTERS:
        if start <= day <= end:
            return name
    return ""


def _pramitha(day: datetime.date) -> DayPlan:
    quarter = _quarter(day)
    # Study days produce about 150 kg (Table 1's 55,406 kg over the study); capacity 300, then 350 kg.
    if quarter == Q1:
        return DayPlan(140, 0.24, (3.0, 3.5, 4.0), permanent_present=0.88, non_permanent_present=0.3)
    if quarter == Q2:
        covid = day < datetime.date(2021, 7, 15)  # the Covid-19 spike early in the second quarter
        return DayPlan(
            155,
            0.24,
            (3.0, 3.5, 4.0),
            rotation_chance=0.25 if covid else 0.45,
            rotation_hours=(2.0, 2.5),
            permanent_present=0.72 if covid else 0.82,
            non_permanent_present=0.2 if covid else 0.3,
        )
    if quarter == Q3:  # fewer workers, adjusted attendance of the non-permanent ones
        return DayPlan(
            160,
            0.25,
            (3.0, 3.5, 4.0),
            rotation_chance=0.4,
            rotation_hours=(2.0, 2.5),
            permanent_present=0.88,
            non_permanent_present=0.75,
        )
    return DayPlan(
        350, 0.25, (3.5, 4.0), rotation_chance=0.4, non_permanent_present=0.75, price_per_kg=15_500
    )


def _ramis(day: datetime.date) -> DayPlan:
    quarter = _quarter(day)
    if quarter == Q1:
        return DayPlan(110, 0.1, (4.0, 4.5))
    if quarter == Q2:
        return DayPlan(125, 0.1, (4.0, 4.5), rotation_chance=0.35, rotation_hours=(1.5, 2.0))
    if quarter == Q3:  # longer operating time
        return DayPlan(140, 0.12, (5.0, 5.5, 6.0), rotation_chance=0.4, rotation_hours=(1.5, 2.0))
    return DayPlan(140, 0.12, (5.0, 5.5), rotation_chance=0.4, rotation_hours=(1.5, 2.0), price_per_kg=15_000)


def _juariyah(day: datetime.date) -> DayPlan:
    quarter = _quarter(day)
    if quarter == Q1:
        return DayPlan(30, 0.0, (4.0,), non_permanent_present=0.6)
    if quarter == Q2:
        return DayPlan(42, 0.0, (4.0, 4.5), non_permanent_present=0.7)
    if quarter == Q3:  # longer operating time
        return DayPlan(55, 0.0, (5.0, 5.5), non_permanent_present=0.75)
    return DayPlan(55, 0.05, (5.0, 5.5), non_permanent_present=0.75, price_per_kg=14_500)


def _generated(rng: random.Random) -> Callable[[datetime.date], DayPlan]:
    plan = DayPlan(
        rng.choice((40, 60, 80, 120)),
        rng.choice((0.0, 0.0, 0.1)),
        rng.choice(((4.0, 4.5), (5.0,), (3.5, 4.0, 4.5))),
        rotation_chance=rng.choice((0.0, 0.3)),
        price_per_kg=rng.choice((13_500, 14_000, 15_000)),
    )
    return lambda day: plan


PAPER_PLANS: dict[str, Callable[[datetime.date], DayPlan]] = {
    "pramitha": _pramitha,
    "ramis": _ramis,
    "juariyah": _juariyah,
}


@dataclass
class _Rows:
    attendance: list[Attendance] = field(default_factory=list)
    operations: list[DailyOperation] = field(default_factory=list)
    production: list[Production] = field(default_factory=list)
    sales: list[Sale] = field(default_factory=list)
    orders: list[Order] = field(default_factory=list)
    equipment: list[EquipmentAddition] = field(default_factory=list)
    raw_materials: list[RawMaterialAddition] = field(default_factory=list)
    innovations: list[InnovationEntry] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in vars(self).items()}


def _days(start: datetime.date, end: datetime.date) -> Iterator[datetime.date]:
    day = start
    while day <= end:
        yield day
        day += datetime.timedelta(days=1)


def _dec(value: float, places: str = "0.5") -> Decimal:
    """``value`` to the nearest half (kg and hours as owners write them)."""
    step = Decimal(places)
    return (Decimal(str(value)) / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step


def _generate_span(
    rng: random.Random,
    enterprise: Enterprise,
    workers: list[Worker],
    start: datetime.date,
    end: datetime.date,
    plan_of: Callable[[datetime.date], DayPlan],
    rows: _Rows,
) -> list[tuple[datetime.date, int]]:
    """Daily rows from ``start`` to ``end``; returns the sale days and their unscaled amounts."""
    sales: list[tuple[datetime.date, int]] = []
    unsold_kg = Decimal(0)
    for day in _days(start, end):
        if day in HOLIDAYS:
            continue
        plan = plan_of(day)
        active = [w for w in workers if w.is_active_on(day)]
        present = 0
        for worker in active:
            chance = plan.permanent_present if worker.is_permanent else plan.non_permanent_present
            if rng.random() < chance:
                status = AttendanceStatus.PRESENT
                present += 1
            elif worker.is_permanent:
                status = rng.choice((AttendanceStatus.SICK, AttendanceStatus.LEAVE, AttendanceStatus.ABSENT))
            else:
                status = AttendanceStatus.ABSENT  # not called in that day
            rows.attendance.append(Attendance(enterprise=enterprise, worker=worker, date=day, status=status))
        hours = _dec(rng.choice(plan.hours))
        rotation = (
            _dec(rng.choice(plan.rotation_hours)) if rng.random() < plan.rotation_chance else Decimal(0)
        )
        rows.operations.append(
            DailyOperation(
                enterprise=enterprise, date=day, operating_hours=hours, rotation_hours=min(rotation, hours)
            )
        )
        staffing = 0.85 + 0.15 * (present / len(active)) if active else 0.9
        total = _dec(plan.kg * staffing * rng.uniform(0.93, 1.05))
        iodized = _dec(float(total) * plan.iodized_share)
        rows.production.append(Production(enterprise=enterprise, date=day, product=PLAIN, kg=total - iodized))
        if iodized:
            rows.production.append(Production(enterprise=enterprise, date=day, product=IODIZED, kg=iodized))
        unsold_kg += total
        if day.weekday() in SALE_WEEKDAYS:
            amount = int(unsold_kg * plan.price_per_kg * Decimal(str(rng.uniform(0.92, 1.0))))
            sales.append((day, amount // 1000 * 1000))
            unsold_kg = Decimal(0)
        if rng.random() < 0.08:
            kg = _dec(rng.choice((50, 100, 150, 250, 400)) * rng.uniform(0.8, 1.2), "1")
            rows.orders.append(
                Order(
                    enterprise=enterprise,
                    date=day,
                    customer=rng.choice(CUSTOMERS),
                    product=IODIZED if plan.iodized_share and rng.random() < 0.3 else PLAIN,
                    kg=kg,
                    amount_rp=int(kg) * plan.price_per_kg // 1000 * 1000,
                )
            )
    return sales


def _scaled(
    amounts: list[tuple[datetime.date, int]], total: int, unit: int = 100
) -> list[tuple[datetime.date, int]]:
    """``amounts`` rescaled to sum to exactly ``total``, each a multiple of ``unit`` (largest remainder)."""
    units, leftover = divmod(total, unit)
    weight = sum(amount for _day, amount in amounts)
    shares = [Decimal(amount) * units / weight for _day, amount in amounts]
    whole = [int(share) for share in shares]
    order = sorted(range(len(shares)), key=lambda i: shares[i] - whole[i], reverse=True)
    for i in order[: units - sum(whole)]:
        whole[i] += 1
    scaled = [(day, n * unit) for (day, _amount), n in zip(amounts, whole, strict=True)]
    if leftover:
        day, amount = scaled[-1]
        scaled[-1] = (day, amount + leftover)
    return scaled


def _paper_events(key: str, enterprise: Enterprise, rows: _Rows) -> None:
    """The changes the paper reports, as innovation-log entries and additions."""
    e = enterprise
    if key == "pramitha":
        rows.innovations += [
            InnovationEntry(
                enterprise=e,
                date=datetime.date(2021, 6, 1),
                kind=InnovationKind.EQUIPMENT,
                description=(
                    "Tambah 20 cetakan gula kelapa: kapasitas produksi naik dari 300 kg ke 350 kg per hari."
                ),
            ),
            InnovationEntry(
                enterprise=e,
                date=datetime.date(2021, 6, 1),
                kind=InnovationKind.ROTATION,
                description="Rotasi kerja: pekerja bergiliran antar tahap produksi sesuai target produksi.",
            ),
            InnovationEntry(
                enterprise=e,
                date=datetime.date(2021, 10, 1),
                kind=InnovationKind.ADJUSTED_ATTENDANCE,
                description=(
                    "Penyesuaian kehadiran pekerja tidak tetap; pekerja tetap dikurangi dari 5 menjadi 2 "
                    "dan pekerja tidak tetap dikurangi 3 orang."
                ),
            ),
        ]
        rows.equipment.append(
            EquipmentAddition(
                enterprise=e, date=datetime.date(2021, 6, 1), item=MOULDS, quantity=20, cost_rp=3_000_000
            )
        )
        rows.raw_materials.append(
            RawMaterialAddition(
                enterprise=e,
                date=datetime.date(2021, 6, 3),
                material=SAP,
                quantity=Decimal(6000),
                unit="liter",
                cost_rp=18_000_000,
            )
        )
    elif key == "ramis":
        rows.innovations += [
            InnovationEntry(
                enterprise=e,
                date=datetime.date(2021, 6, 1),
                kind=InnovationKind.ROTATION,
                description="Rotasi kerja mulai kuartal kedua.",
            ),
            InnovationEntry(
                enterprise=e,
                date=datetime.date(2021, 7, 1),
                kind=InnovationKind.RECRUITMENT,
                description="Rekrutmen 2 pekerja tidak tetap (Samsul, Marlina).",
            ),
            InnovationEntry(
                enterprise=e,
                date=datetime.date(2021, 10, 1),
                kind=InnovationKind.LONGER_HOURS,
                description="Waktu operasional diperpanjang dari 4-4,5 jam menjadi 5-6 jam per hari.",
            ),
        ]
        rows.equipment.append(
            EquipmentAddition(
                enterprise=e, date=datetime.date(2021, 7, 5), item="Wajan besar", quantity=2, cost_rp=900_000
            )
        )
    elif key == "juariyah":
        rows.innovations += [
            InnovationEntry(
                enterprise=e,
                date=datetime.date(2021, 4, 1),
                kind=InnovationKind.RECRUITMENT,
                description="Rekrutmen pekerja tidak tetap (Ponisah).",
            ),
            InnovationEntry(
                enterprise=e,
                date=datetime.date(2021, 7, 1),
                kind=InnovationKind.RECRUITMENT,
                description="Rekrutmen pekerja tidak tetap (Sugiarti).",
            ),
            InnovationEntry(
                enterprise=e,
                date=datetime.date(2021, 10, 1),
                kind=InnovationKind.LONGER_HOURS,
                description="Waktu operasional ditambah menjadi 5-5,5 jam per hari.",
            ),
        ]
        rows.equipment.append(
            EquipmentAddition(
                enterprise=e, date=datetime.date(2021, 4, 5), item=MOULDS, quantity=10, cost_rp=1_500_000
            )
        )


def _recent_additions(rng: random.Random, enterprise: Enterprise, rows: _Rows) -> None:
    start, end = RECENT
    for month in range(start.month, end.month + 1):
        rows.raw_materials.append(
            RawMaterialAddition(
                enterprise=enterprise,
                date=datetime.date(start.year, month, rng.randint(1, 5)),
                material=rng.choice((SAP, "Kapur sirih", "Gula pasir")),
                quantity=_dec(rng.choice((200, 500, 1000)) * rng.uniform(0.8, 1.2), "10"),
                unit="liter",
                cost_rp=rng.choice((600_000, 1_500_000, 3_000_000)),
            )
        )
    if rng.random() < 0.6:
        day = datetime.date(2026, rng.choice((5, 6, 7, 8)), rng.randint(1, 28))
        rows.equipment.append(
            EquipmentAddition(
                enterprise=enterprise,
                date=day,
                item=MOULDS,
                quantity=rng.choice((5, 10, 20)),
                cost_rp=1_500_000,
            )
        )
        rows.innovations.append(
            InnovationEntry(
                enterprise=enterprise,
                date=day,
                kind=InnovationKind.EQUIPMENT,
                description="Tambah cetakan gula kelapa.",
            )
        )
    if rng.random() < 0.4:
        rows.innovations.append(
            InnovationEntry(
                enterprise=enterprise,
                date=datetime.date(2026, 7, 1),
                kind=InnovationKind.ROTATION,
                description="Rotasi kerja antar tahap produksi.",
            )
        )


@dataclass(frozen=True)
class _Marks:
    """Where one enterprise's rows start in each list of :class:`_Rows`."""

    attendance: int
    operations: int
    production: int

    @classmethod
    def of(cls, rows: _Rows) -> _Marks:
        return cls(len(rows.attendance), len(rows.operations), len(rows.production))


def _calibrate_study(rng: random.Random, rows: _Rows, marks: _Marks) -> None:
    """Set UD Pramitha Salsabila's study totals to :data:`STUDY_TOTALS` (Table 1), changing few days.

    Attendance: as many drawn days as needed switch between present and absent (permanent and
    non-permanent workers apart); operating and rotation hours: half hours added or taken on
    drawn days (rotation never past the day's hours); production: every day's kg rescaled to the
    total (largest remainder, in half kg), its iodized part likewise.
    """
    attendance = rows.attendance[marks.attendance :]
    permanent_total = STUDY_TOTALS["attendance"] - STUDY_TOTALS["attendance_non_permanent"]
    for permanent, wanted in ((True, permanent_total), (False, STUDY_TOTALS["attendance_non_permanent"])):
        group = [row for row in attendance if row.worker.is_permanent == permanent]
        present = [row for row in group if row.status == AttendanceStatus.PRESENT]
        away = [row for row in group if row.status != AttendanceStatus.PRESENT]
        if len(present) > wanted:
            for row in rng.sample(present, len(present) - wanted):
                row.status = AttendanceStatus.ABSENT
        elif len(present) < wanted:
            for row in rng.sample(away, wanted - len(present)):
                row.status = AttendanceStatus.PRESENT

    operations = rows.operations[marks.operations :]
    half = Decimal("0.5")
    hours = STUDY_TOTALS["operating_hours"]
    _nudge(
        rng, operations, "operating_hours", hours, lambda op: (max(op.rotation_hours, Decimal(2)), Decimal(5))
    )
    rotating = [op for op in operations if op.rotation_hours > 0]
    _nudge(
        rng, rotating, "rotation_hours", STUDY_TOTALS["rotation_hours"], lambda op: (half, op.operating_hours)
    )

    production = rows.production[marks.production :]
    by_day: dict[datetime.date, list[Production]] = {}
    for row in production:
        by_day.setdefault(row.date, []).append(row)
    days = sorted(by_day)
    totals = _scaled(
        [(day, int(sum(r.kg for r in by_day[day]) * 2)) for day in days],
        int(STUDY_TOTALS["production_kg"] * 2),
        1,
    )
    iodized = _scaled([(day, n) for day, n in totals], int(STUDY_TOTALS["iodized_kg"] * 2), 1)
    share = {day: n for day, n in iodized}
    kept = []
    for day, units in totals:
        rows_of_day = by_day[day]
        plain = next(r for r in rows_of_day if r.product == PLAIN)
        iodized_units = min(share[day], units)
        plain.kg = Decimal(units - iodized_units) / 2
        kept.append(plain)
        if iodized_units:
            extra = next((r for r in rows_of_day if r.product == IODIZED), None)
            if extra is None:
                extra = Production(enterprise=plain.enterprise, date=day, product=IODIZED)
            extra.kg = Decimal(iodized_units) / 2
            kept.append(extra)
    rows.production[marks.production :] = kept


def _nudge(
    rng: random.Random,
    operations: list[DailyOperation],
    field_name: str,
    wanted: Decimal,
    bounds: Callable[[DailyOperation], tuple[Decimal, Decimal]],
) -> None:
    """Add or take half an hour on drawn days until ``field_name`` sums to ``wanted``, each day
    within its ``bounds`` (low, high)."""
    step = Decimal("0.5")
    total = sum((getattr(op, field_name) for op in operations), Decimal(0))
    while total != wanted:
        change = step if total < wanted else -step
        low_high = [(op, bounds(op)) for op in operations]
        candidates = [op for op, (low, high) in low_high if low <= getattr(op, field_name) + change <= high]
        if not candidates:
            raise ValueError(f"cannot bring {field_name} to {wanted} within the days' bounds")
        op = rng.choice(candidates)
        setattr(op, field_name, getattr(op, field_name) + change)
        total += change


def _delete_spans(enterprises: list[Enterprise]) -> None:
    for model in (
        Attendance,
        DailyOperation,
        Production,
        Sale,
        Order,
        EquipmentAddition,
        RawMaterialAddition,
        InnovationEntry,
    ):
        for start, end in (PAPER_SPAN, RECENT):
            model.objects.filter(enterprise__in=enterprises, date__range=(start, end)).delete()


def _save(rows: _Rows) -> None:
    for model, objects in (
        (Attendance, rows.attendance),
        (DailyOperation, rows.operations),
        (Production, rows.production),
        (Sale, rows.sales),
        (Order, rows.orders),
        (EquipmentAddition, rows.equipment),
        (RawMaterialAddition, rows.raw_materials),
        (InnovationEntry, rows.innovations),
    ):
        model.objects.bulk_create(objects, batch_size=1000)


def load_records(ctx: Any) -> None:
    """Daily records of every demo enterprise for the paper's study and the recent quarters."""
    rng = random.Random(ctx.rng.getrandbits(64))  # one draw: later steps do not depend on this one's size
    enterprises = dict(ctx.enterprises)
    _delete_spans(list(enterprises.values()))
    workers_of: dict[int, list[Worker]] = {}
    for worker in Worker.objects.filter(enterprise__in=enterprises.values()).order_by("pk"):
        workers_of.setdefault(worker.enterprise_id, []).append(worker)

    rows = _Rows()
    for key, plan_of in PAPER_PLANS.items():
        enterprise = enterprises.get(key)
        if enterprise is None:
            continue
        marks = _Marks.of(rows)
        raw_sales = _generate_span(
            rng, enterprise, workers_of.get(enterprise.pk, []), *PAPER_SPAN, plan_of, rows
        )
        if key == "pramitha":
            _calibrate_study(rng, rows, marks)
        for (_name, start, end), total in zip(PAPER_QUARTERS, PAPER_TURNOVER[key], strict=True):
            in_quarter = [(day, amount) for day, amount in raw_sales if start <= day <= end]
            rows.sales += [
                Sale(enterprise=enterprise, date=day, amount_rp=amount)
                for day, amount in _scaled(in_quarter, total)
            ]
        _paper_events(key, enterprise, rows)

    for key, enterprise in sorted(enterprises.items()):
        plan_of = PAPER_PLANS.get(key) or _generated(rng)
        raw_sales = _generate_span(rng, enterprise, workers_of.get(enterprise.pk, []), *RECENT, plan_of, rows)
        rows.sales += [Sale(enterprise=enterprise, date=day, amount_rp=amount) for day, amount in raw_sales]
        _recent_additions(rng, enterprise, rows)

    _save(rows)
    n = rows.counts()
    ctx.notes.append(
        f"Records: {sum(n.values())} rows ({n['attendance']} attendance, {n['operations']} days "
        f"of hours, {n['production']} production, {n['sales']} sales) for "
        f"{PAPER_SPAN[0]}..{PAPER_SPAN[1]} (the paper's enterprises) and {RECENT[0]}..{RECENT[1]} (all)."
    )

"""A small assessed cluster for the strategy, plan and monitoring tests.

Program "Gula Kelapa Uji": cluster Lojejer with UD Satu (owner ``pemilik1``: Siti and Budi,
production) and UD Dua (owner ``pemilik2``: Ani, production); cluster Ampel with UD Tiga (Rina).
Framework "Kompetensi UMKM": areas Manajemen (M1, M2), Produksi (P1), Komunikasi (K1);
production requires M1 3, M2 3, P1 4, K1 2. Four levers with the rule set
Manajemen -> training, leadership; Produksi -> training, technology; Komunikasi -> networking;
one expert's consistent judgments (CR < 0.1).

Round 1 (January-February 2026, closed) and round 2 (October 2026, open) rate the same people;
round 2 finds higher levels. Closed periods Q4 2025 and Q3 2026 carry KPI results for both
enterprises of Lojejer and their sales records (turnover).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from kinerja_web.competency.models import AssessmentRound, Rating
from kinerja_web.competency.tests import factories as cf
from kinerja_web.performance.tests import dashboard_fixtures as kpi
from kinerja_web.records.models import Sale
from kinerja_web.tests import factories as f

ITEMS = (
    ("M1", "Manajemen", "Pembukuan sederhana"),
    ("M2", "Manajemen", "Pengelolaan stok"),
    ("P1", "Produksi", "Memasak nira"),
    ("K1", "Komunikasi", "Melayani pembeli"),
)
AREAS = ("Manajemen", "Produksi", "Komunikasi")
REQUIRED = {"M1": 3, "M2": 3, "P1": 4, "K1": 2}
LEVERS = (
    ("training", "Program pelatihan", ("Manajemen", "Produksi")),
    ("leadership", "Pengembangan kepemimpinan", ("Manajemen",)),
    ("technology", "Akses teknologi", ("Produksi",)),
    ("networking", "Jejaring", ("Komunikasi",)),
)
#: One expert, consistent (CR 0.04 with Saaty's RI).
JUDGMENTS = (
    ("training", "leadership", "3"),
    ("training", "technology", "2"),
    ("training", "networking", "5"),
    ("leadership", "technology", "1/2"),
    ("leadership", "networking", "2"),
    ("technology", "networking", "3"),
)
#: Round 1: (person, item, source, level).
ROUND1 = (
    ("siti", "M1", "self", 2),
    ("siti", "M1", "owner", 1),
    ("siti", "M1", "facilitator", 2),
    ("siti", "M2", "owner", 2),
    ("siti", "P1", "self", 3),
    ("siti", "P1", "facilitator", 2),
    ("siti", "K1", "owner", 3),
    ("budi", "M1", "owner", 3),
    ("budi", "M2", "owner", 1),
    ("budi", "P1", "owner", 4),
    ("budi", "K1", "owner", 1),
    ("ani", "M1", "owner", 1),
    ("ani", "P1", "facilitator", 2),
    ("ani", "K1", "facilitator", 2),
    ("rina", "M1", "facilitator", 1),
)
#: Round 2: the same people, higher.
ROUND2 = (
    ("siti", "M1", "owner", 3),
    ("siti", "M2", "owner", 3),
    ("siti", "P1", "facilitator", 3),
    ("siti", "K1", "owner", 3),
    ("budi", "M1", "owner", 3),
    ("budi", "M2", "owner", 2),
    ("budi", "P1", "owner", 4),
    ("budi", "K1", "owner", 2),
    ("ani", "M1", "owner", 2),
    ("ani", "P1", "facilitator", 3),
    ("ani", "K1", "facilitator", 2),
    ("rina", "M1", "facilitator", 2),
)
PEOPLE = (("siti", "Siti", "satu"), ("budi", "Budi", "satu"), ("ani", "Ani", "dua"), ("rina", "Rina", "tiga"))
#: KPI totals and turnover of the two closed periods, per enterprise key.
TOTALS = {"satu": (70.5, 78.25), "dua": (64.0, 61.5)}
TURNOVER = {"satu": (40_000_000, 46_000_000), "dua": (25_000_000, 24_000_000)}


@dataclass
class StrategyWorld:
    program: Any
    lojejer: Any
    ampel: Any
    enterprises: dict[str, Any]
    workers: dict[str, Any]
    framework: Any
    areas: dict[str, Any]
    items: dict[str, Any]
    levers: dict[str, Any]
    round1: AssessmentRound
    round2: AssessmentRound
    periods: list[Any]
    admin: Any
    facilitator: Any  # of Lojejer
    owner: Any  # of UD Satu
    owner2: Any  # of UD Dua


def _rate(round: AssessmentRound, rows: tuple, workers: dict, items: dict) -> None:
    for person, code, source, level in rows:
        worker = workers[person]
        Rating.objects.create(
            round=round,
            enterprise=worker.enterprise,
            worker=worker,
            item=items[code],
            source=source,
            level=level,
        )


def build(*, kpi_figures: bool = True) -> StrategyWorld:
    program = f.ProgramFactory(name="Gula Kelapa Uji")
    lojejer = f.ClusterFactory(program=program, name="Lojejer")
    ampel = f.ClusterFactory(program=program, name="Ampel")
    enterprises = {
        "satu": f.EnterpriseFactory(cluster=lojejer, name="UD Satu"),
        "dua": f.EnterpriseFactory(cluster=lojejer, name="UD Dua"),
        "tiga": f.EnterpriseFactory(cluster=ampel, name="UD Tiga"),
    }
    production = f.WorkerRoleFactory(program=program, code="production", name="produksi")
    workers = {
        key: f.WorkerFactory(enterprise=enterprises[e], name=name, role=production) for key, name, e in PEOPLE
    }
    framework = cf.CompetencyFrameworkFactory(program=program, name="Kompetensi UMKM")
    areas = {name: cf.AreaFactory(framework=framework, name=name, position=i) for i, name in enumerate(AREAS)}
    items = {
        code: cf.ItemFactory(framework=framework, area=areas[area], code=code, name=name, position=i)
        for i, (code, area, name) in enumerate(ITEMS)
    }
    for code, level in REQUIRED.items():
        cf.RequiredLevelFactory(framework=framework, role=production, item=items[code], level=level)
    levers = {
        code: cf.LeverFactory(
            framework=framework, code=code, name=name, position=i, areas=[areas[a] for a in addresses]
        )
        for i, (code, name, addresses) in enumerate(LEVERS)
    }
    cf.LeverJudgmentFactory(
        framework=framework, expert_name="Pakar Satu", judgments=[list(j) for j in JUDGMENTS]
    )
    round1 = cf.AssessmentRoundFactory(
        program=program,
        cluster=lojejer,
        framework=framework,
        name="Asesmen awal 2026",
        starts_on=datetime.date(2026, 1, 5),
        ends_on=datetime.date(2026, 2, 27),
    )
    round2 = cf.AssessmentRoundFactory(
        program=program,
        cluster=None,
        framework=framework,
        name="Asesmen ulang 2026",
        starts_on=datetime.date(2026, 10, 1),
        ends_on=datetime.date(2026, 10, 30),
    )
    _rate(round1, ROUND1, workers, items)
    _rate(round2, ROUND2, workers, items)
    AssessmentRound.objects.filter(pk=round1.pk).update(status=AssessmentRound.Status.CLOSED)
    round1.refresh_from_db()
    periods = []
    if kpi_figures:
        periods = [
            kpi.period(program, "Q4 2025", datetime.date(2025, 10, 1)),
            kpi.period(program, "Q3 2026", datetime.date(2026, 7, 1)),
        ]
        for key, totals in TOTALS.items():
            for period, total, amount in zip(periods, totals, TURNOVER[key], strict=True):
                kpi.result(enterprises[key], period, total)
                half = amount // 2
                Sale.objects.create(enterprise=enterprises[key], date=period.start, amount_rp=half)
                Sale.objects.create(enterprise=enterprises[key], date=period.end, amount_rp=amount - half)
    return StrategyWorld(
        program=program,
        lojejer=lojejer,
        ampel=ampel,
        enterprises=enterprises,
        workers=workers,
        framework=framework,
        areas=areas,
        items=items,
        levers=levers,
        round1=round1,
        round2=round2,
        periods=periods,
        admin=f.program_admin(program, "admin_uji"),
        facilitator=f.facilitator(lojejer, "pendamping_uji"),
        owner=f.owner(enterprises["satu"], "pemilik1"),
        owner2=f.owner(enterprises["dua"], "pemilik2"),
    )

"""A small assessed program for the gap and study tests, and the same data as the core's JSON.

Program "Gula Kelapa": cluster Lojejer (UD Satu with Siti (production) and Budi (sales); UD Dua
with Ani (production)) and cluster Ampel (UD Tiga with Rina (production)). A framework with the
areas Manajemen (M1, M2) and Produksi (P1); required levels: production M1 3, M2 2, P1 4;
sales M1 4, M2 3. One round of the whole program (median, flag at 2) with the ratings below.

``core_input()`` writes the same framework, people and ratings by hand as the input of
``kinerja competency`` (the CLI contract's shape), so a test can run ``kinerja.competency.assess``
on it independently of the web's ``round_analysis`` and compare the figures the pages show.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from kinerja_web.competency.models import AssessmentRound, Rating
from kinerja_web.competency.tests import factories as cf
from kinerja_web.tests import factories as f

AREAS = ("Manajemen", "Produksi")
ITEMS = (
    ("M1", "Manajemen", "Pembukuan sederhana"),
    ("M2", "Manajemen", "Stok"),
    ("P1", "Produksi", "Memasak nira"),
)
REQUIRED = {"production": {"M1": 3, "M2": 2, "P1": 4}, "sales": {"M1": 4, "M2": 3}}
#: (person key, item, source, level)
RATINGS = (
    ("siti", "M1", "self", 3),
    ("siti", "M1", "owner", 1),
    ("siti", "M1", "facilitator", 2),
    ("siti", "M2", "self", 2),
    ("siti", "M2", "owner", 2),
    ("siti", "P1", "self", 4),
    ("siti", "P1", "facilitator", 2),
    ("budi", "M1", "self", 4),
    ("budi", "M1", "owner", 3),
    ("budi", "M2", "owner", 1),
    ("budi", "P1", "owner", 5),
    ("ani", "M1", "owner", 3),
    ("ani", "M2", "owner", 1),
    ("ani", "P1", "facilitator", 3),
    ("rina", "M1", "facilitator", 1),
    ("rina", "P1", "facilitator", 1),
)
PEOPLE = (
    ("siti", "Siti", "production", "satu"),
    ("budi", "Budi", "sales", "satu"),
    ("ani", "Ani", "production", "dua"),
    ("rina", "Rina", "production", "tiga"),
)


@dataclass
class GapWorld:
    program: Any
    lojejer: Any
    ampel: Any
    enterprises: dict[str, Any]
    workers: dict[str, Any]
    framework: Any
    round: AssessmentRound
    admin: Any
    facilitator: Any  # of Lojejer
    facilitator_ampel: Any
    owner: Any  # of UD Satu

    def core_input(self) -> dict[str, Any]:
        """The round's data as ``kinerja competency`` reads it, written out by hand."""
        pid = {key: str(worker.pk) for key, worker in self.workers.items()}
        return {
            "scale": [1, 5],
            "items": [
                {"code": code, "area": area, "kind": "skill", "name": name} for code, area, name in ITEMS
            ],
            "required": REQUIRED,
            "people": [{"id": pid[key], "name": name, "role": role} for key, name, role, _e in PEOPLE],
            "ratings": [
                {"person": pid[key], "item": item, "source": source, "level": level}
                for key, item, source, level in RATINGS
            ],
        }


def build_gap_world() -> GapWorld:
    program = f.ProgramFactory(name="Gula Kelapa")
    lojejer = f.ClusterFactory(program=program, name="Lojejer")
    ampel = f.ClusterFactory(program=program, name="Ampel")
    enterprises = {
        "satu": f.EnterpriseFactory(
            cluster=lojejer, name="UD Satu", year_founded=2010, commodity="gula kelapa"
        ),
        "dua": f.EnterpriseFactory(
            cluster=lojejer, name="UD Dua", year_founded=2022, commodity="gula kelapa"
        ),
        "tiga": f.EnterpriseFactory(cluster=ampel, name="UD Tiga", year_founded=2005, commodity="gula aren"),
    }
    roles = {
        "production": f.WorkerRoleFactory(program=program, code="production", name="Produksi"),
        "sales": f.WorkerRoleFactory(program=program, code="sales", name="Penjualan"),
    }
    workers = {
        key: f.WorkerFactory(
            enterprise=enterprises[ent], name=name, role=roles[role], start_date=datetime.date(2020, 1, 1)
        )
        for key, name, role, ent in PEOPLE
    }
    framework = cf.CompetencyFrameworkFactory(program=program, name="Kompetensi UMKM")
    areas = {name: cf.AreaFactory(framework=framework, name=name, position=i) for i, name in enumerate(AREAS)}
    items = {
        code: cf.ItemFactory(framework=framework, area=areas[area], code=code, name=name, position=i)
        for i, (code, area, name) in enumerate(ITEMS)
    }
    for role, levels in REQUIRED.items():
        for code, level in levels.items():
            cf.RequiredLevelFactory(framework=framework, role=roles[role], item=items[code], level=level)
    rnd = cf.AssessmentRoundFactory(program=program, cluster=None, framework=framework, name="Asesmen 2026")
    for key, code, source, level in RATINGS:
        worker = workers[key]
        Rating.objects.create(
            round=rnd,
            enterprise=worker.enterprise,
            worker=worker,
            item=items[code],
            source=source,
            level=level,
        )
    admin = f.program_admin(program, "gaps_admin")
    facilitator = f.facilitator(lojejer, "gaps_facilitator")
    facilitator_ampel = f.facilitator(ampel, "gaps_facilitator_ampel")
    owner = f.owner(enterprises["satu"], "gaps_owner")
    return GapWorld(
        program=program,
        lojejer=lojejer,
        ampel=ampel,
        enterprises=enterprises,
        workers=workers,
        framework=framework,
        round=rnd,
        admin=admin,
        facilitator=facilitator,
        facilitator_ampel=facilitator_ampel,
        owner=owner,
    )

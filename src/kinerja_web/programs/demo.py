"""The demo program: coconut-sugar MSMEs of Lojejer (Wuluhan, Jember), from the KPI paper.

``kinerja-web demo`` calls :func:`load_demo`, which runs every function of ``DEMO_STEPS`` in
order with one :class:`DemoContext`, inside one transaction. Each area adds its part as a
function ``load_<area>(ctx)`` in its own ``<app>/demo.py``; the steps of ``frameworks``,
``records`` and ``performance`` are listed already and run as soon as their module exists.

Every step must be idempotent: look rows up by a natural key (``update_or_create``), so a
second run leaves one copy with the same accounts. Generated data comes from ``ctx.rng``,
seeded, so two runs (and two machines) produce the same demo.

Source of the three named enterprises: Manggala et al., "Key Performance Indicators on the
Performance of Human Resources for Micro, Small and Medium Enterprises, Coconut Sugar Industry
Centers in Lojejer Village", IOSR-JBM 24(09), 2022: UD Pramitha Salsabila (medium), Rumah
Produksi Bu Ramis (small) and Rumah Produksi Mbak Juariyah (micro), observed from
20 January 2021 to 31 January 2022. Their money figures here are illustrative values inside
the class the paper gives each (it does not print their assets).
"""

from __future__ import annotations

import datetime
import importlib
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import translation

from kinerja_web.accounts.models import FacilitatorAssignment, Membership, Role
from kinerja_web.programs.models import Cluster, Enterprise, Program, Worker, WorkerRole
from kinerja_web.programs.services import worker_roles_ensure

DEFAULT_PASSWORD = "kinerja-demo"
SEED = 2021

#: Run in this order; a step whose module does not exist yet is skipped.
DEMO_STEPS: list[str] = [
    "kinerja_web.programs.demo.load_programs",
    "kinerja_web.programs.demo.load_enterprises",
    "kinerja_web.programs.demo.load_people",
    "kinerja_web.frameworks.demo.load_frameworks",
    "kinerja_web.records.demo.load_records",
    "kinerja_web.performance.demo.load_performance",
    "kinerja_web.competency.demo.load_competency",
]

PROGRAM_NAME = "PPBI Gula Kelapa Lojejer"
LOJEJER = "lojejer"
TAMANSARI = "tamansari"

# The paper's three enterprises: (key, name, NIB, net assets, capital, annual sales, year founded).
PAPER_ENTERPRISES = (
    ("pramitha", "UD Pramitha Salsabila", "9120001230014", 650_000_000, 700_000_000, 1_650_000_000, 2012),
    ("ramis", "Rumah Produksi Bu Ramis", "9120001230025", 140_000_000, 150_000_000, 480_000_000, 2015),
    ("juariyah", "Rumah Produksi Mbak Juariyah", "9120001230036", 32_000_000, 35_000_000, 170_000_000, 2019),
)

_GENERATED_NAMES = (
    (LOJEJER, "UD Manggar Jaya"),
    (LOJEJER, "Rumah Produksi Bu Siti Aminah"),
    (LOJEJER, "Gula Kelapa Sari Murni"),
    (TAMANSARI, "UD Nira Tamansari"),
    (TAMANSARI, "Rumah Produksi Pak Slamet"),
    (TAMANSARI, "Gula Semut Kirana"),
    (TAMANSARI, "Rumah Produksi Bu Sulastri"),
)
_FIRST_NAMES = (
    "Suparman", "Sutini", "Ahmad", "Siti", "Bambang", "Rohmah", "Hasan", "Lestari", "Mujiono",
    "Nur", "Sri", "Wahyudi", "Yuliana", "Imam", "Khotimah", "Agus", "Fitri", "Joko",
)  # fmt: skip
#: Worker roles by code (``programs.models.DEFAULT_WORKER_ROLES``): tappers, cooks, moulders and
#: packers are production; the first worker of a generated business is its owner-manager.
_ROLES = ("production", "production", "sales", "production", "administration")


@dataclass
class DemoContext:
    """What the steps share: the program, clusters, enterprises and users by key, the password."""

    password: str
    rng: random.Random = field(default_factory=lambda: random.Random(SEED))
    program: Program | None = None
    clusters: dict[str, Cluster] = field(default_factory=dict)
    enterprises: dict[str, Enterprise] = field(default_factory=dict)
    users: dict[str, Any] = field(default_factory=dict)
    #: (username, role, what they see) for the printed list of logins.
    logins: list[tuple[str, str, str]] = field(default_factory=list)
    #: Lines a step wants printed after the logins ("3 closed periods", ...).
    notes: list[str] = field(default_factory=list)

    @property
    def paper_enterprise(self) -> Enterprise:
        """UD Pramitha Salsabila, the enterprise of the paper's Table 1 (owned by ``owner1``)."""
        return self.enterprises["pramitha"]


def load_demo(password: str = DEFAULT_PASSWORD) -> DemoContext:
    """Load (or refresh) the demo program in one transaction; return what was loaded."""
    ctx = DemoContext(password=password)
    with transaction.atomic():
        for step in _steps():
            step(ctx)
    return ctx


def _steps() -> list[Callable[[DemoContext], None]]:
    steps = []
    for dotted in DEMO_STEPS:
        module_name, _, function = dotted.rpartition(".")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name == module_name:
                continue  # that area has no demo part yet
            raise
        steps.append(getattr(module, function))
    return steps


def load_programs(ctx: DemoContext) -> None:
    """The program and its two clusters in Wuluhan, Jember."""
    ctx.program, _ = Program.objects.update_or_create(
        name=PROGRAM_NAME,
        defaults={
            "description": (
                "Program Perusahaan Pemula Berbasis Inovasi (PPBI) Universitas Jember: "
                "pendampingan SDM UMKM gula kelapa di Desa Lojejer dan sekitarnya, Kecamatan "
                "Wuluhan, Kabupaten Jember."
            ),
            "funder": "Universitas Jember",
            "rupiah_space": True,
        },
    )
    clusters = {
        LOJEJER: ("Lojejer - Sentra Gula Kelapa", Cluster.Kind.INDUSTRY_CENTRE),
        TAMANSARI: ("Tamansari", Cluster.Kind.SUB_DISTRICT),
    }
    with translation.override("id"):
        worker_roles_ensure(program=ctx.program)
    for key, (name, kind) in clusters.items():
        ctx.clusters[key], _ = Cluster.objects.update_or_create(
            program=ctx.program,
            name=name,
            defaults={"kind": kind, "sub_district": "Wuluhan", "regency": "Jember"},
        )


def load_enterprises(ctx: DemoContext) -> None:
    """The paper's medium, small and micro enterprise in Lojejer, plus generated ones."""
    lojejer = ctx.clusters[LOJEJER]
    for key, name, nib, assets, capital, sales, founded in PAPER_ENTERPRISES:
        ctx.enterprises[key] = _enterprise(
            nib, lojejer, name, "Lojejer", assets, capital, sales, founded, address="Dusun Krajan"
        )
    for number, (cluster_key, name) in enumerate(_GENERATED_NAMES, start=1):
        rng = ctx.rng
        assets = rng.choice((18, 25, 40, 75, 120, 260)) * 1_000_000
        sales = assets * rng.choice((3, 4, 5))
        village = "Lojejer" if cluster_key == LOJEJER else "Tamansari"
        ctx.enterprises[f"generated{number}"] = _enterprise(
            f"91200012301{number:02d}",
            ctx.clusters[cluster_key],
            name,
            village,
            assets,
            None,
            sales,
            rng.randint(2005, 2021),
            address=f"Dusun {rng.choice(('Krajan', 'Kepel', 'Ungkalan', 'Sidomulyo'))}",
        )
    _paper_workers(ctx)
    for number in range(1, len(_GENERATED_NAMES) + 1):
        _generated_workers(ctx, ctx.enterprises[f"generated{number}"])


def load_people(ctx: DemoContext) -> None:
    """``admin``, ``facilitator1`` (Lojejer), ``facilitator2`` (Tamansari), one owner per enterprise."""
    admin = _user(ctx, "admin", "Admin", "Program", superuser=True)
    Membership.objects.update_or_create(user=admin, program=ctx.program, defaults={"role": Role.ADMIN})
    ctx.logins.append(("admin", "program administrator", "the whole program; /admin/ too"))
    for number, (cluster_key, first_name) in enumerate(((LOJEJER, "Dewi"), (TAMANSARI, "Rizal")), start=1):
        username = f"facilitator{number}"
        facilitator = _user(ctx, username, first_name, "Pendamping")
        Membership.objects.update_or_create(
            user=facilitator, program=ctx.program, defaults={"role": Role.FACILITATOR}
        )
        cluster = ctx.clusters[cluster_key]
        FacilitatorAssignment.objects.get_or_create(user=facilitator, cluster=cluster)
        ctx.logins.append((username, "facilitator", f"cluster {cluster.name}"))
    for number, enterprise in enumerate(_owner_order(ctx), start=1):
        username = f"owner{number}"
        owner = _user(ctx, username, enterprise.name.split()[-1], "")
        Membership.objects.update_or_create(user=owner, program=ctx.program, defaults={"role": Role.OWNER})
        if enterprise.owner_id != owner.pk:
            enterprise.owner = owner
            enterprise.save(update_fields=["owner"])
        ctx.logins.append((username, "owner", enterprise.name))


def _owner_order(ctx: DemoContext) -> list[Enterprise]:
    """``owner1`` owns UD Pramitha Salsabila (the paper's Table 1), then the rest in a fixed order."""
    keys = [key for key, *_ in PAPER_ENTERPRISES]
    keys += [f"generated{n}" for n in range(1, len(_GENERATED_NAMES) + 1)]
    return [ctx.enterprises[key] for key in keys]


def _user(ctx: DemoContext, username: str, first: str, last: str, *, superuser: bool = False) -> Any:
    user, _ = get_user_model().objects.get_or_create(username=username)
    user.first_name, user.last_name = first, last
    user.is_active = True
    user.is_staff = user.is_superuser = superuser
    user.set_password(ctx.password)
    user.save()
    ctx.users[username] = user
    return user


def _enterprise(
    nib: str,
    cluster: Cluster,
    name: str,
    village: str,
    assets: int,
    capital: int | None,
    sales: int,
    founded: int,
    *,
    address: str,
) -> Enterprise:
    enterprise, _ = Enterprise.objects.update_or_create(
        nib=nib,
        defaults={
            "cluster": cluster,
            "name": name,
            "commodity": "gula kelapa (coconut sugar)",
            "address": f"{address}, Desa {village}",
            "village": village,
            "year_founded": founded,
            "net_assets": assets,
            "business_capital": capital,
            "annual_sales": sales,
        },
    )
    return enterprise


def _worker(
    enterprise: Enterprise,
    name: str,
    role_code: str,
    permanent: bool,
    start: datetime.date,
    end: datetime.date | None = None,
) -> Worker:
    role = WorkerRole.objects.get(program=enterprise.cluster.program, code=role_code)
    worker, _ = Worker.objects.update_or_create(
        enterprise=enterprise,
        name=name,
        defaults={"role": role, "is_permanent": permanent, "start_date": start, "end_date": end},
    )
    return worker


def _paper_workers(ctx: DemoContext) -> None:
    """Workforces as the paper describes them: UD Pramitha Salsabila cut its permanent employees
    from 5 to 2 (besides its owner-manager) and its non-permanent workers by 3 between the second
    and third month quarter; Bu Ramis and Mbak Juariyah added workers. (Sutrisno, the fifth
    permanent employee, left in 2025: the 2026 workforce is the one the competency demo rates.)"""
    start = datetime.date(2020, 6, 1)
    q3 = datetime.date(2021, 10, 1)
    left = q3 - datetime.timedelta(days=1)
    pramitha = ctx.enterprises["pramitha"]
    for i, name in enumerate(("Suwarno", "Sumiati", "Hariyanto", "Painem", "Rukayah")):
        role = "owner-manager" if i == 0 else _ROLES[i % len(_ROLES)]
        _worker(pramitha, name, role, True, start, None if i < 2 else left)
    _worker(pramitha, "Sutrisno", "production", True, start, datetime.date(2025, 12, 31))
    for i, name in enumerate(("Mistari", "Jumani", "Sarimah", "Tukiyem", "Poniran", "Legiman")):
        _worker(pramitha, name, _ROLES[(i + 1) % len(_ROLES)], False, start, None if i < 3 else left)
    ramis = ctx.enterprises["ramis"]
    for i, name in enumerate(("Ramis", "Sukarni", "Musrifah")):
        role = "owner-manager" if i == 0 else _ROLES[i % len(_ROLES)]
        _worker(ramis, name, role, True, datetime.date(2019, 3, 1))
    for i, name in enumerate(("Samsul", "Marlina")):
        _worker(ramis, name, _ROLES[(i + 2) % len(_ROLES)], False, datetime.date(2021, 7, 1))
    juariyah = ctx.enterprises["juariyah"]
    _worker(juariyah, "Juariyah", "owner-manager", True, datetime.date(2019, 1, 1))
    _worker(juariyah, "Ponisah", "production", False, datetime.date(2021, 4, 1))
    _worker(juariyah, "Sugiarti", "sales", False, datetime.date(2021, 7, 1))


def _generated_workers(ctx: DemoContext, enterprise: Enterprise) -> None:
    rng = ctx.rng
    count = rng.randint(2, 6)
    names = rng.sample(_FIRST_NAMES, count)
    for i, name in enumerate(names):
        start = datetime.date(rng.randint(2016, 2021), rng.randint(1, 12), 1)
        role = "owner-manager" if i == 0 else _ROLES[i % len(_ROLES)]
        _worker(enterprise, name, role, i < max(1, count // 2), start)

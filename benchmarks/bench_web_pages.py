"""Dashboard and scorecard pages against the bare SQL that gives the same figures.

Run (about 3-4 minutes with the defaults on SQLite; a script, not a test)::

    .venv/bin/python benchmarks/bench_web_pages.py
    .venv/bin/python benchmarks/bench_web_pages.py --enterprises 2000 --small 500 --runs 5   # quicker
    DATABASE_URL=postgres://user:pw@localhost/kinerja .venv/bin/python benchmarks/bench_web_pages.py

Database: without ``DATABASE_URL`` (or with a ``sqlite://`` one) a throw-away SQLite file in a
temporary directory, deleted at the end. With ``DATABASE_URL=postgres://...`` the run creates
Django's test database beside it (``test_<name>``, dropped at the end; the user needs
CREATEDB) and never touches ``<name>`` itself.

What it builds, with ``bulk_create`` (targets and frozen results, the two largest tables, by
multi-row ``INSERT``: several times faster, the same rows): a program of ``--enterprises``
(10,000) enterprises in ``--clusters`` (20) clusters, with random net assets and sales (micro
to medium under Law 20/2008) and eight commodities; one framework of ``--indicators`` (10)
indicators in three perspectives, weighted equally by adopted weights; ``--quarters`` (8)
quarterly periods, all but the last closed; a scorecard per enterprise and quarter with a
target and a hand-entered actual per indicator; and for the closed quarters a
``ScorecardResult`` per scorecard as ``period_close`` stores it (rows JSON, perspectives,
total, rating). Scores come from ``kinerja.scoring.score_scorecard``: ``--profiles`` (3,000)
random sets of actuals are scored by the core once, and each scorecard takes one of them (the
core needs ~2 ms per scorecard, too slow to call 70,000 times here). A second program of
``--small`` (1,000) enterprises is built the same way, to show that its dashboard costs the
same number of queries.
``ANALYZE`` runs after the load, as autovacuum (PostgreSQL) or a maintenance job (SQLite) would.

What it times, in the same run, as a program administrator through Django's test ``Client``
(every middleware, the session, the menu; ``DEBUG`` off), median of ``--runs`` runs after
``--warmup`` runs:

(a) the program dashboard (first and last page of the ranking), a cluster dashboard and the
    ranking download of the big program, and the program dashboard of the small one;
(b) beside each, the bare SQL a hand-written report would run for the same figures through
    ``cursor.execute`` (ranking page with rank and previous total, distribution, averages by
    size class frozen with each result, by commodity and by cluster with
    the fallen count, the largest drops, the number of enterprises);
(c) one enterprise's scorecard page (performance app) in a closed and in the open quarter,
    beside the bare query of its frozen result or of its targets.

Page and bare SQL runs alternate, so load from other processes weighs on both alike. The
results table carries covering indexes (migration performance 0002), which the bare SQL uses too.

It prints a table (page, page ms, bare SQL ms, ratio, queries per page), whether the
dashboards stay within ``GOAL`` times their bare SQL (rows marked ``*`` do not), and whether the
small and the big program's dashboards run the same number of queries (exit status 1 if not).
Also reported: the first (cold) request of the big program dashboard, and a page that runs no
dashboard query (the
dashboards index): the fixed cost of any page (session, user, menu, base template).
"""

from __future__ import annotations

import argparse
import datetime
import json as jsonlib
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

GOAL = 2.0
SEED = 20251124
COMMODITIES = (
    "gula kelapa",
    "gula aren",
    "kopi",
    "emping melinjo",
    "keripik singkong",
    "batik tulis",
    "tempe",
    "kerajinan bambu",
)
PERSPECTIVES = ("Sumber Daya Manusia", "Produksi", "Keuangan")
TARGET = 1000
#: Rows per INSERT of targets (8 parameters each: within SQLite's 32,766).
TARGET_BATCH = 2000
#: Results per INSERT (17 parameters each).
RESULT_BATCH = 1000


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--enterprises", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=1_000, help="enterprises of the second program")
    parser.add_argument("--clusters", type=int, default=20)
    parser.add_argument("--quarters", type=int, default=8)
    parser.add_argument("--indicators", type=int, default=10)
    parser.add_argument("--profiles", type=int, default=3_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--warmup", type=int, default=2)
    return parser.parse_args()


def configure(workdir: Path) -> bool:
    """Environment for Django before it is imported; True when the database is PostgreSQL."""
    url = os.environ.get("DATABASE_URL", "")
    postgres = url.startswith(("postgres://", "postgresql://", "pgsql://"))
    if not postgres:
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "kinerja_web.settings",
            "DEBUG": "false",
            "KINERJA_HTTPS": "false",
            "SECRET_KEY": "bench-only-not-secret",
            "ALLOWED_HOSTS": "testserver",
            "STATIC_ROOT": str(workdir / "static"),
            "MEDIA_ROOT": str(workdir / "media"),
            "LOG_LEVEL": "WARNING",
        }
    )
    return postgres


# --- Data ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    """One set of actuals scored by the core: what a scorecard's targets and result hold."""

    actuals: tuple[int, ...]
    result: object  # kinerja.scoring.ScoreResult


def make_profiles(
    count: int, weights: list[float], perspectives: list[str], rng: random.Random
) -> list[Profile]:
    from kinerja.scoring import Indicator, ScorecardInput, score_scorecard

    profiles = []
    for _ in range(count):
        level = rng.uniform(0.35, 1.1)  # enterprises differ more than their indicators do
        actuals = tuple(max(0, int(TARGET * rng.gauss(level, 0.15))) for _ in weights)
        indicators = tuple(
            Indicator(name=f"K{i + 1}", weight=w, perspective=p, unit="kg", target=TARGET, actual=a)
            for i, (w, p, a) in enumerate(zip(weights, perspectives, actuals, strict=True))
        )
        profiles.append(
            Profile(actuals, score_scorecard(ScorecardInput(indicators), weights="strict", cap=100))
        )
    return profiles


def build_framework(program, indicators: int):
    """Goal, three perspectives and ``indicators`` indicators, equal global weights (adopted)."""
    from kinerja_web.frameworks.models import Framework, Node

    framework = Framework.objects.create(program=program, name="KPI SDM UMKM")
    goal = Node.objects.create(
        framework=framework, name="Kinerja SDM", kind=Node.Kind.GOAL, weight_mode="adopted"
    )
    groups = [[i for i in range(indicators) if i % len(PERSPECTIVES) == p] for p in range(len(PERSPECTIVES))]
    nodes, weights, names = [], [0.0] * indicators, [""] * indicators
    for position, (name, members) in enumerate(zip(PERSPECTIVES, groups, strict=True)):
        perspective = Node.objects.create(
            framework=framework,
            parent=goal,
            name=name,
            kind=Node.Kind.PERSPECTIVE,
            position=position,
            weight_mode="adopted",
            adopted_weight=len(members) / indicators,
        )
        for index in members:
            node = Node.objects.create(
                framework=framework,
                parent=perspective,
                name=f"Indikator {index + 1}",
                kind=Node.Kind.INDICATOR,
                position=index,
                unit="kg",
                actual_source="manual",
                adopted_weight=1 / len(members),
            )
            nodes.append((index, node))
            weights[index] = 100 / indicators  # (members / n) x (1 / members), in percent
            names[index] = name
    nodes.sort(key=lambda pair: pair[0])
    return framework, [node for _, node in nodes], weights, names


def result_rows(profile: Profile, nodes, names) -> list[dict]:
    """``ScorecardResult.rows`` as ``period_close`` stores them: the core's dicts plus the node."""
    rows = []
    for number, (scored, node, perspective) in enumerate(
        zip(profile.result.indicators, nodes, names, strict=True), start=1
    ):
        row = scored.as_dict()
        row.update(
            {
                "node": node.pk,
                "number": number,
                "perspective": perspective,
                "unit": "kg",
                "is_money": False,
                "actual_from": "manual",
                "target": TARGET,
                "actual": profile.actuals[number - 1],
                "realization_given": None,
            }
        )
        rows.append(row)
    return rows


def insert_targets(scorecards, chosen, nodes, profiles, now) -> None:
    """The targets of ``scorecards`` (one per indicator) by multi-row ``INSERT``: ten times faster
    than ``bulk_create`` for the largest table of the run, and the same rows."""
    from django.db import connection

    from kinerja_web.performance.models import Target

    meta = Target._meta
    names = (
        "scorecard",
        "enterprise",
        "node",
        "target",
        "manual_actual",
        "not_applicable",
        "parts",
        "updated_at",
    )
    columns = ", ".join(connection.ops.quote_name(meta.get_field(name).column) for name in names)
    updated = connection.ops.adapt_datetimefield_value(now)
    rows = [
        (s.pk, s.enterprise_id, node.pk, TARGET, actual, False, "[]", updated)
        for s, p in zip(scorecards, chosen, strict=True)
        for node, actual in zip(nodes, profiles[p].actuals, strict=True)
    ]
    one = "(" + ", ".join(["%s"] * len(names)) + ")"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), TARGET_BATCH):
            batch = rows[start : start + TARGET_BATCH]
            cursor.execute(
                f"INSERT INTO {meta.db_table} ({columns}) VALUES {', '.join([one] * len(batch))}",
                [value for row in batch for value in row],
            )


def insert_results(period, scorecards, chosen, profiles, rows_of, nodes, names, now) -> None:
    """The frozen results of ``period``, as ``period_close`` stores them, by multi-row ``INSERT``.

    ``bulk_create`` spends most of its time adapting the 4 KB ``rows`` JSON of each result (eight
    times the server's time on PostgreSQL); here each profile's JSON is serialised once.
    """
    from django.db import connection

    from kinerja_web.performance.models import ScorecardResult
    from kinerja_web.programs.selectors_figures import period_size

    meta = ScorecardResult._meta
    names_ = (
        "scorecard", "enterprise", "cluster", "period", "total", "rating_code", "rating_label",
        "rating_label_id", "weight_sum", "rows", "perspectives", "warnings", "computed_at",
        "typed", "options", "size_class", "size",
    )  # fmt: skip
    columns = ", ".join(connection.ops.quote_name(meta.get_field(name).column) for name in names_)
    json = "%s::jsonb" if connection.vendor == "postgresql" else "%s"
    one = "(" + ", ".join(["%s"] * 9 + [json] * 3 + ["%s", "%s", json, "%s", json]) + ")"
    # The size class frozen with each result, as period_close freezes it (the law in force on the
    # period's dates, the enterprise's figures of that year).
    sizes = {}
    for scorecard in scorecards:
        if scorecard.enterprise_id not in sizes:
            size = period_size(scorecard.enterprise, period.start, period.end, years=[])
            sizes[scorecard.enterprise_id] = (size.class_, jsonlib.dumps(size.as_dict()))
    computed = connection.ops.adapt_datetimefield_value(now)
    rows = []
    for scorecard, p in zip(scorecards, chosen, strict=True):
        if p not in rows_of:
            result = profiles[p].result
            rows_of[p] = (
                float(result.total),
                result.rating.code,
                result.rating.label_en,
                result.rating.label_id,
                float(result.weight_sum),
                jsonlib.dumps(result_rows(profiles[p], nodes, names)),
                jsonlib.dumps({x.name: x.as_dict() for x in result.perspectives}),
                jsonlib.dumps(list(result.warnings)),
            )
        ids = (scorecard.pk, scorecard.enterprise_id, scorecard.enterprise.cluster_id, period.pk)
        rows.append((*ids, *rows_of[p], computed, 0, "{}", *sizes[scorecard.enterprise_id]))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), RESULT_BATCH):
            batch = rows[start : start + RESULT_BATCH]
            cursor.execute(
                f"INSERT INTO {meta.db_table} ({columns}) VALUES {', '.join([one] * len(batch))}",
                [value for row in batch for value in row],
            )


def build_program(name: str, size: int, args: argparse.Namespace, admin, profiles_for, rng: random.Random):
    """A program of ``size`` enterprises with scorecards, targets and frozen results; returns its ids."""
    from django.db import transaction
    from django.utils import timezone

    from kinerja_web.accounts.models import Membership, Role
    from kinerja_web.performance.models import Period, Scorecard
    from kinerja_web.programs.models import Cluster, Enterprise, Program

    with transaction.atomic():
        program = Program.objects.create(name=name, funder="Benchmark")
        Membership.objects.create(user=admin, program=program, role=Role.ADMIN)
        clusters = Cluster.objects.bulk_create(
            Cluster(program=program, name=f"Kecamatan {i + 1:02d}") for i in range(args.clusters)
        )
        base = 9_000_000_000_000 + Enterprise.objects.count()
        enterprises = Enterprise.objects.bulk_create(
            (
                Enterprise(
                    cluster=clusters[i % len(clusters)],
                    name=f"UMKM {name[:12]} {i + 1:05d}",
                    nib=f"{base + i:013d}",
                    commodity=COMMODITIES[rng.randrange(len(COMMODITIES))],
                    net_assets=int(rng.lognormvariate(17.9, 1.3)),  # median ~ Rp 60 million
                    annual_sales=int(rng.lognormvariate(19.8, 1.3)),  # median ~ Rp 400 million
                )
                for i in range(size)
            ),
            batch_size=2000,
        )
        framework, nodes, weights, names = build_framework(program, args.indicators)
        profiles = profiles_for(weights, names)
        rows_of: dict[int, tuple] = {}
        now = timezone.now()
        periods = []
        for q in range(args.quarters):
            year, quarter = 2024 + q // 4, q % 4 + 1
            start = datetime.date(year, 3 * quarter - 2, 1)
            end = (datetime.date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1)) - datetime.timedelta(
                days=1
            )
            closed = q < args.quarters - 1
            periods.append(
                Period.objects.create(
                    program=program,
                    name=f"Q{quarter} {year}",
                    start=start,
                    end=end,
                    closed_at=now if closed else None,
                    closed_by=admin if closed else None,
                )
            )
        for period in periods:
            scorecards = Scorecard.objects.bulk_create(
                (Scorecard(enterprise=e, period=period, framework=framework) for e in enterprises),
                batch_size=2000,
            )
            chosen = [rng.randrange(len(profiles)) for _ in scorecards]
            insert_targets(scorecards, chosen, nodes, profiles, now)
            if period.closed_at is None:
                continue
            insert_results(period, scorecards, chosen, profiles, rows_of, nodes, names, now)
    return program, clusters[0], enterprises[0], periods


# --- Bare SQL -----------------------------------------------------------------------------------

RESULTS = "performance_scorecardresult"
FROM = f"""
FROM {RESULTS} r
JOIN programs_enterprise e ON e.id = r.enterprise_id
JOIN programs_cluster c ON c.id = r.cluster_id
LEFT JOIN {RESULTS} p ON p.enterprise_id = r.enterprise_id AND p.period_id = %s
WHERE r.period_id = %s AND {{scope}}
"""


def bare_dashboard(cursor, *, period: int, previous: int, program: int, cluster: int | None, offset: int = 0):
    """The figures of a dashboard page by hand: seven queries, fetched."""
    scope, value = ("r.cluster_id = %s", cluster) if cluster else ("c.program_id = %s", program)
    base = FROM.format(scope=scope)
    params = [previous, period, value]
    queries = [
        (
            "SELECT RANK() OVER (ORDER BY r.total DESC), r.enterprise_id, e.name, e.nib, c.id, c.name,"
            " e.commodity, e.net_assets, e.annual_sales, r.total, r.rating_code, r.rating_label_id,"
            " p.total, p.rating_code"
            f" {base} ORDER BY r.total DESC, e.name, e.id LIMIT 50 OFFSET {int(offset)}"
        ),
        f"SELECT r.rating_code, COUNT(*), MAX(r.total) {base} GROUP BY r.rating_code",
        f"SELECT r.size_class, COUNT(*), AVG(r.total) {base} GROUP BY r.size_class",
        f"SELECT e.commodity, COUNT(*), AVG(r.total) {base} GROUP BY e.commodity",
        (
            "SELECT c.id, c.name, COUNT(*), AVG(r.total), MAX(r.total), MIN(r.total), COUNT(p.total),"
            " SUM(CASE WHEN p.total > r.total THEN 1 ELSE 0 END), SUM(r.total - p.total)"
            f" {base} GROUP BY c.id, c.name ORDER BY c.name"
        ),
        (
            "SELECT r.enterprise_id, e.name, c.name, p.total, r.total, p.rating_code, r.rating_label_id"
            f" {base} AND p.total > r.total ORDER BY p.total - r.total DESC, e.name LIMIT 50"
        ),
    ]
    for sql in queries:
        cursor.execute(sql, params)
        cursor.fetchall()
    if cluster:
        cursor.execute("SELECT COUNT(*) FROM programs_enterprise WHERE cluster_id = %s", [cluster])
    else:
        cursor.execute(
            "SELECT COUNT(*) FROM programs_enterprise e JOIN programs_cluster c ON c.id = e.cluster_id"
            " WHERE c.program_id = %s",
            [program],
        )
    cursor.fetchall()


def bare_ranking(cursor, *, period: int, previous: int, program: int):
    """The whole ranking by hand (what the download writes)."""
    base = FROM.format(scope="c.program_id = %s")
    cursor.execute(
        "SELECT RANK() OVER (ORDER BY r.total DESC), e.name, e.nib, c.name, e.commodity, e.net_assets,"
        f" e.annual_sales, r.total, r.rating_label_id, p.total {base} ORDER BY r.total DESC, e.name, e.id",
        [previous, period, program],
    )
    cursor.fetchall()


def bare_closed_scorecard(cursor, *, enterprise: int, period: int):
    """The frozen scorecard by hand: enterprise, period and the stored result with its rows."""
    cursor.execute(
        'SELECT e.name, e.nib, c.name, g.name, pe.name, pe."start", pe."end", r.total, r.rating_code,'
        f" r.rating_label_id, r.rows, r.perspectives FROM {RESULTS} r"
        " JOIN programs_enterprise e ON e.id = r.enterprise_id JOIN programs_cluster c ON c.id = e.cluster_id"
        " JOIN programs_program g ON g.id = c.program_id JOIN performance_period pe ON pe.id = r.period_id"
        " WHERE r.enterprise_id = %s AND r.period_id = %s",
        [enterprise, period],
    )
    cursor.fetchall()


def bare_open_scorecard(cursor, *, enterprise: int, period: int):
    """The open scorecard's inputs by hand: its indicators with their targets and actuals."""
    cursor.execute(
        "SELECT n.id, n.name, n.unit, n.direction, n.adopted_weight, pn.name, pn.adopted_weight, t.target,"
        " t.manual_actual, t.manual_realization FROM performance_scorecard s"
        " JOIN frameworks_node n ON n.framework_id = s.framework_id AND n.kind = 'indicator'"
        " JOIN frameworks_node pn ON pn.id = n.parent_id"
        " LEFT JOIN performance_target t ON t.scorecard_id = s.id AND t.node_id = n.id"
        " WHERE s.enterprise_id = %s AND s.period_id = %s ORDER BY pn.position, n.position",
        [enterprise, period],
    )
    cursor.fetchall()


# --- Timing -------------------------------------------------------------------------------------


def paired_ms(
    page: Callable[[], object], bare: Callable[[], object], runs: int, warmup: int
) -> tuple[float, float]:
    """Medians of ``runs`` runs of each, alternating page and bare SQL so that load on the machine
    weighs on both alike, after ``warmup`` runs of each."""
    for _ in range(warmup):
        page()
        bare()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for action, out in ((page, times[0]), (bare, times[1])):
            started = time.perf_counter()
            action()
            out.append((time.perf_counter() - started) * 1000)
    return statistics.median(times[0]), statistics.median(times[1])


def fetch(client, url: str) -> int:
    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    if response.streaming:
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def count_queries(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        fetch(client, url)
    return len(queries)


@dataclass
class Row:
    page: str
    page_ms: float | None
    bare_ms: float | None
    queries: int | None
    goal: bool
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return self.page_ms / self.bare_ms if self.page_ms and self.bare_ms else None


def main() -> int:
    args = parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="kinerja-bench-"))
    postgres = configure(workdir)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    old_name = None
    try:
        if postgres:
            old_name = connection.settings_dict["NAME"]
            connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        else:
            call_command("migrate", verbosity=0)
        return run(args, connection, postgres)
    finally:
        if old_name is not None:
            connection.creation.destroy_test_db(old_name, verbosity=0)
        connection.close()
        shutil.rmtree(workdir, ignore_errors=True)


def run(args: argparse.Namespace, connection, postgres: bool) -> int:
    from django.contrib.auth import get_user_model
    from django.test import Client

    from kinerja_web.performance import dashboards

    rng = random.Random(SEED)
    vendor = "PostgreSQL" if postgres else "SQLite"
    print(f"Kinerja web pages on {vendor}; building data ...", flush=True)
    started = time.perf_counter()
    admin = get_user_model().objects.create_user("bench-admin", password="bench-password-123")
    cache: dict[tuple, list[Profile]] = {}

    def profiles_for(weights, names):
        key = (tuple(weights), tuple(names))
        if key not in cache:
            cache[key] = make_profiles(args.profiles, weights, names, rng)
        return cache[key]

    big = build_program(f"Program {args.enterprises}", args.enterprises, args, admin, profiles_for, rng)
    small = build_program(f"Program {args.small}", args.small, args, admin, profiles_for, rng)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    results = args.enterprises + args.small
    print(
        f"  {results:,} enterprises x {args.quarters} quarters x {args.indicators} indicators "
        f"({results * args.quarters * args.indicators:,} targets, "
        f"{results * (args.quarters - 1):,} frozen results) in {time.perf_counter() - started:.0f} s",
        flush=True,
    )
    client = Client()
    client.force_login(admin)

    # The first request of the big dashboard: templates compile, the size-class memo fills.
    dashboards.size_class.cache_clear()
    started = time.perf_counter()
    fetch(client, reverse_url("dashboards:program", big[0].pk))
    cold = (time.perf_counter() - started) * 1000
    floor = paired_ms(lambda: fetch(client, reverse_url("dashboards:index")), lambda: None, args.runs, 1)[0]

    print(f"\n{vendor}: median of {args.runs} runs after {args.warmup} warm-up runs", flush=True)
    rows, same = measure(args, client, connection, big, small)
    report(rows)
    within = all(r.ratio is not None and r.ratio <= GOAL for r in rows if r.goal)
    print(f"dashboards within {GOAL:g} x their bare SQL: {'yes' if within else 'NO'}; {same}")
    ok = "the same" in same
    print(f"\nfirst (cold) request of the {args.enterprises:,}-enterprise program dashboard: {cold:.0f} ms")
    print(f"a page without dashboard queries (the dashboards index): {floor:.1f} ms")
    print("queries per page include the session, the user and the menu (3).")
    return 0 if ok else 1


def reverse_url(name: str, *args: int) -> str:
    from django.urls import reverse

    return reverse(name, args=list(args))


def measure(args, client, connection, big, small) -> tuple[list[Row], str]:
    from kinerja_web.performance import dashboards

    rows: list[Row] = []

    def dashboard_rows(label, program, cluster, periods, enterprises):
        ids = {"period": periods[-2].pk, "previous": periods[-3].pk, "program": program.pk}
        pages = -(-enterprises // dashboards.PAGE_SIZE)
        program_url = reverse_url("dashboards:program", program.pk)
        cases = [
            (f"program dashboard, {label}", program_url, {"cluster": None}),
            (
                f"program dashboard, {label}, last page",
                f"{program_url}?page={pages}",
                {"cluster": None, "offset": (pages - 1) * dashboards.PAGE_SIZE},
            ),
            (
                f"cluster dashboard, {label} / {args.clusters}",
                reverse_url("dashboards:cluster", cluster.pk),
                {"cluster": cluster.pk},
            ),
        ]
        out = []
        with connection.cursor() as cursor:
            for name, url, extra in cases:
                page, bare = paired_ms(
                    lambda url=url: fetch(client, url),
                    lambda extra=extra: bare_dashboard(cursor, **ids, **extra),
                    args.runs,
                    args.warmup,
                )
                out.append(Row(name, page, bare, count_queries(client, url), True))
        return out, ids

    big_rows, big_ids = dashboard_rows(f"{args.enterprises:,}", big[0], big[1], big[3], args.enterprises)
    rows += big_rows
    csv_url = reverse_url("dashboards:program_csv", big[0].pk)
    with connection.cursor() as cursor:
        page, bare = paired_ms(
            lambda: fetch(client, csv_url), lambda: bare_ranking(cursor, **big_ids), max(3, args.runs // 2), 1
        )
    rows.append(
        Row(f"ranking CSV, {args.enterprises:,} rows", page, bare, count_queries(client, csv_url), False)
    )
    small_rows, _ = dashboard_rows(f"{args.small:,}", small[0], small[1], small[3], args.small)
    rows += small_rows

    enterprise, periods = big[2], big[3]
    for name, period, bare_query in (
        ("scorecard page, closed quarter", periods[-2], bare_closed_scorecard),
        ("scorecard page, open quarter", periods[-1], bare_open_scorecard),
    ):
        url = reverse_url("performance:scorecard", enterprise.pk, period.pk)
        try:
            with connection.cursor() as cursor:
                page, bare = paired_ms(
                    lambda url=url: fetch(client, url),
                    lambda cursor=cursor, period=period, bare_query=bare_query: bare_query(
                        cursor, enterprise=enterprise.pk, period=period.pk
                    ),
                    args.runs,
                    args.warmup,
                )
            rows.append(Row(name, page, bare, count_queries(client, url), False))
        except Exception as error:  # the performance app is another helper's work in progress
            rows.append(Row(name, None, None, None, False, f"failed: {error}"))
    small_counts, big_counts = [r.queries for r in small_rows], [r.queries for r in big_rows]
    same = (
        f"queries per dashboard, {args.small:,} vs {args.enterprises:,} enterprises: {small_counts} vs "
        f"{big_counts}: {'the same' if small_counts == big_counts else 'DIFFERENT'}"
    )
    return rows, same


def report(rows: list[Row]) -> None:
    header = f"{'page':<44} {'page ms':>9} {'bare SQL ms':>12} {'ratio':>7} {'queries':>8}"
    print(header)
    print("-" * len(header))
    for row in rows:
        if row.page_ms is None:
            print(f"{row.page:<44} {row.note}")
            continue
        ratio = f"{row.ratio:.2f}" if row.ratio is not None else "-"
        mark = " *" if row.goal and row.ratio is not None and row.ratio > GOAL else ""
        print(f"{row.page:<44} {row.page_ms:>9.1f} {row.bare_ms:>12.1f} {ratio:>7} {row.queries:>8}{mark}")


if __name__ == "__main__":
    sys.exit(main())

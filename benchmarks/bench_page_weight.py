"""Bytes a phone downloads for the main pages, without compression and with it, in the same run.

Run (about a minute: it loads the demo into a throw-away SQLite database; a script, not a test)::

    .venv/bin/python benchmarks/bench_page_weight.py

What it does: migrates a temporary database, loads the demo program (``kinerja-web demo``), runs
``collectstatic`` (hashed names and gzip/Brotli copies: ``kinerja_web/staticstorage.py``'s
storage, as a deployment with ``DEBUG`` off does), then, through Django's test ``Client`` with
every middleware (``DEBUG`` off), fetches each page as the demo's ``owner1`` (home, today's
day form, the week, the latest scorecard, the comparison) and ``facilitator1`` (the
dashboards index and the first cluster dashboard), and every stylesheet, script and image the
page links to. Each page and file is fetched twice, in alternation:

- **before**: no ``Accept-Encoding`` (what the pages weighed before compression: Django sent
  pages uncompressed, and static files went out as they are);
- **after**: ``Accept-Encoding: gzip, br``, as every phone browser sends: pages gzipped by
  ``GZipMiddleware``, static files as WhiteNoise's Brotli copies.

Bytes are the response bodies (headers aside, about the same both ways). "Repeat visit" is the
page alone: after, the static files have hashed names and ``Cache-Control: immutable`` for a
year, so a browser does not ask for them again; before, they had plain names, cached 60 s.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

STATIC = re.compile(r"""(?:href|src)="(/static/[^"?#]+)""")


def configure(workdir: Path) -> None:
    """Environment for Django before it is imported."""
    os.environ.update(
        {
            "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
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


def body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def fetch(client, url: str, compressed: bool) -> tuple[int, str, str]:
    """(bytes, Content-Encoding, Cache-Control) of ``url``."""
    headers = {"HTTP_ACCEPT_ENCODING": "gzip, br"} if compressed else {}
    response = client.get(url, **headers)
    if response.status_code != 200:
        raise SystemExit(f"{url}: status {response.status_code}")
    return len(body(response)), response.get("Content-Encoding", ""), response.get("Cache-Control", "")


def weigh(client, url: str) -> dict[str, object]:
    """Before and after of one page and its static files."""
    html = body(client.get(url)).decode()
    assets = sorted(set(STATIC.findall(html)))
    page_before, _encoding, _cache = fetch(client, url, compressed=False)
    page_after, page_encoding, _cache = fetch(client, url, compressed=True)
    static_before = static_after = 0
    immutable = True
    for asset in assets:
        static_before += fetch(client, asset, compressed=False)[0]
        size, _encoding, cache = fetch(client, asset, compressed=True)
        static_after += size
        immutable = immutable and "immutable" in cache
    return {
        "page_before": page_before,
        "page_after": page_after,
        "encoding": page_encoding or "none",
        "static_before": static_before,
        "static_after": static_after,
        "assets": len(assets),
        "immutable": immutable,
    }


def kb(size: int) -> str:
    return f"{size / 1024:.1f}"


def main() -> int:
    workdir = Path(tempfile.mkdtemp(prefix="kinerja-weight-"))
    configure(workdir)
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    try:
        call_command("migrate", verbosity=0)
        print("Loading the demo ...", flush=True)
        call_command("demo", verbosity=0)
        call_command("collectstatic", verbosity=0, interactive=False)
        from kinerja_web.performance.models import Scorecard
        from kinerja_web.programs.models import Cluster

        users = get_user_model().objects
        owner, facilitator = users.get(username="owner1"), users.get(username="facilitator1")
        enterprise = owner.owned_enterprises.order_by("pk").first()
        scorecard = Scorecard.objects.filter(enterprise=enterprise).order_by("-period__start").first()
        cluster = Cluster.objects.filter(facilitator_assignments__user=facilitator).order_by("pk").first()
        pages = [
            ("owner", "home", "/"),
            ("owner", "day form (today)", reverse("records:day_today", args=[enterprise.pk])),
            ("owner", "week", reverse("records:enterprise", args=[enterprise.pk])),
            (
                "owner",
                "scorecard (latest period)",
                reverse("performance:scorecard", args=[enterprise.pk, scorecard.period_id]),
            ),
            ("owner", "comparison", reverse("performance:comparison", args=[enterprise.pk])),
            ("facilitator", "dashboards", reverse("dashboards:index")),
            ("facilitator", "cluster dashboard", reverse("dashboards:cluster", args=[cluster.pk])),
        ]
        clients = {"owner": Client(), "facilitator": Client()}
        clients["owner"].force_login(owner)
        clients["facilitator"].force_login(facilitator)
        rows = [(who, name, weigh(clients[who], url)) for who, name, url in pages]
    finally:
        connection.close()
        shutil.rmtree(workdir, ignore_errors=True)

    print()
    print("KiB transferred (response bodies); first visit = page + its CSS/JS/images, repeat = page")
    print(
        f"{'who':<12}{'page':<28}{'first before':>13}{'first after':>12}{'repeat before':>14}"
        f"{'repeat after':>13}{'page enc.':>10}{'files':>6}"
    )
    totals = [0, 0, 0, 0]
    for who, name, row in rows:
        first_before = row["page_before"] + row["static_before"]
        first_after = row["page_after"] + row["static_after"]
        figures = (first_before, first_after, row["page_before"], row["page_after"])
        totals = [total + figure for total, figure in zip(totals, figures, strict=True)]
        print(
            f"{who:<12}{name:<28}{kb(first_before):>13}{kb(first_after):>12}{kb(row['page_before']):>14}"
            f"{kb(row['page_after']):>13}{row['encoding']:>10}{row['assets']:>6}"
        )
    print(f"{'all':<12}{'':<28}{kb(totals[0]):>13}{kb(totals[1]):>12}{kb(totals[2]):>14}{kb(totals[3]):>13}")
    print(f"first visits: {totals[1] / totals[0]:.0%} of before; repeat visits: {totals[3] / totals[2]:.0%}")
    long_cached = all(row["immutable"] for _who, _name, row in rows)
    print(f"static files cached as immutable with hashed names: {'yes' if long_cached else 'NO'}")
    compressed = all(row["encoding"] == "gzip" for _who, _name, row in rows)
    return 0 if long_cached and compressed else 1


if __name__ == "__main__":
    sys.exit(main())

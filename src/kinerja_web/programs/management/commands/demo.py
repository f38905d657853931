"""``kinerja-web demo [--password P]``: load the demo program, idempotently, and print the logins."""

from __future__ import annotations

import os
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from kinerja_web.programs.demo import DEFAULT_PASSWORD, load_demo


class Command(BaseCommand):
    help = (
        "Load the demo program (coconut-sugar MSMEs of Lojejer, Wuluhan, Jember) into the configured "
        "database; a second run leaves one copy with the same accounts. Prints the logins."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--password",
            help=f"password of every demo account (default: $KINERJA_DEMO_PASSWORD, else {DEFAULT_PASSWORD})",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        password = options["password"] or os.environ.get("KINERJA_DEMO_PASSWORD") or DEFAULT_PASSWORD
        ctx = load_demo(password)
        self.stdout.write(f"Demo program loaded: {ctx.program.name}")
        self.stdout.write(f"Logins (password for all: {password}):")
        width = max(len(username) for username, _, _ in ctx.logins)
        for username, role, sees in ctx.logins:
            self.stdout.write(f"  {username:<{width}}  {role}: {sees}")
        for note in ctx.notes:
            self.stdout.write(note)

"""The Typer application that gathers the sub-commands."""

from __future__ import annotations

import os
import sys
import traceback

import typer

app = typer.Typer(
    name="kinerja",
    help="Kinerja: AHP weights, KPI scorecards, MSME size classes, period comparisons and competency gaps.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def main() -> None:
    """Console-script entry point: a bug is one line on standard error and exit 1, not a traceback."""
    from kinerja.cli import (  # noqa: F401
        ahp_command,
        classify_command,
        compare_command,
        competency_command,
        score_command,
    )

    try:
        app()
    except Exception as exc:  # the last line of defence: a bug, shown as one line
        if "KINERJA_DEBUG" in os.environ:
            traceback.print_exc()
        print(f"kinerja: internal error ({type(exc).__name__}): {exc}; please report it", file=sys.stderr)
        sys.exit(1)

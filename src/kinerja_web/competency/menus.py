"""Menu entries and enterprise links of the competency pages, registered once at start-up.

Each part of the app (framework, rounds, gaps, strategy, studies) adds its entries in its own
function below, so that helpers working on different parts do not edit the same lines.
"""

from __future__ import annotations


def register() -> None:
    for part in (_framework, _rounds, _gaps, _strategy, _studies):
        part()


def _framework() -> None:
    pass


def _rounds() -> None:
    pass


def _gaps() -> None:
    pass


def _strategy() -> None:
    pass


def _studies() -> None:
    pass

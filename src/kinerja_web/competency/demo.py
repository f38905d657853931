"""The competency part of the demo: ``load_competency(ctx)`` runs each part's demo in order.

``programs/demo.py`` lists this function last in ``DEMO_STEPS``. The parts, each owned by one
part of the app and each idempotent: ``demo_framework`` (the program's competency framework
from the Indonesian template with required levels per role), ``demo_rounds`` (assessment
rounds of the Lojejer cluster with every source's ratings), ``demo_strategy`` (development
plans and the later round's change), ``demo_studies`` (facilitator1's purposive sample).
A part whose module does not exist yet is skipped.
"""

from __future__ import annotations

import importlib
from typing import Any

PARTS = (
    "kinerja_web.competency.demo_framework",
    "kinerja_web.competency.demo_rounds",
    "kinerja_web.competency.demo_strategy",
    "kinerja_web.competency.demo_studies",
)


def load_competency(ctx: Any) -> None:
    """Run ``load(ctx)`` of every competency demo part that exists, in order."""
    for name in PARTS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name == name:
                continue  # that part has no demo yet
            raise
        module.load(ctx)

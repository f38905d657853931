"""Demo: the program's competency framework, from the Indonesian default template.

The template (``defaults.py``) gives the paper's areas with coconut-sugar production skills,
five anchored levels per item, the required levels of the four default worker roles and the
six levers with the areas each addresses. Idempotent: a second run finds the framework by its
name and version 1 and changes nothing (a later round may have frozen it). Sets
``ctx.competency_framework`` for the rounds and strategy parts of the demo.
"""

from __future__ import annotations

from typing import Any

from django.utils import translation

from kinerja_web.competency.models import CompetencyFramework
from kinerja_web.competency.services.framework import framework_create

NAME = "Kompetensi SDM UMKM Gula Kelapa"


def load(ctx: Any) -> CompetencyFramework:
    """The demo program's competency framework (made once, by the demo administrator)."""
    framework = CompetencyFramework.objects.filter(program=ctx.program, name=NAME, version=1).first()
    if framework is None:
        with translation.override("id"):  # the default roles, if made here, get Indonesian names
            framework = framework_create(
                program=ctx.program,
                name=NAME,
                language=CompetencyFramework.Language.INDONESIAN,
                from_template=True,
                actor=ctx.users["admin"],
            )
    ctx.competency_framework = framework
    ctx.notes.append(
        f"Competency framework: {framework.name} ({framework.items.count()} items, "
        f"{framework.required_levels.count()} required levels, {framework.levers.count()} levers)."
    )
    return framework

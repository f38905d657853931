"""Demo: the program's competency framework, from the Indonesian default template.

The template (``defaults.py``) gives the paper's areas with coconut-sugar production skills,
five anchored levels per item, the required levels of the four default worker roles and the
six levers with the areas each addresses. Idempotent: a second run finds the framework by its
name and version 1 and changes nothing (a later round may have frozen it). Sets
``ctx.competency_framework`` for the rounds and strategy parts of the demo. The English
template is loaded beside it as a second framework that no round uses (so it stays editable).
"""

from __future__ import annotations

from typing import Any

from django.utils import translation

from kinerja_web.competency import defaults
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
    # The template in English too, unused by any round: editable, to show both languages.
    english_name = defaults.text(defaults.NAME, "en")
    if not CompetencyFramework.objects.filter(program=ctx.program, name=english_name, version=1).exists():
        framework_create(
            program=ctx.program,
            name=english_name,
            language=CompetencyFramework.Language.ENGLISH,
            from_template=True,
            actor=ctx.users["admin"],
        )
    ctx.competency_framework = framework
    ctx.notes.append(
        f"Competency framework: {framework.name} ({framework.items.count()} items, "
        f"{framework.required_levels.count()} required levels, {framework.levers.count()} levers)."
    )
    return framework

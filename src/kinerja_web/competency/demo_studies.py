"""The demo's study: facilitator1's purposive sample of Lojejer (the paper's way of choosing MSMEs).

Criteria, in order: the Lojejer cluster; micro or small under Law 20/2008; a mean gap above 0,5
in the framework's first area in the closed round. Saved through ``services.studies`` (audited),
once: a second run finds it by name and writes nothing.
"""

from __future__ import annotations

from typing import Any

from kinerja_web.competency.models import AssessmentRound, Study
from kinerja_web.competency.services.studies import study_create

NAME = "Sampel purposif Lojejer"


def load(ctx: Any) -> Study | None:
    cluster = ctx.clusters.get("lojejer")
    facilitator = ctx.users.get("facilitator1")
    if cluster is None or facilitator is None or ctx.program is None:
        return None
    found = Study.objects.filter(program=ctx.program, name=NAME).first()
    if found is not None:
        return found
    closed = (
        AssessmentRound.objects.filter(cluster=cluster, status=AssessmentRound.Status.CLOSED)
        .order_by("starts_on", "pk")
        .first()
    )
    criteria: list[dict] = [
        {"kind": "cluster", "clusters": [cluster.pk]},
        {"kind": "size", "law": "uu20-2008", "classes": ["micro", "small"]},
    ]
    area = closed.framework.areas.order_by("position", "pk").first() if closed else None
    if closed is not None and area is not None:
        criteria.append({"kind": "gap", "round": closed.pk, "area": area.name, "above": "0.5"})
    study = study_create(
        actor=facilitator,
        program=ctx.program,
        name=NAME,
        description=(
            "Usaha gula kelapa mikro dan kecil di Lojejer dengan kesenjangan manajemen, "
            "untuk wawancara dan observasi lanjutan."
        ),
        criteria=criteria,
    )
    ctx.notes.append(f"Competency study '{NAME}': {study.enterprises.count()} enterprises")
    return study

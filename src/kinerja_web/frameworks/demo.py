"""Demo frameworks: the KPI paper's hierarchy for each size class, as program templates and in use.

- medium (UD Pramitha Salsabila): the paper's Table 1 indicators with its weights adopted
  exactly (``paper.PAPER_MEDIUM``);
- small and micro: the shorter hierarchies the paper found those businesses need, weighted by
  the AHP judgments of two demo experts, aggregated by their judgments (AIJ). The field
  facilitator is slightly inconsistent on the micro framework's Human Resources node
  (CR 0.117 > 0.10), so the demo shows a CR warning and the core's suggestions;
- the same three as the program's templates (marked), for new frameworks to start from.

Idempotent: frameworks are found by (program, name, version 1) and built only once; the
experts' judgments are rewritten each run. ``ctx.frameworks`` (size class -> framework) is
what the performance step scores with.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction

from kinerja_web.audit.services import record
from kinerja_web.frameworks import paper
from kinerja_web.frameworks.models import ExpertJudgment, Framework, Node

NAMES = {
    "medium": "KPI SDM UMKM Gula Kelapa - Menengah",
    "small": "KPI SDM UMKM Gula Kelapa - Kecil",
    "micro": "KPI SDM UMKM Gula Kelapa - Mikro",
}
TEMPLATE_NAMES = {
    "medium": "Templat makalah KPI - Menengah (Manggala dkk. 2022)",
    "small": "Templat makalah KPI - Kecil (Manggala dkk. 2022)",
    "micro": "Templat makalah KPI - Mikro (Manggala dkk. 2022)",
}
SPECS = {"medium": paper.PAPER_MEDIUM, "small": paper.PAPER_SMALL, "micro": paper.PAPER_MICRO}
RESEARCHER = "Peneliti PPBI Universitas Jember"
FIELD_FACILITATOR = "Pendamping lapangan"

# Judgments as (A, B, "A is v times as important as B"), by node name, per expert.
PERSPECTIVES = {
    RESEARCHER: [
        (paper.SDM, paper.PRODUKSI, "2"),
        (paper.SDM, paper.KEUANGAN, "1/2"),
        (paper.PRODUKSI, paper.KEUANGAN, "1/3"),
    ],
    FIELD_FACILITATOR: [
        (paper.SDM, paper.PRODUKSI, "3"),
        (paper.SDM, paper.KEUANGAN, "1"),
        (paper.PRODUKSI, paper.KEUANGAN, "1/2"),
    ],
}
K, W, PEN = "Kehadiran", "Waktu operasional", "Penambahan pekerja"
MICRO_SDM = {
    RESEARCHER: [(K, W, "3"), (K, PEN, "2"), (W, PEN, "1/2")],
    # CR 0.117: Kehadiran 3x Waktu operasional, which is 3x Penambahan pekerja, yet Kehadiran only 3x that.
    FIELD_FACILITATOR: [(K, W, "3"), (K, PEN, "3"), (W, PEN, "3")],
}
P, WP, R, ROT = (
    "Penyesuaian kehadiran pekerja tidak tetap",
    "Waktu produksi",
    "Penambahan pekerja",
    "Rotasi kerja",
)
SMALL_SDM = {
    RESEARCHER: [
        (K, P, "2"), (K, WP, "2"), (K, R, "3"), (K, ROT, "1"), (P, WP, "1"),
        (P, R, "2"), (P, ROT, "1/2"), (WP, R, "2"), (WP, ROT, "1/2"), (R, ROT, "1/3"),
    ],
    FIELD_FACILITATOR: [
        (K, P, "3"), (K, WP, "2"), (K, R, "2"), (K, ROT, "2"), (P, WP, "1/2"),
        (P, R, "1"), (P, ROT, "1/2"), (WP, R, "2"), (WP, ROT, "1"), (R, ROT, "1/2"),
    ],
}  # fmt: skip


def load_frameworks(ctx: Any) -> None:
    """Build (once) the demo frameworks of ``ctx.program``; set ``ctx.frameworks`` by size class."""
    actor = ctx.users.get("admin")
    judgments = {
        "small": {"goal": PERSPECTIVES, paper.SDM: SMALL_SDM},
        "micro": {"goal": PERSPECTIVES, paper.SDM: MICRO_SDM},
    }
    frameworks = {}
    for size, spec in SPECS.items():
        template = _framework(ctx, TEMPLATE_NAMES[size], spec, actor, is_template=True)
        frameworks[size] = _framework(ctx, NAMES[size], spec, actor)
        for framework in (template, frameworks[size]):
            _experts(framework, judgments.get(size, {}), ctx)
    ctx.frameworks = frameworks
    ctx.notes.append(
        "KPI frameworks: medium (the paper's Table 1 weights), small and micro (two experts' AHP judgments)."
    )


def _framework(
    ctx: Any, name: str, spec: paper.TemplateSpec, actor: Any, *, is_template: bool = False
) -> Framework:
    existing = Framework.objects.filter(program=ctx.program, name=name, version=1).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        framework = Framework.objects.create(
            program=ctx.program,
            name=name,
            description="Manggala dkk. (2022), IOSR-JBM 24(9), Tabel 1 dan kesimpulan.",
            size_class=spec.size_class,
            is_template=is_template,
            created_by=actor,
        )
        paper.build(spec, framework)
        record(
            actor=actor,
            action="framework.create",
            obj=framework,
            changes={"template": spec.key, "demo": True},
        )
    return framework


def _experts(framework: Framework, judgments_by_node: dict[str, dict[str, list]], ctx: Any) -> None:
    """Write the experts' judgments of each named node (``"goal"`` for the root), by child name."""
    for node_name, experts in judgments_by_node.items():
        if node_name == "goal":
            node = framework.nodes.get(parent__isnull=True)
        else:
            node = framework.nodes.get(parent__parent__isnull=True, parent__isnull=False, name=node_name)
        children = {child.name: child.pk for child in node.children.all()}
        for expert, entries in experts.items():
            ExpertJudgment.objects.update_or_create(
                node=node,
                expert_name=expert,
                defaults={
                    "expert_weight": Decimal(1),
                    "judgments": [[children[a], children[b], value] for a, b, value in entries],
                    "expert_user": ctx.users.get("facilitator1") if expert == FIELD_FACILITATOR else None,
                },
            )
        if node.aggregation != Node.Aggregation.JUDGMENTS:
            node.aggregation = Node.Aggregation.JUDGMENTS
            node.save(update_fields=["aggregation"])

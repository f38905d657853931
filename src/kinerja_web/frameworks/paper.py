"""Built-in templates: the KPI paper's hierarchy, one per size class, and an empty one.

Source: M. D. Manggala et al. (2022), "Key Performance Indicators on the Performance of Human
Resources for Micro, Small and Medium Enterprises, Coconut Sugar Industry Centers in Lojejer
Village", IOSR-JBM 24(9):01-10. Table 1 (UD Pramitha Salsabila, a medium business) gives the
indicators of the three perspectives (Human Resources, Production, Finance) and their global
weights in percent; the medium template adopts them exactly: a perspective's weight is the sum
of its indicators' and an indicator's local weight its share of that sum, so that hierarchic
composition gives back the paper's weights. The paper found that smaller businesses need other
indicators (its conclusions for Bu Ramis, small, and Mbak Juariyah, micro: attendance,
operating time, the adjusted attendance of non-permanent workers, work rotation, recruitment,
with production and turnover); the small and micro templates list those, unweighted: a program
weights them with its experts' judgments.

Node names are user data, in Indonesian; the English of the paper is in each description.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

IODIZED = "Gula kelapa beryodium"


@dataclass(frozen=True)
class IndicatorSpec:
    name: str
    english: str
    unit: str
    actual_source: str
    source_product: str = ""
    direction: str = "higher"
    #: The global weight in percent the template adopts (None: weighted by judgments).
    global_pct: float | None = None


@dataclass(frozen=True)
class PerspectiveSpec:
    name: str
    english: str
    indicators: tuple[IndicatorSpec, ...]


@dataclass(frozen=True)
class TemplateSpec:
    key: str
    label: Any
    size_class: str
    goal: str
    perspectives: tuple[PerspectiveSpec, ...]

    @property
    def adopted(self) -> bool:
        return any(i.global_pct is not None for p in self.perspectives for i in p.indicators)


GOAL = "Kinerja SDM UMKM gula kelapa"
SDM, PRODUKSI, KEUANGAN = "Sumber Daya Manusia", "Produksi", "Keuangan"

KEHADIRAN = IndicatorSpec("Kehadiran", "Attendance", "kehadiran", "attendance_days", global_pct=15)
WAKTU_PRODUKSI = IndicatorSpec(
    "Waktu produksi", "Production time", "jam operasional", "operating_hours", global_pct=5.625
)
PENYESUAIAN = IndicatorSpec(
    "Penyesuaian kehadiran pekerja tidak tetap",
    "Adjusting the attendance of non-permanent employees",
    "kehadiran",
    "attendance_days_non_permanent",
    global_pct=6.5,
)
ROTASI = IndicatorSpec("Rotasi kerja", "Work rotation", "jam operasional", "rotation_hours", global_pct=23.26)
TOTAL_PRODUKSI = IndicatorSpec("Total produksi", "Total production", "kg", "production_kg", global_pct=8.5)
PRODUKSI_YODIUM = IndicatorSpec(
    "Produksi gula kelapa beryodium",
    "Production of iodized coconut sugar",
    "kg",
    "production_kg",
    source_product=IODIZED,
    global_pct=2.125,
)
PERALATAN = IndicatorSpec(
    "Penambahan peralatan produksi dan bahan baku",
    "Adding production equipment and raw materials",
    "cetakan dan liter",
    "equipment_added",
    global_pct=6.725,
)
HARGA = IndicatorSpec(
    "Harga produk terhadap total penjualan", "Product price to total sales", "Rp", "manual", global_pct=6.26
)
OMZET = IndicatorSpec("Omzet penjualan", "Sales turnover", "Rp", "sales_rp", global_pct=26.005)

PAPER_MEDIUM = TemplateSpec(
    key="paper-medium",
    label=_("KPI paper, medium business (Table 1 weights)"),
    size_class="medium",
    goal=GOAL,
    perspectives=(
        PerspectiveSpec(SDM, "Human Resources", (KEHADIRAN, WAKTU_PRODUKSI, PENYESUAIAN, ROTASI)),
        PerspectiveSpec(PRODUKSI, "Production", (TOTAL_PRODUKSI, PRODUKSI_YODIUM, PERALATAN)),
        PerspectiveSpec(KEUANGAN, "Finance", (HARGA, OMZET)),
    ),
)


def _unweighted(spec: IndicatorSpec) -> IndicatorSpec:
    return IndicatorSpec(
        spec.name, spec.english, spec.unit, spec.actual_source, spec.source_product, spec.direction, None
    )


PENAMBAHAN_PEKERJA = IndicatorSpec(
    "Penambahan pekerja", "Additional workers (recruitment)", "orang", "workers_count"
)
WAKTU_OPERASIONAL = IndicatorSpec("Waktu operasional", "Operating time", "jam operasional", "operating_hours")

PAPER_SMALL = TemplateSpec(
    key="paper-small",
    label=_("KPI paper, small business"),
    size_class="small",
    goal=GOAL,
    perspectives=(
        PerspectiveSpec(
            SDM,
            "Human Resources",
            tuple(
                _unweighted(s) for s in (KEHADIRAN, PENYESUAIAN, WAKTU_PRODUKSI, PENAMBAHAN_PEKERJA, ROTASI)
            ),
        ),
        PerspectiveSpec(PRODUKSI, "Production", (_unweighted(TOTAL_PRODUKSI),)),
        PerspectiveSpec(KEUANGAN, "Finance", (_unweighted(OMZET),)),
    ),
)

PAPER_MICRO = TemplateSpec(
    key="paper-micro",
    label=_("KPI paper, micro business"),
    size_class="micro",
    goal=GOAL,
    perspectives=(
        PerspectiveSpec(
            SDM, "Human Resources", (_unweighted(KEHADIRAN), WAKTU_OPERASIONAL, PENAMBAHAN_PEKERJA)
        ),
        PerspectiveSpec(PRODUKSI, "Production", (_unweighted(TOTAL_PRODUKSI),)),
        PerspectiveSpec(KEUANGAN, "Finance", (_unweighted(OMZET),)),
    ),
)

EMPTY = TemplateSpec(key="empty", label=_("Empty: a goal only"), size_class="", goal="KPI", perspectives=())

#: Built-in templates by key; the first is the default of the "new framework" form.
TEMPLATES: dict[str, TemplateSpec] = {t.key: t for t in (PAPER_MEDIUM, PAPER_SMALL, PAPER_MICRO, EMPTY)}
DEFAULT_TEMPLATE = PAPER_MEDIUM.key


def adopted_weights(spec: TemplateSpec) -> tuple[tuple[float, ...], tuple[tuple[float, ...], ...]]:
    """Perspective weights (sums of the indicators' global weights / 100) and each perspective's
    indicator local weights (each global weight / the perspective's sum)."""
    sums = [math.fsum(i.global_pct or 0.0 for i in p.indicators) for p in spec.perspectives]
    total = math.fsum(sums)
    perspective = tuple(s / total for s in sums)
    local = tuple(
        tuple((i.global_pct or 0.0) / s for i in p.indicators)
        for p, s in zip(spec.perspectives, sums, strict=True)
    )
    return perspective, local


def build(spec: TemplateSpec, framework: Any) -> Any:
    """Create the nodes of ``spec`` in ``framework`` (which has none); return the goal node.

    Called by the services (``framework_create_from_template``), inside their transaction.
    """
    from kinerja_web.frameworks.models import Node

    adopted = spec.adopted
    mode = Node.WeightMode.ADOPTED if adopted else Node.WeightMode.JUDGMENTS
    perspective_weights, local_weights = adopted_weights(spec) if adopted else ((), ())
    goal = Node.objects.create(
        framework=framework, name=spec.goal, kind=Node.Kind.GOAL, position=0, weight_mode=mode
    )
    for p_index, perspective in enumerate(spec.perspectives):
        p_node = Node.objects.create(
            framework=framework,
            parent=goal,
            name=perspective.name,
            description=perspective.english,
            kind=Node.Kind.PERSPECTIVE,
            position=p_index,
            weight_mode=mode,
            adopted_weight=perspective_weights[p_index] if adopted else None,
        )
        Node.objects.bulk_create(
            [
                Node(
                    framework=framework,
                    parent=p_node,
                    name=indicator.name,
                    description=indicator.english,
                    kind=Node.Kind.INDICATOR,
                    position=i_index,
                    unit=indicator.unit,
                    direction=indicator.direction,
                    actual_source=indicator.actual_source,
                    source_product=indicator.source_product,
                    adopted_weight=local_weights[p_index][i_index] if adopted else None,
                )
                for i_index, indicator in enumerate(perspective.indicators)
            ]
        )
    return goal

"""Several experts' judgments of one set of criteria: aggregation and consensus.

Two ways of aggregating, as Forman & Peniwati (1998) set them apart:

* ``"judgments"`` (AIJ, the default): the group is treated as one new individual whose
  judgment of each pair is the weighted geometric mean of the experts' judgments,
  ``a_ij = prod_k a_ijk ** (w_k / sum w)``. The geometric mean is the only mean that keeps
  the aggregate matrix reciprocal (Aczél & Saaty 1983), so the aggregate is analysed like
  any single matrix, with its own lambda_max, CR and suggestions. An expert may leave pairs
  out (``judgments`` with gaps): each cell is the weighted geometric mean over the experts
  who judged that pair, their weights renormalised among them.
* ``"priorities"`` (AIP): every expert's priority vector is computed on its own and the
  group's weights are their weighted geometric mean, normalised to sum to 1. An aggregate of
  priorities has no judgments of its own; its ``lambda_max``, ``ci`` and ``cr`` are those of
  the perfectly consistent matrix ``w_i / w_j`` (CR 0), so look at each expert's CR.

Sources: J. Aczél & T. L. Saaty (1983), "Procedures for synthesizing ratio judgements",
J. Math. Psychology 27(1):93-102; E. Forman & K. Peniwati (1998), "Aggregating individual
judgments and priorities with the analytic hierarchy process", EJOR 108(1):165-169.
The consensus indicator is in :func:`consensus_indicator`.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from kinerja.ahp.consistency import parse_custom_ri
from kinerja.ahp.parse import Comparison, comparison_from_weights, parse_comparison
from kinerja.ahp.priorities import AhpResult, analyse
from kinerja.errors import InputError, MatrixError

AGGREGATIONS: tuple[str, ...] = ("judgments", "priorities")

#: The largest value of the judgment scale, ``M`` in Goepel's minimum alpha entropy (Saaty: 9).
SCALE_MAX = 9.0

CONSENSUS_METHOD = "goepel-shannon-beta"

#: Goepel's word scale for S* (bpmsg.com, "AHP consensus word scale"), lower bounds from the top.
CONSENSUS_WORDS: tuple[tuple[float, str], ...] = (
    (0.875, "very high"),
    (0.75, "high"),
    (0.625, "moderate"),
    (0.5, "low"),
    (-math.inf, "very low"),
)


@dataclass(frozen=True)
class Expert:
    """One expert of a group: a name, a weight (> 0, relative) and their comparison."""

    name: str
    weight: float
    comparison: Comparison


@dataclass(frozen=True)
class ExpertResult:
    """One expert's own result within a group."""

    name: str
    weight: float
    weights: np.ndarray
    cr: float
    consistent: bool


@dataclass(frozen=True)
class GroupResult:
    """The group's aggregate, each expert's own weights and the group's consensus."""

    aggregate: AhpResult
    experts: tuple[ExpertResult, ...]
    consensus: float
    aggregation: str

    def as_dict(self) -> dict[str, Any]:
        """The contract's keys of the aggregate plus ``experts``, ``consensus`` and how they came about."""
        payload = self.aggregate.as_dict()
        criteria = self.aggregate.criteria
        payload["experts"] = [
            {
                "name": expert.name,
                "weight": expert.weight,
                "weights": {name: float(w) for name, w in zip(criteria, expert.weights, strict=True)},
                "cr": expert.cr,
                "consistent": expert.consistent,
            }
            for expert in self.experts
        ]
        payload["consensus"] = self.consensus
        payload["aggregation"] = self.aggregation
        payload["consensus_method"] = CONSENSUS_METHOD
        return payload


def parse_group(data: Mapping[str, Any]) -> tuple[tuple[str, ...], tuple[Expert, ...], str]:
    """Validate ``{"criteria", "experts": [{"name", "weight", "matrix" | "judgments"}], "aggregation"}``.

    ``weight`` defaults to 1 and ``aggregation`` to ``"judgments"``. An expert may repeat
    ``criteria`` (then in any order, with the matrix in that order) but not name other ones.
    Errors name the place: ``experts[2].weight``, ``experts[0].matrix[1][0]``.
    """
    if not isinstance(data, Mapping):
        raise InputError("input", "must be an object with criteria and experts", code="ahp.group_not_object")
    criteria = _parse_criteria(data)
    aggregation = data.get("aggregation", "judgments")
    if aggregation not in AGGREGATIONS:
        raise InputError(
            "aggregation",
            f"{aggregation!r} is not one of: {', '.join(AGGREGATIONS)}",
            code="ahp.unknown_aggregation",
            params={"value": aggregation, "choices": list(AGGREGATIONS)},
        )
    raw_experts = data.get("experts")
    if raw_experts is None:
        raise InputError("experts", "is missing: list the experts and their judgments", code="ahp.no_experts")
    if not isinstance(raw_experts, Sequence) or isinstance(raw_experts, str | bytes):
        raise InputError("experts", "must be a list of experts", code="ahp.experts_not_list")
    if not raw_experts:
        raise InputError("experts", "is empty: at least one expert is needed", code="ahp.no_experts")
    experts: list[Expert] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(raw_experts):
        expert = _parse_expert(raw, index, criteria)
        if expert.name in seen:
            raise InputError(
                f"experts[{index}].name",
                f"{expert.name!r} is a duplicate of experts[{seen[expert.name]}]",
                code="ahp.duplicate_expert",
                params={"name": expert.name},
            )
        seen[expert.name] = index
        experts.append(expert)
    return criteria, tuple(experts), aggregation


def _parse_criteria(data: Mapping[str, Any]) -> tuple[str, ...]:
    if "criteria" not in data:
        raise MatrixError(
            "criteria", "is missing: list the names of the criteria compared", code="ahp.criteria_missing"
        )
    raw = data["criteria"]
    if not isinstance(raw, Sequence) or isinstance(raw, str | bytes):
        raise MatrixError("criteria", "must be a list of criterion names", code="ahp.criteria_not_list")
    # comparison_from_weights validates names (strings, non-empty, unique) at "criteria[i]".
    return comparison_from_weights(list(raw), np.ones(len(raw))).criteria


def _parse_expert(raw: Any, index: int, criteria: tuple[str, ...]) -> Expert:
    place = f"experts[{index}]"
    if not isinstance(raw, Mapping):
        raise InputError(
            place, "must be an object with a name and a matrix or judgments", code="ahp.expert_not_object"
        )
    name = raw.get("name")
    if name is None:
        raise InputError(f"{place}.name", "is missing", code="input.missing")
    if not isinstance(name, str) or not name.strip():
        raise InputError(f"{place}.name", "must be a non-empty string", code="input.not_name")
    weight = raw.get("weight", 1)
    if (
        isinstance(weight, bool)
        or not isinstance(weight, numbers.Real)
        or not math.isfinite(weight)
        or weight <= 0
    ):
        raise InputError(
            f"{place}.weight",
            f"{weight!r} is not a positive number",
            code="ahp.expert_weight_not_positive",
            params={"value": str(weight)},
        )
    own = raw.get("criteria", criteria)
    comparison = parse_comparison({**raw, "criteria": own}, where=f"{place}.")
    if comparison.criteria != criteria:
        comparison = _reorder(comparison, criteria, f"{place}.criteria")
    return Expert(name=name, weight=float(weight), comparison=comparison)


def _reorder(comparison: Comparison, criteria: tuple[str, ...], place: str) -> Comparison:
    if set(comparison.criteria) != set(criteria):
        missing = [name for name in criteria if name not in comparison.criteria]
        extra = [name for name in comparison.criteria if name not in criteria]
        detail = "; ".join(
            part
            for part in (
                f"missing {', '.join(map(repr, missing))}" if missing else "",
                f"not in the group's criteria: {', '.join(map(repr, extra))}" if extra else "",
            )
            if part
        )
        raise MatrixError(
            place,
            f"must be the group's criteria ({detail})",
            code="ahp.expert_criteria_differ",
            params={"detail": detail},
        )
    order = [comparison.criteria.index(name) for name in criteria]
    matrix = comparison.matrix[np.ix_(order, order)].copy()
    matrix.setflags(write=False)
    return Comparison(criteria=criteria, matrix=matrix)


def aggregate_judgments(experts: Sequence[Expert]) -> Comparison:
    """AIJ: the weighted geometric mean of the experts' matrices, cell by cell (Aczél & Saaty 1983).

    A cell nobody judged stays missing (``nan``); as every expert's judgments connect all
    criteria, so do the aggregate's.
    """
    logs = np.stack([np.log(expert.comparison.matrix) for expert in experts])
    weights = np.array([expert.weight for expert in experts])[:, None, None]
    given = ~np.isnan(logs)
    weight_sum = np.where(given, weights, 0.0).sum(axis=0)
    log_sum = np.where(given, weights * np.nan_to_num(logs), 0.0).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        matrix = np.where(weight_sum > 0, np.exp(log_sum / np.where(weight_sum > 0, weight_sum, 1.0)), np.nan)
    matrix.setflags(write=False)
    return Comparison(criteria=experts[0].comparison.criteria, matrix=matrix)


def aggregate_priorities(weight_vectors: np.ndarray, expert_weights: np.ndarray) -> np.ndarray:
    """AIP: the weighted geometric mean of priority vectors (rows), normalised (Forman & Peniwati 1998)."""
    shares = expert_weights / expert_weights.sum()
    log_mean = shares @ np.log(weight_vectors)
    combined = np.exp(log_mean - log_mean.max())
    return combined / combined.sum()


def consensus_indicator(weight_vectors: np.ndarray, scale_max: float = SCALE_MAX) -> float:
    """Goepel's AHP consensus indicator S* of k priority vectors (rows) over n criteria, in 0..1.

    With Shannon entropies (natural log) ``H(p) = -sum p_i ln p_i`` of the experts' priority
    vectors ``p_k``: alpha entropy ``H_alpha = mean_k H(p_k)``, gamma entropy
    ``H_gamma = H(mean_k p_k)``, beta entropy ``H_beta = H_gamma - H_alpha`` and beta
    diversity ``D_beta = exp(H_beta)``. Then::

        S* = (1 / D_beta - D_alpha_min / D_gamma_max) / (1 - D_alpha_min / D_gamma_max)

    with ``D_gamma_max = n`` and ``D_alpha_min = exp(H_alpha_min)``, the alpha diversity of
    an expert who rates one criterion M times as important as each other criterion::

        H_alpha_min = -[M/(n+M-1) ln(M/(n+M-1)) + (n-1)/(n+M-1) ln(1/(n+M-1))]

    (M = 9 on Saaty's scale). S* is 1 when all experts give the same priorities and 0 when
    they are as far apart as the scale allows (n experts each rating a different criterion
    M times as important as the rest).

    Sources: K. D. Goepel (2013), "Implementing the Analytic Hierarchy Process as a Standard
    Method for Multi-Criteria Decision Making in Corporate Enterprises - A New AHP Excel
    Template with Multiple Inputs", Proc. ISAHP 2013, Kuala Lumpur; K. D. Goepel (2018),
    "Implementation of an Online Software Tool for the Analytic Hierarchy Process (AHP-OS)",
    IJAHP 10(3):469-487; the simplification ``D_gamma_max = n`` as in bpmsg.com "AHP
    consensus indicator" and AHP-OS ``AhpGroup::getConsensus`` / ``ahpShannonCor``.

    Like Goepel, the indicator is unweighted: every expert counts once, whatever their
    weight in the aggregation (an agreement measure, not a weighted vote). One expert, or
    one criterion, is full consensus (1). Experts more extreme than the scale allows
    (possible with inconsistent matrices) could push the formula below 0; it is clipped to
    0..1.
    """
    vectors = np.asarray(weight_vectors, dtype=np.float64)
    k, n = vectors.shape
    if k < 2 or n < 2:
        return 1.0
    h_alpha = float(np.mean([_shannon(p) for p in vectors]))
    h_gamma = _shannon(vectors.mean(axis=0))
    d_beta = math.exp(h_gamma - h_alpha)
    top = scale_max / (n + scale_max - 1.0)
    rest = 1.0 / (n + scale_max - 1.0)
    h_alpha_min = -(top * math.log(top) + (n - 1) * rest * math.log(rest))
    ratio = math.exp(h_alpha_min) / n  # D_alpha_min / D_gamma_max
    s_star = (1.0 / d_beta - ratio) / (1.0 - ratio)
    return min(1.0, max(0.0, s_star))


def consensus_words(value: float) -> str:
    """Goepel's word for a consensus S*: very low (< 0.5), low, moderate, high, very high (> 0.875)."""
    return next(word for bound, word in CONSENSUS_WORDS if value >= bound)


def _shannon(p: np.ndarray) -> float:
    positive = p[p > 0]
    return float(-(positive * np.log(positive)).sum())


def group_priorities(
    criteria: Sequence[str],
    experts: Sequence[Expert],
    *,
    aggregation: str = "judgments",
    method: str = "eigenvector",
    ri_table: str = "saaty",
    threshold: float | str = 0.1,
    custom_ri: Mapping[object, object] | None = None,
    lambda_formula: str = "mean-ratio",
    search_sets: bool = True,
) -> GroupResult:
    """The group's weights by AIJ or AIP, each expert's weights and CR, and Goepel's consensus S*.

    Each expert's priorities use ``method`` (for an incomplete matrix, the engine's method
    for gaps); the consensus is computed from them. ``ri_table``, ``custom_ri``,
    ``threshold`` and ``lambda_formula`` are as in :func:`~kinerja.ahp.analyse`, for every
    expert and the aggregate.
    """
    if aggregation not in AGGREGATIONS:
        raise InputError(
            "aggregation",
            f"{aggregation!r} is not one of: {', '.join(AGGREGATIONS)}",
            code="ahp.unknown_aggregation",
            params={"value": aggregation, "choices": list(AGGREGATIONS)},
        )
    if not experts:
        raise InputError("experts", "is empty: at least one expert is needed", code="ahp.no_experts")
    names = tuple(criteria)
    for index, expert in enumerate(experts):
        if expert.comparison.criteria != names:
            raise MatrixError(
                f"experts[{index}].criteria",
                "must be the group's criteria, in its order",
                code="ahp.expert_criteria_differ",
                params={"detail": "in its order"},
            )
    if ri_table == "custom":
        custom_ri = parse_custom_ri(custom_ri, (len(names),))
    options = {
        "method": method,
        "ri_table": ri_table,
        "threshold": threshold,
        "custom_ri": custom_ri,
        "lambda_formula": lambda_formula,
    }
    own = [
        _analyse(expert.comparison, options, f"experts[{index}].", suggest=False)
        for index, expert in enumerate(experts)
    ]
    vectors = np.stack([result.weights for result in own])
    if aggregation == "judgments":
        aggregate = _analyse(aggregate_judgments(experts), options, "", search_sets=search_sets)
    else:
        combined = aggregate_priorities(vectors, np.array([expert.weight for expert in experts]))
        aggregate = _analyse(comparison_from_weights(names, combined), options, "", search_sets=search_sets)
    return GroupResult(
        aggregate=aggregate,
        experts=tuple(
            ExpertResult(
                name=expert.name,
                weight=expert.weight,
                weights=result.weights,
                cr=result.cr,
                consistent=result.consistent,
            )
            for expert, result in zip(experts, own, strict=True)
        ),
        consensus=consensus_indicator(vectors),
        aggregation=aggregation,
    )


def _analyse(
    comparison: Comparison,
    options: dict[str, Any],
    where: str,
    *,
    suggest: bool = True,
    search_sets: bool = True,
) -> AhpResult:
    """:func:`analyse`, its errors placed within the group input."""
    try:
        return analyse(comparison, **options, suggest=suggest, search_sets=search_sets)
    except InputError as error:
        raise error.at(f"{where}{error.where}") from None

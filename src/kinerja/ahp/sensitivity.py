"""One-way sensitivity of a weighted hierarchy: how far can one local weight move before the ranking changes?

For each node below the root that has siblings, its local weight ``w`` is varied alone over
0..1 while its siblings are rescaled proportionally, ``w_s(x) = w_s (1 - x) / (1 - w)``, so
that they keep summing to 1: the one-way ("gradient") sensitivity analysis of Expert Choice
and SuperDecisions (E. H. Forman & S. I. Gass (2001), "The Analytic Hierarchy Process - An
Exposition", Operations Research 49(4):469-486; T. L. Saaty & L. G. Vargas (2012),
*Models, Methods, Concepts & Applications of the Analytic Hierarchy Process*, 2nd ed.).

Every leaf's global weight is then linear in ``x``: ``G(x) = a + b x`` (``a = 0`` below the
node, ``a = G / (1 - w) = -b`` below a sibling, ``b = 0`` elsewhere). The order of the top
``k`` leaves holds while each of them stays at least as heavy as the next, and the k-th at
least as heavy as every leaf outside the top; each such pair is a linear inequality, so the
interval of ``x`` is found exactly from the crossing points, with no search or sampling.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from kinerja.ahp.hierarchy import HierarchyResult, NodeResult, Path
from kinerja.errors import InputError

#: Slopes smaller than this are treated as parallel lines (no crossing).
_PARALLEL = 1e-15


@dataclass(frozen=True)
class WeightStability:
    """The interval of one node's local weight that keeps the order of the top leaves.

    ``swaps_at_lower`` / ``swaps_at_upper`` name the pair of leaves (the one ranked higher
    now, the one that overtakes it) whose order changes first beyond each end; ``None`` when
    that end is 0 or 1 with the order still intact.
    """

    node_path: Path
    weight: float
    lower: float
    upper: float
    swaps_at_lower: tuple[Path, Path] | None
    swaps_at_upper: tuple[Path, Path] | None

    def as_dict(self) -> dict[str, Any]:
        def pair(swap: tuple[Path, Path] | None) -> list[list[str]] | None:
            return None if swap is None else [list(swap[0]), list(swap[1])]

        return {
            "node": list(self.node_path),
            "weight": self.weight,
            "lower": self.lower,
            "upper": self.upper,
            "swaps_at_lower": pair(self.swaps_at_lower),
            "swaps_at_upper": pair(self.swaps_at_upper),
        }


def sensitivity(result: HierarchyResult, top: int = 3) -> tuple[WeightStability, ...]:
    """Per node with siblings (depth-first): the local-weight interval keeping the top leaves' order.

    A node whose local weight is already 1 (its siblings all weigh 0) has no proportional
    rescaling of its siblings and is left out.
    """
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise InputError(
            "top", f"{top!r} is not a whole number >= 1", code="ahp.top_not_whole", params={"value": str(top)}
        )
    by_path = {node.path: node for node in result.nodes}
    leaves = result.leaves
    current = np.array([leaf.global_weight for leaf in leaves])
    order = sorted(range(len(leaves)), key=lambda i: -current[i])
    k = min(top, len(leaves))
    pairs = [(order[i], order[i + 1]) for i in range(k - 1)]
    pairs += [(order[k - 1], other) for other in order[k:]]
    stabilities = []
    for node in result.nodes[1:]:
        parent = by_path[node.path[:-1]]
        if len(parent.children) < 2 or node.local_weight >= 1.0:
            continue
        intercept, slope = _lines(node, parent, leaves, by_path)
        stabilities.append(_interval(node, leaves, pairs, intercept, slope))
    return tuple(stabilities)


def _lines(
    node: NodeResult, parent: NodeResult, leaves: tuple[NodeResult, ...], by_path: dict[Path, NodeResult]
) -> tuple[np.ndarray, np.ndarray]:
    """Intercepts and slopes of each leaf's global weight as a function of ``node``'s local weight."""
    intercept = np.empty(len(leaves))
    slope = np.zeros(len(leaves))
    depth, parent_depth = len(node.path), len(parent.path)
    for i, leaf in enumerate(leaves):
        if leaf.path[:depth] == node.path:
            below = np.prod(
                [by_path[leaf.path[:d]].local_weight for d in range(depth + 1, len(leaf.path) + 1)]
            )
            intercept[i], slope[i] = 0.0, parent.global_weight * float(below)
        elif leaf.path[:parent_depth] == parent.path:
            intercept[i] = leaf.global_weight / (1.0 - node.local_weight)
            slope[i] = -intercept[i]
        else:
            intercept[i] = leaf.global_weight
    return intercept, slope


def _interval(
    node: NodeResult,
    leaves: tuple[NodeResult, ...],
    pairs: list[tuple[int, int]],
    intercept: np.ndarray,
    slope: np.ndarray,
) -> WeightStability:
    weight = node.local_weight
    lower, upper = 0.0, 1.0
    swap_lower: tuple[Path, Path] | None = None
    swap_upper: tuple[Path, Path] | None = None
    for high, low in pairs:
        gap_slope = slope[high] - slope[low]
        if abs(gap_slope) < _PARALLEL:
            continue
        crossing = float(-(intercept[high] - intercept[low]) / gap_slope)
        swap = (leaves[high].path, leaves[low].path)
        if gap_slope > 0:  # the gap closes as the weight falls
            crossing = min(crossing, weight)
            if crossing > lower:
                lower, swap_lower = crossing, swap
        else:
            crossing = max(crossing, weight)
            if crossing < upper:
                upper, swap_upper = crossing, swap
    return WeightStability(
        node_path=node.path,
        weight=weight,
        lower=lower,
        upper=upper,
        swaps_at_lower=swap_lower,
        swaps_at_upper=swap_upper,
    )

"""A KPI hierarchy of any depth (goal -> perspectives -> indicators -> ...) weighted by AHP.

Input form (JSON or YAML), one object per node, the document itself being the root::

    {"name": "KPI",
     "children": [
        {"name": "Human Resources",
         "children": ["Attendance", "Work rotation"],
         "judgments": [["Attendance", "Work rotation", 3]]},
        {"name": "Production",
         "children": [{"name": "Output"}, {"name": "Operating time"}],
         "matrix": [[1, 2], ["1/2", 1]]},
        {"name": "Finance", "children": ["Turnover"]}],
     "weights": {"Human Resources": 0.5, "Production": 0.3, "Finance": 0.2}}

* ``name``: required, unique among its siblings. A child given as a bare string is a leaf.
* ``children``: the nodes below; a node without children is a leaf (an indicator).
* Among the children's names, one of: ``matrix`` (rows and columns in the children's
  order), ``judgments`` (``[X, Y, v]``, gaps allowed while all children stay connected) or
  ``weights`` (an object child -> local weight, >= 0, summing to 1 within 1e-6, for weights
  adopted from a published study). A node with one child needs none of them: its child's
  local weight is 1.

The global weight of a node is the product of the local weights down its path from the
root (Saaty 1980, *The Analytic Hierarchy Process*, ch. 2: hierarchic composition), so the
leaves' global weights sum to 1.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from kinerja.ahp.consistency import parse_custom_ri
from kinerja.ahp.parse import Comparison, parse_comparison
from kinerja.ahp.priorities import AhpResult, analyse
from kinerja.errors import InputError

#: How far given local weights may sum from 1.
WEIGHT_SUM_TOLERANCE = 1e-6

_JUDGMENT_KEYS = ("matrix", "judgments", "weights")

Path = tuple[str, ...]


@dataclass(frozen=True, eq=False)
class HierarchyNode:
    """A validated node: its children and how their local weights are given (if at all)."""

    name: str
    children: tuple[HierarchyNode, ...] = ()
    comparison: Comparison | None = None
    weights: tuple[float, ...] | None = None

    @property
    def is_leaf(self) -> bool:
        return not self.children


@dataclass(frozen=True, eq=False)
class NodeResult:
    """One node of an evaluated hierarchy.

    ``source`` says where the children's local weights come from: ``"judgments"`` (a
    matrix or judgments, analysed in ``ahp``), ``"weights"`` (given directly),
    ``"single"`` (one child, weight 1) or ``"leaf"`` (no children).
    """

    path: Path
    local_weight: float
    global_weight: float
    children: tuple[str, ...]
    child_weights: np.ndarray
    source: str
    ahp: AhpResult | None

    @property
    def name(self) -> str:
        return self.path[-1]

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def cr(self) -> float | None:
        """The consistency ratio of the node's judgments; None where there are none."""
        return self.ahp.cr if self.ahp is not None else None

    @property
    def consistent(self) -> bool:
        """False only for judgments whose CR exceeds the threshold."""
        return self.ahp.consistent if self.ahp is not None else True

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": list(self.path),
            "name": self.name,
            "leaf": self.is_leaf,
            "local_weight": self.local_weight,
            "global_weight": self.global_weight,
            "source": self.source,
            "weights": {name: float(w) for name, w in zip(self.children, self.child_weights, strict=True)},
            "cr": self.cr,
            "consistent": self.consistent,
            "ahp": self.ahp.as_dict() if self.ahp is not None else None,
        }


@dataclass(frozen=True, eq=False)
class HierarchyResult:
    """Every node's local and global weight, in depth-first input order (the root first)."""

    nodes: tuple[NodeResult, ...]
    method: str
    ri_table: str
    threshold: float | str

    @property
    def root(self) -> NodeResult:
        return self.nodes[0]

    @property
    def leaves(self) -> tuple[NodeResult, ...]:
        """The leaves (indicators) in input order; their global weights sum to 1."""
        return tuple(node for node in self.nodes if node.is_leaf)

    @property
    def consistent(self) -> bool:
        """True when every node's judgments are acceptably consistent."""
        return all(node.consistent for node in self.nodes)

    def node(self, path: Sequence[str]) -> NodeResult:
        """The node at ``path`` (names from the root, the root included)."""
        wanted = tuple(path)
        for node in self.nodes:
            if node.path == wanted:
                return node
        raise KeyError(wanted)

    def leaf_ranks(self) -> tuple[int, ...]:
        """Rank (1 = largest global weight) of each leaf, in input order; ties keep input order."""
        leaves = self.leaves
        order = sorted(range(len(leaves)), key=lambda i: -leaves[i].global_weight)
        ranks = [0] * len(leaves)
        for rank, index in enumerate(order, start=1):
            ranks[index] = rank
        return tuple(ranks)

    def as_dict(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "ri_table": self.ri_table,
            "threshold": self.threshold,
            "consistent": self.consistent,
            "nodes": [node.as_dict() for node in self.nodes],
            "leaves": [
                {
                    "path": list(leaf.path),
                    "name": leaf.name,
                    "global_weight": leaf.global_weight,
                    "rank": rank,
                }
                for leaf, rank in zip(self.leaves, self.leaf_ranks(), strict=True)
            ],
        }


def parse_hierarchy(data: Any, where: str = "") -> HierarchyNode:
    """Validate the nested form described in the module docstring into a :class:`HierarchyNode`.

    ``where`` prefixes every place: a bad judgment of the second perspective is reported at
    ``children[1].judgments[0][2]``.
    """
    if isinstance(data, str):
        if not data.strip():
            raise InputError(where.rstrip(".") or "name", "is an empty name", code="input.empty_name")
        return HierarchyNode(name=data)
    if not isinstance(data, Mapping):
        raise InputError(
            where.rstrip(".") or "input",
            "must be an object with a name (and children)",
            code="ahp.node_not_object",
        )
    name = data.get("name")
    if name is None:
        raise InputError(f"{where}name", "is missing", code="input.missing")
    if not isinstance(name, str) or not name.strip():
        raise InputError(
            f"{where}name",
            f"{name!r} is not a name (a non-empty string)",
            code="input.not_name",
            params={"value": repr(name)},
        )
    children = _parse_children(data, where)
    given = [key for key in _JUDGMENT_KEYS if key in data]
    if not children:
        if given:
            raise InputError(
                f"{where}{given[0]}",
                f"{name!r} has no children to compare",
                code="ahp.node_no_children",
                params={"name": name},
            )
        return HierarchyNode(name=name)
    names = tuple(child.name for child in children)
    if len(given) > 1:
        raise InputError(
            f"{where}{given[1]}",
            f"give one of {', '.join(_JUDGMENT_KEYS)}, not several",
            code="ahp.node_several_judgments",
            params={"choices": list(_JUDGMENT_KEYS)},
        )
    if not given:
        if len(children) > 1:
            raise InputError(
                f"{where}judgments",
                f"is missing: {name!r} has {len(children)} children; compare them with "
                "'judgments' or a 'matrix', or give their 'weights'",
                code="ahp.node_not_weighted",
                params={"name": name, "count": len(children)},
            )
        return HierarchyNode(name=name, children=children)
    if given[0] == "weights":
        return HierarchyNode(
            name=name, children=children, weights=_parse_weights(data["weights"], names, f"{where}weights")
        )
    if "criteria" in data and data["criteria"] != list(names):
        raise InputError(
            f"{where}criteria",
            "the children's names are the criteria: leave 'criteria' out or repeat them",
            code="ahp.node_criteria_given",
        )
    comparison = parse_comparison({given[0]: data[given[0]], "criteria": list(names)}, where=where)
    return HierarchyNode(name=name, children=children, comparison=comparison)


def _parse_children(data: Mapping[str, Any], where: str) -> tuple[HierarchyNode, ...]:
    raw = data.get("children", [])
    place = f"{where}children"
    if not isinstance(raw, Sequence) or isinstance(raw, str | bytes):
        raise InputError(place, "must be a list of nodes", code="ahp.children_not_list")
    children: list[HierarchyNode] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(raw):
        child = parse_hierarchy(item, f"{place}[{index}].")
        if child.name in seen:
            raise InputError(
                f"{place}[{index}].name",
                f"{child.name!r} is a duplicate of {place}[{seen[child.name]}]",
                code="ahp.duplicate_child",
                params={"name": child.name},
            )
        seen[child.name] = index
        children.append(child)
    return tuple(children)


def _parse_weights(raw: Any, names: tuple[str, ...], place: str) -> tuple[float, ...]:
    if not isinstance(raw, Mapping):
        raise InputError(
            place, "must be an object: child name -> local weight", code="ahp.weights_not_object"
        )
    for key in raw:
        if key not in names:
            raise InputError(
                f"{place}.{key}",
                f"{key!r} is not one of the children ({', '.join(names)})",
                code="ahp.weight_not_child",
                params={"name": key, "choices": list(names)},
            )
    values = []
    for name in names:
        if name not in raw:
            raise InputError(
                place, f"gives no weight for {name!r}", code="ahp.weight_missing", params={"name": name}
            )
        value = raw[name]
        if (
            isinstance(value, bool)
            or not isinstance(value, numbers.Real)
            or not math.isfinite(value)
            or value < 0
        ):
            raise InputError(
                f"{place}.{name}",
                f"{value!r} is not a number >= 0",
                code="ahp.weight_not_number",
                params={"name": name, "value": repr(value)},
            )
        values.append(float(value))
    total = math.fsum(values)
    if abs(total - 1.0) > WEIGHT_SUM_TOLERANCE:
        raise InputError(
            place,
            f"sum to {total!r}, not 1 (within {WEIGHT_SUM_TOLERANCE:g})",
            code="ahp.weights_sum",
            params={"sum": total, "tolerance": WEIGHT_SUM_TOLERANCE},
        )
    return tuple(values)


def evaluate_hierarchy(
    root: HierarchyNode,
    *,
    method: str = "eigenvector",
    ri_table: str = "saaty",
    threshold: float | str = 0.1,
    custom_ri: Mapping[object, object] | None = None,
    lambda_formula: str = "mean-ratio",
) -> HierarchyResult:
    """Analyse every node's judgments and compose global weights down the paths.

    ``ri_table``, ``custom_ri`` (one table for the whole tree, every judged node's size
    present: errors at ``ri.7``), ``threshold`` and ``lambda_formula`` are as in
    :func:`~kinerja.ahp.analyse`.
    """
    if ri_table == "custom":
        custom_ri = parse_custom_ri(custom_ri, _judged_sizes(root))
    options = {
        "method": method,
        "ri_table": ri_table,
        "threshold": threshold,
        "custom_ri": custom_ri,
        "lambda_formula": lambda_formula,
    }
    results: list[NodeResult] = []

    def visit(node: HierarchyNode, path: Path, local: float, global_: float, where: str) -> None:
        try:
            ahp = analyse(node.comparison, **options) if node.comparison is not None else None
        except InputError as error:
            raise error.at(f"{where}{error.where}") from None
        if ahp is not None:
            child_weights, source = np.asarray(ahp.weights, dtype=np.float64), "judgments"
        elif node.weights is not None:
            child_weights, source = np.array(node.weights), "weights"
        elif node.children:
            child_weights, source = np.ones(1), "single"
        else:
            child_weights, source = np.zeros(0), "leaf"
        child_weights.setflags(write=False)
        results.append(
            NodeResult(
                path=path,
                local_weight=local,
                global_weight=global_,
                children=tuple(child.name for child in node.children),
                child_weights=child_weights,
                source=source,
                ahp=ahp,
            )
        )
        for index, (child, weight) in enumerate(zip(node.children, child_weights, strict=True)):
            visit(
                child,
                (*path, child.name),
                float(weight),
                global_ * float(weight),
                f"{where}children[{index}].",
            )

    visit(root, (root.name,), 1.0, 1.0, "")
    return HierarchyResult(nodes=tuple(results), method=method, ri_table=ri_table, threshold=threshold)


def _judged_sizes(node: HierarchyNode) -> set[int]:
    """The sizes of every comparison in the tree (the random indices a custom table must hold)."""
    sizes = {node.comparison.n} if node.comparison is not None else set()
    for child in node.children:
        sizes |= _judged_sizes(child)
    return sizes

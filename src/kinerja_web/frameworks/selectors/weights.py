"""Weights of a framework, node by node, all computed by ``kinerja.ahp`` (two queries per framework)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja.ahp import (
    AhpResult,
    Expert,
    GroupResult,
    HierarchyResult,
    WeightStability,
    analyse,
    evaluate_hierarchy,
    group_priorities,
    parse_hierarchy,
)
from kinerja.ahp.group import consensus_words
from kinerja.ahp.sensitivity import sensitivity
from kinerja.errors import InputError
from kinerja_web.core_messages import core_message
from kinerja_web.frameworks.judgments import JudgmentError, parse_judgments, saaty_text, verbal_text
from kinerja_web.frameworks.models import ExpertJudgment, Framework, Node

#: Goepel's consensus words (kinerja.ahp.group.CONSENSUS_WORDS), translated.
CONSENSUS_LABELS = {
    "very high": gettext_lazy("very high"),
    "high": gettext_lazy("high"),
    "moderate": gettext_lazy("moderate"),
    "low": gettext_lazy("low"),
    "very low": gettext_lazy("very low"),
}


@dataclass(frozen=True)
class IndicatorWeight:
    """One indicator of a framework and its weight (what a scorecard row needs)."""

    node: Node
    perspective_node: Node
    local_weight: float
    global_weight_pct: float
    path: tuple[str, ...]


@dataclass(frozen=True)
class WeightProblem:
    """Why a node has no weights yet, in the users' words."""

    node: Node
    message: str

    def __str__(self) -> str:
        return f"{self.node.name}: {self.message}"


class FrameworkNotWeighted(Exception):
    """Some node of the framework has no weights yet (``problems`` says which and why)."""

    def __init__(self, framework: Framework, problems: Iterable[WeightProblem]) -> None:
        self.framework = framework
        self.problems = tuple(problems)
        detail = "; ".join(str(problem) for problem in self.problems)
        super().__init__(
            _("The framework “%(name)s” is not yet weighted: %(detail)s")
            % {
                "name": framework.name,
                "detail": detail,
            }
        )


@dataclass(frozen=True)
class SuggestionRow:
    """A core suggestion placed on the children: change the judgment of ``a`` vs ``b``.

    ``after`` is the measure the verdict follows after the change (CR, or the GCI for the
    geometric method), ``enough`` whether that reaches the limit; ``reverses``: the change turns
    "a over b" into "b over a" (or back).
    """

    a: Node
    b: Node
    current: float
    suggested: float
    cr_after: float
    reverses: bool = False
    gci_after: float | None = None
    enough: bool = False

    @property
    def after(self) -> float:
        return self.gci_after if self.gci_after is not None else self.cr_after

    @property
    def current_text(self) -> str:
        return saaty_text(self.current)

    @property
    def suggested_text(self) -> str:
        return saaty_text(self.suggested)

    @property
    def current_words(self) -> str:
        """The judgment now, on the verbal scale (in the user's language)."""
        return verbal_text(self.a.name, self.b.name, self.current)

    @property
    def suggested_words(self) -> str:
        return verbal_text(self.a.name, self.b.name, self.suggested)

    @property
    def preferred_after(self) -> Node:
        """The child preferred after the change (for a reversal: the one that was not)."""
        return self.a if self.suggested > 1 else self.b

    @property
    def field_name(self) -> str:
        return f"pair_{self.a.pk}_{self.b.pk}"


@dataclass(frozen=True)
class SuggestionSetRow:
    """Changes that together make the judgments consistent (the core's ``suggestion_sets``)."""

    changes: tuple[SuggestionRow, ...]
    cr_after: float
    gci_after: float | None = None

    @property
    def after(self) -> float:
        return self.gci_after if self.gci_after is not None else self.cr_after

    @property
    def size(self) -> int:
        return len(self.changes)

    @property
    def apply_value(self) -> str:
        """``pair_1_2=3;pair_2_3=1/5``: what the judgments page's button puts into the form."""
        return ";".join(f"{change.field_name}={change.suggested_text}" for change in self.changes)


@dataclass(frozen=True)
class Consistency:
    """What the page says about one result: the measure deciding (CR or GCI), its value and limit,
    and how the sets of changes were searched (``changes_needed`` None: no set of up to
    ``searched_up_to`` changes is enough, or the search was not run: ``searched`` False)."""

    result: AhpResult
    suggestions: tuple[SuggestionRow, ...]
    sets: tuple[SuggestionSetRow, ...]
    searched: bool

    @property
    def measure(self) -> str:
        return "GCI" if self.result.consistency_basis == "gci" else "CR"

    @property
    def value(self) -> float:
        result = self.result
        return (
            float(result.gci) if result.consistency_basis == "gci" and result.gci is not None else result.cr
        )

    @property
    def limit(self) -> float:
        result = self.result
        if result.consistency_basis == "gci" and result.gci_threshold is not None:
            return float(result.gci_threshold)
        return float(result.threshold)

    @property
    def single_enough(self) -> bool:
        return any(s.enough for s in self.suggestions)

    @property
    def changes_needed(self) -> int | None:
        return self.result.set_search.changes_needed

    @property
    def searched_up_to(self) -> int:
        return self.result.set_search.searched_up_to

    @property
    def exhaustive(self) -> bool:
        return self.result.set_search.exhaustive


def _consistency(result: AhpResult, by_name: dict[str, Node], searched: bool) -> Consistency:
    """The core's suggestions and sets of ``result``, placed on the children."""
    probe = Consistency(result, (), (), searched)
    limit = probe.limit
    suggestions = tuple(
        SuggestionRow(
            by_name[s.pair[0]],
            by_name[s.pair[1]],
            s.current,
            s.suggested,
            s.cr_after,
            reverses=s.reverses,
            gci_after=s.gci_after,
            enough=(s.gci_after if s.gci_after is not None else s.cr_after) <= limit,
        )
        for s in result.suggestions
    )
    sets = tuple(
        SuggestionSetRow(
            changes=tuple(
                SuggestionRow(
                    by_name[c.pair[0]],
                    by_name[c.pair[1]],
                    c.current,
                    c.suggested,
                    found.cr_after,
                    reverses=c.reverses,
                    gci_after=found.gci_after,
                    enough=True,
                )
                for c in found.changes
            ),
            cr_after=found.cr_after,
            gci_after=found.gci_after,
        )
        for found in result.suggestion_sets
    )
    return Consistency(result, suggestions, sets, searched)


def _needs_sets(result: AhpResult, by_name: dict[str, Node]) -> bool:
    """True when the result is inconsistent and no single suggested change reaches the limit."""
    return not result.consistent and not _consistency(result, by_name, False).single_enough


@dataclass(frozen=True)
class ExpertRow:
    judgment_set: ExpertJudgment
    weights: tuple[float, ...]
    cr: float
    consistent: bool


@dataclass(frozen=True)
class NodeAnalysis:
    """How a node's children are weighted.

    ``status``: ``"leaf"`` (an indicator), ``"single"`` (one child, weight 1), ``"adopted"``,
    ``"judgments"`` (experts' AHP) or ``"not_weighted"`` (``problem`` says why).
    """

    node: Node
    children: tuple[Node, ...]
    status: str
    weights: tuple[float, ...] | None = None
    group: GroupResult | None = None
    judgment_sets: tuple[ExpertJudgment, ...] = ()
    problem: str = ""
    threshold: float = 0.1
    suggestions: tuple[SuggestionRow, ...] = field(default=())
    check: Consistency | None = None

    @property
    def weighted(self) -> bool:
        return self.status in {"single", "adopted", "judgments"}

    @property
    def consistency(self) -> Consistency | None:
        return self.check

    @property
    def ahp(self) -> Any:
        """The aggregate's ``AhpResult`` (weights, lambda_max, CI, CR, suggestions), if judged."""
        return self.group.aggregate if self.group is not None else None

    @property
    def cr(self) -> float | None:
        """The aggregate's CR; None for an aggregate of priorities, which has no judgments to be
        consistent or not (:attr:`worst_expert` carries the verdict)."""
        if self.group is None or self.priorities_aggregated:
            return None
        return self.group.aggregate.cr

    @property
    def priorities_aggregated(self) -> bool:
        """The weights are the mean of the experts' priorities (AIP): a CR does not apply to them."""
        return self.group is not None and self.group.aggregation == Node.Aggregation.PRIORITIES

    @property
    def worst_expert(self) -> ExpertRow | None:
        """The expert with the highest CR (shown beside an aggregate of priorities)."""
        experts = self.experts
        return max(experts, key=lambda row: row.cr) if experts else None

    @property
    def consistent(self) -> bool:
        """False when the aggregate or any expert's judgments exceed the CR threshold."""
        if self.group is None:
            return True
        return self.group.aggregate.consistent and all(e.consistent for e in self.group.experts)

    @property
    def consensus(self) -> float | None:
        """Goepel's S* of the experts (1 for one expert)."""
        return self.group.consensus if self.group is not None else None

    @property
    def consensus_words(self) -> str:
        """Goepel's word for S* ("very high" ... "very low"), as the core gives it."""
        return consensus_words(self.group.consensus) if self.group is not None else ""

    @property
    def consensus_label(self) -> str:
        """:attr:`consensus_words` in the user's language."""
        return str(CONSENSUS_LABELS.get(self.consensus_words, self.consensus_words))

    @property
    def experts(self) -> tuple[ExpertRow, ...]:
        if self.group is None:
            return ()
        return tuple(
            ExpertRow(judgment_set, tuple(float(w) for w in result.weights), result.cr, result.consistent)
            for judgment_set, result in zip(self.judgment_sets, self.group.experts, strict=True)
        )

    def child_rows(self) -> list[tuple[Node, float | None]]:
        weights = self.weights or (None,) * len(self.children)
        return list(zip(self.children, weights, strict=True))


@dataclass(frozen=True)
class FrameworkWeights:
    """Every node of a framework in display order (depth-first, by position) with its weights."""

    framework: Framework
    nodes: tuple[Node, ...]
    depth: dict[int, int]
    analyses: dict[int, NodeAnalysis]
    local: dict[int, float | None]
    global_: dict[int, float | None]
    problems: tuple[WeightProblem, ...]
    hierarchy: HierarchyResult | None
    indicators: tuple[IndicatorWeight, ...]
    paths: dict[tuple[str, ...], Node]

    @property
    def weighted(self) -> bool:
        return not self.problems

    @property
    def inconsistent_nodes(self) -> tuple[Node, ...]:
        return tuple(
            node
            for node in self.nodes
            if self.analyses[node.pk].status == "judgments" and not self.analyses[node.pk].consistent
        )

    def rows(self) -> list[dict[str, Any]]:
        """For the tree: node, depth, local and global weight (fractions) and the node's analysis."""
        return [
            {
                "node": node,
                "depth": self.depth[node.pk],
                "local": self.local[node.pk],
                "global": self.global_[node.pk],
                "analysis": self.analyses[node.pk],
            }
            for node in self.nodes
        ]


def _tree(
    framework: Framework,
) -> tuple[Node | None, dict[int | None, list[Node]], dict[int, list[ExpertJudgment]]]:
    nodes = list(framework.nodes.order_by("position", "pk"))
    children: dict[int | None, list[Node]] = defaultdict(list)
    for node in nodes:
        children[node.parent_id].append(node)
    by_id = {node.pk: node for node in nodes}
    for node in nodes:  # parents without another query
        if node.parent_id is not None:
            node.parent = by_id[node.parent_id]
        node.framework = framework
    sets: dict[int, list[ExpertJudgment]] = defaultdict(list)
    for judgment_set in ExpertJudgment.objects.filter(node__framework=framework).order_by(
        "expert_name", "pk"
    ):
        judgment_set.node = by_id[judgment_set.node_id]
        sets[judgment_set.node_id].append(judgment_set)
    roots = children.get(None, [])
    return (roots[0] if roots else None), children, sets


def _analyse_node(
    node: Node,
    children: list[Node],
    sets: list[ExpertJudgment],
    framework: Framework,
    *,
    find_sets: bool = False,
) -> NodeAnalysis:
    """One node's weights. ``find_sets``: when no single change makes an inconsistent aggregate
    consistent, also search the smallest set of changes that does (the node page; the framework
    overview skips it, as the search costs up to half a second at n = 9)."""
    base = {"node": node, "children": tuple(children), "threshold": framework.threshold}
    if not children:
        if node.kind == Node.Kind.INDICATOR:
            return NodeAnalysis(status="leaf", **base)
        message = _("has no perspectives yet") if node.parent_id is None else _("has no indicators yet")
        return NodeAnalysis(status="not_weighted", problem=message, **base)
    if len(children) == 1:
        return NodeAnalysis(status="single", weights=(1.0,), **base)
    names = [child.name for child in children]
    if node.weight_mode == Node.WeightMode.ADOPTED:
        missing = [child.name for child in children if child.adopted_weight is None]
        if missing:
            return NodeAnalysis(
                status="not_weighted",
                problem=_("no adopted weight for %(names)s") % {"names": ", ".join(missing)},
                **base,
            )
        try:
            checked = parse_hierarchy(
                {
                    "name": node.name,
                    "children": names,
                    "weights": {c.name: c.adopted_weight for c in children},
                }
            )
        except InputError as error:
            return NodeAnalysis(
                status="not_weighted",
                problem=_("adopted weights: %s") % core_message(error),
                judgment_sets=tuple(sets),
                **base,
            )
        return NodeAnalysis(
            status="adopted", weights=tuple(checked.weights or ()), judgment_sets=tuple(sets), **base
        )
    if not sets:
        return NodeAnalysis(status="not_weighted", problem=_("no judgments yet"), **base)
    experts = []
    for judgment_set in sets:
        try:
            comparison = parse_judgments(children, judgment_set.judgments, strict=False)
        except JudgmentError as error:
            problem = _("judgments of %(expert)s are incomplete: %(problem)s") % {
                "expert": judgment_set.expert_name,
                "problem": error.message,
            }
            return NodeAnalysis(status="not_weighted", problem=problem, judgment_sets=tuple(sets), **base)
        experts.append(Expert(judgment_set.expert_name, float(judgment_set.expert_weight), comparison))
    options = framework.ahp_options()
    by_name = {child.name: child for child in children}
    try:
        group = group_priorities(names, experts, aggregation=node.aggregation, **options, search_sets=False)
        searched = find_sets and _needs_sets(group.aggregate, by_name)
        if searched:  # no single change is enough: the smallest set of changes that is
            group = group_priorities(
                names, experts, aggregation=node.aggregation, **options, search_sets=True
            )
    except InputError as error:  # the framework's own RI table lacks this size
        problem = _("the random-index table: %(problem)s") % {"problem": error}
        return NodeAnalysis(status="not_weighted", problem=problem, judgment_sets=tuple(sets), **base)
    check = _consistency(group.aggregate, by_name, searched)
    return NodeAnalysis(
        status="judgments",
        weights=tuple(float(w) for w in group.aggregate.weights),
        group=group,
        judgment_sets=tuple(sets),
        suggestions=check.suggestions,
        check=check,
        **base,
    )


def framework_weights(framework: Framework) -> FrameworkWeights:
    """Every node's analysis, local and global weights; global ones only once every node is weighted."""
    goal, children, sets = _tree(framework)
    ordered: list[Node] = []
    depth: dict[int, int] = {}
    analyses: dict[int, NodeAnalysis] = {}
    local: dict[int, float | None] = {}
    paths: dict[tuple[str, ...], Node] = {}
    problems: list[WeightProblem] = []

    def visit(node: Node, level: int, weight: float | None, path: tuple[str, ...]) -> dict[str, Any]:
        ordered.append(node)
        depth[node.pk] = level
        local[node.pk] = weight
        paths[path] = node
        analysis = _analyse_node(node, children.get(node.pk, []), sets.get(node.pk, []), framework)
        analyses[node.pk] = analysis
        if analysis.status == "not_weighted":
            problems.append(WeightProblem(node, analysis.problem))
        weights = analysis.weights or (None,) * len(analysis.children)
        spec: dict[str, Any] = {
            "name": node.name,
            "children": [
                visit(child, level + 1, child_weight, (*path, child.name))
                for child, child_weight in zip(analysis.children, weights, strict=True)
            ],
        }
        if len(analysis.children) > 1 and analysis.weights is not None:
            spec["weights"] = dict(zip([c.name for c in analysis.children], analysis.weights, strict=True))
        return spec

    if goal is None:
        return FrameworkWeights(framework, (), {}, {}, {}, {}, (), None, (), {})
    spec = visit(goal, 0, 1.0, (goal.name,))
    global_: dict[int, float | None] = {node.pk: None for node in ordered}
    hierarchy = None
    indicators: list[IndicatorWeight] = []
    if not problems:
        hierarchy = evaluate_hierarchy(parse_hierarchy(spec), **framework.ahp_options())
        for result in hierarchy.nodes:
            node = paths[result.path]
            global_[node.pk] = result.global_weight
            if result.is_leaf:
                indicators.append(
                    IndicatorWeight(
                        node=node,
                        perspective_node=node.parent,
                        local_weight=result.local_weight,
                        global_weight_pct=result.global_weight * 100.0,
                        path=result.path,
                    )
                )
    return FrameworkWeights(
        framework=framework,
        nodes=tuple(ordered),
        depth=depth,
        analyses=analyses,
        local=local,
        global_=global_,
        problems=tuple(problems),
        hierarchy=hierarchy,
        indicators=tuple(indicators),
        paths=paths,
    )


def framework_indicators(framework: Framework) -> list[IndicatorWeight]:
    """The indicators in display order with their global weight in percent (summing to 100).

    Raises :class:`FrameworkNotWeighted` while a node has no weights (no judgments, an expert's
    judgments leave a child uncompared, adopted weights missing); inconsistent judgments
    still give weights (their CR is a warning on the framework's pages).
    """
    weights = framework_weights(framework)
    if weights.problems or weights.hierarchy is None:
        problems = weights.problems or (
            (WeightProblem(weights.nodes[0], _("has no indicators yet")),) if weights.nodes else ()
        )
        raise FrameworkNotWeighted(framework, problems)
    return list(weights.indicators)


def inconsistent_nodes(framework: Framework) -> tuple[Node, ...]:
    """The nodes whose weights come from an inconsistent expert or aggregate (the framework's
    limit: CR, or GCI for the geometric method): every scorecard using the framework says so."""
    return framework_weights(framework).inconsistent_nodes


def node_analysis(node: Node, *, find_sets: bool = True) -> NodeAnalysis:
    """The weights of ``node``'s children: the group result (weights, CR, consistent, suggestions,
    consensus, each expert's CR), adopted weights, or why there are none yet.

    When no single change makes an inconsistent aggregate consistent, the smallest set of
    changes that does is searched too (``find_sets``)."""
    children = list(node.children.order_by("position", "pk"))
    sets = list(node.judgment_sets.order_by("expert_name", "pk"))
    return _analyse_node(node, children, sets, node.framework, find_sets=find_sets)


@dataclass(frozen=True)
class JudgmentsPreview:
    """The core's analysis of one expert's (unsaved) judgments: for the live CR of the judgments page."""

    result: AhpResult
    weights: list[tuple[Node, float]]
    suggestions: list[SuggestionRow]
    check: Consistency | None = None

    @property
    def consistency(self) -> Consistency:
        """The verdict's measure and limit, the suggestions and sets (built from ``result`` when a
        caller gave only the suggestions)."""
        if self.check is not None:
            return self.check
        return _consistency(self.result, {item.name: item for item, _weight in self.weights}, False)


def judgments_preview(node: Node, children: list[Node], judgments: Any) -> JudgmentsPreview:
    """Weights, lambda_max, CR and suggestions of ``judgments`` among ``children``, not saved.

    Raises :class:`~kinerja_web.frameworks.judgments.JudgmentError` (naming the pair) for bad input.
    """
    options = node.framework.ahp_options()
    comparison = parse_judgments(children, judgments)
    by_name = {child.name: child for child in children}
    try:
        # The set search (up to ~0.5 s at n = 9) runs only when no single change is enough.
        result = analyse(comparison, **options, search_sets=False)
        searched = _needs_sets(result, by_name)
        if searched:
            result = analyse(comparison, **options, search_sets=True)
    except InputError as error:  # the framework's own RI table lacks this size
        raise JudgmentError(str(_("The random-index table: %(problem)s") % {"problem": error})) from None
    check = _consistency(result, by_name, searched)
    return JudgmentsPreview(
        result=result,
        weights=list(zip(children, [float(w) for w in result.weights], strict=True)),
        suggestions=list(check.suggestions),
        check=check,
    )


@dataclass(frozen=True)
class StabilityRow:
    node: Node
    stability: WeightStability
    swaps_at_lower: tuple[Node, Node] | None
    swaps_at_upper: tuple[Node, Node] | None


def framework_sensitivity(framework: Framework, top: int = 3) -> list[StabilityRow]:
    """How far each local weight may move (others rescaled) before the order of the top indicators changes.

    Raises :class:`FrameworkNotWeighted` like :func:`framework_indicators`.
    """
    weights = framework_weights(framework)
    if weights.hierarchy is None:
        raise FrameworkNotWeighted(framework, weights.problems)
    rows = []
    for stability in sensitivity(weights.hierarchy, top=top):
        lower, upper = stability.swaps_at_lower, stability.swaps_at_upper
        rows.append(
            StabilityRow(
                node=weights.paths[stability.node_path],
                stability=stability,
                swaps_at_lower=(weights.paths[lower[0]], weights.paths[lower[1]]) if lower else None,
                swaps_at_upper=(weights.paths[upper[0]], weights.paths[upper[1]]) if upper else None,
            )
        )
    return rows


def corresponding_node(node: Node, framework: Framework) -> Node | None:
    """The node at the same path (names from the goal) in another version of its framework."""
    names = []
    current: Node | None = node
    while current is not None:
        names.append(current.name)
        current = current.parent
    found = framework.nodes.filter(parent__isnull=True, name=names[-1]).first()
    for name in reversed(names[:-1]):
        if found is None:
            return None
        found = found.children.filter(name=name).first()
    return found


def node_analysis_without(node: Node, judgment_set: ExpertJudgment) -> NodeAnalysis:
    """The weights of ``node``'s children if ``judgment_set`` were removed: the page that asks
    before removing an expert's judgments shows them beside today's."""
    children = list(node.children.order_by("position", "pk"))
    sets = list(node.judgment_sets.exclude(pk=judgment_set.pk).order_by("expert_name", "pk"))
    return _analyse_node(node, children, sets, node.framework)

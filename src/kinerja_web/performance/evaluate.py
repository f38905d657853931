"""Scorecards computed: the framework's weights, the targets and the actuals, scored by ``kinerja.scoring``.

No formula lives here. This module gathers the inputs of many scorecards in a constant number
of queries (one ``framework_indicators`` per framework, one query of targets, one
``records.measures.actuals_for`` per period for all its enterprises), builds the core's
``ScorecardInput`` (weights strict, each indicator's direction, realization capped at 100 %,
as the KPI paper does: Manggala et al. 2022, IOSR-JBM 24(9), Table 1; the rating bands of the
scorecard's program, ``programs.bands``) and calls ``kinerja.scoring.score_scorecard``.

The program's scoring options (``programs.Program``: the lower-is-better rule, the cap, what
the weights become when an indicator does not apply, how a composite target's parts combine)
reach the core through :class:`ScoringOptions`; each scorecard names them, and a closed one
keeps those it was closed with (``ScorecardResult.options``). An indicator marked not applicable
in the period (``Target.not_applicable``) is not scored 0; a target in parts (``Target.parts``,
Table 1's "20 molds and 6000 litres") is scored from its parts.

A scorecard that cannot be scored yet (a target missing, an actual not entered, a framework
without weights) is not an error page: each :class:`Line` says what is missing in ``problem``,
and :class:`Evaluation` has no ``result``. A closed period's scorecards are read from their
frozen :class:`~kinerja_web.performance.models.ScorecardResult`, never recomputed.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from kinerja.errors import InputError
from kinerja.scoring import (
    DEFAULT_BANDS,
    RATING_DIGITS,
    Band,
    IndicatorScore,
    PerspectiveScore,
    Rating,
    ScorecardInput,
    ScoreResult,
    score_scorecard,
)
from kinerja.scoring import Indicator as CoreIndicator
from kinerja.scoring import Part as CorePart
from kinerja_web.core_messages import core_message
from kinerja_web.performance.models import Period, Scorecard, ScorecardResult, Target

MANUAL = "manual"
#: Units that mean whole Rupiah: such targets and actuals are shown with ``|rupiah`` and typed
#: in a ``RupiahField``.
MONEY_UNITS = frozenset({"idr", "rp", "rp.", "rupiah"})
MONEY_SOURCES = frozenset({"sales_rp"})
#: The weight policy and cap of every scorecard (the paper's: weights sum to 100, cap 100 %).
WEIGHTS_POLICY = "strict"
CAP = 100


@dataclass(frozen=True)
class ScoringOptions:
    """The options a program scores with (``Program`` fields), as ``kinerja.scoring`` takes them.

    ``as_dict`` is what a frozen result stores and the scorecard names.
    """

    weights: str = WEIGHTS_POLICY
    cap: Decimal | None = Decimal(CAP)
    lower_rule: str = "ratio"
    not_applicable: str = "renormalize"
    composite: str = "mean"
    rating_digits: int | None = RATING_DIGITS

    @classmethod
    def of(cls, program: Any) -> ScoringOptions:
        """The options of ``program`` (the defaults for fields it lacks)."""
        return cls(
            cap=getattr(program, "score_cap", Decimal(CAP)),
            lower_rule=getattr(program, "lower_rule", "ratio") or "ratio",
            not_applicable=getattr(program, "not_applicable_policy", "renormalize") or "renormalize",
            composite=getattr(program, "composite_rule", "mean") or "mean",
        )

    @classmethod
    def from_dict(cls, data: Any) -> ScoringOptions:
        """The options a frozen result stored (results frozen before options existed: the defaults)."""
        if not isinstance(data, dict) or not data:
            return cls()
        cap = data.get("cap", CAP)
        return cls(
            weights=data.get("weights", WEIGHTS_POLICY),
            cap=None if cap is None else Decimal(str(cap)),
            lower_rule=data.get("lower_rule", "ratio"),
            not_applicable=data.get("not_applicable", "renormalize"),
            composite=data.get("composite", "mean"),
            rating_digits=data.get("rating_digits", RATING_DIGITS),
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "weights": self.weights,
            "cap": None if self.cap is None else _json_number(self.cap),
            "lower_rule": self.lower_rule,
            "not_applicable": self.not_applicable,
            "composite": self.composite,
            "rating_digits": self.rating_digits,
        }


DEFAULT_OPTIONS = ScoringOptions()


class ScorecardIncomplete(InputError):
    """The scorecard cannot be scored yet; ``problems`` name the rows."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("scorecard", "; ".join(problems))
        self.problems = tuple(problems)


@dataclass(frozen=True)
class IndicatorSpec:
    """An indicator of a framework with its global weight in percent (``None``: not weighted)."""

    node_id: int
    name: str
    perspective: str
    unit: str
    direction: str
    actual_source: str
    source_product: str
    weight: float | None

    @property
    def is_money(self) -> bool:
        return self.unit.strip().casefold() in MONEY_UNITS or self.actual_source in MONEY_SOURCES

    @property
    def from_records(self) -> bool:
        return self.actual_source != MANUAL


@dataclass(frozen=True)
class FrameworkIndicators:
    """A framework's indicators, and why they cannot be weighted (``""`` when they can)."""

    indicators: tuple[IndicatorSpec, ...]
    problem: str = ""


@dataclass(frozen=True)
class Line:
    """One row of the Table 1 layout. ``problem`` says why the row has no score ("" when it has)."""

    number: int
    node_id: int
    name: str
    perspective: str
    unit: str
    direction: str
    is_money: bool
    weight: float | None
    target: Decimal | int | float | None
    actual: Decimal | int | float | None
    actual_from: str  # "manual", "records" or "" (none)
    realization_given: Decimal | float | None
    realization: float | None = None
    realization_uncapped: float | None = None
    score: float | None = None
    problem: str = ""
    from_records: bool = False  # the indicator's actual comes from the records
    not_applicable: bool = False  # marked not applicable in this period: no score, not 0
    #: A composite target's parts: ``{"name", "unit", "target", "actual", "realization"}`` each.
    parts: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class PerspectiveBlock:
    name: str
    weight: float | None
    score: float | None
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Evaluation:
    """A scorecard's rows and, when every row could be scored, the core's result."""

    scorecard: Scorecard
    lines: tuple[Line, ...]
    result: ScoreResult | None
    problems: tuple[str, ...] = ()
    frozen: bool = False
    computed_at: datetime.datetime | None = None
    warnings: tuple[str, ...] = field(default=())
    options: ScoringOptions = DEFAULT_OPTIONS

    @property
    def complete(self) -> bool:
        return self.result is not None

    @property
    def total(self) -> float | None:
        return None if self.result is None else self.result.total

    @property
    def rating(self) -> Rating | None:
        return None if self.result is None else self.result.rating

    def all_problems(self) -> list[str]:
        """Scorecard-level problems, then each row's, naming the row."""
        rows = [
            _("Row %(number)s (%(name)s): %(problem)s")
            % {"number": ln.number, "name": ln.name, "problem": ln.problem}
            for ln in self.lines
            if ln.problem
        ]
        return [*self.problems, *rows]

    def perspectives(self) -> list[PerspectiveBlock]:
        """Rows grouped by perspective in display order, with the core's subtotals when scored."""
        subtotals = {}
        if self.result is not None:
            subtotals = {p.name: p for p in self.result.perspectives}
        blocks: dict[str, list[Line]] = {}
        for line in self.lines:
            blocks.setdefault(line.perspective, []).append(line)
        out = []
        for name, lines in blocks.items():
            sub = subtotals.get(name)
            weights = [ln.weight for ln in lines]
            weight = (
                sub.weight if sub else (None if None in weights else sum(w for w in weights if w is not None))
            )
            out.append(PerspectiveBlock(name, weight, sub.score if sub else None, tuple(lines)))
        return out


# ---------------------------------------------------------------------------------------------
# Inputs from the other apps


def framework_indicators(framework: Any) -> FrameworkIndicators:
    """The indicators of ``framework`` with global weights in percent, from ``frameworks.selectors``.

    While the framework is not weighted yet its indicators are still listed (without weights),
    so a scorecard page can show its rows and say what is missing.
    """
    from kinerja_web.frameworks import selectors as framework_selectors

    try:
        items = framework_selectors.framework_indicators(framework)
    except framework_selectors.FrameworkNotWeighted as error:
        return FrameworkIndicators(_unweighted_indicators(framework), str(error))
    specs = tuple(_spec(item.node, item.perspective_node, item.global_weight_pct) for item in items)
    if not specs:
        return FrameworkIndicators((), _("The framework has no indicators yet."))
    return FrameworkIndicators(specs)


def _spec(node: Any, perspective: Any, weight: float | None) -> IndicatorSpec:
    return IndicatorSpec(
        node_id=node.pk,
        name=node.name,
        perspective=getattr(perspective, "name", "") or "",
        unit=node.unit or "",
        direction=node.direction or "higher",
        actual_source=node.actual_source or MANUAL,
        source_product=node.source_product or "",
        weight=None if weight is None else float(weight),
    )


def _unweighted_indicators(framework: Any) -> tuple[IndicatorSpec, ...]:
    from kinerja_web.frameworks.models import Node

    nodes = Node.objects.filter(framework=framework, kind=Node.Kind.INDICATOR).select_related("parent")
    ordered = sorted(nodes, key=lambda n: (_position(n.parent), n.position, n.pk))
    return tuple(
        _spec(node, node.parent if node.parent and node.parent.parent_id else None, None) for node in ordered
    )


def _position(node: Any) -> tuple[int, int]:
    return (node.position, node.pk) if node is not None else (0, 0)


def record_actuals(
    enterprise_ids: Iterable[int],
    start: datetime.date,
    end: datetime.date,
    requests: Iterable[tuple[str, str]],
) -> dict[tuple[int, str, str], Decimal]:
    """``records.measures.actuals_for``: values of many enterprises in a constant number of queries."""
    from kinerja_web.records.measures import actuals_for

    requests = sorted(set(requests))
    if not requests:
        return {}
    return actuals_for(sorted(set(enterprise_ids)), start, end, requests)


# ---------------------------------------------------------------------------------------------
# Computing


def evaluate_scorecards(scorecards: Sequence[Scorecard]) -> dict[int, Evaluation]:
    """Each scorecard's :class:`Evaluation`, by scorecard id, in a constant number of queries.

    ``scorecards`` should come with ``period`` and ``framework`` selected (``select_related``).
    """
    closed = [s for s in scorecards if s.period.closed_at is not None]
    live = [s for s in scorecards if s.period.closed_at is None]
    evaluations: dict[int, Evaluation] = {}
    if closed:
        stored = {
            r.scorecard_id: r for r in ScorecardResult.objects.filter(scorecard__in=[s.pk for s in closed])
        }
        for scorecard in closed:
            result = stored.get(scorecard.pk)
            if result is None:  # closed before this scorecard existed: compute it, marked as live
                live.append(scorecard)
            else:
                evaluations[scorecard.pk] = evaluation_from_result(scorecard, result)
    if live:
        evaluations.update(_evaluate_live(live))
    return evaluations


def evaluate_scorecard(scorecard: Scorecard) -> Evaluation:
    return evaluate_scorecards([scorecard])[scorecard.pk]


def _evaluate_live(scorecards: Sequence[Scorecard]) -> dict[int, Evaluation]:
    indicators: dict[int, FrameworkIndicators] = {}
    for scorecard in scorecards:
        if scorecard.framework_id not in indicators:
            indicators[scorecard.framework_id] = framework_indicators(scorecard.framework)
    targets: dict[int, dict[int, Target]] = defaultdict(dict)
    for target in Target.objects.filter(scorecard__in=[s.pk for s in scorecards]):
        targets[target.scorecard_id][target.node_id] = target
    by_period: dict[int, list[Scorecard]] = defaultdict(list)
    for scorecard in scorecards:
        by_period[scorecard.period_id].append(scorecard)
    actuals: dict[int, dict[tuple[int, str, str], Decimal]] = {}
    for period_id, members in by_period.items():
        period = members[0].period
        requests = {
            (spec.actual_source, spec.source_product)
            for s in members
            for spec in indicators[s.framework_id].indicators
            if spec.from_records
        }
        enterprise_ids = [s.enterprise_id for s in members]
        actuals[period_id] = record_actuals(enterprise_ids, period.start, period.end, requests)
    bands = _program_bands(scorecards)
    options = _program_options(scorecards)
    return {
        s.pk: evaluate_inputs(
            s,
            indicators[s.framework_id],
            targets.get(s.pk, {}),
            actuals[s.period_id],
            bands[s.period.program_id],
            options[s.period.program_id],
        )
        for s in scorecards
    }


def _program_options(scorecards: Sequence[Scorecard]) -> dict[int, ScoringOptions]:
    """The scoring options of each scorecard's program: from loaded programs, else one query."""
    from kinerja_web.programs.models import Program

    options: dict[int, ScoringOptions] = {}
    for scorecard in scorecards:
        period = scorecard.period
        if period.program_id not in options and Period.program.is_cached(period):
            options[period.program_id] = ScoringOptions.of(period.program)
    missing = {s.period.program_id for s in scorecards} - set(options)
    for program in Program.objects.filter(pk__in=missing):
        options[program.pk] = ScoringOptions.of(program)
    return options


def _program_bands(scorecards: Sequence[Scorecard]) -> dict[int, tuple[Band, ...]]:
    """The rating bands of each scorecard's program (``programs.bands``): from the periods' programs
    where already loaded, else one query for the rest."""
    from kinerja_web.programs.bands import bands_by_program, program_bands

    bands: dict[int, tuple[Band, ...]] = {}
    for scorecard in scorecards:
        period = scorecard.period
        if period.program_id not in bands and Period.program.is_cached(period):
            bands[period.program_id] = program_bands(period.program)
    missing = {s.period.program_id for s in scorecards} - set(bands)
    bands.update(bands_by_program(missing))
    return bands


def evaluate_inputs(
    scorecard: Scorecard,
    framework: FrameworkIndicators,
    targets: dict[int, Target],
    actuals: dict[tuple[int, str, str], Decimal],
    bands: Sequence[Band] = DEFAULT_BANDS,
    options: ScoringOptions = DEFAULT_OPTIONS,
) -> Evaluation:
    """Build the core's input row by row (a row that cannot be built says why) and score it,
    rated with ``bands`` (the program's, see ``programs.bands``), with the program's ``options``."""
    lines: list[Line] = []
    core: list[CoreIndicator] = []
    for number, spec in enumerate(framework.indicators, start=1):
        target = targets.get(spec.node_id)
        line, indicator = _line(number, spec, target, scorecard.enterprise_id, actuals, options)
        lines.append(line)
        if indicator is not None:
            core.append(indicator)
    problems = [framework.problem] if framework.problem else []
    if problems or any(line.problem for line in lines):
        return Evaluation(scorecard, tuple(lines), None, tuple(problems), options=options)
    try:
        result = score_scorecard(
            ScorecardInput(tuple(core), tuple(bands)),
            weights=options.weights,
            cap=options.cap,
            not_applicable=options.not_applicable,
            rating_digits=options.rating_digits,
        )
    except InputError as error:
        return Evaluation(
            scorecard, tuple(lines), None, (_("The scorecard cannot be scored: %s") % core_message(error),)
        )
    scored = [_with_score(line, indicator) for line, indicator in zip(lines, result.indicators, strict=True)]
    return Evaluation(scorecard, tuple(scored), result, warnings=result.warnings, options=options)


def _line(
    number: int,
    spec: IndicatorSpec,
    target: Target | None,
    enterprise_id: int,
    actuals: dict[tuple[int, str, str], Decimal],
    options: ScoringOptions = DEFAULT_OPTIONS,
) -> tuple[Line, CoreIndicator | None]:
    if target is not None and (target.not_applicable or target.parts):
        return _special_line(number, spec, target, options)
    target_value = target.target if target else None
    given = target.manual_realization if target else None
    if spec.from_records:
        actual = actuals.get((enterprise_id, spec.actual_source, spec.source_product))
        actual_from = "records" if actual is not None else ""
    else:
        actual = target.manual_actual if target else None
        actual_from = "manual" if actual is not None else ""
    base = {
        "number": number,
        "node_id": spec.node_id,
        "name": spec.name,
        "perspective": spec.perspective,
        "unit": spec.unit,
        "direction": spec.direction,
        "is_money": spec.is_money,
        "weight": spec.weight,
        "target": target_value,
        "actual": actual,
        "actual_from": actual_from,
        "realization_given": given,
        "from_records": spec.from_records,
    }
    if spec.weight is None:
        return Line(**base, problem=_("no weight: the framework is not weighted yet")), None
    try:
        indicator = CoreIndicator(
            name=spec.name,
            weight=spec.weight,
            perspective=spec.perspective or None,
            unit=spec.unit or None,
            direction=spec.direction,
            target=target_value,
            actual=actual,
            realization=given,
        )
    except InputError as error:  # a missing target or actual, a zero target: the core decides
        return Line(**base, problem=core_message(error)), None
    return Line(**base), indicator


def _special_line(
    number: int, spec: IndicatorSpec, target: Target, options: ScoringOptions
) -> tuple[Line, CoreIndicator | None]:
    """The row of an indicator not applicable in the period, or of a target in parts."""
    parts = tuple(
        {"name": p.get("name"), "unit": p.get("unit"), "target": p.get("target"), "actual": p.get("actual")}
        for p in (target.parts or [])
    )
    line = Line(
        number=number,
        node_id=spec.node_id,
        name=spec.name,
        perspective=spec.perspective,
        unit=spec.unit,
        direction=spec.direction,
        is_money=spec.is_money,
        weight=spec.weight,
        target=None,
        actual=None,
        actual_from="manual" if parts else "",
        realization_given=target.manual_realization if parts else None,
        from_records=spec.from_records,
        not_applicable=target.not_applicable,
        parts=parts,
    )
    if spec.weight is None:
        return replace(line, problem=_("no weight: the framework is not weighted yet")), None
    try:
        indicator = CoreIndicator(
            name=spec.name,
            weight=spec.weight,
            perspective=spec.perspective or None,
            unit=spec.unit or None,
            direction=spec.direction,
            realization=None if target.not_applicable else target.manual_realization,
            lower_rule=options.lower_rule,
            applicable=not target.not_applicable,
            parts=None
            if target.not_applicable or not parts
            else tuple(
                CorePart(p["name"], Decimal(p["target"]), Decimal(p["actual"]), p["unit"]) for p in parts
            ),
            combine=options.composite,
        )
    except InputError as error:  # the core's rule, in the user's language
        from kinerja_web.core_messages import core_message

        return replace(line, problem=core_message(error)), None
    except (TypeError, ArithmeticError):  # a stored part that is not a number (edited outside the page)
        return replace(line, problem=_("A part of this target is not a number.")), None
    return line, indicator


def _with_score(line: Line, scored: IndicatorScore) -> Line:
    parts = line.parts
    if scored.parts:
        parts = tuple(
            {**part, "realization": s.realization} for part, s in zip(line.parts, scored.parts, strict=True)
        )
    return replace(
        line,
        weight=scored.weight,
        realization=scored.realization,
        realization_uncapped=scored.realization_uncapped,
        score=scored.score,
        parts=parts,
    )


# ---------------------------------------------------------------------------------------------
# Frozen results


def result_rows(evaluation: Evaluation) -> list[dict[str, Any]]:
    """The ``ScorecardResult.rows`` of a scored evaluation: the core's indicator dicts plus the node."""
    assert evaluation.result is not None
    rows = []
    for line, scored in zip(evaluation.lines, evaluation.result.indicators, strict=True):
        row = scored.as_dict()
        row.update(
            {
                "node": line.node_id,
                "number": line.number,
                "perspective": line.perspective,
                "unit": line.unit,
                "is_money": line.is_money,
                "actual_from": line.actual_from,
                "target": _json_number(line.target),
                "actual": _json_number(line.actual),
                "realization_given": _json_number(line.realization_given),
                "not_applicable": line.not_applicable,
                "parts": [dict(part) for part in line.parts] or None,
            }
        )
        rows.append(row)
    return rows


def _json_number(value: Any) -> int | float | None:
    if value is None:
        return None
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    if isinstance(value, int):
        return value
    return float(value)


def evaluation_from_result(scorecard: Scorecard, stored: ScorecardResult) -> Evaluation:
    """The frozen evaluation: rows and a :class:`ScoreResult` rebuilt from the stored JSON."""
    lines = []
    indicators = []
    for index, row in enumerate(stored.rows, start=1):
        lines.append(
            Line(
                number=row.get("number", index),
                node_id=row.get("node") or 0,
                name=row["name"],
                perspective=row.get("perspective") or "",
                unit=row.get("unit") or "",
                direction=row.get("direction", "higher"),
                is_money=bool(row.get("is_money")),
                weight=row["weight"],
                target=row.get("target"),
                actual=row.get("actual"),
                actual_from=row.get("actual_from", ""),
                realization_given=row.get("realization_given"),
                realization=row["realization"],
                realization_uncapped=row.get("realization_uncapped", row["realization"]),
                score=row["score"],
                not_applicable=bool(row.get("not_applicable")),
                parts=tuple(row.get("parts") or ()),
            )
        )
        indicators.append(
            IndicatorScore(
                name=row["name"],
                perspective=row.get("perspective") or None,
                direction=row.get("direction", "higher"),
                unit=row.get("unit") or None,
                weight=row["weight"],
                weight_given=row.get("weight_given", row["weight"]),
                target=row.get("target"),
                actual=row.get("actual"),
                realization=row["realization"],
                realization_uncapped=row.get("realization_uncapped", row["realization"]),
                realization_source=row.get("realization_source", "given"),
                capped=bool(row.get("capped")),
                score=row["score"],
                applicable=not row.get("not_applicable"),
                lower_rule=row.get("lower_rule", "ratio"),
                combine=row.get("combine"),
            )
        )
    options = ScoringOptions.from_dict(stored.options)
    band_min = next((b.min for b in DEFAULT_BANDS if b.code == stored.rating_code), 0)
    result = ScoreResult(
        indicators=tuple(indicators),
        perspectives=tuple(
            PerspectiveScore(name, float(v["weight"]), float(v["score"]))
            for name, v in stored.perspectives.items()
        ),
        total=stored.total,
        rating=Rating(stored.rating_code, stored.rating_label, stored.rating_label_id, band_min),
        weight_sum=stored.weight_sum,
        weight_sum_given=stored.weight_sum,
        weights_policy=options.weights,
        cap=None if options.cap is None else float(options.cap),
        warnings=tuple(stored.warnings or ()),
        not_applicable_policy=options.not_applicable,
        rating_digits=options.rating_digits,
    )
    return Evaluation(
        scorecard,
        tuple(lines),
        result,
        frozen=True,
        computed_at=stored.computed_at,
        warnings=tuple(stored.warnings or ()),
        options=options,
    )

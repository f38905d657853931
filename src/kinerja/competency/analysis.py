"""Combined levels, disagreement flags, gaps, roll-ups and development priorities.

The rules of ``kinerja competency`` (``shared/spec/CLI-CONTRACT.md``), for each person and
item rated at least once:

- ``combined``: the median of the sources' levels (with two sources, their mean), or with
  ``combine="mean"`` the mean, ``combine="min"`` the lowest (:func:`combine_levels`);
- ``flagged``: the highest and lowest source differ by at least ``flag`` levels (default 2);
- ``required``: the level the person's role requires, or None (then ``gap`` and ``surplus``
  are None and the pair enters no roll-up);
- ``gap = max(required - combined, 0)``, ``surplus = max(combined - required, 0)``.

Roll-ups: a person's ``area_gaps[area]`` is the mean gap over their items of that area with a
required level; ``items[code]`` the mean gap over the people with a required level for it,
how many have a gap and their share; ``areas[area].gap_total`` the sum of all gaps of the
area. Priorities: for every area with ``gap_total > 0`` and every lever its rule lists, an
action with ``priority = lever weight x gap_total``, sorted by priority, highest first (ties,
equal to 12 significant digits, by area, then lever, by name); a lever's priority is the sum
of its actions' priorities.
This is the competency paper's path from gaps to development strategy: the levers are its
six (training, leadership development, technology, networking, capital, monitoring and
evaluation) or any a program names, weighted by AHP.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from kinerja.competency.parse import Assessment, parse_assessment
from kinerja.errors import CompetencyError

__all__ = [
    "COMBINE_RULES",
    "Action",
    "AreaSummary",
    "CompetencyResult",
    "Flag",
    "ItemResult",
    "ItemSummary",
    "LeverSummary",
    "PersonResult",
    "analyse",
    "assess",
    "combine_levels",
    "result_as_json",
]

#: The rules that combine several sources' levels into one.
COMBINE_RULES: tuple[str, ...] = ("median", "mean", "min")


@dataclass(frozen=True)
class ItemResult:
    """One person's item: each source's level, the combined level, required level, gap, surplus.

    ``gap`` and ``surplus`` are None when ``required`` is; ``flagged`` marks sources that
    differ by the flag threshold or more.
    """

    item: str
    area: str
    sources: Mapping[str, int]
    combined: float
    required: int | None
    gap: float | None
    surplus: float | None
    flagged: bool


@dataclass(frozen=True)
class PersonResult:
    """One person's items (in the order of the input's items) and mean gap per area.

    ``area_gaps`` holds only areas where the person has an item with a required level.
    """

    id: str
    name: str | None
    role: str | None
    items: tuple[ItemResult, ...]
    area_gaps: Mapping[str, float]


@dataclass(frozen=True)
class ItemSummary:
    """One item over everyone rated on it.

    ``people_required`` counts the people with a required level for it; ``mean_gap``,
    ``share_with_gap`` (= ``people_with_gap / people_required``), ``mean_required`` and
    ``mean_combined`` are over them, None when there is nobody (the last two are the two axes
    of an importance-performance chart).
    """

    area: str
    mean_gap: float | None
    people_with_gap: int
    share_with_gap: float | None
    people_required: int
    mean_required: float | None
    mean_combined: float | None


@dataclass(frozen=True)
class AreaSummary:
    """One area: the sum of its gaps over all people and how many people have a gap in it."""

    gap_total: float
    people_with_gap: int


@dataclass(frozen=True)
class LeverSummary:
    """One lever: its weight (levers sum to 1) and priority (the sum of its actions' priorities)."""

    weight: float
    priority: float


@dataclass(frozen=True)
class Action:
    """Apply ``lever`` to ``area``: ``priority = weight x gap_total``; ``people`` have a gap there."""

    area: str
    lever: str
    gap_total: float
    priority: float
    people: tuple[str, ...]


@dataclass(frozen=True)
class Flag:
    """Sources that differ by the flag threshold or more on one person's item: discuss them."""

    person: str
    item: str
    sources: Mapping[str, int]


@dataclass(frozen=True)
class CompetencyResult:
    """Everything :func:`analyse` finds; nothing rounded.

    Fields mirror the JSON of ``kinerja competency --json`` (:func:`result_as_json`):
    ``people`` in input order, ``items`` and ``areas`` in input order, ``levers`` in the order
    given, ``actions`` highest priority first, ``flags`` in the order of ``people``.
    """

    combine: str
    flag: int
    scale: tuple[int, int]
    people: tuple[PersonResult, ...]
    items: Mapping[str, ItemSummary]
    areas: Mapping[str, AreaSummary]
    levers: Mapping[str, LeverSummary]
    lever_cr: float | None
    actions: tuple[Action, ...]
    flags: tuple[Flag, ...]
    warnings: tuple[str, ...]


def check_combine(combine: object) -> str:
    """``combine`` if it names a rule, else a :class:`CompetencyError` at ``combine``."""
    if combine not in COMBINE_RULES:
        raise CompetencyError(
            "combine",
            f"{combine!r} is not a rule; use one of {', '.join(COMBINE_RULES)}",
            code="competency.unknown_combine",
            params={"value": str(combine), "choices": list(COMBINE_RULES)},
        )
    return combine  # type: ignore[return-value]


def check_flag(flag: object) -> int:
    """``flag`` if it is a whole number >= 1, else a :class:`CompetencyError` at ``flag``."""
    if isinstance(flag, bool) or not isinstance(flag, int):
        raise CompetencyError(
            "flag",
            f"{flag!r} is not a whole number of levels",
            code="competency.flag_not_whole",
            params={"value": repr(flag)},
        )
    if flag < 1:
        raise CompetencyError(
            "flag", f"{flag} must be at least 1", code="competency.flag_too_small", params={"value": flag}
        )
    return flag


def combine_levels(levels: Iterable[float], rule: str = "median") -> float:
    """One level from several sources' levels.

    ``median`` (the middle level; with an even count the mean of the two middle ones, so
    with two sources their mean), ``mean`` or ``min`` (the lowest: a cautious reading).
    """
    check_combine(rule)
    values = [float(level) for level in levels]
    if not values:
        raise CompetencyError("levels", "is empty: at least one level is needed", code="competency.no_levels")
    if rule == "median":
        return float(statistics.median(values))
    if rule == "mean":
        return math.fsum(values) / len(values)
    return min(values)


def _mean(values: list[float]) -> float | None:
    return math.fsum(values) / len(values) if values else None


def analyse(assessment: Assessment, *, combine: str = "median", flag: int = 2) -> CompetencyResult:
    """Apply the contract's rules, roll-ups and priorities to a parsed assessment."""
    check_combine(combine)
    check_flag(flag)
    area_of = {item.code: item.area for item in assessment.items}
    item_order = {item.code: index for index, item in enumerate(assessment.items)}
    by_person: dict[str, dict[str, dict[str, int]]] = {person.id: {} for person in assessment.people}
    for rating in assessment.ratings:
        by_person[rating.person].setdefault(rating.item, {})[rating.source] = rating.level

    warnings = list(assessment.warnings)
    people: list[PersonResult] = []
    flags: list[Flag] = []
    # (item) -> [(gap, required, combined)] and (area) -> [(person, gap)], pairs with a required level
    item_pairs: dict[str, list[tuple[float, int, float]]] = {item.code: [] for item in assessment.items}
    area_pairs: dict[str, list[tuple[str, float]]] = {area: [] for area in assessment.areas}
    for index, person in enumerate(assessment.people):
        rated = by_person[person.id]
        if not rated:
            warnings.append(f"people[{index}] ({person.id}) has no ratings")
        role_levels = assessment.required.get(person.role, {}) if person.role is not None else {}
        results: list[ItemResult] = []
        person_area_gaps: dict[str, list[float]] = {}
        for code in sorted(rated, key=item_order.__getitem__):
            sources = rated[code]
            levels = list(sources.values())
            combined = combine_levels(levels, combine)
            flagged = max(levels) - min(levels) >= flag
            required = role_levels.get(code)
            gap = surplus = None
            if required is not None:
                gap = max(required - combined, 0.0)
                surplus = max(combined - required, 0.0)
                item_pairs[code].append((gap, required, combined))
                area_pairs[area_of[code]].append((person.id, gap))
                person_area_gaps.setdefault(area_of[code], []).append(gap)
            results.append(
                ItemResult(
                    item=code,
                    area=area_of[code],
                    sources=dict(sources),
                    combined=combined,
                    required=required,
                    gap=gap,
                    surplus=surplus,
                    flagged=flagged,
                )
            )
            if flagged:
                flags.append(Flag(person=person.id, item=code, sources=dict(sources)))
        area_gaps = {
            area: math.fsum(gaps) / len(gaps)
            for area in assessment.areas
            if (gaps := person_area_gaps.get(area))
        }
        people.append(
            PersonResult(
                id=person.id, name=person.name, role=person.role, items=tuple(results), area_gaps=area_gaps
            )
        )

    items: dict[str, ItemSummary] = {}
    for item in assessment.items:
        pairs = item_pairs[item.code]
        with_gap = sum(1 for gap, _, _ in pairs if gap > 0)
        items[item.code] = ItemSummary(
            area=item.area,
            mean_gap=_mean([gap for gap, _, _ in pairs]),
            people_with_gap=with_gap,
            share_with_gap=with_gap / len(pairs) if pairs else None,
            people_required=len(pairs),
            mean_required=_mean([float(required) for _, required, _ in pairs]),
            mean_combined=_mean([combined for _, _, combined in pairs]),
        )

    areas: dict[str, AreaSummary] = {}
    gapped_people: dict[str, tuple[str, ...]] = {}
    for area in assessment.areas:
        pairs_of_area = area_pairs[area]
        with_gap = {pid for pid, gap in pairs_of_area if gap > 0}
        gapped_people[area] = tuple(person.id for person in assessment.people if person.id in with_gap)
        areas[area] = AreaSummary(
            gap_total=math.fsum(gap for _, gap in pairs_of_area), people_with_gap=len(with_gap)
        )

    actions: list[Action] = []
    for area, levers in assessment.rules.items():
        gap_total = areas[area].gap_total
        if gap_total <= 0:
            continue
        for lever in levers:
            actions.append(
                Action(
                    area=area,
                    lever=lever,
                    gap_total=gap_total,
                    priority=assessment.levers[lever] * gap_total,
                    people=gapped_people[area],
                )
            )
    # Priorities equal to 12 significant digits are ties (float noise must not order them).
    actions.sort(key=lambda action: (-float(f"{action.priority:.12g}"), action.area, action.lever))
    if assessment.levers:
        for area in assessment.areas:
            if areas[area].gap_total > 0 and area not in assessment.rules:
                warnings.append(
                    f"rules: the area {area!r} has gaps (total {areas[area].gap_total:g}) "
                    "but no rule names a lever for it, so it gets no action"
                )
    levers = {
        name: LeverSummary(
            weight=weight, priority=math.fsum(action.priority for action in actions if action.lever == name)
        )
        for name, weight in assessment.levers.items()
    }
    return CompetencyResult(
        combine=combine,
        flag=flag,
        scale=assessment.scale,
        people=tuple(people),
        items=items,
        areas=areas,
        levers=levers,
        lever_cr=assessment.lever_cr,
        actions=tuple(actions),
        flags=tuple(flags),
        warnings=tuple(warnings),
    )


def assess(data: Mapping[str, Any], *, combine: str = "median", flag: int = 2) -> CompetencyResult:
    """:func:`parse_assessment` then :func:`analyse`: the whole of ``kinerja competency``."""
    check_combine(combine)
    check_flag(flag)
    return analyse(parse_assessment(data), combine=combine, flag=flag)


def result_as_json(result: CompetencyResult) -> dict[str, Any]:
    """The JSON object of ``kinerja competency --json``: the contract's keys (and a few more),
    plain JSON numbers, unrounded."""
    return {
        "combine": result.combine,
        "flag": result.flag,
        "scale": list(result.scale),
        "people": [
            {
                "id": person.id,
                "name": person.name,
                "role": person.role,
                "items": [
                    {
                        "item": item.item,
                        "area": item.area,
                        "sources": dict(item.sources),
                        "combined": item.combined,
                        "required": item.required,
                        "gap": item.gap,
                        "surplus": item.surplus,
                        "flagged": item.flagged,
                    }
                    for item in person.items
                ],
                "area_gaps": dict(person.area_gaps),
            }
            for person in result.people
        ],
        "items": {
            code: {
                "area": summary.area,
                "mean_gap": summary.mean_gap,
                "people_with_gap": summary.people_with_gap,
                "share_with_gap": summary.share_with_gap,
                "people_required": summary.people_required,
                "mean_required": summary.mean_required,
                "mean_combined": summary.mean_combined,
            }
            for code, summary in result.items.items()
        },
        "areas": {
            area: {"gap_total": summary.gap_total, "people_with_gap": summary.people_with_gap}
            for area, summary in result.areas.items()
        },
        "levers": {
            name: {"weight": summary.weight, "priority": summary.priority}
            for name, summary in result.levers.items()
        },
        "lever_cr": result.lever_cr,
        "actions": [
            {
                "area": action.area,
                "lever": action.lever,
                "gap_total": action.gap_total,
                "priority": action.priority,
                "people": list(action.people),
            }
            for action in result.actions
        ],
        "flags": [
            {"person": flag.person, "item": flag.item, "sources": dict(flag.sources)} for flag in result.flags
        ],
        "warnings": list(result.warnings),
    }

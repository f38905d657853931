"""Gaps and levels by group (enterprise, cluster, role) and the change between two rounds.

Heat maps need the mean gap per group and area (:func:`area_gaps_by`; people x areas is
already each person's ``area_gaps``); monitoring a later round against an earlier one needs
the mean combined level per area (:func:`area_levels`) and its change
(:func:`level_change`). Both read a :class:`~kinerja.competency.analysis.CompetencyResult`,
so the rules that made its levels and gaps are those of :mod:`kinerja.competency.analysis`.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from dataclasses import dataclass

from kinerja.competency.analysis import CompetencyResult

__all__ = ["AreaChange", "GroupAreaGap", "area_gaps_by", "area_levels", "level_change"]


@dataclass(frozen=True)
class GroupAreaGap:
    """One group's gap in one area.

    ``mean_gap`` over the group's (person, item) pairs of the area with a required level;
    ``people``: how many of the group's people have such a pair; ``people_with_gap``: how many
    of them have a gap > 0 in the area.
    """

    mean_gap: float
    people: int
    people_with_gap: int


@dataclass(frozen=True)
class AreaChange:
    """An area's level in two rounds; ``change = after - before``, None when either is missing."""

    before: float | None
    after: float | None
    change: float | None


def _area_order(result: CompetencyResult) -> dict[str, int]:
    order = {area: index for index, area in enumerate(result.areas)}
    for person in result.people:
        for item in person.items:
            order.setdefault(item.area, len(order))
    return order


def area_gaps_by(
    result: CompetencyResult, group_of: Mapping[str, Hashable]
) -> dict[Hashable, dict[str, GroupAreaGap]]:
    """Group (``group_of[person id]``) to area to :class:`GroupAreaGap`.

    Groups in the order their first person appears in ``result.people``, areas in the
    result's order; a group has an area only when some of its people have an item of it
    with a required level. People that ``group_of`` does not name are left out.
    """
    order = _area_order(result)
    gaps: dict[Hashable, dict[str, list[tuple[str, float]]]] = {}
    for person in result.people:
        if person.id not in group_of:
            continue
        group = gaps.setdefault(group_of[person.id], {})
        for item in person.items:
            if item.gap is not None:
                group.setdefault(item.area, []).append((person.id, item.gap))
    answer: dict[Hashable, dict[str, GroupAreaGap]] = {}
    for group, areas in gaps.items():
        answer[group] = {}
        for area in sorted(areas, key=order.__getitem__):
            pairs = areas[area]
            answer[group][area] = GroupAreaGap(
                mean_gap=math.fsum(gap for _, gap in pairs) / len(pairs),
                people=len({pid for pid, _ in pairs}),
                people_with_gap=len({pid for pid, gap in pairs if gap > 0}),
            )
    return answer


def area_levels(
    result: CompetencyResult, group_of: Mapping[str, Hashable] | None = None
) -> dict[Hashable | None, dict[str, float]]:
    """The mean combined level per area over every rated (person, item), per group.

    Without ``group_of`` everyone is one group, the key None. Required levels play no part:
    this is the level the round found, for comparing rounds. People that ``group_of`` does
    not name are left out.
    """
    order = _area_order(result)
    levels: dict[Hashable | None, dict[str, list[float]]] = {}
    for person in result.people:
        if group_of is None:
            key: Hashable | None = None
        elif person.id in group_of:
            key = group_of[person.id]
        else:
            continue
        for item in person.items:
            levels.setdefault(key, {}).setdefault(item.area, []).append(item.combined)
    answer: dict[Hashable | None, dict[str, float]] = {}
    for group, areas in levels.items():
        answer[group] = {
            area: math.fsum(areas[area]) / len(areas[area]) for area in sorted(areas, key=order.__getitem__)
        }
    return answer


def level_change(before: Mapping[str, float], after: Mapping[str, float]) -> dict[str, AreaChange]:
    """Each area's level before and after and ``after - before``; an area present on one side
    only has ``change`` None. Areas in the order of ``before``, then those new in ``after``."""
    answer: dict[str, AreaChange] = {}
    for area in [*before, *(area for area in after if area not in before)]:
        old, new = before.get(area), after.get(area)
        answer[area] = AreaChange(
            before=None if old is None else float(old),
            after=None if new is None else float(new),
            change=None if old is None or new is None else float(new) - float(old),
        )
    return answer

"""A competency assessment from raw input: the validated :class:`Assessment` the analysis takes.

The input is the JSON object of ``kinerja competency`` (``shared/spec/CLI-CONTRACT.md``)::

    {"scale": [1, 5],
     "items": [{"code": "M1", "area": "Management", "kind": "knowledge", "name": "Bookkeeping"}],
     "required": {"production": {"M1": 3}},
     "people": [{"id": "w1", "name": "Siti", "role": "production"}],
     "ratings": [{"person": "w1", "item": "M1", "source": "self", "level": 2}],
     "levers": {"weights": {"training": 2, "capital": 1}},
     "rules": {"Management": ["training", "capital"]}}

``scale`` defaults to ``[1, 5]``; ``required``, ``levers`` and ``rules`` may be left out (no
required level anywhere; no levers, so no actions). ``levers`` holds either ``weights`` (any
positive numbers, normalized to sum 1) or ``judgments`` (pairs as in ``kinerja ahp``,
optionally with ``criteria``, the lever names; without it the names in the order the
judgments first mention them), weighted by the principal eigenvector of
:mod:`kinerja.ahp` with its CR on Saaty's RI; inconsistent judgments (CR > 0.1) add a
warning rather than being refused. An optional ``areas`` list declares areas that have no
item yet, so that a rule may name them.

Every problem is a :class:`~kinerja.errors.CompetencyError` naming its place:
``ratings[3].level``, ``people[1].role``, ``rules.Management[0]``, ``levers.weights.capital``.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kinerja.ahp.parse import parse_comparison
from kinerja.ahp.priorities import analyse as ahp_analyse
from kinerja.errors import CompetencyError, InputError

__all__ = [
    "DEFAULT_SCALE",
    "KINDS",
    "LEVER_CR_THRESHOLD",
    "Assessment",
    "Item",
    "Person",
    "Rating",
    "parse_assessment",
]

#: The scale of levels when the input gives none.
DEFAULT_SCALE: tuple[int, int] = (1, 5)
#: Kinds of competency item (knowledge, skill, ability).
KINDS: tuple[str, ...] = ("knowledge", "skill", "ability")
#: Saaty's limit: lever judgments with a larger consistency ratio add a warning.
LEVER_CR_THRESHOLD = 0.1

_KEYS = ("scale", "items", "required", "people", "ratings", "levers", "rules", "areas")


@dataclass(frozen=True)
class Item:
    """One competency item: its code, area, kind (or None) and name (or None)."""

    code: str
    area: str
    kind: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class Person:
    """One assessed person: id, name (or None) and role (or None: no required level anywhere)."""

    id: str
    name: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class Rating:
    """One source's level for one person and item; ``index`` is its place in ``ratings``."""

    person: str
    item: str
    source: str
    level: int
    index: int = 0


@dataclass(frozen=True)
class Assessment:
    """A validated assessment.

    ``areas`` in order (declared ones first, then as the items first name them);
    ``required[role][item]`` the required level; ``levers`` lever name to its weight,
    normalized to sum 1 (empty without levers); ``lever_cr`` the CR of lever judgments (None
    for weights); ``rules[area]`` the levers that area's gaps call for; ``warnings`` what
    parsing noticed but did not refuse.
    """

    scale: tuple[int, int]
    items: tuple[Item, ...]
    people: tuple[Person, ...]
    ratings: tuple[Rating, ...]
    required: Mapping[str, Mapping[str, int]]
    areas: tuple[str, ...]
    levers: Mapping[str, float]
    lever_cr: float | None
    rules: Mapping[str, tuple[str, ...]]
    warnings: tuple[str, ...] = ()

    def item(self, code: str) -> Item:
        """The item of ``code`` (KeyError when there is none)."""
        for item in self.items:
            if item.code == code:
                return item
        raise KeyError(code)


def _fmt(value: object) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def _is_list(value: object) -> bool:
    return isinstance(value, Sequence) and not isinstance(value, str | bytes)


def _name(value: object, where: str, what: str) -> str:
    if not isinstance(value, str):
        raise CompetencyError(
            where,
            f"{_fmt(value)} is not {what} (a string)",
            code="input.not_text",
            params={"value": _fmt(value), "what": what},
        )
    if not value.strip():
        raise CompetencyError(where, f"is empty: give {what}", code="input.empty_text", params={"what": what})
    return value


def _whole(value: object, where: str, what: str) -> int:
    """A whole number: an int, or a float with no fraction (``3.0``); never a bool."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise CompetencyError(
            where,
            f"{_fmt(value)} is not {what} (a whole number)",
            code="competency.level_not_whole",
            params={"value": _fmt(value)},
        )
    if isinstance(value, numbers.Integral):
        return int(value)
    number = float(value)
    if not math.isfinite(number) or not number.is_integer():
        raise CompetencyError(
            where,
            f"{_fmt(value)} is not {what}: levels are whole numbers",
            code="competency.level_not_whole",
            params={"value": _fmt(value)},
        )
    return int(number)


def _level(value: object, where: str, scale: tuple[int, int]) -> int:
    level = _whole(value, where, "a level")
    low, high = scale
    if not low <= level <= high:
        raise CompetencyError(
            where,
            f"{level} is outside the scale {low}..{high}",
            code="competency.level_outside_scale",
            params={"value": level, "low": low, "high": high},
        )
    return level


def _parse_scale(data: Mapping[str, Any]) -> tuple[int, int]:
    if data.get("scale") is None:
        return DEFAULT_SCALE
    raw = data["scale"]
    if not _is_list(raw) or len(raw) != 2:
        raise CompetencyError(
            "scale",
            f"{_fmt(raw)} is not [lowest, highest], such as [1, 5]",
            code="competency.scale_not_pair",
            params={"value": _fmt(raw)},
        )
    low = _whole(raw[0], "scale[0]", "the lowest level")
    high = _whole(raw[1], "scale[1]", "the highest level")
    if low >= high:
        raise CompetencyError(
            "scale",
            f"[{low}, {high}]: the lowest level must be below the highest",
            code="competency.bad_scale",
            params={"low": low, "high": high},
        )
    return low, high


def _parse_items(data: Mapping[str, Any]) -> tuple[Item, ...]:
    if "items" not in data:
        raise CompetencyError(
            "items",
            "is missing: list the competency items (code, area, kind, name)",
            code="competency.items_missing",
        )
    raw = data["items"]
    if not _is_list(raw):
        raise CompetencyError("items", "must be a list of items", code="competency.items_not_list")
    items: list[Item] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(raw):
        place = f"items[{index}]"
        if not isinstance(entry, Mapping):
            raise CompetencyError(
                place, "must be an object with code, area, kind and name", code="competency.item_not_object"
            )
        if "code" not in entry:
            raise CompetencyError(f"{place}.code", "is missing", code="input.missing")
        code = _name(entry["code"], f"{place}.code", "an item code")
        if code in seen:
            raise CompetencyError(
                f"{place}.code",
                f"{code!r} is a duplicate of items[{seen[code]}].code",
                code="competency.duplicate_item",
                params={"code": code},
            )
        seen[code] = index
        if "area" not in entry:
            raise CompetencyError(
                f"{place}.area", "is missing: name the item's area", code="competency.area_missing"
            )
        area = _name(entry["area"], f"{place}.area", "an area name")
        kind = entry.get("kind")
        if kind is not None and kind not in KINDS:
            raise CompetencyError(
                f"{place}.kind",
                f"{_fmt(kind)} is not one of {', '.join(KINDS)}",
                code="competency.unknown_kind",
                params={"value": _fmt(kind), "choices": list(KINDS)},
            )
        name = entry.get("name")
        if name is not None and not isinstance(name, str):
            raise CompetencyError(
                f"{place}.name",
                f"{_fmt(name)} is not a name (a string)",
                code="input.not_name",
                params={"value": _fmt(name)},
            )
        items.append(Item(code=code, area=area, kind=kind, name=name))
    return tuple(items)


def _parse_areas(data: Mapping[str, Any], items: tuple[Item, ...]) -> tuple[str, ...]:
    areas: list[str] = []
    raw = data.get("areas")
    if raw is not None:
        if not _is_list(raw):
            raise CompetencyError("areas", "must be a list of area names", code="competency.areas_not_list")
        for index, name in enumerate(raw):
            area = _name(name, f"areas[{index}]", "an area name")
            if area in areas:
                raise CompetencyError(
                    f"areas[{index}]",
                    f"{area!r} is a duplicate",
                    code="competency.duplicate_area",
                    params={"name": area},
                )
            areas.append(area)
    for item in items:
        if item.area not in areas:
            areas.append(item.area)
    return tuple(areas)


def _parse_required(
    data: Mapping[str, Any], codes: Mapping[str, int], scale: tuple[int, int]
) -> dict[str, dict[str, int]] | None:
    raw = data.get("required")
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        raise CompetencyError(
            "required", "must be an object: role to {item code: level}", code="competency.required_not_object"
        )
    required: dict[str, dict[str, int]] = {}
    for role, levels in raw.items():
        place = f"required.{role}"
        _name(role, "required", "a role name")
        if levels is None:
            levels = {}
        if not isinstance(levels, Mapping):
            raise CompetencyError(
                place, "must be an object: item code to required level", code="competency.role_not_object"
            )
        required[role] = {}
        for code, value in levels.items():
            cell = f"{place}.{code}"
            if code not in codes:
                raise CompetencyError(
                    cell,
                    f"{_fmt(code)} is not an item code",
                    code="competency.unknown_item",
                    params={"value": _fmt(code)},
                )
            if value is not None:
                required[role][code] = _level(value, cell, scale)
    return required


def _parse_people(data: Mapping[str, Any], roles: Mapping[str, Any] | None) -> tuple[Person, ...]:
    if "people" not in data:
        raise CompetencyError(
            "people",
            "is missing: list the people assessed (id, name, role)",
            code="competency.people_missing",
        )
    raw = data["people"]
    if not _is_list(raw):
        raise CompetencyError("people", "must be a list of people", code="competency.people_not_list")
    people: list[Person] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(raw):
        place = f"people[{index}]"
        if not isinstance(entry, Mapping):
            raise CompetencyError(
                place, "must be an object with id, name and role", code="competency.person_not_object"
            )
        if "id" not in entry:
            raise CompetencyError(f"{place}.id", "is missing", code="input.missing")
        pid = _name(entry["id"], f"{place}.id", "a person id")
        if pid in seen:
            raise CompetencyError(
                f"{place}.id",
                f"{pid!r} is a duplicate of people[{seen[pid]}].id",
                code="competency.duplicate_person",
                params={"id": pid},
            )
        seen[pid] = index
        name = entry.get("name")
        if name is not None and not isinstance(name, str):
            raise CompetencyError(
                f"{place}.name",
                f"{_fmt(name)} is not a name (a string)",
                code="input.not_name",
                params={"value": _fmt(name)},
            )
        role = entry.get("role")
        if role is not None:
            role = _name(role, f"{place}.role", "a role")
            if roles is not None and role not in roles:
                known = ", ".join(roles) or "none"
                raise CompetencyError(
                    f"{place}.role",
                    f"{role!r} is not a role of required (roles: {known})",
                    code="competency.unknown_role",
                    params={"value": role, "choices": known},
                )
        people.append(Person(id=pid, name=name, role=role))
    return tuple(people)


def _parse_ratings(
    data: Mapping[str, Any], people: Mapping[str, int], codes: Mapping[str, int], scale: tuple[int, int]
) -> tuple[Rating, ...]:
    if "ratings" not in data:
        raise CompetencyError(
            "ratings",
            "is missing: list the ratings (person, item, source, level)",
            code="competency.ratings_missing",
        )
    raw = data["ratings"]
    if not _is_list(raw):
        raise CompetencyError("ratings", "must be a list of ratings", code="competency.ratings_not_list")
    ratings: list[Rating] = []
    seen: dict[tuple[str, str, str], int] = {}
    for index, entry in enumerate(raw):
        place = f"ratings[{index}]"
        if not isinstance(entry, Mapping):
            raise CompetencyError(
                place,
                "must be an object with person, item, source and level",
                code="competency.rating_not_object",
            )
        for key in ("person", "item", "source", "level"):
            if key not in entry:
                raise CompetencyError(f"{place}.{key}", "is missing", code="input.missing")
        person = _name(entry["person"], f"{place}.person", "a person id")
        if person not in people:
            raise CompetencyError(
                f"{place}.person",
                f"{person!r} is not the id of anyone in people",
                code="competency.unknown_person",
                params={"value": person},
            )
        item = _name(entry["item"], f"{place}.item", "an item code")
        if item not in codes:
            raise CompetencyError(
                f"{place}.item",
                f"{item!r} is not an item code",
                code="competency.unknown_item",
                params={"value": item},
            )
        source = _name(entry["source"], f"{place}.source", "a source name")
        level = _level(entry["level"], f"{place}.level", scale)
        key = (person, item, source)
        if key in seen:
            raise CompetencyError(
                place,
                f"{person!r} is already rated on {item!r} by {source!r} at ratings[{seen[key]}]",
                code="competency.rated_twice",
                params={"unit": f"{person}/{item}", "source": source},
            )
        seen[key] = index
        ratings.append(Rating(person=person, item=item, source=source, level=level, index=index))
    return tuple(ratings)


def _positive(value: object, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise CompetencyError(
            where, f"{_fmt(value)} is not a number", code="number.not_number", params={"value": _fmt(value)}
        )
    number = float(value)
    if not math.isfinite(number):
        raise CompetencyError(
            where,
            f"{_fmt(value)} is not a finite number",
            code="number.not_finite",
            params={"value": _fmt(value)},
        )
    if number <= 0:
        raise CompetencyError(
            where,
            f"{_fmt(value)} is not positive: lever weights must be > 0",
            code="competency.lever_weight_not_positive",
            params={"value": _fmt(value)},
        )
    return number


def _lever_names_of(judgments: object) -> list[str]:
    """Lever names in the order the judgments first mention them (AHP parsing checks the rest)."""
    names: list[str] = []
    if _is_list(judgments):
        for entry in judgments:  # type: ignore[union-attr]
            if _is_list(entry):
                for name in entry[:2]:
                    if isinstance(name, str) and name not in names:
                        names.append(name)
    return names


def _parse_levers(data: Mapping[str, Any]) -> tuple[dict[str, float], float | None, list[str]]:
    raw = data.get("levers")
    if raw is None:
        return {}, None, []
    if not isinstance(raw, Mapping):
        raise CompetencyError(
            "levers", "must be an object with weights or judgments", code="competency.levers_not_object"
        )
    has_weights, has_judgments = raw.get("weights") is not None, raw.get("judgments") is not None
    if has_weights and has_judgments:
        raise CompetencyError(
            "levers", "give either weights or judgments, not both", code="competency.levers_both"
        )
    if has_weights:
        weights = raw["weights"]
        if not isinstance(weights, Mapping):
            raise CompetencyError(
                "levers.weights",
                "must be an object: lever name to a positive weight",
                code="competency.lever_weights_not_object",
            )
        if not weights:
            raise CompetencyError(
                "levers.weights", "is empty: name at least one lever", code="competency.no_levers"
            )
        values: dict[str, float] = {}
        for name, value in weights.items():
            _name(name, "levers.weights", "a lever name")
            values[name] = _positive(value, f"levers.weights.{name}")
        total = math.fsum(values.values())
        return {name: value / total for name, value in values.items()}, None, []
    if not has_judgments:
        raise CompetencyError(
            "levers",
            "give weights (lever to a positive number) or judgments (pairs)",
            code="competency.levers_neither",
        )
    judgments = raw["judgments"]
    criteria = raw.get("criteria")
    if criteria is None:
        criteria = _lever_names_of(judgments)
        if _is_list(judgments) and not judgments:
            raise CompetencyError(
                "levers.judgments",
                "is empty: compare at least one pair of levers",
                code="competency.no_lever_judgments",
            )
    try:
        comparison = parse_comparison({"criteria": criteria, "judgments": judgments}, where="levers.")
        result = ahp_analyse(comparison, method="eigenvector", ri_table="saaty", threshold=LEVER_CR_THRESHOLD)
    except InputError as error:
        raise CompetencyError(error.where, error.problem, code=error.code, params=error.params) from error
    warnings = []
    if not result.consistent:
        advice = ""
        if result.suggestions:
            best = result.suggestions[0]
            advice = (
                f"; changing {best.pair[0]} against {best.pair[1]} from {best.current:.4g} "
                f"to {best.suggested:.4g} gives CR {best.cr_after:.3f}"
            )
        warnings.append(
            f"levers.judgments: the consistency ratio is {result.cr:.3f}, above {LEVER_CR_THRESHOLD}: "
            f"the lever weights rest on inconsistent judgments{advice}"
        )
    return result.weights_by_name(), float(result.cr), warnings


def _parse_rules(
    data: Mapping[str, Any], areas: tuple[str, ...], levers: Mapping[str, float]
) -> dict[str, tuple[str, ...]]:
    raw = data.get("rules")
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise CompetencyError(
            "rules", "must be an object: area to the list of its levers", code="competency.rules_not_object"
        )
    rules: dict[str, tuple[str, ...]] = {}
    for area, names in raw.items():
        place = f"rules.{area}"
        if area not in areas:
            raise CompetencyError(
                place,
                f"{_fmt(area)} is not an area of the items ({', '.join(areas)})",
                code="competency.unknown_area",
                params={"value": _fmt(area), "choices": list(areas)},
            )
        if not _is_list(names):
            raise CompetencyError(place, "must be a list of lever names", code="competency.rule_not_list")
        if not names:
            raise CompetencyError(
                place,
                "names no lever: list at least one, or leave the area out",
                code="competency.rule_empty",
            )
        chosen: list[str] = []
        for index, name in enumerate(names):
            cell = f"{place}[{index}]"
            lever = _name(name, cell, "a lever name")
            if lever not in levers:
                known = f"levers: {', '.join(levers)}" if levers else "the input has no levers"
                raise CompetencyError(
                    cell,
                    f"{lever!r} is not a lever ({known})",
                    code="competency.unknown_lever",
                    params={"value": lever, "choices": known},
                )
            if lever in chosen:
                raise CompetencyError(
                    cell, f"{lever!r} is listed twice", code="competency.lever_twice", params={"value": lever}
                )
            chosen.append(lever)
        rules[area] = tuple(chosen)
    return rules


def parse_assessment(data: Mapping[str, Any]) -> Assessment:
    """Validate the input of ``kinerja competency`` into an :class:`Assessment`.

    Raises :class:`~kinerja.errors.CompetencyError` at the first problem, naming its place.
    """
    if not isinstance(data, Mapping):
        raise CompetencyError(
            "input", "must be an object with items, people and ratings", code="competency.not_object"
        )
    scale = _parse_scale(data)
    items = _parse_items(data)
    codes = {item.code: index for index, item in enumerate(items)}
    areas = _parse_areas(data, items)
    required = _parse_required(data, codes, scale)
    people = _parse_people(data, required)
    ids = {person.id: index for index, person in enumerate(people)}
    ratings = _parse_ratings(data, ids, codes, scale)
    levers, lever_cr, warnings = _parse_levers(data)
    rules = _parse_rules(data, areas, levers)
    unknown = [key for key in data if key not in _KEYS]
    if unknown:
        warnings.append(
            f"ignored key(s) {', '.join(map(_fmt, unknown))}: the input's keys are {', '.join(_KEYS)}"
        )
    return Assessment(
        scale=scale,
        items=items,
        people=people,
        ratings=ratings,
        required=required or {},
        areas=areas,
        levers=levers,
        lever_cr=lever_cr,
        rules=rules,
        warnings=tuple(warnings),
    )

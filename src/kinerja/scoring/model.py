"""The validated input of a scorecard: indicators (and optional rating bands).

An :class:`Indicator` checks itself when it is made, so the web platform's forms and the
command's JSON and CSV readers share one set of rules; errors name the field (``weight``,
``target``), and :func:`kinerja.scoring.parse.parse_scorecard` prefixes the place
(``indicators[3].weight``). Realization % follows the KPI paper (Manggala et al. 2022,
IOSR-JBM 24(9), Table 1): actual / target x 100 when higher is better, target / actual x 100
when lower is better (``lower_rule`` ``ratio``, the paper's and the default).

Options a program chooses (the core's ``score_scorecard`` applies them; the scorecard names them):

- ``lower_rule`` ``linear``: (2 - actual / target) x 100, floored at 0. The ratio rule cannot
  score an actual of 0 (target / 0) and rewards a halving as much as the linear rule rewards
  reaching 0; the linear rule gives 100 % at the target, 200 % at 0 (the cap then makes it a
  perfect score), and 0 % at twice the target or more.
- ``applicable`` false: the indicator does not apply in this period (the paper's work rotation
  and temporary-worker attendance adjustment begin in the second month quarter, Manggala et al.
  2022, Discussion point 1): it needs no target or actual, is not scored 0, and its weight is
  handled by the scorecard's not-applicable policy.
- ``parts``: a composite target measured in parts, as Table 1's "adding production equipment and
  raw materials: 20 (molds) and 6000 litres": each :class:`Part` has its own target and actual;
  the indicator's realization combines the parts' by the rule ``combine`` (``mean`` of the parts'
  realizations, each capped first, or ``min``, the lowest).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from kinerja.errors import IndicatorError, InputError
from kinerja.scoring._exact import Number, check_number, exact
from kinerja.scoring.bands import DEFAULT_BANDS, Band, check_bands

DIRECTIONS: tuple[str, ...] = ("higher", "lower")
#: How a lower-is-better indicator is realized: ``ratio`` target / actual x 100 (the paper's),
#: ``linear`` (2 - actual / target) x 100 floored at 0.
LOWER_RULES: tuple[str, ...] = ("ratio", "linear")
#: How the parts of a composite target combine: the ``mean`` of their capped realizations, or
#: the lowest (``min``).
COMBINE_RULES: tuple[str, ...] = ("mean", "min")


def realization_of(
    target: Number, actual: Number, direction: str, lower_rule: str = "ratio"
) -> Fraction | None:
    """Realization % of ``actual`` against ``target``, exactly; ``None`` when the rule cannot give one.

    Higher is better: actual / target x 100. Lower is better: target / actual x 100 (``ratio``;
    ``None`` for an actual of 0) or max(2 - actual / target, 0) x 100 (``linear``).
    """
    if target is None or actual is None or target <= 0:
        return None
    target_exact, actual_exact = exact(target), exact(actual)
    if direction == "higher":
        return actual_exact / target_exact * 100
    if lower_rule == "linear":
        return max(2 - actual_exact / target_exact, Fraction(0)) * 100
    return target_exact / actual_exact * 100 if actual_exact > 0 else None


@dataclass(frozen=True)
class Part:
    """One measured part of a composite target (Table 1's "20 molds" or "6000 litres")."""

    name: str
    target: Number
    actual: Number
    unit: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", _text(self.name, "name", required=True))
        object.__setattr__(self, "unit", _text(self.unit, "unit"))
        for name in ("target", "actual"):
            value = check_number(getattr(self, name), name, error=IndicatorError)
            if value < 0:
                raise IndicatorError(
                    name,
                    f"must not be negative (it is {value})",
                    code="number.negative",
                    params={"value": str(value)},
                )
        if self.target == 0:
            raise IndicatorError(
                "target",
                "target is 0; a part's realization needs a positive target",
                code="score.target_zero",
            )


@dataclass(frozen=True)
class Indicator:
    """One KPI: ``weight`` in percent, and either ``realization`` (percent) or ``target`` and ``actual``.

    ``perspective`` groups indicators (Human Resources, Production, Finance); an empty one
    is ``None``. ``direction`` is ``"higher"`` (more is better, the default) or ``"lower"``.
    A ``target`` given beside a ``realization`` is kept for display; it is checked against
    the realization only when ``actual`` is given too. ``lower_rule``, ``applicable``,
    ``parts`` and ``combine``: see the module's docstring.
    """

    name: str
    weight: Number
    perspective: str | None = None
    unit: str | None = None
    direction: str = "higher"
    target: Number | None = None
    actual: Number | None = None
    realization: Number | None = None
    lower_rule: str = "ratio"
    applicable: bool = True
    parts: tuple[Part, ...] | None = None
    combine: str = "mean"

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", _text(self.name, "name", required=True))
        object.__setattr__(self, "perspective", _text(self.perspective, "perspective"))
        object.__setattr__(self, "unit", _text(self.unit, "unit"))
        self._check_direction()
        self._check_choice(
            "lower_rule", LOWER_RULES, "ratio (target / actual) or linear (2 - actual / target)"
        )
        self._check_choice("combine", COMBINE_RULES, "mean or min")
        if not isinstance(self.applicable, bool):
            raise IndicatorError(
                "applicable",
                f"must be true or false, not {self.applicable!r}",
                code="score.applicable_not_bool",
                params={"value": repr(self.applicable)},
            )
        weight = check_number(self.weight, "weight", error=IndicatorError)
        if weight < 0:
            raise IndicatorError(
                "weight",
                f"must not be negative (it is {weight})",
                code="number.negative",
                params={"value": str(weight)},
            )
        for name in ("target", "actual", "realization"):
            value = check_number(getattr(self, name), name, required=False, error=IndicatorError)
            if value is not None and value < 0:
                raise IndicatorError(
                    name,
                    f"must not be negative (it is {value})",
                    code="number.negative",
                    params={"value": str(value)},
                )
        if self.parts is not None:
            self._check_parts()
        elif self.realization is None and self.applicable:
            self._check_target_and_actual()

    def _check_choice(self, field_name: str, choices: tuple[str, ...], words: str) -> None:
        value = getattr(self, field_name)
        if not isinstance(value, str) or value.strip().lower() not in choices:
            raise IndicatorError(
                field_name,
                f"unknown {field_name.replace('_', ' ')} {value!r}; use {words}",
                code="score.unknown_rule",
                params={"field": field_name, "value": str(value), "choices": words},
            )
        object.__setattr__(self, field_name, value.strip().lower())

    def _check_parts(self) -> None:
        parts = tuple(self.parts or ())
        if len(parts) < 2:
            raise IndicatorError(
                "parts", "a composite target needs at least two parts", code="score.too_few_parts"
            )
        if self.target is not None or self.actual is not None:
            field_name = "target" if self.target is not None else "actual"
            raise IndicatorError(
                field_name,
                "give the target and actual of each part, not of the indicator",
                code="score.parts_and_totals",
            )
        seen: dict[str, int] = {}
        for index, part in enumerate(parts):
            if not isinstance(part, Part):
                raise IndicatorError(f"parts[{index}]", "must be a Part", code="score.not_part")
            key = part.name.casefold()
            if key in seen:
                raise IndicatorError(
                    f"parts[{index}].name",
                    f"{part.name!r} is already parts[{seen[key]}]",
                    code="score.duplicate_part",
                    params={"name": part.name},
                )
            seen[key] = index
            if self.direction == "lower" and self.lower_rule == "ratio" and part.actual == 0:
                raise IndicatorError(
                    f"parts[{index}].actual",
                    "actual is 0; for a 'lower is better' part realization = target / actual needs a "
                    "positive actual (or use the linear rule, where 0 is a perfect result)",
                    code="score.actual_zero_lower",
                )
        object.__setattr__(self, "parts", parts)

    def _check_direction(self) -> None:
        direction = self.direction
        if not isinstance(direction, str) or direction.strip().lower() not in DIRECTIONS:
            raise IndicatorError(
                "direction",
                f"unknown direction {direction!r}; use higher or lower (is better)",
                code="score.unknown_direction",
                params={"value": str(direction)},
            )
        object.__setattr__(self, "direction", direction.strip().lower())

    def _check_target_and_actual(self) -> None:
        target, actual = self.target, self.actual
        formula = "actual / target" if self.direction == "higher" else "target / actual"
        if target is None and actual is None:
            raise IndicatorError(
                "", "give either realization (percent) or both target and actual", code="score.no_realization"
            )
        if target is None:
            raise IndicatorError(
                "target",
                f"missing; realization = {formula} needs a target (or give realization)",
                code="score.target_missing",
                params={"formula": formula},
            )
        if actual is None:
            raise IndicatorError(
                "actual",
                f"missing; realization = {formula} needs an actual (or give realization)",
                code="score.actual_missing",
                params={"formula": formula},
            )
        if target == 0:
            if self.direction == "higher":
                raise IndicatorError(
                    "target",
                    "target is 0; realization = actual / target needs a positive target",
                    code="score.target_zero",
                )
            raise IndicatorError(
                "target",
                "target is 0; realization = target / actual would be 0 whatever the actual, so a "
                "'lower is better' indicator needs a positive target (or give realization)",
                code="score.target_zero_lower",
            )
        if actual == 0 and self.direction == "lower" and self.lower_rule == "ratio":
            raise IndicatorError(
                "actual",
                "actual is 0; for a 'lower is better' indicator realization = target / actual needs "
                "a positive actual (use the linear rule, where 0 is a perfect result, or give "
                "realization directly)",
                code="score.actual_zero_lower",
            )

    def computed_realization(self) -> Fraction | None:
        """Realization % from target and actual, exactly (uncapped; a composite's parts are combined
        uncapped, see :func:`kinerja.scoring.compute` for the capped combination); ``None`` when
        they cannot give one."""
        if self.parts:
            values = [realization_of(p.target, p.actual, self.direction, self.lower_rule) for p in self.parts]
            if any(value is None for value in values):
                return None
            return combine_parts(values, self.combine, None)  # type: ignore[arg-type]
        return realization_of(self.target, self.actual, self.direction, self.lower_rule)  # type: ignore[arg-type]


def combine_parts(values: list[Fraction], rule: str, cap: Fraction | None) -> Fraction:
    """A composite target's realization from its parts' (uncapped) realizations.

    ``mean``: the mean of the parts' realizations, each capped at ``cap`` first (so one part's
    surplus does not make up for another's shortfall); ``min``: the lowest part's.
    """
    if rule == "min":
        return min(values)
    capped = [min(value, cap) if cap is not None else value for value in values]
    return sum(capped, Fraction(0)) / len(capped)


@dataclass(frozen=True)
class ScorecardInput:
    """Indicators in input order (at least one, names unique within a perspective) and bands."""

    indicators: tuple[Indicator, ...]
    bands: tuple[Band, ...] = field(default=DEFAULT_BANDS)

    def __post_init__(self) -> None:
        indicators = tuple(self.indicators)
        if not indicators:
            raise InputError("indicators", "must list at least one indicator", code="score.no_indicators")
        seen: dict[tuple[str, str], int] = {}
        for index, indicator in enumerate(indicators):
            if not isinstance(indicator, Indicator):
                raise InputError(f"indicators[{index}]", "must be an Indicator", code="score.not_indicator")
            key = (indicator.perspective or "", indicator.name.casefold())
            if key in seen:
                within = (
                    f"perspective {indicator.perspective!r}" if indicator.perspective else "no perspective"
                )
                raise IndicatorError(
                    f"indicators[{index}].name",
                    f"{indicator.name!r} appears twice in {within} (first as indicators[{seen[key]}])",
                    code="score.duplicate_indicator",
                    params={"name": indicator.name},
                )
            seen[key] = index
        object.__setattr__(self, "indicators", indicators)
        object.__setattr__(self, "bands", check_bands(tuple(self.bands)))


def _text(value: object, field: str, *, required: bool = False) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise IndicatorError(
                field, "missing; give a non-empty text", code="input.empty_text", params={"what": field}
            )
        return None
    if not isinstance(value, str):
        raise IndicatorError(
            field,
            f"must be text, not {type(value).__name__}",
            code="input.not_text",
            params={"value": type(value).__name__, "what": field},
        )
    return value.strip()

"""The validated input of a scorecard: indicators (and optional rating bands).

An :class:`Indicator` checks itself when it is made, so the web platform's forms and the
command's JSON and CSV readers share one set of rules; errors name the field (``weight``,
``target``), and :func:`kinerja.scoring.parse.parse_scorecard` prefixes the place
(``indicators[3].weight``). Realization % follows the KPI paper (Manggala et al. 2022,
IOSR-JBM 24(9), Table 1): actual / target x 100 when higher is better, target / actual x 100
when lower is better.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from kinerja.errors import IndicatorError, InputError
from kinerja.scoring._exact import Number, check_number, exact
from kinerja.scoring.bands import DEFAULT_BANDS, Band, check_bands

DIRECTIONS: tuple[str, ...] = ("higher", "lower")


@dataclass(frozen=True)
class Indicator:
    """One KPI: ``weight`` in percent, and either ``realization`` (percent) or ``target`` and ``actual``.

    ``perspective`` groups indicators (Human Resources, Production, Finance); an empty one
    is ``None``. ``direction`` is ``"higher"`` (more is better, the default) or ``"lower"``.
    A ``target`` given beside a ``realization`` is kept for display; it is checked against
    the realization only when ``actual`` is given too.
    """

    name: str
    weight: Number
    perspective: str | None = None
    unit: str | None = None
    direction: str = "higher"
    target: Number | None = None
    actual: Number | None = None
    realization: Number | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", _text(self.name, "name", required=True))
        object.__setattr__(self, "perspective", _text(self.perspective, "perspective"))
        object.__setattr__(self, "unit", _text(self.unit, "unit"))
        self._check_direction()
        weight = check_number(self.weight, "weight", error=IndicatorError)
        if weight < 0:
            raise IndicatorError("weight", f"must not be negative (it is {weight})")
        for name in ("target", "actual", "realization"):
            value = check_number(getattr(self, name), name, required=False, error=IndicatorError)
            if value is not None and value < 0:
                raise IndicatorError(name, f"must not be negative (it is {value})")
        if self.realization is None:
            self._check_target_and_actual()

    def _check_direction(self) -> None:
        direction = self.direction
        if not isinstance(direction, str) or direction.strip().lower() not in DIRECTIONS:
            raise IndicatorError(
                "direction", f"unknown direction {direction!r}; use higher or lower (is better)"
            )
        object.__setattr__(self, "direction", direction.strip().lower())

    def _check_target_and_actual(self) -> None:
        target, actual = self.target, self.actual
        formula = "actual / target" if self.direction == "higher" else "target / actual"
        if target is None and actual is None:
            raise IndicatorError("", "give either realization (percent) or both target and actual")
        if target is None:
            raise IndicatorError(
                "target", f"missing; realization = {formula} needs a target (or give realization)"
            )
        if actual is None:
            raise IndicatorError(
                "actual", f"missing; realization = {formula} needs an actual (or give realization)"
            )
        if target == 0:
            if self.direction == "higher":
                raise IndicatorError(
                    "target", "target is 0; realization = actual / target needs a positive target"
                )
            raise IndicatorError(
                "target",
                "target is 0; realization = target / actual would be 0 whatever the actual, so a "
                "'lower is better' indicator needs a positive target (or give realization)",
            )
        if actual == 0 and self.direction == "lower":
            raise IndicatorError(
                "actual",
                "actual is 0; for a 'lower is better' indicator realization = target / actual needs "
                "a positive actual (give realization directly if 0 is a perfect result)",
            )

    def computed_realization(self) -> Fraction | None:
        """Realization % from target and actual, exactly; ``None`` when they cannot give one."""
        if self.target is None or self.actual is None or self.target <= 0:
            return None
        target, actual = exact(self.target), exact(self.actual)
        if self.direction == "higher":
            return actual / target * 100
        return target / actual * 100 if actual > 0 else None


@dataclass(frozen=True)
class ScorecardInput:
    """Indicators in input order (at least one, names unique within a perspective) and bands."""

    indicators: tuple[Indicator, ...]
    bands: tuple[Band, ...] = field(default=DEFAULT_BANDS)

    def __post_init__(self) -> None:
        indicators = tuple(self.indicators)
        if not indicators:
            raise InputError("indicators", "must list at least one indicator")
        seen: dict[tuple[str, str], int] = {}
        for index, indicator in enumerate(indicators):
            if not isinstance(indicator, Indicator):
                raise InputError(f"indicators[{index}]", "must be an Indicator")
            key = (indicator.perspective or "", indicator.name.casefold())
            if key in seen:
                within = (
                    f"perspective {indicator.perspective!r}" if indicator.perspective else "no perspective"
                )
                raise IndicatorError(
                    f"indicators[{index}].name",
                    f"{indicator.name!r} appears twice in {within} (first as indicators[{seen[key]}])",
                )
            seen[key] = index
        object.__setattr__(self, "indicators", indicators)
        object.__setattr__(self, "bands", check_bands(tuple(self.bands)))


def _text(value: object, field: str, *, required: bool = False) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise IndicatorError(field, "missing; give a non-empty text")
        return None
    if not isinstance(value, str):
        raise IndicatorError(field, f"must be text, not {type(value).__name__}")
    return value.strip()

"""Scores, perspective subtotals, the total and its rating: the KPI paper's Table 1 arithmetic.

Manggala, Prihatini and Fadah (2022), "Key Performance Indicators on the Performance of
Human Resources for MSMEs ...", IOSR-JBM 24(9), pp. 1-10, Table 1:

- realization % = actual / target x 100 (target / actual x 100 when lower is better),
  capped (the paper caps at 100 %);
- score = weight % x realization % / 100;
- total = sum of the scores, rated by bands (:mod:`kinerja.scoring.bands`).

The paper prints a total of 94.762 because it cut row scores to two decimals before adding;
computed exactly the total is 94.783484 (94.78). Kinerja computes exactly (rational
arithmetic on the numbers as written) and returns floats, rounding only for display.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from kinerja.errors import InputError
from kinerja.scoring._exact import Number, check_number, exact, plain, shown, to_float
from kinerja.scoring.bands import Rating, rate
from kinerja.scoring.model import Indicator, ScorecardInput

WEIGHT_POLICIES: tuple[str, ...] = ("strict", "normalize", "as-is")
#: ``strict`` accepts weights whose sum is this close to 100.
WEIGHT_TOLERANCE = Fraction(1, 100)
#: A given realization farther than this (percentage points) from actual / target is warned about.
REALIZATION_TOLERANCE = Fraction(1, 2)
#: The key of :attr:`ScoreResult.perspectives` for indicators without a perspective.
NO_PERSPECTIVE = ""


@dataclass(frozen=True)
class IndicatorScore:
    """One scored indicator. ``realization`` is the (capped) value the score used."""

    name: str
    perspective: str | None
    direction: str
    unit: str | None
    weight: float
    weight_given: float
    target: int | float | None
    actual: int | float | None
    realization: float
    realization_uncapped: float
    realization_source: str
    capped: bool
    score: float

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "perspective": self.perspective,
            "weight": self.weight,
            "realization": self.realization,
            "score": self.score,
            "weight_given": self.weight_given,
            "realization_uncapped": self.realization_uncapped,
            "realization_source": self.realization_source,
            "capped": self.capped,
            "direction": self.direction,
            "unit": self.unit,
            "target": self.target,
            "actual": self.actual,
        }


@dataclass(frozen=True)
class PerspectiveScore:
    """Summed weight and score of one perspective (``name`` ``""`` for indicators without one)."""

    name: str
    weight: float
    score: float

    def as_dict(self) -> dict[str, float]:
        return {"weight": self.weight, "score": self.score}


@dataclass(frozen=True)
class ScoreResult:
    """A scored scorecard; :meth:`as_dict` gives the keys of ``kinerja score --json``."""

    indicators: tuple[IndicatorScore, ...]
    perspectives: tuple[PerspectiveScore, ...]
    total: float
    rating: Rating
    weight_sum: float
    weight_sum_given: float
    weights_policy: str
    cap: float | None
    warnings: tuple[str, ...]

    def as_dict(self, locale: str = "en") -> dict[str, object]:
        """The contract's JSON object; the rating label in ``locale`` (``en`` or ``id``)."""
        return {
            "indicators": [indicator.as_dict() for indicator in self.indicators],
            "perspectives": {p.name: p.as_dict() for p in self.perspectives},
            "total": self.total,
            "rating": self.rating.as_dict(locale),
            "weight_sum": self.weight_sum,
            "warnings": list(self.warnings),
            "weight_sum_given": self.weight_sum_given,
            "weights_policy": self.weights_policy,
            "cap": self.cap,
        }


def score_scorecard(
    scorecard: ScorecardInput, *, weights: str = "strict", cap: Number | None = 100
) -> ScoreResult:
    """Score ``scorecard``.

    ``weights``: ``strict`` refuses weights whose sum is not 100 within 0.01 (an
    :class:`InputError` at ``indicators`` giving the sum); ``normalize`` rescales them to sum
    to 100; ``as-is`` scores with them unchanged. Both of the last two warn with the sum
    when it is not exactly 100. ``cap`` (percent, default 100; ``None`` for none) limits the
    realization a score uses.
    """
    policy = _check_policy(weights)
    cap_exact = _check_cap(cap)
    indicators = scorecard.indicators
    given = [exact(indicator.weight) for indicator in indicators]
    given_sum = sum(given, Fraction(0))
    used, warnings = _apply_policy(given, given_sum, policy)

    scored: list[IndicatorScore] = []
    subtotals: dict[str, list[Fraction]] = {}
    total = Fraction(0)
    for index, (indicator, weight) in enumerate(zip(indicators, used, strict=True)):
        where = f"indicators[{index}]"
        uncapped, source, warning = _realization(indicator, index)
        if warning:
            warnings.append(warning)
        realization = min(uncapped, cap_exact) if cap_exact is not None else uncapped
        score = weight * realization / 100
        total += score
        subtotal = subtotals.setdefault(indicator.perspective or NO_PERSPECTIVE, [Fraction(0), Fraction(0)])
        subtotal[0] += weight
        subtotal[1] += score
        scored.append(
            IndicatorScore(
                name=indicator.name,
                perspective=indicator.perspective,
                direction=indicator.direction,
                unit=indicator.unit,
                weight=to_float(weight, where),
                weight_given=to_float(given[index], where),
                target=plain(indicator.target),
                actual=plain(indicator.actual),
                realization=to_float(realization, where),
                realization_uncapped=to_float(uncapped, where),
                realization_source=source,
                capped=realization < uncapped,
                score=to_float(score, where),
            )
        )
    return ScoreResult(
        indicators=tuple(scored),
        perspectives=tuple(
            PerspectiveScore(name, to_float(w, "indicators"), to_float(s, "indicators"))
            for name, (w, s) in subtotals.items()
        ),
        total=to_float(total, "indicators"),
        rating=rate(total, scorecard.bands),
        weight_sum=to_float(sum(used, Fraction(0)), "indicators"),
        weight_sum_given=to_float(given_sum, "indicators"),
        weights_policy=policy,
        cap=None if cap_exact is None else float(cap_exact),
        warnings=tuple(warnings),
    )


def _check_policy(policy: object) -> str:
    if policy not in WEIGHT_POLICIES:
        raise InputError("weights", f"unknown weight policy {policy!r}; use strict, normalize or as-is")
    return policy  # type: ignore[return-value]


def _check_cap(cap: object) -> Fraction | None:
    if cap is None:
        return None
    value = check_number(cap, "cap")
    if value <= 0:
        raise InputError("cap", f"must be a positive percentage, or none for no cap (it is {value})")
    return exact(value)


def _apply_policy(
    given: list[Fraction], given_sum: Fraction, policy: str
) -> tuple[list[Fraction], list[str]]:
    if policy == "strict":
        if abs(given_sum - 100) > WEIGHT_TOLERANCE:
            raise InputError(
                "indicators",
                f"weights sum to {shown(given_sum)}, not 100 (allowed difference 0.01); correct them, "
                "or use the weight policy normalize (rescale to 100) or as-is",
            )
        return list(given), []
    if given_sum == 100:
        return list(given), []
    if policy == "normalize":
        if given_sum == 0:
            raise InputError("indicators", "every weight is 0, so the weights cannot be rescaled to 100")
        note = f"weights sum to {shown(given_sum)}, not 100; rescaled to sum to 100 (policy normalize)"
        return [weight * 100 / given_sum for weight in given], [note]
    note = (
        f"weights sum to {shown(given_sum)}, not 100; scored with the weights as given (policy as-is), "
        f"so the highest possible total is {shown(given_sum)} at a cap of 100"
    )
    return list(given), [note]


def _realization(indicator: Indicator, index: int) -> tuple[Fraction, str, str | None]:
    """(uncapped realization, "given" or "computed", a warning or None)."""
    computed = indicator.computed_realization()
    if indicator.realization is None:
        assert computed is not None  # Indicator guarantees target and actual can give one
        return computed, "computed", None
    given = exact(indicator.realization)
    warning = None
    if computed is not None and abs(computed - given) > REALIZATION_TOLERANCE:
        formula = "actual / target" if indicator.direction == "higher" else "target / actual"
        warning = (
            f"indicators[{index}] ({indicator.name}): realization {shown(given)} is given, but {formula} "
            f"gives {shown(computed)}; the given realization is used"
        )
    return given, "given", warning

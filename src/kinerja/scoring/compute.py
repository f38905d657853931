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

The rating is given to the total as it is displayed: rounded half up to ``rating_digits``
decimals (2, as every page and table shows it), so a total of 90.999 reads "91,00 Sangat
Baik", never "91,00 Baik" (``rating_digits=None`` rates the exact total). ``total_rated`` says
which number was rated.

Indicators that do not apply in a period (``Indicator.applicable`` false) are not scored 0:
their weight is left out and the others' follow ``not_applicable``: ``renormalize`` (the
default) rescales them in proportion so that they sum to what all the weights summed to (100
under the strict policy), ``as-is`` keeps them (the highest possible total is then their sum).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from kinerja.errors import InputError
from kinerja.scoring._exact import Number, check_number, exact, plain, shown, to_float
from kinerja.scoring.bands import Rating, rate
from kinerja.scoring.model import Indicator, ScorecardInput, combine_parts, realization_of

WEIGHT_POLICIES: tuple[str, ...] = ("strict", "normalize", "as-is")
#: What happens to the weights of a period in which some indicators do not apply.
NOT_APPLICABLE_POLICIES: tuple[str, ...] = ("renormalize", "as-is")
#: The rating is given to the total rounded to this many decimals (as displayed).
RATING_DIGITS = 2
#: ``strict`` accepts weights whose sum is this close to 100.
WEIGHT_TOLERANCE = Fraction(1, 100)
#: A given realization farther than this (percentage points) from actual / target is warned about.
REALIZATION_TOLERANCE = Fraction(1, 2)
#: The key of :attr:`ScoreResult.perspectives` for indicators without a perspective.
NO_PERSPECTIVE = ""


@dataclass(frozen=True)
class PartScore:
    """One part of a composite target: its target, actual and (uncapped) realization."""

    name: str
    unit: str | None
    target: int | float
    actual: int | float
    realization: float

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "unit": self.unit,
            "target": self.target,
            "actual": self.actual,
            "realization": self.realization,
        }


@dataclass(frozen=True)
class IndicatorScore:
    """One scored indicator. ``realization`` is the (capped) value the score used.

    An indicator that does not apply (``applicable`` false) has weight 0 and ``None`` as its
    realization and score; ``weight_given`` keeps its weight.
    """

    name: str
    perspective: str | None
    direction: str
    unit: str | None
    weight: float
    weight_given: float
    target: int | float | None
    actual: int | float | None
    realization: float | None
    realization_uncapped: float | None
    realization_source: str
    capped: bool
    score: float | None
    applicable: bool = True
    lower_rule: str = "ratio"
    parts: tuple[PartScore, ...] = ()
    combine: str | None = None

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
            "applicable": self.applicable,
            "lower_rule": self.lower_rule,
            "parts": [part.as_dict() for part in self.parts] if self.parts else None,
            "combine": self.combine,
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
    not_applicable_policy: str = "renormalize"
    total_rated: float | None = None
    rating_digits: int | None = RATING_DIGITS

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
            "not_applicable_policy": self.not_applicable_policy,
            "not_applicable": [i.name for i in self.indicators if not i.applicable],
            "total_rated": self.total if self.total_rated is None else self.total_rated,
            "rating_digits": self.rating_digits,
        }


def score_scorecard(
    scorecard: ScorecardInput,
    *,
    weights: str = "strict",
    cap: Number | None = 100,
    not_applicable: str = "renormalize",
    rating_digits: int | None = RATING_DIGITS,
) -> ScoreResult:
    """Score ``scorecard``.

    ``weights``: ``strict`` refuses weights whose sum is not 100 within 0.01 (an
    :class:`InputError` at ``indicators`` giving the sum); ``normalize`` rescales them to sum
    to 100; ``as-is`` scores with them unchanged. Both of the last two warn with the sum
    when it is not exactly 100. ``cap`` (percent, default 100; ``None`` for none) limits the
    realization a score uses. ``not_applicable``: ``renormalize`` or ``as-is``, the weights of
    the others when some indicators do not apply (module docstring). ``rating_digits``: the
    total is rated as rounded half up to this many decimals (``None``: exactly).
    """
    policy = _check_policy(weights)
    cap_exact = _check_cap(cap)
    if not_applicable not in NOT_APPLICABLE_POLICIES:
        raise InputError(
            "not_applicable",
            f"unknown not-applicable policy {not_applicable!r}; use renormalize or as-is",
            code="score.unknown_not_applicable_policy",
            params={"value": str(not_applicable)},
        )
    if rating_digits is not None and (
        isinstance(rating_digits, bool) or not isinstance(rating_digits, int) or not 0 <= rating_digits <= 6
    ):
        raise InputError(
            "rating_digits",
            f"must be a whole number from 0 to 6, or none, not {rating_digits!r}",
            code="score.bad_rating_digits",
            params={"value": repr(rating_digits)},
        )
    indicators = scorecard.indicators
    given = [exact(indicator.weight) for indicator in indicators]
    given_sum = sum(given, Fraction(0))
    used, warnings = _apply_policy(given, given_sum, policy)
    used = _apply_not_applicable(indicators, used, not_applicable, warnings)

    scored: list[IndicatorScore] = []
    subtotals: dict[str, list[Fraction]] = {}
    total = Fraction(0)
    for index, (indicator, weight) in enumerate(zip(indicators, used, strict=True)):
        where = f"indicators[{index}]"
        subtotal = subtotals.setdefault(indicator.perspective or NO_PERSPECTIVE, [Fraction(0), Fraction(0)])
        common = {
            "name": indicator.name,
            "perspective": indicator.perspective,
            "direction": indicator.direction,
            "unit": indicator.unit,
            "weight_given": to_float(given[index], where),
            "target": plain(indicator.target),
            "actual": plain(indicator.actual),
            "lower_rule": indicator.lower_rule,
            "combine": indicator.combine if indicator.parts else None,
        }
        if not indicator.applicable:
            scored.append(
                IndicatorScore(
                    **common,
                    weight=0.0,
                    realization=None,
                    realization_uncapped=None,
                    realization_source="not applicable",
                    capped=False,
                    score=None,
                    applicable=False,
                )
            )
            continue
        uncapped, realization, source, warning, parts = _realization(indicator, index, cap_exact)
        if warning:
            warnings.append(warning)
        score = weight * realization / 100
        total += score
        subtotal[0] += weight
        subtotal[1] += score
        scored.append(
            IndicatorScore(
                **common,
                weight=to_float(weight, where),
                realization=to_float(realization, where),
                realization_uncapped=to_float(uncapped, where),
                realization_source=source,
                capped=realization < uncapped,
                score=to_float(score, where),
                parts=parts,
            )
        )
    rated = total if rating_digits is None else displayed(total, rating_digits)
    return ScoreResult(
        indicators=tuple(scored),
        perspectives=tuple(
            PerspectiveScore(name, to_float(w, "indicators"), to_float(s, "indicators"))
            for name, (w, s) in subtotals.items()
        ),
        total=to_float(total, "indicators"),
        rating=rate(rated, scorecard.bands),
        weight_sum=to_float(sum(used, Fraction(0)), "indicators"),
        weight_sum_given=to_float(given_sum, "indicators"),
        weights_policy=policy,
        cap=None if cap_exact is None else float(cap_exact),
        warnings=tuple(warnings),
        not_applicable_policy=not_applicable,
        total_rated=to_float(rated, "indicators"),
        rating_digits=rating_digits,
    )


def displayed(value: Fraction, digits: int) -> Fraction:
    """``value`` rounded half up (away from zero) to ``digits`` decimals, as a page shows it."""
    scale = 10**digits
    magnitude = (abs(value) * scale + Fraction(1, 2)).__floor__()
    return Fraction(magnitude if value >= 0 else -magnitude, scale)


def _apply_not_applicable(
    indicators: tuple[Indicator, ...], used: list[Fraction], policy: str, warnings: list[str]
) -> list[Fraction]:
    """Weights with those of the indicators that do not apply set to 0 and, under ``renormalize``,
    the others rescaled to the sum all of them had."""
    left_out = [index for index, indicator in enumerate(indicators) if not indicator.applicable]
    if not left_out:
        return used
    names = ", ".join(indicators[index].name for index in left_out)
    if len(left_out) == len(indicators):
        raise InputError(
            "indicators",
            "every indicator is marked not applicable, so there is nothing to score",
            code="score.none_applicable",
        )
    full = sum(used, Fraction(0))
    kept = [Fraction(0) if index in left_out else weight for index, weight in enumerate(used)]
    kept_sum = sum(kept, Fraction(0))
    if policy == "as-is":
        warnings.append(
            f"not applicable this period: {names}; the other weights are used as they are (policy as-is), "
            f"so the highest possible total is {shown(kept_sum)}"
        )
        return kept
    if kept_sum == 0:
        raise InputError(
            "indicators",
            f"the indicators that apply ({len(indicators) - len(left_out)}) all weigh 0, so their weights "
            "cannot be rescaled to take up the weight of those that do not apply",
            code="score.applicable_weights_zero",
        )
    warnings.append(
        f"not applicable this period: {names}; the other weights were rescaled in proportion to sum to "
        f"{shown(full)} (policy renormalize)"
    )
    return [weight * full / kept_sum for weight in kept]


def _check_policy(policy: object) -> str:
    if policy not in WEIGHT_POLICIES:
        raise InputError(
            "weights",
            f"unknown weight policy {policy!r}; use strict, normalize or as-is",
            code="score.unknown_weight_policy",
            params={"value": str(policy)},
        )
    return policy  # type: ignore[return-value]


def _check_cap(cap: object) -> Fraction | None:
    if cap is None:
        return None
    value = check_number(cap, "cap")
    if value <= 0:
        raise InputError(
            "cap",
            f"must be a positive percentage, or none for no cap (it is {value})",
            code="score.bad_cap",
            params={"value": str(value)},
        )
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
                code="score.weights_sum",
                params={"sum": shown(given_sum)},
            )
        return list(given), []
    if given_sum == 100:
        return list(given), []
    if policy == "normalize":
        if given_sum == 0:
            raise InputError(
                "indicators",
                "every weight is 0, so the weights cannot be rescaled to 100",
                code="score.weights_all_zero",
            )
        note = f"weights sum to {shown(given_sum)}, not 100; rescaled to sum to 100 (policy normalize)"
        return [weight * 100 / given_sum for weight in given], [note]
    note = (
        f"weights sum to {shown(given_sum)}, not 100; scored with the weights as given (policy as-is), "
        f"so the highest possible total is {shown(given_sum)} at a cap of 100"
    )
    return list(given), [note]


def _realization(
    indicator: Indicator, index: int, cap: Fraction | None
) -> tuple[Fraction, Fraction, str, str | None, tuple[PartScore, ...]]:
    """(uncapped realization, the realization the score uses, "given" or "computed", a warning or
    None, the parts of a composite target)."""
    parts: tuple[PartScore, ...] = ()
    computed = indicator.computed_realization()
    computed_capped = None if computed is None else (min(computed, cap) if cap is not None else computed)
    if indicator.parts:
        values = [
            realization_of(part.target, part.actual, indicator.direction, indicator.lower_rule)
            for part in indicator.parts
        ]
        where = f"indicators[{index}].parts"
        parts = tuple(
            PartScore(part.name, part.unit, plain(part.target), plain(part.actual), to_float(value, where))  # type: ignore[arg-type]
            for part, value in zip(indicator.parts, values, strict=True)
        )
        combined = combine_parts(values, indicator.combine, cap)  # type: ignore[arg-type]
        computed_capped = min(combined, cap) if cap is not None else combined
    if indicator.realization is None:
        assert computed is not None and computed_capped is not None  # Indicator guarantees one
        return computed, computed_capped, "computed", None, parts
    given = exact(indicator.realization)
    warning = None
    if computed is not None and abs(computed - given) > REALIZATION_TOLERANCE:
        check = computed_capped if indicator.parts else computed
        if abs(check - given) > REALIZATION_TOLERANCE:  # type: ignore[operator]
            formula = "actual / target" if indicator.direction == "higher" else "target / actual"
            if indicator.parts:
                formula = f"the {indicator.combine} of its parts"
            elif indicator.direction == "lower" and indicator.lower_rule == "linear":
                formula = "2 - actual / target"
            warning = (
                f"indicators[{index}] ({indicator.name}): realization {shown(given)} is given, but {formula} "
                f"gives {shown(check)}; the given realization is used"  # type: ignore[arg-type]
            )
    return given, (min(given, cap) if cap is not None else given), "given", warning, parts

"""Period-to-period change of KPI scores and outputs, on either percentage base.

Two bases, both named in every result:

- ``previous`` (the default, the usual growth): (new - old) / old x 100;
- ``later`` (the KPI paper's convention): (new - old) / new x 100. Manggala et al. (2022),
  IOSR-JBM 24(9), Table 2 and its text: turnover Rp 96,309,500 -> Rp 147,396,600 is reported
  as 34.66 %, which is base later; on base previous it is 53.04 %.

For positive values the two are tied: later = previous / (1 + previous / 100).

Per series: each step's change, ``average_pct`` (the mean of the steps, as the paper's
"average increase per quarter") and ``overall_pct`` (last period against the first). Two more
keys, added beside the contract's: each step's ``change`` (new - old, in the series' own unit:
points for a score, whose change in percent of a score means little), and ``compound_pct``,
the compound growth per step (as a CAGR, per step rather than per year): the constant step
change that leads from the first value to the last in as many steps, ``((last / first) ** (1 /
steps) - 1) x 100`` on base previous and ``(1 - (first / last) ** (1 / steps)) x 100`` on base
later. Unlike the mean of the steps it does not depend on the path (+100 % then -50 % is a mean
of +25 % but a compound 0 %). It needs a positive first and last value (or two equal ones: 0 %);
otherwise it is null with a warning.

On base later a fall to less than half of the old value gives a change below -100 % (100 -> 30
is -233.33 %: the fall measured against the smaller, later value); such a step adds a warning
that says so, since on base previous no fall goes below -100 %.

A value may be ``None`` (JSON ``null``): the indicator was not measured in that period, as the
paper's "-" (Manggala et al. 2022: the micro enterprise's temporary-worker attendance adjustment
and work rotation begin in the second month quarter). A step touching it is left out
(``change_pct`` ``None``, no warning: nothing is undefined), ``average_pct`` is the mean of the
steps that remain, and ``overall_pct`` compares the last value that exists with the first that
exists. The paper's Table 6 row "adjusting the attendance of non-permanent employees": -, 3.29,
4.80 gives (4.80 - 3.29) / 4.80 = 31.46 % on base later, for the one step and overall.

A zero denominator is legitimate data (a score of 0 in some quarter), so it is not an
error: that change is ``null`` with a warning naming the place (``series["Turnover"][1]``),
and so is an average over such a step; a step from 0 to 0 is no change, 0 %. Everything
else malformed is an :class:`InputError` naming its place.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from numbers import Rational, Real
from typing import Any

from kinerja.errors import InputError

BASES: tuple[str, ...] = ("previous", "later")
BASE_DESCRIPTIONS = {
    "previous": "(new - old) / old x 100: growth relative to the earlier period (the usual growth)",
    "later": "(new - old) / new x 100: change relative to the later period (the KPI paper's convention)",
}


@dataclass(frozen=True)
class Step:
    """The change from one period to the next; ``change_pct`` ``None`` when its base is 0."""

    from_period: str
    to_period: str
    old: int | float | None
    new: int | float | None
    change_pct: float | None

    def as_dict(self) -> dict[str, object]:
        return {
            "from": self.from_period,
            "to": self.to_period,
            "change_pct": self.change_pct,
            "from_value": self.old,
            "to_value": self.new,
            "change": difference(self.old, self.new),
        }


@dataclass(frozen=True)
class SeriesComparison:
    """One series: its values, its steps, their mean and the last-against-first change."""

    name: str
    values: tuple[int | float | None, ...]
    steps: tuple[Step, ...]
    average_pct: float | None
    overall_pct: float | None
    #: Compound growth per step (CAGR-like), see the module's docstring; ``None`` when undefined.
    compound_pct: float | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "steps": [step.as_dict() for step in self.steps],
            "average_pct": self.average_pct,
            "overall_pct": self.overall_pct,
            "values": list(self.values),
            "compound_pct": self.compound_pct,
        }


@dataclass(frozen=True)
class Comparison:
    """Every series compared on ``base``; :meth:`as_dict` gives ``kinerja compare --json``."""

    base: str
    periods: tuple[str, ...]
    series: tuple[SeriesComparison, ...]
    warnings: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "base": self.base,
            "series": {item.name: item.as_dict() for item in self.series},
            "periods": list(self.periods),
            "base_description": BASE_DESCRIPTIONS[self.base],
            "warnings": list(self.warnings),
        }


def compare_series(
    periods: Sequence[str], series: Mapping[str, Sequence[float]], *, base: str = "previous"
) -> Comparison:
    """Compare each series across ``periods`` on ``base`` (``previous`` or ``later``).

    ``periods``: at least two distinct names. ``series``: name to one finite number per period,
    or ``None`` where the series was not measured (see the module's docstring).
    """
    if base not in BASES:
        raise InputError(
            "base",
            f"unknown base {base!r}; use previous or later",
            code="compare.unknown_base",
            params={"value": str(base)},
        )
    names = _check_periods(periods)
    if not isinstance(series, Mapping) or not series:
        raise InputError(
            "series",
            "must be an object of at least one series: name to a list of values",
            code="compare.no_series",
        )
    warnings: list[str] = []
    compared = []
    for name, values in series.items():
        if not isinstance(name, str) or not name.strip():
            raise InputError(
                "series",
                f"series names must be non-empty text, not {name!r}",
                code="compare.bad_series_name",
                params={"value": repr(name)},
            )
        where = f"series[{json.dumps(name, ensure_ascii=False)}]"
        numbers = _check_values(values, where, len(names))
        try:
            compared.append(_compare_one(name, names, numbers, base, where, warnings))
        except OverflowError:
            raise InputError(
                where,
                "a value or change is too large to compute with (beyond 1e308)",
                code="number.too_large",
            ) from None
    return Comparison(base=base, periods=names, series=tuple(compared), warnings=tuple(warnings))


def compare_document(data: Any, *, base: str = "previous") -> Comparison:
    """:func:`compare_series` on ``{"periods": [...], "series": {...}}`` (other keys ignored)."""
    if not isinstance(data, dict):
        raise InputError(
            "",
            f"must be an object with periods and series, not {type(data).__name__}",
            code="compare.not_object",
        )
    for key in ("periods", "series"):
        if key not in data:
            raise InputError(key, "missing", code="input.missing")
    if not isinstance(data["periods"], list):
        raise InputError(
            "periods",
            "must be a list of period names",
            code="compare.periods_not_list",
        )
    if not isinstance(data["series"], dict):
        raise InputError(
            "series", "must be an object: series name to a list of values", code="compare.series_not_object"
        )
    return compare_series(data["periods"], data["series"], base=base)


def change_pct(old: float, new: float, base: str = "previous") -> float | None:
    """One change in percent on ``base``; ``None`` when the base value is 0 (0 -> 0 is 0 %)."""
    if base not in BASES:
        raise InputError(
            "base",
            f"unknown base {base!r}; use previous or later",
            code="compare.unknown_base",
            params={"value": str(base)},
        )
    exact = _change(_exact(old), _exact(new), base)
    return None if exact is None else float(exact)


def difference(old: float | None, new: float | None) -> int | float | None:
    """``new - old`` exactly (points for a score), ``None`` when either is missing."""
    if old is None or new is None:
        return None
    return _plain(_exact(new) - _exact(old))


def compound_pct(values: Sequence[float | Decimal | Fraction | None], base: str = "previous") -> float | None:
    """Compound change per step from the first value present to the last (``None`` values are
    periods not measured; the steps between count), on ``base``; ``None`` unless both are > 0.

    Previous: ((last / first) ** (1 / steps) - 1) x 100; later: (1 - (first / last) ** (1 / steps))
    x 100, the constant step change on that base that leads from first to last.
    """
    if base not in BASES:
        raise InputError(
            "base",
            f"unknown base {base!r}; use previous or later",
            code="compare.unknown_base",
            params={"value": str(base)},
        )
    present = [(index, _exact(value)) for index, value in enumerate(values) if value is not None]
    if len(present) < 2:
        return None
    (first_index, first), (last_index, last) = present[0], present[-1]
    if first == last:
        return 0.0
    if first <= 0 or last <= 0:
        return None
    steps = last_index - first_index
    ratio = float(last / first) ** (1 / steps)
    return (ratio - 1) * 100 if base == "previous" else (1 - 1 / ratio) * 100


def _change(old: Fraction, new: Fraction, base: str) -> Fraction | None:
    if old == new:
        return Fraction(0)
    denominator = old if base == "previous" else new
    if denominator == 0:
        return None
    return (new - old) / denominator * 100


def _compare_one(
    name: str,
    periods: tuple[str, ...],
    values: list[Fraction | None],
    base: str,
    where: str,
    warnings: list[str],
) -> SeriesComparison:
    steps = []
    changes: list[Fraction | None] = []
    for index in range(1, len(values)):
        old, new = values[index - 1], values[index]
        change = None
        if old is not None and new is not None:
            change = _change(old, new, base)
            if change is None:
                zero = index - 1 if base == "previous" else index
                warnings.append(
                    f"{where}[{zero}]: the value of {periods[zero]} is 0, so the change from "
                    f"{periods[index - 1]} to {periods[index]} on base {base} is undefined (null)"
                )
            elif (old if base == "previous" else new) < 0:
                warnings.append(
                    f"{where}[{index - 1 if base == 'previous' else index}]: a negative base value; "
                    "the sign of a percentage change against it is not the direction of the change"
                )
            changes.append(change)
        steps.append(Step(periods[index - 1], periods[index], _plain(old), _plain(new), _float(change)))
        if base == "later" and change is not None and change < -100:
            usual = _change(values[index - 1], values[index], "previous") or Fraction(0)
            warnings.append(
                f"{where}[{index}]: the change from {periods[index - 1]} to {periods[index]} is "
                f"{float(change):.2f} % on base later: below -100 % because the value fell to less than "
                f"half ({float(usual):.2f} % as usual growth)"
            )
    defined = [change for change in changes if change is not None]
    average = sum(defined, Fraction(0)) / len(defined) if defined and len(defined) == len(changes) else None
    if average is None:
        if changes:
            warnings.append(f"{where}: average_pct is null because a step's change is undefined")
        else:
            warnings.append(f"{where}: average_pct is null: no two consecutive periods both have a value")
    present = [index for index, value in enumerate(values) if value is not None]
    overall = None
    if len(present) < 2:
        warnings.append(f"{where}: overall_pct is null: fewer than two periods have a value")
    else:
        first, last = present[0], present[-1]
        overall = _change(values[first], values[last], base)  # type: ignore[arg-type]
        if overall is None:
            zero = first if base == "previous" else last
            warnings.append(
                f"{where}[{zero}]: overall_pct is null: the value of {periods[zero]} is 0 on base {base}"
            )
    compound = compound_pct(values, base)
    if compound is None:
        warnings.append(f"{where}: compound_pct is null: it needs a first and a last value above 0")
    return SeriesComparison(
        name,
        tuple(_plain(value) for value in values),
        tuple(steps),
        _float(average),
        _float(overall),
        compound,
    )


def _check_periods(periods: object) -> tuple[str, ...]:
    if isinstance(periods, (str, bytes)) or not isinstance(periods, Sequence):
        raise InputError(
            "periods",
            "must be a list of period names",
            code="compare.periods_not_list",
        )
    if len(periods) < 2:
        raise InputError(
            "periods",
            f"needs at least two periods to compare, not {len(periods)}",
            code="compare.too_few_periods",
            params={"count": len(periods)},
        )
    names: list[str] = []
    for index, period in enumerate(periods):
        if isinstance(period, int) and not isinstance(period, bool):
            period = str(period)
        if not isinstance(period, str) or not period.strip():
            raise InputError(
                f"periods[{index}]",
                f"must be a non-empty name, not {period!r}",
                code="compare.bad_period_name",
                params={"value": repr(period)},
            )
        period = period.strip()
        if period in names:
            raise InputError(
                f"periods[{index}]",
                f"{period!r} is already periods[{names.index(period)}]",
                code="compare.duplicate_period",
                params={"name": period},
            )
        names.append(period)
    return tuple(names)


def _check_values(values: object, where: str, count: int) -> list[Fraction | None]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence):
        raise InputError(
            where,
            f"must be a list of {count} numbers (or null), one per period",
            code="compare.values_not_list",
            params={"count": count},
        )
    if len(values) != count:
        raise InputError(
            where,
            f"has {len(values)} values for {count} periods; give one value per period",
            code="compare.values_count",
            params={"count": len(values), "periods": count},
        )
    numbers = []
    for index, value in enumerate(values):
        place = f"{where}[{index}]"
        if value is None:  # not measured in this period (the paper's "-")
            numbers.append(None)
            continue
        if isinstance(value, bool) or not isinstance(value, (Real, Decimal)):
            kind = f"the text {value!r}" if isinstance(value, str) else type(value).__name__
            raise InputError(
                place, f"must be a number, not {kind}", code="number.not_number", params={"value": kind}
            )
        if isinstance(value, Decimal):
            finite = value.is_finite()
        else:
            finite = isinstance(value, Rational) or math.isfinite(value)
        if not finite:
            raise InputError(
                place,
                f"must be a finite number, not {value}",
                code="number.not_finite",
                params={"value": str(value)},
            )
        numbers.append(_exact(value))
    return numbers


def _exact(value: float | int | Decimal | Fraction) -> Fraction:
    return Fraction(repr(value)) if isinstance(value, float) else Fraction(value)


def _plain(value: Fraction | None) -> int | float | None:
    """Whole values (rupiah) stay ints in the output; others become floats; ``None`` stays."""
    if value is None:
        return None
    return int(value) if value.denominator == 1 and abs(value) < 2**53 else float(value)


def _float(value: Fraction | None) -> float | None:
    return None if value is None else float(value)

"""One enterprise's periods side by side: the KPI paper's Table 2, with changes on both bases.

Manggala et al. (2022), IOSR-JBM 24(9), Table 2 puts per-indicator scores and raw outputs
(turnover in Rupiah) of three month quarters side by side and reports changes relative to the
*later* value ((new - old) / new: turnover Rp 96,309,500 -> Rp 147,396,600 is "34.66 %"). The
usual growth ((new - old) / old, 53.04 % there) is the default here; both come from
``kinerja.compare`` and are named on the page.

Figures a reader can interpret: a score's change is given in points (new - old; a percent of a
score means little: 14.45 -> 11.39 is -3.06 points, not "-21.2 %"), outputs' changes in percent
on both bases; the average change per step both as the mean of the steps and as compound growth
(the constant step change that leads from the first value to the last, ``kinerja.compare``'s
``compound_pct``); a change below -100 % on the paper's base (a fall to less than half) is marked
and explained on the page.

By default a period that spans other periods of the enterprise (the demo's whole study, which
holds Table 1, spans its three month quarters) is left out, so that the steps run between
periods that follow one another; it can be ticked in.

Scores come from the scorecards (frozen results of closed periods, live ones otherwise);
turnover from the sales records (``records.measures``, code ``sales_rp``); events from the
innovation log (``records.selectors.innovation_events``).
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from kinerja.compare import BASES, change_pct, compare_series, compound_pct, difference
from kinerja_web.performance.evaluate import Evaluation, evaluate_scorecards, record_actuals
from kinerja_web.performance.models import Period, Scorecard
from kinerja_web.programs.models import Enterprise

TURNOVER_MEASURE = ("sales_rp", "")
#: Words that mark a perspective as the human-resources one (the paper's "HR" indicators).
HR_PHRASES = ("human", "sumber daya manusia", "tenaga kerja")
HR_TOKENS = frozenset({"hr", "sdm"})


@dataclass(frozen=True)
class Change:
    """The change of one step on both bases (``None`` where a base value is 0 or a value is missing)."""

    previous: float | None
    later: float | None


@dataclass(frozen=True)
class Series:
    """One row of the Table 2 layout: a value per period and the change of each step."""

    key: str
    label: str
    kind: str  # "score", "total", "money", "actual"
    unit: str
    values: tuple[Any, ...]
    changes: tuple[Change, ...]
    average: Change | None = None
    overall: Change | None = None
    perspective: str = ""
    #: Each step's change in the series' unit (points for a score), and the mean of those.
    points: tuple[float | None, ...] = ()
    mean_points: float | None = None
    overall_points: float | None = None
    #: Compound change per step (``kinerja.compare.compound_pct``) on both bases.
    compound: Change | None = None

    @property
    def is_score(self) -> bool:
        """Scores (and the total) change in points, not in percent of a score."""
        return self.kind in ("score", "total")

    @property
    def below_minus_100(self) -> bool:
        """Whether a change on the paper's base (later) is below -100 % (a fall to less than half)."""
        if self.is_score:
            return False
        later = [c.later for c in (*self.changes, self.average, self.overall, self.compound) if c is not None]
        return any(value is not None and value < -100 for value in later)


@dataclass(frozen=True)
class PeriodColumn:
    period: Period
    scorecard: Scorecard
    evaluation: Evaluation


@dataclass(frozen=True)
class Event:
    date: datetime.date
    kind: str
    label: str
    description: str


@dataclass
class Comparison:
    enterprise: Enterprise
    columns: list[PeriodColumn]
    scores: list[Series] = field(default_factory=list)
    total: Series | None = None
    outputs: list[Series] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    hr_keys: list[str] = field(default_factory=list)
    turnover: Series | None = None
    #: Notes on the source of the figures (where the KPI paper contradicts itself: ``demo.source_notes``).
    notes: list[str] = field(default_factory=list)

    @property
    def below_minus_100(self) -> bool:
        return any(series.below_minus_100 for series in self.outputs)

    @property
    def periods(self) -> list[Period]:
        return [column.period for column in self.columns]

    @property
    def steps(self) -> list[tuple[Period, Period]]:
        periods = self.periods
        return list(itertools.pairwise(periods))

    @property
    def comparable(self) -> bool:
        return len(self.columns) >= 2


def comparison_periods(enterprise: Enterprise) -> list[Period]:
    """The periods in which ``enterprise`` has a scorecard, oldest first."""
    return list(
        Period.objects.filter(scorecards__enterprise=enterprise).order_by("start", "end", "name").distinct()
    )


def spanning_periods(periods: Sequence[Period]) -> set[int]:
    """Ids of the periods that span another of ``periods`` (start no later, end no earlier, not the same)."""
    return {
        outer.pk
        for outer in periods
        for inner in periods
        if inner.pk != outer.pk
        and outer.start <= inner.start
        and inner.end <= outer.end
        and (outer.start, outer.end) != (inner.start, inner.end)
    }


def enterprise_comparison(enterprise: Enterprise, period_ids: Sequence[int] | None = None) -> Comparison:
    """The comparison of ``enterprise``'s scorecards in ``period_ids``, oldest first (default: all but
    the periods that span others, :func:`spanning_periods`)."""
    scorecards = Scorecard.objects.filter(enterprise=enterprise).select_related(
        "period__program", "framework"
    )
    if period_ids:
        scorecards = scorecards.filter(period__in=list(period_ids))
    scorecards = list(scorecards)
    if not period_ids:
        spanning = spanning_periods([s.period for s in scorecards])
        scorecards = [s for s in scorecards if s.period_id not in spanning]
    scorecards = sorted(scorecards, key=lambda s: (s.period.start, s.period.end, s.period.name))
    for scorecard in scorecards:
        scorecard.enterprise = enterprise
    evaluations = evaluate_scorecards(scorecards)
    columns = [PeriodColumn(s.period, s, evaluations[s.pk]) for s in scorecards]
    comparison = Comparison(enterprise, columns)
    if not columns:
        return comparison
    names = [column.period.name for column in columns]

    # Per-indicator scores, matched across framework versions by perspective and name.
    keys: dict[str, tuple[str, str, str]] = {}
    scores: dict[str, list[float | None]] = {}
    actuals: dict[str, list[Any]] = {}
    money: dict[str, bool] = {}
    for index, column in enumerate(columns):
        for line in column.evaluation.lines:
            key = f"{line.perspective}\u241f{line.name}"
            if key not in keys:
                keys[key] = (line.perspective, line.name, line.unit)
                scores[key] = [None] * len(columns)
                actuals[key] = [None] * len(columns)
            scores[key][index] = line.score
            actuals[key][index] = line.actual
            money[key] = money.get(key, False) or line.is_money
    for key, (perspective, name, _unit) in keys.items():
        comparison.scores.append(_series(key, name, "score", "", names, scores[key], perspective=perspective))
    comparison.total = _series(
        "total", _("Total score"), "total", "", names, [c.evaluation.total for c in columns]
    )
    comparison.hr_keys = _hr_keys(keys)

    # Raw outputs: turnover from the sales records, and each indicator's actual.
    turnover = [
        record_actuals([enterprise.pk], column.period.start, column.period.end, [TURNOVER_MEASURE]).get(
            (enterprise.pk, *TURNOVER_MEASURE)
        )
        for column in columns
    ]
    comparison.turnover = _series(
        "turnover", _("Turnover (sales records)"), "money", "Rp", names, [_int(v) for v in turnover]
    )
    comparison.outputs.append(comparison.turnover)
    for key, (_perspective, name, unit) in keys.items():
        values = actuals[key]
        if all(value is None for value in values):
            continue
        kind = "money" if money[key] else "actual"
        label = _("%(indicator)s (actual)") % {"indicator": name}
        comparison.outputs.append(_series(f"actual:{key}", label, kind, unit, names, values))

    first, last = columns[0].period.start, columns[-1].period.end
    comparison.events = innovation_events(enterprise, first, last)
    from kinerja_web.performance.demo import source_notes

    comparison.notes = source_notes(enterprise)
    return comparison


def _int(value: Decimal | None) -> int | None:
    return None if value is None else int(value)


def _series(
    key: str,
    label: str,
    kind: str,
    unit: str,
    periods: list[str],
    values: Sequence[Any],
    *,
    perspective: str = "",
) -> Series:
    """A series with each step's change on both bases, from ``kinerja.compare``."""
    values = tuple(values)
    changes = []
    for old, new in itertools.pairwise(values):
        if old is None or new is None:
            changes.append(Change(None, None))
        else:
            changes.append(Change(*(change_pct(old, new, base) for base in BASES)))
    average = overall = compound = None
    if len(values) >= 2 and all(value is not None for value in values):
        by_base = {
            base: compare_series(periods, {label: list(values)}, base=base).series[0] for base in BASES
        }
        average = Change(by_base["previous"].average_pct, by_base["later"].average_pct)
        overall = Change(by_base["previous"].overall_pct, by_base["later"].overall_pct)
    if len(values) >= 2:
        compound = Change(*(compound_pct(values, base) for base in BASES))
    points = tuple(difference(old, new) for old, new in itertools.pairwise(values))
    defined = [p for p in points if p is not None]
    mean_points = sum(defined) / len(defined) if defined and len(defined) == len(points) else None
    present = [value for value in values if value is not None]
    overall_points = difference(present[0], present[-1]) if len(present) >= 2 else None
    return Series(
        key,
        label,
        kind,
        unit,
        values,
        tuple(changes),
        average,
        overall,
        perspective,
        points,
        mean_points,
        overall_points,
        compound,
    )


def is_hr_perspective(name: str) -> bool:
    """Whether a perspective is the human-resources one ("Human Resources", "Sumber Daya Manusia (SDM)")."""
    text = name.casefold()
    return any(phrase in text for phrase in HR_PHRASES) or bool(set(re.split(r"\W+", text)) & HR_TOKENS)


def _hr_keys(keys: dict[str, tuple[str, str, str]]) -> list[str]:
    """The indicators of the human-resources perspective; the first perspective if none is named so."""
    hr = [key for key, (perspective, _name, _unit) in keys.items() if is_hr_perspective(perspective)]
    if hr or not keys:
        return hr
    first = next(iter(keys.values()))[0]
    return [key for key, (perspective, _name, _unit) in keys.items() if perspective == first]


def innovation_events(enterprise: Enterprise, start: datetime.date, end: datetime.date) -> list[Event]:
    """The enterprise's innovation-log entries from ``start`` to ``end`` (``records.selectors``)."""
    from kinerja_web.records import selectors as record_selectors

    return [
        Event(entry.date, entry.kind, entry.kind_label, entry.description)
        for entry in record_selectors.innovation_events([enterprise.pk], start, end)
    ]

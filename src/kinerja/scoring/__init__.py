"""KPI scoring: realization, cap, weight policies, scores, perspective subtotals, total, rating.

The method and its source: Manggala, Prihatini and Fadah (2022), IOSR-JBM 24(9), Table 1
(see :mod:`kinerja.scoring.compute`). Use::

    scorecard = parse_scorecard(json_data)          # or ScorecardInput((Indicator(...), ...))
    result = score_scorecard(scorecard, weights="strict", cap=100)
    result.as_dict(locale="en")                      # the keys of ``kinerja score --json``

Modules: ``model`` (validated inputs), ``bands`` (rating bands, PP 46/2011 default),
``compute`` (the arithmetic and the result values), ``parse`` (JSON and spreadsheet rows).
"""

from kinerja.scoring.bands import DEFAULT_BANDS, PERMENPANRB_6_2022_BANDS, PRESETS, Band, Preset, Rating, rate
from kinerja.scoring.compute import (
    NO_PERSPECTIVE,
    NOT_APPLICABLE_POLICIES,
    RATING_DIGITS,
    WEIGHT_POLICIES,
    IndicatorScore,
    PartScore,
    PerspectiveScore,
    ScoreResult,
    score_scorecard,
)
from kinerja.scoring.model import COMBINE_RULES, DIRECTIONS, LOWER_RULES, Indicator, Part, ScorecardInput
from kinerja.scoring.parse import parse_scorecard, parse_scorecard_rows, rows_from_csv, rows_from_xlsx

__all__ = [
    "COMBINE_RULES",
    "DEFAULT_BANDS",
    "DIRECTIONS",
    "LOWER_RULES",
    "NOT_APPLICABLE_POLICIES",
    "NO_PERSPECTIVE",
    "PERMENPANRB_6_2022_BANDS",
    "PRESETS",
    "RATING_DIGITS",
    "WEIGHT_POLICIES",
    "Band",
    "Indicator",
    "IndicatorScore",
    "Part",
    "PartScore",
    "PerspectiveScore",
    "Preset",
    "Rating",
    "ScoreResult",
    "ScorecardInput",
    "parse_scorecard",
    "parse_scorecard_rows",
    "rate",
    "rows_from_csv",
    "rows_from_xlsx",
    "score_scorecard",
]

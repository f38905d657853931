"""KPI scoring: realization, cap, weight policies, scores, perspective subtotals, total, rating.

The method and its source: Manggala, Prihatini and Fadah (2022), IOSR-JBM 24(9), Table 1
(see :mod:`kinerja.scoring.compute`). Use::

    scorecard = parse_scorecard(json_data)          # or ScorecardInput((Indicator(...), ...))
    result = score_scorecard(scorecard, weights="strict", cap=100)
    result.as_dict(locale="en")                      # the keys of ``kinerja score --json``

Modules: ``model`` (validated inputs), ``bands`` (rating bands, PP 46/2011 default),
``compute`` (the arithmetic and the result values), ``parse`` (JSON and spreadsheet rows).
"""

from kinerja.scoring.bands import DEFAULT_BANDS, Band, Rating, rate
from kinerja.scoring.compute import (
    NO_PERSPECTIVE,
    WEIGHT_POLICIES,
    IndicatorScore,
    PerspectiveScore,
    ScoreResult,
    score_scorecard,
)
from kinerja.scoring.model import DIRECTIONS, Indicator, ScorecardInput
from kinerja.scoring.parse import parse_scorecard, parse_scorecard_rows, rows_from_csv, rows_from_xlsx

__all__ = [
    "DEFAULT_BANDS",
    "DIRECTIONS",
    "NO_PERSPECTIVE",
    "WEIGHT_POLICIES",
    "Band",
    "Indicator",
    "IndicatorScore",
    "PerspectiveScore",
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

"""Competency assessment: combined levels, gaps, roll-ups and development priorities.

``parse_assessment`` validates the input of ``kinerja competency`` into an
:class:`Assessment`; ``analyse`` applies the contract's rules (combined level, flags, gaps,
roll-ups, lever weights by AHP, action priorities); ``assess`` does both and
``result_as_json`` gives the command's JSON. ``area_gaps_by``, ``area_levels`` and
``level_change`` group the result for heat maps and compare rounds; ``source_agreement``
says how well the sources agree (Krippendorff's alpha for ordinal data).
"""

from kinerja.competency.agreement import Agreement, source_agreement
from kinerja.competency.analysis import (
    COMBINE_RULES,
    Action,
    AreaSummary,
    CompetencyResult,
    Flag,
    ItemResult,
    ItemSummary,
    LeverSummary,
    PersonResult,
    analyse,
    assess,
    check_combine,
    check_flag,
    combine_levels,
    result_as_json,
)
from kinerja.competency.parse import (
    DEFAULT_SCALE,
    KINDS,
    LEVER_CR_THRESHOLD,
    Assessment,
    Item,
    Person,
    Rating,
    parse_assessment,
)
from kinerja.competency.rounds import AreaChange, GroupAreaGap, area_gaps_by, area_levels, level_change
from kinerja.errors import CompetencyError

__all__ = [
    "COMBINE_RULES",
    "DEFAULT_SCALE",
    "KINDS",
    "LEVER_CR_THRESHOLD",
    "Action",
    "Agreement",
    "AreaChange",
    "AreaSummary",
    "Assessment",
    "CompetencyError",
    "CompetencyResult",
    "Flag",
    "GroupAreaGap",
    "Item",
    "ItemResult",
    "ItemSummary",
    "LeverSummary",
    "Person",
    "PersonResult",
    "Rating",
    "analyse",
    "area_gaps_by",
    "area_levels",
    "assess",
    "check_combine",
    "check_flag",
    "combine_levels",
    "level_change",
    "parse_assessment",
    "result_as_json",
    "source_agreement",
]

"""How well the sources of a round agree: exact and adjacent agreement and Krippendorff's alpha.

For every unit (a person and an item, say) rated by two or more sources, each pair of its
sources is compared: ``exact_share`` is the share of pairs giving the same level,
``adjacent_share`` the share within one level (exact included). ``alpha`` is Krippendorff's
alpha for ordinal data (Krippendorff 2011, *Computing Krippendorff's Alpha-Reliability*),
computed by the ``krippendorff`` package (PyPI) with the scale as its value domain, never by
hand; it is None when undefined: fewer than two units with two or more sources, or no
variation at all (every level the same, so no disagreement can be expected).
"""

from __future__ import annotations

import math
import numbers
import warnings
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from kinerja.errors import CompetencyError

__all__ = ["Agreement", "source_agreement"]


@dataclass(frozen=True)
class Agreement:
    """Agreement between sources over the units rated by two or more of them.

    ``units``: such units; ``pairs``: pairs of sources compared over them; ``exact_share`` and
    ``adjacent_share`` in [0, 1] (None without pairs); ``alpha``: Krippendorff's ordinal alpha
    (None when undefined).
    """

    units: int
    pairs: int
    exact_share: float | None
    adjacent_share: float | None
    alpha: float | None


def source_agreement(
    ratings: Iterable[tuple[Hashable, str, int]], scale: tuple[int, int] = (1, 5)
) -> Agreement:
    """Agreement of ``(unit, source, level)`` ratings; a unit is any hashable, e.g. (person, item).

    A source rating one unit twice, or a level outside ``scale``, is a
    :class:`~kinerja.errors.CompetencyError` naming ``ratings[k]``.
    """
    low, high = int(scale[0]), int(scale[1])
    if low >= high:
        raise CompetencyError(
            "scale",
            f"[{low}, {high}]: the lowest level must be below the highest",
            code="competency.bad_scale",
            params={"low": low, "high": high},
        )
    by_unit: dict[Hashable, dict[str, int]] = {}
    sources: dict[str, int] = {}
    for index, (unit, source, level) in enumerate(ratings):
        if isinstance(level, bool) or not isinstance(level, numbers.Integral):
            raise CompetencyError(
                f"ratings[{index}]",
                f"{level!r} is not a whole level",
                code="competency.level_not_whole",
                params={"value": repr(level)},
            )
        if not low <= level <= high:
            raise CompetencyError(
                f"ratings[{index}]",
                f"{level} is outside the scale {low}..{high}",
                code="competency.level_outside_scale",
                params={"value": level, "low": low, "high": high},
            )
        levels = by_unit.setdefault(unit, {})
        if source in levels:
            raise CompetencyError(
                f"ratings[{index}]",
                f"{unit!r} is already rated by {source!r}",
                code="competency.rated_twice",
                params={"unit": unit, "source": source},
            )
        levels[source] = int(level)
        sources.setdefault(source, len(sources))
    shared = [levels for levels in by_unit.values() if len(levels) >= 2]
    pairs = exact = adjacent = 0
    for levels in shared:
        for a, b in combinations(levels.values(), 2):
            pairs += 1
            exact += a == b
            adjacent += abs(a - b) <= 1
    alpha = _alpha(shared, sources, low, high)
    return Agreement(
        units=len(shared),
        pairs=pairs,
        exact_share=exact / pairs if pairs else None,
        adjacent_share=adjacent / pairs if pairs else None,
        alpha=alpha,
    )


def _alpha(shared: list[dict[str, int]], sources: dict[str, int], low: int, high: int) -> float | None:
    """Krippendorff's ordinal alpha by the ``krippendorff`` package, or None when undefined."""
    import krippendorff  # imported here: only agreement needs it

    if len(shared) < 2:
        return None
    if len({level for levels in shared for level in levels.values()}) < 2:
        return None
    data = np.full((len(sources), len(shared)), np.nan)
    for column, levels in enumerate(shared):
        for source, level in levels.items():
            data[sources[source], column] = level
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        value = float(
            krippendorff.alpha(
                reliability_data=data, level_of_measurement="ordinal", value_domain=range(low, high + 1)
            )
        )
    return value if math.isfinite(value) else None

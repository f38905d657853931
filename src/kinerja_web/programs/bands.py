"""A program's rating bands: the core's default (PP 46/2011) unless the program set its own.

The BRIEF: the bands are "Kinerja's default, editable per program". ``Program.rating_bands`` holds
them as ``kinerja.scoring.bands.parse_bands`` reads them (best first); ``None`` means
``DEFAULT_BANDS``. Every scorecard of an open period is rated with its program's bands
(``performance.evaluate``); a closed period keeps the rating frozen in its ``ScorecardResult``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from kinerja.scoring import DEFAULT_BANDS, Band
from kinerja.scoring.bands import parse_bands

#: Colour tones, best to worst; a band's tone is its place among its program's bands, spread
#: over these five (the default bands get one each, in the order of the dashboards' chart).
TONES = 5


def program_bands(program: Any) -> tuple[Band, ...]:
    """The bands ``program`` rates with (its own, else the core's default). No query."""
    data = getattr(program, "rating_bands", None)
    return DEFAULT_BANDS if data is None else parse_bands(data)


def bands_by_program(program_ids: Iterable[int]) -> dict[int, tuple[Band, ...]]:
    """The bands of many programs in one query (programs not found: the default)."""
    from kinerja_web.programs.models import Program

    ids = set(program_ids)
    if not ids:
        return {}
    stored = dict(Program.objects.filter(pk__in=ids).values_list("pk", "rating_bands"))
    return {pk: DEFAULT_BANDS if stored.get(pk) is None else parse_bands(stored[pk]) for pk in ids}


def bands_to_json(bands: Sequence[Band]) -> list[dict[str, Any]]:
    """What ``Program.rating_bands`` stores: ``parse_bands``' input, numbers as JSON numbers."""
    return [
        {
            "min": _json_number(band.min),
            "code": band.code,
            "label_en": band.label_en,
            "label_id": band.label_id,
        }
        for band in bands
    ]


def _json_number(value: Any) -> int | float:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value if isinstance(value, int) else float(value)


def is_default(bands: Sequence[Band]) -> bool:
    return tuple(bands_to_json(bands)) == tuple(bands_to_json(DEFAULT_BANDS))


def tone(code: str | None, bands: Sequence[Band]) -> int | None:
    """The colour tone (0 best .. ``TONES - 1`` worst) of rating ``code`` among ``bands``.

    A code the bands do not hold (a closed period rated before the bands changed) is looked up
    in the default bands; ``None`` when neither holds it.
    """
    for candidates in (bands, DEFAULT_BANDS):
        codes = [band.code for band in candidates]
        if code in codes:
            index = codes.index(code)
            if len(codes) == 1:
                return 0
            return round(index * (TONES - 1) / (len(codes) - 1))
    return None

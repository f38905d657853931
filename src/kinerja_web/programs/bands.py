"""A program's rating bands: the core's default (PP 46/2011) unless the program set its own.

The BRIEF: the bands are "Kinerja's default, editable per program". ``Program.rating_bands`` holds
them as ``kinerja.scoring.bands.parse_bands`` reads them (best first); ``None`` means
``DEFAULT_BANDS``. Every scorecard of an open period is rated with its program's bands
(``performance.evaluate``); a closed period keeps the rating frozen in its ``ScorecardResult``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from kinerja.scoring import DEFAULT_BANDS, PRESETS, Band
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


@dataclass(frozen=True)
class BandPreset:
    """A preset of the core (``kinerja.scoring.PRESETS``) as the bands page says it."""

    key: str
    regulation: str
    how: str
    bands: tuple[Band, ...]
    default: bool


def band_presets() -> dict[str, BandPreset]:
    """The core's presets with the regulation and how the bands were set, in the user's language.

    The PermenPANRB 6/2022 preset: the regulation sets no numbers (its predicate comes from the
    matrix of two ratings against the leader's expectations), so the preset puts its five
    predicates, in order, on PP 46/2011's cut-offs (``kinerja.scoring.bands``' docstring).
    """
    words = {
        "pp46-2011": (
            _("Government Regulation (PP) 46/2011 on the work appraisal of civil servants"),
            _(
                "The regulation's own scale: 91–100 Sangat Baik, 76–90 Baik, 61–75 Cukup, 51–60 Kurang, "
                "50 and below Buruk. PP 46/2011 was revoked by PP 30/2019; it stays Kinerja's default so "
                "that closed results keep their ratings."
            ),
        ),
        "permenpanrb6-2022": (
            _(
                "Regulation of the Minister of State Apparatus Empowerment and Bureaucratic Reform "
                "(PermenPANRB) 6/2022 on the performance management of civil servants, "
                "implementing PP 30/2019"
            ),
            _(
                "The regulation rates with five predicates: Sangat Baik, Baik, Butuh Perbaikan, "
                "Kurang/misconduct and Sangat Kurang. It sets no numeric cut-offs: a civil servant's "
                "predicate comes from a matrix of two ratings against the leader's expectations (work "
                "results and work behaviour, each above, as or below expectation), spread by the "
                "organisation's own predicate. A KPI total measures results only, so this preset puts the "
                "five predicates, in order, on the cut-offs of the last regulation that printed numbers, "
                "PP 46/2011 (91, 76, 61, 51). That mapping is Kinerja's, not the regulation's: set the "
                "minimums to what your program expects."
            ),
        ),
    }
    return {
        key: BandPreset(key, *words[key], preset.bands, key == "pp46-2011")
        for key, preset in PRESETS.items()
        if key in words
    }


def preset_of(bands: Sequence[Band]) -> BandPreset | None:
    """The preset ``bands`` are exactly, or ``None`` for a program's own bands."""
    wanted = tuple(bands_to_json(bands))
    return next((p for p in band_presets().values() if tuple(bands_to_json(p.bands)) == wanted), None)


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

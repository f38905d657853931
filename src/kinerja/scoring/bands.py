"""Rating bands: the total score mapped to a rating such as "Very Good" / "Sangat Baik".

The papers do not print their bands. Kinerja's default is the scale Indonesian organisations
know from civil-service work appraisal, Government Regulation (PP) 46/2011 on the work
appraisal of civil servants: 91-100 Sangat Baik, 76-90 Baik, 61-75 Cukup, 51-60 Kurang,
50 and below Buruk. Bands run from best down; a total gets the first band whose ``min`` it
reaches, and the lowest band covers everything below it (so its ``min`` is only a label).
Totals are compared exactly, unrounded: 90.999 is "good" under the default bands although
it is displayed as 91.00.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from kinerja.errors import InputError
from kinerja.scoring._exact import Number, check_number, exact, plain, shown


@dataclass(frozen=True)
class Band:
    """One rating band: totals from ``min`` up (to the next band's ``min``) get ``code``."""

    min: Number
    code: str
    label_en: str
    label_id: str

    def __post_init__(self) -> None:
        check_number(self.min, "min")
        for field in ("code", "label_en", "label_id"):
            value = getattr(self, field)
            if not isinstance(value, str) or not value.strip():
                raise InputError(field, "missing; give a non-empty text")
            object.__setattr__(self, field, value.strip())

    def label(self, locale: str = "en") -> str:
        """The label in ``locale`` (``id`` Indonesian, anything else English)."""
        return self.label_id if locale == "id" else self.label_en


#: PP 46/2011 civil-service appraisal scale, the default of every program.
DEFAULT_BANDS: tuple[Band, ...] = (
    Band(91, "very_good", "Very Good", "Sangat Baik"),
    Band(76, "good", "Good", "Baik"),
    Band(61, "fair", "Fair", "Cukup"),
    Band(51, "poor", "Poor", "Kurang"),
    Band(0, "bad", "Bad", "Buruk"),
)


@dataclass(frozen=True)
class Rating:
    """The band a total falls in."""

    code: str
    label_en: str
    label_id: str
    min: Number

    def label(self, locale: str = "en") -> str:
        return self.label_id if locale == "id" else self.label_en

    def as_dict(self, locale: str = "en") -> dict[str, object]:
        """``{"code", "label"}`` of the contract (label in ``locale``), plus both labels and ``min``."""
        return {
            "code": self.code,
            "label": self.label(locale),
            "label_en": self.label_en,
            "label_id": self.label_id,
            "min": plain(self.min),
        }


def check_bands(bands: Sequence[Band]) -> tuple[Band, ...]:
    """``bands`` if they run strictly from best down with distinct codes; errors name ``bands[i]``."""
    if not bands:
        raise InputError("bands", "must list at least one band")
    seen: dict[str, int] = {}
    for index, band in enumerate(bands):
        if index and exact(band.min) >= exact(bands[index - 1].min):
            raise InputError(
                f"bands[{index}].min",
                f"bands must run from best down: min {shown(band.min)} is not below "
                f"the min {shown(bands[index - 1].min)} of bands[{index - 1}]",
            )
        key = band.code.casefold()
        if key in seen:
            raise InputError(
                f"bands[{index}].code", f"code {band.code!r} is already used by bands[{seen[key]}]"
            )
        seen[key] = index
    return tuple(bands)


def rate(total: Fraction, bands: Sequence[Band]) -> Rating:
    """The first band (best first) whose ``min`` the exact ``total`` reaches; else the lowest."""
    chosen = bands[-1]
    for band in bands:
        if total >= exact(band.min):
            chosen = band
            break
    return Rating(chosen.code, chosen.label_en, chosen.label_id, chosen.min)


def parse_bands(data: object) -> tuple[Band, ...]:
    """Bands from JSON: a list of ``{"min", "code", "label"}`` (or ``label_en``/``label_id``)."""
    if not isinstance(data, list):
        raise InputError("bands", f"must be a list of bands from best down, not {type(data).__name__}")
    bands = []
    for index, item in enumerate(data):
        where = f"bands[{index}]"
        if not isinstance(item, dict):
            raise InputError(where, 'must be an object with "min", "code" and "label"')
        label = item.get("label")
        label_en = item.get("label_en", label)
        label_id = item.get("label_id", label)
        if label_en is None and label_id is None:
            raise InputError(f"{where}.label", "missing; give a non-empty text")
        try:
            bands.append(
                Band(
                    min=item.get("min"),
                    code=item.get("code"),
                    label_en=label_en if label_en is not None else label_id,
                    label_id=label_id if label_id is not None else label_en,
                )
            )
        except InputError as error:
            explicit = "label_en" in item or "label_id" in item
            field = "label" if error.where.startswith("label") and not explicit else error.where
            raise InputError(f"{where}.{field}", error.problem) from None
    return check_bands(bands)

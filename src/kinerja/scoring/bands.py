"""Rating bands: the total score mapped to a rating such as "Very Good" / "Sangat Baik".

The papers do not print their bands. Kinerja's default is the scale Indonesian organisations
know from civil-service work appraisal, Government Regulation (PP) 46/2011 on the work
appraisal of civil servants: 91-100 Sangat Baik, 76-90 Baik, 61-75 Cukup, 51-60 Kurang,
50 and below Buruk. Bands run from best down; a total gets the first band whose ``min`` it
reaches, and the lowest band covers everything below it (so its ``min`` is only a label).
:func:`rate` compares the number it is given exactly; ``score_scorecard`` gives it the total
as displayed (rounded to 2 decimals), so 90.999 is "91,00 Sangat Baik", never "91,00 Baik".

PP 46/2011 was revoked by Government Regulation (PP) 30/2019 on the performance appraisal of
civil servants, whose implementing rule, Minister of State Apparatus Empowerment and Bureaucratic
Reform Regulation (PermenPANRB) 6/2022 on the performance management of civil servants, rates
with five predicates: Sangat Baik, Baik, Butuh Perbaikan, Kurang (or misconduct) and Sangat
Kurang. It sets no numeric cut-offs: the predicate comes from a matrix of two ratings relative
to the leader's expectations (work results and work behaviour: above, as, below expectation),
with a distribution pattern set by the organisation's own predicate. A KPI total measures results
only, so :data:`PERMENPANRB_6_2022_BANDS` maps the five predicates, in order, onto the cut-offs
of the last regulation that printed numbers (PP 46/2011's 91 / 76 / 61 / 51): that mapping is
Kinerja's, not the regulation's, and a program should set the cut-offs to its expectations.
:data:`PRESETS` holds both, keyed by name; the default stays PP 46/2011 so that closed results
keep their ratings.
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
                raise InputError(
                    field, "missing; give a non-empty text", code="input.empty_text", params={"what": field}
                )
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


#: The five predicates of PermenPANRB 6/2022 on PP 46/2011's cut-offs (see the module docstring).
PERMENPANRB_6_2022_BANDS: tuple[Band, ...] = (
    Band(91, "very_good", "Very Good", "Sangat Baik"),
    Band(76, "good", "Good", "Baik"),
    Band(61, "needs_improvement", "Needs Improvement", "Butuh Perbaikan"),
    Band(51, "poor", "Poor", "Kurang"),
    Band(0, "very_poor", "Very Poor", "Sangat Kurang"),
)


@dataclass(frozen=True)
class Preset:
    """A named set of bands and the regulation it comes from (``how`` says how it was mapped)."""

    key: str
    regulation: str
    bands: tuple[Band, ...]
    how: str


#: The presets a program can choose, by key; ``pp46-2011`` is the default.
PRESETS: dict[str, Preset] = {
    "pp46-2011": Preset(
        "pp46-2011",
        "Government Regulation (PP) 46/2011 on the work appraisal of civil servants",
        DEFAULT_BANDS,
        "the regulation's own scale: 91-100, 76-90, 61-75, 51-60, 50 and below",
    ),
    "permenpanrb6-2022": Preset(
        "permenpanrb6-2022",
        "PermenPANRB 6/2022 on the performance management of civil servants (implementing PP 30/2019)",
        PERMENPANRB_6_2022_BANDS,
        "the regulation's five predicates set no numbers; Kinerja puts them on PP 46/2011's cut-offs",
    ),
}


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
        raise InputError("bands", "must list at least one band", code="bands.empty")
    seen: dict[str, int] = {}
    for index, band in enumerate(bands):
        if index and exact(band.min) >= exact(bands[index - 1].min):
            raise InputError(
                f"bands[{index}].min",
                f"bands must run from best down: min {shown(band.min)} is not below "
                f"the min {shown(bands[index - 1].min)} of bands[{index - 1}]",
                code="bands.not_descending",
                params={"min": shown(band.min), "previous": shown(bands[index - 1].min)},
            )
        key = band.code.casefold()
        if key in seen:
            raise InputError(
                f"bands[{index}].code",
                f"code {band.code!r} is already used by bands[{seen[key]}]",
                code="bands.duplicate_code",
                params={"code": band.code},
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
        raise InputError(
            "bands",
            f"must be a list of bands from best down, not {type(data).__name__}",
            code="bands.not_list",
        )
    bands = []
    for index, item in enumerate(data):
        where = f"bands[{index}]"
        if not isinstance(item, dict):
            raise InputError(
                where, 'must be an object with "min", "code" and "label"', code="bands.band_not_object"
            )
        label = item.get("label")
        label_en = item.get("label_en", label)
        label_id = item.get("label_id", label)
        if label_en is None and label_id is None:
            raise InputError(
                f"{where}.label",
                "missing; give a non-empty text",
                code="input.empty_text",
                params={"what": "label"},
            )
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
            raise InputError(
                f"{where}.{field}", error.problem, code=error.code, params=error.params
            ) from None
    return check_bands(bands)

"""The size class of an enterprise in a period: the figures of the period's year under the law in force.

``kinerja.sizing`` decides which law applies (:func:`kinerja.sizing.law_for_period`: the law in
force on the period's last day, Government Regulation 7/2021 from 2 February 2021) and which
year's figures count (:func:`kinerja.sizing.figures_year`). The figures are the enterprise's
:class:`~kinerja_web.programs.models.EnterpriseYear` of that year; without them, the latest
earlier year's, else the figures on the enterprise itself, and the result says which
(``source``). Both laws' classes are given with their basis; the one in force is ``class_``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.translation import get_language

from kinerja import sizing
from kinerja.errors import InputError
from kinerja_web.programs.models import Enterprise, EnterpriseYear

#: Where the figures came from: the period's year, an earlier year, or the enterprise record.
SOURCE_YEAR = "year"
SOURCE_EARLIER = "earlier"
SOURCE_CURRENT = "current"


def _locale() -> str:
    return "id" if (get_language() or "id").startswith("id") else "en"


@dataclass(frozen=True)
class LawClass:
    """One law's class of the figures, with its basis in both languages."""

    law: str
    class_: str
    basis_en: str
    basis_id: str
    problem: str = ""

    @property
    def label(self) -> str:
        return sizing.class_label(self.class_, _locale()) if self.class_ else ""

    @property
    def law_title(self) -> str:
        return sizing.LAW_TITLES[self.law][1 if _locale() == "id" else 0]

    @property
    def basis(self) -> str:
        return self.basis_id if _locale() == "id" else self.basis_en


@dataclass(frozen=True)
class PeriodSize:
    """The class of an enterprise in a period, under the law in force, and under both laws."""

    law: str
    year: int
    figures_year: int | None
    source: str
    laws_during: tuple[str, ...]
    by_law: dict[str, LawClass] = field(default_factory=dict)

    @property
    def in_force(self) -> LawClass:
        return self.by_law[self.law]

    @property
    def class_(self) -> str:
        return self.in_force.class_

    @property
    def label(self) -> str:
        return self.in_force.label

    @property
    def rows(self) -> list[LawClass]:
        """Both laws, the one in force first."""
        return [self.by_law[self.law], *(row for law, row in self.by_law.items() if law != self.law)]

    def as_dict(self) -> dict[str, Any]:
        """What a closed period's result keeps (``ScorecardResult.size``)."""
        return {
            "class": self.class_,
            "law": self.law,
            "year": self.year,
            "figures_year": self.figures_year,
            "source": self.source,
            "laws_during": list(self.laws_during),
            "by_law": {
                law: {"class": row.class_, "basis_en": row.basis_en, "basis_id": row.basis_id}
                for law, row in self.by_law.items()
            },
        }


def _figures(
    enterprise: Enterprise, year: int, years: Iterable[EnterpriseYear]
) -> tuple[Any, int | None, str]:
    ordered = sorted((y for y in years if y.year <= year), key=lambda y: y.year, reverse=True)
    if ordered and ordered[0].year == year:
        return ordered[0], year, SOURCE_YEAR
    if ordered:
        return ordered[0], ordered[0].year, SOURCE_EARLIER
    return enterprise, None, SOURCE_CURRENT


def _classify(figures: Any, law: str) -> LawClass:
    try:
        result = sizing.classify(
            net_assets=figures.net_assets if law == sizing.UU20_2008 else None,
            capital=figures.business_capital if law == sizing.PP7_2021 else None,
            annual_sales=figures.annual_sales,
            law=law,
            workers=(figures.workers or None) if isinstance(figures, EnterpriseYear) else None,
        )
    except InputError as error:
        return LawClass(law, "", "", "", problem=str(error))
    return LawClass(law, result.class_, result.basis, result.basis_id)


def period_size(
    enterprise: Enterprise, start: date, end: date, *, years: Iterable[EnterpriseYear] | None = None
) -> PeriodSize:
    """The size class of ``enterprise`` in the period ``start``-``end`` (see the module).

    ``years``: the enterprise's yearly figures when the caller fetched them already (a close
    classifies every enterprise of a period with one query).
    """
    law = sizing.law_for_period(start, end)
    year = sizing.figures_year(start, end)
    stored = list(enterprise.years.all()) if years is None else list(years)
    figures, used_year, source = _figures(enterprise, year, stored)
    return PeriodSize(
        law=law,
        year=year,
        figures_year=used_year,
        source=source,
        laws_during=sizing.laws_during(start, end),
        by_law={each: _classify(figures, each) for each in sizing.LAWS},
    )


def years_by_enterprise(enterprise_ids: Iterable[int]) -> dict[int, list[EnterpriseYear]]:
    """Every yearly figure of the enterprises, by enterprise id (one query)."""
    found: dict[int, list[EnterpriseYear]] = {pk: [] for pk in enterprise_ids}
    for row in EnterpriseYear.objects.filter(enterprise_id__in=list(found)):
        found.setdefault(row.enterprise_id, []).append(row)
    return found


def enterprise_years(enterprise: Enterprise) -> list[dict[str, Any]]:
    """The enterprise's yearly figures, newest first, each with its class under the law in force
    that year (on 31 December) and under both laws."""
    rows = []
    for row in enterprise.years.order_by("-year"):
        law = sizing.law_for_date(date(row.year, 12, 31))
        by_law = {each: _classify(row, each) for each in sizing.LAWS}
        rows.append(
            {
                "figures": row,
                "law": law,
                "in_force": by_law[law],
                "by_law": [by_law[law], *(by_law[each] for each in sizing.LAWS if each != law)],
            }
        )
    return rows


def frozen_size(data: dict[str, Any]) -> PeriodSize | None:
    """A :class:`PeriodSize` from what a closed result kept (:meth:`PeriodSize.as_dict`); None if nothing."""
    if not data or data.get("law") not in sizing.LAWS:
        return None
    by_law = {
        law: LawClass(law, row.get("class", ""), row.get("basis_en", ""), row.get("basis_id", ""))
        for law, row in (data.get("by_law") or {}).items()
        if law in sizing.LAWS
    }
    if data["law"] not in by_law:
        return None
    return PeriodSize(
        law=data["law"],
        year=data.get("year") or 0,
        figures_year=data.get("figures_year"),
        source=data.get("source", SOURCE_CURRENT),
        laws_during=tuple(data.get("laws_during") or (data["law"],)),
        by_law=by_law,
    )


def scorecard_size(scorecard: Any) -> tuple[PeriodSize, bool]:
    """The size class a scorecard page shows and whether it is the one frozen at close."""
    from kinerja_web.performance.models import ScorecardResult

    stored = ScorecardResult.objects.filter(scorecard=scorecard).values_list("size", flat=True).first()
    frozen = frozen_size(stored) if stored else None
    if frozen is not None:
        return frozen, True
    period = scorecard.period
    return period_size(scorecard.enterprise, period.start, period.end), False

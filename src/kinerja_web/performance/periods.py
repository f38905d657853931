"""Calendar helpers for periods: the first and last day of a quarter or a month, and its default name.

A period's ``end`` is inclusive (the records of that day count), so a quarter is e.g.
1 January to 31 March. The KPI paper's "month quarters" are custom ranges (Manggala et al. 2022,
IOSR-JBM 24(9): 20 January 2021 to 31 January 2022 in three parts).
"""

from __future__ import annotations

import calendar
import datetime

from django.utils.dates import MONTHS
from django.utils.translation import gettext as _


def quarter_range(year: int, quarter: int) -> tuple[datetime.date, datetime.date]:
    """First and last day of quarter ``quarter`` (1-4) of ``year``."""
    if not 1 <= quarter <= 4:
        raise ValueError(f"quarter must be 1 to 4, not {quarter}")
    first_month = 3 * (quarter - 1) + 1
    start = datetime.date(year, first_month, 1)
    end = month_range(year, first_month + 2)[1]
    return start, end


def month_range(year: int, month: int) -> tuple[datetime.date, datetime.date]:
    """First and last day of ``month`` (1-12) of ``year``."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1 to 12, not {month}")
    return datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])


def quarter_name(year: int, quarter: int) -> str:
    """``Q1 2026`` (Indonesian ``Triwulan 1 2026``), in the active language."""
    return _("Q%(quarter)s %(year)s") % {"quarter": quarter, "year": year}


def month_name(year: int, month: int) -> str:
    """``January 2026`` (``Januari 2026``), in the active language."""
    return f"{MONTHS[month]} {year}"

"""MSME size class (micro, small, medium, large) under Indonesian law, with its basis.

Two regimes, both in use (studies cite either; the date decides which applied):

- **Law 20/2008 on MSMEs (UU 20/2008), art. 6**: net assets excluding land and buildings
  (micro up to Rp 50 million; small over 50 million to 500 million; medium over 500 million
  to 10 billion) *or* annual sales (micro up to Rp 300 million; small over 300 million to
  2.5 billion; medium over 2.5 billion to 50 billion).
- **Government Regulation 7/2021 (PP 7/2021), art. 35**, in force from 2 February 2021 under
  the Job Creation Law: business capital excluding land and buildings (art. 35(3): micro up to
  Rp 1 billion; small over 1 to 5 billion; medium over 5 to 10 billion) *or* annual sales
  (art. 35(5): micro up to Rp 2 billion; small over 2 to 15 billion; medium over 15 to 50
  billion). Capital is the criterion for founding and registering a business (art. 35(2));
  sales are used besides it for ease, protection and empowerment (art. 35(4)).

Above the medium ceiling a business is large. "Up to" includes the limit: Rp 300,000,000 of
sales is micro under Law 20/2008, Rp 300,000,001 small. Amounts are whole rupiah (ints).

When the two criteria give different classes (Kinerja's rule, stated in every ``basis``):

- Law 20/2008 joins the criteria with "or" and gives neither precedence, so a business can
  meet one class by assets and another by sales. Kinerja takes the **higher** class: a
  business past a class's ceiling on either criterion has outgrown it, so a program
  reserved for micro enterprises does not count one whose sales are those of a small one.
  With net assets unknown, sales decide alone.
- PP 7/2021 gives each criterion a role: **capital decides when it is given** (it is the
  class a business registers with, art. 35(2), the one recorded with its NIB that funders
  ask for), **sales otherwise** (art. 35(4)-(5), e.g. a business registered before the
  regulation). The class by sales is reported beside it in both cases.

Statistics Indonesia (BPS) classes by workers (1-4 micro, 5-19 small, 20-99 medium, 100 and
more large, owner included) are not a legal criterion; they are given as information.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from numbers import Integral

from kinerja.errors import InputError

UU20_2008 = "uu20-2008"
PP7_2021 = "pp7-2021"
LAWS: tuple[str, ...] = (UU20_2008, PP7_2021)
LAW_TITLES = {
    UU20_2008: ("Law 20/2008, art. 6", "UU 20/2008 Pasal 6"),
    PP7_2021: ("Government Regulation 7/2021, art. 35", "PP 7/2021 Pasal 35"),
}
#: PP 7/2021 was promulgated and took effect on 2 February 2021.
PP7_2021_IN_FORCE = date(2021, 2, 2)

CLASSES: tuple[str, ...] = ("micro", "small", "medium", "large")
CLASS_LABELS = {
    "micro": ("micro", "mikro"),
    "small": ("small", "kecil"),
    "medium": ("medium", "menengah"),
    "large": ("large", "besar"),
}

# Inclusive upper limits of micro, small and medium, in rupiah.
_LIMITS = {
    (UU20_2008, "net_assets"): (50_000_000, 500_000_000, 10_000_000_000),
    (UU20_2008, "annual_sales"): (300_000_000, 2_500_000_000, 50_000_000_000),
    (PP7_2021, "capital"): (1_000_000_000, 5_000_000_000, 10_000_000_000),
    (PP7_2021, "annual_sales"): (2_000_000_000, 15_000_000_000, 50_000_000_000),
}
_CRITERIA = {
    "net_assets": ("net assets", "kekayaan bersih"),
    "capital": ("business capital", "modal usaha"),
    "annual_sales": ("annual sales", "hasil penjualan tahunan"),
}
_BPS_LIMITS = ((4, "micro"), (19, "small"), (99, "medium"))


@dataclass(frozen=True)
class SizeClass:
    """The size class of a business under ``law`` and why (``basis`` in English, ``basis_id``)."""

    class_: str
    law: str
    by_assets: str | None
    by_capital: str | None
    by_sales: str
    deciding: str
    basis: str
    basis_id: str
    net_assets: int | None
    capital: int | None
    annual_sales: int
    workers: int | None = None
    bps_worker_class: str | None = None
    warnings: tuple[str, ...] = ()

    def as_dict(self, locale: str = "en") -> dict[str, object]:
        """The keys of ``kinerja classify --json``: ``class``, ``law``, ``by_assets`` or ``by_capital``..."""
        result: dict[str, object] = {"class": self.class_, "law": self.law}
        if self.law == UU20_2008:
            result["by_assets"] = self.by_assets
        else:
            result["by_capital"] = self.by_capital
        result.update(
            {
                "by_sales": self.by_sales,
                "basis": self.basis,
                "basis_id": self.basis_id,
                "deciding": self.deciding,
                "label": class_label(self.class_, locale),
                "law_title": LAW_TITLES[self.law][1 if locale == "id" else 0],
                "net_assets": self.net_assets,
                "capital": self.capital,
                "annual_sales": self.annual_sales,
                "workers": self.workers,
                "bps_worker_class": self.bps_worker_class,
                "warnings": list(self.warnings),
            }
        )
        return result


def class_label(class_: str, locale: str = "en") -> str:
    """``micro`` in English, ``mikro`` in Indonesian."""
    return CLASS_LABELS[class_][1 if locale == "id" else 0]


def classify(
    *,
    net_assets: int | None,
    annual_sales: int,
    capital: int | None = None,
    law: str = UU20_2008,
    workers: int | None = None,
) -> SizeClass:
    """The size class under ``law`` (``uu20-2008`` or ``pp7-2021``); see the module for the rule."""
    law = check_law(law)
    net_assets = parse_rupiah(net_assets, "net_assets", required=False)
    annual_sales = parse_rupiah(annual_sales, "annual_sales")
    capital = parse_rupiah(capital, "capital", required=False)
    warnings: list[str] = []
    by_sales = _class_by(annual_sales, law, "annual_sales")
    by_assets = by_capital = None
    if law == UU20_2008:
        if capital is not None:
            warnings.append(
                "business capital is a criterion of PP 7/2021, not of Law 20/2008; it was not used"
            )
        if net_assets is not None:
            by_assets = _class_by(net_assets, law, "net_assets")
        class_, deciding, basis = _decide_uu20(by_assets, by_sales, net_assets, annual_sales)
    else:
        if net_assets is not None:
            warnings.append(
                "net assets are a criterion of Law 20/2008, not of PP 7/2021 (capital is); not used"
            )
        if capital is not None:
            by_capital = _class_by(capital, law, "capital")
        class_, deciding, basis = _decide_pp7(by_capital, by_sales, capital, annual_sales)
    worker_class = bps_worker_class(workers) if workers is not None else None
    return SizeClass(
        class_=class_,
        law=law,
        by_assets=by_assets,
        by_capital=by_capital,
        by_sales=by_sales,
        deciding=deciding,
        basis=basis[0],
        basis_id=basis[1],
        net_assets=net_assets,
        capital=capital,
        annual_sales=annual_sales,
        workers=workers,
        bps_worker_class=worker_class,
        warnings=tuple(warnings),
    )


def law_for_date(when: date | str) -> str:
    """The regime in force on ``when``: ``uu20-2008`` before 2 February 2021, ``pp7-2021`` from then."""
    if isinstance(when, str):
        try:
            when = date.fromisoformat(when.strip())
        except ValueError:
            raise InputError(
                "date",
                f"{when!r} is not a date as YYYY-MM-DD",
                code="size.bad_date",
                params={"value": str(when)},
            ) from None
    if isinstance(when, datetime):
        when = when.date()
    if not isinstance(when, date):
        raise InputError(
            "date",
            f"must be a date, not {type(when).__name__}",
            code="size.bad_date",
            params={"value": type(when).__name__},
        )
    return PP7_2021 if when >= PP7_2021_IN_FORCE else UU20_2008


def law_for_period(start: date | str, end: date | str) -> str:
    """The regime a period is classified under: the one in force on its last day.

    A period wholly before 2 February 2021 is under Law 20/2008 and one from that day under
    PP 7/2021 (promulgated and in force on 2 February 2021). A period that spans the change
    (the KPI paper's study, 20 January 2021 - 31 January 2022) takes the law in force when its
    results are assessed, at its end; :func:`laws_during` lists both for the reader.
    """
    first, last = _as_date(start, "start"), _as_date(end, "end")
    if last < first:
        raise InputError(
            "end",
            f"{last.isoformat()} is before the start {first.isoformat()}",
            code="size.end_before_start",
            params={"start": first.isoformat(), "end": last.isoformat()},
        )
    return law_for_date(last)


def laws_during(start: date | str, end: date | str) -> tuple[str, ...]:
    """Every regime in force on some day of the period, oldest first (two when it spans 2 February 2021)."""
    first, last = _as_date(start, "start"), _as_date(end, "end")
    return tuple(dict.fromkeys((law_for_date(first), law_for_date(last))))


def figures_year(start: date | str, end: date | str) -> int:
    """The year whose yearly figures (assets or capital, annual sales, workers) classify a period.

    The calendar year holding most of the period's days (on a tie, the later): a quarter or a
    month lies in one year; the KPI paper's study (20 January 2021 - 31 January 2022) is 2021's.
    """
    first, last = _as_date(start, "start"), _as_date(end, "end")
    if last < first:
        raise InputError(
            "end",
            f"{last.isoformat()} is before the start {first.isoformat()}",
            code="size.end_before_start",
            params={"start": first.isoformat(), "end": last.isoformat()},
        )
    best_year, best_days = first.year, -1
    for year in range(first.year, last.year + 1):
        days = (min(last, date(year, 12, 31)) - max(first, date(year, 1, 1))).days + 1
        if days >= best_days:
            best_year, best_days = year, days
    return best_year


def _as_date(value: date | str, where: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise InputError(
                where,
                f"{value!r} is not a date as YYYY-MM-DD",
                code="size.bad_date",
                params={"value": str(value)},
            ) from None
    raise InputError(
        where,
        f"must be a date, not {type(value).__name__}",
        code="size.bad_date",
        params={"value": type(value).__name__},
    )


def bps_worker_class(workers: int) -> str:
    """Statistics Indonesia's class by workers, owner included.

    1-4 micro, 5-19 small, 20-99 medium, 100 and more large.
    """
    if isinstance(workers, bool) or not isinstance(workers, Integral):
        raise InputError(
            "workers",
            f"must be a whole number of workers, not {workers!r}",
            code="size.workers_not_whole",
            params={"value": repr(workers)},
        )
    if workers < 1:
        raise InputError(
            "workers",
            f"must be at least 1 (Statistics Indonesia counts the owner), not {workers}",
            code="size.workers_too_few",
            params={"value": workers},
        )
    for limit, name in _BPS_LIMITS:
        if workers <= limit:
            return name
    return "large"


def check_law(law: object) -> str:
    """``law`` normalized to ``uu20-2008`` or ``pp7-2021``."""
    key = law.strip().lower() if isinstance(law, str) else law
    if key not in LAWS:
        raise InputError(
            "law",
            f"unknown law {law!r}; use uu20-2008 or pp7-2021",
            code="size.unknown_law",
            params={"value": str(law)},
        )
    return key  # type: ignore[return-value]


_DIGITS = re.compile(r"\d+")
_DOT_GROUPED = re.compile(r"\d{1,3}(\.\d{3})+")


def parse_rupiah(value: object, where: str, *, required: bool = True) -> int | None:
    """Whole, non-negative rupiah from an int, an integral Decimal or float, or text.

    Text may start with ``Rp`` and may group thousands with dots, as Indonesian writes them
    (``300.000.000``, ``Rp 300.000.000,00``); a dot is read only as such a grouping, and a
    comma only before zero sen (``,00``), so no text can be read two ways. Commas as
    thousands separators (``300,000,000``) are refused for that reason.
    """
    if value is None:
        if required:
            raise InputError(where, "missing; give an amount in rupiah", code="size.amount_missing")
        return None
    if isinstance(value, bool):
        raise InputError(
            where,
            f"must be an amount in rupiah, not {value!r}",
            code="size.not_amount",
            params={"value": repr(value)},
        )
    if isinstance(value, Integral):
        amount = int(value)
    elif isinstance(value, (Decimal, float)):
        if isinstance(value, float) and (value != value or abs(value) > 2**53):
            raise InputError(
                where,
                f"{value!r} is not an exact whole amount in rupiah",
                code="size.not_whole_amount",
                params={"value": repr(value)},
            )
        if isinstance(value, Decimal) and not value.is_finite():
            raise InputError(
                where,
                f"{value!r} is not an amount in rupiah",
                code="size.not_amount",
                params={"value": repr(value)},
            )
        if value != int(value):
            raise InputError(
                where,
                f"must be whole rupiah, not {value}",
                code="size.not_whole_amount",
                params={"value": str(value)},
            )
        amount = int(value)
    elif isinstance(value, str):
        amount = _rupiah_text(value, where)
    else:
        raise InputError(
            where,
            f"must be an amount in rupiah, not {type(value).__name__}",
            code="size.not_amount",
            params={"value": type(value).__name__},
        )
    if amount < 0:
        raise InputError(
            where,
            f"must not be negative (it is {amount})",
            code="number.negative",
            params={"value": str(amount)},
        )
    return amount


def _rupiah_text(text: str, where: str) -> int:
    cleaned = re.sub(r"^\s*(rp\.?)?", "", text, flags=re.IGNORECASE).replace(" ", "").replace("\u00a0", "")
    sign = -1 if cleaned.startswith("-") else 1
    cleaned = cleaned.lstrip("+-")
    cleaned = re.sub(r",0+$", "", cleaned)
    if _DIGITS.fullmatch(cleaned):
        return sign * int(cleaned)
    if _DOT_GROUPED.fullmatch(cleaned):
        return sign * int(cleaned.replace(".", ""))
    raise InputError(
        where,
        f"{text!r} is not an amount in whole rupiah; write digits (300000000) or group thousands "
        "with dots (300.000.000)",
        code="size.bad_amount_text",
        params={"value": text},
    )


def _class_by(amount: int, law: str, criterion: str) -> str:
    for name, limit in zip(CLASSES, _LIMITS[(law, criterion)], strict=False):
        if amount <= limit:
            return name
    return "large"


def _rp(amount: int, locale: str) -> str:
    grouped = f"{amount:,}"
    return "Rp " + (grouped.replace(",", ".") if locale == "id" else grouped)


def _upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _phrase(criterion: str, amount: int, locale: str) -> str:
    name = _CRITERIA[criterion][1 if locale == "id" else 0]
    return f"{name} ({_rp(amount, locale)})"


def _decide_uu20(
    by_assets: str | None, by_sales: str, net_assets: int | None, sales: int
) -> tuple[str, str, tuple[str, str]]:
    sales_en, sales_id = _phrase("annual_sales", sales, "en"), _phrase("annual_sales", sales, "id")
    if by_assets is None:
        return (
            by_sales,
            "annual_sales",
            (
                f"Only {sales_en} were given: {by_sales} under Law 20/2008 art. 6, which also admits net "
                "assets as a criterion.",
                f"Hanya {sales_id} yang diberikan: {class_label(by_sales, 'id')} menurut UU 20/2008 Pasal 6, "
                "yang juga mengenal kriteria kekayaan bersih.",
            ),
        )
    assert net_assets is not None
    assets_en, assets_id = _phrase("net_assets", net_assets, "en"), _phrase("net_assets", net_assets, "id")
    if by_assets == by_sales:
        return (
            by_sales,
            "both",
            (
                f"{_upper(assets_en)} and {sales_en} both fall in the {by_sales} class "
                "of Law 20/2008 art. 6.",
                f"{_upper(assets_id)} dan {sales_id} sama-sama masuk kelas usaha "
                f"{class_label(by_sales, 'id')} menurut UU 20/2008 Pasal 6.",
            ),
        )
    higher = max(by_assets, by_sales, key=CLASSES.index)
    deciding = "net_assets" if higher == by_assets else "annual_sales"
    lower = by_sales if deciding == "net_assets" else by_assets
    win_en, lose_en = (assets_en, sales_en) if deciding == "net_assets" else (sales_en, assets_en)
    win_id, lose_id = (assets_id, sales_id) if deciding == "net_assets" else (sales_id, assets_id)
    return (
        higher,
        deciding,
        (
            f"{_upper(win_en)} make it {higher} while {lose_en} would make it {lower}; Law 20/2008 art. 6 "
            "joins the two criteria with 'or' and gives neither precedence, so Kinerja takes the "
            f"higher class, {higher}: a business past a class's ceiling on either criterion has "
            "outgrown that class.",
            f"{_upper(win_id)} menjadikannya usaha {class_label(higher, 'id')}, sedangkan {lose_id} "
            f"menjadikannya usaha {class_label(lower, 'id')}; UU 20/2008 Pasal 6 menggabungkan "
            "kedua kriteria dengan 'atau' tanpa mendahulukan salah satunya, maka Kinerja memakai "
            "kelas yang lebih tinggi, "
            f"{class_label(higher, 'id')}: usaha yang melampaui batas suatu kelas pada salah satu kriteria "
            "sudah melewati kelas itu.",
        ),
    )


def _decide_pp7(
    by_capital: str | None, by_sales: str, capital: int | None, sales: int
) -> tuple[str, str, tuple[str, str]]:
    sales_en, sales_id = _phrase("annual_sales", sales, "en"), _phrase("annual_sales", sales, "id")
    if by_capital is None:
        return (
            by_sales,
            "annual_sales",
            (
                f"{_upper(sales_en)} decide: {by_sales} under Government Regulation 7/2021 art. 35(5); "
                "no business capital was given, and sales are the criterion used besides capital "
                "(art. 35(4)).",
                f"{_upper(sales_id)} menentukan: usaha {class_label(by_sales, 'id')} menurut PP 7/2021 "
                "Pasal 35 ayat (5); modal usaha tidak diberikan, dan hasil penjualan tahunan adalah kriteria "
                "selain modal usaha (Pasal 35 ayat (4)).",
            ),
        )
    assert capital is not None
    capital_en, capital_id = _phrase("capital", capital, "en"), _phrase("capital", capital, "id")
    if by_capital == by_sales:
        agree_en = f"{sales_en} give the same class"
        agree_id = f"{sales_id} memberi kelas yang sama"
    else:
        agree_en = f"{sales_en} alone would give {by_sales} (art. 35(5))"
        agree_id = f"{sales_id} saja akan memberi usaha {class_label(by_sales, 'id')} (Pasal 35 ayat (5))"
    return (
        by_capital,
        "capital",
        (
            f"{_upper(capital_en)} decides: {by_capital} under Government Regulation 7/2021 art. 35(3), "
            f"as capital is the criterion for founding and registering a business (art. 35(2)); {agree_en}.",
            f"{_upper(capital_id)} menentukan: usaha {class_label(by_capital, 'id')} menurut PP 7/2021 "
            f"Pasal 35 ayat (3), karena modal usaha adalah kriteria untuk pendirian atau pendaftaran "
            f"kegiatan usaha (Pasal 35 ayat (2)); {agree_id}.",
        ),
    )

"""``kinerja classify``: the MSME size class of a business under Law 20/2008 or PP 7/2021.

Amounts are whole rupiah, as digits (``300000000``) or grouped with dots as Indonesian writes
them (``300.000.000``, ``Rp300.000.000,00``); commas as thousands separators are refused,
since ``300,000`` could be read two ways. The rule used when the criteria disagree is in
:mod:`kinerja.sizing` and in the ``basis`` sentence of every answer.
"""

from __future__ import annotations

from datetime import date

import typer
from rich.table import Table

from kinerja.cli.app import app
from kinerja.cli.common import LocaleOption, emit_json, fail, stdout_console
from kinerja.errors import InputError
from kinerja.formatting import LOCALES, format_rupiah
from kinerja.sizing import (
    LAW_TITLES,
    LAWS,
    UU20_2008,
    SizeClass,
    class_label,
    classify,
    law_for_date,
    parse_rupiah,
)

_WORDS = {
    "en": {
        "title": "MSME size class",
        "class": "Class",
        "law": "Law",
        "by_assets": "By net assets",
        "by_capital": "By business capital",
        "by_sales": "By annual sales",
        "basis": "Basis",
        "bps": "Statistics Indonesia (BPS), by workers",
        "not_given": "(not given)",
        "warning": "Warning",
    },
    "id": {
        "title": "Kelas usaha UMKM",
        "class": "Kelas",
        "law": "Dasar hukum",
        "by_assets": "Menurut kekayaan bersih",
        "by_capital": "Menurut modal usaha",
        "by_sales": "Menurut hasil penjualan tahunan",
        "basis": "Alasan",
        "bps": "BPS, menurut jumlah tenaga kerja",
        "not_given": "(tidak diberikan)",
        "warning": "Peringatan",
    },
}


@app.command("classify")
def classify_command(
    net_assets: str | None = typer.Option(
        None, "--net-assets", help="Net assets excluding land and buildings, Rp (Law 20/2008)."
    ),
    annual_sales: str | None = typer.Option(None, "--annual-sales", help="Annual sales, Rp."),
    capital: str | None = typer.Option(
        None, "--capital", help="Business capital excluding land and buildings, Rp (PP 7/2021)."
    ),
    law: str | None = typer.Option(
        None, "--law", help="uu20-2008 (default) or pp7-2021; or let --date choose the law in force."
    ),
    on_date: str | None = typer.Option(
        None, "--date", help="YYYY-MM-DD: use the law in force that day (PP 7/2021 from 2021-02-02)."
    ),
    workers: str | None = typer.Option(
        None, "--workers", help="Workers, owner included: adds the BPS class."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object instead of a table."),
    locale: str = LocaleOption,
) -> None:
    """Micro, small, medium or large under Indonesian law, and which criterion decided."""
    if locale not in LOCALES:
        fail("--locale", "", f"{locale!r} is not a locale; use one of {', '.join(LOCALES)}")
    chosen_law = _choose_law(law, on_date)
    if annual_sales is None:
        fail("--annual-sales", "", "missing; give the annual sales in rupiah (e.g. 300000000 or 300.000.000)")
    amounts = {}
    for option, value in (
        ("--net-assets", net_assets),
        ("--annual-sales", annual_sales),
        ("--capital", capital),
    ):
        try:
            amounts[option] = parse_rupiah(value, option, required=False)
        except InputError as error:
            fail(option, "", error.problem)
    worker_count = _parse_workers(workers)
    try:
        result = classify(
            net_assets=amounts["--net-assets"],
            annual_sales=amounts["--annual-sales"],
            capital=amounts["--capital"],
            law=chosen_law,
            workers=worker_count,
        )
    except InputError as error:
        fail("--" + error.where.replace("_", "-"), "", error.problem)
    if as_json:
        emit_json(result.as_dict(locale))
    else:
        _print_table(result, locale)


def _choose_law(law: str | None, on_date: str | None) -> str:
    if law is not None and law.strip().lower() not in LAWS:
        fail("--law", "", f"{law!r} is not a law; use one of {', '.join(LAWS)}")
    by_date = None
    if on_date is not None:
        try:
            by_date = law_for_date(date.fromisoformat(on_date.strip()))
        except ValueError:
            fail("--date", "", f"{on_date!r} is not a date as YYYY-MM-DD")
    if law is not None and by_date is not None and law.strip().lower() != by_date:
        fail(
            "--law", "", f"{law} was not the law in force on {on_date} ({by_date} was); give one or the other"
        )
    return (law.strip().lower() if law is not None else None) or by_date or UU20_2008


def _parse_workers(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        count = int(text.strip())
    except ValueError:
        fail("--workers", "", f"{text!r} is not a whole number of workers")
    if count < 1:
        fail("--workers", "", f"{text!r}: give at least 1 (Statistics Indonesia counts the owner)")
    return count


def _print_table(result: SizeClass, locale: str) -> None:
    words = _WORDS[locale]
    table = Table(title=words["title"], show_header=False)
    table.add_column(style="bold")
    table.add_column()
    table.add_row(words["class"], class_label(result.class_, locale))
    table.add_row(words["law"], LAW_TITLES[result.law][1 if locale == "id" else 0])
    if result.law == UU20_2008:
        table.add_row(words["by_assets"], _criterion(result.by_assets, result.net_assets, locale))
    else:
        table.add_row(words["by_capital"], _criterion(result.by_capital, result.capital, locale))
    table.add_row(words["by_sales"], _criterion(result.by_sales, result.annual_sales, locale))
    table.add_row(words["basis"], result.basis_id if locale == "id" else result.basis)
    if result.bps_worker_class is not None:
        table.add_row(words["bps"], f"{class_label(result.bps_worker_class, locale)} ({result.workers})")
    stdout_console.print(table)
    for warning in result.warnings:
        stdout_console.print(f"{words['warning']}: {warning}", style="yellow", highlight=False, markup=False)


def _criterion(class_: str | None, amount: int | None, locale: str) -> str:
    if class_ is None or amount is None:
        return _WORDS[locale]["not_given"]
    return f"{class_label(class_, locale)} ({format_rupiah(amount, locale=locale)})"

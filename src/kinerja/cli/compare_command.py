"""``kinerja compare``: period-to-period change of KPI series, as the KPI paper's Table 2.

``--base previous`` (default) is the usual growth, (new - old) / old; ``--base later`` is
(new - old) / new, the paper's convention. A series whose name says Rupiah (``Rp``, ``IDR``,
``Rupiah``), or that the optional ``"units"`` object marks so, is shown as ``Rp 96.309.500``.
"""

from __future__ import annotations

import re

import typer
from rich.table import Table

from kinerja.cli.app import app
from kinerja.cli.common import (
    LocaleOption,
    emit_json,
    fail,
    fail_input,
    read_document,
    require_object,
    stdout_console,
)
from kinerja.compare import BASES, Comparison, compare_document
from kinerja.errors import InputError
from kinerja.formatting import LOCALES, format_number, format_rupiah

_RUPIAH = re.compile(r"\b(rp|idr|rupiah)\b", re.IGNORECASE)
_WORDS = {
    "en": {
        "title": "Comparison of periods",
        "changes": "Change in %",
        "series": "Series",
        "average": "Average",
        "overall": "First to last",
        "base": {
            "previous": "change relative to the earlier period",
            "later": "change relative to the later period",
        },
        "warning": "Warning",
    },
    "id": {
        "title": "Perbandingan antarperiode",
        "changes": "Perubahan dalam %",
        "series": "Seri",
        "average": "Rata-rata",
        "overall": "Awal ke akhir",
        "base": {
            "previous": "perubahan terhadap periode sebelumnya",
            "later": "perubahan terhadap periode sesudahnya",
        },
        "warning": "Peringatan",
    },
}


@app.command("compare")
def compare_command(
    file: str = typer.Argument(
        ..., help="Periods and series: JSON (or YAML by extension), or - for standard input."
    ),
    base: str = typer.Option(
        "previous",
        "--base",
        help="previous: (new - old) / old (default); later: (new - old) / new, as the paper.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object instead of a table."),
    locale: str = LocaleOption,
) -> None:
    """Percentage change of each series from period to period, on average and first to last."""
    if base not in BASES:
        fail("--base", "", f"{base!r} is not a base; use one of {', '.join(BASES)}")
    if locale not in LOCALES:
        fail("--locale", "", f"{locale!r} is not a locale; use one of {', '.join(LOCALES)}")
    document = require_object(file, read_document(file))
    units = document.get("units") or {}
    if not isinstance(units, dict):
        fail(file, "units", "must be an object: series name to unit")
    try:
        result = compare_document(document, base=base)
    except InputError as error:
        fail_input(file, error)
    if as_json:
        emit_json(result.as_dict())
    else:
        _print_table(result, units, locale)


def _is_rupiah(name: str, units: dict[str, object]) -> bool:
    unit = units.get(name)
    return bool(_RUPIAH.search(unit if isinstance(unit, str) else name))


def _value(value: int | float | None, rupiah: bool, locale: str) -> str:
    if value is None:  # not measured in that period: the paper's "-"
        return "-"
    if rupiah:
        return format_rupiah(value, locale=locale)
    text = format_number(value, 3, locale)
    mark = "," if locale == "id" else "."
    return text.rstrip("0").rstrip(mark) if mark in text else text


def _percent(value: float | None, locale: str) -> str:
    return "-" if value is None else f"{format_number(value, 2, locale)} %"


def _print_table(result: Comparison, units: dict[str, object], locale: str) -> None:
    """The paper's Table 2 (series by period), then the changes on the chosen base."""
    words = _WORDS[locale]
    values = Table(title=words["title"])
    values.add_column(words["series"], overflow="fold")
    for period in result.periods:
        values.add_column(period, justify="right", no_wrap=True)
    changes = Table(title=f"{words['changes']}, base {result.base}: {words['base'][result.base]}")
    changes.add_column(words["series"], overflow="fold")
    for index in range(1, len(result.periods)):
        header = f"{result.periods[index - 1]}\n→ {result.periods[index]}"
        changes.add_column(header, justify="right", min_width=9, overflow="fold")
    changes.add_column(words["average"], justify="right", min_width=9, overflow="fold")
    changes.add_column(words["overall"], justify="right", min_width=9, overflow="fold")
    for series in result.series:
        rupiah = _is_rupiah(series.name, units)
        values.add_row(series.name, *(_value(value, rupiah, locale) for value in series.values))
        changes.add_row(
            series.name,
            *(_percent(step.change_pct, locale) for step in series.steps),
            _percent(series.average_pct, locale),
            _percent(series.overall_pct, locale),
        )
    stdout_console.print(values)
    stdout_console.print(changes)
    for warning in result.warnings:
        stdout_console.print(f"{words['warning']}: {warning}", style="yellow", highlight=False, markup=False)

"""``kinerja score``: a KPI scorecard scored, as the KPI paper's Table 1 or as JSON.

Input: JSON (or YAML by extension) as ``shared/spec/examples/table1-scorecard.json``; CSV
(``.csv``, ``.tsv``) or XLSX (``.xlsx``) with a header row ``name, weight, perspective, unit,
direction, target, actual, realization``; ``--format`` says which for standard input.
Options are read as text and checked here, so a bad value is one line and exit 2.
"""

from __future__ import annotations

import sys
from decimal import Decimal, InvalidOperation

import typer
from rich.table import Table

from kinerja.cli.app import app
from kinerja.cli.common import (
    LocaleOption,
    emit_json,
    fail,
    fail_input,
    read_document,
    read_text,
    require_object,
    stdout_console,
)
from kinerja.errors import InputError
from kinerja.formatting import LOCALES, format_number, format_rupiah
from kinerja.scoring import (
    LOWER_RULES,
    NOT_APPLICABLE_POLICIES,
    PRESETS,
    WEIGHT_POLICIES,
    ScorecardInput,
    ScoreResult,
    parse_scorecard,
    parse_scorecard_rows,
    rows_from_csv,
    rows_from_xlsx,
    score_scorecard,
)

FORMATS = ("auto", "json", "yaml", "csv", "xlsx")
_RUPIAH_UNITS = {"idr", "rp", "rupiah"}
_WORDS = {
    "en": {
        "title": "KPI scorecard",
        "perspective": "Perspective",
        "indicator": "Indicator",
        "weight": "Weight %",
        "target": "Target",
        "actual": "Actual",
        "realization": "Realization %",
        "score": "Score",
        "subtotal": "Subtotal",
        "none": "(no perspective)",
        "total": "Total",
        "rating": "Rating",
        "warning": "Warning",
        "capped": "(x) = realization before the cap of",
        "not_applicable": "not applicable",
        "options": "Options",
    },
    "id": {
        "title": "Kartu skor KPI",
        "perspective": "Perspektif",
        "indicator": "Indikator",
        "weight": "Bobot %",
        "target": "Target",
        "actual": "Aktual",
        "realization": "Realisasi %",
        "score": "Skor",
        "subtotal": "Subtotal",
        "none": "(tanpa perspektif)",
        "total": "Total",
        "rating": "Predikat",
        "warning": "Peringatan",
        "capped": "(x) = realisasi sebelum dibatasi pada",
        "not_applicable": "tidak berlaku",
        "options": "Opsi",
    },
}


@app.command("score")
def score_command(
    file: str = typer.Argument(..., help="Scorecard: JSON, YAML, CSV or XLSX file, or - for standard input."),
    weights: str = typer.Option(
        "strict",
        "--weights",
        help="Weights not summing to 100: strict (refuse, default), normalize or as-is.",
    ),
    cap: str = typer.Option("100", "--cap", help="Highest realization % a score uses; 0 or none for no cap."),
    lower: str = typer.Option(
        "ratio",
        "--lower",
        help="Lower-is-better indicators without their own lower_rule: ratio (target / actual, default) "
        "or linear (2 - actual / target, floored at 0).",
    ),
    not_applicable: str = typer.Option(
        "renormalize",
        "--not-applicable",
        help='Indicators with "applicable": false: renormalize the others\' weights (default) or as-is.',
    ),
    rating_digits: str = typer.Option(
        "2",
        "--rating-digits",
        help="Rate the total rounded to this many decimals (default 2, as shown), or none.",
    ),
    bands_preset: str = typer.Option(
        "",
        "--bands",
        help="Rating bands preset instead of the input's: pp46-2011 (the default) or permenpanrb6-2022.",
    ),
    input_format: str = typer.Option(
        "auto", "--format", help="Input format: auto (by extension, default), json, yaml, csv or xlsx."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object instead of a table."),
    locale: str = LocaleOption,
) -> None:
    """Realization, score, perspective subtotals, total and rating of a KPI scorecard."""
    if weights not in WEIGHT_POLICIES:
        fail("--weights", "", f"{weights!r} is not a weight policy; use one of {', '.join(WEIGHT_POLICIES)}")
    if locale not in LOCALES:
        fail("--locale", "", f"{locale!r} is not a locale; use one of {', '.join(LOCALES)}")
    if input_format not in FORMATS:
        fail("--format", "", f"{input_format!r} is not an input format; use one of {', '.join(FORMATS)}")
    if lower not in LOWER_RULES:
        fail("--lower", "", f"{lower!r} is not a lower-is-better rule; use one of {', '.join(LOWER_RULES)}")
    if not_applicable not in NOT_APPLICABLE_POLICIES:
        fail(
            "--not-applicable",
            "",
            f"{not_applicable!r} is not a policy; use one of {', '.join(NOT_APPLICABLE_POLICIES)}",
        )
    if bands_preset and bands_preset not in PRESETS:
        fail("--bands", "", f"{bands_preset!r} is not a bands preset; use one of {', '.join(PRESETS)}")
    digits = _parse_digits(rating_digits)
    cap_value = _parse_cap(cap)
    scorecard = _read_scorecard(file, input_format, lower)
    if bands_preset:
        scorecard = ScorecardInput(scorecard.indicators, PRESETS[bands_preset].bands)
    try:
        result = score_scorecard(
            scorecard, weights=weights, cap=cap_value, not_applicable=not_applicable, rating_digits=digits
        )
    except InputError as error:
        fail_input(file, error)
    if as_json:
        emit_json(result.as_dict(locale))
    else:
        _print_table(result, scorecard, locale)


def _parse_cap(text: str) -> Decimal | None:
    if text.strip().lower() in ("none", "off", "0"):
        return None
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        fail("--cap", "", f"{text!r} is not a number; give a percentage such as 100, or none for no cap")
    if not value.is_finite() or value < 0:
        fail("--cap", "", f"{text!r} must be a positive percentage such as 100, or 0 or none for no cap")
    return None if value == 0 else value


def _parse_digits(text: str) -> int | None:
    if text.strip().lower() in ("none", "off"):
        return None
    if not text.strip().isdigit() or int(text) > 6:
        fail("--rating-digits", "", f"{text!r} must be a whole number from 0 to 6, or none")
    return int(text)


def _read_scorecard(file: str, input_format: str, lower: str = "ratio") -> ScorecardInput:
    kind = input_format
    if kind == "auto":
        lowered = file.lower()
        kind = (
            "csv" if lowered.endswith((".csv", ".tsv")) else "xlsx" if lowered.endswith(".xlsx") else "json"
        )
    try:
        if kind == "xlsx":
            return parse_scorecard_rows(rows_from_xlsx(_read_bytes(file)))
        if kind == "csv":
            rows, decimal_comma = rows_from_csv(read_text(file))
            return parse_scorecard_rows(rows, decimal_comma=decimal_comma)
        if kind == "yaml" and not file.lower().endswith((".yaml", ".yml")):
            return parse_scorecard(require_object(file, _yaml(file)), lower_rule=lower)
        return parse_scorecard(require_object(file, read_document(file)), lower_rule=lower)
    except InputError as error:
        fail_input(file, error)


def _read_bytes(file: str) -> bytes:
    if file == "-":
        return sys.stdin.buffer.read()
    try:
        with open(file, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        fail(file, "", "no such file")
    except IsADirectoryError:
        fail(file, "", "is a directory, not a file")
    except OSError as exc:
        fail(file, "", exc.strerror or "cannot be read")


def _yaml(file: str) -> object:
    import yaml

    try:
        return yaml.safe_load(read_text(file))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        fail(file, where, f"not valid YAML ({getattr(exc, 'problem', exc)})")


# --- the table ------------------------------------------------------------------------------


def _number(value: float | int | None, places: int, locale: str) -> str:
    """``value`` to at most ``places`` decimals, trailing zeros dropped: 5.625, 15, 94.78."""
    if value is None:
        return ""
    text = format_number(value, places, locale)
    mark = "," if locale == "id" else "."
    if mark in text:
        text = text.rstrip("0").rstrip(mark)
    return text


def _amount(value: float | int | None, unit: str | None, locale: str) -> str:
    if value is None:
        return ""
    if unit and unit.strip().lower() in _RUPIAH_UNITS:
        return format_rupiah(value, locale=locale)
    shown = _number(value, 3, locale)
    return f"{shown} {unit}" if unit else shown


def _print_table(result: ScoreResult, scorecard: ScorecardInput, locale: str) -> None:
    words = _WORDS[locale]
    with_actual = any(indicator.actual is not None or indicator.parts for indicator in result.indicators)
    table = Table(title=words["title"], show_lines=False)
    table.add_column(words["perspective"], overflow="fold")
    table.add_column(words["indicator"], overflow="fold")
    table.add_column(words["weight"], justify="right", no_wrap=True)
    table.add_column(words["target"], justify="right")
    if with_actual:
        table.add_column(words["actual"], justify="right")
    table.add_column(words["realization"], justify="right", no_wrap=True)
    table.add_column(words["score"], justify="right", no_wrap=True)
    capped = False
    for perspective in result.perspectives:
        label = perspective.name or words["none"]
        members = [i for i in result.indicators if (i.perspective or "") == perspective.name]
        for position, indicator in enumerate(members):
            if not indicator.applicable:
                cells = [label if position == 0 else "", f"{indicator.name} ({words['not_applicable']})"]
                cells += [_number(indicator.weight_given, 3, locale), "-"]
                cells += ["-"] * (3 if with_actual else 2)
                table.add_row(*cells, style="dim")
                continue
            realization = format_number(indicator.realization, 2, locale)
            if indicator.capped:
                capped = True
                realization += f" ({format_number(indicator.realization_uncapped, 2, locale)})"
            cells = [
                label if position == 0 else "",
                indicator.name,
                _number(indicator.weight, 3, locale),
                _amount(indicator.target, indicator.unit, locale),
            ]
            if with_actual:
                cells.append(_amount(indicator.actual, indicator.unit, locale))
            cells += [realization, _number(indicator.score, 3, locale)]
            table.add_row(*cells)
            for part in indicator.parts:
                cells = ["", f"  · {part.name}", "", _amount(part.target, part.unit, locale)]
                if with_actual:
                    cells.append(_amount(part.actual, part.unit, locale))
                cells += [format_number(part.realization, 2, locale), ""]
                table.add_row(*cells, style="dim")
        blanks = [""] * (2 if with_actual else 1)
        table.add_row(
            "",
            f"{words['subtotal']} {label}",
            _number(perspective.weight, 3, locale),
            *blanks,
            "",
            _number(perspective.score, 3, locale),
            style="italic",
            end_section=True,
        )
    blanks = [""] * (2 if with_actual else 1)
    table.add_row(
        words["total"],
        "",
        _number(result.weight_sum, 3, locale),
        *blanks,
        "",
        format_number(result.total, 2, locale),
        style="bold",
    )
    table.add_row(words["rating"], result.rating.label(locale), "", *blanks, "", "", style="bold")
    stdout_console.print(table)
    rules = sorted({i.lower_rule for i in result.indicators if i.direction == "lower"})
    options = [
        f"weights {result.weights_policy}",
        f"cap {_number(result.cap, 2, locale) if result.cap else 'none'}",
    ]
    if rules:
        options.append(f"lower {'/'.join(rules)}")
    if any(not i.applicable for i in result.indicators):
        options.append(f"not applicable {result.not_applicable_policy}")
    stdout_console.print(f"{words['options']}: {', '.join(options)}", highlight=False)
    if capped and result.cap is not None:
        stdout_console.print(f"{words['capped']} {_number(result.cap, 2, locale)} %", highlight=False)
    for warning in result.warnings:
        stdout_console.print(f"{words['warning']}: {warning}", style="yellow", highlight=False, markup=False)

"""Scorecards from JSON-like data and from spreadsheet rows (CSV, XLSX).

JSON (``shared/spec/examples/table1-scorecard.json``): ``{"indicators": [...], "bands": [...]}``;
other top-level keys (``enterprise``, ``period``) are the caller's. Places are JSON paths
counted from 0: ``indicators[3].weight``, ``bands[1].min``. Beside the contract's keys an
indicator may have ``applicable`` (false: not applicable this period), ``lower_rule``
(``ratio`` or ``linear``), and ``parts`` (a composite target: a list of ``{"name", "target",
"actual", "unit"}``) with ``combine`` (``mean`` or ``min``); see :mod:`kinerja.scoring.model`.

Spreadsheets: the first row names the columns (``name, weight, perspective, unit, direction,
target, actual, realization``, or the Indonesian ``nama, bobot, perspektif, satuan, arah,
target, aktual/capaian, realisasi``; case and spaces do not matter, other columns are
ignored); places are spreadsheet rows counted from 1 with the header as row 1:
``row 4, column "weight"``. A CSV separated by semicolons (what a spreadsheet in Indonesian
settings saves) has decimal commas and may group thousands with dots (``1.408``,
``89,58``); one separated by commas or tabs has decimal dots and no grouping.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from kinerja.errors import IndicatorError, InputError
from kinerja.scoring.bands import DEFAULT_BANDS, parse_bands
from kinerja.scoring.model import LOWER_RULES, Indicator, Part, ScorecardInput

FIELDS: tuple[str, ...] = (
    "name",
    "weight",
    "perspective",
    "unit",
    "direction",
    "target",
    "actual",
    "realization",
)
_NUMERIC = frozenset({"weight", "target", "actual", "realization"})
_ALIASES = {
    "nama": "name",
    "indikator": "name",
    "indicator": "name",
    "bobot": "weight",
    "perspektif": "perspective",
    "satuan": "unit",
    "arah": "direction",
    "aktual": "actual",
    "capaian": "actual",
    "realisasi": "realization",
    "realisation": "realization",
}


def parse_scorecard(data: Any, *, lower_rule: str = "ratio") -> ScorecardInput:
    """Validated scorecard from JSON-like ``data``; an :class:`InputError` names the place.

    ``lower_rule``: the rule of every lower-is-better indicator that does not name its own.
    """
    if lower_rule not in LOWER_RULES:
        raise InputError(
            "lower_rule",
            f"unknown lower rule {lower_rule!r}; use ratio or linear",
            code="score.unknown_rule",
            params={"field": "lower_rule", "value": str(lower_rule)},
        )
    if not isinstance(data, dict):
        raise InputError(
            "",
            f"the scorecard must be an object with an indicators list, not {type(data).__name__}",
            code="score.not_object",
        )
    items = data.get("indicators")
    if not isinstance(items, list) or not items:
        raise InputError("indicators", "must be a non-empty list of indicators", code="score.no_indicators")
    indicators = []
    for index, item in enumerate(items):
        where = f"indicators[{index}]"
        if not isinstance(item, dict):
            raise InputError(
                where,
                'must be an object with "name", "weight" and a realization or target and actual',
                code="score.indicator_not_object",
            )
        arguments: dict[str, Any] = {name: item.get(name) for name in FIELDS}
        if arguments["direction"] is None:
            arguments["direction"] = "higher"
        arguments["lower_rule"] = item.get("lower_rule") or lower_rule
        if item.get("combine") is not None:
            arguments["combine"] = item["combine"]
        if "applicable" in item and item["applicable"] is not None:
            arguments["applicable"] = item["applicable"]
        try:
            if item.get("parts") is not None:
                arguments["parts"] = _parts(item["parts"])
            indicators.append(Indicator(**arguments))
        except InputError as error:
            raise error.at(f"{where}.{error.where}" if error.where else where) from None
    bands = parse_bands(data["bands"]) if data.get("bands") is not None else DEFAULT_BANDS
    return ScorecardInput(tuple(indicators), bands)


def _parts(data: object) -> tuple[Part, ...]:
    """The parts of a composite target from JSON; errors at ``parts[i].field``."""
    if not isinstance(data, list):
        raise IndicatorError(
            "parts", 'must be a list of parts, each {"name", "target", "actual"}', code="score.parts_not_list"
        )
    parts = []
    for index, item in enumerate(data):
        if not isinstance(item, dict):
            raise IndicatorError(
                f"parts[{index}]",
                'must be an object with "name", "target" and "actual"',
                code="score.part_not_object",
            )
        try:
            parts.append(
                Part(
                    name=item.get("name"),
                    target=item.get("target"),
                    actual=item.get("actual"),
                    unit=item.get("unit"),
                )
            )
        except InputError as error:
            raise error.at(f"parts[{index}].{error.where}") from None
    return tuple(parts)


def parse_scorecard_rows(rows: Iterable[Sequence[object]], *, decimal_comma: bool = False) -> ScorecardInput:
    """Validated scorecard from spreadsheet rows, the first naming the columns.

    Cells are text (CSV) or numbers (XLSX); empty cells and empty rows are skipped.
    """
    iterator = iter(rows)
    header = next(iterator, None)
    if header is None:
        raise InputError("row 1", "the file is empty; the first row must name the columns", code="file.empty")
    columns = _columns(header)
    indicators: list[Indicator] = []
    row_of: list[int] = []
    for number, row in enumerate(iterator, start=2):
        if all(_blank(cell) for cell in row):
            continue
        arguments: dict[str, object] = dict.fromkeys(FIELDS) | {"direction": "higher"}
        for field, position in columns.items():
            cell = row[position] if position < len(row) else None
            if _blank(cell):
                continue
            place = f'row {number}, column "{field}"'
            arguments[field] = _number(cell, place, decimal_comma) if field in _NUMERIC else str(cell).strip()
        try:
            indicators.append(Indicator(**arguments))  # type: ignore[arg-type]
        except InputError as error:
            where = f'row {number}, column "{error.where}"' if error.where else f"row {number}"
            raise error.at(where) from None
        row_of.append(number)
    if not indicators:
        raise InputError(
            "row 2", "no indicators: the rows under the header are empty", code="score.no_indicators"
        )
    try:
        return ScorecardInput(tuple(indicators))
    except IndicatorError as error:  # a duplicate name: point at its row
        index = int(re.match(r"indicators\[(\d+)\]", error.where).group(1))  # type: ignore[union-attr]
        problem = re.sub(
            r"\(first as indicators\[(\d+)\]\)",
            lambda m: f"(first in row {row_of[int(m[1])]})",
            error.problem,
        )
        raise IndicatorError(
            f'row {row_of[index]}, column "name"', problem, code=error.code, params=error.params
        ) from None


def rows_from_csv(text: str) -> tuple[list[list[str]], bool]:
    """The rows of CSV ``text`` and whether its numbers have decimal commas (``;``-separated)."""
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    if not first_line.count(delimiter):
        delimiter = ","
    try:
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter))
    except csv.Error as exc:
        raise InputError(
            "", f"not valid CSV ({exc})", code="file.bad_csv", params={"detail": str(exc)}
        ) from None
    return rows, delimiter == ";"


def rows_from_xlsx(content: bytes) -> list[list[object]]:
    """The rows of the first worksheet of an XLSX workbook (cached values of formulas)."""
    try:
        from openpyxl import load_workbook
    except ImportError:  # pragma: no cover - openpyxl is a dependency of the full install
        raise InputError(
            "", "reading XLSX needs openpyxl; save the sheet as CSV instead", code="file.xlsx_unavailable"
        ) from None
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, KeyError and its own errors alike
        raise InputError(
            "",
            f"not a readable XLSX workbook ({type(exc).__name__})",
            code="file.bad_xlsx",
            params={"detail": type(exc).__name__},
        ) from None
    try:
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def _columns(header: Sequence[object]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for position, cell in enumerate(header):
        if _blank(cell):
            continue
        key = re.sub(r"\s+", " ", str(cell)).strip().casefold()
        field = _ALIASES.get(key, key)
        if field not in FIELDS:
            continue
        if field in columns:
            raise InputError(
                f"row 1, column {position + 1}",
                f'a second "{field}" column ("{cell}")',
                code="file.duplicate_column",
                params={"field": field, "cell": cell},
            )
        columns[field] = position
    missing = [field for field in ("name", "weight") if field not in columns]
    if missing:
        found = ", ".join(f'"{cell}"' for cell in header if not _blank(cell)) or "none"
        raise InputError(
            "row 1",
            f"no {' or '.join(missing)} column (columns found: {found}); known: {', '.join(FIELDS)}",
            code="file.missing_columns",
            params={"missing": list(missing), "found": found, "known": list(FIELDS)},
        )
    return columns


def _blank(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


_GROUPED = re.compile(r"[+-]?\d{1,3}(\.\d{3})+(,\d+)?")


def _number(cell: object, place: str, decimal_comma: bool) -> object:
    """A number cell: numbers pass (the indicator checks them); text is read by the CSV's convention."""
    if not isinstance(cell, str):
        return cell
    text = cell.strip().removesuffix("%").strip().replace("\u00a0", "").replace(" ", "")
    if decimal_comma:
        if _GROUPED.fullmatch(text):
            text = text.replace(".", "")
        elif "." in text:
            raise InputError(
                place,
                f"{cell!r} is not a number in this file's format (decimal comma, as 89,58)",
                code="file.not_comma_number",
                params={"value": str(cell)},
            )
        text = text.replace(",", ".")
    elif "," in text:
        raise InputError(
            place,
            f"{cell!r}: write numbers with a decimal dot and no grouping (89.58), "
            "or separate the columns with ;",
            code="file.ambiguous_number",
            params={"value": str(cell)},
        )
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise InputError(
            place,
            f"must be a number, not the text {cell!r}",
            code="number.not_number",
            params={"value": repr(cell)},
        ) from None
    if not value.is_finite():
        raise InputError(
            place,
            f"must be a finite number, not {cell!r}",
            code="number.not_finite",
            params={"value": str(cell)},
        )
    return value

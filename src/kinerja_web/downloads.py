"""Every CSV download of the site is written here: UTF-8 with a byte-order mark, cells made safe.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula (and a tab
or carriage return can hide one), so an owner who names their enterprise ``=HYPERLINK(...)``
could make the administrator's ranking download act against its reader (OWASP "CSV
injection"). ``cell`` turns every *text* value that starts with one of those characters into
text by prefixing ``'``; numbers (``int``, ``float``, ``Decimal``) are written as numbers, so a
negative change stays ``-3.5`` and sums still work. Numbers carry a dot as decimal mark, in plain
notation (machine-readable): ``int`` and ``Decimal`` exactly; a ``float`` to 12 significant
digits (:data:`FLOAT_DIGITS`), which drops the noise of binary arithmetic (``0.05625 * 100`` is
``5.624999999999999`` as a float, written ``5.625``) and keeps more digits than any page shows.

The byte-order mark lets spreadsheet programs read Indonesian labels as UTF-8.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from django.http import HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase

BOM = "\ufeff"
#: First characters a spreadsheet reads as the start of a formula (or that can hide one).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Significant digits of a float in a cell: a float carries about 15.9, arithmetic spoils the last.
FLOAT_DIGITS = 12
#: Rows of a streamed download sent in one piece (a piece per row would cost more than the rows).
CHUNK_ROWS = 1000


def cell(value: Any) -> str:
    """One value as the text of its cell: numbers as numbers, text neutralised if it could run."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return float_text(value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def float_text(value: float) -> str:
    """``value`` to :data:`FLOAT_DIGITS` significant digits in plain notation, trailing zeros dropped
    (``5.624999999999999`` -> ``5.625``; ``1e-07`` -> ``0.0000001``); ``nan``/``inf`` as ``repr``."""
    if value != value or value in (float("inf"), float("-inf")):
        return repr(value)
    text = format(Decimal(f"{value:.{FLOAT_DIGITS}g}"), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


class CsvWriter:
    """``csv.writer`` into a string that starts with the byte-order mark; every cell through ``cell``."""

    def __init__(self) -> None:
        self._out = io.StringIO()
        self._out.write(BOM)
        self._writer = csv.writer(self._out)

    def writerow(self, row: Sequence[Any]) -> None:
        self._writer.writerow([cell(value) for value in row])

    def getvalue(self) -> str:
        return self._out.getvalue()

    def take(self) -> str:
        """The text written since the last ``take`` (for streaming), and forget it."""
        text = self._out.getvalue()
        self._out.seek(0)
        self._out.truncate()
        return text


def csv_text(rows: Iterable[Sequence[Any]]) -> str:
    """The whole CSV of ``rows`` as one string."""
    writer = CsvWriter()
    for row in rows:
        writer.writerow(row)
    return writer.getvalue()


def csv_chunks(rows: Iterable[Sequence[Any]], chunk_rows: int | None = None) -> Iterator[str]:
    """The CSV of ``rows`` in pieces of ``chunk_rows`` (default ``CHUNK_ROWS``) rows, for streaming."""
    chunk_rows = chunk_rows or CHUNK_ROWS
    writer = CsvWriter()
    for number, row in enumerate(rows, start=1):
        writer.writerow(row)
        if number % chunk_rows == 0:
            yield writer.take()
    yield writer.take()


def csv_response(
    rows: Iterable[Sequence[Any]], filename: str, *, stream: bool = False, chunk_rows: int | None = None
) -> HttpResponseBase:
    """A download of ``rows`` named ``filename`` (streamed ``chunk_rows`` rows a piece when ``stream``)."""
    if stream:
        response: HttpResponseBase = StreamingHttpResponse(
            csv_chunks(rows, chunk_rows), content_type="text/csv; charset=utf-8"
        )
    else:
        response = HttpResponse(csv_text(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

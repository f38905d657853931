"""What every sub-command shares: reading the input file, failing cleanly, printing JSON."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any, NoReturn

import typer
from rich.console import Console

from kinerja.errors import InputError

EXIT_BAD_INPUT = 2

stdout_console = Console()


def fail(source: str, where: str, problem: str) -> NoReturn:
    """Print the one-line error the contract promises (file, place, problem) and exit 2."""
    place = f"{source}: {where}" if where else source
    print(f"kinerja: {place}: {problem}", file=sys.stderr)
    raise typer.Exit(EXIT_BAD_INPUT)


def fail_input(source: str, error: InputError) -> NoReturn:
    """Exit 2 for an :class:`InputError` raised by the core."""
    fail(source, error.where, error.problem)


def read_text(path: str) -> str:
    """The text of ``path``, or of standard input for ``-``; a missing file exits 2."""
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        fail(path, "", "no such file")
    except IsADirectoryError:
        fail(path, "", "is a directory, not a file")
    except UnicodeDecodeError as exc:
        fail(path, f"byte {exc.start}", "not UTF-8 text")
    except OSError as exc:
        fail(path, "", exc.strerror or "cannot be read")


def read_document(path: str) -> Any:
    """Parse a JSON (or, by extension, YAML) document; syntax errors name line and column."""
    text = read_text(path)
    if path.lower().endswith((".yaml", ".yml")):
        try:
            import yaml
        except ImportError:
            fail(path, "", "YAML input needs PyYAML; give JSON instead")
        try:
            return yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
            fail(path, where, f"not valid YAML ({getattr(exc, 'problem', exc)})")
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        fail(path, f"line {exc.lineno}, column {exc.colno}", f"not valid JSON ({exc.msg})")
    except ValueError as exc:
        fail(path, "", str(exc))


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def require_object(path: str, document: Any) -> dict[str, Any]:
    """The top level must be a JSON object."""
    if not isinstance(document, dict):
        fail(path, "", f"the top level must be a JSON object, not {type(document).__name__}")
    return document


def emit_json(payload: dict[str, Any]) -> None:
    """One JSON object on standard output, numbers unrounded; NaN or infinity is a bug."""
    sys.stdout.write(json.dumps(_check_finite(payload), ensure_ascii=False, allow_nan=False))
    sys.stdout.write("\n")


def _check_finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("non-finite number in output")
    if isinstance(value, dict):
        return {key: _check_finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_check_finite(item) for item in value]
    return value


LocaleOption = typer.Option("en", "--locale", help="Number format for tables: en (1,234.5) or id (1.234,5).")

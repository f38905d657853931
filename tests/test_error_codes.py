"""Every error the core raises carries a stable code and its parameters beside the English text.

A page translates an error by its ``code`` (``kinerja_web.core_messages``), so an error raised
without one would reach an Indonesian page in English. The scan below reads the core's source
and fails on any construction of an :class:`~kinerja.errors.InputError` (or a subclass, or the
``error`` class a helper is given) without ``code=``; the other tests exercise the common
errors and check the code and params a translation is made from.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kinerja.ahp import parse_comparison
from kinerja.errors import CompetencyError, IndicatorError, InputError, MatrixError
from kinerja.scoring import Indicator
from kinerja.sizing import parse_rupiah

CORE = Path(__file__).resolve().parents[1] / "src" / "kinerja"
ERROR_NAMES = {"InputError", "MatrixError", "IndicatorError", "CompetencyError", "error"}
CODE = re.compile(r"^[a-z]+\.[a-z_]+$")


def _constructions() -> list[tuple[str, int, ast.Call]]:
    """Every call that makes a core error, with its file and line (the command's own code aside)."""
    found = []
    for path in sorted(CORE.rglob("*.py")):
        if "cli" in path.relative_to(CORE).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else None
            if isinstance(func, ast.Call) and isinstance(func.func, ast.Name) and func.func.id == "type":
                name = "type(...)"  # type(error)(...) re-raises: must use error.at(...) instead
            if name in ERROR_NAMES or name == "type(...)":
                found.append((str(path.relative_to(CORE)), node.lineno, node))
    return found


def test_the_scan_sees_the_core_raise_sites() -> None:
    assert len(_constructions()) > 150


def test_every_core_error_is_raised_with_a_code() -> None:
    missing = []
    for where, line, call in _constructions():
        keywords = {keyword.arg: keyword.value for keyword in call.keywords}
        code = keywords.get("code")
        if code is None:
            missing.append(f"{where}:{line}")
        elif isinstance(code, ast.Constant) and not CODE.match(code.value):
            missing.append(f"{where}:{line} (code {code.value!r} is not area.name)")
    assert not missing, "core errors without a code: " + ", ".join(missing)


def test_codes_are_dotted_names_shared_by_kind_not_by_site() -> None:
    codes = [
        kw.value.value
        for _where, _line, call in _constructions()
        for kw in call.keywords
        if kw.arg == "code" and isinstance(kw.value, ast.Constant)
    ]
    assert all(CODE.match(code) for code in codes)
    assert len(set(codes)) < len(codes)  # e.g. number.missing is one code for every number field


@pytest.mark.parametrize(
    ("document", "code", "params"),
    [
        (
            {"criteria": ["A", "B"], "judgments": [["A", "B", 10]]},
            "ahp.outside_scale",
            {"value": "10"},
        ),
        ({"criteria": ["A", "B"], "judgments": [["A", "B", "x"]]}, "ahp.not_number", {"value": "'x'"}),
        (
            {"criteria": ["A", "B"], "judgments": [["A", "B", "1/0"]]},
            "ahp.zero_denominator",
            {"value": "'1/0'"},
        ),
        ({"criteria": ["A", "B"], "judgments": [["A", "B", 0]]}, "ahp.not_positive", {"value": "0"}),
        (
            {"criteria": ["A", "B"], "matrix": [[1, 3], [3, 1]]},
            "ahp.not_reciprocal",
            {"value": "3", "other": "3", "expected": pytest.approx(1 / 3)},
        ),
        (
            {"criteria": ["A", "B", "C", "D"], "judgments": [["A", "B", 3], ["C", "D", 2]]},
            "ahp.not_connected",
            {"count": 2, "groups": [["A", "B"], ["C", "D"]]},
        ),
    ],
)
def test_matrix_errors_carry_code_and_params(document: dict, code: str, params: dict) -> None:
    with pytest.raises(MatrixError) as caught:
        parse_comparison(document)
    assert caught.value.code == code
    assert caught.value.params == params
    assert caught.value.as_dict()["code"] == code


def test_indicator_errors_carry_code_and_params() -> None:
    with pytest.raises(IndicatorError) as caught:
        Indicator(name="Omzet", weight=10, target=None, actual=5)
    assert (caught.value.where, caught.value.code) == ("target", "score.target_missing")
    assert caught.value.params == {"formula": "actual / target"}
    with pytest.raises(IndicatorError) as caught:
        Indicator(name="Omzet", weight=-1, target=1, actual=5)
    assert (caught.value.where, caught.value.code) == ("weight", "number.negative")


def test_rupiah_and_competency_errors_carry_codes() -> None:
    with pytest.raises(InputError) as caught:
        parse_rupiah("12,5 juta", "net_assets")
    assert caught.value.code == "size.bad_amount_text"
    from kinerja.competency import assess

    with pytest.raises(CompetencyError) as caught_competency:
        assess({"items": "no"})
    assert caught_competency.value.code == "competency.items_not_list"


def test_a_relocated_error_keeps_its_code_params_and_class() -> None:
    error = MatrixError("judgments[0][2]", "10 is outside Saaty's scale 1/9..9", code="ahp.outside_scale")
    moved = error.at("experts[1].judgments[0][2]")
    assert isinstance(moved, MatrixError)
    assert (moved.where, moved.problem, moved.code) == (
        "experts[1].judgments[0][2]",
        error.problem,
        "ahp.outside_scale",
    )
    # the command's line is unchanged English
    assert str(moved) == "experts[1].judgments[0][2]: 10 is outside Saaty's scale 1/9..9"

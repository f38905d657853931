"""``kinerja ahp`` and ``kinerja hierarchy``: RI tables, thresholds, lambda_max formulas, sets of changes.

Contract: shared/spec/CLI-CONTRACT.md, ``--ri saaty|saaty-2005|donegan-dodd|alonso-lamata|custom``
(custom reads the input's ``"ri": {"3": 0.5, ...}``), output ``ri_table``. Tables: Saaty 2005,
*Theory and Applications of the Analytic Network Process*, p. 31 (0.52 at n = 3); Donegan and
Dodd 1991, Math. Comput. Modelling 15(10): 135-137 (0.4914 at n = 3), both as AHPy 2.1 has them.
The car example's criteria CR 0.080 with Donegan-Dodd's RI is the one AHPy's README prints.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kinerja.cli import ahp_command  # noqa: F401  (registers the commands)
from kinerja.cli.app import app

runner = CliRunner()

MATRIX_INPUT = {
    "criteria": ["Attendance", "Production time", "Work rotation"],
    "matrix": [[1, 3, "1/2"], ["1/3", 1, "1/5"], [2, 5, 1]],
}
CAR_CRITERIA = {
    "criteria": ["Cost", "Safety", "Style", "Capacity"],
    "judgments": [
        ["Cost", "Safety", 3],
        ["Cost", "Style", 7],
        ["Cost", "Capacity", 3],
        ["Safety", "Style", 9],
        ["Safety", "Capacity", 1],
        ["Style", "Capacity", "1/7"],
    ],
}
TWO_CHANGES = {
    "criteria": ["A", "B", "C", "D"],
    "matrix": [[1, "1/7", 8, 5], [7, 1, "1/2", 6], ["1/8", 2, 1, 9], ["1/5", "1/6", "1/9", 1]],
}
SEVEN = {"criteria": [f"k{i}" for i in range(7)], "matrix": [[1] * 7 for _ in range(7)]}


def write(tmp_path: Path, data, name: str = "input.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def run_json(*args: str) -> dict:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_saaty_2005_and_donegan_dodd_tables_are_named_in_the_output(tmp_path):
    path = write(tmp_path, MATRIX_INPUT)
    plain = run_json("ahp", path)
    for table, ri in (("saaty-2005", 0.52), ("donegan-dodd", 0.4914)):
        payload = run_json("ahp", path, "--ri", table)
        assert payload["ri_table"] == table and payload["ri"] == ri
        assert payload["cr"] == pytest.approx(plain["ci"] / ri, rel=1e-12)


def test_car_example_cr_with_donegan_dodd(tmp_path):
    payload = run_json("ahp", write(tmp_path, CAR_CRITERIA), "--ri", "donegan-dodd")
    assert payload["cr"] == pytest.approx(0.080, abs=5e-4)
    assert payload["ri"] == 0.8286


def test_custom_table_comes_from_the_input(tmp_path):
    payload = run_json("ahp", write(tmp_path, {**MATRIX_INPUT, "ri": {"3": 0.5, "4": 0.9}}), "--ri", "custom")
    assert payload["ri_table"] == "custom" and payload["ri"] == 0.5
    assert payload["cr"] == pytest.approx(payload["ci"] / 0.5, rel=1e-12)


def test_custom_table_in_group_and_hierarchy(tmp_path):
    group = {
        "criteria": ["A", "B", "C"],
        "ri": {"3": 0.5},
        "experts": [
            {"name": "Owner", "matrix": [[1, 3, 5], ["1/3", 1, 2], ["1/5", "1/2", 1]]},
            {"name": "Facilitator", "judgments": [["A", "B", 2], ["B", "C", 3]]},
        ],
    }
    payload = run_json("ahp", write(tmp_path, group), "--group", "--ri", "custom")
    assert payload["ri"] == 0.5 and payload["ri_table"] == "custom"
    tree = {
        "name": "Goal",
        "ri": {"3": 0.5},
        "children": ["X", "Y", "Z"],
        "judgments": [["X", "Y", 3], ["Y", "Z", 2], ["X", "Z", 5]],
    }
    payload = run_json("hierarchy", write(tmp_path, tree, "tree.json"), "--ri", "custom")
    assert payload["ri_table"] == "custom" and payload["nodes"][0]["ahp"]["ri"] == 0.5


BAD_CUSTOM = [
    ("size missing", {**SEVEN, "ri": {"3": 0.52}}, ["--ri", "custom"], "ri.7", "is missing"),
    ("not positive", {**MATRIX_INPUT, "ri": {"3": 0}}, ["--ri", "custom"], "ri.3", "> 0"),
    ("not a number", {**MATRIX_INPUT, "ri": {"3": "x"}}, ["--ri", "custom"], "ri.3", "not a number"),
    ("bad size", {**MATRIX_INPUT, "ri": {"three": 0.5}}, ["--ri", "custom"], "ri.three", "matrix size"),
    ("not an object", {**MATRIX_INPUT, "ri": [0.5]}, ["--ri", "custom"], "ri", "object"),
    ("no table", MATRIX_INPUT, ["--ri", "custom"], "ri", "is missing"),
    ("table without custom", {**MATRIX_INPUT, "ri": {"3": 0.5}}, [], "ri", "--ri custom"),
    (
        "group size missing",
        {
            "criteria": ["A", "B", "C", "D"],
            "ri": {"3": 0.5},
            "experts": [{"name": "E", "matrix": [[1] * 4] * 4}],
        },
        ["--group", "--ri", "custom"],
        "ri.4",
        "is missing",
    ),
]


@pytest.mark.parametrize(
    ("label", "data", "options", "place", "words"), BAD_CUSTOM, ids=[b[0] for b in BAD_CUSTOM]
)
def test_a_bad_custom_table_exits_2_naming_the_entry(tmp_path, label, data, options, place, words):
    path = write(tmp_path, data)
    result = runner.invoke(app, ["ahp", path, *options, "--json"])
    assert result.exit_code == 2, (label, result.stdout)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith(f"kinerja: {path}: {place}: ") and words in lines[0]


def test_saaty_n_threshold_and_the_gci_verdict(tmp_path):
    # c = 2.7: CR 0.0954 (<= 0.10 but > 0.05) and GCI 0.329 (> 0.31)
    path = write(tmp_path, {"criteria": ["A", "B", "C"], "matrix": [[1, 2.7, 1], [1 / 2.7, 1, 1], [1, 1, 1]]})
    fixed = run_json("ahp", path, "--threshold", "0.1")
    small = run_json("ahp", path, "--threshold", "saaty-n")
    assert fixed["consistent"] is True and fixed["threshold"] == 0.1 and fixed["threshold_rule"] == "fixed"
    assert (
        small["consistent"] is False and small["threshold"] == 0.05 and small["threshold_rule"] == "saaty-n"
    )
    geometric = run_json("ahp", path, "--method", "geometric")
    assert geometric["consistency_basis"] == "gci" and geometric["gci_threshold"] == 0.31
    assert geometric["consistent"] is False
    assert fixed["consistency_basis"] == "cr"
    words = runner.invoke(app, ["ahp", path, "--method", "geometric"]).stdout
    assert "GCI" in words and "decides consistency" in words and "Not consistent: GCI" in words
    words = runner.invoke(app, ["ahp", path, "--threshold", "saaty-n"]).stdout
    assert "Saaty's limit for n = 3" in words


def test_lambda_formula_option(tmp_path):
    teknomo = {"criteria": ["A", "B", "C"], "matrix": [[1, "1/3", 5], [3, 1, 7], ["1/5", "1/7", 1]]}
    path = write(tmp_path, teknomo)
    columns = run_json("ahp", path, "--method", "mean-normalized", "--lambda", "column-sums")
    assert columns["lambda_formula"] == "column-sums"
    assert columns["lambda_max"] == pytest.approx(3.0967, abs=5e-5)  # Teknomo's AHP tutorial
    ratio = run_json("ahp", path, "--method", "mean-normalized")
    assert ratio["lambda_formula"] == "mean-ratio"
    assert run_json("ahp", path)["lambda_formula"] == "eigenvalue"
    assert (
        "lambda_max (column-sums)"
        in runner.invoke(app, ["ahp", path, "--method", "mean-normalized", "--lambda", "column-sums"]).stdout
    )


@pytest.mark.parametrize(("option", "value"), [("--lambda", "columns"), ("--threshold", "saaty")])
def test_bad_new_option_values_exit_2(tmp_path, option, value):
    for command in ("ahp", "hierarchy"):
        result = runner.invoke(app, [command, write(tmp_path, MATRIX_INPUT), option, value])
        assert result.exit_code == 2
        assert len(result.stderr.splitlines()) == 1 and option in result.stderr


def test_sets_of_changes_in_json_and_words(tmp_path):
    path = write(tmp_path, TWO_CHANGES)
    payload = run_json("ahp", path)
    assert payload["consistent"] is False
    assert payload["suggestion_search"]["changes_needed"] == 2
    first = payload["suggestion_sets"][0]
    assert first["size"] == 2 and len(first["changes"]) == 2 and first["cr_after"] <= 0.1
    assert payload["suggestions"][0]["reverses"] is True
    words = runner.invoke(app, ["ahp", path]).stdout
    assert "No single change is enough: 2 changes together" in " ".join(words.split())
    assert "reverses the preference: now C over A" in " ".join(words.split())

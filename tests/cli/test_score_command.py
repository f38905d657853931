"""``kinerja score``: the contract's JSON, the paper's Table 1 layout, and exit 2 on bad input.

Table 1 of Manggala et al. (2022), IOSR-JBM 24(9): total 94.78 computed exactly (the paper
prints 94.762 after truncating row scores), "Very Good".
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kinerja.cli.classify_command
import kinerja.cli.compare_command
import kinerja.cli.score_command  # noqa: F401 - registers the commands on the app
from kinerja.cli.app import app

TABLE1 = Path(__file__).resolve().parents[3] / "shared" / "spec" / "examples" / "table1-scorecard.json"
runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


@pytest.fixture
def table1(tmp_path) -> Path:
    if TABLE1.exists():
        return TABLE1
    pytest.skip("shared/spec/examples is not beside the repository")  # pragma: no cover


def _write(tmp_path: Path, document: object, name: str = "card.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document) if not isinstance(document, str) else document, encoding="utf-8")
    return path


def test_table1_json_gives_the_exact_total_and_very_good(table1):
    result = run("score", str(table1), "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert round(document["total"], 2) == 94.78
    assert document["total"] == pytest.approx(94.783484, abs=1e-12)
    assert document["rating"] == {
        "code": "very_good",
        "label": "Very Good",
        "label_en": "Very Good",
        "label_id": "Sangat Baik",
        "min": 91,
    }
    assert document["weight_sum"] == 100
    assert document["warnings"] == []
    assert [row["name"] for row in document["indicators"]][:2] == ["Attendance", "Production time"]
    assert list(document["perspectives"]) == ["Human Resources", "Production", "Finance"]


def test_table1_table_in_indonesian(table1):
    result = run("score", str(table1), "--locale", "id")
    assert result.exit_code == 0, result.stderr
    assert "94,78" in result.stdout and "Sangat Baik" in result.stdout
    assert "118.441.250" in result.stdout  # Rupiah with Indonesian grouping
    assert "Subtotal" in result.stdout


def test_table1_table_in_english(table1):
    result = run("score", str(table1))
    assert result.exit_code == 0, result.stderr
    assert "94.78" in result.stdout and "Very Good" in result.stdout and "Human" in result.stdout


def test_json_rating_label_in_indonesian_with_locale_id(table1):
    document = json.loads(run("score", str(table1), "--json", "--locale", "id").stdout)
    assert document["rating"]["label"] == "Sangat Baik"


def test_reads_standard_input(table1):
    result = run("score", "-", "--json", input=table1.read_text(encoding="utf-8"))
    assert result.exit_code == 0 and round(json.loads(result.stdout)["total"], 2) == 94.78


def test_weights_normalize_and_as_is_warn_with_the_sum(tmp_path):
    path = _write(
        tmp_path,
        {
            "indicators": [
                {"name": "A", "weight": 60, "realization": 90},
                {"name": "B", "weight": 20, "realization": 50},
            ]
        },
    )
    normalized = json.loads(run("score", str(path), "--weights", "normalize", "--json").stdout)
    assert normalized["weight_sum"] == 100 and "80" in normalized["warnings"][0]
    assert normalized["total"] == pytest.approx(80.0)
    as_is = json.loads(run("score", str(path), "--weights", "as-is", "--json").stdout)
    assert as_is["weight_sum"] == 80 and as_is["total"] == 64 and "80" in as_is["warnings"][0]


@pytest.mark.parametrize(("cap", "total"), [("100", 100.0), ("120", 120.0), ("0", 130.0), ("none", 130.0)])
def test_cap_option(tmp_path, cap, total):
    path = _write(tmp_path, {"indicators": [{"name": "A", "weight": 100, "target": 100, "actual": 130}]})
    document = json.loads(run("score", str(path), "--cap", cap, "--json").stdout)
    assert document["total"] == total
    assert document["indicators"][0]["realization_uncapped"] == 130


def test_csv_input(tmp_path):
    path = _write(
        tmp_path, "name,weight,perspective,target,actual\nA,60,HR,100,90\nB,40,HR,50,50\n", "card.csv"
    )
    document = json.loads(run("score", str(path), "--json").stdout)
    assert document["total"] == 94.0


def test_xlsx_input(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    workbook.active.append(["name", "weight", "realization"])
    workbook.active.append(["A", 100, 88.5])
    path = tmp_path / "card.xlsx"
    workbook.save(path)
    assert json.loads(run("score", str(path), "--json").stdout)["total"] == 88.5


def _assert_one_line_exit_2(result, *fragments: str) -> None:
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


INVALID = [
    ({"indicators": [{"weight": 100, "realization": 90}]}, "indicators[0].name", "missing"),
    ({"indicators": [{"name": "A", "weight": "x", "realization": 90}]}, "indicators[0].weight", "number"),
    ({"indicators": [{"name": "A", "weight": -1, "realization": 90}]}, "indicators[0].weight", "negative"),
    (
        {"indicators": [{"name": "A", "weight": 100, "direction": "up", "realization": 9}]},
        "indicators[0].direction",
        "higher",
    ),
    ({"indicators": [{"name": "A", "weight": 100}]}, "indicators[0]", "realization"),
    (
        {"indicators": [{"name": "A", "weight": 100, "target": 0, "actual": 3}]},
        "indicators[0].target",
        "target is 0",
    ),
    ({"indicators": [{"name": "A", "weight": 100, "target": 5}]}, "indicators[0].actual", "missing"),
    (
        {"indicators": [{"name": "A", "weight": 100, "target": "5", "actual": 3}]},
        "indicators[0].target",
        "number",
    ),
    (
        {"indicators": [{"name": "A", "weight": 100, "direction": "lower", "target": 5, "actual": 0}]},
        "indicators[0].actual",
        "actual is 0",
    ),
    (
        {"indicators": [{"name": "A", "weight": 100, "realization": -3}]},
        "indicators[0].realization",
        "negative",
    ),
    (
        {
            "indicators": [
                {"name": "A", "weight": 50, "realization": 9},
                {"name": "A", "weight": 50, "realization": 9},
            ]
        },
        "indicators[1].name",
        "twice",
    ),
    ({"indicators": [{"name": "A", "weight": 99, "realization": 90}]}, "indicators", "99"),
    (
        {
            "indicators": [{"name": "A", "weight": 100, "realization": 90}],
            "bands": [{"min": 50, "code": "a", "label": "A"}, {"min": 60, "code": "b", "label": "B"}],
        },
        "bands[1].min",
        "best down",
    ),
    (
        {
            "indicators": [{"name": "A", "weight": 100, "realization": 90}],
            "bands": [{"min": 60, "code": "a", "label": "A"}, {"min": 50, "code": "a", "label": "B"}],
        },
        "bands[1].code",
        "already",
    ),
    (
        {
            "indicators": [{"name": "A", "weight": 100, "realization": 90}],
            "bands": [{"min": 60, "code": "a"}],
        },
        "bands[0].label",
        "missing",
    ),
    ({"indicators": []}, "indicators", "non-empty"),
    ([], "", "object"),
]


@pytest.mark.parametrize(("document", "where", "words"), INVALID)
def test_every_validation_rule_exits_2_with_one_line_naming_file_and_place(tmp_path, document, where, words):
    path = _write(tmp_path, document)
    _assert_one_line_exit_2(run("score", str(path), "--json"), str(path), where, words)


def test_nan_in_json_is_refused(tmp_path):
    path = _write(tmp_path, '{"indicators": [{"name": "A", "weight": NaN, "realization": 9}]}')
    _assert_one_line_exit_2(run("score", str(path)), str(path))


def test_broken_json_names_line_and_column(tmp_path):
    path = _write(tmp_path, '{"indicators": [\n  {"name": "A",, }]}')
    _assert_one_line_exit_2(run("score", str(path)), str(path), "line 2")


def test_csv_errors_name_row_and_column(tmp_path):
    path = _write(tmp_path, "name,weight,realization\nA,50,90\nB,50,90\nC,abc,90\n", "card.csv")
    _assert_one_line_exit_2(run("score", str(path)), str(path), 'row 4, column "weight"')


def test_missing_file(tmp_path):
    _assert_one_line_exit_2(run("score", str(tmp_path / "nope.json")), "nope.json", "no such file")


@pytest.mark.parametrize(
    ("option", "value"),
    [("--weights", "loose"), ("--cap", "lots"), ("--cap", "-5"), ("--locale", "fr"), ("--format", "docx")],
)
def test_invalid_option_values_exit_2_with_one_line(table1, option, value):
    _assert_one_line_exit_2(run("score", str(table1), option, value), option)


def test_the_installed_command_has_no_traceback_on_bad_input(tmp_path):
    path = _write(tmp_path, {"indicators": [{"name": "A", "weight": 100, "target": 0, "actual": 1}]})
    completed = subprocess.run(
        [sys.executable, "-m", "kinerja", "score", str(path), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 2, completed.stderr
    assert completed.stdout == ""
    assert completed.stderr.strip() == (
        f"kinerja: {path}: indicators[0].target: "
        "target is 0; realization = actual / target needs a positive target"
    )


def test_the_installed_command_scores_table1(table1):
    completed = subprocess.run(
        [sys.executable, "-m", "kinerja", "score", str(table1), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert round(json.loads(completed.stdout)["total"], 2) == 94.78


# --- scoring options (issue 9 items 4-6) ---------------------------------------------------


def test_options_lower_linear_not_applicable_rating_digits_and_bands_preset(tmp_path):
    document = {
        "indicators": [
            {"name": "Rejects", "weight": 40, "direction": "lower", "target": 5, "actual": 0},
            {"name": "Output", "weight": 40, "target": 100, "actual": 69.5},
            {"name": "Work rotation", "weight": 20, "applicable": False},
        ]
    }
    path = tmp_path / "options.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    refused = runner.invoke(app, ["score", str(path), "--json"])
    assert refused.exit_code == 2 and "indicators[0].actual" in refused.stderr
    result = runner.invoke(
        app,
        ["score", str(path), "--lower", "linear", "--bands", "permenpanrb6-2022", "--json", "--locale", "id"],
    )
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["indicators"][0]["realization"] == 100 and out["indicators"][0]["lower_rule"] == "linear"
    assert out["indicators"][2]["applicable"] is False and out["indicators"][2]["score"] is None
    assert out["not_applicable"] == ["Work rotation"] and out["not_applicable_policy"] == "renormalize"
    assert out["total"] == pytest.approx((40 * 100 + 40 * 69.5) / 80)  # renormalized to 100
    assert out["rating"]["label"] == "Baik" and out["rating_digits"] == 2
    as_is = json.loads(
        runner.invoke(
            app, ["score", str(path), "--lower", "linear", "--not-applicable", "as-is", "--json"]
        ).stdout
    )
    assert as_is["total"] == pytest.approx(40 + 40 * 0.695)
    table = runner.invoke(app, ["score", str(path), "--lower", "linear", "--locale", "id"])
    assert table.exit_code == 0 and "berlaku" in table.stdout and "Opsi" in table.stdout


@pytest.mark.parametrize(
    ("option", "value"),
    [("--lower", "log"), ("--not-applicable", "zero"), ("--rating-digits", "x"), ("--bands", "pp10")],
)
def test_bad_option_values_exit_2(tmp_path, option, value):
    path = tmp_path / "one.json"
    path.write_text(
        json.dumps({"indicators": [{"name": "A", "weight": 100, "realization": 90}]}), encoding="utf-8"
    )
    result = runner.invoke(app, ["score", str(path), option, value])
    assert result.exit_code == 2 and option in result.stderr and "Traceback" not in result.stderr

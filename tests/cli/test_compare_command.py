"""``kinerja compare``: Table 2 of Manggala et al. (2022), IOSR-JBM 24(9), on both bases.

Turnover Rp 96,309,500 -> Rp 147,396,600: 34.66 % on base later (the paper's figure),
53.04 % on base previous (the usual growth, the default).
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

TABLE2 = Path(__file__).resolve().parents[3] / "shared" / "spec" / "examples" / "table2-compare.json"
runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(app, ["compare", *args], input=input)


@pytest.fixture
def table2() -> Path:
    if TABLE2.exists():
        return TABLE2
    pytest.skip("shared/spec/examples is not beside the repository")  # pragma: no cover


def _write(tmp_path: Path, document: object) -> Path:
    path = tmp_path / "compare.json"
    path.write_text(document if isinstance(document, str) else json.dumps(document), encoding="utf-8")
    return path


@pytest.mark.parametrize(("base", "expected"), [("previous", 53.04), ("later", 34.66)])
def test_table2_turnover_on_both_bases(table2, base, expected):
    result = run(str(table2), "--base", base, "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["base"] == base
    step = document["series"]["Turnover (Rp)"]["steps"][0]
    assert round(step["change_pct"], 2) == expected
    assert (step["from"], step["to"]) == ("1st month quarter", "2nd month quarter")


def test_default_base_is_previous(table2):
    assert json.loads(run(str(table2), "--json").stdout)["base"] == "previous"


def test_table_shows_rupiah_and_percentages_in_indonesian(table2):
    result = run(str(table2), "--base", "later", "--locale", "id")
    assert result.exit_code == 0
    assert "Rp 96.309.500" in result.stdout and "34,66 %" in result.stdout


def test_table_in_english(table2):
    result = run(str(table2))
    assert result.exit_code == 0
    assert "Rp 96,309,500" in result.stdout and "53.04 %" in result.stdout


def test_zero_base_is_null_with_a_warning(tmp_path):
    path = _write(tmp_path, {"periods": ["Q1", "Q2"], "series": {"Rotation": [0, 4]}})
    result = run(str(path), "--json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["series"]["Rotation"]["steps"][0]["change_pct"] is None
    assert any('series["Rotation"][0]' in warning for warning in document["warnings"])


def test_reads_standard_input(table2):
    result = run("-", "--json", input=table2.read_text(encoding="utf-8"))
    assert result.exit_code == 0 and "Turnover (Rp)" in json.loads(result.stdout)["series"]


@pytest.mark.parametrize(
    ("document", "where"),
    [
        ({"periods": ["Q1", "Q2"], "series": {"Turnover": [1, "x"]}}, 'series["Turnover"][1]'),
        ({"periods": ["Q1", "Q2", "Q3"], "series": {"Turnover": [1, 2]}}, 'series["Turnover"]'),
        ({"periods": ["Q1"], "series": {"Turnover": [1]}}, "periods"),
        ({"periods": ["Q1", "Q1"], "series": {"Turnover": [1, 2]}}, "periods[1]"),
        ({"series": {"Turnover": [1, 2]}}, "periods"),
        ({"periods": ["Q1", "Q2"]}, "series"),
        ({"periods": ["Q1", "Q2"], "series": {}}, "series"),
        ({"periods": ["Q1", "Q2"], "series": {"A": [1, 2]}, "units": "Rp"}, "units"),
        ('{"periods": ["Q1", "Q2"], "series": {"A": [1, Infinity]}}', ""),
        ("[1, 2]", ""),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_file_and_place(tmp_path, document, where):
    path = _write(tmp_path, document)
    result = run(str(path), "--json")
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and where in lines[0]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("option", "value"), [("--base", "next"), ("--locale", "fr")])
def test_invalid_option_values_exit_2_with_one_line(table2, option, value):
    result = run(str(table2), option, value)
    assert result.exit_code == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and option in result.stderr


def test_the_installed_command(table2):
    completed = subprocess.run(
        [sys.executable, "-m", "kinerja", "compare", str(table2), "--base", "later", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert (
        round(json.loads(completed.stdout)["series"]["Turnover (Rp)"]["steps"][0]["change_pct"], 2) == 34.66
    )


def test_null_values_as_the_papers_dash_table6(tmp_path):
    # Manggala et al. (2022), Table 6 (the micro enterprise): "adjusting the attendance of
    # non-permanent employees" -, 3.29, 4.80 gives 31.46 % on the later base.
    name = "Adjusting the attendance of non-permanent employees"
    path = _write(tmp_path, {"periods": ["Q1", "Q2", "Q3"], "series": {name: [None, 3.29, 4.80]}})
    result = run(str(path), "--base", "later", "--json")
    assert result.exit_code == 0, result.stderr
    series = json.loads(result.stdout)["series"][name]
    assert series["values"] == [None, 3.29, 4.8]
    assert series["steps"][0]["change_pct"] is None
    assert round(series["steps"][1]["change_pct"], 2) == 31.46
    assert round(series["average_pct"], 2) == 31.46
    assert round(series["overall_pct"], 2) == 31.46
    table = run(str(path), "--base", "later", "--locale", "id")
    assert table.exit_code == 0
    assert "31,46 %" in table.stdout and "-" in table.stdout

"""``kinerja ahp`` and ``kinerja hierarchy`` as a script or a person calls them.

The contract (shared/spec/CLI-CONTRACT.md) gives the two single-matrix inputs used here,
the output keys, exit 2 with one line on standard error for bad input. Expected numbers are
worked by hand: the judgments example is a spanning tree of consistent judgments (A = 3B,
A = 5C, D = 3B), so its weights are (3, 1, 0.6, 3) / 7.6 exactly. Group input follows
Forman & Peniwati (1998) and Goepel (2013); the hierarchy is the Wikipedia / AHPy car example.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from kinerja.cli import ahp_command  # noqa: F401  (registers the commands)
from kinerja.cli.app import app

MATRIX_INPUT = {
    "criteria": ["Attendance", "Production time", "Work rotation"],
    "matrix": [[1, 3, "1/2"], ["1/3", 1, "1/5"], [2, 5, 1]],
}
JUDGMENTS_INPUT = {
    "criteria": ["A", "B", "C", "D"],
    "judgments": [["A", "B", 3], ["A", "C", 5], ["B", "D", "1/3"]],
}
GROUP_INPUT = {
    "criteria": ["A", "B", "C"],
    "aggregation": "judgments",
    "experts": [
        {"name": "Owner", "weight": 2, "matrix": [[1, 3, 5], ["1/3", 1, 2], ["1/5", "1/2", 1]]},
        {"name": "Facilitator", "weight": 1, "judgments": [["A", "B", 2], ["B", "C", 3]]},
    ],
}
INCONSISTENT_INPUT = {"criteria": ["A", "B", "C"], "matrix": [[1, 9, "1/9"], ["1/9", 1, 9], [9, "1/9", 1]]}
HIERARCHY_INPUT = {
    "name": "Choose a car",
    "children": [
        {
            "name": "Cost",
            "children": ["Price", "Fuel", "Maintenance", "Resale"],
            "judgments": [
                ["Price", "Fuel", 2],
                ["Price", "Maintenance", 5],
                ["Price", "Resale", 3],
                ["Fuel", "Maintenance", 2],
                ["Fuel", "Resale", 2],
                ["Maintenance", "Resale", "1/2"],
            ],
        },
        "Safety",
        "Style",
        {"name": "Capacity", "children": ["Cargo", "Passenger"], "matrix": [[1, "1/5"], [5, 1]]},
    ],
    "judgments": [
        ["Cost", "Safety", 3],
        ["Cost", "Style", 7],
        ["Cost", "Capacity", 3],
        ["Safety", "Style", 9],
        ["Safety", "Capacity", 1],
        ["Style", "Capacity", "1/7"],
    ],
}
CONTRACT_KEYS = {
    "weights",
    "method",
    "lambda_max",
    "ci",
    "ri",
    "ri_table",
    "cr",
    "consistent",
    "n",
    "complete",
}
CONTRACT_KEYS |= {"suggestions"}

runner = CliRunner()


def script() -> list[str]:
    """The installed console script, or the same entry point through this interpreter."""
    installed = Path(sys.executable).parent / "kinerja"
    return (
        [str(installed)]
        if installed.exists()
        else [sys.executable, "-c", "from kinerja.cli import main; main()"]
    )


def run_script(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*script(), *args], input=stdin, capture_output=True, text=True, timeout=120)


def write(tmp_path: Path, data, name: str = "input.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def invoke(*args: str, stdin: str | None = None):
    return runner.invoke(app, list(args), input=stdin)


def as_json(result) -> dict:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# --- the contract's examples, through the real console script ---------------------------------


def test_matrix_example_prints_the_contract_keys(tmp_path):
    done = run_script("ahp", write(tmp_path, MATRIX_INPUT), "--json")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    payload = json.loads(done.stdout)
    assert set(payload) >= CONTRACT_KEYS
    assert payload["method"] == "eigenvector" and payload["ri_table"] == "saaty"
    assert payload["n"] == 3 and payload["complete"] is True and payload["consistent"] is True
    assert sum(payload["weights"].values()) == pytest.approx(1.0)
    assert max(payload["weights"], key=payload["weights"].get) == "Work rotation"
    assert payload["ri"] == 0.58  # Saaty's RI(3)
    assert payload["cr"] == pytest.approx(payload["ci"] / 0.58)


def test_judgments_example_is_incomplete_and_says_how_it_was_weighted(tmp_path):
    done = run_script("ahp", write(tmp_path, JUDGMENTS_INPUT), "--json")
    payload = json.loads(done.stdout)
    assert payload["complete"] is False
    assert payload["incomplete_method"]
    expected = np.array([3, 1, 0.6, 3]) / 7.6
    assert list(payload["weights"].values()) == pytest.approx(list(expected), abs=1e-9)
    assert payload["cr"] == pytest.approx(0.0, abs=1e-9)


def test_standard_input_is_read_for_a_dash():
    done = run_script("ahp", "-", "--json", stdin=json.dumps(MATRIX_INPUT))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["n"] == 3


def test_group_prints_aggregate_experts_and_consensus(tmp_path):
    done = run_script("ahp", write(tmp_path, GROUP_INPUT), "--group", "--json")
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert set(payload) >= CONTRACT_KEYS | {"experts", "consensus", "aggregation", "consensus_method"}
    assert [e["name"] for e in payload["experts"]] == ["Owner", "Facilitator"]
    assert set(payload["experts"][0]) >= {"name", "weight", "weights", "cr"}
    assert 0.0 <= payload["consensus"] <= 1.0
    assert payload["aggregation"] == "judgments"


def test_a_bad_file_through_the_script_is_one_line_and_exit_2(tmp_path):
    path = write(tmp_path, {"criteria": ["A", "B"], "matrix": [[1, "x"], [1, 1]]})
    done = run_script("ahp", path, "--json")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert path in done.stderr and "matrix[0][1]" in done.stderr
    assert "Traceback" not in done.stderr


# --- options -----------------------------------------------------------------------------------


def hand_weights(method: str) -> np.ndarray:
    m = np.array([[1, 3, 1 / 2], [1 / 3, 1, 1 / 5], [2, 5, 1]])
    if method == "geometric":
        w = np.prod(m, axis=1) ** (1 / 3)
        return w / w.sum()
    return (m / m.sum(axis=0)).mean(axis=1)


@pytest.mark.parametrize("method", ["geometric", "mean-normalized"])
def test_each_method_gives_its_own_weights(tmp_path, method):
    payload = as_json(invoke("ahp", write(tmp_path, MATRIX_INPUT), "--method", method, "--json"))
    assert payload["method"] == method
    assert list(payload["weights"].values()) == pytest.approx(list(hand_weights(method)), rel=1e-9)


def test_eigenvector_is_the_default_method(tmp_path):
    default = as_json(invoke("ahp", write(tmp_path, MATRIX_INPUT), "--json"))
    named = as_json(invoke("ahp", write(tmp_path, MATRIX_INPUT), "--method", "eigenvector", "--json"))
    assert default == named


def test_alonso_lamata_random_index_is_used_on_request(tmp_path):
    payload = as_json(invoke("ahp", write(tmp_path, MATRIX_INPUT), "--ri", "alonso-lamata", "--json"))
    assert payload["ri_table"] == "alonso-lamata"
    assert payload["ri"] == pytest.approx(0.5245)  # Alonso & Lamata (2006), n = 3


def test_threshold_decides_the_verdict(tmp_path):
    path = write(tmp_path, MATRIX_INPUT)
    assert as_json(invoke("ahp", path, "--json"))["consistent"] is True
    strict = as_json(invoke("ahp", path, "--threshold", "0.001", "--json"))
    assert strict["consistent"] is False
    assert strict["suggestions"]


def test_group_aggregation_of_priorities_is_honoured(tmp_path):
    data = dict(GROUP_INPUT, aggregation="priorities")
    payload = as_json(invoke("ahp", write(tmp_path, data), "--group", "--method", "geometric", "--json"))
    assert payload["aggregation"] == "priorities" and payload["method"] == "geometric"


# --- tables for a person -----------------------------------------------------------------------


def test_table_shows_percentages_and_the_verdict_in_words(tmp_path):
    result = invoke("ahp", write(tmp_path, MATRIX_INPUT))
    assert result.exit_code == 0
    assert "58.16 %" in result.stdout
    assert "Consistent: CR 0.0032" in result.stdout


def test_indonesian_locale_uses_a_decimal_comma(tmp_path):
    result = invoke("ahp", write(tmp_path, MATRIX_INPUT), "--locale", "id")
    assert "58,16 %" in result.stdout


def test_suggestions_are_written_out_in_words(tmp_path):
    result = invoke("ahp", write(tmp_path, INCONSISTENT_INPUT))
    assert result.exit_code == 0
    assert "Not consistent" in result.stdout
    text = " ".join(result.stdout.split())  # Rich wraps long lines
    change = r"Change '\w+ vs \w+' from (1/)?\d to (1/)?\d"
    reversal = r"( \(reverses the preference: now \w+ over \w+\))?"
    assert re.search(change + reversal + r": CR \d+\.\d\d -> \d+\.\d\d", text)


def test_group_table_names_the_experts_and_the_consensus(tmp_path):
    result = invoke("ahp", write(tmp_path, GROUP_INPUT), "--group")
    assert result.exit_code == 0
    assert "Owner" in result.stdout and "Facilitator" in result.stdout
    assert "Consensus" in result.stdout


# --- hierarchy ---------------------------------------------------------------------------------


def test_hierarchy_json_has_nodes_leaves_and_sensitivity(tmp_path):
    payload = as_json(invoke("hierarchy", write(tmp_path, HIERARCHY_INPUT), "--json"))
    assert payload["top"] == 3
    assert [leaf["name"] for leaf in payload["leaves"]][:2] == ["Price", "Fuel"]
    assert sum(leaf["global_weight"] for leaf in payload["leaves"]) == pytest.approx(1.0)
    assert payload["nodes"][1]["ahp"]["cr"] == payload["nodes"][1]["cr"]
    first = payload["sensitivity"][0]
    assert first["node"] == ["Choose a car", "Cost"]
    assert first["lower"] <= first["weight"] <= first["upper"]


def test_hierarchy_through_the_script_reads_standard_input():
    done = run_script("hierarchy", "-", "--top", "2", "--json", stdin=json.dumps(HIERARCHY_INPUT))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["top"] == 2


def test_hierarchy_table_shows_weights_and_the_sensitivity_view(tmp_path):
    result = invoke("hierarchy", write(tmp_path, HIERARCHY_INPUT), "--locale", "id")
    assert result.exit_code == 0
    assert "Sensitivity" in result.stdout
    assert "passes" in result.stdout
    assert re.search(r"\d+,\d\d %", result.stdout)


def test_hierarchy_with_all_options(tmp_path):
    path = write(tmp_path, HIERARCHY_INPUT)
    args = ("--method", "mean-normalized", "--ri", "alonso-lamata", "--threshold", "0.05", "--top", "5")
    payload = as_json(invoke("hierarchy", path, *args, "--json"))
    assert payload["method"] == "mean-normalized" and payload["threshold"] == 0.05 and payload["top"] == 5


# --- bad input: exit 2, one line naming file and place, nothing on stdout -----------------------

BAD_INPUTS = [
    ("not json", "{criteria: [", ["ahp"], "line 1, column"),
    ("top level is a list", "[1, 2]", ["ahp"], "top level"),
    ("missing criteria", {"matrix": [[1]]}, ["ahp"], "criteria"),
    ("cell is text", {"criteria": ["A", "B"], "matrix": [[1, "x"], [1, 1]]}, ["ahp"], "matrix[0][1]"),
    ("not reciprocal", {"criteria": ["A", "B"], "matrix": [[1, 3], [3, 1]]}, ["ahp"], "matrix[1][0]"),
    ("off the scale", {"criteria": ["A", "B"], "matrix": [[1, 12], ["1/12", 1]]}, ["ahp"], "matrix[0][1]"),
    ("unknown criterion", {"criteria": ["A", "B"], "judgments": [["A", "Z", 2]]}, ["ahp"], "judgments[0][1]"),
    (
        "disconnected",
        {"criteria": ["A", "B", "C", "D"], "judgments": [["A", "B", 2], ["C", "D", 2]]},
        ["ahp"],
        "judgments",
    ),
    (
        "too many for Saaty's RI",
        {"criteria": [f"k{i}" for i in range(16)], "judgments": [["k0", f"k{i}", 2] for i in range(1, 16)]},
        ["ahp"],
        "criteria",
    ),
    ("group input without --group", GROUP_INPUT, ["ahp"], "--group"),
    ("single input with --group", MATRIX_INPUT, ["ahp", "--group"], "experts"),
    (
        "negative expert weight",
        {**GROUP_INPUT, "experts": [GROUP_INPUT["experts"][0], {**GROUP_INPUT["experts"][1], "weight": -1}]},
        ["ahp", "--group"],
        "experts[1].weight",
    ),
    (
        "duplicate expert",
        {**GROUP_INPUT, "experts": [GROUP_INPUT["experts"][0]] * 2},
        ["ahp", "--group"],
        "experts[1].name",
    ),
    ("no experts", {**GROUP_INPUT, "experts": []}, ["ahp", "--group"], "experts"),
    ("bad aggregation", {**GROUP_INPUT, "aggregation": "mean"}, ["ahp", "--group"], "aggregation"),
    (
        "expert cell",
        {
            **GROUP_INPUT,
            "experts": [{"name": "X", "matrix": [[1, 2, 2], ["1/2", 1, 2], ["1/2", "1/2", "2"]]}],
        },
        ["ahp", "--group"],
        "experts[0].matrix[2][2]",
    ),
    (
        "hierarchy weights off",
        {"name": "G", "children": ["a", "b"], "weights": {"a": 0.5, "b": 0.6}},
        ["hierarchy"],
        "weights",
    ),
    (
        "hierarchy child judgments",
        {
            "name": "G",
            "children": [{"name": "X", "children": ["a", "b"], "judgments": [["a", "c", 2]]}, "Y"],
            "weights": {"X": 0.5, "Y": 0.5},
        },
        ["hierarchy"],
        "children[0].judgments[0][1]",
    ),
    ("hierarchy without name", {"children": ["a"]}, ["hierarchy"], "name"),
]


@pytest.mark.parametrize(("label", "data", "command", "place"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_exits_2_naming_file_and_place(tmp_path, label, data, command, place):
    path = write(tmp_path, data)
    result = invoke(command[0], path, *command[1:], "--json")
    assert result.exit_code == 2, (label, result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert path in lines[0] and place in lines[0]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--method", "saaty"),
        ("--ri", "random"),
        ("--threshold", "ten"),
        ("--threshold", "-0.1"),
        ("--threshold", "nan"),
        ("--locale", "fr"),
    ],
)
def test_bad_option_values_exit_2_with_one_line(tmp_path, option, value):
    for command in ("ahp", "hierarchy"):
        result = invoke(command, write(tmp_path, MATRIX_INPUT), option, value)
        assert result.exit_code == 2
        assert result.stdout == ""
        assert len(result.stderr.splitlines()) == 1 and option in result.stderr


@pytest.mark.parametrize("value", ["0", "three", "-2"])
def test_bad_top_exits_2_with_one_line(tmp_path, value):
    result = invoke("hierarchy", write(tmp_path, HIERARCHY_INPUT), "--top", value)
    assert result.exit_code == 2
    assert result.stderr.startswith("kinerja: --top:") and len(result.stderr.splitlines()) == 1


def test_missing_file_exits_2(tmp_path):
    missing = str(tmp_path / "nowhere.json")
    result = invoke("ahp", missing)
    assert result.exit_code == 2
    assert missing in result.stderr and "no such file" in result.stderr

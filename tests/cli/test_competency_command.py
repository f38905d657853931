"""``kinerja competency`` on the contract's example (competency-small.json), and its refusals.

The example's figures, worked in tests/competency/test_competency_rules.py: p1's K1 combined
2.5 (gap 1.5), S2 2.5 (gap 0.5, flagged: self 4 against facilitator 1), p2's S1 3 (gap 1);
the first action Management/training with priority 1/2 x 1.5 = 0.75.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kinerja.cli.compare_command
import kinerja.cli.competency_command  # noqa: F401 - registers the commands (two: Typer keeps sub-commands)
from kinerja.cli.app import app

EXAMPLE = Path(__file__).resolve().parents[3] / "shared" / "spec" / "examples" / "competency-small.json"
runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(app, ["competency", *args], input=input)


@pytest.fixture
def small() -> Path:
    if EXAMPLE.exists():
        return EXAMPLE
    pytest.skip("shared/spec/examples is not beside the repository")  # pragma: no cover


def _write(tmp_path: Path, document: object) -> Path:
    path = tmp_path / "competency.json"
    path.write_text(document if isinstance(document, str) else json.dumps(document), encoding="utf-8")
    return path


def test_json_of_the_example(small):
    result = run(str(small), "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    p1, p2 = document["people"]
    assert [(i["item"], i["combined"], i["required"], i["gap"], i["flagged"]) for i in p1["items"]] == [
        ("K1", 2.5, 4, 1.5, False),
        ("S2", 2.5, 3, 0.5, True),
    ]
    assert p2["items"][0]["sources"] == {"self": 4, "owner": 3, "facilitator": 3}
    assert p1["area_gaps"] == {"Management": 1.5, "Digital marketing": 0.5}
    assert document["areas"]["Management"]["gap_total"] == 1.5
    assert document["items"]["S2"]["share_with_gap"] == 1.0
    assert document["actions"][0] == {
        "area": "Management",
        "lever": "training",
        "gap_total": 1.5,
        "priority": 0.75,
        "people": ["p1"],
    }
    assert document["levers"]["training"] == {"weight": 0.5, "priority": 1.5}
    assert document["lever_cr"] is None
    assert document["flags"] == [{"person": "p1", "item": "S2", "sources": {"self": 4, "facilitator": 1}}]
    assert document["warnings"] == []


@pytest.mark.parametrize(("rule", "k1"), [("median", 2.5), ("mean", 2.5), ("min", 2.0)])
def test_combine_option(small, rule, k1):
    document = json.loads(run(str(small), "--combine", rule, "--json").stdout)
    assert document["people"][0]["items"][0]["combined"] == k1
    # p2's S1 (4, 3, 3): median 3, mean 10/3, min 3
    s1 = document["people"][1]["items"][0]["combined"]
    assert s1 == pytest.approx({"median": 3.0, "mean": 10 / 3, "min": 3.0}[rule])


def test_flag_option(small):
    assert json.loads(run(str(small), "--flag", "4", "--json").stdout)["flags"] == []
    flags = json.loads(run(str(small), "--flag", "1", "--json").stdout)["flags"]
    assert [(f["person"], f["item"]) for f in flags] == [("p1", "K1"), ("p1", "S2"), ("p2", "S1")]


def test_tables_show_people_areas_levers_and_actions(small):
    result = run(str(small))
    assert result.exit_code == 0, result.stderr
    for text in (
        "Owner (p1)",
        "facilitator 1",
        "discuss!",
        "Management",
        "training",
        "0.7500",
        "highest priority",
    ):
        assert text in result.stdout
    indonesian = run(str(small), "--locale", "id")
    assert indonesian.exit_code == 0
    assert "Kesenjangan" in indonesian.stdout and "0,7500" in indonesian.stdout


def test_lever_judgments_report_cr_and_warn_when_inconsistent(small, tmp_path):
    document = json.loads(small.read_text(encoding="utf-8"))
    document["levers"] = {
        "judgments": [["training", "technology", 5], ["technology", "capital", 5], ["capital", "training", 3]]
    }
    path = _write(tmp_path, document)
    result = run(str(path), "--json")
    assert result.exit_code == 0, result.stderr
    output = json.loads(result.stdout)
    assert output["lever_cr"] > 0.1
    assert any("consistency ratio" in warning for warning in output["warnings"])
    table = run(str(path))
    assert "Consistency ratio of the lever judgments" in table.stdout and "Warning" in table.stdout


def test_reads_standard_input(small):
    result = run("-", "--json", input=small.read_text(encoding="utf-8"))
    assert result.exit_code == 0 and len(json.loads(result.stdout)["people"]) == 2


def _bad_documents() -> list[tuple[object, str]]:
    if not EXAMPLE.exists():  # pragma: no cover
        return []
    base = json.loads(EXAMPLE.read_text(encoding="utf-8"))

    def changed(change) -> dict:
        document = copy.deepcopy(base)
        change(document)
        return document

    return [
        (changed(lambda d: d["ratings"][3].update(level=7)), "ratings[3].level"),
        (changed(lambda d: d["ratings"][0].update(person="p9")), "ratings[0].person"),
        (changed(lambda d: d["ratings"][0].update(item="Z9")), "ratings[0].item"),
        (changed(lambda d: d["ratings"][1].update(source="self")), "ratings[1]"),
        (changed(lambda d: d["people"][1].update(role="sales")), "people[1].role"),
        (changed(lambda d: d["rules"].update(Finance=["training"])), "rules.Finance"),
        (changed(lambda d: d["rules"].update(Management=["coaching"])), "rules.Management[0]"),
        (changed(lambda d: d["rules"].update(Management=[])), "rules.Management"),
        (changed(lambda d: d["levers"]["weights"].update(capital=0)), "levers.weights.capital"),
        (changed(lambda d: d["levers"]["weights"].update(capital=-2)), "levers.weights.capital"),
        (changed(lambda d: d["items"][1].update(code="K1")), "items[1].code"),
        (changed(lambda d: d["people"][1].update(id="p1")), "people[1].id"),
        (
            changed(lambda d: d.update(levers={"judgments": [["training", "capital", 20]]})),
            "levers.judgments[0][2]",
        ),
        ("{", "line 1, column 2: not valid JSON"),
        ("[1, 2]", "top level"),
    ]


@pytest.mark.parametrize(("document", "where"), _bad_documents())
def test_bad_input_exits_2_with_one_line_naming_file_and_place(tmp_path, document, where):
    path = _write(tmp_path, document)
    result = run(str(path), "--json")
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0] and where in lines[0]
    assert "Traceback" not in result.stderr


def test_missing_file_exits_2(tmp_path):
    missing = tmp_path / "nope.json"
    result = run(str(missing))
    assert result.exit_code == 2 and f"{missing}: no such file" in result.stderr


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--combine", "max"),
        ("--flag", "0"),
        ("--flag", "-1"),
        ("--flag", "two"),
        ("--flag", "1.5"),
        ("--locale", "fr"),
    ],
)
def test_invalid_option_values_exit_2_with_one_line(small, option, value):
    result = run(str(small), option, value)
    assert result.exit_code == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and option in result.stderr


def test_the_installed_command(small, tmp_path):
    bad = _write(tmp_path, {"items": [], "people": [], "ratings": [{"person": "x", "item": "y"}]})
    completed = subprocess.run(
        [sys.executable, "-m", "kinerja", "competency", str(small), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["actions"][0]["priority"] == 0.75
    failed = subprocess.run(
        [sys.executable, "-m", "kinerja", "competency", str(bad)], capture_output=True, text=True, check=False
    )
    assert failed.returncode == 2 and failed.stdout == ""
    assert failed.stderr.strip() == f"kinerja: {bad}: ratings[0].source: is missing"

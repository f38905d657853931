"""``kinerja classify``: size class under UU 20/2008 art. 6 or PP 7/2021 art. 35, with its basis."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

import kinerja.cli.classify_command
import kinerja.cli.compare_command
import kinerja.cli.score_command  # noqa: F401 - registers the commands on the app
from kinerja.cli.app import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["classify", *args])


def test_contract_keys_and_the_higher_class_rule():
    result = run("--net-assets", "600000000", "--annual-sales", "1200000000", "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["class"] == "medium"
    assert document["law"] == "uu20-2008"
    assert (document["by_assets"], document["by_sales"]) == ("medium", "small")
    assert "higher class" in document["basis"] and "lebih tinggi" in document["basis_id"]


@pytest.mark.parametrize(
    ("sales", "expected"),
    [("300000000", "micro"), ("300000001", "small"), ("2500000000", "small"), ("2500000001", "medium")],
)
def test_sales_boundaries_under_law_20_2008(sales, expected):
    document = json.loads(run("--net-assets", "0", "--annual-sales", sales, "--json").stdout)
    assert document["class"] == expected


def test_indonesian_grouped_amounts_are_accepted():
    document = json.loads(
        run("--net-assets", "50.000.000", "--annual-sales", "Rp300.000.000,00", "--json").stdout
    )
    assert (document["class"], document["net_assets"], document["annual_sales"]) == (
        "micro",
        50_000_000,
        300_000_000,
    )


def test_pp7_uses_capital_and_reports_by_capital():
    result = run("--annual-sales", "3000000000", "--capital", "6000000000", "--law", "pp7-2021", "--json")
    document = json.loads(result.stdout)
    assert (document["class"], document["by_capital"], document["by_sales"]) == ("medium", "medium", "small")
    assert "by_assets" not in document


def test_date_chooses_the_law_in_force():
    assert (
        json.loads(run("--annual-sales", "1", "--date", "2021-02-02", "--json").stdout)["law"] == "pp7-2021"
    )
    assert (
        json.loads(run("--annual-sales", "1", "--date", "2021-02-01", "--json").stdout)["law"] == "uu20-2008"
    )


def test_workers_add_the_bps_class():
    document = json.loads(run("--net-assets", "1", "--annual-sales", "1", "--workers", "25", "--json").stdout)
    assert (document["class"], document["bps_worker_class"]) == ("micro", "medium")


def test_table_in_indonesian():
    result = run("--net-assets", "600000000", "--annual-sales", "1200000000", "--locale", "id")
    assert result.exit_code == 0
    assert "menengah" in result.stdout and "Rp 600.000.000" in result.stdout and "UU 20/2008" in result.stdout


def test_table_in_english():
    result = run("--net-assets", "600000000", "--annual-sales", "1200000000")
    assert result.exit_code == 0
    assert "medium" in result.stdout and "Rp 600,000,000" in result.stdout


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["--net-assets", "1"], "--annual-sales"),
        (["--annual-sales", "300,000,000"], "--annual-sales"),
        (["--annual-sales", "1.5"], "--annual-sales"),
        (["--annual-sales", "-5"], "--annual-sales"),
        (["--annual-sales", "1", "--net-assets", "lots"], "--net-assets"),
        (["--annual-sales", "1", "--capital", "-1"], "--capital"),
        (["--annual-sales", "1", "--law", "uu11-2020"], "--law"),
        (["--annual-sales", "1", "--date", "31/01/2022"], "--date"),
        (["--annual-sales", "1", "--law", "uu20-2008", "--date", "2022-01-31"], "--law"),
        (["--annual-sales", "1", "--workers", "0"], "--workers"),
        (["--annual-sales", "1", "--workers", "many"], "--workers"),
        (["--annual-sales", "1", "--locale", "fr"], "--locale"),
    ],
)
def test_bad_values_exit_2_with_one_line_naming_the_option(args, option):
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and option in lines[0] and "Traceback" not in result.stderr


def test_the_installed_command():
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "kinerja",
            "classify",
            "--net-assets",
            "40000000",
            "--annual-sales",
            "1000000000",
            "--json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["class"] == "small"

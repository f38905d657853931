"""``kinerja competency``: combined levels, gaps, lever weights and prioritised development actions.

The rules are those of :mod:`kinerja.competency`; this module reads the options as text (so
a bad value is one line on standard error and exit 2, as bad input), calls the core and
prints either the contract's JSON or tables: people x items (sources, combined, required,
gap, flag), areas, levers and the actions in priority order.
"""

from __future__ import annotations

import typer
from rich.table import Table

from kinerja.cli.app import app
from kinerja.cli.common import (
    LocaleOption,
    emit_json,
    fail,
    fail_input,
    read_document,
    require_object,
    stdout_console,
)
from kinerja.competency import COMBINE_RULES, CompetencyResult, assess, result_as_json
from kinerja.errors import InputError
from kinerja.formatting import LOCALES, format_number

_WORDS = {
    "en": {
        "people": "People and items",
        "person": "Person",
        "role": "Role",
        "item": "Item",
        "sources": "Sources",
        "combined": "Combined",
        "required": "Required",
        "gap": "Gap",
        "flag": "Flag",
        "discuss": "discuss!",
        "areas": "Areas",
        "area": "Area",
        "gap_total": "Gap total",
        "people_with_gap": "People with a gap",
        "levers": "Levers",
        "lever": "Lever",
        "weight": "Weight",
        "priority": "Priority",
        "actions": "Development actions, highest priority first",
        "who": "People",
        "cr": "Consistency ratio of the lever judgments",
        "no_actions": "No actions: no area with a gap has a rule naming a lever.",
        "rule": "combined by {combine}, flagged when sources differ by {flag} levels or more",
        "warning": "Warning",
    },
    "id": {
        "people": "Orang dan butir",
        "person": "Orang",
        "role": "Peran",
        "item": "Butir",
        "sources": "Sumber",
        "combined": "Gabungan",
        "required": "Dipersyaratkan",
        "gap": "Kesenjangan",
        "flag": "Tanda",
        "discuss": "bahas!",
        "areas": "Bidang",
        "area": "Bidang",
        "gap_total": "Total kesenjangan",
        "people_with_gap": "Orang dengan kesenjangan",
        "levers": "Pengungkit",
        "lever": "Pengungkit",
        "weight": "Bobot",
        "priority": "Prioritas",
        "actions": "Tindakan pengembangan, prioritas tertinggi lebih dulu",
        "who": "Orang",
        "cr": "Rasio konsistensi penilaian pengungkit",
        "no_actions": (
            "Tidak ada tindakan: tidak ada bidang berkesenjangan yang aturannya menyebut pengungkit."
        ),
        "rule": "digabung dengan {combine}, ditandai bila sumber berbeda {flag} tingkat atau lebih",
        "warning": "Peringatan",
    },
}


@app.command("competency")
def competency_command(
    file: str = typer.Argument(
        ..., help="Items, required levels, people, ratings, levers and rules: JSON (or YAML), or - for stdin."
    ),
    combine: str = typer.Option(
        "median",
        "--combine",
        help="How sources combine: median (default; two sources: their mean), mean, min.",
    ),
    flag: str = typer.Option(
        "2", "--flag", help="Flag an item when its sources differ by this many levels or more (default 2)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object instead of tables."),
    locale: str = LocaleOption,
) -> None:
    """Combined levels, gaps against the role's required levels, and development priorities by lever."""
    if combine not in COMBINE_RULES:
        fail("--combine", "", f"{combine!r} is not a rule; use one of {', '.join(COMBINE_RULES)}")
    try:
        threshold = int(flag)
    except ValueError:
        fail("--flag", "", f"{flag!r} is not a whole number of levels")
    if threshold < 1:
        fail("--flag", "", f"{flag!r} must be at least 1")
    if locale not in LOCALES:
        fail("--locale", "", f"{locale!r} is not a locale; use one of {', '.join(LOCALES)}")
    document = require_object(file, read_document(file))
    try:
        result = assess(document, combine=combine, flag=threshold)
    except InputError as error:
        fail_input(file, error)
    if as_json:
        emit_json(result_as_json(result))
    else:
        _print_tables(result, locale)


def _number(value: float | None, locale: str) -> str:
    """Up to two decimals, trailing zeros dropped; ``-`` for None."""
    if value is None:
        return "-"
    text = format_number(value, 2, locale)
    mark = "," if locale == "id" else "."
    return text.rstrip("0").rstrip(mark) if mark in text else text


def _print_tables(result: CompetencyResult, locale: str) -> None:
    words = _WORDS[locale]
    people = Table(
        title=words["people"], caption=words["rule"].format(combine=result.combine, flag=result.flag)
    )
    people.add_column(words["person"], overflow="fold")
    people.add_column(words["item"], overflow="fold")
    people.add_column(words["sources"], no_wrap=True)
    for key in ("combined", "required", "gap"):
        people.add_column(words[key], justify="right", no_wrap=True)
    people.add_column(words["flag"], no_wrap=True)
    for person in result.people:
        label = person.id if not person.name else f"{person.name} ({person.id})"
        label = f"{label}\n{words['role']}: {person.role or '-'}"
        for index, item in enumerate(person.items):
            people.add_row(
                label if index == 0 else "",
                item.item,
                "\n".join(f"{source} {level}" for source, level in item.sources.items()),
                _number(item.combined, locale),
                "-" if item.required is None else str(item.required),
                _number(item.gap, locale),
                words["discuss"] if item.flagged else "",
                end_section=index == len(person.items) - 1,
            )
        if not person.items:
            people.add_row(label, "-", "", "", "", "", "", end_section=True)
    stdout_console.print(people)

    areas = Table(title=words["areas"])
    areas.add_column(words["area"], overflow="fold")
    areas.add_column(words["gap_total"], justify="right")
    areas.add_column(words["people_with_gap"], justify="right")
    for area, summary in result.areas.items():
        areas.add_row(area, _number(summary.gap_total, locale), str(summary.people_with_gap))
    stdout_console.print(areas)

    if result.levers:
        levers = Table(title=words["levers"])
        levers.add_column(words["lever"], overflow="fold")
        levers.add_column(words["weight"], justify="right")
        levers.add_column(words["priority"], justify="right")
        for name, summary in result.levers.items():
            levers.add_row(
                name, format_number(summary.weight, 4, locale), format_number(summary.priority, 4, locale)
            )
        stdout_console.print(levers)
        if result.lever_cr is not None:
            stdout_console.print(
                f"{words['cr']}: {format_number(result.lever_cr, 3, locale)}", highlight=False
            )

    if result.actions:
        actions = Table(title=words["actions"])
        actions.add_column("#", justify="right")
        actions.add_column(words["area"], overflow="fold")
        actions.add_column(words["lever"], overflow="fold")
        actions.add_column(words["gap_total"], justify="right")
        actions.add_column(words["priority"], justify="right")
        actions.add_column(words["who"], overflow="fold")
        for rank, action in enumerate(result.actions, start=1):
            actions.add_row(
                str(rank),
                action.area,
                action.lever,
                _number(action.gap_total, locale),
                format_number(action.priority, 4, locale),
                ", ".join(action.people),
            )
        stdout_console.print(actions)
    elif result.levers:
        stdout_console.print(words["no_actions"], highlight=False)
    for warning in result.warnings:
        stdout_console.print(f"{words['warning']}: {warning}", style="yellow", highlight=False, markup=False)

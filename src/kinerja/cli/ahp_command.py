"""``kinerja ahp`` (one matrix or a group of experts) and ``kinerja hierarchy`` (a whole KPI tree).

Options are read as text and checked here, so that a bad value is one line on standard
error and exit 2, like bad input (the contract), rather than a usage box.
"""

from __future__ import annotations

import math
from typing import Any

import typer
from rich.table import Table

from kinerja.ahp.group import GroupResult, consensus_words, group_priorities, parse_group
from kinerja.ahp.hierarchy import HierarchyResult, evaluate_hierarchy, parse_hierarchy
from kinerja.ahp.parse import parse_comparison
from kinerja.ahp.priorities import (
    LAMBDA_FORMULAS,
    METHODS,
    RI_TABLES,
    THRESHOLD_RULES,
    AhpResult,
    Suggestion,
    SuggestionSet,
    analyse,
)
from kinerja.ahp.sensitivity import WeightStability, sensitivity
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
from kinerja.errors import InputError
from kinerja.formatting import LOCALES, format_number

FileArgument = typer.Argument(..., help="Input file (JSON, or YAML by extension), or - for standard input.")
MethodOption = typer.Option(
    "eigenvector", "--method", help="Priorities: eigenvector (default), geometric or mean-normalized."
)
RiOption = typer.Option(
    "saaty",
    "--ri",
    help="Random index table: saaty (default, 0.58 at n = 3), saaty-2005 (0.52), donegan-dodd, "
    'alonso-lamata, or custom (the input\'s "ri": {"3": 0.5, ...}).',
)
ThresholdOption = typer.Option(
    "0.1",
    "--threshold",
    help="Largest acceptable consistency ratio (default 0.1), or saaty-n: "
    "0.05 at n = 3, 0.08 at n = 4, 0.10 above.",
)
LambdaOption = typer.Option(
    "mean-ratio",
    "--lambda",
    help="lambda_max of geometric and mean-normalized: mean-ratio (mean of (Aw)_i / w_i, default) "
    "or column-sums (sum of column sums x w).",
)
JsonOption = typer.Option(False, "--json", help="Print one JSON object instead of tables.")


@app.command("ahp")
def ahp_command(
    file: str = FileArgument,
    method: str = MethodOption,
    ri: str = RiOption,
    threshold: str = ThresholdOption,
    lambda_formula: str = LambdaOption,
    group: bool = typer.Option(False, "--group", help="The input holds several experts' judgments."),
    as_json: bool = JsonOption,
    locale: str = LocaleOption,
) -> None:
    """Weights, consistency ratio and suggestions of one pairwise-comparison matrix (or a group's)."""
    options = _check_options(method, ri, threshold, lambda_formula, locale)
    document = require_object(file, read_document(file))
    options["custom_ri"] = _custom_ri(file, document, ri)
    try:
        if group:
            criteria, experts, aggregation = parse_group(document)
            result: AhpResult | GroupResult = group_priorities(
                criteria, experts, aggregation=aggregation, **options
            )
        else:
            if "experts" in document:
                fail(file, "experts", "this input holds several experts' judgments: add --group")
            result = analyse(parse_comparison(document), **options)
    except InputError as error:
        fail_input(file, error)
    if as_json:
        emit_json(result.as_dict())
    elif isinstance(result, GroupResult):
        _print_group(result, locale)
    else:
        _print_single(result, locale)


@app.command("hierarchy")
def hierarchy_command(
    file: str = FileArgument,
    method: str = MethodOption,
    ri: str = RiOption,
    threshold: str = ThresholdOption,
    lambda_formula: str = LambdaOption,
    top: str = typer.Option("3", "--top", help="Sensitivity keeps the order of this many top indicators."),
    as_json: bool = JsonOption,
    locale: str = LocaleOption,
) -> None:
    """Local and global weights of a KPI hierarchy, CR per node and a one-way sensitivity view."""
    options = _check_options(method, ri, threshold, lambda_formula, locale)
    top_count = _parse_top(top)
    document = require_object(file, read_document(file))
    options["custom_ri"] = _custom_ri(file, document, ri)
    try:
        result = evaluate_hierarchy(parse_hierarchy(document), **options)
        stabilities = sensitivity(result, top=top_count)
    except InputError as error:
        fail_input(file, error)
    if as_json:
        payload = result.as_dict()
        payload["top"] = min(top_count, len(result.leaves))
        payload["sensitivity"] = [stability.as_dict() for stability in stabilities]
        emit_json(payload)
    else:
        _print_hierarchy(result, stabilities, min(top_count, len(result.leaves)), locale)


# --- options -------------------------------------------------------------------------------


def _check_options(method: str, ri: str, threshold: str, lambda_formula: str, locale: str) -> dict[str, Any]:
    if method not in METHODS:
        fail("--method", "", f"{method!r} is not a method; use one of {', '.join(METHODS)}")
    if ri not in RI_TABLES:
        fail("--ri", "", f"{ri!r} is not a random-index table; use one of {', '.join(RI_TABLES)}")
    if lambda_formula not in LAMBDA_FORMULAS:
        fail(
            "--lambda",
            "",
            f"{lambda_formula!r} is not a lambda_max formula; use one of {', '.join(LAMBDA_FORMULAS)}",
        )
    if locale not in LOCALES:
        fail("--locale", "", f"{locale!r} is not a locale; use one of {', '.join(LOCALES)}")
    limit: float | str
    if threshold in THRESHOLD_RULES:
        limit = threshold
    else:
        try:
            limit = float(threshold)
        except ValueError:
            fail("--threshold", "", f"{threshold!r} is not a number or {', '.join(THRESHOLD_RULES)}")
        if not math.isfinite(limit) or limit < 0:
            fail("--threshold", "", f"{threshold!r} must be a number >= 0, such as 0.1, or saaty-n")
    return {"method": method, "ri_table": ri, "threshold": limit, "lambda_formula": lambda_formula}


def _custom_ri(file: str, document: dict[str, Any], ri: str) -> Any:
    """The input's own random indices for ``--ri custom`` (validated by the core, at ``ri.7``)."""
    if ri == "custom":
        if "ri" not in document:
            fail(
                file,
                "ri",
                'is missing: --ri custom reads the random indices from the input\'s "ri" object, '
                'such as {"3": 0.52, "4": 0.89}',
            )
        return document["ri"]
    if "ri" in document:
        fail(
            file,
            "ri",
            f"the input gives its own random indices but --ri is {ri}: add --ri custom to use them",
        )
    return None


def _parse_top(top: str) -> int:
    try:
        count = int(top)
    except ValueError:
        fail("--top", "", f"{top!r} is not a whole number")
    if count < 1:
        fail("--top", "", f"{top!r} must be at least 1")
    return count


# --- tables --------------------------------------------------------------------------------


def _percent(value: float, locale: str) -> str:
    return f"{format_number(value * 100, 2, locale)} %"


def _judgment(value: float, locale: str) -> str:
    """A judgment as the scale writes it (5, 1/3), other values as decimals."""
    if value >= 1 and abs(value - round(value)) < 1e-9:
        return str(round(value))
    if value < 1 and abs(1 / value - round(1 / value)) < 1e-9:
        return f"1/{round(1 / value)}"
    return format_number(value, 2, locale)


def change_text(pair: tuple[str, str], current: float, suggested: float, reverses: bool, locale: str) -> str:
    """``'A vs C' from 5 to 1/2 (reverses the preference: now C over A)``."""
    first, second = pair
    text = f"'{first} vs {second}' from {_judgment(current, locale)} to {_judgment(suggested, locale)}"
    if reverses:
        now = (first, second) if suggested > 1 else (second, first)
        text += f" (reverses the preference: now {now[0]} over {now[1]})"
    return text


def suggestion_text(suggestion: Suggestion, cr: float, locale: str) -> str:
    """``Change 'A vs C' from 5 to 1/2 (reverses ...): CR 0.23 -> 0.04``."""
    change = change_text(
        suggestion.pair, suggestion.current, suggestion.suggested, suggestion.reverses, locale
    )
    return (
        f"Change {change}: "
        f"CR {format_number(cr, 2, locale)} -> {format_number(suggestion.cr_after, 2, locale)}"
    )


def _after(result: AhpResult, cr_after: float, gci_after: float | None, locale: str) -> str:
    if result.consistency_basis == "gci" and gci_after is not None and result.gci is not None:
        return f"GCI {format_number(result.gci, 2, locale)} -> {format_number(gci_after, 2, locale)}"
    return f"CR {format_number(result.cr, 2, locale)} -> {format_number(cr_after, 2, locale)}"


def _threshold_text(result: AhpResult, locale: str) -> str:
    limit = format_number(result.threshold, 2, locale)
    if result.threshold_rule == "saaty-n":
        return f"{limit} (Saaty's limit for n = {result.n}: saaty-n)"
    return limit


def _verdict(result: AhpResult, locale: str) -> str:
    if result.consistency_basis == "gci" and result.gci is not None and result.gci_threshold is not None:
        measure = f"GCI {format_number(result.gci, 4, locale)}"
        limit = format_number(result.gci_threshold, 2, locale)
    else:
        measure = f"CR {format_number(result.cr, 4, locale)}"
        limit = format_number(result.threshold, 2, locale)
    if result.consistent:
        return f"Consistent: {measure} <= {limit}"
    return f"Not consistent: {measure} > {limit}; revise the judgments"


def _summary(result: AhpResult, locale: str) -> Table:
    table = Table(show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column()
    table.add_row("Method", result.method)
    if not result.complete:
        table.add_row("Incomplete matrix", f"weights by {result.incomplete_method}")
    table.add_row(f"lambda_max ({result.lambda_formula})", format_number(result.lambda_max, 4, locale))
    table.add_row("CI", format_number(result.ci, 4, locale))
    table.add_row(f"RI ({result.ri_table})", format_number(result.ri, 4, locale))
    table.add_row("CR", format_number(result.cr, 4, locale))
    table.add_row("CR limit", _threshold_text(result, locale))
    if result.gci is not None:
        limit = "" if result.gci_threshold is None else format_number(result.gci_threshold, 2, locale)
        table.add_row("GCI", f"{format_number(result.gci, 4, locale)} (limit {limit}; decides consistency)")
    table.add_row("Verdict", _verdict(result, locale))
    return table


def _set_text(result: AhpResult, found: SuggestionSet, locale: str) -> str:
    changes = "; ".join(
        change_text(change.pair, change.current, change.suggested, change.reverses, locale)
        for change in found.changes
    )
    return f"Change {changes}: {_after(result, found.cr_after, found.gci_after, locale)}"


def _print_suggestions(result: AhpResult, locale: str, prefix: str = "") -> None:
    if result.consistent:
        return
    if result.suggestions:
        stdout_console.print(f"{prefix}Suggestions (one judgment each), most useful first:")
        for suggestion in result.suggestions:
            after = _after(result, suggestion.cr_after, suggestion.gci_after, locale)
            change = change_text(
                suggestion.pair, suggestion.current, suggestion.suggested, suggestion.reverses, locale
            )
            stdout_console.print(f"  Change {change}: {after}", highlight=False)
    search = result.set_search
    if search.changes_needed == 1:
        stdout_console.print(
            f"{prefix}One change is enough to make the judgments consistent.", highlight=False
        )
    elif search.changes_needed is not None:
        stdout_console.print(
            f"{prefix}No single change is enough: {search.changes_needed} changes together make the "
            "judgments consistent; any of these sets:",
            highlight=False,
        )
        for found in result.suggestion_sets:
            stdout_console.print(f"  {_set_text(result, found, locale)}", highlight=False)
    elif search.searched_up_to:
        stdout_console.print(
            f"{prefix}No set of up to {search.searched_up_to} changes makes the judgments consistent"
            f"{'' if search.exhaustive else ' (among those searched)'}: ask for the judgments again.",
            highlight=False,
        )


def _print_single(result: AhpResult, locale: str) -> None:
    table = Table(title="AHP weights")
    table.add_column("Criterion")
    table.add_column("Weight", justify="right")
    for name, weight in result.weights_by_name().items():
        table.add_row(name, _percent(weight, locale))
    stdout_console.print(table)
    stdout_console.print(_summary(result, locale), highlight=False)
    _print_suggestions(result, locale)


def _print_group(result: GroupResult, locale: str) -> None:
    aggregate = result.aggregate
    table = Table(title=f"Group weights (aggregation of individual {result.aggregation})")
    table.add_column("Criterion")
    table.add_column("Group", justify="right", style="bold")
    for expert in result.experts:
        table.add_column(expert.name, justify="right")
    for index, name in enumerate(aggregate.criteria):
        table.add_row(
            name,
            _percent(float(aggregate.weights[index]), locale),
            *(_percent(float(expert.weights[index]), locale) for expert in result.experts),
        )
    table.add_row(
        "CR",
        format_number(aggregate.cr, 4, locale),
        *(format_number(expert.cr, 4, locale) for expert in result.experts),
        end_section=False,
    )
    table.add_row(
        "Weight of expert", "", *(format_number(expert.weight, 2, locale) for expert in result.experts)
    )
    stdout_console.print(table)
    stdout_console.print(_summary(aggregate, locale), highlight=False)
    stdout_console.print(
        f"Consensus (Goepel's AHP consensus S*): {format_number(result.consensus, 4, locale)} "
        f"({consensus_words(result.consensus)})",
        highlight=False,
    )
    inconsistent = [expert.name for expert in result.experts if not expert.consistent]
    if inconsistent:
        stdout_console.print(f"Not consistent on their own: {', '.join(inconsistent)}", highlight=False)
    _print_suggestions(aggregate, locale, "Group matrix: ")


def _print_hierarchy(
    result: HierarchyResult, stabilities: tuple[WeightStability, ...], top: int, locale: str
) -> None:
    table = Table(title="KPI hierarchy")
    for header in ("Node", "Local weight", "Global weight", "CR", "Verdict"):
        table.add_column(header, justify="left" if header in ("Node", "Verdict") else "right")
    for node in result.nodes:
        indent = "  " * (len(node.path) - 1)
        if node.ahp is not None:
            cr, verdict = format_number(node.ahp.cr, 4, locale), _verdict(node.ahp, locale).split(":")[0]
        else:
            cr, verdict = "-", {"weights": "weights given", "single": "one child"}.get(node.source, "")
        table.add_row(
            f"{indent}{node.name}",
            _percent(node.local_weight, locale),
            _percent(node.global_weight, locale),
            cr,
            verdict,
        )
    stdout_console.print(table)

    ranking = Table(title="Indicators by global weight")
    for header in ("Rank", "Indicator", "Global weight"):
        ranking.add_column(header, justify="left" if header == "Indicator" else "right")
    leaves = result.leaves
    ranks = result.leaf_ranks()
    for leaf, rank in sorted(zip(leaves, ranks, strict=True), key=lambda item: item[1]):
        ranking.add_row(str(rank), " > ".join(leaf.path[1:]), _percent(leaf.global_weight, locale))
    stdout_console.print(ranking)

    for node in result.nodes:
        if node.ahp is not None:
            _print_suggestions(node.ahp, locale, f"{' > '.join(node.path)}: ")

    if not stabilities:
        return
    view = Table(title=f"Sensitivity: local weight range keeping the order of the top {top} indicators")
    for header in ("Weight of", "Now", "From", "To", "First change below", "First change above"):
        view.add_column(header, justify="right" if header in ("Now", "From", "To") else "left")
    for stability in stabilities:
        view.add_row(
            " > ".join(stability.node_path[1:]),
            _percent(stability.weight, locale),
            _percent(stability.lower, locale),
            _percent(stability.upper, locale),
            _swap_text(stability.swaps_at_lower),
            _swap_text(stability.swaps_at_upper),
        )
    stdout_console.print(view)


def _swap_text(swap: tuple[tuple[str, ...], tuple[str, ...]] | None) -> str:
    if swap is None:
        return "none"
    higher, lower = swap
    return f"'{lower[-1]}' passes '{higher[-1]}'"

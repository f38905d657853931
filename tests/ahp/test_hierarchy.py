"""KPI hierarchies: parsing the nested form, local and global weights, errors at their place.

Sources: the car example of Wikipedia's "Analytic hierarchy process - car example" as
worked in the AHPy 2.1 README (criteria and Cost / Capacity sub-criteria judgments, global
weights printed to 3 decimals); Table 1 of the KPI paper (shared/domain,
seed-003-kpi-ahp-excerpt.txt; spec/examples/table1-scorecard.json) for published weights.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from kinerja.ahp.hierarchy import HierarchyNode, evaluate_hierarchy, parse_hierarchy
from kinerja.errors import InputError, MatrixError

#: Table 1 of the KPI paper (spec/examples/table1-scorecard.json): perspective, indicator, weight %.
TABLE1_WEIGHTS = [
    {"perspective": p, "name": n, "weight": w}
    for p, n, w in [
        ("Human Resources", "Attendance", 15),
        ("Human Resources", "Production time", 5.625),
        ("Human Resources", "Adjusting the attendance of non-permanent employees", 6.5),
        ("Human Resources", "Work rotation", 23.26),
        ("Production", "Total production", 8.5),
        ("Production", "Production of iodized coconut sugar", 2.125),
        ("Production", "Adding production equipment and raw materials", 6.725),
        ("Finance", "Product price to total sales", 6.26),
        ("Finance", "Sales turnover", 26.005),
    ]
]

CAR = {
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


def test_car_example_weights_match_the_published_ones():
    # AHPy 2.1 README (Wikipedia car example), local weights to 3 decimals: Cost 0.51,
    # Safety 0.234, Capacity 0.215, Style 0.041; within Cost Price 0.488, Fuel 0.252,
    # Resale 0.161, Maintenance 0.1. Its global weights (Price 0.249, Fuel 0.129, Resale
    # 0.082, Maintenance 0.051) are products of those rounded local weights, so they hold
    # here to 0.001.
    result = evaluate_hierarchy(parse_hierarchy(CAR))
    local = {node.name: node.local_weight for node in result.nodes}
    published_local = {"Cost": 0.51, "Safety": 0.234, "Capacity": 0.215, "Style": 0.041}
    published_local |= {"Price": 0.488, "Fuel": 0.252, "Resale": 0.161, "Maintenance": 0.1}
    for name, value in published_local.items():
        assert local[name] == pytest.approx(value, abs=0.0005), name
    weights = {leaf.name: leaf.global_weight for leaf in result.leaves}
    published_global = {"Price": 0.249, "Fuel": 0.129, "Resale": 0.082, "Maintenance": 0.051}
    for name, value in published_global.items():
        assert weights[name] == pytest.approx(value, abs=0.001), name
    assert weights["Passenger"] == pytest.approx(5 / 6 * local["Capacity"])


def test_global_weight_is_the_product_of_local_weights_down_the_path():
    result = evaluate_hierarchy(parse_hierarchy(CAR))
    by_path = {node.path: node for node in result.nodes}
    for node in result.nodes:
        product = math.prod(by_path[node.path[:d]].local_weight for d in range(1, len(node.path) + 1))
        assert node.global_weight == pytest.approx(product, rel=1e-12)
    assert math.fsum(leaf.global_weight for leaf in result.leaves) == pytest.approx(1.0, abs=1e-12)


def test_leaves_come_in_input_order_with_ranks_by_global_weight():
    result = evaluate_hierarchy(parse_hierarchy(CAR))
    names = [leaf.name for leaf in result.leaves]
    assert names == ["Price", "Fuel", "Maintenance", "Resale", "Safety", "Style", "Cargo", "Passenger"]
    ranks = dict(zip(names, result.leaf_ranks(), strict=True))
    assert ranks["Price"] == 1
    assert ranks["Safety"] == 2


def test_each_node_keeps_its_own_consistency_check():
    result = evaluate_hierarchy(parse_hierarchy(CAR))
    cost = result.node(["Choose a car", "Cost"])
    assert cost.ahp is not None and cost.cr == cost.ahp.cr
    assert cost.consistent
    assert result.node(["Choose a car", "Safety"]).cr is None


def test_an_inconsistent_node_gets_suggestions_and_spoils_the_verdict():
    data = {
        "name": "Goal",
        "children": [
            {
                "name": "X",
                "children": ["a", "b", "c"],
                "matrix": [[1, 9, "1/9"], ["1/9", 1, 9], [9, "1/9", 1]],
            }
        ],
    }
    result = evaluate_hierarchy(parse_hierarchy(data))
    node = result.node(["Goal", "X"])
    assert not node.consistent
    assert node.ahp.suggestions
    assert not result.consistent


def test_a_node_with_one_child_passes_its_whole_weight_down():
    result = evaluate_hierarchy(
        parse_hierarchy({"name": "Goal", "children": [{"name": "Finance", "children": ["Turnover"]}]})
    )
    assert [node.global_weight for node in result.nodes] == [1.0, 1.0, 1.0]
    assert result.node(["Goal"]).source == "single"


def test_published_weights_of_kpi_paper_table1_compose_back_to_its_global_weights():
    # Table 1 of the KPI paper prints global weights (percent) by perspective; adopting them
    # as local weights (perspective share, then share within it) must give them back.
    table = {"indicators": TABLE1_WEIGHTS}
    perspectives: dict[str, dict[str, float]] = {}
    for row in table["indicators"]:
        perspectives.setdefault(row["perspective"], {})[row["name"]] = row["weight"] / 100
    totals = {name: math.fsum(rows.values()) for name, rows in perspectives.items()}
    data = {
        "name": "KPI",
        "weights": totals,
        "children": [
            {"name": name, "children": list(rows), "weights": {k: v / totals[name] for k, v in rows.items()}}
            for name, rows in perspectives.items()
        ],
    }
    result = evaluate_hierarchy(parse_hierarchy(data))
    got = {leaf.name: leaf.global_weight * 100 for leaf in result.leaves}
    for row in table["indicators"]:
        assert got[row["name"]] == pytest.approx(row["weight"], abs=1e-9)
    assert result.node(["KPI", "Human Resources"]).cr is None


def test_deeper_hierarchies_are_allowed():
    data = {
        "name": "G",
        "children": [
            {
                "name": "A",
                "children": [{"name": "B", "children": ["c", "d"], "weights": {"c": 0.25, "d": 0.75}}],
            },
            "E",
        ],
        "judgments": [["A", "E", 3]],
    }
    result = evaluate_hierarchy(parse_hierarchy(data))
    assert result.node(["G", "A", "B", "d"]).global_weight == pytest.approx(0.75 * 0.75)
    assert result.node(["G", "A", "B", "d"]).path == ("G", "A", "B", "d")


def test_hierarchy_output_lists_nodes_and_leaves():
    payload = evaluate_hierarchy(parse_hierarchy(CAR), method="geometric", ri_table="alonso-lamata").as_dict()
    assert payload["method"] == "geometric" and payload["ri_table"] == "alonso-lamata"
    assert payload["nodes"][0]["path"] == ["Choose a car"]
    assert payload["nodes"][1]["ahp"]["method"] == "geometric"
    assert [leaf["name"] for leaf in payload["leaves"]][:2] == ["Price", "Fuel"]
    assert sorted(leaf["rank"] for leaf in payload["leaves"]) == list(range(1, 9))
    json.dumps(payload, allow_nan=False)


def test_parsed_nodes_hold_the_comparison_or_the_weights():
    root = parse_hierarchy(CAR)
    assert isinstance(root, HierarchyNode)
    assert root.comparison is not None and root.comparison.criteria == ("Cost", "Safety", "Style", "Capacity")
    assert root.children[1].is_leaf
    assert np.isclose(root.children[3].comparison.matrix[1, 0], 5)


# --- errors name the place ------------------------------------------------------------------


def bad(change_path, value):
    data = json.loads(json.dumps(CAR))
    target = data
    for key in change_path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[change_path[-1]]
    else:
        target[change_path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("data", "where", "words"),
    [
        (bad(["judgments"], KeyError), "judgments", "is missing"),
        (bad(["name"], KeyError), "name", "is missing"),
        (bad(["children", 0, "name"], 7), "children[0].name", "not a name"),
        (bad(["children", 1], "Cost"), "children[1].name", "duplicate"),
        (bad(["children", 1], ""), "children[1]", "empty"),
        (bad(["children", 1], 5), "children[1]", "object"),
        (bad(["children", 0, "judgments", 2, 2], "3/0"), "children[0].judgments[2][2]", "zero"),
        (bad(["children", 0, "judgments", 2, 1], "Tyres"), "children[0].judgments[2][1]", "Tyres"),
        (bad(["children", 3, "matrix"], [[1, 5], [5, 1]]), "children[3].matrix[1][0]", "reciprocal"),
        (bad(["children"], "Cost"), "children", "list"),
        (bad(["children", 1], {"name": "Safety", "judgments": []}), "children[1].judgments", "no children"),
        (bad(["weights"], {"Cost": 0.5}), "weights", "not several"),
    ],
)
def test_bad_hierarchy_is_reported_at_its_place(data, where, words):
    with pytest.raises(InputError) as caught:
        parse_hierarchy(data)
    assert caught.value.where == where
    assert words in caught.value.problem


@pytest.mark.parametrize(
    ("weights", "where", "words"),
    [
        ({"a": 0.5, "b": 0.4}, "children[0].weights", "sum to 0.9"),
        ({"a": 0.5}, "children[0].weights", "no weight for 'b'"),
        ({"a": 0.5, "b": 0.5, "z": 0}, "children[0].weights.z", "not one of the children"),
        ({"a": -0.5, "b": 1.5}, "children[0].weights.a", ">= 0"),
        ({"a": "0.5", "b": 0.5}, "children[0].weights.a", ">= 0"),
        ([0.5, 0.5], "children[0].weights", "object"),
    ],
)
def test_given_weights_must_cover_the_children_and_sum_to_one(weights, where, words):
    data = {"name": "G", "children": [{"name": "X", "children": ["a", "b"], "weights": weights}]}
    with pytest.raises(InputError) as caught:
        parse_hierarchy(data)
    assert caught.value.where == where
    assert words in caught.value.problem


def test_given_weights_may_be_off_by_rounding_only():
    tolerated = {"name": "G", "children": ["a", "b"], "weights": {"a": 0.3333334, "b": 0.6666666}}
    assert parse_hierarchy(tolerated).weights == (0.3333334, 0.6666666)
    with pytest.raises(InputError):
        parse_hierarchy({"name": "G", "children": ["a", "b"], "weights": {"a": 0.334, "b": 0.666 + 1e-5}})


def test_engine_errors_name_the_node():
    many = [f"k{i}" for i in range(16)]
    data = {
        "name": "G",
        "children": [{"name": "X", "children": many, "judgments": [[many[0], m, 2] for m in many[1:]]}],
    }
    with pytest.raises(MatrixError) as caught:
        evaluate_hierarchy(parse_hierarchy(data))
    assert caught.value.where.startswith("children[0].")

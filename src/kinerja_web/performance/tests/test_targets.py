"""Targets and actuals of a scorecard: saved in one transaction, errors name the indicator row."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from kinerja_web.audit.models import AuditEntry
from kinerja_web.performance import services
from kinerja_web.performance.models import Target


def _node(world, name):
    return world.framework.nodes.get(name=name)


def test_a_wrong_row_is_named_and_nothing_is_saved(paper_world):
    attendance, rotation = _node(paper_world, "Attendance"), _node(paper_world, "Work rotation")
    with translation.override("en"), pytest.raises(ValidationError) as error:
        services.targets_save(
            scorecard=paper_world.scorecard,
            rows=[{"node": attendance, "target": "2600"}, {"node": rotation, "target": "0"}],
            actor=paper_world.facilitator,
        )
    assert error.value.messages == [
        "Row 4 (Work rotation): the target must be greater than 0 (leave it empty only where the "
        "realization is given)."
    ]
    assert Target.objects.get(scorecard=paper_world.scorecard, node=attendance).target == Decimal(2535)


def test_an_actual_from_the_records_cannot_be_typed_by_hand(paper_world):
    with translation.override("en"), pytest.raises(ValidationError) as error:
        services.targets_save(
            scorecard=paper_world.scorecard,
            rows=[{"node": _node(paper_world, "Sales turnover"), "manual_actual": "5"}],
            actor=paper_world.owner,
        )
    assert "Row 9 (Sales turnover): its actual comes from the records" in error.value.messages[0]


def test_saving_targets_writes_one_audit_entry_with_the_changes(paper_world):
    node = _node(paper_world, "Product price to total sales")
    services.targets_save(
        scorecard=paper_world.scorecard,
        rows=[
            {"node": node, "target": "120000000", "manual_actual": "110000000", "manual_realization": None}
        ],
        actor=paper_world.facilitator,
    )
    row = Target.objects.get(scorecard=paper_world.scorecard, node=node)
    assert (row.target, row.manual_actual, row.manual_realization) == (
        Decimal(120_000_000),
        Decimal(110_000_000),
        None,
    )
    entry = AuditEntry.objects.get(action="scorecard.targets_save")
    assert entry.enterprise == paper_world.enterprise
    assert entry.changes["rows"][node.name]["target"] == ["118441250", "120000000"]


def test_the_form_reads_indonesian_numbers_and_rupiah(client, paper_world):
    price, iodized = (
        _node(paper_world, "Product price to total sales"),
        _node(paper_world, "Production of iodized coconut sugar"),
    )
    client.force_login(paper_world.facilitator)
    url = reverse("performance:targets", args=[paper_world.enterprise.pk, paper_world.period.pk])
    client.cookies["django_language"] = "id"
    page = client.get(url)
    assert page.status_code == 200
    data = {}
    for field, value in page.context["form"].initial.items():
        data[field] = page.context["form"].fields[field].prepare_value(value) if value is not None else ""
    data.update(
        {
            f"target_{price.pk}": "Rp 120.000.000",
            f"actual_{price.pk}": "110.000.000",
            f"realization_{price.pk}": "",
            f"target_{iodized.pk}": "14.232,5",
        }
    )
    with translation.override("id"):
        client.cookies["django_language"] = "id"
        response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    row = Target.objects.get(scorecard=paper_world.scorecard, node=price)
    assert (row.target, row.manual_actual, row.manual_realization) == (
        Decimal(120_000_000),
        Decimal(110_000_000),
        None,
    )
    assert Target.objects.get(scorecard=paper_world.scorecard, node=iodized).target == Decimal("14232.5")


def test_the_form_names_the_row_of_a_bad_target(client, paper_world):
    rotation = _node(paper_world, "Work rotation")
    client.force_login(paper_world.facilitator)
    url = reverse("performance:targets", args=[paper_world.enterprise.pk, paper_world.period.pk])
    client.cookies["django_language"] = "en"
    response = client.post(url, {f"target_{rotation.pk}": "0"})
    assert response.status_code == 200
    assert "Row 4 (Work rotation): the target must be greater than 0" in response.content.decode()


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("123456789012345", "1.000.000"),  # past what the column holds: refused, not a database error
        ("99,123456", "4"),  # more decimals than are stored
    ],
)
def test_a_given_realization_past_what_is_stored_is_refused_on_its_field(client, paper_world, typed, problem):
    rotation = _node(paper_world, "Work rotation")
    client.force_login(paper_world.facilitator)
    url = reverse("performance:targets", args=[paper_world.enterprise.pk, paper_world.period.pk])
    client.cookies["django_language"] = "id"
    page = client.get(url)
    data = {}
    for field, value in page.context["form"].initial.items():
        data[field] = page.context["form"].fields[field].prepare_value(value) if value is not None else ""
    data[f"realization_{rotation.pk}"] = typed
    before = list(
        Target.objects.filter(scorecard=paper_world.scorecard).values_list("manual_realization", flat=True)
    )
    response = client.post(url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors[f"realization_{rotation.pk}"]
    assert any(problem in error for error in errors), errors
    after = list(
        Target.objects.filter(scorecard=paper_world.scorecard).values_list("manual_realization", flat=True)
    )
    assert after == before

"""The round's ratings reach the competency core as the CLI contract reads them."""

from __future__ import annotations

import pytest

from kinerja.competency import assess
from kinerja_web.competency.models import Source
from kinerja_web.competency.selectors.analysis import round_analysis
from kinerja_web.competency.tests.factories import (
    AreaFactory,
    AssessmentRoundFactory,
    ItemFactory,
    LeverFactory,
    LeverJudgmentFactory,
    RatingFactory,
    RequiredLevelFactory,
)
from kinerja_web.tests.factories import EnterpriseFactory, WorkerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rated_round():
    rnd = AssessmentRoundFactory()
    framework = rnd.framework
    management = AreaFactory(framework=framework, name="Manajemen")
    marketing = AreaFactory(framework=framework, name="Pemasaran digital")
    AreaFactory(framework=framework, name="Jejaring")  # no items yet, but a lever addresses it
    bookkeeping = ItemFactory(area=management, code="M1")
    selling = ItemFactory(area=marketing, code="D1")
    enterprise = EnterpriseFactory(cluster=rnd.cluster)
    worker = WorkerFactory(enterprise=enterprise)
    RequiredLevelFactory(item=bookkeeping, role=worker.role, level=4)
    RequiredLevelFactory(item=selling, role=worker.role, level=3)
    for source, level in ((Source.SELF, 4), (Source.OWNER, 2), (Source.FACILITATOR, 2)):
        RatingFactory(round=rnd, worker=worker, item=bookkeeping, source=source, level=level)
    RatingFactory(round=rnd, worker=worker, item=selling, source=Source.OWNER, level=1)
    training = LeverFactory(framework=framework, code="training", areas=[management, marketing])
    LeverFactory(framework=framework, code="networking", areas=[framework.areas.get(name="Jejaring")])
    return rnd, worker, training


def test_round_figures_are_the_cores_on_the_same_ratings(rated_round):
    rnd, worker, _ = rated_round
    analysis = round_analysis(rnd)
    person = analysis.result.people[0]
    assert person.id == str(worker.pk)
    by_item = {item.item: item for item in person.items}
    assert by_item["M1"].combined == 2  # median of 4, 2, 2
    assert by_item["M1"].flagged  # 4 and 2 differ by the round's threshold of 2
    assert by_item["M1"].gap == 2
    assert by_item["D1"].gap == 2
    independent = assess(
        {
            "items": [{"code": "M1", "area": "Manajemen"}, {"code": "D1", "area": "Pemasaran digital"}],
            "required": {"production": {"M1": 4, "D1": 3}},
            "people": [{"id": "w", "role": "production"}],
            "ratings": [
                {"person": "w", "item": "M1", "source": "self", "level": 4},
                {"person": "w", "item": "M1", "source": "owner", "level": 2},
                {"person": "w", "item": "M1", "source": "facilitator", "level": 2},
                {"person": "w", "item": "D1", "source": "owner", "level": 1},
            ],
            "levers": {"weights": {"training": 1, "networking": 1}},
            "rules": {"Manajemen": ["training"], "Pemasaran digital": ["training"]},
        }
    )
    assert [(a.area, a.lever, a.priority) for a in analysis.result.actions] == [
        (a.area, a.lever, a.priority) for a in independent.actions
    ]


def test_a_lever_left_out_of_the_judgments_is_still_a_lever(rated_round):
    rnd, _, _ = rated_round
    LeverFactory(framework=rnd.framework, code="capital")
    LeverJudgmentFactory(framework=rnd.framework, judgments=[["training", "networking", "3"]])
    analysis = round_analysis(rnd)
    assert analysis.lever_problem is not None  # capital is compared with nothing
    assert analysis.result.actions == ()
    assert analysis.result.people[0].items  # the gaps are still there


def test_one_experts_judgments_weigh_the_levers(rated_round):
    rnd, _, _ = rated_round
    LeverJudgmentFactory(framework=rnd.framework, judgments=[["training", "networking", "3"]])
    analysis = round_analysis(rnd)
    assert analysis.lever_problem is None
    assert analysis.result.levers["training"].weight == pytest.approx(0.75)
    assert analysis.result.levers["networking"].weight == pytest.approx(0.25)


def test_only_the_given_enterprises_are_analysed(rated_round):
    rnd, _, _ = rated_round
    other = EnterpriseFactory(cluster=rnd.cluster)
    analysis = round_analysis(rnd, enterprises=[other])
    assert analysis.result.people == ()

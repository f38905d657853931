"""The shared competency factories build consistent objects (one program throughout)."""

import pytest

from kinerja_web.competency.models import hash_token
from kinerja_web.competency.tests.factories import (
    AssessmentRoundFactory,
    ItemFactory,
    LevelAnchorFactory,
    LeverFactory,
    LeverJudgmentFactory,
    PlanActionFactory,
    RatingFactory,
    RequiredLevelFactory,
    WorkerLinkFactory,
)


@pytest.mark.django_db
def test_factories_build_one_programs_objects() -> None:
    item = ItemFactory()
    assert item.anchors.count() == 5
    assert ItemFactory(anchors=False).anchors.count() == 0
    required = RequiredLevelFactory(item=item)
    assert required.role.program == item.framework.program
    lever = LeverFactory(framework=item.framework, areas=[item.area])
    assert list(lever.areas.all()) == [item.area]
    LeverJudgmentFactory(framework=item.framework)
    rating = RatingFactory()
    assert rating.enterprise.cluster == rating.round.cluster
    assert rating.item.framework == rating.round.framework
    link = WorkerLinkFactory()
    assert link.token_hash == hash_token(link.token)
    assert link.is_usable
    action = PlanActionFactory(people=[rating.worker])
    assert action.people.count() == 1
    assert AssessmentRoundFactory(cluster=None).program_id
    assert LevelAnchorFactory().level == 1

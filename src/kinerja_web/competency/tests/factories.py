"""factory_boy factories for the competency tables, shared by every competency test.

They build on ``kinerja_web.tests.factories`` (program, cluster, enterprise, worker, role): a
framework belongs to a program, its areas, items and levers to the framework; a round, rating,
link or plan takes its program, enterprise and framework from the objects it is given so that
everything built together belongs to one program.
"""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from kinerja_web.competency.models import (
    Area,
    AssessmentRound,
    CompetencyFramework,
    DevelopmentPlan,
    Item,
    LevelAnchor,
    Lever,
    LeverJudgment,
    PlanAction,
    Rating,
    RequiredLevel,
    Source,
    WorkerLink,
    hash_token,
    new_token,
)
from kinerja_web.tests.factories import (
    ClusterFactory,
    EnterpriseFactory,
    ProgramFactory,
    WorkerFactory,
    WorkerRoleFactory,
)

__all__ = [
    "AreaFactory",
    "AssessmentRoundFactory",
    "ClusterFactory",
    "CompetencyFrameworkFactory",
    "DevelopmentPlanFactory",
    "EnterpriseFactory",
    "ItemFactory",
    "LevelAnchorFactory",
    "LeverFactory",
    "LeverJudgmentFactory",
    "PlanActionFactory",
    "ProgramFactory",
    "RatingFactory",
    "RequiredLevelFactory",
    "WorkerFactory",
    "WorkerLinkFactory",
    "WorkerRoleFactory",
]


class CompetencyFrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompetencyFramework

    program = factory.SubFactory(ProgramFactory)
    name = factory.Sequence(lambda n: f"Kompetensi {n}")
    language = CompetencyFramework.Language.INDONESIAN
    version = 1


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area

    framework = factory.SubFactory(CompetencyFrameworkFactory)
    name = factory.Sequence(lambda n: f"Bidang {n}")
    position = factory.Sequence(lambda n: n)


class ItemFactory(factory.django.DjangoModelFactory):
    """An item with its five level anchors (``anchors=False`` builds it without any, ``anchors=[...]``
    with the given sentences for levels 1.. in order)."""

    class Meta:
        model = Item
        skip_postgeneration_save = True

    area = factory.SubFactory(AreaFactory)
    framework = factory.LazyAttribute(lambda item: item.area.framework)
    code = factory.Sequence(lambda n: f"K{n}")
    name = factory.Sequence(lambda n: f"Butir {n}")
    kind = Item.Kind.SKILL
    position = factory.Sequence(lambda n: n)

    @factory.post_generation
    def anchors(self, create: bool, extracted, **kwargs) -> None:
        if not create or extracted is False:
            return
        sentences = (
            list(extracted) if extracted else [f"Level {level} of {self.code}." for level in range(1, 6)]
        )
        for level, sentence in enumerate(sentences, start=1):
            LevelAnchor.objects.create(item=self, level=level, description=sentence)


class LevelAnchorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LevelAnchor
        django_get_or_create = ("item", "level")

    item = factory.SubFactory(ItemFactory, anchors=False)
    level = 1
    description = factory.LazyAttribute(lambda anchor: f"Level {anchor.level}.")


class RequiredLevelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RequiredLevel

    item = factory.SubFactory(ItemFactory)
    framework = factory.LazyAttribute(lambda required: required.item.framework)
    role = factory.LazyAttribute(lambda required: WorkerRoleFactory(program=required.item.framework.program))
    level = 3


class LeverFactory(factory.django.DjangoModelFactory):
    """A lever; ``areas=[...]`` sets the areas it addresses (its rules)."""

    class Meta:
        model = Lever
        skip_postgeneration_save = True

    framework = factory.SubFactory(CompetencyFrameworkFactory)
    code = factory.Sequence(lambda n: f"lever-{n}")
    name = factory.Sequence(lambda n: f"Pengungkit {n}")
    position = factory.Sequence(lambda n: n)

    @factory.post_generation
    def areas(self, create: bool, extracted, **kwargs) -> None:
        if create and extracted:
            self.areas.set(extracted)


class LeverJudgmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LeverJudgment

    framework = factory.SubFactory(CompetencyFrameworkFactory)
    expert_name = factory.Sequence(lambda n: f"Pakar {n}")
    judgments = factory.LazyFunction(list)


class AssessmentRoundFactory(factory.django.DjangoModelFactory):
    """An open round of ``cluster`` (give ``cluster=None`` for a program-wide one)."""

    class Meta:
        model = AssessmentRound

    cluster = factory.SubFactory(ClusterFactory)
    program = factory.LazyAttribute(lambda rnd: rnd.cluster.program if rnd.cluster else ProgramFactory())
    framework = factory.LazyAttribute(lambda rnd: CompetencyFrameworkFactory(program=rnd.program))
    name = factory.Sequence(lambda n: f"Asesmen {n}")
    starts_on = datetime.date(2026, 1, 5)
    ends_on = datetime.date(2026, 2, 27)
    status = AssessmentRound.Status.OPEN


class RatingFactory(factory.django.DjangoModelFactory):
    """One source's level for one worker and item; the worker's enterprise by default."""

    class Meta:
        model = Rating

    round = factory.SubFactory(AssessmentRoundFactory)
    worker = factory.LazyAttribute(
        lambda rating: WorkerFactory(
            enterprise=EnterpriseFactory(
                cluster=rating.round.cluster or ClusterFactory(program=rating.round.program)
            )
        )
    )
    enterprise = factory.LazyAttribute(lambda rating: rating.worker.enterprise)
    item = factory.LazyAttribute(
        lambda rating: ItemFactory(area=AreaFactory(framework=rating.round.framework))
    )
    source = Source.SELF
    level = 3


class WorkerLinkFactory(factory.django.DjangoModelFactory):
    """A usable worker link; the plain token is on ``link.token`` (only its hash is stored)."""

    class Meta:
        model = WorkerLink

    round = factory.SubFactory(AssessmentRoundFactory)
    worker = factory.LazyAttribute(
        lambda link: WorkerFactory(
            enterprise=EnterpriseFactory(
                cluster=link.round.cluster or ClusterFactory(program=link.round.program)
            )
        )
    )
    enterprise = factory.LazyAttribute(lambda link: link.worker.enterprise)
    token = factory.LazyFunction(new_token)
    token_hash = factory.LazyAttribute(lambda link: hash_token(link.token))
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        token = kwargs.pop("token")
        link = super()._build(model_class, *args, **kwargs)
        link.token = token
        return link

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        token = kwargs.pop("token")
        link = super()._create(model_class, *args, **kwargs)
        link.token = token
        return link


class DevelopmentPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DevelopmentPlan

    round = factory.SubFactory(AssessmentRoundFactory)
    enterprise = factory.LazyAttribute(
        lambda plan: EnterpriseFactory(
            cluster=plan.round.cluster or ClusterFactory(program=plan.round.program)
        )
    )


class PlanActionFactory(factory.django.DjangoModelFactory):
    """A planned action; ``people=[...]`` sets the workers it is for."""

    class Meta:
        model = PlanAction
        skip_postgeneration_save = True

    plan = factory.SubFactory(DevelopmentPlanFactory)
    enterprise = factory.LazyAttribute(lambda action: action.plan.enterprise)
    title = factory.Sequence(lambda n: f"Pelatihan {n}")
    status = PlanAction.Status.PLANNED
    position = factory.Sequence(lambda n: n)

    @factory.post_generation
    def people(self, create: bool, extracted, **kwargs) -> None:
        if create and extracted:
            self.people.set(extracted)

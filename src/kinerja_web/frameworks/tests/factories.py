"""Factories and ready-made frameworks for the frameworks tests (and other apps' tests)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import factory
from django.utils import timezone

from kinerja_web.frameworks import demo, paper
from kinerja_web.frameworks.models import ExpertJudgment, Framework, Node
from kinerja_web.tests.factories import ProgramFactory


class FrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Framework

    program = factory.SubFactory(ProgramFactory)
    name = factory.Sequence(lambda n: f"KPI {n}")


class NodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Node

    framework = factory.SubFactory(FrameworkFactory)
    name = factory.Sequence(lambda n: f"Node {n}")
    kind = Node.Kind.INDICATOR


def paper_framework(program: Any, key: str = "paper-medium", **fields: Any) -> Framework:
    """A framework built from a built-in template (the paper's medium one: Table 1 weights adopted)."""
    spec = paper.TEMPLATES[key]
    framework = FrameworkFactory(program=program, size_class=spec.size_class, **fields)
    paper.build(spec, framework)
    return framework


def micro_framework(program: Any, **fields: Any) -> Framework:
    """The demo's micro framework: two experts on the goal and on Human Resources (one inconsistent)."""
    framework = paper_framework(program, "paper-micro", **fields)
    goal = framework.nodes.get(parent__isnull=True)
    sdm = framework.nodes.get(name=paper.SDM)
    for node, experts in ((goal, demo.PERSPECTIVES), (sdm, demo.MICRO_SDM)):
        ids = {child.name: child.pk for child in node.children.all()}
        for name, entries in experts.items():
            ExpertJudgment.objects.create(
                node=node,
                expert_name=name,
                expert_weight=Decimal(1),
                judgments=[[ids[a], ids[b], value] for a, b, value in entries],
            )
    return framework


def three_indicators(program: Any, **fields: Any) -> tuple[Framework, Node, list[Node]]:
    """A goal, one perspective "SDM" and three indicators A, B, C not yet weighted."""
    framework = FrameworkFactory(program=program, **fields)
    goal = Node.objects.create(framework=framework, name="KPI", kind=Node.Kind.GOAL)
    sdm = Node.objects.create(framework=framework, parent=goal, name="SDM", kind=Node.Kind.PERSPECTIVE)
    indicators = [
        Node.objects.create(framework=framework, parent=sdm, name=name, position=i, unit="hari")
        for i, name in enumerate(("Kehadiran", "Waktu produksi", "Rotasi kerja"))
    ]
    return framework, sdm, indicators


def close_period_with(framework: Framework, enterprise: Any, *, closed: bool = True) -> Any:
    """A period of the framework's program (closed unless told) whose scorecard of ``enterprise`` uses it."""
    from kinerja_web.performance.models import Period, Scorecard

    period = Period.objects.create(
        program=framework.program,
        name=f"Triwulan {Period.objects.count() + 1}",
        start=datetime.date(2021, 1, 20),
        end=datetime.date(2021, 4, 19),
        closed_at=timezone.now() if closed else None,
    )
    return Scorecard.objects.create(enterprise=enterprise, period=period, framework=framework)

"""Fixtures of the performance tests: UD Pramitha Salsabila with the KPI paper's Table 1."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from kinerja_web.performance.tests import paper
from kinerja_web.tests import factories as f


@dataclass
class PaperWorld:
    program: Any
    cluster: Any
    enterprise: Any
    framework: Any
    period: Any
    scorecard: Any
    admin: Any
    facilitator: Any
    owner: Any


@pytest.fixture
def paper_world(db) -> PaperWorld:
    """Program, cluster, UD Pramitha Salsabila (owner ``owner1``), the Table 1 framework and the
    third month quarter with Table 1's scorecard."""
    program = f.ProgramFactory(name="PPBI Gula Kelapa")
    cluster = f.ClusterFactory(program=program, name="Lojejer")
    enterprise = f.EnterpriseFactory(
        cluster=cluster, name="UD Pramitha Salsabila", net_assets=650_000_000, annual_sales=1_650_000_000
    )
    framework = paper.paper_framework(program)
    period = paper.period(program, 2)
    scorecard = paper.table1_scorecard(enterprise, period, framework)
    return PaperWorld(
        program=program,
        cluster=cluster,
        enterprise=enterprise,
        framework=framework,
        period=period,
        scorecard=scorecard,
        admin=f.program_admin(program, "admin1"),
        facilitator=f.facilitator(cluster, "facilitator1"),
        owner=f.owner(enterprise, "owner1"),
    )

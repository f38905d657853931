"""Studies: a purposive sample of enterprises, as the competency paper selects its MSMEs.

A study's ``criteria`` is a list, applied in its order to the enterprises its author may draw
from (an administrator: the program's; a facilitator: their clusters'); ``funnel`` keeps how
many were left before the first criterion and after each one. The kinds of criterion:

- ``{"kind": "cluster", "clusters": [id, ...]}``: in one of these clusters;
- ``{"kind": "commodity", "commodity": "gula kelapa"}``: that commodity (case ignored);
- ``{"kind": "size", "law": "uu20-2008", "classes": ["micro", "small"]}``: the size class under
  that law (``programs.selectors.enterprise_size``, i.e. ``kinerja.sizing.classify``);
- ``{"kind": "years", "min": 5, "max": null}``: years in business this year (from
  ``Enterprise.year_founded``; an enterprise without it does not qualify);
- ``{"kind": "workers", "min": 2, "max": 10}``: workers active on the day the study is run;
- ``{"kind": "gap", "round": id, "area": "Manajemen", "above": "0.5"}``: the enterprise's mean
  gap in that area in that round above the level, as ``kinerja.competency.area_gaps_by`` rolls
  the round's gaps up by enterprise (an enterprise not assessed there does not qualify).

Who may see a study: the program's administrators, and a facilitator who manages every cluster
its cluster criterion names (a facilitator's study always has one: see ``services.studies``).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kinerja import sizing
from kinerja.competency import area_gaps_by
from kinerja.formatting import format_number
from kinerja_web import access
from kinerja_web.competency.models import AssessmentRound, Study
from kinerja_web.competency.selectors.analysis import round_analysis
from kinerja_web.competency.selectors.gaps import visible_rounds
from kinerja_web.programs.models import Cluster, Enterprise, Program, Worker
from kinerja_web.programs.selectors import enterprise_size

KINDS = ("cluster", "commodity", "size", "years", "workers", "gap")


def _locale() -> str:
    return "id" if (get_language() or "id").startswith("id") else "en"


# --- who may do what --------------------------------------------------------------------------


def study_pool(user: Any, program: Program) -> QuerySet[Enterprise]:
    """The enterprises ``user`` may draw a study of ``program`` from: those of the clusters they
    manage (all the program's for its administrators)."""
    return Enterprise.objects.filter(
        cluster__program=program, cluster__in=access.managed_clusters(user)
    ).select_related("cluster")


def study_clusters(user: Any, program: Program) -> QuerySet[Cluster]:
    """The clusters of ``program`` ``user`` may choose in a cluster criterion."""
    return access.managed_clusters(user).filter(program=program).order_by("name")


def can_create_study(user: Any, program: Program) -> bool:
    """Administrators of the program and facilitators of one of its clusters."""
    return study_clusters(user, program).exists()


def criterion_clusters(criteria: Sequence[dict]) -> set[int]:
    """The cluster ids the cluster criteria name (empty: none given)."""
    found: set[int] = set()
    for criterion in criteria:
        if criterion.get("kind") == "cluster":
            found.update(int(pk) for pk in criterion.get("clusters", []))
    return found


def may_see_study(user: Any, study: Study) -> bool:
    if access.can_administer_program(user, study.program):
        return True
    clusters = criterion_clusters(study.criteria)
    if not clusters:
        return False
    return access.managed_clusters(user).filter(pk__in=clusters).count() == len(clusters)


def get_study_for(user: Any, pk: Any) -> Study:
    """The study ``pk`` if ``user`` may open it, else ``Http404``."""
    study = access.get_or_404(Study.objects.filter(program__in=access.visible_programs(user)), pk)
    if not may_see_study(user, study):
        raise Http404
    return study


@dataclass(frozen=True)
class ProgramStudies:
    program: Program
    studies: tuple[Study, ...]
    can_create: bool


def program_studies(user: Any) -> list[ProgramStudies]:
    """The studies ``user`` may open, by program, newest first; programs where they may start one
    are listed even without studies."""
    groups = []
    for program in access.visible_programs(user).order_by("name"):
        found = [
            s for s in Study.objects.filter(program=program).order_by("-created_at") if may_see_study(user, s)
        ]
        can_create = can_create_study(user, program)
        if found or can_create:
            groups.append(ProgramStudies(program, tuple(found), can_create))
    return groups


# --- running the criteria -------------------------------------------------------------------


def active_workers(enterprises: Iterable[Enterprise], day: datetime.date) -> dict[int, int]:
    """enterprise id -> number of its workers active on ``day`` (started, not yet ended)."""
    rows = (
        Worker.objects.filter(enterprise__in=[e.pk for e in enterprises], start_date__lte=day)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
        .values("enterprise")
        .annotate(count=Count("pk"))
    )
    return {row["enterprise"]: row["count"] for row in rows}


def _in_range(value: int, criterion: dict) -> bool:
    low, high = criterion.get("min"), criterion.get("max")
    return (low is None or value >= int(low)) and (high is None or value <= int(high))


def _size_class(enterprise: Enterprise, law: str) -> str | None:
    for row in enterprise_size(enterprise):
        if row.law == law:
            return row.class_ or None
    return None


def _gap_round(user: Any, program: Program, pk: Any) -> AssessmentRound | None:
    return visible_rounds(user).filter(program=program, pk=pk).first()


def _apply(
    user: Any, program: Program, criterion: dict, enterprises: list[Enterprise], day: datetime.date
) -> list[Enterprise]:
    kind = criterion["kind"]
    if kind == "cluster":
        clusters = {int(pk) for pk in criterion["clusters"]}
        return [e for e in enterprises if e.cluster_id in clusters]
    if kind == "commodity":
        wanted = criterion["commodity"].strip().casefold()
        return [e for e in enterprises if e.commodity.strip().casefold() == wanted]
    if kind == "size":
        classes = set(criterion["classes"])
        return [e for e in enterprises if _size_class(e, criterion["law"]) in classes]
    if kind == "years":
        return [
            e
            for e in enterprises
            if e.year_founded is not None and _in_range(day.year - e.year_founded, criterion)
        ]
    if kind == "workers":
        counts = active_workers(enterprises, day)
        return [e for e in enterprises if _in_range(counts.get(e.pk, 0), criterion)]
    if kind == "gap":
        rnd = _gap_round(user, program, criterion["round"])
        if rnd is None or not enterprises:
            return []
        analysis = round_analysis(rnd, enterprises=enterprises)
        rolled = area_gaps_by(analysis.result, analysis.enterprise_of())
        above = Decimal(str(criterion["above"]))
        kept = []
        for enterprise in enterprises:
            found = rolled.get(enterprise.pk, {}).get(criterion["area"])
            if found is not None and found.mean_gap is not None and Decimal(repr(found.mean_gap)) > above:
                kept.append(enterprise)
        return kept
    raise ValueError(f"unknown criterion kind {kind!r}")


@dataclass(frozen=True)
class Sample:
    enterprises: tuple[Enterprise, ...]
    funnel: tuple[dict, ...]


def run_criteria(
    user: Any, program: Program, criteria: Sequence[dict], *, day: datetime.date | None = None
) -> Sample:
    """Apply ``criteria`` in order to the enterprises ``user`` may draw from; the funnel has the
    count before the first criterion (``step`` "start") and after each one."""
    day = day or datetime.date.today()
    remaining = list(study_pool(user, program).order_by("name", "pk"))
    funnel = [{"step": "start", "count": len(remaining)}]
    for criterion in criteria:
        remaining = _apply(user, program, criterion, remaining, day)
        funnel.append({"step": criterion["kind"], "count": len(remaining)})
    return Sample(tuple(remaining), tuple(funnel))


# --- showing a study ------------------------------------------------------------------------


def _range_text(criterion: dict) -> str:
    low, high = criterion.get("min"), criterion.get("max")
    if low is not None and high is not None:
        return _("from %(low)s to %(high)s") % {"low": low, "high": high}
    if low is not None:
        return _("at least %(low)s") % {"low": low}
    return _("at most %(high)s") % {"high": high}


def describe(criterion: dict) -> str:
    """A criterion in the reader's language."""
    kind = criterion.get("kind")
    locale = _locale()
    if kind == "cluster":
        names = dict(Cluster.objects.filter(pk__in=criterion.get("clusters", [])).values_list("pk", "name"))
        listed = ", ".join(names.get(int(pk), _("(removed)")) for pk in criterion.get("clusters", []))
        return _("Cluster: %(clusters)s") % {"clusters": listed}
    if kind == "commodity":
        return _("Commodity: %(commodity)s") % {"commodity": criterion.get("commodity", "")}
    if kind == "size":
        law = criterion.get("law", "")
        title = sizing.LAW_TITLES.get(law, (law, law))[1 if locale == "id" else 0]
        classes = ", ".join(sizing.class_label(c, locale) for c in criterion.get("classes", []))
        return _("Size class under %(law)s: %(classes)s") % {"law": title, "classes": classes}
    if kind == "years":
        return _("Years in business: %(range)s") % {"range": _range_text(criterion)}
    if kind == "workers":
        return _("Active workers: %(range)s") % {"range": _range_text(criterion)}
    if kind == "gap":
        rnd = AssessmentRound.objects.filter(pk=criterion.get("round")).first()
        return _("Mean gap in %(area)s above %(level)s (round %(round)s)") % {
            "area": criterion.get("area", ""),
            "level": format_number(Decimal(str(criterion.get("above", 0))), 2, locale),
            "round": rnd.name if rnd else _("(removed)"),
        }
    return str(criterion)


@dataclass(frozen=True)
class FunnelStep:
    label: str
    count: int


def funnel_steps(study: Study) -> list[FunnelStep]:
    """The saved funnel with each step named: the pool, then each criterion in its order."""
    steps = []
    counts = [step.get("count", 0) for step in study.funnel]
    if counts:
        steps.append(FunnelStep(_("Enterprises to draw from"), counts[0]))
    for criterion, count in zip(study.criteria, counts[1:], strict=False):
        steps.append(FunnelStep(describe(criterion), count))
    return steps


def study_enterprises(user: Any, study: Study) -> QuerySet[Enterprise]:
    """The study's enterprises that ``user`` may see (all of them for whoever may open the study)."""
    return (
        study.enterprises.filter(pk__in=access.visible_enterprises(user).values("pk"))
        .select_related("cluster")
        .order_by("name", "pk")
    )


def study_view(user: Any, study: Study) -> dict[str, Any]:
    return {
        "study": study,
        "program": study.program,
        "steps": funnel_steps(study),
        "enterprises": study_enterprises(user, study),
    }


def study_csv_rows(user: Any, study: Study) -> list[list[Any]]:
    """The study's enterprises, one row each, with the columns a researcher needs to contact them."""
    rows: list[list[Any]] = [
        [
            _("Enterprise"),
            _("NIB"),
            _("Cluster"),
            _("Commodity"),
            _("Village"),
            _("Year founded"),
        ]
    ]
    for enterprise in study_enterprises(user, study):
        rows.append(
            [
                enterprise.name,
                enterprise.nib,
                enterprise.cluster.name,
                enterprise.commodity,
                enterprise.village,
                enterprise.year_founded,
            ]
        )
    return rows

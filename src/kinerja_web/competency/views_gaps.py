"""Gap-analysis pages of an assessment round and the studies (purposive samples).

Thin views: every object through ``kinerja_web.access`` (via ``selectors.gaps``: a round, cluster,
enterprise or person the user may not see answers 404), every figure from the core through
``selectors.gaps`` / ``selectors.analysis``, every write through ``services.studies``.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from kinerja_web import access
from kinerja_web.competency import charts
from kinerja_web.competency.forms_studies import StudyForm
from kinerja_web.competency.selectors import gaps, studies
from kinerja_web.competency.selectors.gaps import GapReport, HeatMap
from kinerja_web.competency.services.studies import study_create as create_study
from kinerja_web.downloads import csv_response

# --- gap analysis ---------------------------------------------------------------------------


def _report_context(report: GapReport) -> dict:
    return {
        "report": report,
        "round": report.round,
        "legend": gaps.GAP_BANDS,
        "chart": charts.importance_performance(report.items),
        "chart_items": charts.chartable(report.items),
    }


@login_required
@require_safe
def gaps_index(request: HttpRequest) -> HttpResponse:
    """The rounds the user may open, newest first."""
    rounds = gaps.visible_rounds(request.user).order_by("-starts_on", "name")
    owned = list(
        access.visible_enterprises(request.user).filter(owner=request.user).select_related("cluster")
    )
    rows = []
    for rnd in rounds:
        mine = [
            e
            for e in owned
            if e.cluster.program_id == rnd.program_id and rnd.cluster_id in (None, e.cluster_id)
        ]
        rows.append((rnd, mine))
    return render(request, "competency/gaps/index.html", {"rows": rows})


def _enterprise_heat(report_round, user, analysis, areas) -> HeatMap:
    names = {worker.enterprise_id: worker.enterprise.name for worker in analysis.workers.values()}
    return gaps.group_heat(
        analysis,
        areas,
        analysis.enterprise_of(),
        lambda pk: names[pk],
        lambda pk: reverse("competency:gaps_enterprise", args=[report_round.pk, pk]),
        order=sorted(names, key=lambda pk: (names[pk].casefold(), pk)),
        row_heading=_("Enterprise"),
    )


@login_required
@require_safe
def gaps_round(request: HttpRequest, round_pk: int) -> HttpResponse:
    """A round's gaps over what the user may see: by cluster, by enterprise (heat map), by role,
    per item (importance-performance) and the most common gaps."""
    rnd = gaps.get_round_for(request.user, round_pk)
    enterprises = gaps.round_enterprises(request.user, rnd)

    def heat(analysis, areas):
        return _enterprise_heat(rnd, request.user, analysis, areas)

    report = gaps.report(rnd, enterprises, heat=heat, role_heading=_("Role"))
    clusters = {
        worker.enterprise.cluster_id: worker.enterprise.cluster for worker in report.analysis.workers.values()
    }
    by_cluster = gaps.group_heat(
        report.analysis,
        report.areas,
        report.analysis.cluster_of(),
        lambda pk: clusters[pk].name,
        lambda pk: reverse("competency:gaps_cluster", args=[rnd.pk, pk]),
        order=sorted(clusters, key=lambda pk: (clusters[pk].name.casefold(), pk)),
        row_heading=_("Cluster"),
    )
    context = _report_context(report) | {"by_cluster": by_cluster}
    return render(request, "competency/gaps/round.html", context)


@login_required
@require_safe
def gaps_cluster(request: HttpRequest, round_pk: int, cluster_pk: int) -> HttpResponse:
    """One cluster in a round: enterprises x areas, by role, per item, most common gaps."""
    rnd = gaps.get_round_for(request.user, round_pk)
    cluster = gaps.get_round_cluster(request.user, rnd, cluster_pk)
    enterprises = gaps.round_enterprises(request.user, rnd).filter(cluster=cluster)

    def heat(analysis, areas):
        return _enterprise_heat(rnd, request.user, analysis, areas)

    report = gaps.report(rnd, enterprises, heat=heat, role_heading=_("Role"))
    return render(request, "competency/gaps/cluster.html", _report_context(report) | {"cluster": cluster})


@login_required
@require_safe
def gaps_enterprise(request: HttpRequest, round_pk: int, enterprise_pk: int) -> HttpResponse:
    """One enterprise in a round: people x areas, by role, per item, most common gaps."""
    rnd = gaps.get_round_for(request.user, round_pk)
    enterprise = gaps.get_round_enterprise(request.user, rnd, enterprise_pk)

    def heat(analysis, areas):
        return gaps.people_heat(
            analysis,
            areas,
            lambda worker: reverse("competency:gaps_person", args=[rnd.pk, worker.pk]),
            row_heading=_("Person"),
        )

    report = gaps.report(rnd, [enterprise], heat=heat, role_heading=_("Role"))
    return render(
        request, "competency/gaps/enterprise.html", _report_context(report) | {"enterprise": enterprise}
    )


@login_required
@require_safe
def gaps_person(request: HttpRequest, round_pk: int, worker_pk: int) -> HttpResponse:
    """One person in a round: each item's sources, combined, required level, gap and surplus."""
    rnd = gaps.get_round_for(request.user, round_pk)
    worker = gaps.get_round_worker(request.user, rnd, worker_pk)
    person = gaps.person_report(rnd, worker)
    return render(
        request,
        "competency/gaps/person.html",
        {"round": rnd, "worker": worker, "enterprise": worker.enterprise, "person": person},
    )


@login_required
@require_safe
def gaps_enterprise_rounds(request: HttpRequest, enterprise_pk: int) -> HttpResponse:
    """The rounds covering an enterprise, each linked to its gaps (the enterprise page's link)."""
    enterprise = access.get_enterprise_for(request.user, enterprise_pk)
    rounds = gaps.enterprise_rounds(request.user, enterprise)
    return render(
        request, "competency/gaps/enterprise_rounds.html", {"enterprise": enterprise, "rounds": rounds}
    )


# --- studies ---------------------------------------------------------------------------------


@login_required
@require_safe
def study_list(request: HttpRequest) -> HttpResponse:
    """Studies the user may open, by program, and where they may start one."""
    groups = studies.program_studies(request.user)
    return render(request, "competency/studies/list.html", {"groups": groups})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def study_create(request: HttpRequest, program_pk: int) -> HttpResponse:
    """The criteria form; saving runs the criteria in order and keeps the funnel and the list."""
    program = access.get_program_for(request.user, program_pk)
    access.require(studies.can_create_study(request.user, program))
    form = StudyForm(request.POST or None, user=request.user, program=program)
    if request.method == "POST" and form.is_valid():
        try:
            study = create_study(
                actor=request.user,
                program=program,
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
                criteria=form.criteria(),
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request,
                _("Study saved: %(count)d enterprises meet its criteria.")
                % {"count": study.enterprises.count()},
            )
            return redirect("competency:study_detail", pk=study.pk)
    return render(request, "competency/studies/form.html", {"form": form, "program": program})


@login_required
@require_safe
def study_detail(request: HttpRequest, pk: int) -> HttpResponse:
    study = studies.get_study_for(request.user, pk)
    return render(request, "competency/studies/detail.html", studies.study_view(request.user, study))


@login_required
@require_safe
def study_csv(request: HttpRequest, pk: int) -> HttpResponse:
    """The study's enterprises as CSV (UTF-8 with BOM; text that could run as a formula neutralised)."""
    study = studies.get_study_for(request.user, pk)
    rows = studies.study_csv_rows(request.user, study)
    filename = f"study-{slugify(study.name) or study.pk}.csv"
    return csv_response(rows, filename)

"""Pages of programs, clusters, enterprises and workers: thin views over selectors and services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from kinerja.scoring import DEFAULT_BANDS
from kinerja_web import access, nav
from kinerja_web.audit import undo
from kinerja_web.audit.views import confirm_delete
from kinerja_web.programs import selectors, services
from kinerja_web.programs.bands import band_presets, is_default, preset_of, program_bands
from kinerja_web.programs.forms import (
    BandsFormSet,
    ClusterForm,
    EnterpriseFilterForm,
    EnterpriseForm,
    ProgramForm,
    WorkerForm,
)
from kinerja_web.programs.models import Cluster


@login_required
def program_list(request: HttpRequest) -> HttpResponse:
    return render(request, "programs/program_list.html", {"programs": selectors.program_list(request.user)})


@login_required
def program_detail(request: HttpRequest, pk: int) -> HttpResponse:
    program = access.get_program_for(request.user, pk)
    context = {
        "program": program,
        "clusters": selectors.program_clusters(request.user, program),
        "can_administer": access.can_administer_program(request.user, program),
    }
    return render(request, "programs/program_detail.html", context)


@login_required
def program_edit(request: HttpRequest, pk: int) -> HttpResponse:
    program = access.get_program_for(request.user, pk)
    access.require(access.can_administer_program(request.user, program))
    form = ProgramForm(request.POST or None, instance=program)
    if request.method == "POST" and form.is_valid():
        services.program_update(actor=request.user, program=program, **_changed(form))
        messages.success(request, _("Saved."))
        return redirect("programs:program_detail", pk=program.pk)
    return render(request, "programs/form.html", {"form": form, "title": _("Edit program"), "back": program})


@login_required
def program_bands_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The program's rating bands: rows of minimum, code and labels; or back to the default."""
    program = access.get_program_for(request.user, pk)
    access.require(access.can_administer_program(request.user, program))
    if request.method == "POST" and request.POST.get("action") == "reset":
        services.program_bands_update(actor=request.user, program=program, bands=None)
        messages.success(request, _("The rating bands are the default again (PP 46/2011)."))
        return redirect("programs:program_bands", pk=program.pk)
    if request.method == "POST" and request.POST.get("action") == "preset":
        preset = band_presets().get(request.POST.get("preset", ""))
        if preset is None:
            messages.error(request, _("Choose one of the presets listed."))
        else:
            services.program_bands_update(actor=request.user, program=program, bands=preset.bands)
            messages.success(
                request,
                _(
                    "The rating bands are now the preset of %(regulation)s. "
                    "Open periods are rated with them now."
                )
                % {"regulation": preset.regulation},
            )
        return redirect("programs:program_bands", pk=program.pk)
    current = program_bands(program)
    initial = [
        {"min": band.min, "code": band.code, "label_id": band.label_id, "label_en": band.label_en}
        for band in current
    ]
    formset = BandsFormSet(request.POST or None, initial=initial, prefix="bands")
    if request.method == "POST" and formset.is_valid():
        services.program_bands_update(actor=request.user, program=program, bands=formset.bands)
        messages.success(request, _("Rating bands saved. Open periods are rated with them now."))
        return redirect("programs:program_bands", pk=program.pk)
    context = {
        "program": program,
        "formset": formset,
        "bands": current,
        "is_default": is_default(current),
        "default_bands": DEFAULT_BANDS,
        "presets": list(band_presets().values()),
        "current_preset": preset_of(current),
    }
    return render(request, "programs/bands.html", context)


@login_required
def cluster_create(request: HttpRequest, program_pk: int) -> HttpResponse:
    program = access.get_program_for(request.user, program_pk)
    access.require(access.can_administer_program(request.user, program))
    form = ClusterForm(request.POST or None, instance=Cluster(program=program))
    if request.method == "POST" and form.is_valid():
        try:
            cluster = services.cluster_create(actor=request.user, program=program, **form.cleaned_data)
        except ValidationError as error:  # a cluster of that name saved meanwhile
            form.add_error(None, error)
        else:
            messages.success(request, _("Cluster added."))
            return redirect("programs:cluster_detail", pk=cluster.pk)
    return render(request, "programs/form.html", {"form": form, "title": _("New cluster"), "back": program})


@login_required
def cluster_detail(request: HttpRequest, pk: int) -> HttpResponse:
    cluster = access.get_cluster_for(request.user, pk)
    context = {
        "cluster": cluster,
        "enterprises": selectors.cluster_enterprises(request.user, cluster),
        "can_manage": access.can_manage_cluster(request.user, cluster),
        "can_administer": access.can_administer_program(request.user, cluster.program),
    }
    return render(request, "programs/cluster_detail.html", context)


@login_required
def cluster_edit(request: HttpRequest, pk: int) -> HttpResponse:
    cluster = access.get_cluster_for(request.user, pk)
    access.require(access.can_administer_program(request.user, cluster.program))
    form = ClusterForm(request.POST or None, instance=cluster)
    if request.method == "POST" and form.is_valid():
        try:
            services.cluster_update(actor=request.user, cluster=cluster, **_changed(form))
        except ValidationError as error:  # a cluster of that name saved meanwhile
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("programs:cluster_detail", pk=cluster.pk)
    return render(request, "programs/form.html", {"form": form, "title": _("Edit cluster"), "back": cluster})


@login_required
def enterprise_list(request: HttpRequest) -> HttpResponse:
    form = EnterpriseFilterForm(request.GET or None, user=request.user)
    cluster, query = None, ""
    if form.is_valid():
        cluster, query = form.cleaned_data["cluster"], form.cleaned_data["q"]
    enterprises = selectors.enterprise_search(request.user, cluster=cluster, query=query)
    page = Paginator(enterprises, 50).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "can_register": access.managed_clusters(request.user).exists(),
        "query_string": _query_without_page(request),
    }
    return render(request, "programs/enterprise_list.html", context)


@login_required
def enterprise_create(request: HttpRequest) -> HttpResponse:
    access.require(access.managed_clusters(request.user).exists())
    initial = {"cluster": request.GET.get("cluster")} if request.GET.get("cluster") else None
    form = EnterpriseForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        enterprise = services.enterprise_create(actor=request.user, **data)
        messages.success(request, _("Enterprise registered."))
        return redirect("programs:enterprise_detail", pk=enterprise.pk)
    return render(request, "programs/form.html", {"form": form, "title": _("Register an enterprise")})


@login_required
def enterprise_detail(request: HttpRequest, pk: int) -> HttpResponse:
    enterprise = access.get_enterprise_for(request.user, pk)
    workers = selectors.enterprise_workers(enterprise)
    context = {
        "enterprise": enterprise,
        "program": enterprise.cluster.program,
        "workers": workers,
        "sizes": selectors.enterprise_size(enterprise),
        "can_change": access.can_change_enterprise(request.user, enterprise),
        "links": nav.enterprise_links(request.user, enterprise),
    }
    return render(request, "programs/enterprise_detail.html", context)


@login_required
def enterprise_edit(request: HttpRequest, pk: int) -> HttpResponse:
    enterprise = access.get_enterprise_for(request.user, pk)
    access.require(access.can_change_enterprise(request.user, enterprise))
    form = EnterpriseForm(request.POST or None, instance=enterprise, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.enterprise_update(actor=request.user, enterprise=enterprise, **_changed(form))
        messages.success(request, _("Saved."))
        return redirect("programs:enterprise_detail", pk=enterprise.pk)
    return render(
        request, "programs/form.html", {"form": form, "title": _("Edit enterprise"), "back": enterprise}
    )


@login_required
def worker_create(request: HttpRequest, enterprise_pk: int) -> HttpResponse:
    enterprise = access.get_enterprise_for(request.user, enterprise_pk)
    access.require(access.can_change_enterprise(request.user, enterprise))
    services.worker_roles_ensure(program=enterprise.program)
    form = WorkerForm(request.POST or None, program=enterprise.program)
    if request.method == "POST" and form.is_valid():
        services.worker_create(actor=request.user, enterprise=enterprise, **form.cleaned_data)
        messages.success(request, _("Worker added."))
        return redirect("programs:enterprise_detail", pk=enterprise.pk)
    return render(
        request, "programs/form.html", {"form": form, "title": _("Add a worker"), "back": enterprise}
    )


@login_required
def worker_edit(request: HttpRequest, enterprise_pk: int, pk: int) -> HttpResponse:
    enterprise = access.get_enterprise_for(request.user, enterprise_pk)
    access.require(access.can_change_enterprise(request.user, enterprise))
    worker = get_object_or_404(enterprise.workers, pk=pk)
    services.worker_roles_ensure(program=enterprise.program)
    form = WorkerForm(request.POST or None, instance=worker, program=enterprise.program)
    if request.method == "POST" and form.is_valid():
        services.worker_update(actor=request.user, worker=worker, **_changed(form))
        messages.success(request, _("Saved."))
        return redirect("programs:enterprise_detail", pk=enterprise.pk)
    context = {"form": form, "title": _("Edit worker"), "back": enterprise, "worker": worker}
    return render(request, "programs/worker_form.html", context)


@login_required
def worker_delete(request: HttpRequest, enterprise_pk: int, pk: int) -> HttpResponse:
    """Ask first (GET: the worker and everything recorded about them that goes too), remove on POST
    with an Undo."""
    enterprise = access.get_enterprise_for(request.user, enterprise_pk)
    access.require(access.can_change_enterprise(request.user, enterprise))
    worker = get_object_or_404(enterprise.workers.select_related("role"), pk=pk)
    if request.method == "POST":
        undo.offer(request, services.worker_delete(actor=request.user, worker=worker))
        return redirect("programs:enterprise_detail", pk=enterprise.pk)
    facts = [
        (_("Enterprise"), enterprise.name),
        (_("Worker"), worker.name),
        (_("Role"), worker.role.name if worker.role else "–"),
        (_("Since"), formats.date_format(worker.start_date, "SHORT_DATE_FORMAT")),
    ]
    facts += [(_("Also deleted"), f"{count} {name}") for name, count in undo.goes_with(worker)]
    consequences = [
        _(
            "Only for a worker entered by mistake. A worker who left keeps their history: give an "
            "end date instead."
        ),
        _(
            "Attendance and worker counts of the periods they were recorded in change, and so do "
            "the scores of open periods taken from the records."
        ),
    ]
    return confirm_delete(
        request,
        question=_("Remove the worker %(name)s?") % {"name": worker.name},
        facts=facts,
        consequences=consequences,
        cancel_url=reverse("programs:worker_edit", args=[enterprise.pk, worker.pk]),
        confirm_label=_("Remove"),
    )


def _changed(form: object) -> dict:
    """The cleaned values of the fields the user changed."""
    return {name: form.cleaned_data[name] for name in form.changed_data if name in form.cleaned_data}


def _query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()

"""Pages of assessment rounds: list, new round, the round page, closing, one enterprise's page of a
round, rating one worker, worker links (and the worker's own page by link), evidence.

Thin views: every object comes through ``kinerja_web.access`` (via ``selectors.rounds``), so what a
user may not see answers 404; writes go through one service each (``services.rounds``).

The worker-link page (``/competency/w/<token>/``) needs no login and shows nothing but that
worker's questionnaire for that round, in its own bare template (no menu, no other data). An
unknown or revoked token answers 404, an expired link or a closed round 410, each with a plain
page. A worker may change their answers while the link is usable (until it expires, is revoked
or the round closes); the page says when they answered.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja_web import access
from kinerja_web.competency.forms_rounds import EvidenceForm, RatingForm, RoundForm, WorkerLinkForm
from kinerja_web.competency.models import Evidence, Source, WorkerLink
from kinerja_web.competency.selectors import rounds as selectors
from kinerja_web.competency.services import rounds as services


def _add_errors(form: Any, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _percent(share: float | None) -> float | None:
    return None if share is None else share * 100


@login_required
def round_list(request: HttpRequest) -> HttpResponse:
    rounds = list(selectors.visible_rounds(request.user).order_by("program__name", "-starts_on", "name"))
    return render(
        request,
        "competency/rounds/round_list.html",
        {"rounds": rounds, "programs": selectors.programs_for_new_round(request.user)},
    )


@login_required
def round_create(request: HttpRequest, program_pk: int) -> HttpResponse:
    program = access.get_program_for(request.user, program_pk)
    access.require(selectors.can_create_round(request.user, program))
    whole_program = access.can_administer_program(request.user, program)
    form = RoundForm(
        request.POST or None,
        frameworks=program.competency_frameworks.order_by("name", "-version"),
        clusters=selectors.creatable_clusters(request.user, program).order_by("name"),
        whole_program=whole_program,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            round = services.round_create(actor=request.user, program=program, **data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Round %(name)s started.") % {"name": round.name})
            return redirect("competency:round_detail", pk=round.pk)
    return render(request, "competency/rounds/round_form.html", {"form": form, "program": program})


@login_required
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    round = selectors.get_round_for(request.user, pk)
    enterprises = list(selectors.round_enterprises(request.user, round))
    overview = selectors.round_overview(round, enterprises)
    context = {
        "round": round,
        "overview": overview,
        "agreement": overview.agreement,
        "exact_pct": _percent(overview.agreement.exact_share),
        "adjacent_pct": _percent(overview.agreement.adjacent_share),
        "can_manage": selectors.can_manage_round(request.user, round),
        "sources": [(s.value, s.label) for s in selectors.SOURCE_ORDER],
    }
    return render(request, "competency/rounds/round_detail.html", context)


@login_required
def round_close(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: what closing means, and a confirmation button; POST: close."""
    round = selectors.get_round_for(request.user, pk)
    access.require(selectors.can_manage_round(request.user, round))
    problems: list[str] = []
    if request.method == "POST":
        try:
            services.round_close(actor=request.user, round=round)
        except ValidationError as error:
            problems = list(error.messages)
        else:
            messages.success(
                request, _("Round %(name)s closed: its ratings are frozen.") % {"name": round.name}
            )
            return redirect("competency:round_detail", pk=round.pk)
    return render(request, "competency/rounds/round_close.html", {"round": round, "problems": problems})


@login_required
def enterprise_rounds(request: HttpRequest, enterprise_pk: int) -> HttpResponse:
    """The rounds that cover one enterprise (the enterprise page's link)."""
    enterprise = access.get_enterprise_for(request.user, enterprise_pk)
    rounds = list(selectors.enterprise_rounds(enterprise))
    return render(
        request, "competency/rounds/enterprise_rounds.html", {"enterprise": enterprise, "rounds": rounds}
    )


def _round_enterprise_context(request: HttpRequest, round: Any, enterprise: Any) -> dict[str, Any]:
    overview = selectors.round_overview(round, [enterprise])
    source = selectors.rating_source(request.user, enterprise)
    summaries = overview.analysis.result.items
    return {
        "round": round,
        "enterprise": enterprise,
        "overview": overview,
        "row": overview.enterprises[0],
        "agreement": overview.agreement,
        "exact_pct": _percent(overview.agreement.exact_share),
        "adjacent_pct": _percent(overview.agreement.adjacent_share),
        "sources": [(s.value, s.label) for s in selectors.SOURCE_ORDER],
        "item_means": [
            (item, summaries[item.code].mean_combined)
            for item in selectors.framework_items(round)
            if item.code in summaries and summaries[item.code].mean_combined is not None
        ],
        "source": source,
        "source_label": Source(source).label if source else "",
        "can_rate": source is not None and not round.is_closed,
        "links": selectors.enterprise_links(round, enterprise) if source is not None else [],
        "evidence": selectors.enterprise_evidence(round, enterprise),
        "user_pk": request.user.pk,
    }


@login_required
def round_enterprise(request: HttpRequest, pk: int, enterprise_pk: int) -> HttpResponse:
    """One enterprise in a round: each worker's combined level per item, flags, agreement, links
    and evidence."""
    round, enterprise = selectors.get_round_enterprise_for(request.user, pk, enterprise_pk)
    return render(
        request,
        "competency/rounds/round_enterprise.html",
        _round_enterprise_context(request, round, enterprise),
    )


@login_required
def rate_worker(request: HttpRequest, pk: int, enterprise_pk: int, worker_pk: int) -> HttpResponse:
    """The owner's (source ``owner``) or a facilitator's (source ``facilitator``, with a method)
    ratings of one worker: every item of the framework by area, anchored levels as the choices."""
    round, enterprise = selectors.get_round_enterprise_for(request.user, pk, enterprise_pk)
    worker = access.get_or_404(selectors.round_workers(round, enterprise), worker_pk)
    source = selectors.rating_source(request.user, enterprise)
    access.require(source is not None)
    groups = selectors.items_by_area(selectors.framework_items(round))
    existing = selectors.existing_ratings(round, worker)
    mine = {item_pk: by_source[source] for item_pk, by_source in existing.items() if source in by_source}
    form = RatingForm(
        request.POST or None, groups=groups, with_method=source == Source.FACILITATOR, existing=mine
    )
    if request.method == "POST":
        access.require(not round.is_closed)
        if form.is_valid():
            try:
                changes = services.ratings_save(
                    actor=request.user,
                    round=round,
                    worker=worker,
                    method=form.cleaned_data.get("method", ""),
                    answers=form.answers(),
                    known=form.known_items(),
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Saved %(count)s changed ratings of %(worker)s.")
                    % {"count": len(changes), "worker": worker.name},
                )
                return redirect(
                    "competency:rate_worker", pk=round.pk, enterprise_pk=enterprise.pk, worker_pk=worker.pk
                )
    labels = dict(Source.choices)
    form.others = {
        item_pk: [
            (labels[s], by_source[s].level)
            for s in (x.value for x in selectors.SOURCE_ORDER)
            if s in by_source
        ]
        for item_pk, by_source in existing.items()
    }
    return render(
        request,
        "competency/rounds/rate.html",
        {
            "round": round,
            "enterprise": enterprise,
            "worker": worker,
            "form": form,
            "source_label": labels[source],
            "read_only": round.is_closed,
        },
    )


def _link_url(request: HttpRequest, token: str) -> str:
    return request.build_absolute_uri(reverse("competency:worker_link", args=[token]))


@login_required
def link_create(request: HttpRequest, pk: int, enterprise_pk: int) -> HttpResponse:
    """GET: the form; POST: make the link and show it ONCE (only its hash is kept)."""
    round, enterprise = selectors.get_round_enterprise_for(request.user, pk, enterprise_pk)
    access.require(selectors.rating_source(request.user, enterprise) is not None)
    form = WorkerLinkForm(request.POST or None, workers=selectors.round_workers(round, enterprise))
    if request.method == "POST" and form.is_valid():
        try:
            link, token = services.worker_link_create(
                actor=request.user,
                round=round,
                worker=form.cleaned_data["worker"],
                days=form.cleaned_data["days"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            url = _link_url(request, token)
            text = _(
                "%(worker)s, please fill in your competency questionnaire for %(enterprise)s: %(url)s"
            ) % {
                "worker": link.worker.name,
                "enterprise": enterprise.name,
                "url": url,
            }
            response = render(
                request,
                "competency/rounds/link_made.html",
                {
                    "round": round,
                    "enterprise": enterprise,
                    "link": link,
                    "url": url,
                    "whatsapp": "https://wa.me/?text=" + quote(text, safe=""),
                },
            )
            response["Cache-Control"] = "no-store"
            return response
    return render(
        request, "competency/rounds/link_form.html", {"round": round, "enterprise": enterprise, "form": form}
    )


@login_required
@require_POST
def link_revoke(request: HttpRequest, pk: int, enterprise_pk: int, link_pk: int) -> HttpResponse:
    round, enterprise = selectors.get_round_enterprise_for(request.user, pk, enterprise_pk)
    access.require(selectors.rating_source(request.user, enterprise) is not None)
    link = access.get_or_404(
        WorkerLink.objects.filter(round=round, enterprise=enterprise).select_related("round"), link_pk
    )
    try:
        services.worker_link_revoke(actor=request.user, link=link)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The link of %(worker)s is revoked.") % {"worker": link.worker.name})
    return redirect("competency:round_enterprise", pk=round.pk, enterprise_pk=enterprise.pk)


@login_required
def evidence_upload(request: HttpRequest, pk: int, enterprise_pk: int) -> HttpResponse:
    round, enterprise = selectors.get_round_enterprise_for(request.user, pk, enterprise_pk)
    access.require(access.can_change_enterprise(request.user, enterprise))
    form = EvidenceForm(
        request.POST or None,
        request.FILES or None,
        workers=selectors.round_workers(round, enterprise),
        items=round.framework.items.order_by("area__position", "position", "pk"),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.evidence_upload(
                actor=request.user,
                round=round,
                enterprise=enterprise,
                upload=data["file"],
                description=data["description"],
                worker=data["worker"],
                item=data["item"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Evidence %(name)s attached.") % {"name": data["file"].name})
            return redirect("competency:round_enterprise", pk=round.pk, enterprise_pk=enterprise.pk)
    return render(
        request,
        "competency/rounds/evidence_form.html",
        {
            "round": round,
            "enterprise": enterprise,
            "form": form,
            "max_mb": services.evidence_max_bytes() // (1024 * 1024),
        },
    )


def _visible_evidence(user: Any, pk: int) -> Evidence:
    evidence = access.get_or_404(Evidence.objects.select_related("round", "enterprise"), pk)
    # The enterprise and the round must both be visible: else the same 404 as a missing file.
    access.get_enterprise_for(user, evidence.enterprise_id)
    selectors.get_round_enterprise_for(user, evidence.round_id, evidence.enterprise_id)
    return evidence


@login_required
def evidence_file(request: HttpRequest, pk: int) -> HttpResponse:
    """The file, only to those who may see its enterprise: images shown, documents downloaded."""
    evidence = _visible_evidence(request.user, pk)
    try:
        handle = evidence.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    is_image = evidence.content_type in services.IMAGE_TYPES
    response = FileResponse(
        handle,
        content_type=evidence.content_type,
        as_attachment=not is_image,
        filename=evidence.original_name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    return response


@login_required
@require_POST
def evidence_delete(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = _visible_evidence(request.user, pk)
    try:
        services.evidence_delete(actor=request.user, evidence=evidence)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Evidence %(name)s removed.") % {"name": evidence.original_name})
    return redirect("competency:round_enterprise", pk=evidence.round_id, enterprise_pk=evidence.enterprise_id)


# The worker's own page, by link: no login, nothing but their questionnaire.


def _bare(request: HttpRequest, template: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    response = render(request, template, context, status=status)
    response["Cache-Control"] = "no-store"
    # The token never leaves the site in a Referer (same-origin); "no-referrer" would make the
    # browser send "Origin: null" with the form, which the CSRF check refuses.
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def worker_link(request: HttpRequest, token: str) -> HttpResponse:
    link = services.find_link(token)
    if link is None or link.is_revoked:
        return _bare(request, "competency/rounds/link_gone.html", {"status": 404}, status=404)
    if link.round.is_closed or link.is_expired:
        return _bare(request, "competency/rounds/link_gone.html", {"status": 410}, status=410)
    groups = selectors.items_by_area(selectors.framework_items(link.round))
    existing = selectors.existing_ratings(link.round, link.worker)
    mine = {
        item_pk: by_source[Source.SELF] for item_pk, by_source in existing.items() if Source.SELF in by_source
    }
    form = RatingForm(request.POST or None, groups=groups, with_method=False, existing=mine)
    if request.method == "POST" and form.is_valid():
        try:
            services.worker_link_submit(link=link, answers=form.answers())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return _bare(request, "competency/rounds/link_thanks.html", {"link": link})
    return _bare(request, "competency/rounds/link_form_worker.html", {"link": link, "form": form})

"""Pages of records: thin views that validate and call one service or selector.

Every page of one enterprise starts with ``access.get_enterprise_for`` (404 for an enterprise
the user may not see); writes also need ``access.can_change_enterprise`` (403), and the
services check it again.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja_web import access
from kinerja_web.audit import undo
from kinerja_web.audit.views import confirm_delete
from kinerja_web.records import forms, selectors, services
from kinerja_web.records.models import HOURS_IN_DAY

PAGE_SIZE = 50
ONE_DAY = datetime.timedelta(days=1)


def _add_errors(form: Any, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: on the field of that name, else on top."""
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _context(request: HttpRequest, enterprise: Any, section: str, **extra: Any) -> dict[str, Any]:
    return {
        "enterprise": enterprise,
        "program": enterprise.cluster.program,
        "section": section,
        "can_change": access.can_change_enterprise(request.user, enterprise),
        "today": services.today(),
        "list_kinds": LIST_KINDS,
        **extra,
    }


@login_required
def today(request: HttpRequest) -> HttpResponse:
    """The owner's "record today": straight to the day form of their enterprise."""
    enterprises = list(selectors.owned_enterprises(request.user)[:100])
    if len(enterprises) == 1:
        return redirect("records:day_today", pk=enterprises[0].pk)
    return render(request, "records/today.html", {"enterprises": enterprises})


@login_required
def week(request: HttpRequest, pk: int, day: datetime.date | None = None) -> HttpResponse:
    enterprise = access.get_enterprise_for(request.user, pk)
    summary = selectors.week_summary(enterprise, day or services.today())
    context = _context(request, enterprise, "week", week=summary, hours_in_day=HOURS_IN_DAY)
    context["has_next"] = summary.next <= context["today"]
    return render(request, "records/week.html", context)


@login_required
def day(request: HttpRequest, pk: int, day: datetime.date | None = None) -> HttpResponse:
    """Record one day (default today): attendance taps, hours, production rows, sales, one Save."""
    enterprise = access.get_enterprise_for(request.user, pk)
    today_ = services.today()
    day = day or today_
    can_change = access.can_change_enterprise(request.user, enterprise)
    if request.method == "POST":
        access.require(can_change)
    if day > today_:
        messages.error(request, _("That day has not come yet: record it once it has happened."))
        return redirect("records:day_today", pk=enterprise.pk)

    entry = selectors.day_entry(enterprise, day)
    workers = selectors.active_workers(enterprise, day)
    data = request.POST if request.method == "POST" else None
    previous = selectors.previous_recorded_day(enterprise, day) if can_change else None
    # "Same as yesterday": the form filled from the latest recorded day before this one, not saved
    # until the owner taps Save.
    prefill_from = previous if data is None and previous and request.GET.get("same") == "previous" else None
    shown = selectors.day_entry(enterprise, prefill_from) if prefill_from else entry
    form = forms.DayForm(data, workers=workers, initial=forms.DayForm.initial_from(shown))
    formset = forms.production_formset(data, shown)
    if data is not None and _day_is_valid(enterprise, day, form, formset, stored=not entry.is_empty):
        try:
            services.day_save(
                enterprise=enterprise,
                date=day,
                attendance=form.attendance(),
                operating_hours=form.cleaned_data["operating_hours"],
                rotation_hours=form.cleaned_data["rotation_hours"],
                production=forms.production_rows(formset),
                sales_rp=form.cleaned_data["sales_rp"],
                actor=request.user,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return redirect(reverse("records:day", args=[enterprise.pk, day]) + "?saved=1")

    context = _context(
        request,
        enterprise,
        "day",
        day=day,
        entry=entry,
        form=form,
        formset=formset,
        products=selectors.product_suggestions(enterprise),
        previous_day=day - ONE_DAY,
        next_day=day + ONE_DAY if day < today_ else None,
        saved=request.GET.get("saved") == "1" and data is None,
        previous_recorded=previous,
        prefill_from=prefill_from,
        prefill_label=formats.date_format(prefill_from, "l, j F Y") if prefill_from else "",
        day_label=formats.date_format(day, "l, j F Y"),
    )
    return render(request, "records/day.html", context)


def _day_is_valid(
    enterprise: Any, day: datetime.date, form: forms.DayForm, formset: Any, *, stored: bool
) -> bool:
    """Check the day form, its production rows and the service's rules all at once, each
    problem on its field (a production problem on its row), so one round shows every error.

    A form with nothing entered on a day with nothing stored is refused: saving it would store
    nothing, and a "saved" message would tell the owner the day was recorded.
    """
    form_ok = form.is_valid()
    formset_ok = formset.is_valid()
    cleaned = form.cleaned_data
    rows = forms.production_rows(formset)
    problems = services.day_problems(
        enterprise=enterprise,
        date=day,
        attendance=form.attendance(),
        operating_hours=cleaned.get("operating_hours"),
        rotation_hours=cleaned.get("rotation_hours"),
        production=rows,
        sales_rp=cleaned.get("sales_rp"),
    )
    for name, messages_ in problems.fields.items():
        if name == "production":
            continue  # below, beside the row
        if name in form.fields:
            if not form.has_error(name):  # unreadable already says so; no second message
                form.add_error(name, messages_)
        else:
            form.add_error(None, messages_)
    for index, row_problems in problems.production_rows.items():
        row = formset.forms[index]
        for field, message in row_problems:
            if not row.has_error(field):
                row.add_error(field, message)
    if not (form_ok and formset_ok) or problems:
        return False
    nothing = not (
        form.attendance()
        or cleaned.get("operating_hours") is not None
        or cleaned.get("rotation_hours") is not None
        or any(product or kg is not None for product, kg in rows)
        or cleaned.get("sales_rp") is not None
    )
    if nothing and not stored:
        form.add_error(
            None,
            _(
                "Nothing was entered, so nothing was saved. Tap each worker's attendance or type "
                "the hours, production or sales of the day."
            ),
        )
        return False
    return True


@dataclass(frozen=True)
class ListKind:
    """One list page (orders, equipment, raw materials, innovation log): what it shows and calls."""

    url_name: str
    tab: Any  # the short label of its tab
    title: Any
    intro: Any
    form: type
    items: Callable[[Any], QuerySet]
    create: Callable[..., Any]
    delete: Callable[[Any, Any], None]
    row_template: str
    added: Any
    delete_question: Any  # the confirmation page's title
    consequence: Any  # what a delete changes; %(date)s is the entry's date


ORDERS = ListKind(
    "orders",
    gettext_lazy("Orders"),
    gettext_lazy("Orders"),
    gettext_lazy("Orders received: who ordered how many kg of what, for how much."),
    forms.OrderForm,
    lambda enterprise: enterprise.orders.all(),
    services.order_create,
    lambda actor, obj: services.order_delete(actor=actor, order=obj),
    "records/rows/order.html",
    gettext_lazy("Order added."),
    gettext_lazy("Delete this order?"),
    gettext_lazy(
        "The order no longer counts in the number of orders and the ordered kg of the periods that "
        "include %(date)s: scores of open periods taken from the records change."
    ),
)
EQUIPMENT = ListKind(
    "equipment",
    gettext_lazy("Equipment"),
    gettext_lazy("Equipment added"),
    gettext_lazy("Production equipment bought or added, such as moulds or stoves."),
    forms.EquipmentForm,
    lambda enterprise: enterprise.equipment_additions.all(),
    services.equipment_create,
    lambda actor, obj: services.equipment_delete(actor=actor, equipment=obj),
    "records/rows/equipment.html",
    gettext_lazy("Equipment added."),
    gettext_lazy("Delete this equipment entry?"),
    gettext_lazy(
        "It no longer counts in the equipment added in the periods that include %(date)s: scores of "
        "open periods taken from the records change."
    ),
)
RAW_MATERIALS = ListKind(
    "raw_materials",
    gettext_lazy("Raw materials"),
    gettext_lazy("Raw materials added"),
    gettext_lazy("Raw materials brought in, such as coconut sap (nira) in litres."),
    forms.RawMaterialForm,
    lambda enterprise: enterprise.raw_material_additions.all(),
    services.raw_material_create,
    lambda actor, obj: services.raw_material_delete(actor=actor, raw_material=obj),
    "records/rows/raw_material.html",
    gettext_lazy("Raw material added."),
    gettext_lazy("Delete this raw material entry?"),
    gettext_lazy(
        "It no longer counts in the raw materials added in the periods that include %(date)s: scores "
        "of open periods taken from the records change."
    ),
)
INNOVATIONS = ListKind(
    "innovations",
    gettext_lazy("Innovations"),
    gettext_lazy("Innovation log"),
    gettext_lazy(
        "What you changed and when: work rotation, recruitment, new equipment, longer hours, adjusted "
        "attendance of non-permanent workers. The comparison of periods shows these dates."
    ),
    forms.InnovationForm,
    lambda enterprise: enterprise.innovation_entries.all(),
    services.innovation_create,
    lambda actor, obj: services.innovation_delete(actor=actor, innovation=obj),
    "records/rows/innovation.html",
    gettext_lazy("Change logged."),
    gettext_lazy("Delete this innovation entry?"),
    gettext_lazy("The comparison of periods no longer marks this change on %(date)s."),
)
LIST_KINDS = (ORDERS, EQUIPMENT, RAW_MATERIALS, INNOVATIONS)


@login_required
def list_page(request: HttpRequest, pk: int, kind: ListKind) -> HttpResponse:
    enterprise = access.get_enterprise_for(request.user, pk)
    can_change = access.can_change_enterprise(request.user, enterprise)
    form = kind.form(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        access.require(can_change)
        if form.is_valid():
            try:
                kind.create(actor=request.user, enterprise=enterprise, **form.cleaned_data)
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, str(kind.added))
                return redirect(f"records:{kind.url_name}", pk=enterprise.pk)
    page = Paginator(kind.items(enterprise), PAGE_SIZE).get_page(request.GET.get("page"))
    context = _context(
        request,
        enterprise,
        kind.url_name,
        kind=kind,
        form=form,
        page=page,
        products=selectors.product_suggestions(enterprise) if kind is ORDERS else [],
        delete_url_name=f"records:{kind.url_name}_delete",
    )
    return render(request, "records/list.html", context)


@login_required
def list_delete(request: HttpRequest, pk: int, item_pk: int, kind: ListKind) -> HttpResponse:
    """Ask first (GET: what goes and which figures change), delete on POST with an Undo offer."""
    enterprise = access.get_enterprise_for(request.user, pk)
    access.require(access.can_change_enterprise(request.user, enterprise))
    item = get_object_or_404(kind.items(enterprise), pk=item_pk)
    back = reverse(f"records:{kind.url_name}", args=[enterprise.pk])
    if request.method != "POST":
        day = formats.date_format(item.date, "SHORT_DATE_FORMAT")
        return confirm_delete(
            request,
            question=str(kind.delete_question),
            facts=[(_("Enterprise"), enterprise.name), (kind.title, services.entry_label(item))],
            consequences=[str(kind.consequence) % {"date": day}],
            cancel_url=back,
        )
    undo.offer(request, kind.delete(request.user, item))
    return redirect(back)

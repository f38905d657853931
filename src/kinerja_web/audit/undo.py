"""Deletes that can be undone for a while (``settings.UNDO_SECONDS``, 10 minutes by default).

Why a snapshot rather than a ``deleted_at`` flag: a flag would have to be excluded by every
query of every app (scores, dashboards, CSVs...), and one forgotten filter counts deleted rows.
Here a delete really deletes, and first writes an :class:`~kinerja_web.audit.models.Undo` row:
everything the delete removes (the object and whatever goes with it, found by Django's own
deletion collector, so the snapshot is exactly what is deleted) as serialized rows with their
primary keys, and the fields it changed on rows it kept. :func:`restore` puts the same rows
back (same values, same ids, so the same relations) in one transaction.

The services that delete call :func:`delete` (or :func:`remember` for a change that is not a
delete, such as deactivating an account); each kind names a *guard* in :data:`GUARDS`, run
before a restore: it checks the user may still make the change and refuses a restore that would
now collide (an expert of the same name added meanwhile...) with a ``ValidationError``. Who may
undo: the person who deleted, or an administrator of the program (:func:`get_undo_for`; anyone
else gets 404). Both the delete and the restore are audited (``<action>`` and ``<kind>.restore``).
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, IntegrityError, connection, models, transaction
from django.db.models.deletion import Collector
from django.http import Http404
from django.utils import formats, timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from kinerja_web import access
from kinerja_web.audit.models import Undo
from kinerja_web.audit.services import record

#: What each kind is called on the pages.
KIND_NAMES = {
    "order": pgettext_lazy("a customer's order", "Order"),
    "equipmentaddition": gettext_lazy("Equipment added"),
    "rawmaterialaddition": gettext_lazy("Raw material added"),
    "innovationentry": gettext_lazy("Innovation"),
    "judgments": gettext_lazy("Expert's judgments"),
    "worker": gettext_lazy("Worker"),
    "person": gettext_lazy("Account"),
}

#: What was done, as the Undo offer says it ("Order deleted: ...").
KIND_DONE = {
    "order": gettext_lazy("Order deleted"),
    "equipmentaddition": gettext_lazy("Equipment entry deleted"),
    "rawmaterialaddition": gettext_lazy("Raw material entry deleted"),
    "innovationentry": gettext_lazy("Innovation entry deleted"),
    "judgments": gettext_lazy("Expert's judgments removed"),
    "worker": gettext_lazy("Worker removed"),
    "person": gettext_lazy("Account deactivated"),
}

#: The guard of each kind: ``guard(actor=..., undo=..., objects=[...])`` raises ``PermissionDenied``
#: if the user may no longer make the change, ``ValidationError`` if restoring would collide.
GUARDS = {
    "order": "kinerja_web.records.services.restore_guard",
    "equipmentaddition": "kinerja_web.records.services.restore_guard",
    "rawmaterialaddition": "kinerja_web.records.services.restore_guard",
    "innovationentry": "kinerja_web.records.services.restore_guard",
    "judgments": "kinerja_web.frameworks.services.weights.judgments_restore_guard",
    "worker": "kinerja_web.programs.services.worker_restore_guard",
    "person": "kinerja_web.accounts.services.deactivation_restore_guard",
}

#: Used or expired undos are kept this long (to say "expired" rather than "not found"), then purged.
KEEP_AFTER_EXPIRY = datetime.timedelta(days=1)

_SESSION_KEY = "undo_offers"


class _KeepEverything(Collector):
    """Django's deletion collector, but every row is loaded (no fast delete) so it can be kept."""

    def can_fast_delete(self, *args: Any, **kwargs: Any) -> bool:
        return False


def undo_seconds() -> int:
    return int(getattr(settings, "UNDO_SECONDS", 600))


class _ExactEncoder(DjangoJSONEncoder):
    """Django's JSON encoder, but times keep their microseconds (Django's cuts them to milliseconds),
    so a restored row is the row that was deleted."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def _serialize(instances: Iterable[models.Model]) -> list[dict[str, Any]]:
    rows = serializers.serialize("python", list(instances))
    return json.loads(json.dumps(rows, cls=_ExactEncoder))


def goes_with(obj: models.Model) -> list[tuple[str, int]]:
    """What a delete of ``obj`` also removes: ``(model's plural name, number of rows)``, for the
    page that asks first (the same collector as :func:`delete`, so it names exactly what goes)."""
    collector = _KeepEverything(using=DEFAULT_DB_ALIAS)
    collector.collect([obj])
    found = []
    for model, instances in collector.data.items():
        if model is type(obj) or model._meta.auto_created:  # the object itself, links of a many-to-many
            continue
        found.append((str(model._meta.verbose_name_plural), len(instances)))
    return sorted(found)


def delete(
    *,
    actor: Any,
    obj: models.Model,
    kind: str,
    label: str,
    action: str,
    changes: dict[str, Any],
    program: Any,
    enterprise: Any = None,
    next_url: str = "",
) -> Undo:
    """Delete ``obj`` (and what its foreign keys cascade to), audited, and keep it for an undo.

    Runs inside the caller's ``transaction.atomic`` (the caller has checked permission).
    """
    collector = _KeepEverything(using=DEFAULT_DB_ALIAS)
    collector.collect([obj])
    collector.sort()
    rows: list[dict[str, Any]] = []
    for instances in collector.data.values():
        rows += _serialize(sorted(instances, key=lambda instance: instance.pk))
    updates: list[dict[str, Any]] = []
    for (field, _value), groups in collector.field_updates.items():
        for group in groups:
            for kept in group:
                updates.append(
                    {
                        "model": kept._meta.label_lower,
                        "pk": kept.pk,
                        "field": field.attname,
                        "value": json.loads(json.dumps(getattr(kept, field.attname), cls=_ExactEncoder)),
                    }
                )
    record(actor=actor, action=action, obj=obj, changes=changes, program=program, enterprise=enterprise)
    undo = remember(
        actor=actor,
        kind=kind,
        label=label,
        program=program,
        enterprise=enterprise,
        rows=rows,
        updates=updates,
        next_url=next_url,
    )
    collector.delete()
    return undo


def remember(
    *,
    actor: Any,
    kind: str,
    label: str,
    program: Any,
    enterprise: Any = None,
    rows: Sequence[dict[str, Any]] = (),
    updates: Sequence[dict[str, Any]] = (),
    next_url: str = "",
) -> Undo:
    """Keep what a change removed (``rows``) or changed (``updates``) so it can be undone for a while."""
    if kind not in GUARDS:
        raise ValueError(f"unknown undo kind {kind!r}")
    now = timezone.now()
    Undo.objects.filter(expires_at__lt=now - KEEP_AFTER_EXPIRY).delete()  # old snapshots hold personal data
    return Undo.objects.create(
        kind=kind,
        label=label[:300],
        actor=actor,
        program=program,
        enterprise=enterprise,
        rows=list(rows),
        updates=list(updates),
        next_url=next_url[:500],
        created_at=now,
        expires_at=now + datetime.timedelta(seconds=undo_seconds()),
    )


def may_undo(user: Any, undo: Undo) -> bool:
    """The person who deleted, or an administrator of the program."""
    if not getattr(user, "is_authenticated", False):
        return False
    return undo.actor_id == user.pk or access.can_administer_program(user, undo.program)


def get_undo_for(user: Any, pk: Any) -> Undo:
    """The undo if ``user`` may use it, else ``Http404`` (others do not learn it exists)."""
    undo = access.get_or_404(Undo.objects.select_related("program", "actor", "used_by"), pk)
    if not may_undo(user, undo):
        raise Http404
    return undo


def problem(undo: Undo, now: datetime.datetime | None = None) -> str:
    """Why ``undo`` can no longer be used, in words ("" when it can)."""
    now = now or timezone.now()
    if undo.used_at is not None:
        who = undo.used_by.get_username() if undo.used_by else ""
        return _("This was already undone (%(when)s, by %(who)s): nothing more to restore.") % {
            "when": formats.date_format(timezone.localtime(undo.used_at), "SHORT_DATETIME_FORMAT"),
            "who": who or "–",
        }
    if undo.expires_at <= now:
        return _(
            "Too late to undo: it could be undone until %(when)s. What was deleted stays deleted; "
            "enter it again if it is needed."
        ) % {"when": formats.date_format(timezone.localtime(undo.expires_at), "SHORT_DATETIME_FORMAT")}
    return ""


def objects_of(undo: Undo) -> list[models.Model]:
    """The deleted rows as (unsaved) model instances, in the order they are restored."""
    found = serializers.deserialize("python", undo.rows, ignorenonexistent=True)
    return [item.object for item in found]


def _guard(kind: str) -> Callable[..., None]:
    return import_string(GUARDS[kind])


@transaction.atomic
def restore(*, actor: Any, undo: Undo) -> Undo:
    """Put back what ``undo`` kept: the same rows with the same ids, and the fields it changed.

    Refused with a ``ValidationError`` (nothing written) when the undo was used or has expired,
    when the kind's guard finds a collision, or when something the rows belong to is gone.
    """
    undo = Undo.objects.select_for_update().select_related("program").get(pk=undo.pk)  # one restore wins
    if not may_undo(actor, undo):
        access.require(False)
    reason = problem(undo)
    if reason:
        raise ValidationError(reason)
    objects = objects_of(undo)
    _guard(undo.kind)(actor=actor, undo=undo, objects=objects)
    tables: set[str] = set()
    try:
        with transaction.atomic():
            for obj in reversed(objects):  # the collector's order deletes dependents first
                if type(obj)._base_manager.filter(pk=obj.pk).exists():
                    raise IntegrityError(f"{obj._meta.label} {obj.pk} exists")
                models.Model.save_base(obj, raw=True, force_insert=True)
                tables.add(obj._meta.db_table)
            for update in undo.updates:
                model = apps.get_model(update["model"])
                model._base_manager.filter(pk=update["pk"]).update(**{update["field"]: update["value"]})
                tables.add(model._meta.db_table)
            connection.check_constraints(table_names=sorted(tables))
    except IntegrityError:
        raise ValidationError(
            _(
                "It cannot be restored: something it belonged to was changed or deleted since. "
                "Enter it again if it is needed."
            )
        ) from None
    if objects:
        subject: models.Model = objects[0]
    elif undo.updates:
        first = undo.updates[0]
        subject = apps.get_model(first["model"])._base_manager.get(pk=first["pk"])
    else:
        subject = undo
    undo.used_at = timezone.now()
    undo.used_by = actor
    undo.rows, undo.updates = [], []  # nothing personal kept once restored
    undo.save(update_fields=["used_at", "used_by", "rows", "updates"])
    record(
        actor=actor,
        action=f"{undo.kind}.restore",
        obj=subject,
        changes={"restored": undo.label, "rows": len(objects), "deleted_by": undo.actor.get_username()},
        program=undo.program,
        enterprise=undo.enterprise,
    )
    return undo


# The offer after a delete: shown once on the next page (templatetags/undo.py) -------------------


def offer(request: Any, undo: Undo) -> None:
    """Show an Undo button for ``undo`` on the next page the user sees."""
    offers = list(request.session.get(_SESSION_KEY, []))
    request.session[_SESSION_KEY] = [*offers[-4:], undo.pk]


def take_offers(request: Any) -> list[Undo]:
    """The undos to offer on this page (each shown once), still usable by this user."""
    session = getattr(request, "session", None)
    if session is None or not session.get(_SESSION_KEY):
        return []
    pks = session.pop(_SESSION_KEY)
    found = Undo.objects.filter(pk__in=pks, used_at__isnull=True, expires_at__gt=timezone.now())
    return [undo for undo in found.select_related("program") if may_undo(request.user, undo)]


def kind_name(undo: Undo) -> str:
    return str(KIND_NAMES.get(undo.kind, undo.kind))


def done_sentence(undo: Undo) -> str:
    return str(KIND_DONE.get(undo.kind, undo.kind))

"""The audit trail in sentences people read: names for ids, words for actions, their number format.

Rows are stored as services wrote them (``action`` codes, ``changes`` JSON with ids and plain
numbers) and are never changed; this module only says them. For a page of entries,
:func:`present` returns one :class:`Line` per entry:

- who, by name (the account's full name, else its username);
- what, as a sentence in the active language (``ACTIONS``; an action not listed there is said
  by its object and verb, so nothing is hidden);
- each change as "field: old → new", the field by its label (the model's verbose name), a
  related object by its name instead of its id (one query per model for the whole page), numbers
  grouped in the user's format (``1.234,5`` / ``1,234.5``), dates day first, yes/no for flags;
  a scorecard's targets as "UD Maju's target for Attendance, Q4 2026: 390 → 420".

``action_choices`` gives the action filter's list, labelled in the user's language.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kinerja_web.audit.models import AuditEntry
from kinerja_web.formfields import ID_MAX

#: What each action did, as a sentence: ``%(object)s`` is the object's name.
ACTIONS: dict[str, Any] = {
    "program.update": _("changed the program %(object)s"),
    "program.bands_update": _("changed the rating bands of %(object)s"),
    "cluster.create": _("added the cluster %(object)s"),
    "cluster.update": _("changed the cluster %(object)s"),
    "enterprise.create": _("registered the enterprise %(object)s"),
    "enterprise.update": _("changed the enterprise %(object)s"),
    "enterprise_year.create": _("recorded a year's figures of the enterprise %(object)s"),
    "enterprise_year.update": _("corrected a year's figures of the enterprise %(object)s"),
    "enterprise_year.delete": _("removed a year's figures of the enterprise %(object)s"),
    "worker.create": _("added the worker %(object)s"),
    "worker.update": _("changed the worker %(object)s"),
    "worker.delete": _("removed the worker %(object)s"),
    "user.create": _("added the person %(object)s"),
    "user.roles_update": _("changed the roles of %(object)s"),
    "user.password_reset": _("reset the password of %(object)s"),
    "user.password_change": _("changed their own password"),
    "user.activate": _("let %(object)s log in again"),
    "user.deactivate": _("stopped %(object)s from logging in"),
    "user.unlock": _("lifted the login lockout of %(object)s"),
    "framework.create": _("created the KPI framework %(object)s"),
    "framework.update": _("changed the KPI framework %(object)s"),
    "framework.delete": _("deleted the KPI framework %(object)s"),
    "framework.new_version": _("made a new version of the KPI framework %(object)s"),
    "node.create": _("added %(object)s to a KPI framework"),
    "node.update": _("changed the indicator %(object)s"),
    "node.rename": _("renamed %(object)s"),
    "node.move": _("moved %(object)s"),
    "node.delete": _("removed %(object)s from a KPI framework"),
    "node.weighting": _("changed how %(object)s is weighted"),
    "node.adopted_weights": _("set the adopted weights of %(object)s"),
    "judgments.save": _("saved an expert's judgments on %(object)s"),
    "judgments.delete": _("removed an expert's judgments on %(object)s"),
    "period.create": _("created the period %(object)s"),
    "period.close": _("closed the period %(object)s"),
    "period.reopen": _("reopened the period %(object)s"),
    "scorecard.create": _("started the scorecard %(object)s"),
    "scorecard.targets_save": _("saved targets and actuals of %(object)s"),
    "scorecard.indicator_save": _(
        "marked an indicator not applicable or set a target in parts in %(object)s"
    ),
    "scorecard.approve": _("approved the scorecard %(object)s"),
    "scorecard.acknowledge": _("acknowledged the scorecard %(object)s"),
    "proposal.submit": _("proposed targets for %(object)s"),
    "proposal.accept": _("accepted the proposal %(object)s"),
    "proposal.reject": _("rejected the proposal %(object)s"),
    "records.day_save": _("recorded the day %(object)s"),
    "order.create": _("recorded the order %(object)s"),
    "order.delete": _("removed the order %(object)s"),
    # Undone deletes (audit.undo): the same rows put back.
    "order.restore": _("undid the delete of the order %(object)s"),
    "equipmentaddition.restore": _("undid the delete of the entry %(object)s"),
    "rawmaterialaddition.restore": _("undid the delete of the entry %(object)s"),
    "innovationentry.restore": _("undid the delete of the entry %(object)s"),
    "judgments.restore": _("undid the removal of an expert's judgments on %(object)s"),
    "worker.restore": _("undid the removal of the worker %(object)s"),
    "person.restore": _("undid the deactivation of %(object)s: they can log in again"),
    "equipmentpurchase.create": _("recorded the equipment %(object)s"),
    "equipmentpurchase.delete": _("removed the equipment %(object)s"),
    "rawmaterialpurchase.create": _("recorded the raw material %(object)s"),
    "rawmaterialpurchase.delete": _("removed the raw material %(object)s"),
    "innovationentry.create": _("logged the innovation %(object)s"),
    "innovationentry.delete": _("removed the innovation %(object)s"),
    # Competency
    "worker_role.create": _("added the worker role %(object)s"),
    "worker_role.update": _("renamed the worker role %(object)s"),
    "worker_role.move": _("moved the worker role %(object)s"),
    "worker_role.delete": _("removed the worker role %(object)s"),
    "competency.framework.create": _("created the competency framework %(object)s"),
    "competency.framework.update": _("changed the competency framework %(object)s"),
    "competency.framework.new_version": _("made a new version of the competency framework %(object)s"),
    "competency.framework.delete": _("removed the competency framework %(object)s"),
    "competency.area.create": _("added the competency area %(object)s"),
    "competency.area.update": _("changed the competency area %(object)s"),
    "competency.area.move": _("moved the competency area %(object)s"),
    "competency.area.delete": _("removed the competency area %(object)s"),
    "competency.item.create": _("added the competency item %(object)s"),
    "competency.item.update": _("changed the competency item %(object)s"),
    "competency.item.move": _("moved the competency item %(object)s"),
    "competency.item.delete": _("removed the competency item %(object)s"),
    "competency.item.anchors": _("described the levels of %(object)s"),
    "competency.item.skkni": _("set the SKKNI unit of %(object)s"),
    "competency.required_levels.update": _("set the required levels of %(object)s"),
    "competency.rules.update": _("changed which levers address which areas in %(object)s"),
    "competency.lever_judgment.create": _("gave lever judgments in %(object)s"),
    "competency.lever_judgment.update": _("changed the lever judgments %(object)s"),
    "competency.lever_judgment.delete": _("removed the lever judgments %(object)s"),
    "assessment_round.create": _("started the assessment round %(object)s"),
    "assessment_round.close": _("closed the assessment round %(object)s"),
    "competency_rating.save": _("rated %(object)s"),
    "evidence.upload": _("uploaded the evidence %(object)s"),
    "evidence.delete": _("removed the evidence %(object)s"),
    "worker_link.create": _("made a questionnaire link for %(object)s"),
    "worker_link.revoke": _("revoked the questionnaire link of %(object)s"),
    "worker_link.submit": _("answered the questionnaire %(object)s"),
    "competency.plan.create": _("made the development plan %(object)s"),
    "competency.plan.regenerate": _("added missing actions to the development plan %(object)s"),
    "competency.action.update": _("changed the planned action %(object)s"),
    "study.create": _("saved the study %(object)s"),
}

#: Verbs of actions not listed in ``ACTIONS`` (``competency.item.create``: "created").
VERBS: dict[str, Any] = {
    "create": _("created"),
    "update": _("changed"),
    "delete": _("deleted"),
    "move": _("moved"),
    "save": _("saved"),
    "close": _("closed"),
    "submit": _("submitted"),
    "revoke": _("revoked"),
    "upload": _("uploaded"),
}

#: Labels of keys that are not model fields (the services' own summaries).
KEYS: dict[str, Any] = {
    "password": _("password"),
    "locked_out": _("locked out"),
    "version": _("version"),
    "rows": _("rows"),
    "approved_at": _("approved"),
    "acknowledged_at": _("acknowledged"),
    "framework": _("framework"),
    "period": _("period"),
    "roles": _("roles"),
    "clusters": _("clusters"),
    "enterprises": _("enterprises"),
    "rating_bands": _("rating bands"),
    "scorecards": _("scorecards frozen"),
    "left_out": _("left out"),
    "removed_results": _("results removed"),
    "total": _("total score"),
    "comment": _("comment"),
    "min": _("from score"),
    "code": _("code"),
    "label_id": _("label (Indonesian)"),
    "label_en": _("label (English)"),
}
#: Keys whose dict is keyed by an object's id (``{"12": 94.78}``): said with the object's name.
KEYED_BY_ID: dict[str, str] = {"removed_results": "programs.Enterprise"}
WORDS: dict[str, Any] = {"reset": _("reset"), "changed": _("changed")}
NOTHING = "–"


@dataclass
class Line:
    """One audit entry as people read it."""

    entry: AuditEntry
    who: str
    sentence: str
    changes: list[str] = field(default_factory=list)


def action_label(action: str) -> str:
    """The action in words, for the filter: the sentence without its object (``Added the cluster``)."""
    known = ACTIONS.get(action)
    if known is not None:
        text = str(known).replace("%(object)s", "").strip().rstrip(":,")
        return text[:1].upper() + text[1:]
    *subject, verb = action.split(".")
    words = " ".join(part.replace("_", " ") for part in subject)
    return f"{words[:1].upper()}{words[1:]}: {VERBS.get(verb, verb.replace('_', ' '))}"


def action_choices(actions: Iterable[str]) -> list[tuple[str, str]]:
    """``(code, label)`` for the action filter, alphabetical in the user's language."""
    return sorted(((code, action_label(code)) for code in set(actions)), key=lambda pair: pair[1].lower())


def _model(entry: AuditEntry) -> type[models.Model] | None:
    try:
        return apps.get_model(entry.object_type)
    except (LookupError, ValueError):
        return None


def _field(model: type[models.Model] | None, name: str) -> models.Field | None:
    if model is None:
        return None
    try:
        found = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return found if isinstance(found, models.Field) else None


def _label(model: type[models.Model] | None, key: str) -> str:
    found = _field(model, key)
    if found is not None and getattr(found, "verbose_name", None):
        return str(found.verbose_name)
    if key in KEYS:
        return str(KEYS[key])
    return gettext(key.replace("_", " "))


def _number(value: Any) -> str:
    if isinstance(value, float):
        # A computed float (a total score) is stored unrounded: said as the pages show scores.
        value = round(value, 2 if abs(value) >= 1 else 4)
    return formats.number_format(value, use_l10n=True, force_grouping=True)


def _value(value: Any, names: dict[Any, str] | None = None) -> str:
    """One stored value said in the user's format (names for related ids when known)."""
    if value is None or value == "":
        return NOTHING
    if names is not None and isinstance(value, (int, str)) and value in names:
        return names[value]
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, (int, float, Decimal)):
        return _number(value)
    if isinstance(value, str):
        if value in WORDS:
            return str(WORDS[value])
        moment = parse_datetime(value) if "T" in value else None
        if moment is not None:
            if timezone.is_aware(moment):  # stored in UTC: said in the site's time, as the entry's own
                moment = timezone.localtime(moment)
            return formats.date_format(moment, "SHORT_DATETIME_FORMAT")
        try:
            day = parse_date(value)
        except ValueError:
            day = None
        if day is not None:
            return formats.date_format(day, "SHORT_DATE_FORMAT")
        if "." not in value or not value.lstrip("-").replace(".", "", 1).isdigit():
            return value  # text, a NIB, a code: as typed
        try:
            number = Decimal(value)  # a Decimal as the JSON encoder wrote it: "390.0000"
        except InvalidOperation:
            return value
        return _number(
            number.to_integral_value() if number == number.to_integral_value() else number.normalize()
        )
    if isinstance(value, datetime.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, (list, tuple)):
        return ", ".join(_value(item, names) for item in value) or NOTHING
    if isinstance(value, dict):
        return (
            "; ".join(
                f"{(names or {}).get(key) or _label(None, key)}: {_value(item)}"
                for key, item in value.items()
            )
            or NOTHING
        )
    return str(value)


def _is_pair(value: Any) -> bool:
    return (
        isinstance(value, (list, tuple)) and len(value) == 2 and not any(isinstance(v, dict) for v in value)
    )


def _looks_like_id(value: Any) -> bool:
    """Whether a stored value can be an object id (an entry may hold a name where an id was expected:
    it is then shown as written, never looked up, so an odd entry cannot break the page)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return 0 < value <= ID_MAX
    return isinstance(value, str) and value.isascii() and value.isdigit() and 0 < int(value) <= ID_MAX


def _related_names(entries: Sequence[AuditEntry]) -> dict[tuple[str, str], dict[Any, str]]:
    """For every (object type, field) that is a foreign key, the names of the ids on this page."""
    wanted: dict[tuple[type[models.Model], tuple[str, str]], set[Any]] = defaultdict(set)
    for entry in entries:
        model = _model(entry)
        for key, change in (entry.changes or {}).items():
            found = _field(model, key)
            if found is None or not found.is_relation or found.many_to_many:
                continue
            values = change if _is_pair(change) else [change]
            ids = {value for value in values if _looks_like_id(value)}
            wanted[(found.related_model, (entry.object_type, key))] |= ids
    names: dict[tuple[str, str], dict[Any, str]] = defaultdict(dict)
    by_model: dict[type[models.Model], set[Any]] = defaultdict(set)
    for (related, _where), ids in wanted.items():
        by_model[related] |= ids
    found_names = {
        related: {obj.pk: str(obj) for obj in related._default_manager.filter(pk__in=ids)}
        for related, ids in by_model.items()
        if ids
    }
    for (related, where), ids in wanted.items():
        for pk in ids:
            if pk in found_names.get(related, {}):
                names[where][pk] = found_names[related][pk]
    return names


def _names_by_id(entries: Sequence[AuditEntry]) -> dict[str, dict[str, str]]:
    """Names of the objects that key a dict of ``changes`` on this page (a proposal's rows by
    indicator id, a reopened period's removed results by enterprise id): one query per model."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        changes = entry.changes or {}
        if entry.action == "proposal.submit" and isinstance(changes.get("rows"), dict):
            wanted["frameworks.Node"] |= {key for key in changes["rows"] if _looks_like_id(key)}
        for key, label in KEYED_BY_ID.items():
            if isinstance(changes.get(key), dict):
                wanted[label] |= {item for item in changes[key] if _looks_like_id(item)}
    names: dict[str, dict[str, str]] = {}
    for label, ids in wanted.items():
        model = apps.get_model(label)
        names[label] = (
            {str(obj.pk): str(obj) for obj in model._default_manager.filter(pk__in=ids)} if ids else {}
        )
    return names


def _proposal_changes(entry: AuditEntry, nodes: dict[str, str]) -> list[str]:
    """An owner's proposal: "target proposed for Attendance: 420", the indicator by its name."""
    from kinerja_web.performance.models import Target

    lines = []
    for node, fields in ((entry.changes or {}).get("rows") or {}).items():
        for name, value in (fields or {}).items():
            if value is None or value == "":
                continue
            lines.append(
                gettext("%(field)s proposed for %(indicator)s: %(value)s")
                % {"field": _label(Target, name), "indicator": nodes.get(node, node), "value": _value(value)}
            )
    return lines


def _target_changes(entry: AuditEntry) -> list[str]:
    """A scorecard's rows: "UD Maju's target for Attendance, Q4 2026: 390 → 420"."""
    from kinerja_web.performance.models import Target

    enterprise = entry.enterprise.name if entry.enterprise else ""
    period = entry.object_repr.rsplit(" · ", 1)[-1] if " · " in entry.object_repr else ""
    lines = []
    for node, fields in (entry.changes.get("rows") or {}).items():
        for name, change in (fields or {}).items():
            old, new = change if _is_pair(change) else (None, change)
            lines.append(
                gettext("%(enterprise)s's %(field)s for %(indicator)s, %(period)s: %(old)s → %(new)s")
                % {
                    "enterprise": enterprise,
                    "field": _label(Target, name),
                    "indicator": node,
                    "period": period,
                    "old": _value(old),
                    "new": _value(new),
                }
            )
    return lines


def _as_typed(change: Any) -> dict[Any, str]:
    values = change if _is_pair(change) else [change]
    return {value: str(value) for value in values if isinstance(value, (int, str)) and value != ""}


def _changes(
    entry: AuditEntry,
    names: dict[tuple[str, str], dict[Any, str]],
    keyed: dict[str, dict[str, str]] | None = None,
) -> list[str]:
    model = _model(entry)
    keyed = keyed or {}
    by_rows = entry.action in ("scorecard.targets_save", "scorecard.indicator_save")
    proposal = entry.action == "proposal.submit"
    lines = _target_changes(entry) if by_rows else []
    if proposal:
        lines = _proposal_changes(entry, keyed.get("frameworks.Node", {}))
    for key, change in (entry.changes or {}).items():
        if (by_rows or proposal) and key == "rows":
            continue
        if key in KEYED_BY_ID and isinstance(change, dict):
            lines.append(f"{_label(model, key)}: {_value(change, keyed.get(KEYED_BY_ID[key], {}))}")
            continue
        if key.endswith("_id") and _field(model, key[:-3]) is None and key[:-3] in (entry.changes or {}):
            continue  # "framework_id" beside "framework": the name says it
        known = names.get((entry.object_type, key))
        label = _label(model, key)
        found = _field(model, key)
        if found is not None and found.choices:  # a choice by its label, not its code
            labels = {code: str(text) for code, text in found.flatchoices}
            known = {**labels, **{str(code): text for code, text in labels.items()}, **(known or {})}
        elif "year" in key or isinstance(found, (models.CharField, models.TextField)):
            known = {**(known or {}), **_as_typed(change)}  # years and typed text: no grouping
        if _is_pair(change):
            old, new = change
            lines.append(f"{label}: {_value(old, known)} → {_value(new, known)}")
        else:
            lines.append(f"{label}: {_value(change, known)}")
    return lines


def present(entries: Iterable[AuditEntry]) -> list[Line]:
    """The entries of one page as people read them (module docstring)."""
    entries = list(entries)
    names = _related_names(entries)
    keyed = _names_by_id(entries)
    lines = []
    for entry in entries:
        actor = entry.actor
        who = (actor.get_full_name() or actor.get_username()) if actor is not None else entry.actor_name
        template = ACTIONS.get(entry.action)
        if template is not None:
            what = str(template) % {"object": entry.object_repr}
        else:
            what = f"{action_label(entry.action).lower()}: {entry.object_repr}"
        lines.append(
            Line(entry=entry, who=who or NOTHING, sentence=what, changes=_changes(entry, names, keyed))
        )
    return lines

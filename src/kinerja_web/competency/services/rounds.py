"""Writing assessment rounds: create and close a round, ratings by source, worker links, evidence.

Each function is one action: keyword-only arguments, one transaction, a permission check and one
audit entry (``audit.services.record``) in that transaction. A closed round is frozen: no
rating, link or evidence changes after it closed (and its framework is frozen with it, see
``CompetencyFramework.is_frozen``). Bad input is a ``ValidationError`` naming the field.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja_web import access
from kinerja_web.audit.services import record, snapshot
from kinerja_web.competency.models import (
    LEVEL_MAX,
    LEVEL_MIN,
    AssessmentRound,
    CompetencyFramework,
    Evidence,
    Item,
    Method,
    Rating,
    Source,
    WorkerLink,
    hash_token,
    new_token,
)
from kinerja_web.competency.selectors import rounds as selectors
from kinerja_web.programs.models import Cluster, Enterprise, Program, Worker

ROUND_FIELDS = ("name", "cluster", "framework", "starts_on", "ends_on", "combine", "flag_threshold")
#: Days a worker link stays usable unless the person making it chooses otherwise.
LINK_DAYS_DEFAULT = 14
LINK_DAYS_MAX = 90
#: Evidence files: a type is recognised by the file's first bytes (its signature), never its name.
EVIDENCE_TYPES = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}
IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/webp"})


def evidence_max_bytes() -> int:
    """The size limit of one evidence file (setting ``COMPETENCY_EVIDENCE_MAX_BYTES``, 5 MB)."""
    return int(getattr(settings, "COMPETENCY_EVIDENCE_MAX_BYTES", 5 * 1024 * 1024))


def sniff_type(head: bytes) -> str | None:
    """The content type the file's first bytes say, among the allowed ones, or None.

    Signatures: PDF ``%PDF-``; JPEG ``FF D8 FF``; PNG ``89 50 4E 47 0D 0A 1A 0A``; WebP
    ``RIFF....WEBP`` (the RIFF container with the WEBP form type)."""
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def _require_open(round: AssessmentRound) -> None:
    if round.is_closed:
        raise ValidationError(
            _("The round %(name)s is closed: nothing in it can change.") % {"name": round.name}
        )


def _locked_round(round: AssessmentRound) -> AssessmentRound:
    """The round as stored, locked until the transaction ends (closing waits for a save and back)."""
    stored = AssessmentRound.objects.select_for_update().get(pk=round.pk)
    round.status, round.closed_at = stored.status, stored.closed_at
    return round


def _check_round_fields(
    *, program: Program, cluster: Cluster | None, framework: CompetencyFramework, starts_on, ends_on
) -> None:
    errors: dict[str, str] = {}
    if framework.program_id != program.pk:
        errors["framework"] = _("Choose a competency framework of this program.")
    if cluster is not None and cluster.program_id != program.pk:
        errors["cluster"] = _("Choose a cluster of this program.")
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = _("The round cannot end before it starts.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def round_create(
    *,
    actor: Any,
    program: Program,
    name: str,
    cluster: Cluster | None,
    framework: CompetencyFramework,
    starts_on: datetime.date,
    ends_on: datetime.date,
    combine: str = AssessmentRound.Combine.MEDIAN,
    flag_threshold: int = 2,
) -> AssessmentRound:
    """Start a round: a cluster's by its facilitator or an administrator, a program-wide one
    (``cluster=None``) by an administrator only."""
    if cluster is None:
        if not access.can_administer_program(actor, program):
            raise ValidationError(
                {"cluster": _("Only an administrator of the program starts a round for every cluster.")}
            )
    else:
        access.require(access.can_manage_cluster(actor, cluster))
    _check_round_fields(
        program=program, cluster=cluster, framework=framework, starts_on=starts_on, ends_on=ends_on
    )
    round = AssessmentRound(
        program=program,
        cluster=cluster,
        framework=framework,
        name=name.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        combine=combine,
        flag_threshold=flag_threshold,
        created_by=actor,
    )
    round.full_clean()
    round.save()
    record(actor=actor, action="assessment_round.create", obj=round, changes=snapshot(round, ROUND_FIELDS))
    return round


@transaction.atomic
def round_close(*, actor: Any, round: AssessmentRound) -> AssessmentRound:
    """Close the round: its ratings, links and evidence are frozen, and so is its framework."""
    access.require(selectors.can_manage_round(actor, round))
    _locked_round(round)
    _require_open(round)
    round.status = AssessmentRound.Status.CLOSED
    round.closed_at = timezone.now()
    round.closed_by = actor
    round.save(update_fields=["status", "closed_at", "closed_by"])
    record(
        actor=actor,
        action="assessment_round.close",
        obj=round,
        changes={"status": [AssessmentRound.Status.OPEN, AssessmentRound.Status.CLOSED]},
    )
    return round


@dataclass(frozen=True)
class RatingInput:
    """One item's answer on a rating form: ``level`` None clears the source's rating of it."""

    level: int | None
    note: str = ""


def _level_error(item: Item, level: Any) -> ValidationError:
    return ValidationError(
        {
            f"level_{item.pk}": _(
                "%(item)s: the level must be a whole number from %(low)s to %(high)s, not %(level)s."
            )
            % {"item": item.code, "low": LEVEL_MIN, "high": LEVEL_MAX, "level": level}
        }
    )


def _save_ratings(
    *,
    round: AssessmentRound,
    worker: Worker,
    source: str,
    method: str,
    answers: Mapping[Item, RatingInput],
    known: set[int],
    rated_by: Any,
) -> dict[str, list[Any]]:
    """Write ``answers`` of one source for one worker; returns ``{item code: [old, new]}``.

    ``known``: the items that had a rating of this source when the form was shown. An item not in
    it is inserted, so a rating someone else saved meanwhile is refused by the table's unique
    constraint (one rating per round, worker, item and source) with a message naming the item,
    rather than overwritten unseen."""
    existing = {r.item_id: r for r in Rating.objects.filter(round=round, worker=worker, source=source)}
    changes: dict[str, list[Any]] = {}
    for item, answer in answers.items():
        if item.framework_id != round.framework_id:
            raise ValidationError(
                {f"level_{item.pk}": _("%(item)s is not an item of this round.") % {"item": item.code}}
            )
        level = answer.level
        if level is not None and (
            isinstance(level, bool) or not isinstance(level, int) or not LEVEL_MIN <= level <= LEVEL_MAX
        ):
            raise _level_error(item, level)
        note = (answer.note or "").strip()
        old = existing.get(item.pk)
        if level is None:
            if old is not None:
                changes[item.code] = [old.level, None]
                old.delete()
            continue
        if old is None or item.pk not in known:
            rating = Rating(
                round=round,
                enterprise=worker.enterprise,
                worker=worker,
                item=item,
                source=source,
                method=method,
                level=level,
                note=note,
                rated_by=rated_by,
            )
            try:
                with transaction.atomic():
                    rating.save(force_insert=True)
            except IntegrityError:
                raise ValidationError(
                    {
                        f"level_{item.pk}": _(
                            "%(item)s already has a rating from the source %(source)s in this round "
                            "(saved by someone else meanwhile): reload the page to see it."
                        )
                        % {"item": item.code, "source": Source(source).label}
                    }
                ) from None
            changes[item.code] = [None, level]
        elif (old.level, old.note, old.method) != (level, note, method):
            changes[item.code] = [old.level, level]
            old.level, old.note, old.method, old.rated_by = level, note, method, rated_by
            old.save(update_fields=["level", "note", "method", "rated_by", "rated_at"])
    return changes


@transaction.atomic
def ratings_save(
    *,
    actor: Any,
    round: AssessmentRound,
    worker: Worker,
    method: str,
    answers: Mapping[Item, RatingInput],
    known: set[int] | frozenset[int] = frozenset(),
) -> dict[str, list[Any]]:
    """Save the owner's or a facilitator's ratings of one worker (the source follows from who the
    actor is: see ``selectors.rounds.rating_source``); items left out stay as they are."""
    enterprise = worker.enterprise
    source = selectors.rating_source(actor, enterprise)
    access.require(source is not None and access.can_change_enterprise(actor, enterprise))
    access.require(selectors.round_enterprises(actor, round).filter(pk=enterprise.pk).exists())
    _locked_round(round)
    _require_open(round)
    if source == Source.OWNER:
        method = ""
    elif method not in {m.value for m in selectors.FACILITATOR_METHODS}:
        raise ValidationError(
            {"method": _("Choose how you came to these levels: observation, interview or documents.")}
        )
    changes = _save_ratings(
        round=round,
        worker=worker,
        source=source,
        method=method,
        answers=answers,
        known=set(known),
        rated_by=actor,
    )
    if changes:
        record(
            actor=actor,
            action="competency_rating.save",
            obj=worker,
            changes={"round": round.pk, "source": source, "method": method, "levels": changes},
        )
    return changes


@transaction.atomic
def worker_link_create(
    *, actor: Any, round: AssessmentRound, worker: Worker, days: int = LINK_DAYS_DEFAULT
) -> tuple[WorkerLink, str]:
    """Make a link by which ``worker`` answers their own questionnaire; returns the link and its
    token (the token is shown once: only its SHA-256 is stored)."""
    enterprise = worker.enterprise
    access.require(selectors.rating_source(actor, enterprise) is not None)
    access.require(selectors.round_enterprises(actor, round).filter(pk=enterprise.pk).exists())
    _locked_round(round)
    _require_open(round)
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= LINK_DAYS_MAX:
        raise ValidationError({"days": _("A link lasts from 1 to %(max)s days.") % {"max": LINK_DAYS_MAX}})
    token = new_token()
    link = WorkerLink.objects.create(
        round=round,
        enterprise=enterprise,
        worker=worker,
        token_hash=hash_token(token),
        expires_at=timezone.now() + datetime.timedelta(days=days),
        created_by=actor,
    )
    record(
        actor=actor,
        action="worker_link.create",
        obj=link,
        changes={"round": round.pk, "worker": worker.pk, "expires_at": link.expires_at},
    )
    return link, token


@transaction.atomic
def worker_link_revoke(*, actor: Any, link: WorkerLink) -> WorkerLink:
    """Revoke a link: it answers 404 from then on."""
    access.require(selectors.rating_source(actor, link.enterprise) is not None)
    _locked_round(link.round)
    _require_open(link.round)
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
        record(
            actor=actor,
            action="worker_link.revoke",
            obj=link,
            changes={"revoked_at": [None, link.revoked_at]},
        )
    return link


def find_link(token: str) -> WorkerLink | None:
    """The link of ``token`` (by its hash), whatever its state, or None."""
    if not token or len(token) > 200:
        return None
    return (
        WorkerLink.objects.select_related("round__framework", "enterprise", "worker")
        .filter(token_hash=hash_token(token))
        .first()
    )


@transaction.atomic
def worker_link_submit(*, link: WorkerLink, answers: Mapping[Item, RatingInput]) -> dict[str, list[Any]]:
    """The worker's own answers by link (source ``self``, method questionnaire). Allowed while the
    link is usable (not revoked, not expired, round open); answering again changes the answers."""
    link = (
        WorkerLink.objects.select_for_update().select_related("round", "worker__enterprise").get(pk=link.pk)
    )
    _locked_round(link.round)
    if not link.is_usable:
        raise ValidationError(_("This link can no longer be used."))
    known = set(
        Rating.objects.filter(round=link.round, worker=link.worker, source=Source.SELF).values_list(
            "item_id", flat=True
        )
    )
    changes = _save_ratings(
        round=link.round,
        worker=link.worker,
        source=Source.SELF,
        method=Method.QUESTIONNAIRE,
        answers=answers,
        known=known,
        rated_by=None,
    )
    first = link.submitted_at is None
    link.submitted_at = timezone.now()
    link.save(update_fields=["submitted_at"])
    record(
        actor=None,
        action="worker_link.submit",
        obj=link,
        changes={"round": link.round_id, "worker": link.worker_id, "first": first, "levels": changes},
    )
    return changes


@transaction.atomic
def evidence_upload(
    *,
    actor: Any,
    round: AssessmentRound,
    enterprise: Enterprise,
    upload: Any,
    description: str = "",
    worker: Worker | None = None,
    item: Item | None = None,
) -> Evidence:
    """Attach a document or photo (PDF, JPEG, PNG or WebP by its first bytes; at most
    ``evidence_max_bytes()``) to a round for an enterprise, optionally a worker and an item."""
    access.require(access.can_change_enterprise(actor, enterprise))
    access.require(selectors.round_enterprises(actor, round).filter(pk=enterprise.pk).exists())
    _locked_round(round)
    _require_open(round)
    if worker is not None and worker.enterprise_id != enterprise.pk:
        raise ValidationError({"worker": _("Choose a worker of this enterprise.")})
    if item is not None and item.framework_id != round.framework_id:
        raise ValidationError({"item": _("Choose an item of this round's framework.")})
    limit = evidence_max_bytes()
    if upload.size > limit:
        raise ValidationError(
            {
                "file": _("The file is %(size)s MB; at most %(max)s MB is allowed.")
                % {"size": _mb(upload.size), "max": _mb(limit)}
            }
        )
    upload.seek(0)
    head = upload.read(16)
    content_type = sniff_type(head)
    if content_type is None:
        raise ValidationError(
            {
                "file": _(
                    "Only PDF documents and JPEG, PNG or WebP photos can be attached; "
                    "this file is none of them."
                )
            }
        )
    upload.seek(0)
    original = (getattr(upload, "name", "") or "").replace("\\", "/").rsplit("/", 1)[-1][:255] or "file"
    evidence = Evidence(
        round=round,
        enterprise=enterprise,
        worker=worker,
        item=item,
        original_name=original,
        content_type=content_type,
        size=upload.size,
        description=description.strip(),
        uploaded_by=actor,
    )
    evidence.file.save(f"evidence.{EVIDENCE_TYPES[content_type]}", ContentFile(upload.read()), save=False)
    try:
        evidence.save()
        record(
            actor=actor,
            action="evidence.upload",
            obj=evidence,
            changes={
                "round": round.pk,
                "name": original,
                "type": content_type,
                "size": upload.size,
                "worker": worker.pk if worker else None,
                "item": item.pk if item else None,
            },
        )
    except BaseException:
        # The row is not written: the file must not stay behind either.
        evidence.file.storage.delete(evidence.file.name)
        raise
    return evidence


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".rstrip("0").rstrip(".")


@transaction.atomic
def evidence_delete(*, actor: Any, evidence: Evidence) -> None:
    """Remove evidence: only by who uploaded it, while the round is open; the file goes too."""
    access.require(
        access.can_change_enterprise(actor, evidence.enterprise)
        and evidence.uploaded_by_id == getattr(actor, "pk", None)
    )
    _locked_round(evidence.round)
    _require_open(evidence.round)
    record(
        actor=actor,
        action="evidence.delete",
        obj=evidence,
        changes={"round": evidence.round_id, "name": evidence.original_name, "type": evidence.content_type},
    )
    storage, name = evidence.file.storage, evidence.file.name
    evidence.delete()
    transaction.on_commit(lambda: storage.delete(name))

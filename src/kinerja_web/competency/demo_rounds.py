"""Demo: two assessment rounds of the Lojejer cluster (``facilitator1``'s) against the program's
competency framework (``demo_framework``).

- "Asesmen awal 2026" (5 January - 27 February 2026), CLOSED by facilitator1: every worker of
  the cluster's enterprises rated by all three sources, as the paper triangulates: their own
  questionnaire (``self``), the owner, and the facilitator by observation or interview. Levels
  are drawn (seeded with ``RATINGS_SEED``) around each worker's required level, the worker's own a little
  higher on average and the facilitator's a little lower, as self-assessments usually run. One
  item is set apart to be flagged for discussion (self 5, owner 4, facilitator 2, with notes).
  One worker link expired unanswered, one was answered.
- "Asesmen lanjutan 2026" (1 July - 31 August 2026), left OPEN (so the demo has a round to rate
  in, make links for and attach evidence to): the same people again. Decision: levels rise
  mostly in the areas of each enterprise's two highest-priority actions of the first round (the
  core's ``actions`` through ``round_analysis``), the areas a development plan generated from
  that round addresses first (``demo_strategy`` builds those plans and marks actions done);
  other areas mostly stay, a few move a level either way. The self-assessment is left out for
  a few workers so the progress table has something to show.

Idempotent: rounds by (program, cluster, name), ratings by (round, worker, item, source), links
by (round, worker); every random draw is made on every run, so a second run writes nothing new.
Sets ``ctx.competency_rounds`` (``{"initial": round, "follow_up": round}``) for the strategy part.
"""

from __future__ import annotations

import datetime
import random
from typing import Any

from django.utils import timezone

from kinerja_web.competency.models import (
    LEVEL_MAX,
    LEVEL_MIN,
    AssessmentRound,
    Method,
    Rating,
    Source,
    WorkerLink,
    hash_token,
    new_token,
)
from kinerja_web.competency.selectors.analysis import round_analysis
from kinerja_web.competency.selectors.rounds import round_workers

INITIAL = ("Asesmen awal 2026", datetime.date(2026, 1, 5), datetime.date(2026, 2, 27))
FOLLOW_UP = ("Asesmen lanjutan 2026", datetime.date(2026, 7, 1), datetime.date(2026, 8, 31))
DEFAULT_REQUIRED = 3


#: The seed of the demo's ratings (the same levels on every run).
RATINGS_SEED = "kinerja-demo-competency-ratings"


def _at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(day.year, day.month, day.day, hour))


def _clamp(level: int) -> int:
    return max(LEVEL_MIN, min(LEVEL_MAX, level))


def _round(ctx: Any, framework: Any, cluster: Any, name: str, starts: datetime.date, ends: datetime.date):
    round, _ = AssessmentRound.objects.update_or_create(
        program=ctx.program,
        cluster=cluster,
        name=name,
        defaults={
            "framework": framework,
            "starts_on": starts,
            "ends_on": ends,
            "combine": AssessmentRound.Combine.MEDIAN,
            "flag_threshold": 2,
            "created_by": ctx.users["facilitator1"],
        },
    )
    return round


def _write(round: AssessmentRound, wanted: dict[tuple[int, int, str], dict[str, Any]]) -> int:
    """Make the round's ratings exactly ``wanted`` ((worker, item, source) -> fields); returns how
    many rows were written (0 on a second run)."""
    existing = {(r.worker_id, r.item_id, r.source): r for r in Rating.objects.filter(round=round)}
    create, update = [], []
    for (worker_pk, item_pk, source), fields in wanted.items():
        found = existing.pop((worker_pk, item_pk, source), None)
        if found is None:
            create.append(Rating(round=round, worker_id=worker_pk, item_id=item_pk, source=source, **fields))
        elif any(getattr(found, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(found, name, value)
            update.append(found)
    Rating.objects.bulk_create(create, batch_size=500)
    Rating.objects.bulk_update(update, ["level", "method", "note", "rated_by", "enterprise"], batch_size=500)
    if existing:
        Rating.objects.filter(pk__in=[r.pk for r in existing.values()]).delete()
    return len(create) + len(update) + len(existing)


def _sources(rng: Any, true_level: int, owner: Any, facilitator: Any) -> dict[str, dict[str, Any]]:
    """The three sources' levels around ``true_level`` (every draw made, whatever is kept)."""
    # Mostly agreeing: the worker one level higher one time in five, the owner a level off one
    # time in ten either way, the facilitator one lower one time in ten.
    self_level = _clamp(true_level + rng.choice((0, 0, 0, 0, 1)))
    owner_level = _clamp(true_level + rng.choice((-1, 0, 0, 0, 0, 0, 0, 0, 0, 1)))
    facilitator_level = _clamp(true_level + rng.choice((-1, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
    method = rng.choice((Method.OBSERVATION, Method.OBSERVATION, Method.INTERVIEW))
    return {
        Source.SELF: {"level": self_level, "method": Method.QUESTIONNAIRE, "note": "", "rated_by_id": None},
        Source.OWNER: {
            "level": owner_level,
            "method": "",
            "note": "",
            "rated_by_id": owner.pk if owner else None,
        },
        Source.FACILITATOR: {
            "level": facilitator_level,
            "method": method,
            "note": "",
            "rated_by_id": facilitator.pk,
        },
    }


def load(ctx: Any) -> dict[str, AssessmentRound] | None:
    framework = getattr(ctx, "competency_framework", None)
    if framework is None:
        return None
    # Its own seeded generator: earlier demo steps draw from ctx.rng only when they create
    # something, so ctx.rng's state differs on a second run and the levels would be redrawn.
    rng = random.Random(RATINGS_SEED)
    cluster = ctx.clusters["lojejer"]
    facilitator = ctx.users["facilitator1"]
    enterprises = list(cluster.enterprises.select_related("owner").order_by("name", "pk"))
    items = list(
        framework.items.select_related("area").order_by("area__position", "area__pk", "position", "pk")
    )
    required = {(r.role_id, r.item_id): r.level for r in framework.required_levels.all()}

    initial = _round(ctx, framework, cluster, *INITIAL)
    follow_up = _round(ctx, framework, cluster, *FOLLOW_UP)

    # The first round: a "true" level per worker and item, seen by each source with its own bias.
    truth: dict[tuple[int, int], int] = {}
    wanted: dict[tuple[int, int, str], dict[str, Any]] = {}
    people = [(e, w) for e in enterprises for w in round_workers(initial, e)]
    for enterprise, worker in people:
        for item in items:
            need = required.get((worker.role_id, item.pk), DEFAULT_REQUIRED)
            level = _clamp(need - rng.choice((0, 0, 1, 1, 1, 2)))
            truth[(worker.pk, item.pk)] = level
            for source, fields in _sources(rng, level, enterprise.owner, facilitator).items():
                wanted[(worker.pk, item.pk, source)] = {**fields, "enterprise_id": enterprise.pk}
    flagged_worker = people[0][1] if people else None
    if flagged_worker is not None:
        # Set apart for discussion: the worker sees themself at 5, the facilitator saw 2.
        item = items[0]
        key = (flagged_worker.pk, item.pk)
        wanted[(*key, Source.SELF)].update(level=5, note="Saya sudah terbiasa mengerjakannya setiap hari.")
        wanted[(*key, Source.OWNER)].update(level=4, note="")
        wanted[(*key, Source.FACILITATOR)].update(
            level=2,
            method=Method.OBSERVATION,
            note="Saat observasi belum ada catatan tertulis; perlu didampingi.",
        )
    written = _write(initial, wanted)
    if not initial.is_closed:
        initial.status = AssessmentRound.Status.CLOSED
        initial.closed_at = _at(INITIAL[2], 16)
        initial.closed_by = facilitator
        initial.save(update_fields=["status", "closed_at", "closed_by"])

    # Worker links of the first round: one answered, one expired unanswered.
    if len(people) >= 2:
        answered_worker, expired_worker = people[0][1], people[1][1]
        _link(initial, answered_worker, facilitator, made=INITIAL[1], days=14, answered=_at(INITIAL[1], 19))
        _link(initial, expired_worker, facilitator, made=INITIAL[1], days=14, answered=None)

    # The follow-up: improvement mostly in the areas each enterprise's plan acts on first.
    focus: dict[int, set[str]] = {}
    for enterprise in enterprises:
        actions = round_analysis(initial, enterprises=[enterprise]).result.actions
        areas: list[str] = []
        for action in actions:
            if action.area not in areas:
                areas.append(action.area)
        focus[enterprise.pk] = set(areas[:2])
    wanted = {}
    later = [(e, w) for e in enterprises for w in round_workers(follow_up, e)]
    for index, (enterprise, worker) in enumerate(later):
        skip_self = index % 5 == 4  # a few questionnaires not back yet
        for item in items:
            before = truth.get((worker.pk, item.pk))
            step_draw = rng.random()
            if before is None:
                before = _clamp(required.get((worker.role_id, item.pk), DEFAULT_REQUIRED) - 1)
            if item.area.name in focus[enterprise.pk]:
                step = 2 if step_draw < 0.1 else 1 if step_draw < 0.8 else 0
            else:
                step = -1 if step_draw < 0.08 else 1 if step_draw > 0.85 else 0
            level = _clamp(before + step)
            for source, fields in _sources(rng, level, enterprise.owner, facilitator).items():
                if source == Source.SELF and skip_self:
                    continue
                wanted[(worker.pk, item.pk, source)] = {**fields, "enterprise_id": enterprise.pk}
    written += _write(follow_up, wanted)

    ctx.competency_rounds = {"initial": initial, "follow_up": follow_up}
    flags = len(round_analysis(initial).result.flags)
    ctx.notes.append(
        f"Competency rounds of {cluster.name}: {initial.name} (closed, {initial.ratings.count()} ratings, "
        f"{flags} flagged for discussion) and {follow_up.name} (open, {follow_up.ratings.count()} "
        f"ratings); {written} ratings written this run."
    )
    return ctx.competency_rounds


def _link(round: AssessmentRound, worker: Any, made_by: Any, *, made, days: int, answered) -> WorkerLink:
    """A link of ``worker`` for ``round`` (one per round and worker in the demo); its token is
    random and never shown: the demo's links are of the past (answered or expired)."""
    link = WorkerLink.objects.filter(round=round, worker=worker).first()
    if link is None:
        link = WorkerLink(round=round, worker=worker, token_hash=hash_token(new_token()))
    link.enterprise = worker.enterprise
    link.expires_at = _at(made) + datetime.timedelta(days=days)
    link.submitted_at = answered
    link.created_by = made_by
    link.save()
    WorkerLink.objects.filter(pk=link.pk).update(created_at=_at(made))
    return link

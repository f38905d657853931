"""Competency of an enterprise's people and the development that follows from it.

The competency paper (``shared/domain/seed-000-competency-strategy.txt``) assesses knowledge,
skills and abilities by interview, observation, questionnaire and documents, finds the gaps
and forms a development strategy out of six levers. The tables, in the order of that work:

- ``CompetencyFramework``: a program's areas and items, versioned like KPI frameworks (one used
  by a closed assessment round is never changed: an edit makes a new version with ``previous``
  and the same ``lineage``). ``Area`` > ``Item`` (kind knowledge/skill/ability, optional SKKNI
  unit) > ``LevelAnchor`` (what each level 1..5 looks like). ``RequiredLevel``: per worker role
  (``programs.WorkerRole``) and item. ``Lever`` with the areas it addresses (the rule set) and
  ``LeverJudgment`` (AHP judgments among the levers): the development strategy.
- ``AssessmentRound``: one assessment of a program's (or one cluster's) enterprises against a
  framework; ``Rating``: one source's level for one worker and item (self, owner, facilitator),
  ``Evidence``: documents and photos, ``WorkerLink``: a worker's own questionnaire by link.
- ``DevelopmentPlan`` and ``PlanAction``: what an enterprise will do about its gaps.
- ``Study``: a facilitator's purposive sample (criteria and the enterprises that met them).

Every table of assessments carries its enterprise (or program), so ``kinerja_web.access``
filters it; every formula (combined level, flags, gaps, priorities, agreement) is computed by
``kinerja.competency`` and never stored, except where a closed round freezes what it found.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

#: The rating scale of every item (the contract's default ``scale``: [1, 5]).
LEVEL_MIN = 1
LEVEL_MAX = 5
LEVELS = tuple(range(LEVEL_MIN, LEVEL_MAX + 1))


def level_field(verbose_name: str, **kwargs) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        verbose_name,
        validators=[MinValueValidator(LEVEL_MIN), MaxValueValidator(LEVEL_MAX)],
        **kwargs,
    )


class CompetencyFramework(models.Model):
    class Language(models.TextChoices):
        INDONESIAN = "id", _("Indonesian")
        ENGLISH = "en", _("English")

    program = models.ForeignKey(
        "programs.Program",
        on_delete=models.PROTECT,
        related_name="competency_frameworks",
        verbose_name=_("program"),
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(
        _("language of its texts"), max_length=2, choices=Language.choices, default=Language.INDONESIAN
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    previous = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="next_versions",
        verbose_name=_("copied from"),
    )
    lineage = models.UUIDField(_("lineage"), default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        ordering = ("program__name", "name", "-version")
        verbose_name = _("competency framework")
        verbose_name_plural = _("competency frameworks")
        constraints = (
            models.UniqueConstraint(
                fields=["lineage", "version"], name="competency_framework_version_unique_in_lineage"
            ),
        )

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"

    @property
    def is_frozen(self) -> bool:
        """Used by a closed assessment round: never changed again (an edit makes a new version)."""
        return self.rounds.filter(status=AssessmentRound.Status.CLOSED).exists()


class Area(models.Model):
    framework = models.ForeignKey(
        CompetencyFramework, on_delete=models.CASCADE, related_name="areas", verbose_name=_("framework")
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ("framework", "position", "pk")
        verbose_name = _("competency area")
        verbose_name_plural = _("competency areas")
        constraints = (
            models.UniqueConstraint(fields=["framework", "name"], name="competency_area_name_unique"),
        )

    def __str__(self) -> str:
        return self.name


class Item(models.Model):
    class Kind(models.TextChoices):
        KNOWLEDGE = "knowledge", _("knowledge")
        SKILL = "skill", _("skill")
        ABILITY = "ability", _("ability")

    framework = models.ForeignKey(
        CompetencyFramework, on_delete=models.CASCADE, related_name="items", verbose_name=_("framework")
    )
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="items", verbose_name=_("area"))
    code = models.CharField(
        _("code"), max_length=20, help_text=_("Short and unique in the framework, e.g. M1.")
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SKILL)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    # A unit of the Indonesian national competency standards (SKKNI), for programs that align
    # with certification.
    skkni_code = models.CharField(_("SKKNI unit code"), max_length=50, blank=True)
    skkni_title = models.CharField(_("SKKNI unit title"), max_length=300, blank=True)
    skkni_elements = models.TextField(_("SKKNI elements"), blank=True, help_text=_("One per line."))
    skkni_criteria = models.TextField(
        _("SKKNI performance criteria"), blank=True, help_text=_("One per line.")
    )

    class Meta:
        ordering = ("framework", "area__position", "position", "pk")
        verbose_name = _("competency item")
        verbose_name_plural = _("competency items")
        constraints = (
            models.UniqueConstraint(fields=["framework", "code"], name="competency_item_code_unique"),
        )

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class LevelAnchor(models.Model):
    """What level ``level`` of ``item`` looks like, in one sentence (a behaviourally anchored scale)."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="anchors", verbose_name=_("item"))
    level = level_field(_("level"))
    description = models.CharField(_("what this level looks like"), max_length=500)

    class Meta:
        ordering = ("item", "level")
        verbose_name = _("level anchor")
        verbose_name_plural = _("level anchors")
        constraints = (
            models.UniqueConstraint(fields=["item", "level"], name="competency_anchor_one_per_level"),
            models.CheckConstraint(
                condition=Q(level__gte=LEVEL_MIN) & Q(level__lte=LEVEL_MAX),
                name="competency_anchor_level_in_scale",
            ),
        )

    def __str__(self) -> str:
        return f"{self.item.code} {self.level}"


class RequiredLevel(models.Model):
    framework = models.ForeignKey(
        CompetencyFramework,
        on_delete=models.CASCADE,
        related_name="required_levels",
        verbose_name=_("framework"),
    )
    role = models.ForeignKey(
        "programs.WorkerRole",
        on_delete=models.CASCADE,
        related_name="required_levels",
        verbose_name=_("role"),
    )
    item = models.ForeignKey(
        Item, on_delete=models.CASCADE, related_name="required_levels", verbose_name=_("item")
    )
    level = level_field(_("required level"))

    class Meta:
        ordering = ("framework", "role", "item")
        verbose_name = _("required level")
        verbose_name_plural = _("required levels")
        constraints = (
            models.UniqueConstraint(fields=["role", "item"], name="competency_required_one_per_role_item"),
            models.CheckConstraint(
                condition=Q(level__gte=LEVEL_MIN) & Q(level__lte=LEVEL_MAX),
                name="competency_required_level_in_scale",
            ),
        )


class Lever(models.Model):
    """A development lever of the paper (training programs, leadership development, access to
    technology, networking, access to capital, monitoring and evaluation) and the areas it
    addresses: ``areas`` is the program's rule set, area -> levers, shown on every page that uses it."""

    framework = models.ForeignKey(
        CompetencyFramework, on_delete=models.CASCADE, related_name="levers", verbose_name=_("framework")
    )
    code = models.SlugField(_("code"), max_length=50)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    areas = models.ManyToManyField(
        Area, related_name="levers", blank=True, verbose_name=_("areas it addresses")
    )

    class Meta:
        ordering = ("framework", "position", "pk")
        verbose_name = _("development lever")
        verbose_name_plural = _("development levers")
        constraints = (
            models.UniqueConstraint(fields=["framework", "code"], name="competency_lever_code_unique"),
        )

    def __str__(self) -> str:
        return self.name


class LeverJudgment(models.Model):
    """One expert's pairwise judgments among the framework's levers:
    ``[[lever_code_a, lever_code_b, "3"], ...]`` (a is 3 times as important as b)."""

    framework = models.ForeignKey(
        CompetencyFramework,
        on_delete=models.CASCADE,
        related_name="lever_judgments",
        verbose_name=_("framework"),
    )
    expert_name = models.CharField(_("expert"), max_length=200)
    judgments = models.JSONField(_("judgments"), default=list, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )

    class Meta:
        ordering = ("framework", "expert_name")
        verbose_name = _("lever judgment")
        verbose_name_plural = _("lever judgments")
        constraints = (
            models.UniqueConstraint(
                fields=["framework", "expert_name"], name="competency_lever_judgment_one_per_expert"
            ),
        )


class AssessmentRound(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    class Combine(models.TextChoices):
        MEDIAN = "median", _("median of the sources")
        MEAN = "mean", _("mean of the sources")
        MIN = "min", _("lowest source")

    program = models.ForeignKey(
        "programs.Program",
        on_delete=models.PROTECT,
        related_name="assessment_rounds",
        verbose_name=_("program"),
    )
    cluster = models.ForeignKey(
        "programs.Cluster",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assessment_rounds",
        verbose_name=_("cluster"),
        help_text=_("Blank: every cluster of the program."),
    )
    framework = models.ForeignKey(
        CompetencyFramework, on_delete=models.PROTECT, related_name="rounds", verbose_name=_("framework")
    )
    name = models.CharField(_("name"), max_length=200)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    combine = models.CharField(
        _("combined level"), max_length=10, choices=Combine.choices, default=Combine.MEDIAN
    )
    flag_threshold = models.PositiveSmallIntegerField(
        _("flag when sources differ by"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(LEVEL_MAX - LEVEL_MIN)],
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("closed by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        ordering = ("program", "-starts_on", "name")
        verbose_name = _("assessment round")
        verbose_name_plural = _("assessment rounds")
        constraints = (
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="competency_round_ends_after_start"
            ),
        )

    def __str__(self) -> str:
        return self.name

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED


class Source(models.TextChoices):
    """Who gave a rating: the triangulation of the paper (questionnaire, the owner, observation or
    interview by the facilitator). The codes are the core's ``source`` names."""

    SELF = "self", _("worker (self-assessment)")
    OWNER = "owner", _("owner")
    FACILITATOR = "facilitator", _("facilitator")


class Method(models.TextChoices):
    """How the source came to the level (the paper's data collection techniques)."""

    QUESTIONNAIRE = "questionnaire", _("questionnaire")
    OBSERVATION = "observation", _("observation")
    INTERVIEW = "interview", _("interview")
    DOCUMENTATION = "documentation", _("documentation")


class Rating(models.Model):
    round = models.ForeignKey(
        AssessmentRound, on_delete=models.CASCADE, related_name="ratings", verbose_name=_("round")
    )
    enterprise = models.ForeignKey(
        "programs.Enterprise",
        on_delete=models.CASCADE,
        related_name="competency_ratings",
        verbose_name=_("enterprise"),
    )
    worker = models.ForeignKey(
        "programs.Worker",
        on_delete=models.CASCADE,
        related_name="competency_ratings",
        verbose_name=_("worker"),
    )
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="ratings", verbose_name=_("item"))
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    method = models.CharField(_("method"), max_length=20, choices=Method.choices, blank=True)
    level = level_field(_("level"))
    note = models.TextField(_("note"), blank=True)
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("rated by"),
    )
    rated_at = models.DateTimeField(_("rated"), auto_now=True)

    class Meta:
        ordering = ("round", "worker", "item", "source")
        verbose_name = _("competency rating")
        verbose_name_plural = _("competency ratings")
        constraints = (
            models.UniqueConstraint(
                fields=["round", "worker", "item", "source"], name="competency_rating_one_per_source"
            ),
            models.CheckConstraint(
                condition=Q(level__gte=LEVEL_MIN) & Q(level__lte=LEVEL_MAX),
                name="competency_rating_level_in_scale",
            ),
        )
        indexes = (models.Index(fields=["enterprise", "round"], name="competency_rating_enterprise"),)


def evidence_path(instance: Evidence, filename: str) -> str:
    """Stored under MEDIA_ROOT by enterprise and round, with a random name (never the uploader's)."""
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"competency/{instance.enterprise_id}/{instance.round_id}/{uuid.uuid4().hex}.{suffix}"


class Evidence(models.Model):
    """A document or photo supporting a rating (the paper's documentation technique). Served only
    through a view that checks the enterprise is visible to the user, never from MEDIA_URL."""

    round = models.ForeignKey(
        AssessmentRound, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("round")
    )
    enterprise = models.ForeignKey(
        "programs.Enterprise",
        on_delete=models.CASCADE,
        related_name="competency_evidence",
        verbose_name=_("enterprise"),
    )
    worker = models.ForeignKey(
        "programs.Worker",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="competency_evidence",
        verbose_name=_("worker"),
    )
    item = models.ForeignKey(
        Item, on_delete=models.PROTECT, null=True, blank=True, related_name="evidence", verbose_name=_("item")
    )
    file = models.FileField(_("file"), upload_to=evidence_path, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    description = models.CharField(_("description"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ("round", "enterprise", "-uploaded_at")
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return self.original_name


def hash_token(token: str) -> str:
    """The stored form of a worker link's token (only its SHA-256 is kept, as for passwords)."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


class WorkerLink(models.Model):
    """A link by which a worker without an account answers their own questionnaire (source
    ``self``) for one round. Only the token's hash is stored: the link is shown once, when made."""

    round = models.ForeignKey(
        AssessmentRound, on_delete=models.CASCADE, related_name="worker_links", verbose_name=_("round")
    )
    enterprise = models.ForeignKey(
        "programs.Enterprise",
        on_delete=models.CASCADE,
        related_name="competency_links",
        verbose_name=_("enterprise"),
    )
    worker = models.ForeignKey(
        "programs.Worker", on_delete=models.CASCADE, related_name="competency_links", verbose_name=_("worker")
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("answered"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        ordering = ("round", "worker", "-created_at")
        verbose_name = _("worker link")
        verbose_name_plural = _("worker links")

    def __str__(self) -> str:
        return f"{self.worker} ({self.round})"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_usable(self) -> bool:
        return not self.is_revoked and not self.is_expired and not self.round.is_closed


class DevelopmentPlan(models.Model):
    """An enterprise's plan for the gaps one round found (generated from the prioritised actions
    of ``kinerja.competency``, then edited)."""

    enterprise = models.ForeignKey(
        "programs.Enterprise",
        on_delete=models.CASCADE,
        related_name="development_plans",
        verbose_name=_("enterprise"),
    )
    round = models.ForeignKey(
        AssessmentRound, on_delete=models.PROTECT, related_name="plans", verbose_name=_("based on round")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        ordering = ("enterprise", "-round__starts_on")
        verbose_name = _("development plan")
        verbose_name_plural = _("development plans")
        constraints = (
            models.UniqueConstraint(fields=["enterprise", "round"], name="competency_plan_one_per_round"),
        )

    def __str__(self) -> str:
        return f"{self.enterprise} - {self.round}"


class PlanAction(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")
        CANCELLED = "cancelled", _("cancelled")

    plan = models.ForeignKey(
        DevelopmentPlan, on_delete=models.CASCADE, related_name="actions", verbose_name=_("plan")
    )
    enterprise = models.ForeignKey(
        "programs.Enterprise",
        on_delete=models.CASCADE,
        related_name="plan_actions",
        verbose_name=_("enterprise"),
    )
    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("area")
    )
    lever = models.ForeignKey(
        Lever, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("lever")
    )
    title = models.CharField(_("what"), max_length=300)
    people = models.ManyToManyField(
        "programs.Worker", blank=True, related_name="+", verbose_name=_("for whom")
    )
    responsible = models.CharField(_("responsible person"), max_length=200, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    cost = models.BigIntegerField(_("cost (Rp)"), null=True, blank=True, validators=[MinValueValidator(0)])
    priority = models.FloatField(
        _("priority"),
        null=True,
        blank=True,
        help_text=_("Lever weight x the area's total gap, when generated."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    evidence_note = models.TextField(_("evidence"), blank=True, help_text=_("What shows it was done."))
    evidence_file = models.FileField(
        _("evidence file"), upload_to="competency/actions/", blank=True, max_length=300
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ("plan", "position", "pk")
        verbose_name = _("planned action")
        verbose_name_plural = _("planned actions")
        constraints = (
            models.CheckConstraint(
                condition=Q(cost__isnull=True) | Q(cost__gte=0), name="competency_action_cost_not_negative"
            ),
        )

    def __str__(self) -> str:
        return self.title


class Study(models.Model):
    """A purposive sample, as the paper selects its MSMEs: saved criteria and the enterprises
    that met them, with the count remaining after each criterion, as found when saved."""

    program = models.ForeignKey(
        "programs.Program",
        on_delete=models.CASCADE,
        related_name="competency_studies",
        verbose_name=_("program"),
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    criteria = models.JSONField(_("criteria"), default=list)
    funnel = models.JSONField(_("count after each criterion"), default=list)
    enterprises = models.ManyToManyField(
        "programs.Enterprise", blank=True, related_name="competency_studies", verbose_name=_("enterprises")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        ordering = ("program", "-created_at")
        verbose_name = _("study")
        verbose_name_plural = _("studies")

    def __str__(self) -> str:
        return self.name

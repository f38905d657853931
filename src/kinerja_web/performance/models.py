"""Periods, scorecards with their targets, and the frozen results of closed periods.

- :class:`Period`: a program's measuring period (a quarter, a month, or a custom range such as
  the KPI paper's "month quarters"); ``closed_at`` set means closed: its scorecards are frozen.
- :class:`Scorecard`: one enterprise in one period, scored with one framework version.
- :class:`Target`: per indicator (a framework ``Node``) of a scorecard: the target, and either an
  actual typed by hand or a realization given directly (the paper's Table 1 gives only
  realizations); otherwise the actual comes from records (``Node.actual_source``).
- :class:`Proposal`: an owner's proposed framework, targets and given realizations (when the
  program lets owners propose, ``Program.owners_may_propose``): pending, it counts nowhere (not
  in a score, a ranking or a dashboard) until a facilitator accepts it, which writes it through
  ``services.targets_save``.
- :class:`ScorecardResult`: written by ``services.period_close``: the indicator rows, perspective
  subtotals, total and rating as ``kinerja.scoring`` computed them when the period closed.
  Dashboards aggregate these rows (``enterprise``, ``cluster`` and ``period`` are copied in for that).

Every table carries its enterprise (or program), see ../README.md.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Period(models.Model):
    class Kind(models.TextChoices):
        QUARTER = "quarter", _("quarter")
        MONTH = "month", _("month")
        CUSTOM = "custom", _("custom range")

    program = models.ForeignKey(
        "programs.Program", on_delete=models.PROTECT, related_name="periods", verbose_name=_("program")
    )
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.QUARTER)
    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"), help_text=_("Inclusive: the period ends at the end of this day."))
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("closed by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ("program", "start", "end", "name")
        verbose_name = _("period")
        verbose_name_plural = _("periods")
        constraints = (
            models.UniqueConstraint(fields=["program", "name"], name="period_name_unique_in_program"),
            models.CheckConstraint(condition=Q(start__lte=F("end")), name="period_start_not_after_end"),
        )
        indexes = (models.Index(fields=["program", "start"], name="period_program_start"),)

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("performance:period_detail", args=[self.pk])

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None


class Scorecard(models.Model):
    enterprise = models.ForeignKey(
        "programs.Enterprise",
        on_delete=models.CASCADE,
        related_name="scorecards",
        verbose_name=_("enterprise"),
    )
    period = models.ForeignKey(
        Period, on_delete=models.PROTECT, related_name="scorecards", verbose_name=_("period")
    )
    framework = models.ForeignKey(
        "frameworks.Framework",
        on_delete=models.PROTECT,
        related_name="scorecards",
        verbose_name=_("framework"),
        help_text=_("The framework version whose indicators and weights this scorecard uses."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    #: Raised by every change of the scorecard's figures or review: a form carries the version it
    #: was drawn from, and a save over a newer one is refused (``services.StaleVersion``).
    version = models.PositiveIntegerField(_("version"), default=1)
    #: The review step: the facilitator (or an administrator) approves the scorecard; only approved
    #: scorecards are frozen when the period closes. Any change of its figures withdraws it.
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    #: The owner acknowledges the approved scorecard, with an optional comment.
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("acknowledged by"),
    )
    acknowledgement = models.TextField(_("owner's comment"), blank=True, max_length=2000)

    class Meta:
        ordering = ("period__start", "enterprise__name")
        verbose_name = _("scorecard")
        verbose_name_plural = _("scorecards")
        constraints = (
            models.UniqueConstraint(
                fields=["enterprise", "period"], name="scorecard_one_per_enterprise_period"
            ),
        )

    def __str__(self) -> str:
        return f"{self.enterprise} · {self.period}"

    def get_absolute_url(self) -> str:
        return reverse("performance:scorecard", args=[self.enterprise_id, self.period_id])


class Target(models.Model):
    """One indicator row of a scorecard: what it aims at, and what was achieved if not from records."""

    scorecard = models.ForeignKey(
        Scorecard, on_delete=models.CASCADE, related_name="targets", verbose_name=_("scorecard")
    )
    #: Copied from the scorecard so that every row of scores carries its enterprise.
    enterprise = models.ForeignKey(
        "programs.Enterprise", on_delete=models.CASCADE, related_name="+", verbose_name=_("enterprise")
    )
    node = models.ForeignKey(
        "frameworks.Node", on_delete=models.PROTECT, related_name="targets", verbose_name=_("indicator")
    )
    target = models.DecimalField(
        _("target"),
        max_digits=20,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("Leave empty only where the realization is given directly."),
    )
    manual_actual = models.DecimalField(
        _("actual (entered by hand)"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    manual_realization = models.DecimalField(
        _("realization given (%)"),
        max_digits=12,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("A realization in percent given directly, as the KPI paper's Table 1 does."),
    )
    #: The indicator does not apply in this period (introduced later, as the paper's work rotation
    #: from the second month quarter): not scored 0; the program's ``not_applicable_policy`` says
    #: what happens to the other weights. Set through ``services.target_detail_save`` (audited).
    not_applicable = models.BooleanField(_("not applicable in this period"), default=False)
    #: A composite target measured in parts (Table 1's "20 molds and 6000 litres"):
    #: ``[{"name", "unit", "target", "actual"}]``, numbers as strings; empty for a plain target.
    parts = models.JSONField(_("parts of a composite target"), default=list, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ("scorecard", "node")
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = (
            models.UniqueConstraint(fields=["scorecard", "node"], name="target_one_per_indicator"),
            models.CheckConstraint(
                condition=Q(target__isnull=True) | Q(target__gt=0), name="target_positive_or_empty"
            ),
            models.CheckConstraint(
                condition=Q(manual_actual__isnull=True) | Q(manual_actual__gte=0),
                name="target_actual_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(manual_realization__isnull=True) | Q(manual_realization__gte=0),
                name="target_realization_not_negative",
            ),
        )

    def __str__(self) -> str:
        return f"{self.scorecard} · {self.node_id}"


class Proposal(models.Model):
    """An owner's proposal for a scorecard: its framework (to start it) and/or targets and given
    realizations per indicator (``rows``: ``[{"node", "target", "manual_realization"}]``, numbers
    as strings). Counts nowhere until accepted."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")

    enterprise = models.ForeignKey(
        "programs.Enterprise", on_delete=models.CASCADE, related_name="+", verbose_name=_("enterprise")
    )
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="+", verbose_name=_("period"))
    framework = models.ForeignKey(
        "frameworks.Framework",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("framework"),
    )
    rows = models.JSONField(_("proposed rows"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        ordering = ("-proposed_at", "-pk")
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        constraints = (
            models.UniqueConstraint(
                fields=["enterprise", "period"],
                condition=Q(status="pending"),
                name="proposal_one_pending_per_scorecard",
            ),
        )

    def __str__(self) -> str:
        return f"{self.enterprise} · {self.period} · {self.get_status_display()}"


class ScorecardResult(models.Model):
    """The frozen result of a scorecard in a closed period; the figure dashboards aggregate.

    ``rows``: one object per indicator in display order, keys ``node`` (id), ``code``, ``name``,
    ``perspective``, ``weight``, ``target``, ``actual``, ``realization``, ``realization_uncapped``,
    ``score``, ``unit``, ``direction``, ``source``. ``perspectives``: perspective name to
    ``{"weight", "score"}``. Numbers are the core's unrounded floats.
    """

    scorecard = models.OneToOneField(
        Scorecard, on_delete=models.CASCADE, related_name="result", verbose_name=_("scorecard")
    )
    enterprise = models.ForeignKey(
        "programs.Enterprise",
        on_delete=models.CASCADE,
        related_name="scorecard_results",
        verbose_name=_("enterprise"),
    )
    cluster = models.ForeignKey(
        "programs.Cluster",
        on_delete=models.PROTECT,
        related_name="scorecard_results",
        verbose_name=_("cluster"),
    )
    period = models.ForeignKey(
        Period, on_delete=models.PROTECT, related_name="results", verbose_name=_("period")
    )
    total = models.FloatField(_("total score"))
    rating_code = models.CharField(_("rating"), max_length=40)
    rating_label = models.CharField(_("rating (English)"), max_length=100)
    rating_label_id = models.CharField(_("rating (Indonesian)"), max_length=100)
    weight_sum = models.FloatField(_("sum of weights"))
    rows = models.JSONField(_("indicator rows"), default=list)
    perspectives = models.JSONField(_("perspective subtotals"), default=dict)
    warnings = models.JSONField(_("warnings"), default=list, blank=True)
    #: How many of the rows' figures were typed (an actual entered by hand, a realization given
    #: directly) rather than computed from the records: dashboards mark such results.
    typed = models.PositiveIntegerField(_("typed figures"), default=0)
    #: The scoring options the result was computed with (weights policy, cap, lower-is-better rule,
    #: not-applicable policy, composite rule, rating digits), so a closed scorecard names them.
    options = models.JSONField(_("scoring options"), default=dict, blank=True)
    #: The enterprise's size class in the period, frozen at close: the figures of the period's year
    #: under the law in force on its dates (``programs.selectors_figures.period_size``); ``size``
    #: keeps the law, the year, where the figures came from and both laws' classes with their basis.
    size_class = models.CharField(_("size class"), max_length=10, blank=True, default="")
    size = models.JSONField(_("size class and its basis"), default=dict, blank=True)
    computed_at = models.DateTimeField(_("computed at"))

    class Meta:
        ordering = ("period__start", "enterprise__name")
        verbose_name = _("scorecard result")
        verbose_name_plural = _("scorecard results")
        # Covering indexes: every column the dashboards read of a result, so neither SQLite nor
        # PostgreSQL reads past the ``rows`` JSON of each row (4-7 times faster per query,
        # measured with benchmarks/bench_web_pages.py).
        indexes = (
            models.Index(
                fields=["period", "cluster", "enterprise", "total", "rating_code"],
                name="result_period_cluster",
            ),
            models.Index(
                fields=["enterprise", "period", "total", "rating_code"],
                name="result_enterprise_period",
            ),
        )

    def __str__(self) -> str:
        return f"{self.scorecard}: {self.total:.2f}"

    def rating_label_in(self, language: str | None) -> str:
        """The rating label in ``language`` (Indonesian for ``id``, English otherwise)."""
        return self.rating_label_id if (language or "id").startswith("id") else self.rating_label

"""Programs, their clusters, the enterprises in them and the enterprises' workers.

A program (a university extension scheme, a district office, an NGO) has clusters (a
sub-district or an industry centre) holding enterprises. Every other table of the platform
hangs off an enterprise (records, scores, assessments) or a program (frameworks), which is
how ``kinerja_web.access`` filters every page by what the user may see.

The size class is not stored with the enterprise: it depends on the law and the year. The
enterprise page shows its figures under both laws (``programs.selectors.enterprise_size``); a
period is classified with the enterprise's ``EnterpriseYear`` figures of its year under the law
in force on its dates (``programs.selectors_figures.period_size``), frozen with a closed
period's results.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

NIB_PATTERN = r"^[0-9]{13}$"

nib_validator = RegexValidator(
    NIB_PATTERN,
    _("An NIB is exactly 13 digits (0-9), with no spaces or dots."),
    code="invalid_nib",
)

EARLIEST_YEAR_FOUNDED = 1900


def this_year() -> int:
    """The current year: the latest a business can have been founded."""
    return datetime.date.today().year


class Program(models.Model):
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    funder = models.CharField(_("funder"), max_length=200, blank=True)
    rupiah_space = models.BooleanField(
        _("space after Rp"),
        default=True,
        help_text=_("Show Rupiah as “Rp 1.234.567”; off gives the spelling guide's “Rp1.234.567”."),
    )
    #: The program's rating bands as ``kinerja.scoring.parse_bands`` reads them (a list of
    #: ``{"min", "code", "label_en", "label_id"}``, best first); ``None``: the core's default
    #: (PP 46/2011). Written only by ``programs.services.program_bands_update``, read through
    #: ``programs.bands.program_bands``.
    rating_bands = models.JSONField(_("rating bands"), null=True, blank=True, default=None)
    #: Owners may propose their scorecard's framework, targets and given realizations; a proposal
    #: counts nowhere until a facilitator accepts it (``performance.services.proposal_accept``).
    #: Off: only the facilitator and administrators set them.
    owners_may_propose = models.BooleanField(
        _("owners may propose targets"),
        default=False,
        help_text=_(
            "Owners may propose their scorecard's KPI framework, targets and given realizations; "
            "a proposal counts only once the facilitator accepts it."
        ),
    )
    #: Scoring options of every scorecard of the program (``performance.evaluate`` passes them to
    #: ``kinerja.scoring.score_scorecard``; each scorecard names them). Open periods follow a
    #: change; a closed period keeps the options it was closed with (``ScorecardResult.options``).
    lower_rule = models.CharField(
        _("lower-is-better rule"),
        max_length=10,
        choices=(
            ("ratio", _("target / actual (the KPI paper's)")),
            ("linear", _("linear: 2 − actual / target, at least 0 (an actual of 0 is a perfect score)")),
        ),
        default="ratio",
        help_text=_("How an indicator where lower is better (rejects, waste) is realized."),
    )
    score_cap = models.DecimalField(
        _("cap of the realization (%)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        default=Decimal(100),
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("The highest realization a score uses: 100 as the KPI paper; empty for no cap."),
    )
    not_applicable_policy = models.CharField(
        _("weights when an indicator does not apply"),
        max_length=12,
        choices=(
            ("renormalize", _("rescale the other weights to sum to 100")),
            ("as-is", _("keep the other weights as they are (the highest total is their sum)")),
        ),
        default="renormalize",
        help_text=_(
            "An indicator marked not applicable in a period is not scored 0; "
            "this says what its weight becomes."
        ),
    )
    composite_rule = models.CharField(
        _("composite targets combine by"),
        max_length=10,
        choices=(
            ("mean", _("the mean of the parts' realizations, each capped first")),
            ("min", _("the lowest part's realization")),
        ),
        default="mean",
        help_text=_("A target measured in parts (20 molds and 6,000 L): how the parts make one realization."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ("name",)
        verbose_name = _("program")
        verbose_name_plural = _("programs")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("programs:program_detail", args=[self.pk])


class Cluster(models.Model):
    class Kind(models.TextChoices):
        SUB_DISTRICT = "sub_district", _("sub-district")
        INDUSTRY_CENTRE = "industry_centre", _("industry centre")

    program = models.ForeignKey(
        Program, on_delete=models.PROTECT, related_name="clusters", verbose_name=_("program")
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SUB_DISTRICT)
    sub_district = models.CharField(_("sub-district (kecamatan)"), max_length=100, blank=True)
    regency = models.CharField(_("regency or city"), max_length=100, blank=True)

    class Meta:
        ordering = (
            "program__name",
            "name",
        )
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        constraints = (
            models.UniqueConstraint(fields=["program", "name"], name="cluster_name_unique_in_program"),
        )

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("programs:cluster_detail", args=[self.pk])


class Enterprise(models.Model):
    cluster = models.ForeignKey(
        Cluster, on_delete=models.PROTECT, related_name="enterprises", verbose_name=_("cluster")
    )
    name = models.CharField(_("name"), max_length=200)
    nib = models.CharField(
        _("NIB"),
        max_length=13,
        unique=True,
        validators=[nib_validator],
        help_text=_("Nomor Induk Berusaha: the 13-digit business identification number from OSS."),
        error_messages={"unique": _("Another enterprise is already registered with this NIB.")},
    )
    commodity = models.CharField(_("commodity"), max_length=100, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    village = models.CharField(_("village (desa/kelurahan)"), max_length=100, blank=True)
    year_founded = models.PositiveSmallIntegerField(
        _("year founded"),
        null=True,
        blank=True,
        validators=[MinValueValidator(EARLIEST_YEAR_FOUNDED), MaxValueValidator(this_year)],
    )
    net_assets = models.BigIntegerField(
        _("net assets (Rp)"),
        validators=[MinValueValidator(0)],
        help_text=_("Excluding land and buildings, as Law 20/2008 counts them."),
    )
    business_capital = models.BigIntegerField(
        _("business capital (Rp)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Modal usaha, as Government Regulation 7/2021 counts it."),
    )
    annual_sales = models.BigIntegerField(_("annual sales (Rp)"), validators=[MinValueValidator(0)])
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_enterprises",
        verbose_name=_("owner"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ("name",)
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        constraints = (
            models.CheckConstraint(condition=Q(nib__regex=NIB_PATTERN), name="enterprise_nib_13_digits"),
            models.CheckConstraint(
                condition=Q(net_assets__gte=0) & Q(annual_sales__gte=0), name="enterprise_money_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(business_capital__isnull=True) | Q(business_capital__gte=0),
                name="enterprise_capital_not_negative",
            ),
        )

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("programs:enterprise_detail", args=[self.pk])

    @property
    def program(self) -> Program:
        return self.cluster.program


class WorkerRole(models.Model):
    """A role a worker holds in an enterprise of the program (owner-manager, production, sales...).

    A chosen value of the program, not free text, so that competency frameworks can require a
    level per role and gaps roll up by role. ``code`` is stable (used by the competency core's
    ``required`` mapping); ``name`` is what people read and may be edited.
    """

    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="worker_roles", verbose_name=_("program")
    )
    code = models.SlugField(_("code"), max_length=50)
    name = models.CharField(_("name"), max_length=100)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ("program", "position", "name")
        verbose_name = _("worker role")
        verbose_name_plural = _("worker roles")
        constraints = (
            models.UniqueConstraint(fields=["program", "code"], name="worker_role_code_unique_in_program"),
            models.UniqueConstraint(fields=["program", "name"], name="worker_role_name_unique_in_program"),
        )

    def __str__(self) -> str:
        return self.name


#: The roles every program starts with (code, English name); ``programs.services`` creates them
#: in the language of the person who first needs them.
DEFAULT_WORKER_ROLES: tuple[tuple[str, str], ...] = (
    ("owner-manager", _("owner-manager")),
    ("production", _("production")),
    ("sales", _("sales")),
    ("administration", _("administration")),
)


class Worker(models.Model):
    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name="workers", verbose_name=_("enterprise")
    )
    name = models.CharField(_("name"), max_length=200)
    is_permanent = models.BooleanField(
        _("permanent"), default=True, help_text=_("Pekerja tetap; off for a non-permanent worker.")
    )
    role = models.ForeignKey(
        WorkerRole,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="workers",
        verbose_name=_("role"),
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)

    class Meta:
        ordering = (
            "-is_permanent",
            "name",
        )
        verbose_name = _("worker")
        verbose_name_plural = _("workers")
        constraints = (
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="worker_ends_after_start",
            ),
        )

    def __str__(self) -> str:
        return self.name

    def is_active_on(self, day: datetime.date) -> bool:
        """Whether the worker was with the enterprise on ``day``."""
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)


class EnterpriseYear(models.Model):
    """An enterprise's figures for one calendar year: what classifies its periods of that year.

    A period is classified with the figures of its year (``kinerja.sizing.figures_year``) under
    the law in force on its dates (``kinerja.sizing.law_for_period``): net assets count under
    Law 20/2008, business capital under PP 7/2021, annual sales under both; workers are
    Statistics Indonesia's information. Money in whole rupiah.
    """

    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name="years", verbose_name=_("enterprise")
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(EARLIEST_YEAR_FOUNDED), MaxValueValidator(2100)]
    )
    net_assets = models.BigIntegerField(
        _("net assets (Rp)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Excluding land and buildings, as Law 20/2008 counts them."),
    )
    business_capital = models.BigIntegerField(
        _("business capital (Rp)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Modal usaha, as Government Regulation 7/2021 counts it."),
    )
    annual_sales = models.BigIntegerField(_("annual sales (Rp)"), validators=[MinValueValidator(0)])
    workers = models.PositiveIntegerField(
        _("workers"),
        null=True,
        blank=True,
        help_text=_("Owner included, as Statistics Indonesia counts them."),
    )

    class Meta:
        ordering = ("enterprise", "-year")
        verbose_name = _("yearly figures")
        verbose_name_plural = _("yearly figures")
        constraints = (
            models.UniqueConstraint(fields=["enterprise", "year"], name="enterprise_year_unique"),
            models.CheckConstraint(
                condition=(Q(net_assets__isnull=True) | Q(net_assets__gte=0))
                & (Q(business_capital__isnull=True) | Q(business_capital__gte=0))
                & Q(annual_sales__gte=0),
                name="enterprise_year_money_not_negative",
            ),
        )

    def __str__(self) -> str:
        return f"{self.enterprise} {self.year}"

    @property
    def program(self) -> Program:
        return self.enterprise.cluster.program

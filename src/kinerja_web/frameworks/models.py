"""KPI frameworks: a versioned hierarchy of perspectives and indicators, weighted by AHP.

- ``Framework``: belongs to a program; ``size_class`` says which businesses it is meant for
  (the KPI paper found a medium and a micro business need different indicators).
  A framework used by a closed period is never changed: an edit makes a new version, a copy
  with ``version + 1``, ``previous`` pointing at the original and the same ``lineage``.
- ``Node``: the goal (the root, one per framework), perspectives and indicators. An
  indicator says its unit, whether higher or lower is better and where its actual comes from
  (``manual`` or a record measure code of ``kinerja_web.records.measures``).
- ``ExpertJudgment``: one expert's pairwise judgments of the children of a node. A node's
  children are weighted from its judgment sets (``weight_mode == "judgments"``, several
  experts aggregated by ``aggregation``) or by weights adopted from a study
  (``weight_mode == "adopted"``: each child's ``adopted_weight``).

Weights are never stored: ``selectors`` computes them with ``kinerja.ahp``.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kinerja.ahp import parse_custom_ri
from kinerja.errors import InputError
from kinerja_web.core_messages import core_message
from kinerja_web.records.measures import MEASURES

#: The measures of ``kinerja_web.records.measures`` (docs/web-design.md), with ``manual`` for
#: an actual entered by hand. The records app owns the codes and what each computes.
MANUAL = "manual"
RECORD_MEASURES: tuple[tuple[str, str], ...] = tuple(
    (measure.code, format_lazy("{} ({})", measure.label, _("records"))) for measure in MEASURES.values()
)
ACTUAL_SOURCES: tuple[tuple[str, str], ...] = ((MANUAL, _("entered by hand")), *RECORD_MEASURES)


def judged_sizes(framework: Framework) -> tuple[int, ...]:
    """The numbers of children (3 or more) of the framework's nodes: the sizes an RI table must cover."""
    counts = (
        Node.objects.filter(framework=framework, parent__isnull=False)
        .values("parent")
        .annotate(n=models.Count("pk"))
        .values_list("n", flat=True)
    )
    return tuple(sorted({n for n in counts if n >= 3}))


def custom_ri_message(error: InputError) -> str:
    """The core's complaint about a custom RI table, naming the size (``ri.7`` -> "size 7")."""
    size = error.where.partition(".")[2]
    if size:
        return _("Size %(size)s: %(problem)s") % {"size": size, "problem": core_message(error)}
    return core_message(error)


class SizeClass(models.TextChoices):
    ANY = "", _("any size")
    MICRO = "micro", _("micro")
    SMALL = "small", _("small")
    MEDIUM = "medium", _("medium")


class Method(models.TextChoices):
    EIGENVECTOR = "eigenvector", _("principal eigenvector (Saaty)")
    GEOMETRIC = "geometric", _("row geometric mean")
    MEAN_NORMALIZED = "mean-normalized", _("normalized column mean (spreadsheet)")


class RiTable(models.TextChoices):
    """Random-index tables of ``kinerja.ahp.consistency``; ``custom`` reads ``Framework.custom_ri``."""

    SAATY = "saaty", _("Saaty (most papers: 0.58 at n = 3)")
    SAATY_2005 = "saaty-2005", _("Saaty (2005, ANP book p. 31: 0.52 at n = 3)")
    DONEGAN_DODD = "donegan-dodd", _("Donegan & Dodd (1991)")
    ALONSO_LAMATA = "alonso-lamata", _("Alonso & Lamata (2006)")
    CUSTOM = "custom", _("the framework's own table")


class ThresholdRule(models.TextChoices):
    """How the CR limit is set (``kinerja.ahp.consistency.cr_threshold``)."""

    FIXED = "fixed", _("one CR limit for every size (the number below)")
    SAATY_N = "saaty-n", _("Saaty's limits by size: 0.05 (n = 3), 0.08 (n = 4), 0.10 (n > 4)")


class LambdaFormula(models.TextChoices):
    """lambda_max of the normalized-column-mean method (``kinerja.ahp.LAMBDA_FORMULAS``)."""

    MEAN_RATIO = "mean-ratio", _("mean of (Aw)ᵢ / wᵢ")
    COLUMN_SUMS = "column-sums", _("sum of column sums × weights (as many theses)")


class Framework(models.Model):
    program = models.ForeignKey(
        "programs.Program", on_delete=models.PROTECT, related_name="frameworks", verbose_name=_("program")
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    size_class = models.CharField(
        _("size class"),
        max_length=10,
        choices=SizeClass.choices,
        default=SizeClass.ANY,
        blank=True,
        help_text=_("The size of business this framework is meant for."),
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
    lineage = models.UUIDField(
        _("lineage"),
        default=uuid.uuid4,
        editable=False,
        help_text=_("Shared by every version of a framework."),
    )
    is_template = models.BooleanField(_("template"), default=False)
    method = models.CharField(
        _("priority method"), max_length=20, choices=Method.choices, default=Method.EIGENVECTOR
    )
    ri_table = models.CharField(
        _("random index table"), max_length=20, choices=RiTable.choices, default=RiTable.SAATY
    )
    threshold = models.FloatField(
        _("CR threshold"), default=0.1, validators=[MinValueValidator(0.0)], help_text=_("Saaty: 0.10.")
    )
    threshold_rule = models.CharField(
        _("CR limit"), max_length=10, choices=ThresholdRule.choices, default=ThresholdRule.FIXED
    )
    lambda_formula = models.CharField(
        _("λmax formula"),
        max_length=20,
        choices=LambdaFormula.choices,
        default=LambdaFormula.MEAN_RATIO,
        help_text=_(
            "For the normalized column mean (and the row geometric mean's CR); "
            "the eigenvector's λmax is its eigenvalue."
        ),
    )
    custom_ri = models.JSONField(
        _("own random-index table"),
        default=dict,
        blank=True,
        help_text=_("Matrix size to random index, used when the RI table is the framework's own."),
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
        ordering = ("program__name", "-is_template", "name", "-version")
        verbose_name = _("KPI framework")
        verbose_name_plural = _("KPI frameworks")
        constraints = (
            models.UniqueConstraint(
                fields=["lineage", "version"], name="framework_version_unique_in_lineage"
            ),
            models.CheckConstraint(condition=Q(threshold__gte=0), name="framework_threshold_not_negative"),
        )

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"

    def get_absolute_url(self) -> str:
        return reverse("frameworks:detail", args=[self.pk])

    def clean(self) -> None:
        """A custom RI table must be valid and hold every size the framework's judged nodes have."""
        super().clean()
        if self.ri_table == RiTable.CUSTOM:
            sizes = judged_sizes(self) if self.pk else ()
            try:
                self.custom_ri = {
                    str(size): value
                    for size, value in sorted(parse_custom_ri(self.custom_ri or None, sizes).items())
                }
            except InputError as error:
                raise ValidationError({"custom_ri": custom_ri_message(error)}) from None

    def ahp_options(self) -> dict[str, Any]:
        """The keyword arguments of ``kinerja.ahp.analyse`` / ``group_priorities`` this framework chose."""
        return {
            "method": self.method,
            "ri_table": self.ri_table,
            "threshold": ThresholdRule.SAATY_N.value
            if self.threshold_rule == ThresholdRule.SAATY_N
            else self.threshold,
            "custom_ri": (self.custom_ri or None) if self.ri_table == RiTable.CUSTOM else None,
            "lambda_formula": self.lambda_formula,
        }

    @property
    def goal(self) -> Node | None:
        """The root node."""
        return self.nodes.filter(parent__isnull=True).first()


class Node(models.Model):
    class Kind(models.TextChoices):
        GOAL = "goal", _("goal")
        PERSPECTIVE = "perspective", _("perspective")
        INDICATOR = "indicator", _("indicator")

    class Direction(models.TextChoices):
        HIGHER = "higher", _("higher is better")
        LOWER = "lower", _("lower is better")

    class WeightMode(models.TextChoices):
        JUDGMENTS = "judgments", _("pairwise judgments (AHP)")
        ADOPTED = "adopted", _("adopted weights")

    class Aggregation(models.TextChoices):
        JUDGMENTS = "judgments", _("aggregate the judgments (AIJ)")
        PRIORITIES = "priorities", _("aggregate the priorities (AIP)")

    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="nodes", verbose_name=_("framework")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent"),
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.INDICATOR)
    position = models.PositiveIntegerField(_("position"), default=0)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    actual_source = models.CharField(_("actual from"), max_length=40, choices=ACTUAL_SOURCES, default=MANUAL)
    source_product = models.CharField(
        _("product"),
        max_length=200,
        blank=True,
        help_text=_("Only this product's records count, e.g. “Gula kelapa beryodium”; blank for all."),
    )
    weight_mode = models.CharField(
        _("children weighted by"), max_length=20, choices=WeightMode.choices, default=WeightMode.JUDGMENTS
    )
    adopted_weight = models.FloatField(
        _("adopted local weight"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0.0)],
        help_text=_("Local weight among its siblings (0-1) when the parent adopts weights."),
    )
    aggregation = models.CharField(
        _("aggregation of experts"),
        max_length=20,
        choices=Aggregation.choices,
        default=Aggregation.JUDGMENTS,
    )

    class Meta:
        ordering = ("framework", "position", "pk")
        verbose_name = _("node")
        verbose_name_plural = _("nodes")
        constraints = (
            models.UniqueConstraint(
                fields=["framework"], condition=Q(parent__isnull=True), name="node_one_goal_per_framework"
            ),
            models.UniqueConstraint(fields=["parent", "name"], name="node_name_unique_among_siblings"),
            models.CheckConstraint(
                condition=Q(adopted_weight__isnull=True) | Q(adopted_weight__gte=0),
                name="node_adopted_weight_not_negative",
            ),
        )

    def __str__(self) -> str:
        return self.name

    @property
    def program(self):
        return self.framework.program

    @property
    def is_goal(self) -> bool:
        return self.parent_id is None

    @property
    def is_indicator(self) -> bool:
        return self.kind == self.Kind.INDICATOR


class ExpertJudgment(models.Model):
    """One expert's judgments of the children of ``node``: ``[[child_a_id, child_b_id, "3"], ...]``.

    A value reads "child a is v times as important as child b" (``"1/3"``: b is 3 times as
    important as a).
    """

    node = models.ForeignKey(
        Node, on_delete=models.CASCADE, related_name="judgment_sets", verbose_name=_("node")
    )
    expert_name = models.CharField(_("expert"), max_length=200)
    expert_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("expert's account"),
    )
    expert_weight = models.DecimalField(
        _("expert's weight"),
        max_digits=9,
        decimal_places=4,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal("0.0001"))],
    )
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
        ordering = ("node", "expert_name")
        verbose_name = _("expert judgment")
        verbose_name_plural = _("expert judgments")
        constraints = (
            models.UniqueConstraint(fields=["node", "expert_name"], name="judgment_one_set_per_expert"),
            models.CheckConstraint(condition=Q(expert_weight__gt=0), name="judgment_expert_weight_positive"),
        )

    def __str__(self) -> str:
        return f"{self.node} - {self.expert_name}"

    @property
    def program(self):
        return self.node.framework.program

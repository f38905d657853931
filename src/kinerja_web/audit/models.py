"""The audit trail: one row per change a user makes, written in the change's own transaction.

Rows are written only by ``audit.services.record`` and never changed afterwards. ``program`` and
``enterprise`` place the row for the access rules (an administrator reads their program's
rows, a facilitator the rows of enterprises in their clusters).
"""

from __future__ import annotations

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    actor_name = models.CharField(_("username"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=100)
    object_type = models.CharField(_("object type"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    program = models.ForeignKey(
        "programs.Program",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("program"),
    )
    enterprise = models.ForeignKey(
        "programs.Enterprise",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("enterprise"),
    )
    changes = models.JSONField(_("changes"), default=dict, blank=True, encoder=DjangoJSONEncoder)

    class Meta:
        ordering = (
            "-at",
            "-pk",
        )
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = (
            models.Index(fields=["program", "-at"], name="audit_program_at"),
            models.Index(fields=["enterprise", "-at"], name="audit_enterprise_at"),
        )

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.object_repr}"

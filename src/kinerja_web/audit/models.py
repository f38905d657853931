"""The audit trail: one row per change a user makes, written in the change's own transaction.

Rows are written only by ``audit.services.record`` and never changed afterwards. ``program`` and
``enterprise`` place the row for the access rules (an administrator reads their program's
rows, a facilitator the rows of enterprises in their clusters).
"""

from __future__ import annotations

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
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


class Undo(models.Model):
    """A delete that can be undone for a while: the removed rows as they were, restored in one go.

    ``rows`` are the rows the delete removed (the object and everything deleted with it, as
    Django's serializer writes them: model, primary key, fields), so a restore puts back the
    same values with the same relations; ``updates`` are single fields the delete changed on rows
    it kept (a ``SET_NULL`` reference, an account's active flag) with the value to put back.
    Written and used only by ``audit.undo``.
    """

    kind = models.CharField(_("kind"), max_length=40)
    label = models.CharField(_("what"), max_length=300)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("who")
    )
    program = models.ForeignKey(
        "programs.Program", on_delete=models.CASCADE, related_name="+", verbose_name=_("program")
    )
    enterprise = models.ForeignKey(
        "programs.Enterprise",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("enterprise"),
    )
    rows = models.JSONField(_("rows"), default=list, blank=True, encoder=DjangoJSONEncoder)
    updates = models.JSONField(_("updates"), default=list, blank=True, encoder=DjangoJSONEncoder)
    next_url = models.CharField(_("page after the undo"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)
    expires_at = models.DateTimeField(_("undo possible until"), db_index=True)
    used_at = models.DateTimeField(_("undone at"), null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("undone by"),
    )

    class Meta:
        ordering = ("-created_at", "-pk")
        verbose_name = _("undo")
        verbose_name_plural = _("undos")

    def __str__(self) -> str:
        return f"{self.kind}: {self.label}"

"""Who may do what: roles in a program and facilitators' clusters.

- ``Membership(user, program, role)``: an administrator sees and changes the whole program; a
  facilitator or owner membership only says the person belongs to the program.
- ``FacilitatorAssignment(user, cluster)``: what a facilitator sees and changes.
- Owners are ``Enterprise.owner``: an owner sees and changes only their own enterprise.

Nothing here decides access by itself: ``kinerja_web.access`` reads these tables.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("administrator")
    FACILITATOR = "facilitator", _("facilitator")
    OWNER = "owner", _("owner")


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    program = models.ForeignKey(
        "programs.Program", on_delete=models.CASCADE, related_name="memberships", verbose_name=_("program")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = (
            models.UniqueConstraint(fields=["user", "program"], name="membership_one_role_per_program"),
        )

    def __str__(self) -> str:
        return f"{self.user} - {self.program} ({self.get_role_display()})"


class FacilitatorAssignment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="facilitator_assignments",
        verbose_name=_("facilitator"),
    )
    cluster = models.ForeignKey(
        "programs.Cluster",
        on_delete=models.CASCADE,
        related_name="facilitator_assignments",
        verbose_name=_("cluster"),
    )

    class Meta:
        verbose_name = _("facilitator assignment")
        verbose_name_plural = _("facilitator assignments")
        constraints = (models.UniqueConstraint(fields=["user", "cluster"], name="assignment_unique"),)

    def __str__(self) -> str:
        return f"{self.user} - {self.cluster}"

from django.contrib import admin

from kinerja_web.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the trail is written by services and never edited."""

    list_display = ("at", "actor_name", "action", "object_repr", "program", "enterprise")
    list_filter = ("action", "program")
    search_fields = ("actor_name", "object_repr", "action")
    date_hierarchy = "at"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

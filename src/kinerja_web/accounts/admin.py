"""Read-only admin pages (``kinerja_web.admin_site``): changes go through the services."""

from django.contrib import admin

from kinerja_web.accounts.models import FacilitatorAssignment, Membership
from kinerja_web.admin_site import ReadOnlyAdmin


@admin.register(Membership)
class MembershipAdmin(ReadOnlyAdmin):
    list_display = ("user", "program", "role")
    list_filter = ("role", "program")
    search_fields = ("user__username", "program__name")
    autocomplete_fields = ("user",)


@admin.register(FacilitatorAssignment)
class FacilitatorAssignmentAdmin(ReadOnlyAdmin):
    list_display = ("user", "cluster")
    list_filter = ("cluster__program",)
    search_fields = ("user__username", "cluster__name")
    autocomplete_fields = ("user",)

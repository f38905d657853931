"""Read-only admin pages (``kinerja_web.admin_site``): changes go through the services."""

from django.contrib import admin

from kinerja_web.admin_site import ReadOnlyAdmin, ReadOnlyInline
from kinerja_web.programs.models import Cluster, Enterprise, Program, Worker


@admin.register(Program)
class ProgramAdmin(ReadOnlyAdmin):
    list_display = ("name", "funder", "rupiah_space")
    search_fields = ("name", "funder")


@admin.register(Cluster)
class ClusterAdmin(ReadOnlyAdmin):
    list_display = ("name", "program", "kind", "sub_district", "regency")
    list_filter = ("program", "kind")
    search_fields = ("name", "sub_district", "regency")


class WorkerInline(ReadOnlyInline):
    model = Worker
    extra = 0


@admin.register(Enterprise)
class EnterpriseAdmin(ReadOnlyAdmin):
    list_display = ("name", "nib", "cluster", "commodity", "owner")
    list_filter = ("cluster__program", "cluster")
    search_fields = ("name", "nib")
    autocomplete_fields = ("owner",)
    inlines = (WorkerInline,)

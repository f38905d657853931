"""Django's admin is read-only here: every change goes through a service (permission, audit).

The admin would edit programs, clusters, enterprises, memberships and facilitator assignments
without the services' checks, without an audit entry and without the program scoping of
``access``; the site's own pages do all of that. So every model the admin shows, Kinerja's and
the libraries' (users, groups, django-axes' attempts, tasks), can be looked at by a superuser
and changed by nobody: ``ReadOnlyAdmin`` for Kinerja's admin classes, and ``make_read_only``
(called from ``urls.py`` once every app has registered its models) for all of them.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest


def _no(request: HttpRequest, obj: Any = None) -> bool:
    return False


class ReadOnlyAdmin(admin.ModelAdmin):
    """A model admin that shows and never adds, changes or deletes."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyInline(admin.TabularInline):
    """An inline that shows rows and never adds, changes or deletes them."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


def make_read_only(site: admin.AdminSite) -> None:
    """Refuse adding, changing and deleting through every model admin registered on ``site``."""
    for model_admin in site._registry.values():
        model_admin.has_add_permission = _no
        model_admin.has_change_permission = _no
        model_admin.has_delete_permission = _no

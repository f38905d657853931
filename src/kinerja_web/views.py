"""Site-wide pages: the home page, the health check and the error pages."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from kinerja_web import selectors


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The role-aware entry: the user's programs, clusters and enterprises."""
    return render(request, "home.html", selectors.home_for(request.user))


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """``ok`` when the application and its database answer; 503 when the database does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No request context: the page must render even when the database or a processor fails.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render(), status=500)

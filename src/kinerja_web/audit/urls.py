"""URLs of audit, mounted at /audit/ with the namespace ``audit``."""

from django.urls import path

import kinerja_web.converters  # noqa: F401  (registers <id:...>: ids past 64 bits answer 404)
from kinerja_web.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.entry_list, name="entry_list"),
    path("undo/<id:pk>/", views.undo_page, name="undo"),
]

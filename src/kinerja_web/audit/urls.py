"""URLs of audit, mounted at /audit/ with the namespace ``audit``."""

from django.urls import path

from kinerja_web.audit import views

app_name = "audit"
urlpatterns = [path("", views.entry_list, name="entry_list")]

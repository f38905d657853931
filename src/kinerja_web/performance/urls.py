"""URLs of performance, mounted at /performance/ with the namespace ``performance``."""

from django.urls import path  # noqa: F401

app_name = "performance"
urlpatterns: list = []

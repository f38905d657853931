"""URLs of frameworks, mounted at /frameworks/ with the namespace ``frameworks``."""

from django.urls import path  # noqa: F401

app_name = "frameworks"
urlpatterns: list = []

"""URLs of records, mounted at /records/ with the namespace ``records``."""

from django.urls import path  # noqa: F401

app_name = "records"
urlpatterns: list = []

"""Addresses of the competency gaps pages."""

from django.urls import path  # noqa: F401

urlpatterns: list = []

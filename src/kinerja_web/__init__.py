"""Kinerja's web platform: the Django project and its apps (see README.md beside this file)."""

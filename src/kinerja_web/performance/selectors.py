"""Reads of performance: every query starts from kinerja_web.access (what the user may see)."""

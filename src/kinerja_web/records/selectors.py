"""Reads of records: every query starts from kinerja_web.access (what the user may see)."""

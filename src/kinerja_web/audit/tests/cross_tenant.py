"""Audit pages for the cross-tenant test: the filter cannot select another tenant's enterprise."""

CASES = []

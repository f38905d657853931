"""Periods, targets, scorecards, comparisons and dashboards."""

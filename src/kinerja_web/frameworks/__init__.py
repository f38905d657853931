"""KPI hierarchies and their AHP weights."""

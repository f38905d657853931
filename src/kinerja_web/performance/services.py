"""Writes of performance: one function per action, under transaction.atomic, with its audit entry."""

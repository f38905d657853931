"""Writes of frameworks: one function per action, under transaction.atomic, with its audit entry."""

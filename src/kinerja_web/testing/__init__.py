"""Test support shared by the web apps' tests (browser fixtures)."""

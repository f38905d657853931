"""The ``kinerja`` command (contract: ``shared/spec/CLI-CONTRACT.md``).

Each sub-command lives in a module of its own (``ahp_command``, ``score_command``,
``classify_command``, ``compare_command``, ``competency_command``) that parses options,
calls the core and prints; ``common`` holds what they share: reading input, the exit-2
error line, JSON output.
"""

from kinerja.cli.app import app, main

__all__ = ["app", "main"]

"""``kinerja-web``: Django's ``manage.py`` for the Kinerja web platform, as a console script."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    """Run a Django management command (``kinerja-web migrate``, ``runserver``, ``demo``...)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja_web.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv if argv is not None else sys.argv)


if __name__ == "__main__":
    main()

"""``python -m kinerja`` runs the ``kinerja`` command."""

from kinerja.cli import main

main()

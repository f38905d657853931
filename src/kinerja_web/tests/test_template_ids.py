"""An object's id printed into a page is never localized.

With ``USE_THOUSAND_SEPARATOR`` on, ``{{ action.pk }}`` renders 1512 as "1.512" in Indonesian: an
``id="action-1.512"`` that no link or script finds once a table passes a thousand rows (the plan
page's actions were unreachable on PostgreSQL, whose ids are not reset between tests). Ids go
through ``|stringformat:'d'`` or ``|unlocalize``, or into ``{% url %}``.
"""

from __future__ import annotations

import re
from pathlib import Path

import kinerja_web

BARE_ID = re.compile(r"\{\{\s*[\w.]*(?:\bpk|\.id)\s*\}\}")


def test_no_template_prints_a_bare_id():
    root = Path(kinerja_web.__file__).parent
    offenders = [
        f"{path.relative_to(root)}:{number}: {line.strip()}"
        for path in sorted(root.rglob("*.html"))
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if BARE_ID.search(line)
    ]
    assert offenders == []

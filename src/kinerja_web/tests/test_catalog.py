"""The Indonesian catalog says plurals in Indonesian for every count.

Its header declares two plural forms (``n != 1``); an entry with only ``msgstr[0]`` is then
untranslated for every count but 1, and the page falls back to English (found in QA: the
people page's lockout note, "After 5 wrong passwords ...", and the password-length message).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.utils import translation

CATALOG = Path(__file__).resolve().parents[1] / "locale" / "id" / "LC_MESSAGES" / "django.po"


def _plural_entries() -> list[str]:
    return [block for block in CATALOG.read_text(encoding="utf-8").split("\n\n") if "msgid_plural" in block]


def test_every_translated_plural_entry_has_every_plural_form():
    header = CATALOG.read_text(encoding="utf-8").split("\n\n", 1)[0]
    forms = int(re.search(r"nplurals=(\d+)", header).group(1))
    short = []
    for block in _plural_entries():
        if "#, fuzzy" in block or re.search(r'^msgstr\[0\] ""\n(?!")', block + "\n", re.M):
            continue  # not translated yet: said in English on purpose, makemessages lists it
        missing = [n for n in range(forms) if f"msgstr[{n}]" not in block]
        if missing:
            short.append(block.splitlines()[0])
    assert short == []


@pytest.mark.parametrize("count", [1, 5])
def test_a_plural_sentence_is_indonesian_for_any_count(count):
    with translation.override("id"):
        said = translation.ngettext(
            "This password is too short. It must contain at least %d character.",
            "This password is too short. It must contain at least %d characters.",
            count,
        )
    assert said.startswith("Kata sandi ini terlalu pendek")

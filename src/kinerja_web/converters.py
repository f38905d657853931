"""Path converters of the site's addresses: ``<id:pk>`` for every object id.

Django's ``<int:pk>`` takes any run of digits, and a 30-digit id then reaches the database,
which refuses it with an error (SQLite: "Python int too large"; PostgreSQL: out of range), a
500 for a mistyped or hostile address. ``<id:pk>`` matches the same digits but answers 404 for
an id past ``formfields.ID_MAX`` (a signed 64-bit integer). Importing this module registers it;
every ``urls.py`` imports it before its patterns (``tests/test_no_server_error.py`` checks that
no address uses ``<int:...>``).
"""

from __future__ import annotations

from django.urls import register_converter
from django.urls.converters import get_converters

from kinerja_web.formfields import ID_MAX


class IdConverter:
    regex = "[0-9]+"

    def to_python(self, value: str) -> int:
        if len(value) > len(str(ID_MAX)) or int(value) > ID_MAX:
            raise ValueError(value)  # no match: 404
        return int(value)

    def to_url(self, value: int | str) -> str:
        return str(value)


if "id" not in get_converters():
    register_converter(IdConverter, "id")

"""Querysets compiled to SQL once and run again with other values: for the few hot queries of
pages that every request runs (the menu's roles, the dashboards).

Building and compiling a queryset costs the ORM about 0.3 to 2 ms (a ``FilteredRelation`` join,
a few annotations), often more than running it. :class:`Compiled` builds it once per database
and *shape* of its values (which are ``None``, how long each tuple is), with a marker number in
place of each value, and remembers which parameter of the SQL each marker became; later calls
only put their values in those places. The SQL is the ORM's, word for word; the rows come back
as the database driver gives them (no ORM converters: use it for numbers and texts, as
``values_list`` would give them without conversion).

    roles = Compiled(lambda user: Membership.objects.filter(user_id=user).values_list("role"))
    roles.rows(user=7)

Values are integers (or ``None``, or tuples of integers); ``limit``/``offset`` are appended as
parameters (``LIMIT %s OFFSET %s``, as Django writes them for SQLite and PostgreSQL), so that
pages share one compiled query.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet

#: Markers: positive (``PositiveIntegerField`` lookups refuse negatives) and within 32 bits
#: (PostgreSQL's ``integer``), far above any id of this project's tables.
_MARKER_BASE = 2_000_000_000
#: Shapes kept per query (a facilitator's dashboard has a tuple of their own length).
MAX_SHAPES = 256


class Compiled:
    """A queryset built by ``build(**values)``, compiled once per database and shape of ``values``."""

    def __init__(self, build: Callable[..., QuerySet]) -> None:
        self.build = build
        self._plans: dict[tuple, tuple[str, tuple]] = {}
        self._lock = threading.Lock()

    def sql(self, using: str = DEFAULT_DB_ALIAS, **values: Any) -> tuple[str, list]:
        """The SQL and parameters of ``build(**values)``, as ``queryset.query.sql_with_params()``."""
        shape = (using, *((name, _shape(value)) for name, value in sorted(values.items())))
        plan = self._plans.get(shape)
        if plan is None:
            plan = self._compile(using, values)
            with self._lock:
                if len(self._plans) >= MAX_SHAPES:
                    self._plans.clear()
                self._plans[shape] = plan
        sql, slots = plan
        params = []
        for name, index, constant in slots:
            if name is None:
                params.append(constant)
            elif index is None:
                params.append(values[name])
            else:
                params.append(values[name][index])
        return sql, params

    def rows(
        self, using: str = DEFAULT_DB_ALIAS, *, limit: int | None = None, offset: int = 0, **values: Any
    ) -> list[tuple]:
        """Run it and fetch every row (``limit`` rows from ``offset`` if ``limit`` is given)."""
        sql, params = self.sql(using, **values)
        if limit is not None:
            sql, params = f"{sql} LIMIT %s", [*params, int(limit)]
            if offset:
                sql, params = f"{sql} OFFSET %s", [*params, int(offset)]
        with connections[using].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _compile(self, using: str, values: dict[str, Any]) -> tuple[str, tuple]:
        markers: dict[int, tuple[str, int | None]] = {}
        stand_ins: dict[str, Any] = {}
        for name, value in sorted(values.items()):
            if value is None:
                stand_ins[name] = None
            elif isinstance(value, tuple):
                stand_ins[name] = tuple(self._marker(markers, name, i) for i in range(len(value)))
            else:
                stand_ins[name] = self._marker(markers, name, None)
        sql, params = self.build(**stand_ins).query.get_compiler(using).as_sql()
        slots = []
        for param in params:
            if type(param) is int and param in markers:
                slots.append((*markers[param], None))
            else:
                slots.append((None, None, param))
        found = {(name, index) for name, index, _ in slots if name is not None}
        missing = [marker for marker, place in markers.items() if place not in found or str(marker) in sql]
        if missing:
            raise ValueError(f"values not passed as parameters of the SQL: {missing} in {sql}")
        return sql, tuple(slots)

    @staticmethod
    def _marker(markers: dict[int, tuple[str, int | None]], name: str, index: int | None) -> int:
        marker = _MARKER_BASE + 1009 * len(markers) + 7
        markers[marker] = (name, index)
        return marker


def _shape(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, tuple):
        return len(value)
    if type(value) is not int:
        raise TypeError(f"Compiled takes integers, None or tuples of integers, not {value!r}")
    return "int"

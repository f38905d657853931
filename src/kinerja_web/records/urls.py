"""URLs of records, mounted at /records/ with the namespace ``records``.

Every page of one enterprise is under ``enterprise/<pk>/``; days are ISO dates in the address
(``day/2021-03-15/``) whatever the language, so links never depend on date formats.
"""

from __future__ import annotations

import datetime

from django.urls import path, register_converter

import kinerja_web.converters  # noqa: F401  (registers <id:...>: ids past 64 bits answer 404)
from kinerja_web.formfields import in_date_range
from kinerja_web.records import views


class IsoDateConverter:
    regex = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"

    def to_python(self, value: str) -> datetime.date:
        day = datetime.date.fromisoformat(value)  # ValueError (e.g. 2021-02-30): no match, 404
        if not in_date_range(day):  # 0001-01-01 or 9999-12-31: a week around it does not exist
            raise ValueError(value)
        return day

    def to_url(self, value: datetime.date | str) -> str:
        return value.isoformat() if isinstance(value, datetime.date) else str(value)


register_converter(IsoDateConverter, "isodate")

app_name = "records"

_LISTS = (
    ("orders", views.ORDERS),
    ("equipment", views.EQUIPMENT),
    ("raw-materials", views.RAW_MATERIALS),
    ("innovations", views.INNOVATIONS),
)

urlpatterns = [
    path("today/", views.today, name="today"),
    path("enterprise/<id:pk>/", views.week, name="enterprise"),
    path("enterprise/<id:pk>/week/<isodate:day>/", views.week, name="week"),
    path("enterprise/<id:pk>/day/", views.day, name="day_today"),
    path("enterprise/<id:pk>/day/<isodate:day>/", views.day, name="day"),
]
for prefix, kind in _LISTS:
    urlpatterns += [
        path(f"enterprise/<id:pk>/{prefix}/", views.list_page, {"kind": kind}, name=kind.url_name),
        path(
            f"enterprise/<id:pk>/{prefix}/<id:item_pk>/delete/",
            views.list_delete,
            {"kind": kind},
            name=f"{kind.url_name}_delete",
        ),
    ]

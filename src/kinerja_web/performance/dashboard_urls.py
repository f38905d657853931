"""URLs of the dashboards, mounted at /dashboards/ with the namespace ``dashboards``."""

from django.urls import path

import kinerja_web.converters  # noqa: F401  (registers <id:...>: ids past 64 bits answer 404)
from kinerja_web.performance import dashboard_views as views

app_name = "dashboards"
urlpatterns = [
    path("", views.index, name="index"),
    path("programs/<id:pk>/", views.program_dashboard, name="program"),
    path("programs/<id:pk>/ranking.csv", views.program_download, name="program_csv"),
    path("clusters/<id:pk>/", views.cluster_dashboard, name="cluster"),
    path("clusters/<id:pk>/ranking.csv", views.cluster_download, name="cluster_csv"),
]

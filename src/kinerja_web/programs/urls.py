"""URLs of programs, mounted at the site's root with the namespace ``programs``."""

from django.urls import path

import kinerja_web.converters  # noqa: F401  (registers <id:...>: ids past 64 bits answer 404)
from kinerja_web.programs import views, views_figures

app_name = "programs"
urlpatterns = [
    path("programs/", views.program_list, name="program_list"),
    path("programs/<id:pk>/", views.program_detail, name="program_detail"),
    path("programs/<id:pk>/edit/", views.program_edit, name="program_edit"),
    path("programs/<id:pk>/bands/", views.program_bands_edit, name="program_bands"),
    path("programs/<id:program_pk>/clusters/new/", views.cluster_create, name="cluster_create"),
    path("clusters/<id:pk>/", views.cluster_detail, name="cluster_detail"),
    path("clusters/<id:pk>/edit/", views.cluster_edit, name="cluster_edit"),
    path("enterprises/", views.enterprise_list, name="enterprise_list"),
    path("enterprises/new/", views.enterprise_create, name="enterprise_create"),
    path("enterprises/<id:pk>/", views.enterprise_detail, name="enterprise_detail"),
    path("enterprises/<id:pk>/edit/", views.enterprise_edit, name="enterprise_edit"),
    path("enterprises/<id:pk>/years/", views_figures.enterprise_years, name="enterprise_years"),
    path(
        "enterprises/<id:pk>/years/<id:year_pk>/delete/",
        views_figures.enterprise_year_delete,
        name="enterprise_year_delete",
    ),
    path("enterprises/<id:enterprise_pk>/workers/new/", views.worker_create, name="worker_create"),
    path("enterprises/<id:enterprise_pk>/workers/<id:pk>/edit/", views.worker_edit, name="worker_edit"),
    path("enterprises/<id:enterprise_pk>/workers/<id:pk>/delete/", views.worker_delete, name="worker_delete"),
]

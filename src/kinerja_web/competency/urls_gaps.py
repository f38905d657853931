"""Addresses of the competency gap-analysis pages and the studies."""

from django.urls import path

import kinerja_web.converters  # noqa: F401  (registers <id:...>: ids past 64 bits answer 404)
from kinerja_web.competency import views_gaps as views

urlpatterns: list = [
    path("gaps/", views.gaps_index, name="gaps_index"),
    path("gaps/rounds/<id:round_pk>/", views.gaps_round, name="gaps_round"),
    path("gaps/rounds/<id:round_pk>/clusters/<id:cluster_pk>/", views.gaps_cluster, name="gaps_cluster"),
    path(
        "gaps/rounds/<id:round_pk>/enterprises/<id:enterprise_pk>/",
        views.gaps_enterprise,
        name="gaps_enterprise",
    ),
    path("gaps/rounds/<id:round_pk>/people/<id:worker_pk>/", views.gaps_person, name="gaps_person"),
    path("gaps/enterprises/<id:enterprise_pk>/", views.gaps_enterprise_rounds, name="gaps_enterprise_rounds"),
    path("studies/", views.study_list, name="study_list"),
    path("studies/programs/<id:program_pk>/new/", views.study_create, name="study_create"),
    path("studies/<id:pk>/", views.study_detail, name="study_detail"),
    path("studies/<id:pk>/enterprises.csv", views.study_csv, name="study_csv"),
]

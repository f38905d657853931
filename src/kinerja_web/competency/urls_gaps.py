"""Addresses of the competency gap-analysis pages and the studies."""

from django.urls import path

from kinerja_web.competency import views_gaps as views

urlpatterns: list = [
    path("gaps/", views.gaps_index, name="gaps_index"),
    path("gaps/rounds/<int:round_pk>/", views.gaps_round, name="gaps_round"),
    path("gaps/rounds/<int:round_pk>/clusters/<int:cluster_pk>/", views.gaps_cluster, name="gaps_cluster"),
    path(
        "gaps/rounds/<int:round_pk>/enterprises/<int:enterprise_pk>/",
        views.gaps_enterprise,
        name="gaps_enterprise",
    ),
    path("gaps/rounds/<int:round_pk>/people/<int:worker_pk>/", views.gaps_person, name="gaps_person"),
    path(
        "gaps/enterprises/<int:enterprise_pk>/", views.gaps_enterprise_rounds, name="gaps_enterprise_rounds"
    ),
    path("studies/", views.study_list, name="study_list"),
    path("studies/programs/<int:program_pk>/new/", views.study_create, name="study_create"),
    path("studies/<int:pk>/", views.study_detail, name="study_detail"),
    path("studies/<int:pk>/enterprises.csv", views.study_csv, name="study_csv"),
]

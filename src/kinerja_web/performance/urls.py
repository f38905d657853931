"""URLs of performance, mounted at /performance/ with the namespace ``performance``."""

from django.urls import path

import kinerja_web.converters  # noqa: F401  (registers <id:...>: ids past 64 bits answer 404)
from kinerja_web.performance import views, views_indicator

app_name = "performance"
urlpatterns = [
    path("periods/", views.period_list, name="period_list"),
    path("programs/<id:program_pk>/periods/new/", views.period_create, name="period_create"),
    path("periods/<id:pk>/", views.period_detail, name="period_detail"),
    path("periods/<id:pk>/close/", views.period_close, name="period_close"),
    path("periods/<id:pk>/reopen/", views.period_reopen, name="period_reopen"),
    path(
        "enterprises/<id:enterprise_pk>/scorecards/",
        views.enterprise_scorecards,
        name="enterprise_scorecards",
    ),
    path("enterprises/<id:enterprise_pk>/periods/<id:period_pk>/", views.scorecard, name="scorecard"),
    path(
        "enterprises/<id:enterprise_pk>/periods/<id:period_pk>/start/",
        views.scorecard_start,
        name="scorecard_start",
    ),
    path("enterprises/<id:enterprise_pk>/periods/<id:period_pk>/targets/", views.targets, name="targets"),
    path(
        "enterprises/<id:enterprise_pk>/periods/<id:period_pk>/indicators/<id:node_pk>/",
        views_indicator.indicator_detail,
        name="indicator_detail",
    ),
    path(
        "enterprises/<id:enterprise_pk>/periods/<id:period_pk>/approve/",
        views.scorecard_approve,
        name="scorecard_approve",
    ),
    path(
        "enterprises/<id:enterprise_pk>/periods/<id:period_pk>/acknowledge/",
        views.scorecard_acknowledge,
        name="scorecard_acknowledge",
    ),
    path(
        "enterprises/<id:enterprise_pk>/proposals/<id:pk>/accept/",
        views.proposal_decide,
        {"decision": "accept"},
        name="proposal_accept",
    ),
    path(
        "enterprises/<id:enterprise_pk>/proposals/<id:pk>/reject/",
        views.proposal_decide,
        {"decision": "reject"},
        name="proposal_reject",
    ),
    path(
        "enterprises/<id:enterprise_pk>/periods/<id:period_pk>/scorecard.csv",
        views.scorecard_download,
        name="scorecard_csv",
    ),
    path("enterprises/<id:enterprise_pk>/comparison/", views.comparison, name="comparison"),
    path("enterprises/<id:enterprise_pk>/comparison.csv", views.comparison_download, name="comparison_csv"),
]

"""URLs of performance, mounted at /performance/ with the namespace ``performance``."""

from django.urls import path

from kinerja_web.performance import views

app_name = "performance"
urlpatterns = [
    path("periods/", views.period_list, name="period_list"),
    path("programs/<int:program_pk>/periods/new/", views.period_create, name="period_create"),
    path("periods/<int:pk>/", views.period_detail, name="period_detail"),
    path("periods/<int:pk>/close/", views.period_close, name="period_close"),
    path("periods/<int:pk>/reopen/", views.period_reopen, name="period_reopen"),
    path(
        "enterprises/<int:enterprise_pk>/scorecards/",
        views.enterprise_scorecards,
        name="enterprise_scorecards",
    ),
    path("enterprises/<int:enterprise_pk>/periods/<int:period_pk>/", views.scorecard, name="scorecard"),
    path(
        "enterprises/<int:enterprise_pk>/periods/<int:period_pk>/start/",
        views.scorecard_start,
        name="scorecard_start",
    ),
    path("enterprises/<int:enterprise_pk>/periods/<int:period_pk>/targets/", views.targets, name="targets"),
    path(
        "enterprises/<int:enterprise_pk>/periods/<int:period_pk>/scorecard.csv",
        views.scorecard_download,
        name="scorecard_csv",
    ),
    path("enterprises/<int:enterprise_pk>/comparison/", views.comparison, name="comparison"),
    path("enterprises/<int:enterprise_pk>/comparison.csv", views.comparison_download, name="comparison_csv"),
]

"""URLs of the dashboards, mounted at /dashboards/ with the namespace ``dashboards``."""

from django.urls import path

from kinerja_web.performance import dashboard_views as views

app_name = "dashboards"
urlpatterns = [
    path("", views.index, name="index"),
    path("programs/<int:pk>/", views.program_dashboard, name="program"),
    path("programs/<int:pk>/ranking.csv", views.program_download, name="program_csv"),
    path("clusters/<int:pk>/", views.cluster_dashboard, name="cluster"),
    path("clusters/<int:pk>/ranking.csv", views.cluster_download, name="cluster_csv"),
]

"""URLs of the dashboards, mounted at /dashboards/ with the namespace ``dashboards``.

Importing this module (the project's URLconf does, before any page is rendered) puts
"Dashboard" in the main menu of administrators and facilitators.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from kinerja_web import nav
from kinerja_web.performance import dashboard_views as views

app_name = "dashboards"
urlpatterns = [
    path("", views.index, name="index"),
    path("programs/<int:pk>/", views.program_dashboard, name="program"),
    path("programs/<int:pk>/ranking.csv", views.program_download, name="program_csv"),
    path("clusters/<int:pk>/", views.cluster_dashboard, name="cluster"),
    path("clusters/<int:pk>/ranking.csv", views.cluster_download, name="cluster_csv"),
]

nav.register_menu(_("Dashboard"), "dashboards:index", roles={"admin", "facilitator"}, order=55)

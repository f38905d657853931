"""The site's addresses. Each app owns its prefix and namespace; see README.md beside this file."""

from django.contrib import admin
from django.urls import include, path

from kinerja_web import views
from kinerja_web.accounts.urls import auth_urlpatterns
from kinerja_web.admin_site import make_read_only

make_read_only(admin.site)  # every app's admin has registered its models by now

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include(auth_urlpatterns)),
    path("accounts/", include("kinerja_web.accounts.urls")),
    path("audit/", include("kinerja_web.audit.urls")),
    path("frameworks/", include("kinerja_web.frameworks.urls")),
    path("records/", include("kinerja_web.records.urls")),
    path("performance/", include("kinerja_web.performance.urls")),
    path("dashboards/", include("kinerja_web.performance.dashboard_urls")),
    path("competency/", include("kinerja_web.competency.urls")),
    path("admin/", admin.site.urls),
    path("", include("kinerja_web.programs.urls")),
]

handler403 = "kinerja_web.views.permission_denied"
handler404 = "kinerja_web.views.page_not_found"
handler500 = "kinerja_web.views.server_error"

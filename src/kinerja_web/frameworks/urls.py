"""URLs of frameworks, mounted at /frameworks/ with the namespace ``frameworks``."""

from django.urls import path

import kinerja_web.converters  # noqa: F401  (registers <id:...>: ids past 64 bits answer 404)
from kinerja_web.frameworks import views

app_name = "frameworks"
urlpatterns = [
    path("", views.framework_list, name="list"),
    path("new/", views.framework_create, name="create"),
    path("<id:pk>/", views.framework_detail, name="detail"),
    path("<id:pk>/edit/", views.framework_edit, name="edit"),
    path("<id:pk>/new-version/", views.framework_new_version, name="new_version"),
    path("<id:pk>/delete/", views.framework_delete, name="delete"),
    path("<id:pk>/weights/", views.framework_weights, name="weights"),
    path("<id:pk>/sensitivity/", views.framework_sensitivity, name="sensitivity"),
    path("nodes/<id:pk>/", views.node_detail, name="node"),
    path("nodes/<id:pk>/add/", views.node_add, name="node_add"),
    path("nodes/<id:pk>/rename/", views.node_rename, name="node_rename"),
    path("nodes/<id:pk>/move/", views.node_move, name="node_move"),
    path("nodes/<id:pk>/delete/", views.node_delete, name="node_delete"),
    path("nodes/<id:pk>/indicator/", views.node_indicator, name="indicator"),
    path("nodes/<id:pk>/ahp/", views.node_ahp, name="ahp"),
    path("nodes/<id:pk>/ahp/adopted/", views.adopted_weights, name="adopted"),
    path("nodes/<id:pk>/ahp/experts/new/", views.judgments_new, name="judgments_new"),
    path("nodes/<id:pk>/ahp/preview/", views.judgments_preview, name="judgments_preview"),
    path("judgments/<id:pk>/", views.judgments_edit, name="judgments_edit"),
    path("judgments/<id:pk>/delete/", views.judgments_delete, name="judgments_delete"),
    path("judgments/<id:pk>/apply/", views.suggestion_apply, name="suggestion_apply"),
]

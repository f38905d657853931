"""URLs of frameworks, mounted at /frameworks/ with the namespace ``frameworks``."""

from django.urls import path

from kinerja_web.frameworks import views

app_name = "frameworks"
urlpatterns = [
    path("", views.framework_list, name="list"),
    path("new/", views.framework_create, name="create"),
    path("<int:pk>/", views.framework_detail, name="detail"),
    path("<int:pk>/edit/", views.framework_edit, name="edit"),
    path("<int:pk>/new-version/", views.framework_new_version, name="new_version"),
    path("<int:pk>/delete/", views.framework_delete, name="delete"),
    path("<int:pk>/weights/", views.framework_weights, name="weights"),
    path("<int:pk>/sensitivity/", views.framework_sensitivity, name="sensitivity"),
    path("nodes/<int:pk>/", views.node_detail, name="node"),
    path("nodes/<int:pk>/add/", views.node_add, name="node_add"),
    path("nodes/<int:pk>/rename/", views.node_rename, name="node_rename"),
    path("nodes/<int:pk>/move/", views.node_move, name="node_move"),
    path("nodes/<int:pk>/delete/", views.node_delete, name="node_delete"),
    path("nodes/<int:pk>/indicator/", views.node_indicator, name="indicator"),
    path("nodes/<int:pk>/ahp/", views.node_ahp, name="ahp"),
    path("nodes/<int:pk>/ahp/adopted/", views.adopted_weights, name="adopted"),
    path("nodes/<int:pk>/ahp/experts/new/", views.judgments_new, name="judgments_new"),
    path("nodes/<int:pk>/ahp/preview/", views.judgments_preview, name="judgments_preview"),
    path("judgments/<int:pk>/", views.judgments_edit, name="judgments_edit"),
    path("judgments/<int:pk>/delete/", views.judgments_delete, name="judgments_delete"),
    path("judgments/<int:pk>/apply/", views.suggestion_apply, name="suggestion_apply"),
]

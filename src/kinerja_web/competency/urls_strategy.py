"""Addresses of the competency strategy pages: levers and rule set, lever judgments, development
plans and their actions, cohort plans, monitoring and evaluation."""

from django.urls import path

import kinerja_web.converters  # noqa: F401  (registers <id:...>)
from kinerja_web.competency import views_strategy as views

urlpatterns = [
    path("strategy/", views.strategy_index, name="strategy_index"),
    path("strategy/<id:pk>/", views.strategy_detail, name="strategy"),
    path("strategy/<id:pk>/judgments/new/", views.lever_judgments_new, name="lever_judgments_new"),
    path(
        "strategy/<id:pk>/judgments/preview/", views.lever_judgments_preview, name="lever_judgments_preview"
    ),
    path("strategy/judgments/<id:pk>/", views.lever_judgments_edit, name="lever_judgments"),
    path("strategy/judgments/<id:pk>/delete/", views.lever_judgments_delete, name="lever_judgments_delete"),
    path("plans/", views.plan_list, name="plan_list"),
    path("plans/enterprise/<id:pk>/", views.enterprise_plans, name="enterprise_plans"),
    path("plans/<id:pk>/", views.plan_detail, name="plan"),
    path("plans/<id:pk>/regenerate/", views.plan_regenerate, name="plan_regenerate"),
    path("plans/actions/<id:pk>/", views.action_edit, name="action"),
    path("plans/actions/<id:pk>/evidence/", views.action_evidence, name="action_evidence"),
    path("cohort/", views.cohort_index, name="cohort_index"),
    path("cohort/<id:round_pk>/cluster/<id:cluster_pk>/", views.cohort_plan, name="cohort"),
    path("monitoring/", views.monitoring_index, name="monitoring_index"),
    path("monitoring/enterprise/<id:pk>/", views.monitoring_enterprise, name="monitoring_enterprise"),
    path("monitoring/cluster/<id:pk>/", views.monitoring_cluster, name="monitoring_cluster"),
]

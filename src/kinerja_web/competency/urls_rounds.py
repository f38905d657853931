"""Addresses of the competency rounds pages (assessment rounds, ratings, worker links, evidence)."""

from django.urls import path

from kinerja_web.competency import views_rounds as views

_ENTERPRISE = "rounds/<id:pk>/enterprises/<id:enterprise_pk>/"

urlpatterns: list = [
    path("rounds/", views.round_list, name="round_list"),
    path("programs/<id:program_pk>/rounds/new/", views.round_create, name="round_create"),
    path("rounds/<id:pk>/", views.round_detail, name="round_detail"),
    path("rounds/<id:pk>/close/", views.round_close, name="round_close"),
    path("enterprises/<id:enterprise_pk>/rounds/", views.enterprise_rounds, name="enterprise_rounds"),
    path(_ENTERPRISE, views.round_enterprise, name="round_enterprise"),
    path(f"{_ENTERPRISE}workers/<id:worker_pk>/rate/", views.rate_worker, name="rate_worker"),
    path(f"{_ENTERPRISE}links/new/", views.link_create, name="link_create"),
    path(f"{_ENTERPRISE}links/<id:link_pk>/revoke/", views.link_revoke, name="link_revoke"),
    path(f"{_ENTERPRISE}evidence/new/", views.evidence_upload, name="evidence_upload"),
    path("evidence/<id:pk>/", views.evidence_file, name="evidence_file"),
    path("evidence/<id:pk>/delete/", views.evidence_delete, name="evidence_delete"),
    path("w/<str:token>/", views.worker_link, name="worker_link"),
]

"""Addresses of the competency framework pages, required levels and the program's worker roles."""

from django.urls import path

import kinerja_web.converters  # noqa: F401  (registers <id:...>: ids past 64 bits answer 404)
from kinerja_web.competency import views_framework as views

urlpatterns: list = [
    path("frameworks/", views.framework_list, name="framework_list"),
    path("frameworks/new/", views.framework_create, name="framework_create"),
    path("frameworks/<id:pk>/", views.framework_detail, name="framework_detail"),
    path("frameworks/<id:pk>/edit/", views.framework_edit, name="framework_edit"),
    path("frameworks/<id:pk>/new-version/", views.framework_new_version, name="framework_new_version"),
    path("frameworks/<id:pk>/delete/", views.framework_delete, name="framework_delete"),
    path("frameworks/<id:pk>/required/", views.required_levels, name="required_levels"),
    path("frameworks/<id:pk>/areas/new/", views.area_add, name="area_add"),
    path("areas/<id:pk>/edit/", views.area_edit, name="area_edit"),
    path("areas/<id:pk>/move/", views.area_move, name="area_move"),
    path("areas/<id:pk>/delete/", views.area_delete, name="area_delete"),
    path("areas/<id:pk>/items/new/", views.item_add, name="item_add"),
    path("items/<id:pk>/", views.item_detail, name="item_detail"),
    path("items/<id:pk>/edit/", views.item_edit, name="item_edit"),
    path("items/<id:pk>/anchors/", views.item_anchors, name="item_anchors"),
    path("items/<id:pk>/skkni/", views.item_skkni, name="item_skkni"),
    path("items/<id:pk>/move/", views.item_move, name="item_move"),
    path("items/<id:pk>/delete/", views.item_delete, name="item_delete"),
    path("programs/<id:pk>/roles/", views.roles, name="roles"),
    path("roles/<id:pk>/edit/", views.role_edit, name="role_edit"),
    path("roles/<id:pk>/move/", views.role_move, name="role_move"),
    path("roles/<id:pk>/delete/", views.role_delete, name="role_delete"),
]

"""URLs of accounts. Django's login, logout and password pages keep Django's names
(``login``, ``logout``, ``password_change``, ``password_change_done``) and are mounted at
``/accounts/`` without a namespace (``auth_urlpatterns``); Kinerja's own pages use ``accounts:``."""

from django.contrib.auth import views as auth_views
from django.urls import path

import kinerja_web.converters  # noqa: F401  (registers <id:...>: ids past 64 bits answer 404)
from kinerja_web.accounts import views

app_name = "accounts"
urlpatterns = [
    path("users/", views.user_list, name="users"),
    path("users/<id:pk>/password/", views.user_set_password, name="user_set_password"),
    path("programs/<id:program_pk>/people/", views.program_people, name="program_people"),
    path("programs/<id:program_pk>/people/add/", views.person_add, name="person_add"),
    path("programs/<id:program_pk>/people/<id:pk>/", views.person_edit, name="person_edit"),
    path(
        "programs/<id:program_pk>/people/<id:pk>/active/", views.person_set_active, name="person_set_active"
    ),
    path("programs/<id:program_pk>/people/<id:pk>/unlock/", views.person_unlock, name="person_unlock"),
]

auth_urlpatterns = [
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password_change/", views.PasswordChangeView.as_view(), name="password_change"),
    path("password_change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
]

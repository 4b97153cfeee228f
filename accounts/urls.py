"""Residents' own account pages: sign-in with a login card, and « Mon compte »."""

from django.urls import path

from accounts import views

urlpatterns = [
    path("connexion-code/", views.code_login, name="code_login"),
    path("connexion-code/qr/<str:token>/", views.qr_login, name="qr_login"),
    path("mon-compte/", views.my_account, name="my_account"),
    path("session/continuer/", views.session_keepalive, name="session_keepalive"),
]

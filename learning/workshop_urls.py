"""Workshop pages of the agent space (lists, sessions, attendance, sign-in sheets, matrix)."""

from django.urls import path

from learning import workshop_views as views

urlpatterns = [
    path("ateliers/", views.workshop_list, name="workshops"),
    path("ateliers/nouveau/", views.workshop_create, name="workshop_create"),
    path("ateliers/<int:workshop_id>/", views.workshop_detail, name="workshop_detail"),
    path("ateliers/<int:workshop_id>/modifier/", views.workshop_edit, name="workshop_edit"),
    path("ateliers/<int:workshop_id>/participants/ajouter/", views.member_add, name="workshop_member_add"),
    path(
        "ateliers/<int:workshop_id>/participants/<int:resident_id>/retirer/",
        views.member_remove,
        name="workshop_member_remove",
    ),
    path("ateliers/<int:workshop_id>/modules/assigner/", views.workshop_assign, name="workshop_assign"),
    path("ateliers/<int:workshop_id>/tableau/", views.workshop_matrix, name="workshop_matrix"),
    path("ateliers/<int:workshop_id>/seances/nouvelle/", views.session_create, name="session_create"),
    path("ateliers/<int:workshop_id>/seances/<int:session_id>/", views.session_detail, name="session_detail"),
    path(
        "ateliers/<int:workshop_id>/seances/<int:session_id>/emargement/",
        views.session_sheet,
        name="session_sheet",
    ),
]

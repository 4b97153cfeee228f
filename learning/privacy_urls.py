"""« Mes données » and erasure. Included at the site root (before Wagtail's catch-all)."""

from django.urls import path

from learning import privacy_views

urlpatterns = [
    path("mes-donnees/", privacy_views.my_data, name="my_data"),
    path("mes-donnees/telecharger/", privacy_views.my_data_download, name="my_data_download"),
    path("mes-donnees/supprimer/", privacy_views.delete_account, name="delete_account"),
    path(
        "espace-agent/personnes/<int:resident_id>/effacer/",
        privacy_views.agent_erase_resident,
        name="agent_erase_resident",
    ),
]

"""« Mes données », deleting one's account, and the agent's erasure page (under /espace-agent/: erasing reads every
app, which the agent space may not). Included at the site root, before Wagtail's catch-all."""

from django.urls import path

from privacy import views

urlpatterns = [
    path("mes-donnees/", views.my_data, name="my_data"),
    path("mes-donnees/telecharger/", views.my_data_download, name="my_data_download"),
    path("mes-donnees/supprimer/", views.delete_account, name="delete_account"),
    path(
        "espace-agent/personnes/<int:resident_id>/effacer/",
        views.agent_erase_resident,
        name="agent_erase_resident",
    ),
]

from django.urls import include, path

from learning import agent_views

app_name = "agent"

urlpatterns = [
    path("", agent_views.home, name="home"),
    path("personnes/", agent_views.residents, name="residents"),
    path("personnes/nouvelle/", agent_views.resident_create, name="resident_create"),
    path("personnes/<int:resident_id>/", agent_views.resident_detail, name="resident_detail"),
    path("personnes/<int:resident_id>/carte/", agent_views.resident_card, name="resident_card"),
    path("personnes/<int:resident_id>/nouveau-code/", agent_views.resident_new_code, name="resident_new_code"),
    path("personnes/<int:resident_id>/assigner/", agent_views.resident_assign, name="resident_assign"),
    path(
        "personnes/<int:resident_id>/assignations/<int:assignment_id>/retirer/",
        agent_views.resident_unassign,
        name="resident_unassign",
    ),
    path("personnes/<int:resident_id>/notes/", agent_views.resident_note, name="resident_note"),
    path("personnes/<int:resident_id>/autonomie/", agent_views.resident_autonomy, name="resident_autonomy"),
    path(
        "personnes/<int:resident_id>/assigner-recommandations/",
        agent_views.resident_assign_recommended,
        name="resident_assign_recommended",
    ),
    path("personnes/<int:resident_id>/faire-le-point/", agent_views.resident_diagnostic, name="resident_diagnostic"),
    path("equipe/", agent_views.team, name="team"),
    path("journal/", agent_views.journal, name="journal"),
    path("equipe/<int:membership_id>/retirer/", agent_views.team_remove, name="team_remove"),
    path("", include("learning.workshop_urls")),
    path("", include("learning.stats_urls")),
]

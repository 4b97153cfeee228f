"""The follow-up's pages: « Mon parcours » for residents, and the agent space under /espace-agent/ (namespace
"agent"). The agent's erasure page sits in privacy.urls: erasing reads every app (docs/architecture.md)."""

from django.urls import include, path

from followup.views import home, residents, statistics, team, workshops
from followup.views import path as my_path

agent_patterns = [
    path("", home.home, name="home"),
    path("personnes/", residents.residents, name="residents"),
    path("personnes/nouvelle/", residents.resident_create, name="resident_create"),
    path("personnes/<int:resident_id>/", residents.resident_detail, name="resident_detail"),
    path("personnes/<int:resident_id>/carte/", residents.resident_card, name="resident_card"),
    path("personnes/<int:resident_id>/nouveau-code/", residents.resident_new_code, name="resident_new_code"),
    path("personnes/<int:resident_id>/assigner/", residents.resident_assign, name="resident_assign"),
    path(
        "personnes/<int:resident_id>/assignations/<int:assignment_id>/retirer/",
        residents.resident_unassign,
        name="resident_unassign",
    ),
    path("personnes/<int:resident_id>/notes/", residents.resident_note, name="resident_note"),
    path("personnes/<int:resident_id>/autonomie/", residents.resident_autonomy, name="resident_autonomy"),
    path(
        "personnes/<int:resident_id>/assigner-recommandations/",
        residents.resident_assign_recommended,
        name="resident_assign_recommended",
    ),
    path("personnes/<int:resident_id>/faire-le-point/", residents.resident_diagnostic, name="resident_diagnostic"),
    path("equipe/", team.team, name="team"),
    path("journal/", team.journal, name="journal"),
    path("equipe/<int:membership_id>/retirer/", team.team_remove, name="team_remove"),
    # Workshops, sessions, attendance, the matrix
    path("ateliers/", workshops.workshop_list, name="workshops"),
    path("ateliers/nouveau/", workshops.workshop_create, name="workshop_create"),
    path("ateliers/<int:workshop_id>/", workshops.workshop_detail, name="workshop_detail"),
    path("ateliers/<int:workshop_id>/modifier/", workshops.workshop_edit, name="workshop_edit"),
    path("ateliers/<int:workshop_id>/participants/ajouter/", workshops.member_add, name="workshop_member_add"),
    path(
        "ateliers/<int:workshop_id>/participants/<int:resident_id>/retirer/",
        workshops.member_remove,
        name="workshop_member_remove",
    ),
    path("ateliers/<int:workshop_id>/modules/assigner/", workshops.workshop_assign, name="workshop_assign"),
    path("ateliers/<int:workshop_id>/tableau/", workshops.workshop_matrix, name="workshop_matrix"),
    path("ateliers/<int:workshop_id>/seances/nouvelle/", workshops.session_create, name="session_create"),
    path("ateliers/<int:workshop_id>/seances/<int:session_id>/", workshops.session_detail, name="session_detail"),
    path(
        "ateliers/<int:workshop_id>/seances/<int:session_id>/emargement/",
        workshops.session_sheet,
        name="session_sheet",
    ),
    # Statistics and CSV exports
    path("statistiques/", statistics.statistics, name="statistics"),
    path("statistiques.csv", statistics.statistics_csv, name="statistics_csv"),
    path("personnes/progression.csv", statistics.progress_csv, name="progress_csv"),
]

urlpatterns = [
    path("mon-parcours/", my_path.my_path, name="my_path"),
    path("mon-parcours/rejoindre/", my_path.join_structure, name="join_structure"),
    path("mon-parcours/quitter/<int:structure_id>/", my_path.leave_structure, name="leave_structure"),
    path("espace-agent/", include((agent_patterns, "agent"))),
]

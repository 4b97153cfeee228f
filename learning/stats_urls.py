"""Structure statistics and CSV exports of the agent space."""

from django.urls import path

from learning import stats_views

urlpatterns = [
    path("statistiques/", stats_views.statistics, name="statistics"),
    path("statistiques.csv", stats_views.statistics_csv, name="statistics_csv"),
    path("personnes/progression.csv", stats_views.progress_csv, name="progress_csv"),
]

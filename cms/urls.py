from django.urls import path

from cms import views

urlpatterns = [
    path("glossaire/", views.glossary, name="glossary"),
    path("recherche/", views.search, name="search"),
]

"""« Trouver un lieu »: include with path("", include("cms.place_urls")) in config/urls.py."""

from django.urls import path

from cms import place_views

urlpatterns = [
    path("trouver-un-lieu/", place_views.places, name="places"),
]

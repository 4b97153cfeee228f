from django.urls import path

from learning import views

urlpatterns = [
    path("mon-parcours/", views.my_path, name="my_path"),
]

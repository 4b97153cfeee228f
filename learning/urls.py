from django.urls import path

from learning import views

urlpatterns = [
    path("mon-parcours/", views.my_path, name="my_path"),
    path("mon-parcours/rejoindre/", views.join_structure, name="join_structure"),
    path("mon-parcours/quitter/<int:structure_id>/", views.leave_structure, name="leave_structure"),
]

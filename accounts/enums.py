from django.db import models


class UserKind(models.TextChoices):
    RESIDENT = "resident", "Personne accompagnée"
    PROFESSIONAL = "professional", "Professionnel"


class ConsentMethod(models.TextChoices):
    DESK = "desk", "Au guichet"
    JOIN_CODE = "join_code", "Code de la structure saisi par la personne"


class GroupName:
    TRAINERS = "Formateurs"
    REVIEWERS = "Relecteurs"

from django.db import models


class Level(models.TextChoices):
    BEGINNER = "debutant", "Débutant"
    INTERMEDIATE = "intermediaire", "Intermédiaire"
    AUTONOMOUS = "autonome", "Autonome"


class ExclusionType(models.TextChoices):
    EQUIPMENT = "equipment", "Équipement et accès"
    COMPETENCE = "competence", "Compétences"


class Device(models.TextChoices):
    COMPUTER = "computer", "Ordinateur"
    SMARTPHONE = "smartphone", "Smartphone"
    ANY = "any", "Ordinateur ou smartphone"


class ProgressStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Pas commencé"
    IN_PROGRESS = "in_progress", "En cours"
    COMPLETED = "completed", "Terminé"


class ChecklistKind(models.TextChoices):
    DOCUMENT = "document", "Document"
    EQUIPMENT = "equipment", "Équipement"
    ACCOUNT = "account", "Compte ou identifiant"

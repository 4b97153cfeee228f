from django.db import models


class Autonomy(models.TextChoices):
    """How a procedure was done, in words that need no gender (the stored values are unchanged)."""

    FOR_THEM = "for_them", "Fait pour la personne"
    WITH_THEM = "with_them", "Fait avec de l'aide"
    ALONE = "alone", "Fait sans aide"


class FollowUpStatus(models.TextChoices):
    """A resident's status in the agent's list: what needs the agent's attention first."""

    NOT_STARTED = "not_started", "Pas commencé"
    IN_PROGRESS = "in_progress", "En cours"
    COMPLETED = "completed", "Terminé"
    NEEDS_HELP = "needs_help", "A besoin d'aide"
    OVERDUE = "overdue", "En retard"


class AuditAction(models.TextChoices):
    CREATE_RESIDENT = "create_resident", "Création du compte"
    VIEW_RESIDENT = "view_resident", "Consultation de la fiche"
    NEW_CODE = "new_code", "Nouveau code de connexion"
    ASSIGN = "assign", "Module assigné"
    UNASSIGN = "unassign", "Module retiré"
    EXPORT = "export", "Export CSV"
    ERASE = "erase", "Effacement du compte"
    NOTE_ADD = "note_add", "Note ajoutée"
    AUTONOMY = "autonomy", "Démarche enregistrée"
    WORKSHOP_JOIN = "workshop_join", "Ajout à un atelier"
    WORKSHOP_LEAVE = "workshop_leave", "Retrait d'un atelier"
    GROUP_ASSIGN = "group_assign", "Module assigné par l'atelier"
    ATTENDANCE = "attendance", "Présence à une séance"
    DIAGNOSTIC = "diagnostic", "« Faire le point » avec la personne"
    UNLINK = "unlink", "Suivi de la structure effacé"
    ERASED_ELSEWHERE = "erased_elsewhere", "Compte effacé par une autre structure"
    ERASED_BY_PERSON = "erased_by_person", "Compte supprimé par la personne"

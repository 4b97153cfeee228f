from django.db import models


class CompetenceLevel(models.IntegerChoices):
    """CRCN levels 1 to 8, grouped in bands; residents mostly work at levels 1 to 3."""

    NOVICE_1 = 1, "1 — Novice"
    NOVICE_2 = 2, "2 — Novice"
    INDEPENDENT_3 = 3, "3 — Indépendant"
    INDEPENDENT_4 = 4, "4 — Indépendant"
    ADVANCED_5 = 5, "5 — Avancé"
    ADVANCED_6 = 6, "6 — Avancé"
    EXPERT_7 = 7, "7 — Expert"
    EXPERT_8 = 8, "8 — Expert"


class MasteryRule(models.TextChoices):
    NONE = "none", "Seulement le score minimum"
    ALL = "all", "Toutes les questions justes"
    M_OF_N = "m_of_n", "Un nombre minimum de questions justes"

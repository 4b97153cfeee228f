"""What the « Données personnelles » page states: each kind of data kept, for how long and who sees it.

Every duration comes from the settings that the code enforces (retention, audit journal, sessions, backups), so that
the page cannot drift from what the platform does.
"""

from dataclasses import dataclass

from django.conf import settings


def in_words(*, days=None, months=None):
    """A duration in plain French: 30 → « 30 jours », 365 days → « 12 mois », 24 months → « 24 mois (2 ans) »."""
    if days is not None:
        if days % 365 == 0:
            months = days // 365 * 12
        elif days % 30 == 0 and days >= 60:
            months = days // 30
        else:
            return "1 jour" if days == 1 else f"{days} jours"
    text = f"{months} mois"
    if months % 12 == 0 and months > 12:
        text += f" ({months // 12} ans)"
    return text


def minutes_in_words(seconds):
    minutes = seconds // 60
    if minutes % 60 == 0:
        hours = minutes // 60
        return "1 heure" if hours == 1 else f"{hours} heures"
    return f"{minutes} minutes"


@dataclass(frozen=True)
class Fact:
    what: str
    how_long: str
    who_sees: str


def facts():
    inactivity = in_words(months=settings.RESIDENT_INACTIVITY_MONTHS)
    warning = in_words(days=settings.RESIDENT_INACTIVITY_WARNING_DAYS)
    backups = in_words(days=settings.BACKUP_RETENTION_DAYS)
    return [
        Fact(
            "Votre compte : nom d'utilisateur, nom affiché, et votre adresse électronique et votre téléphone si vous "
            "les avez donnés.",
            f"Tant que vous utilisez Pas à pas. Après {inactivity} sans connexion, votre compte est rendu anonyme : "
            "votre nom, votre adresse et vos moyens de connexion sont effacés. Si vous avez donné une adresse "
            f"électronique, vous êtes prévenu {warning} avant ; il suffit de vous connecter pour garder votre compte.",
            "Vous, et les conseillers des structures à qui vous avez donné votre accord.",
        ),
        Fact(
            "Votre progression dans les tutoriels, vos résultats aux quiz et à « Faire le point ».",
            "Comme votre compte. Quand le compte est rendu anonyme, ces résultats sont gardés sans votre nom, "
            "seulement pour compter combien de personnes ont appris quoi.",
            "Vous, et les conseillers des structures à qui vous avez donné votre accord. Les statistiques ne montrent "
            "que des nombres, et cachent les trop petits nombres.",
        ),
        Fact(
            "Ce qu'une structure note pour vous accompagner : modules à faire, présences aux ateliers, autonomie dans "
            "les démarches, notes de suivi.",
            "Tant que vous êtes suivi par cette structure. Les notes de suivi sont effacées quand le compte est rendu "
            "anonyme ou supprimé.",
            "Les conseillers de cette structure seulement. Vous les retrouvez dans « Mes données ».",
        ),
        Fact(
            "Le journal des actions des conseillers (qui a consulté ou modifié un dossier, et quand).",
            f"{in_words(days=settings.AUDIT_RETENTION_DAYS)}, puis il est effacé.",
            "Les responsables de la structure. Votre nom n'y figure pas : vous y êtes désigné par un code.",
        ),
        Fact(
            "Votre connexion en cours.",
            f"Sur un ordinateur partagé, la session se termine après "
            f"{minutes_in_words(settings.RESIDENT_IDLE_TIMEOUT_SECONDS)} sans activité, et au plus tard après "
            f"{minutes_in_words(settings.SESSION_COOKIE_AGE)}, ou quand vous fermez le navigateur.",
            "Personne.",
        ),
        Fact(
            "« Faire le point » et votre progression sans compte.",
            "Le temps de votre visite seulement : si vous ne créez pas de compte, tout est effacé à la fin de la "
            "session.",
            "Personne.",
        ),
        Fact(
            "Les copies de sauvegarde.",
            f"{backups}. Ce qui est effacé ou rendu anonyme disparaît aussi des sauvegardes après {backups}.",
            "L'hébergeur du service, seulement pour restaurer le service en cas de panne.",
        ),
    ]

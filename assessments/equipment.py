"""Equipment and access gaps the diagnostic can find, what helps with each one, and which questions to ask.

Plain data: the gaps, their solutions (with the key of the « Trouver un lieu » service that helps), and the pure
walk through the equipment questions with their skip logic (`walk`).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.db import models

from cms.places import SERVICE_KEYS


class Gap(models.TextChoices):
    NO_DEVICE = "no_device", "Pas d'appareil pour aller sur internet"
    SHARED_DEVICE = "shared_device", "Seulement un appareil partagé"
    NO_INTERNET = "no_internet", "Pas de connexion à internet"
    PUBLIC_WIFI_ONLY = "public_wifi_only", "Seulement le Wi-Fi public"
    NO_EMAIL = "no_email", "Pas d'adresse électronique"
    EMAIL_PASSWORD_UNKNOWN = "email_password_unknown", "Mot de passe de l'adresse électronique oublié"
    NO_SMS_PHONE = "no_sms_phone", "Pas de téléphone qui reçoit les SMS"
    NO_FRANCECONNECT = "no_franceconnect", "Pas d'identité FranceConnect"
    NO_SCANNER = "no_scanner", "Pas de moyen de scanner ou photographier un document"
    NO_PRINTER = "no_printer", "Pas d'imprimante"


# Services of the national mediation-places standard, by the short key « Trouver un lieu » filters on
# (`?service=acces`). Looked up by the standard's value, so a renamed service fails here, at import, not in a link.
ACCESS = SERVICE_KEYS["Accès internet et matériel informatique"]
SOLIDARITY_DEVICES = SERVICE_KEYS["Acquisition de matériel informatique à prix solidaire"]
EVERYDAY_TOOLS = SERVICE_KEYS["Maîtrise des outils numériques du quotidien"]
PROCEDURES = SERVICE_KEYS["Aide aux démarches administratives"]

# For each gap: what to tell the person, and the key of the service of the places that help.
SOLUTIONS = {
    Gap.NO_DEVICE: (
        "Des lieux près de chez vous prêtent un ordinateur gratuitement, et des associations vendent des ordinateurs "
        "et des téléphones reconditionnés à prix solidaire.",
        SOLIDARITY_DEVICES,
    ),
    Gap.SHARED_DEVICE: (
        "Sur un appareil partagé, pensez à toujours vous déconnecter. Un lieu d'accompagnement peut vous aider à "
        "trouver un appareil à prix solidaire.",
        SOLIDARITY_DEVICES,
    ),
    Gap.NO_INTERNET: (
        "Des lieux offrent une connexion gratuite (médiathèques, France Services). Il existe aussi des offres "
        "internet à petit prix (« offres sociales ») : un conseiller peut vous aider à les demander.",
        ACCESS,
    ),
    Gap.PUBLIC_WIFI_ONLY: (
        "Sur un Wi-Fi public, évitez de faire vos démarches sensibles sans vérifier l'adresse du site. Les offres "
        "sociales internet et mobiles coûtent quelques euros par mois.",
        ACCESS,
    ),
    Gap.NO_EMAIL: (
        "Une adresse électronique est demandée pour presque toutes les démarches. Un conseiller peut la créer avec "
        "vous, gratuitement : le module « Le courriel » vous montre comment.",
        EVERYDAY_TOOLS,
    ),
    Gap.EMAIL_PASSWORD_UNKNOWN: (
        "Un conseiller peut vous aider à retrouver l'accès à votre adresse électronique. Notez ensuite votre mot de "
        "passe dans un endroit sûr.",
        EVERYDAY_TOOLS,
    ),
    Gap.NO_SMS_PHONE: (
        "Beaucoup de sites envoient un code par SMS. Des associations proposent des téléphones et des recharges à "
        "prix solidaire.",
        SOLIDARITY_DEVICES,
    ),
    Gap.NO_FRANCECONNECT: (
        "FranceConnect vous permet d'utiliser un seul compte (ameli, impots.gouv, La Poste) pour toutes vos "
        "démarches : le module « Santé et droits » vous explique comment.",
        PROCEDURES,
    ),
    Gap.NO_SCANNER: (
        "Vous pouvez photographier un document avec un smartphone, ou le faire scanner dans un lieu d'accompagnement.",
        ACCESS,
    ),
    Gap.NO_PRINTER: (
        "Les France Services et les médiathèques permettent souvent d'imprimer quelques pages.",
        ACCESS,
    ),
}


# Skip logic --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EquipmentQuestion:
    """One equipment question as the walk needs it: the gap each option reveals ("" for none), and the gaps that,
    once revealed by an earlier answer, make the question pointless (« Cet appareil est-il à vous ? » after
    « Aucun appareil »)."""

    id: str
    option_gaps: tuple[str, ...]
    several: bool = False
    skip_if: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class EquipmentWalk:
    next_id: str | None  # the question to ask now, None when the equipment part is over
    answered: int
    at_most: int  # answered + the questions that may still be asked: never grows as answers come
    gaps: tuple[str, ...]  # revealed so far, sorted
    skipped: tuple[str, ...]  # questions left out by the skip logic so far, in order


def walk(questions: Sequence[EquipmentQuestion], answers: Mapping[str, Sequence[int]]) -> EquipmentWalk:
    """Replay the answers (question id → chosen option indexes) over the questions, in their order.

    A question is skipped when an earlier answer revealed one of its `skip_if` gaps; the others are asked in
    order. Gaps only add up, so a question skipped stays skipped and `at_most` never grows. Raises ValueError (in
    French) when the answers cannot come from a real run: an answer to a skipped question, an answer after a
    question left unanswered, no choice, several choices on a one-choice question, an option that does not exist.
    Answers to questions no longer on the page are ignored (the page was edited meanwhile).
    """
    gaps: set[str] = set()
    skipped: list[str] = []
    answered = 0
    next_id = None
    still_possible = 0
    for question in questions:
        if question.skip_if & gaps:
            if question.id in answers:
                raise ValueError("Une réponse porte sur une question qui ne devait pas être posée.")
            skipped.append(question.id)
            continue
        if question.id not in answers:
            next_id = next_id or question.id
            still_possible += 1
            continue
        if next_id is not None:
            raise ValueError("Les réponses ne suivent pas l'ordre des questions.")
        chosen = list(answers[question.id])
        if not chosen or (not question.several and len(chosen) > 1):
            raise ValueError("Une réponse sur l'équipement n'a pas le bon nombre de choix.")
        if any(not isinstance(index, int) or not 0 <= index < len(question.option_gaps) for index in chosen):
            raise ValueError("Une réponse sur l'équipement choisit une réponse qui n'existe pas.")
        gaps.update(question.option_gaps[index] for index in chosen if question.option_gaps[index])
        answered += 1
    return EquipmentWalk(
        next_id=next_id,
        answered=answered,
        at_most=answered + still_possible,
        gaps=tuple(sorted(gaps)),
        skipped=tuple(skipped),
    )

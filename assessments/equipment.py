"""Equipment and access gaps the diagnostic can find, and what helps with each one (plain data)."""

from django.db import models


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


# Services of the national mediation-places standard, used to point to the right places.
ACCESS = "Accès internet et matériel informatique"
SOLIDARITY_DEVICES = "Acquisition de matériel informatique à prix solidaire"
EVERYDAY_TOOLS = "Maîtrise des outils numériques du quotidien"
PROCEDURES = "Aide aux démarches administratives"

# For each gap: what to tell the person, and which kind of place helps (a service of the mediation-places standard).
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

"""Module « Carte Vitale et complémentaire santé solidaire »: the Vitale app and the free or cheap top-up cover.

The Assurance Maladie is France Services' third most asked partner (Cour des comptes 2024: 16 %).
"""

from demo.content.build import (
    Right,
    account,
    check,
    document,
    equipment,
    p,
    scam,
    step,
    tip,
    ul,
    warning,
)

# Source: ameli.fr, « Arnaques : les bons réflexes » — the Assurance Maladie never asks for bank details by SMS.
VITALE_SCAM = scam(
    "La carte Vitale ne se renouvelle pas par SMS",
    "Un SMS vous dit de payer pour une nouvelle carte Vitale ? C'est une arnaque.",
    "La carte Vitale et son application sont gratuites.",
)

MODULE = {
    "slug": "carte-vitale-et-complementaire-sante-solidaire",
    "title": "Carte Vitale et complémentaire santé solidaire",
    "summary": "Installer l'application carte Vitale et demander la complémentaire santé solidaire. Puis "
    "activer Mon Espace Santé pour garder vos documents de santé.",
    "objectives": [
        "Installer et activer l'application carte Vitale",
        "Savoir si l'on peut avoir la complémentaire santé solidaire",
        "Faire la demande de complémentaire santé solidaire en ligne",
        "Activer Mon Espace Santé et choisir qui voit ses documents",
    ],
    "level": "intermediaire",
    "duration_minutes": 55,
    "exclusion_type": "competence",
    "device": "smartphone",
    "equipment": [
        "Un smartphone connecté à internet",
        "Votre carte Vitale ou votre numéro de sécurité sociale",
        "Votre compte ameli",
    ],
    "operators": ["ameli", "msa"],
    "procedures": ["ameli-appli-carte-vitale", "ameli-complementaire-sante-solidaire", "mon-espace-sante-activer"],
    "competences": ["6.1", "6.2", "4.2"],
    "tutorials": [
        {
            "slug": "installer-l-application-carte-vitale",
            "title": "Installer l'application carte Vitale",
            "intro": "L'application carte Vitale met votre carte Vitale dans votre téléphone. Vous la montrez "
            "chez le médecin ou à la pharmacie.",
            # Source: ameli.fr and applicartevitale.fr, « L'appli carte Vitale » — free, open to every insured
            # person since 2025; identity checked with France Identité (at once) or with a video of an identity
            # document and of one's face (within 48 hours); a personal 6-digit code; the plastic card stays valid.
            "duration_minutes": 15,
            "checklist": [
                equipment("Votre smartphone, avec le magasin d'applications"),
                document("Votre carte d'identité, votre passeport ou votre titre de séjour"),
                document("Votre carte Vitale, pour son numéro"),
                account("Votre compte ameli et son adresse électronique"),
            ],
            "steps": [
                step(
                    "Installer l'application officielle",
                    p(
                        "Ouvrez le magasin d'applications de votre téléphone. Cherchez « carte Vitale ».",
                        "Choisissez l'application de l'Assurance Maladie. Elle est gratuite.",
                    ),
                    callouts=[VITALE_SCAM],
                    quiz=check(
                        "Une application « Vitale Express » coûte 4,99 €. Est-ce la bonne ?",
                        [
                            "Oui, c'est le prix de la carte",
                            Right("Non, l'application officielle est gratuite"),
                            "Oui, si elle a de bonnes notes",
                        ],
                        "L'application carte Vitale officielle ne coûte rien. Une application payante n'est pas "
                        "la bonne.",
                    ),
                ),
                step(
                    "Prouver votre identité",
                    p("L'application vérifie que c'est bien vous. Deux façons existent :")
                    + ul(
                        "avec l'application France Identité et la carte d'identité au format carte bancaire ;",
                        "en filmant votre pièce d'identité, puis votre visage. La vérification prend alors "
                        "jusqu'à 48 heures.",
                    ),
                    image="appli-carte-vitale.svg",
                    alt="L'écran d'activation de l'application carte Vitale. Deux boutons : « France Identité » "
                    "et « Pièce d'identité ».",
                ),
                step(
                    "Donner votre numéro et votre adresse électronique",
                    p(
                        "Tapez votre numéro de sécurité sociale. Il est sur votre carte Vitale.",
                        "Donnez l'adresse électronique de votre compte ameli. Un code de confirmation y arrive.",
                    ),
                ),
                step(
                    "Choisir un code secret",
                    p(
                        "Choisissez un code à 6 chiffres. Il protège votre carte Vitale dans le téléphone.",
                        "Ne le donnez à personne, même pas au pharmacien.",
                    ),
                    callouts=[
                        warning(
                            "Un code que vous seul connaissez",
                            "N'écrivez pas ce code sur un papier rangé avec le téléphone.",
                        )
                    ],
                ),
                step(
                    "Utiliser l'application chez un soignant",
                    p(
                        "Chez le médecin ou à la pharmacie, ouvrez l'application. Montrez le QR code affiché.",
                        "Gardez aussi votre carte Vitale en plastique. Elle marche toujours.",
                    ),
                    quiz=check(
                        "Votre pharmacie ne lit pas l'application. Que faites-vous ?",
                        [
                            Right("Je donne ma carte Vitale en plastique"),
                            "Je paie tout sans être remboursé",
                            "Je donne mon code secret au pharmacien",
                        ],
                        "Certains soignants ne lisent pas encore l'application. La carte en plastique reste valable.",
                    ),
                ),
            ],
        },
        {
            "slug": "demander-la-complementaire-sante-solidaire",
            "title": "Demander la complémentaire santé solidaire",
            "intro": "La complémentaire santé solidaire paie ce que l'Assurance Maladie ne rembourse pas. Elle est "
            "gratuite ou coûte moins de 1 € par jour et par personne, selon vos ressources.",
            # Source: ameli.fr, « Complémentaire santé solidaire » and service-public.fr F10027 — free or under
            # 1 € a day per person, granted for one year, renewal asked two months before the end.
            "duration_minutes": 20,
            "checklist": [
                document("Les ressources de votre foyer des 12 derniers mois"),
                document("Le numéro de sécurité sociale de chaque personne du foyer"),
                account("Votre compte ameli"),
            ],
            "steps": [
                step(
                    "Savoir si vous y avez droit",
                    p(
                        "Sur ameli.fr, faites la simulation de la complémentaire santé solidaire.",
                        "Vous touchez le RSA ? Elle est gratuite pour vous.",
                    ),
                    quiz=check(
                        "Vous touchez le RSA et payez une mutuelle chère. Que faire ?",
                        [
                            "Garder ma mutuelle, c'est obligatoire",
                            Right("Demander la complémentaire santé solidaire, gratuite pour moi"),
                            "Arrêter de me soigner",
                        ],
                        "Avec le RSA, la complémentaire santé solidaire est gratuite. Elle remplace une mutuelle.",
                    ),
                ),
                step(
                    "Ouvrir la demande dans le compte ameli",
                    p(
                        "Connectez-vous à votre compte ameli.",
                        "Ouvrez <b>Mes démarches</b>, puis la complémentaire santé solidaire.",
                    ),
                    image="c2s-demande.svg",
                    alt="Le compte ameli, rubrique « Mes démarches ». Le bouton « Complémentaire santé » est entouré.",
                    callouts=[
                        scam(
                            "Personne ne vend la complémentaire santé solidaire",
                            "Un vendeur vous appelle pour « votre C2S » et demande votre RIB ? Raccrochez.",
                        )
                    ],
                ),
                step(
                    "Donner les personnes et les ressources du foyer",
                    p(
                        "Ajoutez chaque personne qui vit avec vous.",
                        "Écrivez les ressources des 12 derniers mois. Certaines sont déjà remplies.",
                    ),
                ),
                step(
                    "Choisir qui gère votre complémentaire",
                    p("Vous choisissez l'organisme qui la gère :")
                    + ul("votre caisse d'Assurance Maladie ;", "ou une mutuelle de la liste proposée."),
                    callouts=[
                        tip(
                            "Le plus simple",
                            "Choisissez votre caisse d'Assurance Maladie. Vous n'avez rien d'autre à faire.",
                        )
                    ],
                ),
                step(
                    "Envoyer et penser au renouvellement",
                    p(
                        "Validez la demande. La réponse arrive dans votre compte ameli.",
                        "Elle dure un an. Redemandez-la 2 mois avant la fin.",
                    ),
                    callouts=[
                        warning(
                            "Gardez votre mutuelle jusqu'à la réponse",
                            "Ne résiliez votre mutuelle qu'après l'accord de l'Assurance Maladie.",
                        )
                    ],
                ),
            ],
        },
        {
            "slug": "activer-mon-espace-sante",
            "title": "Activer Mon Espace Santé",
            "intro": "Mon Espace Santé garde vos documents de santé au même endroit. Par exemple vos ordonnances, "
            "vos analyses et vos vaccins. Il est gratuit.",
            # Source: monespacesante.fr and ameli.fr, « Mon Espace Santé » — an account opened for every insured
            # person, activated with the provisional code received by mail or e-mail, or with the carte Vitale's
            # serial number; the person chooses which health professionals may see the documents.
            "duration_minutes": 15,
            "checklist": [
                document("Le code provisoire reçu par courrier ou par courriel, si vous l'avez"),
                document("Votre carte Vitale, pour son numéro de série"),
                equipment("Votre téléphone portable, pour recevoir un code"),
            ],
            "steps": [
                step(
                    "Aller sur monespacesante.fr",
                    p(
                        "Tapez <b>monespacesante.fr</b> dans la barre d'adresse. Vous pouvez aussi installer "
                        "l'application « Mon Espace Santé ».",
                        "Cliquez sur <b>Activer mon profil</b>.",
                    ),
                    image="mon-espace-sante.svg",
                    alt="La page d'accueil de Mon Espace Santé, à l'adresse monespacesante.fr. Le bouton « Activer "
                    "mon profil » est entouré.",
                    callouts=[
                        scam(
                            "Mon Espace Santé ne vous demande jamais de payer",
                            "Un message vous demande de payer pour garder votre dossier de santé ? C'est une arnaque.",
                        )
                    ],
                ),
                step(
                    "Prouver que c'est bien vous",
                    p("Le site vous demande :")
                    + ul(
                        "votre numéro de sécurité sociale ;",
                        "le code provisoire reçu par courrier ou par courriel ;",
                        "ou, sans ce code, le numéro de série de votre carte Vitale.",
                    ),
                ),
                step(
                    "Choisir comment recevoir vos codes",
                    p(
                        "Donnez votre numéro de téléphone portable ou votre adresse électronique.",
                        "Un code arrive à chaque connexion. Il protège vos données de santé.",
                    ),
                    quiz=check(
                        "Un inconnu au téléphone vous demande le code reçu par SMS. Que faites-vous ?",
                        [
                            "Je le lui donne, il dit qu'il est de l'Assurance Maladie",
                            Right("Je raccroche sans donner le code"),
                            "Je lui donne la moitié du code",
                        ],
                        "Ce code est à vous seul. Aucun vrai conseiller ne vous le demande.",
                    ),
                ),
                step(
                    "Ranger vos documents",
                    p(
                        "Ouvrez <b>Documents</b>. Vos soignants y déposent par exemple vos analyses.",
                        "Vous pouvez aussi ajouter une photo d'une ordonnance ou d'un carnet de vaccins.",
                    ),
                ),
                step(
                    "Choisir qui voit vos documents",
                    p(
                        "Dans votre profil, ouvrez la gestion des accès.",
                        "Vous pouvez masquer un document ou bloquer un soignant.",
                    ),
                    callouts=[
                        tip(
                            "Les urgences",
                            "En cas d'urgence, un médecin peut voir votre profil. Vous pouvez aussi refuser cet "
                            "accès.",
                        )
                    ],
                    quiz=check(
                        "Vous ne voulez pas que votre dentiste voie un compte rendu d'hôpital. Que faites-vous ?",
                        [
                            "Je supprime tout mon profil",
                            Right("Je masque ce document pour lui"),
                            "Je ne vais plus chez le dentiste",
                        ],
                        "Vous choisissez document par document ce que chaque soignant peut voir.",
                    ),
                ),
                step(
                    "Écrire à un soignant",
                    p(
                        "Ouvrez <b>Messagerie</b>. Vos soignants peuvent vous y écrire de façon sécurisée.",
                        "Vous pouvez leur répondre, mais vous ne pouvez pas écrire le premier message.",
                    ),
                    callouts=[
                        warning(
                            "Ce n'est pas pour les urgences",
                            "En cas d'urgence, appelez le 15 ou le 112.",
                        )
                    ],
                ),
            ],
        },
    ],
}

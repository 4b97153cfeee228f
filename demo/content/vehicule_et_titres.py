"""Module « Carte grise, permis et passeport »: the France Titres procedures residents ask for most.

France Services' most frequent requests go to France Titres (Cour des comptes 2024: 19 %). Sources are given next
to each fact; the only official site for these procedures is ants.gouv.fr, run by France Titres since 2024.
"""

from demo.content.build import (
    Right,
    account,
    check,
    document,
    p,
    scam,
    step,
    tip,
    ul,
    warning,
)

# Source: service-public.fr, « Carte grise : attention aux sites internet frauduleux »; ants.gouv.fr.
FAKE_SITES = scam(
    "Attention aux faux sites de carte grise",
    "Le seul site officiel est ants.gouv.fr.",
    "D'autres sites font payer des frais en plus. Certains volent votre argent.",
    "Cherchez l'adresse ants.gouv.fr dans la barre d'adresse avant de payer.",
)

MODULE = {
    "slug": "carte-grise-permis-passeport",
    "title": "Carte grise, permis et passeport",
    "summary": "Changer l'adresse de votre carte grise et vendre ou acheter une voiture d'occasion. Refaire un "
    "permis perdu et prendre rendez-vous pour un passeport.",
    "objectives": [
        "Changer l'adresse de sa carte grise sans payer de frais",
        "Déclarer la vente d'une voiture et donner le code de cession",
        "Refaire son permis de conduire perdu ou volé",
        "Faire la pré-demande de passeport et prendre rendez-vous",
    ],
    "level": "intermediaire",
    "duration_minutes": 75,
    "exclusion_type": "competence",
    "device": "any",
    "equipment": [
        "Un ordinateur ou un smartphone connecté à internet",
        "Un compte FranceConnect",
        "Une adresse électronique",
    ],
    "operators": ["ants", "franceconnect"],
    "procedures": [
        "carte-grise-changement-adresse",
        "carte-grise-vente-achat",
        "permis-perdu-vole",
        "passeport-demande",
    ],
    "competences": ["6.1", "6.2", "4.1"],
    "tutorials": [
        {
            "slug": "carte-grise-changer-adresse",
            "title": "Changer l'adresse de sa carte grise",
            "intro": "Vous avez déménagé ? Vous devez changer l'adresse de votre carte grise dans le mois. "
            "La démarche se fait en ligne. Elle est gratuite pour les trois premiers déménagements.",
            # Source: service-public.fr F1960 « Carte grise : changement d'adresse » — within one month (fine of
            # 135 € otherwise); free for the first 3 moves (a sticker), a new card at the 4th (postage fee).
            "duration_minutes": 15,
            "checklist": [
                document("Votre carte grise, pour son numéro d'immatriculation"),
                document("Votre nouvelle adresse complète"),
                account("Votre compte FranceConnect, par exemple celui des impôts"),
            ],
            "steps": [
                step(
                    "Aller sur le site officiel",
                    p(
                        "Tapez <b>ants.gouv.fr</b> dans la barre d'adresse.",
                        "Ce site est celui de France Titres. C'est le seul site officiel pour la carte grise.",
                    ),
                    image="carte-grise-adresse.svg",
                    alt="Le site ants.gouv.fr, à l'adresse écrite en haut. Le bouton « Modifier l'adresse » de la "
                    "carte grise est entouré.",
                    callouts=[FAKE_SITES],
                    quiz=check(
                        "Un site vous demande 29 € pour changer l'adresse de votre carte grise. Que faites-vous ?",
                        [
                            "Je paie, c'est le prix normal",
                            Right("Je quitte ce site et je vais sur ants.gouv.fr"),
                            "Je donne ma carte bancaire par téléphone",
                        ],
                        "Sur ants.gouv.fr, le changement d'adresse est gratuit les trois premières fois. Un site "
                        "qui demande 29 € n'est pas officiel.",
                    ),
                ),
                step(
                    "Se connecter",
                    p(
                        "Cliquez sur <b>Mon espace</b>, puis sur le bouton FranceConnect.",
                        "Choisissez un compte que vous avez déjà, par exemple impots.gouv ou ameli.",
                    ),
                ),
                step(
                    "Choisir la démarche",
                    p(
                        "Ouvrez la rubrique des véhicules.",
                        "Choisissez <b>Je souhaite modifier l'adresse de mon certificat d'immatriculation</b>.",
                    ),
                    callouts=[
                        tip(
                            "Le vrai nom de la carte grise",
                            "Sur le site, la carte grise s'appelle « certificat d'immatriculation ».",
                        )
                    ],
                ),
                step(
                    "Donner votre nouvelle adresse",
                    p(
                        "Tapez le numéro d'immatriculation de votre voiture. Il est en haut de la carte grise.",
                        "Écrivez votre nouvelle adresse, puis vérifiez-la.",
                    ),
                ),
                step(
                    "Valider et garder la preuve",
                    p(
                        "Validez votre demande. Téléchargez le document proposé à la fin.",
                        "Il prouve votre démarche en cas de contrôle.",
                    ),
                    quiz=check(
                        "Vous avez déménagé il y a une semaine. Quand changer l'adresse de votre carte grise ?",
                        [
                            "Au prochain contrôle technique",
                            Right("Maintenant, j'ai un mois pour le faire"),
                            "Seulement si la police me le demande",
                        ],
                        "Vous avez un mois après le déménagement. Sinon, vous risquez une amende.",
                    ),
                ),
                step(
                    "Recevoir l'étiquette ou la nouvelle carte",
                    p("Ce que vous recevez par La Poste dépend du nombre de déménagements :")
                    + ul(
                        "pour les trois premiers, une petite étiquette à coller sur la carte grise ;",
                        "au quatrième, une nouvelle carte grise, avec quelques euros pour l'envoi.",
                    ),
                    # Source: service-public.fr F1960 — sticker for the first three changes, new card at the 4th.
                    callouts=[
                        warning(
                            "Collez l'étiquette au bon endroit",
                            "Collez-la sur la carte grise, dans le cadre prévu pour l'adresse.",
                        )
                    ],
                ),
            ],
        },
        {
            "slug": "vendre-ou-acheter-une-voiture-d-occasion",
            "title": "Vendre ou acheter une voiture d'occasion",
            "intro": "Quand une voiture change de propriétaire, le vendeur déclare la vente. L'acheteur fait "
            "ensuite sa carte grise à son nom. Tout se fait sur ants.gouv.fr.",
            # Source: service-public.fr F1480 « Vente d'un véhicule d'occasion » and F1707 « Carte grise d'un
            # véhicule d'occasion » — declaration within 15 days, buyer has one month, inspection under 6 months.
            "duration_minutes": 25,
            "checklist": [
                document("La carte grise de la voiture"),
                document("Le contrôle technique de moins de 6 mois, si la voiture a plus de 4 ans"),
                document("Le certificat de situation administrative, de moins de 15 jours"),
                account("Votre compte FranceConnect"),
            ],
            "steps": [
                step(
                    "Le vendeur prépare les papiers",
                    p("Avant la vente, préparez pour l'acheteur :")
                    + ul(
                        "le certificat de situation administrative, gratuit sur ants.gouv.fr ;",
                        "le contrôle technique, si la voiture a plus de 4 ans ;",
                        "la carte grise.",
                    ),
                    callouts=[
                        tip(
                            "Le certificat de situation administrative",
                            "Il montre que la voiture n'est pas gagée. On l'appelait aussi « certificat de "
                            "non-gage ». Il est gratuit.",
                        )
                    ],
                ),
                step(
                    "Le vendeur barre la carte grise",
                    p(
                        "Barrez la carte grise d'un trait.",
                        "Écrivez dessus « Vendu le », la date et l'heure de la vente. Signez.",
                    ),
                ),
                step(
                    "Le vendeur déclare la vente en ligne",
                    p(
                        "Sur ants.gouv.fr, choisissez <b>Je vends ou je donne mon véhicule</b>.",
                        "Faites-le dans les 15 jours après la vente.",
                    ),
                    image="declaration-cession.svg",
                    alt="La fin de la déclaration de cession. Un code de cession est affiché en gros, avec le "
                    "bouton « Télécharger » du document à donner à l'acheteur.",
                    callouts=[FAKE_SITES],
                ),
                step(
                    "Le vendeur donne le code de cession",
                    p(
                        "À la fin, le site affiche un <b>code de cession</b>.",
                        "Donnez ce code à l'acheteur, avec le document à imprimer.",
                    ),
                    quiz=check(
                        "Vous avez vendu votre voiture. Pourquoi déclarer la vente vite ?",
                        [
                            "Pour recevoir l'argent de la vente",
                            Right("Pour ne plus recevoir les amendes de l'acheteur"),
                            "Pour changer de numéro de téléphone",
                        ],
                        "Tant que la vente n'est pas déclarée, les amendes de la voiture arrivent chez vous.",
                    ),
                ),
                step(
                    "L'acheteur fait la carte grise à son nom",
                    p(
                        "Sur ants.gouv.fr, choisissez <b>J'achète ou je reçois un véhicule d'occasion</b>.",
                        "Tapez le code de cession donné par le vendeur. Vous avez un mois après l'achat.",
                    ),
                ),
                step(
                    "L'acheteur paie et peut rouler",
                    p(
                        "Payez la taxe de la carte grise par carte bancaire. Son montant dépend de la région.",
                        "Imprimez le certificat provisoire. Il vous permet de rouler un mois, en France.",
                    ),
                    # Source: service-public.fr F1707 — the provisional certificate (CPI) is valid one month.
                    callouts=[
                        warning(
                            "Vous pouvez aussi passer par un garage",
                            "Certains garages font la carte grise pour vous. Ils font payer ce service. Sur "
                            "ants.gouv.fr, vous ne payez que la taxe.",
                        )
                    ],
                    quiz=check(
                        "Vous achetez une voiture. Le vendeur refuse de vous donner le code de cession. Que faire ?",
                        [
                            "Je fais la carte grise sans le code",
                            "Je paie un site pour trouver le code",
                            Right("Je demande au vendeur de déclarer la vente avant de payer"),
                        ],
                        "Sans code de cession, vous ne pouvez pas faire la carte grise. Ne payez pas la voiture "
                        "avant de l'avoir.",
                    ),
                ),
            ],
        },
        {
            "slug": "refaire-son-permis-perdu-ou-vole",
            "title": "Refaire son permis de conduire perdu ou volé",
            "intro": "Vous avez perdu votre permis de conduire, ou on vous l'a volé ? Vous faites la demande d'un "
            "nouveau permis en ligne, sur ants.gouv.fr.",
            # Source: service-public.fr F1726 « Permis de conduire perdu », F1450 « Permis de conduire volé » and
            # F34118 « Perte ou vol du permis : timbre fiscal » — loss declared online in the request, theft declared
            # to the police or gendarmerie; a 25 € electronic tax stamp in both cases.
            "duration_minutes": 20,
            "checklist": [
                document("Une photo d'identité avec son code e-photo, faite en cabine ou chez un photographe"),
                document("Un justificatif de domicile"),
                document("Après un vol, la déclaration faite à la police ou à la gendarmerie"),
                account("Votre compte FranceConnect"),
            ],
            "steps": [
                step(
                    "Faire une photo avec un code e-photo",
                    p(
                        "Faites une photo d'identité dans une cabine ou chez un photographe agréé.",
                        "Vous recevez un code e-photo. Gardez-le, le site vous le demande.",
                    ),
                    image="permis-e-photo.svg",
                    alt="Une planche de photos d'identité. En haut, le code e-photo, une suite de lettres et de "
                    "chiffres à recopier sur le site.",
                ),
                step(
                    "En cas de vol, porter plainte",
                    p(
                        "Après un vol, déclarez-le à la police ou à la gendarmerie. Gardez le récépissé.",
                        "Après une perte, pas besoin de plainte. Vous la déclarez dans la demande en ligne.",
                    ),
                    quiz=check(
                        "Vous avez perdu votre permis au marché. Que faites-vous d'abord ?",
                        [
                            "Je porte plainte au commissariat",
                            Right("Je déclare la perte dans la demande en ligne"),
                            "J'attends qu'on me le rapporte pendant un an",
                        ],
                        "Pour une perte, la déclaration se fait en ligne. La plainte sert en cas de vol.",
                    ),
                ),
                step(
                    "Ouvrir la demande de permis",
                    p(
                        "Sur ants.gouv.fr, connectez-vous avec FranceConnect.",
                        "Choisissez la demande de permis, puis le motif « perte » ou « vol ».",
                    ),
                    callouts=[FAKE_SITES],
                ),
                step(
                    "Payer le timbre fiscal",
                    p(
                        "Après une perte ou un vol, le nouveau permis coûte 25 €.",
                        "Vous payez avec un timbre fiscal électronique, à la fin de la demande.",
                    ),
                    # Source: service-public.fr F34118 — 25 € for a loss or a theft (12,50 € in Guyane).
                    callouts=[
                        tip(
                            "Acheter le timbre en ligne",
                            "Le timbre fiscal s'achète sur timbres.impots.gouv.fr ou chez un buraliste. Il est "
                            "valable un an.",
                        )
                    ],
                ),
                step(
                    "Envoyer et suivre la demande",
                    p(
                        "Ajoutez vos justificatifs, puis validez.",
                        "Le nouveau permis arrive chez vous par La Poste. Suivez la demande dans votre espace.",
                    ),
                    callouts=[
                        tip(
                            "Le permis sur votre téléphone",
                            "Avec la carte d'identité au format carte bancaire, l'application France Identité "
                            "peut aussi garder votre permis.",
                        )
                    ],
                ),
            ],
        },
        {
            "slug": "passeport-pre-demande-et-rendez-vous",
            "title": "Passeport : pré-demande et rendez-vous",
            "intro": "Pour un passeport, vous faites une pré-demande en ligne. Puis vous allez à un rendez-vous en "
            "mairie, pour les empreintes.",
            # Source: service-public.fr F14929 « Passeport d'un majeur » — online pre-request, any equipped town
            # hall, 86 € tax stamp for an adult, fingerprints taken at the appointment.
            "duration_minutes": 25,
            "checklist": [
                document("Une photo d'identité récente, ou son code e-photo"),
                document("Un justificatif de domicile"),
                document("Un timbre fiscal de 86 € pour un adulte"),
                document("Votre ancien passeport ou votre carte d'identité"),
            ],
            "steps": [
                step(
                    "Faire la pré-demande en ligne",
                    p(
                        "Sur ants.gouv.fr, choisissez la pré-demande de passeport. Elle est gratuite.",
                        "Remplissez le formulaire. Notez le numéro de pré-demande à la fin.",
                    ),
                    callouts=[
                        scam(
                            "La pré-demande est gratuite",
                            "Des sites font payer la pré-demande ou le rendez-vous. Ils ne sont pas officiels.",
                        )
                    ],
                ),
                step(
                    "Acheter le timbre fiscal",
                    p(
                        "Pour un adulte, le timbre coûte 86 €. Il s'achète sur timbres.impots.gouv.fr.",
                        "Pour un enfant, le prix est plus bas. Vérifiez-le sur service-public.fr.",
                    ),
                    # Source: service-public.fr F14929 — 86 € (adult), 42 € (15–17), 17 € (under 15).
                ),
                step(
                    "Trouver une mairie pour le rendez-vous",
                    p(
                        "Toutes les mairies ne font pas les passeports. Vous pouvez aller dans une autre ville que "
                        "la vôtre.",
                        "Cherchez un rendez-vous sur ants.gouv.fr ou sur le site de la mairie.",
                    ),
                    image="passeport-rdv.svg",
                    alt="Une liste de mairies avec leurs premières dates libres. Le bouton « Choisir » est à côté "
                    "de chaque mairie.",
                    quiz=check(
                        "La mairie de votre ville n'a pas de rendez-vous avant trois mois. Que faire ?",
                        [
                            "Je paie un site pour avoir un rendez-vous plus tôt",
                            Right("Je cherche un rendez-vous dans une autre mairie"),
                            "J'attends trois mois sans rien faire",
                        ],
                        "Vous pouvez aller dans n'importe quelle mairie qui fait les passeports.",
                    ),
                ),
                step(
                    "Aller au rendez-vous",
                    p("Apportez :")
                    + ul(
                        "le numéro de pré-demande ;",
                        "la photo ;",
                        "le justificatif de domicile ;",
                        "le timbre fiscal ;",
                        "l'ancien passeport ou la carte d'identité.",
                    ),
                    callouts=[
                        warning(
                            "Vous devez venir en personne",
                            "La mairie prend vos empreintes. Personne ne peut y aller à votre place.",
                        )
                    ],
                ),
                step(
                    "Retirer le passeport",
                    p(
                        "Un SMS vous dit quand le passeport est prêt.",
                        "Allez le chercher dans la même mairie, dans les 3 mois.",
                    ),
                    # Source: service-public.fr F14929 — collected in person within 3 months, else destroyed.
                ),
            ],
        },
    ],
}

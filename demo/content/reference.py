"""The public bodies and online procedures the demo tutorials are about, and the illustrations' titles."""

OPERATORS = [
    {
        "slug": "france-travail",
        "name": "France Travail",
        # https://www.francetravail.fr: Pôle emploi became France Travail on 1 January 2024.
        "description": "Le service public de l'emploi, anciennement Pôle emploi. Il gère l'inscription, les offres "
        "d'emploi, l'accompagnement et les allocations chômage.",
        "website": "https://www.francetravail.fr",
    },
    {
        "slug": "ameli",
        "name": "Assurance Maladie (ameli)",
        # https://www.ameli.fr
        "description": "Remboursement des soins, carte Vitale, attestation de droits et arrêts de travail. Le "
        "compte en ligne s'appelle le compte ameli.",
        "website": "https://www.ameli.fr",
    },
    {
        "slug": "assurance-retraite",
        "name": "Assurance Retraite",
        # https://www.lassuranceretraite.fr; the online retirement application is on https://www.info-retraite.fr.
        "description": "La caisse de retraite des salariés du privé. Son site donne le relevé de carrière et la "
        "demande de retraite en ligne.",
        "website": "https://www.lassuranceretraite.fr",
    },
    {
        "slug": "caf",
        "name": "CAF (Caisse d'allocations familiales)",
        # https://www.caf.fr
        "description": "Allocations familiales, aides au logement, RSA et prime d'activité. Les demandes et les "
        "déclarations se font en ligne sur caf.fr.",
        "website": "https://www.caf.fr",
    },
    {
        "slug": "msa",
        "name": "MSA (Mutualité sociale agricole)",
        # https://www.msa.fr
        "description": "La protection sociale du monde agricole, pour la santé, la famille et la retraite. Pour "
        "ses assurés, elle fait le travail de l'Assurance Maladie, de la CAF et de la caisse de retraite.",
        "website": "https://www.msa.fr",
    },
    {
        "slug": "la-poste",
        "name": "La Poste",
        # https://www.laposte.fr; https://lidentitenumerique.laposte.fr works with FranceConnect and FranceConnect+.
        "description": "Courrier, colis et suivi des envois. L'Identité Numérique La Poste sert pour "
        "FranceConnect et FranceConnect+.",
        "website": "https://www.laposte.fr",
    },
    {
        "slug": "ants",
        # The slug stays « ants » (procedures, statistics and re-seeding find it by slug). The agency was renamed
        # France Titres in 2024; its site is still https://ants.gouv.fr (checked: the address did not change).
        "name": "France Titres (anciennement ANTS)",
        "description": "Les démarches en ligne pour la carte d'identité, le passeport, le permis de conduire et la "
        "carte grise. Le site officiel est ants.gouv.fr.",
        "website": "https://ants.gouv.fr",
    },
    {
        "slug": "impots",
        "name": "Impôts (impots.gouv, DGFiP)",
        # https://www.impots.gouv.fr
        "description": "La direction générale des Finances publiques. Sur impots.gouv.fr, on déclare ses revenus, "
        "on trouve son avis d'impôt et on paie.",
        "website": "https://www.impots.gouv.fr",
    },
    {
        "slug": "justice",
        "name": "Justice",
        # https://www.justice.fr (online procedures) and https://casier-judiciaire.justice.gouv.fr
        "description": "Le ministère de la Justice. On y demande par exemple un extrait de casier judiciaire ou "
        "l'aide juridictionnelle.",
        "website": "https://www.justice.gouv.fr",
    },
    {
        "slug": "franceconnect",
        "name": "FranceConnect",
        # https://franceconnect.gouv.fr: FranceConnect+ is the stronger level some procedures require.
        "description": "Le bouton qui permet d'entrer sur de nombreux sites publics avec un compte que vous avez "
        "déjà. Certaines démarches demandent FranceConnect+, plus sûr.",
        "website": "https://franceconnect.gouv.fr",
    },
    {
        # https://www.anah.gouv.fr and https://france-renov.gouv.fr: the Anah funds home renovation (MaPrimeRénov'),
        # France Rénov' is its free public advice service.
        "slug": "anah",
        "name": "Anah / France Rénov'",
        "description": "L'Agence nationale de l'habitat aide à rénover un logement, avec MaPrimeRénov'. France "
        "Rénov' donne des conseils gratuits.",
        "website": "https://france-renov.gouv.fr",
    },
    {
        # https://chequeenergie.gouv.fr: sent once a year, without asking, to modest households; managed by the
        # ASP (Agence de services et de paiement) for the State.
        "slug": "cheque-energie",
        "name": "Chèque énergie (ASP)",
        "description": "Le chèque énergie aide les foyers modestes à payer l'électricité, le gaz ou le fioul. Il "
        "est géré par l'Agence de services et de paiement.",
        "website": "https://chequeenergie.gouv.fr",
    },
]

# Official addresses stay at the site's root: deep links change too often to be trusted in a demo.
PROCEDURES = [
    {
        "slug": "ameli-creer-son-compte",
        "operator": "ameli",
        "title": "Créer son compte ameli",
        "official_url": "https://www.ameli.fr",
    },
    {
        "slug": "franceconnect-se-connecter",
        "operator": "franceconnect",
        "title": "Se connecter avec FranceConnect",
        "official_url": "https://franceconnect.gouv.fr",
    },
    {
        "slug": "caf-declaration-trimestrielle",
        "operator": "caf",
        "title": "Déclarer ses ressources trimestrielles (RSA, prime d'activité)",
        "official_url": "https://www.caf.fr",
    },
    {
        "slug": "france-travail-inscription",
        "operator": "france-travail",
        "title": "S'inscrire comme demandeur d'emploi",
        "official_url": "https://www.francetravail.fr",
    },
    {
        "slug": "ants-pre-demande-carte-identite",
        "operator": "ants",
        "title": "Faire une pré-demande de carte d'identité",
        "official_url": "https://ants.gouv.fr",
    },
    {
        "slug": "la-poste-suivre-un-colis",
        "operator": "la-poste",
        "title": "Suivre un colis ou un envoi",
        "official_url": "https://www.laposte.fr",
    },
    {
        "slug": "impots-declarer-ses-revenus",
        "operator": "impots",
        "title": "Déclarer ses revenus en ligne",
        "official_url": "https://www.impots.gouv.fr",
    },
]

# Illustration file (in static/img/tutorials/) → title of its Wagtail image. The SVG's own <title> becomes the
# image's description (its default alternative text); each step still gives its own alt text.
IMAGES = {
    "souris.svg": "Pas à pas — la souris",
    "clavier.svg": "Pas à pas — le clavier",
    "ecran-tactile.svg": "Pas à pas — les gestes sur écran tactile",
    "wifi.svg": "Pas à pas — se connecter au wifi",
    "lieu-aide.svg": "Pas à pas — un lieu d'accueil numérique",
    "creer-adresse.svg": "Pas à pas — créer une adresse électronique",
    "boite-reception.svg": "Pas à pas — la boîte de réception",
    "piece-jointe.svg": "Pas à pas — joindre un fichier",
    "mot-de-passe.svg": "Pas à pas — un mot de passe solide",
    "faux-sms.svg": "Pas à pas — un faux SMS de colis",
    "faux-courriel.svg": "Pas à pas — un faux courriel",
    "navigateur-adresse.svg": "Pas à pas — la barre d'adresse",
    "ameli-compte.svg": "Pas à pas — créer son compte ameli",
    "franceconnect.svg": "Pas à pas — le bouton FranceConnect",
    "caf-trimestrielle.svg": "Pas à pas — la déclaration trimestrielle CAF",
    "france-travail.svg": "Pas à pas — l'inscription à France Travail",
    "ants-predemande.svg": "Pas à pas — le récapitulatif de pré-demande",
    "suivi-colis.svg": "Pas à pas — le suivi d'un colis",
    "avis-impot.svg": "Pas à pas — l'avis d'impôt",
    "impots-signer.svg": "Pas à pas — signer sa déclaration de revenus",
}

# Operators, procedures and illustrations of the modules added for issue 13 (carte grise, CAF, carte Vitale, impôts,
# retraite, titre de séjour, France Travail).
OPERATORS += [
    {
        "slug": "anef",
        "name": "ANEF (Administration numérique des étrangers en France)",
        "description": "Le site du ministère de l'Intérieur pour les titres de séjour. Les demandes s'y font en "
        "ligne.",
        # Source: administration-etrangers-en-france.interieur.gouv.fr
        "website": "https://administration-etrangers-en-france.interieur.gouv.fr",
    },
    {
        "slug": "info-retraite",
        "name": "Info Retraite",
        "description": "Le site commun de toutes les caisses de retraite. Vous y voyez votre carrière. Vous y "
        "demandez votre retraite une seule fois pour toutes vos caisses.",
        # Source: info-retraite.fr (GIP Union Retraite)
        "website": "https://www.info-retraite.fr",
    },
]

PROCEDURES += [
    {
        "slug": "carte-grise-changement-adresse",
        "operator": "ants",
        "title": "Changer l'adresse de sa carte grise",
        "official_url": "https://ants.gouv.fr",
    },
    {
        "slug": "carte-grise-vente-achat",
        "operator": "ants",
        "title": "Déclarer la vente d'une voiture ou faire la carte grise d'une voiture d'occasion",
        "official_url": "https://ants.gouv.fr",
    },
    {
        "slug": "permis-perdu-vole",
        "operator": "ants",
        "title": "Refaire son permis de conduire perdu ou volé",
        "official_url": "https://ants.gouv.fr",
    },
    {
        "slug": "passeport-demande",
        "operator": "ants",
        "title": "Faire une pré-demande de passeport et prendre rendez-vous",
        "official_url": "https://ants.gouv.fr",
    },
    {
        "slug": "caf-prime-activite-rsa",
        "operator": "caf",
        "title": "Demander la prime d'activité ou le RSA",
        "official_url": "https://www.caf.fr",
    },
    {
        "slug": "caf-changement-situation",
        "operator": "caf",
        "title": "Signaler un changement de situation et demander l'aide au logement",
        "official_url": "https://www.caf.fr",
    },
    {
        "slug": "ameli-appli-carte-vitale",
        "operator": "ameli",
        "title": "Installer l'application carte Vitale",
        "official_url": "https://www.ameli.fr",
    },
    {
        "slug": "ameli-complementaire-sante-solidaire",
        "operator": "ameli",
        "title": "Demander la complémentaire santé solidaire",
        "official_url": "https://www.ameli.fr",
    },
    {
        "slug": "impots-prelevement-a-la-source",
        "operator": "impots",
        "title": "Gérer son prélèvement à la source, payer et écrire aux impôts",
        "official_url": "https://www.impots.gouv.fr",
    },
    {
        "slug": "retraite-demande-en-ligne",
        "operator": "info-retraite",
        "title": "Demander sa retraite en ligne",
        "official_url": "https://www.info-retraite.fr",
    },
    {
        "slug": "anef-renouveler-titre-de-sejour",
        "operator": "anef",
        "title": "Renouveler son titre de séjour",
        "official_url": "https://administration-etrangers-en-france.interieur.gouv.fr",
    },
    {
        "slug": "france-travail-actualisation",
        "operator": "france-travail",
        "title": "S'actualiser chaque mois et lire ses messages",
        "official_url": "https://www.francetravail.fr",
    },
]

IMAGES |= {
    "carte-grise-adresse.svg": "Pas à pas — changer l'adresse de sa carte grise",
    "declaration-cession.svg": "Pas à pas — le code de cession",
    "permis-e-photo.svg": "Pas à pas — le code e-photo",
    "passeport-rdv.svg": "Pas à pas — un rendez-vous pour le passeport",
    "caf-simulation.svg": "Pas à pas — la simulation de la CAF",
    "caf-changement.svg": "Pas à pas — déclarer un changement à la CAF",
    "appli-carte-vitale.svg": "Pas à pas — activer l'application carte Vitale",
    "c2s-demande.svg": "Pas à pas — demander la complémentaire santé solidaire",
    "impots-prelevement.svg": "Pas à pas — gérer son prélèvement à la source",
    "releve-carriere.svg": "Pas à pas — le relevé de carrière",
    "anef-titre-sejour.svg": "Pas à pas — le site de l'ANEF",
    "france-travail-actualisation.svg": "Pas à pas — l'actualisation France Travail",
}

# Mon Espace Santé and the demande de logement social (issue 13).
OPERATORS += [
    {
        "slug": "logement-social",
        "name": "Demande de logement social",
        "description": "Le site de l'État pour demander un logement social. La demande y est gratuite. Elle vaut "
        "pour tous les bailleurs du département.",
        # Source: service-public.fr F869 « Demande de logement social ».
        "website": "https://www.demande-logement-social.gouv.fr",
    },
]

PROCEDURES += [
    {
        "slug": "mon-espace-sante-activer",
        "operator": "ameli",
        "title": "Activer Mon Espace Santé",
        "official_url": "https://www.monespacesante.fr",
    },
    {
        "slug": "logement-social-demande",
        "operator": "logement-social",
        "title": "Demander et renouveler un logement social",
        "official_url": "https://www.demande-logement-social.gouv.fr",
    },
]

IMAGES |= {
    "mon-espace-sante.svg": "Pas à pas — activer Mon Espace Santé",
    "logement-social.svg": "Pas à pas — la demande de logement social",
}

# The chèque énergie and what to do after a scam (issue 13, the last procedures France Services users ask for).
PROCEDURES += [
    {
        "slug": "cheque-energie-demander-utiliser",
        "operator": "cheque-energie",
        "title": "Demander et utiliser son chèque énergie",
        "official_url": "https://chequeenergie.gouv.fr",
    },
]

IMAGES |= {
    "cheque-energie.svg": "Pas à pas — utiliser son chèque énergie",
    "signaler-arnaque.svg": "Pas à pas — qui prévenir après une arnaque",
}

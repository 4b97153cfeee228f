"""The public bodies and online procedures the demo tutorials are about, and the illustrations' titles."""

OPERATORS = [
    {
        "slug": "france-travail",
        "name": "France Travail",
        "description": "Le service public de l'emploi (anciennement Pôle emploi) : inscription, offres d'emploi, "
        "accompagnement et allocations chômage.",
        "website": "https://www.francetravail.fr",
    },
    {
        "slug": "ameli",
        "name": "Assurance Maladie (ameli)",
        "description": "Remboursement des soins, carte Vitale, attestation de droits, arrêts de travail. "
        "Le compte en ligne s'appelle le compte ameli.",
        "website": "https://www.ameli.fr",
    },
    {
        "slug": "assurance-retraite",
        "name": "Assurance Retraite",
        "description": "La caisse de retraite des salariés du privé : relevé de carrière et demande de retraite en "
        "ligne.",
        "website": "https://www.lassuranceretraite.fr",
    },
    {
        "slug": "caf",
        "name": "CAF (Caisse d'allocations familiales)",
        "description": "Allocations familiales, aides au logement, RSA, prime d'activité : demandes et déclarations "
        "en ligne sur caf.fr.",
        "website": "https://www.caf.fr",
    },
    {
        "slug": "msa",
        "name": "MSA (Mutualité sociale agricole)",
        "description": "La protection sociale du monde agricole : santé, famille, retraite. Pour ses assurés, elle "
        "fait le travail de l'Assurance Maladie et de la CAF.",
        "website": "https://www.msa.fr",
    },
    {
        "slug": "la-poste",
        "name": "La Poste",
        "description": "Courrier, colis et suivi des envois. L'Identité Numérique La Poste peut servir pour "
        "FranceConnect.",
        "website": "https://www.laposte.fr",
    },
    {
        "slug": "ants",
        "name": "ANTS (Agence nationale des titres sécurisés)",
        "description": "Les démarches en ligne pour la carte d'identité, le passeport, le permis de conduire et la "
        "carte grise.",
        "website": "https://ants.gouv.fr",
    },
    {
        "slug": "impots",
        "name": "Impôts (impots.gouv, DGFiP)",
        "description": "La direction générale des Finances publiques : déclaration des revenus, avis d'impôt et "
        "paiements, sur impots.gouv.fr.",
        "website": "https://www.impots.gouv.fr",
    },
    {
        "slug": "justice",
        "name": "Justice",
        "description": "Le ministère de la Justice : démarches comme la demande d'extrait de casier judiciaire ou "
        "d'aide juridictionnelle.",
        "website": "https://www.justice.gouv.fr",
    },
    {
        "slug": "franceconnect",
        "name": "FranceConnect",
        "description": "Le bouton qui permet d'entrer sur de nombreux sites publics avec un compte que vous avez "
        "déjà (impots.gouv, ameli…).",
        "website": "https://franceconnect.gouv.fr",
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

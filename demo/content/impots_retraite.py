"""Module « Impôts au quotidien et retraite »: withholding tax, paying, secure messages, and the pension request.

Impôts come fourth among France Services' requests (Cour des comptes 2024: 15 %), retirement next.
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

# Source: impots.gouv.fr, « Hameçonnage : les bons réflexes » — the DGFiP never asks for bank card details by
# e-mail or SMS, nor announces a refund that way.
TAX_SCAM = scam(
    "Les impôts n'envoient pas de remboursement par courriel",
    "Un message promet un remboursement d'impôt contre votre carte bancaire ? C'est une arnaque.",
    "Les vrais messages arrivent dans votre espace sur impots.gouv.fr.",
)

MODULE = {
    "slug": "impots-au-quotidien-et-retraite",
    "title": "Impôts au quotidien et retraite",
    "summary": "Changer votre taux de prélèvement à la source, payer vos impôts, écrire aux impôts, puis "
    "demander votre retraite en ligne.",
    "objectives": [
        "Signaler un changement de revenus pour adapter son prélèvement à la source",
        "Payer un impôt et écrire aux impôts par la messagerie sécurisée",
        "Vérifier son relevé de carrière et demander sa retraite en ligne",
    ],
    "level": "autonome",
    "duration_minutes": 55,
    "exclusion_type": "competence",
    "device": "any",
    "equipment": [
        "Un ordinateur connecté à internet",
        "Votre numéro fiscal et votre mot de passe des impôts",
    ],
    "operators": ["impots", "assurance-retraite", "info-retraite", "franceconnect"],
    "procedures": ["impots-prelevement-a-la-source", "retraite-demande-en-ligne"],
    "competences": ["6.1", "6.2", "6.3"],
    "tutorials": [
        {
            "slug": "prelevement-a-la-source-payer-et-ecrire-aux-impots",
            "title": "Prélèvement à la source, paiement et messagerie des impôts",
            "intro": "Dans votre espace sur impots.gouv.fr, vous pouvez changer votre taux, payer et écrire aux "
            "impôts. Tout est au même endroit.",
            # Source: impots.gouv.fr, « Gérer mon prélèvement à la source » and « Messagerie sécurisée ».
            "duration_minutes": 25,
            "checklist": [
                document("Votre numéro fiscal, en haut de votre avis d'impôt"),
                document("Vos nouveaux revenus, si vos revenus changent"),
                account("Votre mot de passe des impôts, ou FranceConnect"),
            ],
            "steps": [
                step(
                    "Ouvrir votre espace particulier",
                    p(
                        "Sur impots.gouv.fr, cliquez sur <b>Votre espace particulier</b>.",
                        "Tapez votre numéro fiscal et votre mot de passe.",
                    ),
                    callouts=[TAX_SCAM],
                ),
                step(
                    "Comprendre le prélèvement à la source",
                    p(
                        "Votre impôt est pris chaque mois sur votre salaire ou votre pension.",
                        "Le taux vient de votre dernière déclaration de revenus.",
                    ),
                ),
                step(
                    "Signaler un changement",
                    p("Ouvrez <b>Gérer mon prélèvement à la source</b>. Signalez par exemple :")
                    + ul("un mariage ou un Pacs ;", "une naissance ;", "une baisse ou une hausse de revenus."),
                    image="impots-prelevement.svg",
                    alt="La page « Gérer mon prélèvement à la source ». Le taux actuel est affiché, avec le bouton "
                    "« Actualiser » entouré.",
                    # Source: impots.gouv.fr — a change of family situation must be reported within 60 days.
                    quiz=check(
                        "Vous perdez votre emploi et vos revenus baissent beaucoup. Que faire ?",
                        [
                            "Attendre la déclaration de l'an prochain",
                            Right("Actualiser mon taux dans mon espace"),
                            "Demander à mon ancien patron",
                        ],
                        "En actualisant le taux, vous payez tout de suite moins chaque mois.",
                    ),
                ),
                step(
                    "Payer un impôt",
                    p("Ouvrez <b>Payer</b>. Vous pouvez choisir :")
                    + ul(
                        "le paiement en ligne, en une fois ;",
                        "le prélèvement à l'échéance ;",
                        "le prélèvement tous les mois.",
                    ),
                    callouts=[
                        tip(
                            "Payer tous les mois",
                            "Pour la taxe foncière, le paiement tous les mois évite une grosse somme d'un coup.",
                        )
                    ],
                ),
                step(
                    "Écrire aux impôts",
                    p(
                        "Ouvrez <b>Messagerie sécurisée</b>, puis <b>Écrire</b>.",
                        "Choisissez le sujet. Expliquez votre question en quelques phrases.",
                    ),
                    quiz=check(
                        "Vous ne comprenez pas une somme sur votre avis d'impôt. Que faites-vous ?",
                        [
                            Right("J'écris aux impôts par la messagerie sécurisée"),
                            "Je réponds à un courriel qui me demande ma carte bancaire",
                            "Je ne paie pas et j'attends",
                        ],
                        "La messagerie sécurisée garde une trace écrite de votre question et de la réponse.",
                    ),
                ),
                step(
                    "Lire la réponse",
                    p(
                        "Un courriel vous dit qu'une réponse est arrivée. La réponse elle-même est dans votre espace.",
                        "Ouvrez <b>Messagerie sécurisée</b> pour la lire.",
                    ),
                    callouts=[
                        warning(
                            "Ne cliquez pas sur un lien inconnu",
                            "Pour lire la réponse, tapez vous-même impots.gouv.fr dans la barre d'adresse.",
                        )
                    ],
                ),
            ],
        },
        {
            "slug": "demander-sa-retraite-en-ligne",
            "title": "Demander sa retraite en ligne",
            "intro": "Une seule demande en ligne suffit pour toutes vos caisses de retraite. Faites-la 6 mois avant "
            "la date choisie.",
            # Source: info-retraite.fr, « Demander ma retraite » — one online request for all basic and
            # supplementary schemes, made 4 to 6 months before the chosen date; service-public.fr F31300.
            "duration_minutes": 30,
            "checklist": [
                document("Votre numéro de sécurité sociale"),
                document("Votre RIB"),
                document("Votre dernier avis d'impôt"),
                account("Votre compte FranceConnect"),
            ],
            "steps": [
                step(
                    "Aller sur info-retraite.fr",
                    p(
                        "Tapez <b>info-retraite.fr</b> dans la barre d'adresse.",
                        "C'est le site commun de toutes les caisses de retraite.",
                    ),
                    callouts=[
                        scam(
                            "La demande de retraite est gratuite",
                            "Des sociétés font payer la demande de retraite. Vous pouvez la faire gratuitement "
                            "en ligne ou en France Services.",
                        )
                    ],
                ),
                step(
                    "Se connecter avec FranceConnect",
                    p(
                        "Cliquez sur <b>Se connecter</b>, puis sur le bouton FranceConnect.",
                        "Choisissez par exemple votre compte des impôts ou ameli.",
                    ),
                ),
                step(
                    "Vérifier votre relevé de carrière",
                    p(
                        "Ouvrez votre relevé de carrière. Il liste vos années de travail.",
                        "Une année manque ? Signalez-la avant de demander la retraite.",
                    ),
                    image="releve-carriere.svg",
                    alt="Un relevé de carrière, une ligne par année avec le nombre de trimestres. Une année avec "
                    "zéro trimestre est entourée, avec le bouton « Signaler ».",
                    quiz=check(
                        "Sur votre relevé, une année de travail à l'usine manque. Que faites-vous ?",
                        [
                            "Rien, cela ne change pas la retraite",
                            Right("Je la signale et j'envoie mes bulletins de salaire"),
                            "Je refais ma demande dans dix ans",
                        ],
                        "Une année oubliée peut baisser votre pension. Vos bulletins de salaire prouvent ce travail.",
                    ),
                ),
                step(
                    "Faire la demande",
                    p(
                        "Choisissez <b>Demander ma retraite</b>. Indiquez la date de départ voulue.",
                        "Le site envoie la demande à toutes vos caisses en même temps.",
                    ),
                    quiz=check(
                        "Vous voulez partir à la retraite le 1er octobre. Quand faire la demande ?",
                        [
                            "En septembre, juste avant",
                            Right("Vers avril, environ 6 mois avant"),
                            "Après mon départ",
                        ],
                        "Les caisses ont besoin de plusieurs mois pour calculer la pension.",
                    ),
                ),
                step(
                    "Ajouter les justificatifs",
                    p("Le site peut demander par exemple :")
                    + ul("votre RIB ;", "votre avis d'impôt ;", "un livret de famille, si vous avez des enfants."),
                ),
                step(
                    "Suivre la demande",
                    p(
                        "Suivez l'avancement dans votre espace sur info-retraite.fr.",
                        "Chaque caisse vous écrit pour vous dire le montant de votre pension.",
                    ),
                    callouts=[
                        tip(
                            "Besoin d'aide ?",
                            "Une France Services peut vous aider à faire cette demande.",
                        )
                    ],
                ),
            ],
        },
    ],
}

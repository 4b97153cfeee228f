"""Module « Titre de séjour et France Travail »: renewing a residence permit on the ANEF, and monthly updates.

Sources next to each fact: service-public.fr and the operators' own sites.
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

MODULE = {
    "slug": "titre-de-sejour-et-france-travail",
    "title": "Titre de séjour et France Travail",
    "summary": "Renouveler votre titre de séjour sur le site de l'ANEF. Faire votre actualisation et suivre "
    "vos messages sur France Travail.",
    "objectives": [
        "Demander le renouvellement de son titre de séjour en ligne, à temps",
        "Faire son actualisation mensuelle sur France Travail",
        "Lire ses messages et ses rendez-vous France Travail",
    ],
    "level": "intermediaire",
    "duration_minutes": 45,
    "exclusion_type": "competence",
    "device": "any",
    "equipment": [
        "Un ordinateur ou un smartphone connecté à internet",
        "Une adresse électronique que vous lisez souvent",
    ],
    "operators": ["anef", "france-travail"],
    "procedures": ["anef-renouveler-titre-de-sejour", "france-travail-actualisation"],
    "competences": ["6.1", "6.2", "6.3"],
    "tutorials": [
        {
            "slug": "renouveler-son-titre-de-sejour-sur-l-anef",
            "title": "Renouveler son titre de séjour sur l'ANEF",
            "intro": "La plupart des titres de séjour se renouvellent en ligne, sur le site de l'ANEF. Faites la "
            "demande entre 4 mois et 2 mois avant la fin de votre titre.",
            # Source: service-public.fr « Titre de séjour : renouvellement » and CESEDA R. 431-5 / R. 431-15-1 —
            # on the ANEF, between the 120th and the 60th day before expiry; a complete request made in time gets
            # an attestation de prolongation d'instruction when the study outlasts the current title.
            "duration_minutes": 30,
            "checklist": [
                document("Votre titre de séjour actuel"),
                document("Votre passeport"),
                document("Un justificatif de domicile de moins de 6 mois"),
                document("Une photo d'identité avec son code e-photo"),
                account("Une adresse électronique"),
            ],
            "steps": [
                step(
                    "Aller sur le site officiel",
                    p(
                        "Tapez <b>administration-etrangers-en-france.interieur.gouv.fr</b> dans la barre d'adresse.",
                        "C'est le site de l'ANEF, le service en ligne du ministère de l'Intérieur.",
                    ),
                    image="anef-titre-sejour.svg",
                    alt="La page d'accueil du site de l'ANEF, à l'adresse officielle. Le bouton « Renouveler mon "
                    "titre » est entouré.",
                    callouts=[
                        scam(
                            "La demande en ligne est gratuite",
                            "Des sites vendent des rendez-vous ou « aident » contre de l'argent. Ils ne sont pas "
                            "officiels.",
                            "Une France Services ou un point d'accueil numérique vous aide gratuitement.",
                        )
                    ],
                ),
                step(
                    "Créer votre compte",
                    p(
                        "Cliquez sur <b>Créer mon compte</b>. Tapez votre adresse électronique.",
                        "Un courriel arrive. Cliquez sur le lien pour activer le compte.",
                    ),
                ),
                step(
                    "Commencer la demande à temps",
                    p(
                        "Choisissez la demande de renouvellement de votre titre.",
                        "Faites-la entre 4 mois et 2 mois avant la fin du titre.",
                        "Après, la préfecture ne doit plus vous donner d'attestation pendant l'attente.",
                    ),
                    quiz=check(
                        "Votre titre de séjour finit le 30 juin. Quand commencer la demande ?",
                        [
                            Right("En mars, entre 4 et 2 mois avant la fin"),
                            "Le 29 juin, la veille",
                            "En juillet, après la fin du titre",
                        ],
                        "Une demande faite moins de 2 mois avant la fin peut vous laisser sans papiers valides.",
                    ),
                ),
                step(
                    "Ajouter les justificatifs",
                    p("Prenez en photo ou scannez chaque document :")
                    + ul("le passeport ;", "le justificatif de domicile ;", "les documents liés à votre titre."),
                    callouts=[
                        tip(
                            "Des photos bien nettes",
                            "Posez le document à plat, près d'une fenêtre. Vérifiez qu'on lit tout.",
                        )
                    ],
                ),
                step(
                    "Garder l'attestation",
                    p(
                        "Votre demande est complète et l'étude dure après la fin de votre titre ?",
                        "Le site vous donne alors une attestation de prolongation d'instruction.",
                        "Elle prouve que vous êtes en règle pendant l'attente. Téléchargez-la et gardez-la.",
                    ),
                    quiz=check(
                        "Votre employeur demande vos papiers pendant l'attente. Que lui montrez-vous ?",
                        [
                            "Rien, je dois attendre le nouveau titre",
                            Right("L'attestation de prolongation d'instruction"),
                            "Une capture d'écran de ma boîte aux lettres",
                        ],
                        "L'attestation montre que votre séjour reste régulier pendant l'étude de la demande.",
                    ),
                ),
                step(
                    "Suivre la demande",
                    p(
                        "Regardez souvent votre compte ANEF et vos courriels.",
                        "La préfecture peut demander un document de plus. Répondez vite.",
                    ),
                    callouts=[
                        warning(
                            "Le titre se paie à la remise",
                            "Une taxe est à payer en timbre fiscal quand vous recevez le titre. Le site vous "
                            "dit le montant.",
                        )
                    ],
                ),
            ],
        },
        {
            "slug": "france-travail-actualisation-et-messages",
            "title": "France Travail : actualisation et messages",
            "intro": "Chaque mois, vous dites à France Travail si vous avez travaillé. C'est l'actualisation. "
            "Sans elle, vos allocations s'arrêtent.",
            # Source: francetravail.fr, « M'actualiser » — monthly, from the 28th of the month to the 15th of the
            # next one, on francetravail.fr or in the « France Travail » app.
            "duration_minutes": 15,
            "checklist": [
                document("Votre identifiant France Travail"),
                document("Vos heures et salaires du mois, si vous avez travaillé"),
                equipment("Votre téléphone, avec l'application « France Travail » si vous voulez"),
            ],
            "steps": [
                step(
                    "Se connecter au bon moment",
                    p(
                        "L'actualisation ouvre le 28 du mois. Elle ferme le 15 du mois suivant.",
                        "Connectez-vous sur francetravail.fr ou dans l'application « France Travail ».",
                    ),
                    callouts=[
                        scam(
                            "France Travail ne demande pas votre carte bancaire",
                            "Un SMS parle d'une allocation bloquée et demande un paiement ? C'est une arnaque.",
                        )
                    ],
                ),
                step(
                    "Répondre aux questions",
                    p("Le site demande si, ce mois-ci, vous avez :")
                    + ul(
                        "cherché un emploi ;",
                        "travaillé, et combien d'heures ;",
                        "été malade ou en formation.",
                    ),
                    image="france-travail-actualisation.svg",
                    alt="L'écran « M'actualiser » de France Travail. La question « Avez-vous travaillé ? » avec "
                    "les boutons Oui et Non.",
                    quiz=check(
                        "Vous avez travaillé 12 heures ce mois-ci. Que déclarez-vous ?",
                        [
                            "Je ne dis rien, c'est peu",
                            Right("Je réponds Oui et j'écris les 12 heures"),
                            "J'attends le mois prochain pour le dire",
                        ],
                        "Il faut déclarer toutes les heures. Un oubli peut créer une dette envers France Travail.",
                    ),
                ),
                step(
                    "Valider et garder la preuve",
                    p(
                        "Vérifiez vos réponses, puis validez.",
                        "Un message confirme l'actualisation. Faites une capture d'écran si vous voulez une preuve.",
                    ),
                ),
                step(
                    "Lire vos messages",
                    p(
                        "Ouvrez <b>Mes échanges</b> dans votre espace. Vos courriers et rendez-vous y sont.",
                        "Vous pouvez aussi écrire à votre conseiller.",
                    ),
                    quiz=check(
                        "France Travail vous propose un rendez-vous. Vous ne pouvez pas y aller. Que faire ?",
                        [
                            "Je n'y vais pas, sans rien dire",
                            "J'attends un deuxième rendez-vous",
                            Right("Je préviens mon conseiller par message, avant le rendez-vous"),
                        ],
                        "Un rendez-vous manqué sans raison peut suspendre vos allocations.",
                    ),
                ),
                step(
                    "Envoyer un document",
                    p(
                        "Un bulletin de salaire ou un arrêt maladie ? Envoyez-le dans <b>Mes échanges</b>.",
                        "Prenez-le en photo avec votre téléphone, puis joignez la photo.",
                    ),
                    callouts=[
                        warning(
                            "Vous avez oublié l'actualisation ?",
                            "Après le 15, appelez le 39 49 ou écrivez à votre conseiller. Faites-le vite.",
                        )
                    ],
                ),
            ],
        },
    ],
}

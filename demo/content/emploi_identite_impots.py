"""Module « Emploi, identité, impôts, courrier »: France Travail, France Titres, La Poste, impots.gouv.

The agency for identity papers was renamed France Titres in 2024 (formerly ANTS, Agence nationale des titres
sécurisés); its site is still https://ants.gouv.fr, checked for this text. The slugs « ants » stay: re-seeding and
statistics find the operator and the procedure by them.
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
    "slug": "emploi-identite-impots-courrier",
    "title": "Emploi, identité, impôts, courrier",
    "summary": "S'inscrire à France Travail, faire la pré-demande de carte d'identité, suivre un colis et "
    "déclarer ses revenus sur impots.gouv.",
    "objectives": [
        "S'inscrire à France Travail et s'actualiser chaque mois",
        "Faire une pré-demande de carte d'identité sur le site officiel",
        "Suivre un colis avec son numéro de suivi",
        "Déclarer ses revenus en ligne",
    ],
    "level": "intermediaire",
    "duration_minutes": 95,
    "exclusion_type": "competence",
    "device": "any",
    "equipment": [
        "Un ordinateur (plus confortable pour les formulaires) ou un smartphone",
        "Une adresse électronique",
        "Un téléphone portable, pour recevoir des codes",
    ],
    "operators": ["france-travail", "ants", "la-poste", "impots", "franceconnect"],
    "procedures": [
        "france-travail-inscription",
        "ants-pre-demande-carte-identite",
        "la-poste-suivre-un-colis",
        "impots-declarer-ses-revenus",
    ],
    "competences": ["6.1", "6.2", "6.3"],
    "tutorials": [
        {
            "slug": "sinscrire-a-france-travail",
            "title": "S'inscrire à France Travail",
            "intro": "Vous cherchez un emploi ? L'inscription à France Travail se fait en ligne. Elle ouvre "
            "l'accompagnement et, si vous y avez droit, les allocations chômage.",
            "duration_minutes": 30,
            "checklist": [
                document("Votre pièce d'identité ou votre titre de séjour"),
                document("Votre numéro de sécurité sociale"),
                document("Votre RIB"),
                document("Vos attestations employeur, si vous demandez une allocation"),
                document("Votre CV, si vous en avez un (ce n'est pas obligatoire)"),
                account("Votre adresse électronique"),
            ],
            "steps": [
                step(
                    "Aller sur francetravail.fr",
                    p(
                        "Tapez <b>francetravail.fr</b> dans la barre d'adresse.",
                        "Choisissez l'espace des candidats (les personnes qui cherchent un emploi), puis le bouton "
                        "pour vous inscrire.",
                    ),
                    callouts=[
                        scam(
                            "L'inscription est gratuite",
                            "Le site officiel est francetravail.fr (l'ancien Pôle emploi). Un site qui vous fait "
                            "payer l'inscription n'est pas France Travail.",
                        ),
                        tip(
                            "Vous touchez le RSA ?",
                            "Vous êtes peut-être déjà inscrit automatiquement à France Travail. Demandez-le à "
                            "votre conseiller ou au 39 49.",
                        ),
                    ],
                ),
                step(
                    "Créer votre accès",
                    p(
                        "Identifiez-vous avec FranceConnect, ou créez un identifiant et un mot de passe France "
                        "Travail.",
                        "Notez votre identifiant France Travail. Il vous servira chaque mois.",
                    ),
                    quiz=check(
                        "Que faut-il noter pour revenir sur votre espace France Travail ?",
                        [
                            Right("Mon identifiant France Travail (et garder mon mot de passe secret)"),
                            "Seulement le nom de mon conseiller",
                            "Mon numéro de sécurité sociale, qui suffit pour entrer",
                        ],
                        "L'identifiant et le mot de passe vous permettent de vous actualiser et de lire vos messages.",
                    ),
                ),
                step(
                    "Remplir votre identité et vos coordonnées",
                    p(
                        "Donnez votre nom, votre adresse, votre numéro de sécurité sociale, votre téléphone et "
                        "votre adresse électronique.",
                        "Vérifiez chaque case avant de passer à la suite.",
                    ),
                    image="france-travail.svg",
                    alt="Un formulaire d'inscription en quatre étapes : Identité (terminée), Situation (en cours), "
                    "Métier, Valider. La case Métier recherché est remplie avec « Agent d'entretien ». En bas, "
                    "le bouton Étape suivante.",
                ),
                step(
                    "Décrire votre situation",
                    p(
                        "Répondez aux questions sur votre dernier emploi, votre formation et vos disponibilités.",
                        "Vous avez travaillé récemment ? Vous pouvez demander une allocation chômage pendant "
                        "l'inscription.",
                    ),
                    callouts=[
                        warning(
                            "Pour l'allocation",
                            "Préparez vos attestations employeur et votre RIB. S'il manque un document, vous "
                            "pourrez l'envoyer plus tard depuis votre espace.",
                        )
                    ],
                ),
                step(
                    "Indiquer le métier recherché",
                    p(
                        "Écrivez en quelques mots le métier que vous cherchez, puis choisissez dans la liste "
                        "proposée.",
                    ),
                ),
                step(
                    "Valider l'inscription",
                    p(
                        "Relisez le résumé, puis validez.",
                        "France Travail vous contacte ensuite pour un premier rendez-vous. Notez bien la date et "
                        "l'heure.",
                    ),
                    callouts=[
                        scam(
                            "Les fausses offres d'emploi",
                            "Une offre demande de l'argent, vos coordonnées bancaires ou vos papiers avant tout "
                            "entretien ? C'est une arnaque.",
                        )
                    ],
                ),
                step(
                    "S'actualiser chaque mois",
                    p(
                        "Chaque mois, vous devez vous actualiser. Vous dites si vous avez travaillé et si vous "
                        "cherchez toujours un emploi.",
                        "Faites-le à la période indiquée, même si rien n'a changé.",
                    ),
                    callouts=[
                        warning(
                            "Ne l'oubliez pas",
                            "Sans actualisation, vous pouvez être désinscrit, et vos allocations peuvent s'arrêter.",
                        )
                    ],
                    quiz=check(
                        "Vous n'avez pas travaillé ce mois-ci. Devez-vous vous actualiser ?",
                        [
                            "Non, seulement si j'ai travaillé",
                            "Non, mon conseiller le fait pour moi",
                            Right("Oui, chaque mois, même sans changement"),
                        ],
                        "L'actualisation dit à France Travail que vous cherchez toujours un emploi.",
                    ),
                ),
            ],
        },
        {
            "slug": "pre-demande-carte-identite",
            "title": "Faire une pré-demande de carte d'identité",
            "intro": "Pour une carte d'identité, vous remplissez d'abord une pré-demande en ligne. Puis vous "
            "allez en mairie. Sur le site officiel de France Titres, la pré-demande est gratuite.",
            "duration_minutes": 25,
            "checklist": [
                account("Un compte FranceConnect, ou votre adresse électronique pour créer un compte France Titres"),
                document("Votre ancienne carte d'identité ou votre passeport, si vous en avez un"),
                document("Un justificatif de domicile de moins d'un an"),
                document("Les noms, prénoms, dates et lieux de naissance de vos parents"),
                document("Une photo d'identité de moins de 6 mois, à apporter en mairie"),
            ],
            "steps": [
                step(
                    "Aller sur le site officiel",
                    p(
                        "Tapez <b>ants.gouv.fr</b> dans la barre d'adresse. C'est le site officiel de France "
                        "Titres, l'ancienne ANTS.",
                        "Il sert pour la pré-demande.",
                    ),
                    callouts=[
                        scam(
                            # https://ants.gouv.fr, https://www.service-public.fr (« Carte d'identité »): the
                            # pre-application is free.
                            "La pré-demande est gratuite, méfiez-vous des sites payants",
                            "Des sites imitent France Titres et font payer la pré-demande. Sur ants.gouv.fr, elle ne "
                            "coûte rien. Vérifiez que l'adresse finit bien par .gouv.fr.",
                        )
                    ],
                    quiz=check(
                        "Combien coûte la pré-demande sur le site officiel ?",
                        ["29,90 €", Right("Rien, elle est gratuite"), "Cela dépend du site"],
                        "Sur ants.gouv.fr, la pré-demande est gratuite. Un site qui la fait payer n'est pas officiel.",
                    ),
                ),
                step(
                    "Vous connecter",
                    p(
                        "Connectez-vous avec FranceConnect, ou créez un compte France Titres avec votre adresse "
                        "électronique.",
                    ),
                ),
                step(
                    "Choisir la carte d'identité et le motif",
                    p(
                        "Choisissez de faire une pré-demande de carte d'identité.",
                        "Indiquez le motif : première demande, renouvellement, perte, vol…",
                    ),
                    callouts=[
                        warning(
                            # https://www.service-public.fr (« Carte d'identité »): a 25 € stamp for a lost or
                            # stolen card.
                            "En cas de perte ou de vol, un timbre fiscal",
                            "En cas de perte ou de vol, un timbre fiscal de 25 € est demandé. Achetez-le sur "
                            "timbres.impots.gouv.fr ou chez un buraliste. Une première carte, ou un renouvellement "
                            "avec l'ancienne carte, sont gratuits.",
                        )
                    ],
                ),
                step(
                    "Remplir le formulaire",
                    p(
                        "Remplissez votre état civil, votre adresse, votre taille, et les informations sur vos "
                        "parents.",
                        "Écrivez vos noms et prénoms comme sur votre acte de naissance.",
                    ),
                ),
                step(
                    "Noter le numéro de pré-demande",
                    p(
                        "À la fin, un récapitulatif s'affiche avec un <b>numéro de pré-demande</b> et un QR code.",
                        "Imprimez-le, notez le numéro, ou gardez-le sur votre téléphone.",
                    ),
                    image="ants-predemande.svg",
                    alt="Un récapitulatif de pré-demande de carte d'identité. En jaune, le numéro de pré-demande "
                    "A1B2C3D4E5. En dessous, un QR code à montrer à la mairie. À droite, la mention Gratuit.",
                    quiz=check(
                        "Que devez-vous apporter à la mairie ?",
                        [
                            Right("Le numéro de pré-demande ou le QR code"),
                            "Mon mot de passe France Titres",
                            "Rien, la mairie a déjà mon dossier",
                        ],
                        "L'agent de la mairie retrouve votre pré-demande avec son numéro ou son QR code. Votre "
                        "mot de passe reste secret.",
                    ),
                ),
                step(
                    "Prendre rendez-vous en mairie",
                    p(
                        "Prenez rendez-vous dans une mairie équipée pour les cartes d'identité.",
                        "Ce n'est pas forcément celle de votre commune. Vous pouvez choisir une autre mairie "
                        "équipée, ailleurs en France.",
                    ),
                    callouts=[tip("Prenez rendez-vous tôt", "Les délais peuvent être longs, surtout avant l'été.")],
                ),
                step(
                    "Le jour du rendez-vous",
                    p("Apportez :")
                    + ul(
                        "le numéro de pré-demande ou le QR code ;",
                        "une photo d'identité de moins de 6 mois ;",
                        "un justificatif de domicile ;",
                        "votre ancienne carte, ou la déclaration de perte ou de vol ;",
                        "le timbre fiscal, s'il est demandé.",
                    )
                    + p("La mairie prend vos empreintes. Vous reviendrez chercher la carte dans la même mairie."),
                ),
            ],
        },
        {
            "slug": "suivre-un-colis-la-poste",
            "title": "Suivre un colis La Poste",
            "intro": "Vous attendez un colis ou une lettre suivie ? Avec le numéro de suivi, vous savez où il est et "
            "quand il arrive.",
            "duration_minutes": 10,
            "checklist": [
                document("Le numéro de suivi : dans le courriel d'envoi, sur le reçu ou sur l'avis de passage"),
                equipment("Un ordinateur ou un smartphone"),
            ],
            "steps": [
                step(
                    "Trouver le numéro de suivi",
                    p(
                        "Le numéro de suivi est une suite de chiffres et de lettres.",
                        "Vous le trouvez dans le courriel d'envoi ou sur le reçu du bureau de poste.",
                        "Il est aussi sur l'avis de passage laissé dans votre boîte aux lettres.",
                    ),
                    quiz=check(
                        "Où trouver le numéro de suivi ?",
                        [
                            "Sur l'étiquette du colis, que je n'ai pas encore",
                            "Dans un SMS qui me demande de payer des frais",
                            Right("Dans le courriel d'envoi ou sur l'avis de passage"),
                        ],
                        "Le vendeur ou l'expéditeur vous le donne au moment de l'envoi. Un SMS qui demande des "
                        "frais est souvent une arnaque.",
                    ),
                ),
                step(
                    "Aller sur laposte.fr",
                    p(
                        "Tapez <b>laposte.fr</b> dans la barre d'adresse. Cherchez l'outil de suivi des envois.",
                        "Vous pouvez aussi utiliser l'application La Poste.",
                    ),
                    callouts=[
                        scam(
                            "Pas par le lien d'un SMS",
                            "Ne suivez jamais un colis depuis le lien d'un SMS inattendu. Tapez vous-même "
                            "l'adresse laposte.fr.",
                        )
                    ],
                ),
                step(
                    "Taper le numéro de suivi",
                    p("Tapez le numéro exactement, sans espace, puis validez."),
                    image="suivi-colis.svg",
                    alt="En haut, en jaune, le numéro de suivi 6A12345678901. En dessous, les étapes du suivi : Pris "
                    "en charge (fait), En route (fait), Distribué (bientôt).",
                    callouts=[
                        tip(
                            "« Je ne suis pas un robot »",
                            "Le site peut vous demander un petit test, le captcha : cochez la case, ou recopiez "
                            "les caractères affichés.",
                        )
                    ],
                ),
                step(
                    "Lire les étapes",
                    ul(
                        "<b>Pris en charge</b> : La Poste a reçu le colis ;",
                        "<b>En cours d'acheminement</b> : il voyage ;",
                        "<b>En cours de livraison</b> : il arrive bientôt, souvent le jour même ;",
                        "<b>Distribué</b> : il a été livré ou déposé.",
                    ),
                    quiz=check(
                        "Le suivi indique « En cours d'acheminement ». Cela veut dire que…",
                        ["Le colis est perdu", Right("Le colis est en route"), "Le colis est arrivé"],
                        "Le colis voyage entre les centres de tri. Revenez voir plus tard.",
                    ),
                ),
                step(
                    "Si vous étiez absent",
                    p(
                        "Le facteur laisse un avis de passage. Le colis attend au bureau de poste ou dans le point "
                        "de retrait indiqué.",
                        "Allez le chercher avec l'avis et une pièce d'identité, avant la date limite.",
                    ),
                    callouts=[
                        scam(
                            "Payer pour une nouvelle livraison ?",
                            "Un SMS qui vous fait payer pour « reprogrammer la livraison » est une arnaque. En cas "
                            "de doute, vérifiez sur laposte.fr avec votre numéro de suivi.",
                        )
                    ],
                ),
            ],
        },
        {
            "slug": "declarer-ses-revenus-impots",
            "title": "Déclarer ses revenus sur impots.gouv",
            "intro": "Chaque printemps, on déclare ses revenus de l'année passée. Même sans impôt à payer, c'est "
            "utile. L'avis d'impôt sert pour beaucoup d'aides.",
            "duration_minutes": 30,
            "checklist": [
                document("Votre dernier avis d'impôt, pour le numéro fiscal"),
                account("Votre mot de passe impots.gouv, ou un compte FranceConnect"),
                document("Vos relevés de l'année : salaires, chômage, retraite"),
            ],
            "steps": [
                step(
                    "Connaître la période",
                    p(
                        "La déclaration en ligne ouvre au printemps, en général en avril.",
                        "La date limite dépend de votre département. Elle est indiquée sur impots.gouv.fr.",
                    ),
                    callouts=[
                        tip(
                            "La déclaration automatique",
                            "Si tous vos revenus sont connus et que rien n'a changé, vous n'avez peut-être rien "
                            "à faire. Vérifiez quand même le résumé en ligne, et corrigez s'il le faut.",
                        )
                    ],
                ),
                step(
                    "Aller sur impots.gouv.fr",
                    p(
                        "Tapez <b>impots.gouv.fr</b> dans la barre d'adresse.",
                        "Cliquez sur l'accès à votre espace particulier.",
                    ),
                    callouts=[
                        scam(
                            "Le faux remboursement d'impôt",
                            "« Vous avez droit à un remboursement, donnez votre carte bancaire » ? C'est une "
                            "arnaque. Les impôts remboursent sur votre compte bancaire déjà connu, sans demander "
                            "votre numéro de carte.",
                        )
                    ],
                ),
                step(
                    "Vous connecter",
                    p(
                        "Tapez votre numéro fiscal (13 chiffres) et votre mot de passe. Ou utilisez FranceConnect.",
                    ),
                    image="avis-impot.svg",
                    alt="La première page d'un avis d'impôt. En haut à gauche, en jaune, le numéro fiscal à 13 "
                    "chiffres et le numéro d'accès en ligne. Plus bas, en jaune, le revenu fiscal de référence.",
                    callouts=[
                        tip(
                            "La première fois",
                            "Créez votre espace avec votre numéro fiscal, votre numéro d'accès en ligne et votre "
                            "revenu fiscal de référence. Les trois sont sur votre dernier avis d'impôt.",
                        )
                    ],
                    quiz=check(
                        "Où trouver votre numéro fiscal ?",
                        [
                            "Sur ma carte Vitale",
                            "Sur mon RIB",
                            Right("En haut à gauche de la première page de mon avis d'impôt"),
                        ],
                        "Le numéro fiscal est aussi sur votre déclaration de revenus papier, si vous en recevez une.",
                    ),
                ),
                step(
                    "Ouvrir la déclaration",
                    p(
                        "Cliquez sur le bouton pour déclarer vos revenus.",
                        "Vérifiez d'abord votre adresse et votre situation de famille : mariage, Pacs, naissance, "
                        "séparation…",
                    ),
                ),
                step(
                    "Vérifier les revenus déjà remplis",
                    p(
                        "Vos salaires, allocations chômage et retraites sont souvent déjà remplis.",
                        "Comparez-les avec vos papiers. Un montant est faux ? Corrigez-le dans la case.",
                    ),
                    image="impots-signer.svg",
                    alt="Une déclaration en ligne. Les salaires (18 420 €) et le chômage (2 310 €) sont déjà "
                    "remplis, en vert. Les pensions sont à 0 €. En bas, le bouton Signer.",
                    quiz=check(
                        "Les montants déjà remplis sont-ils toujours justes ?",
                        [
                            Right("Pas toujours, je les compare avec mes papiers"),
                            "Oui, je n'ai pas à regarder",
                            "Oui, sauf si je reçois un courriel qui dit le contraire",
                        ],
                        "C'est vous qui signez la déclaration. Vérifiez chaque montant avec vos bulletins de "
                        "salaire et vos relevés.",
                    ),
                ),
                step(
                    "Ajouter ce qui manque",
                    p(
                        "Ajoutez les revenus qui ne sont pas remplis.",
                        "Ajoutez aussi les dépenses qui donnent droit à une réduction d'impôt. Par exemple :",
                    )
                    + ul("des dons ;", "des frais de garde d'un jeune enfant ;", "un emploi à domicile.")
                    + p(
                        "Gardez les justificatifs de ces dépenses.",
                    ),
                ),
                step(
                    "Signer la déclaration",
                    p(
                        "Relisez le résumé, puis cliquez sur <b>Signer</b>.",
                        "Un accusé de réception s'affiche et arrive par courriel. Gardez-le.",
                    ),
                    callouts=[
                        warning(
                            "Sans signature, rien n'est envoyé",
                            "Tant que vous n'avez pas signé, la déclaration n'est pas envoyée aux impôts.",
                        )
                    ],
                ),
                step(
                    "Recevoir l'avis d'impôt",
                    p(
                        "L'avis d'impôt arrive l'été, dans votre espace particulier. Téléchargez-le. La CAF, un "
                        "bailleur ou une banque peuvent vous le demander.",
                    ),
                    callouts=[
                        tip(
                            "Une erreur après la signature ?",
                            "Vous pouvez encore corriger en ligne. Un service de correction ouvre pendant l'été, "
                            "dans votre espace particulier.",
                        )
                    ],
                ),
            ],
        },
    ],
}

"""Quizzes of the modules added for issue 13: each question is a decision a resident will face.

Every question has an explanation, and every option its own feedback (why it is right, or why not). Appended to
demo.quizzes.QUIZZES, which seeds them like the others.
"""

from demo.questions import matching, multiple, ordering, single, true_false


def choice(stem, options, competence, explanation):
    """A single choice from (text, feedback) pairs; the right option is the one whose text starts with « = »."""
    right = next(i for i, (text, _feedback) in enumerate(options) if text.startswith("="))
    texts = [text.removeprefix("=") for text, _feedback in options]
    return single(
        stem,
        texts,
        right,
        competence,
        explanation,
        feedback={i: feedback for i, (_text, feedback) in enumerate(options)},
    )


def several(stem, options, competence, explanation, penalty=0.5):
    """A multiple choice from (text, feedback) pairs; right options start with « = »."""
    rights = [i for i, (text, _feedback) in enumerate(options) if text.startswith("=")]
    question = multiple(
        stem, [text.removeprefix("=") for text, _feedback in options], rights, competence, explanation, penalty
    )
    for option, (_text, feedback) in zip(question["options"], options, strict=True):
        option["feedback"] = feedback
    return question


def yes_no(stem, answer, competence, explanation, if_true, if_false):
    question = true_false(stem, answer, competence, explanation)
    question["feedback_true"] = if_true
    question["feedback_false"] = if_false
    return question


QUIZZES_MORE = [
    {
        "module": "carte-grise-permis-passeport",
        "slug": "quiz-carte-grise-permis-passeport",
        "title": "Quiz : carte grise, permis et passeport",
        "intro": "<p>Six situations de la vie courante. Que faites-vous ?</p>",
        "questions": [
            choice(
                "Vous cherchez « changer adresse carte grise ». Le premier site demande 35 €. Que faites-vous ?",
                [
                    ("Je paie, c'est plus rapide", "Non. Ce site fait payer une démarche gratuite."),
                    ("=Je vais sur ants.gouv.fr, où c'est gratuit", "Oui. Le seul site officiel est ants.gouv.fr."),
                    ("J'appelle le numéro du site", "Non. Ce numéro est souvent surtaxé."),
                ],
                "6.1",
                "Sur ants.gouv.fr, le changement d'adresse est gratuit pour les trois premiers déménagements.",
            ),
            choice(
                "Vous avez vendu votre voiture samedi. Que devez-vous faire en ligne ?",
                [
                    ("=Déclarer la vente dans les 15 jours", "Oui. Vous donnez ensuite le code de cession."),
                    ("Rien, c'est l'acheteur qui fait tout", "Non. Le vendeur doit déclarer la vente."),
                    ("Résilier la carte grise à la mairie", "Non. La mairie ne s'occupe pas des cartes grises."),
                ],
                "6.2",
                "La déclaration de vente vous protège. Les amendes de l'acheteur ne vous arrivent plus.",
            ),
            several(
                "Vous vendez une voiture de 8 ans. Que donnez-vous à l'acheteur ?",
                [
                    ("=La carte grise barrée et signée", "Oui. Elle porte la date et l'heure de la vente."),
                    ("=Le code de cession", "Oui. Sans lui, l'acheteur ne peut pas faire sa carte grise."),
                    ("=Un contrôle technique de moins de 6 mois", "Oui. Il est obligatoire après 4 ans."),
                    ("Votre mot de passe FranceConnect", "Non. Ne donnez jamais votre mot de passe."),
                ],
                "6.2",
                "La carte grise, le code de cession et le contrôle technique sont nécessaires.",
            ),
            yes_no(
                "On vous a volé votre permis. Vous devez d'abord déclarer le vol à la police ou à la gendarmerie.",
                True,
                "6.2",
                "Le vol se déclare à la police ou à la gendarmerie. Une perte se déclare dans la demande en ligne.",
                "Exact. Gardez le récépissé, la demande en ligne le demande.",
                "Si. Après un vol, la déclaration à la police ou à la gendarmerie vient d'abord.",
            ),
            choice(
                "Votre mairie n'a pas de rendez-vous passeport avant juin. Vous partez en avril. Que faire ?",
                [
                    ("Payer un site qui vend des rendez-vous", "Non. Ces sites ne sont pas officiels."),
                    ("Annuler le voyage", "Non. D'autres mairies ont peut-être de la place."),
                    (
                        "=Chercher une autre mairie qui fait les passeports",
                        "Oui. Vous pouvez aller dans une autre ville.",
                    ),
                ],
                "6.3",
                "Le passeport se demande dans n'importe quelle mairie équipée, pas seulement la vôtre.",
            ),
            ordering(
                "Remettez dans l'ordre la demande de passeport.",
                [
                    "Faire la pré-demande sur ants.gouv.fr",
                    "Acheter le timbre fiscal",
                    "Aller au rendez-vous en mairie",
                    "Retirer le passeport",
                ],
                "6.2",
                "La pré-demande vient d'abord. La mairie prend ensuite vos empreintes au rendez-vous.",
            ),
        ],
    },
    {
        "module": "caf-prime-activite-rsa-logement",
        "slug": "quiz-caf-prime-rsa-logement",
        "title": "Quiz : CAF, prime d'activité, RSA et logement",
        "intro": "<p>Huit situations pour savoir quoi faire avec la CAF, votre logement et le chèque énergie.</p>",
        "questions": [
            choice(
                "Léa, 24 ans, travaille en caisse à temps partiel. Quelle aide peut-elle demander ?",
                [
                    ("=La prime d'activité", "Oui. Elle est pour les personnes de 18 ans ou plus qui travaillent."),
                    ("Le RSA", "Non. Le RSA est en général pour les 25 ans ou plus."),
                    ("Aucune aide", "Non. Un petit salaire donne souvent droit à la prime d'activité."),
                ],
                "6.2",
                "La prime d'activité complète les petits salaires, dès 18 ans.",
            ),
            choice(
                "Avant de demander la prime d'activité, que faire pour savoir si vous y avez droit ?",
                [
                    ("Envoyer un courriel à la CAF", "Non. La réponse serait longue à venir."),
                    ("=Faire la simulation sur caf.fr", "Oui. Elle est gratuite, anonyme et rapide."),
                    ("Payer un site qui calcule vos droits", "Non. La simulation de caf.fr est gratuite."),
                ],
                "6.2",
                "La simulation « Estimer vos droits » donne une idée du montant, sans faire de demande.",
            ),
            yes_no(
                "La CAF peut vous envoyer un SMS pour demander le numéro de votre carte bancaire.",
                False,
                "4.1",
                "La CAF ne demande jamais votre carte bancaire. Elle vous écrit dans Mon Compte.",
                "Non. Un tel SMS est une arnaque. Supprimez-le.",
                "Exact. Un tel message est une arnaque.",
            ),
            choice(
                "Vous déménagez le 5 mai. Quand le dire à la CAF ?",
                [
                    ("=En mai, dans Mon Compte", "Oui. Vous demandez aussi l'aide au logement tout de suite."),
                    ("À la déclaration d'impôt", "Non. La CAF et les impôts sont deux organismes différents."),
                    ("Quand la CAF vous écrit", "Non. C'est à vous de le dire, et vite."),
                ],
                "6.3",
                "L'aide au logement commence le mois après l'arrivée. Chaque mois de retard est perdu.",
            ),
            several(
                "Quels changements devez-vous déclarer à la CAF ?",
                [
                    ("=Une naissance", "Oui. La famille compte pour le calcul des aides."),
                    ("=Une mise en couple", "Oui. Les ressources du couple comptent."),
                    ("=Un nouveau travail", "Oui. Vos ressources changent."),
                    ("Un nouveau forfait de téléphone", "Non. La CAF n'en a pas besoin."),
                ],
                "6.3",
                "Tout ce qui change votre famille, votre logement ou vos ressources se déclare.",
            ),
            matching(
                "Associez chaque situation à l'aide qui lui correspond.",
                [
                    ("Je travaille et gagne peu", "Prime d'activité"),
                    ("Je n'ai presque pas de ressources", "RSA"),
                    ("Je paie un loyer", "Aide au logement"),
                ],
                "6.2",
                "Ces trois aides se demandent sur caf.fr, dans « Faire une demande de prestation ».",
            ),
            choice(
                "Votre demande de logement social arrive à sa date anniversaire. Que faites-vous ?",
                [
                    ("Une nouvelle demande à zéro", "Non. Vous perdriez votre ancienneté."),
                    ("=Je la renouvelle en ligne avant la date limite", "Oui. Vous gardez votre ancienneté."),
                    ("Je paie un site pour la garder", "Non. Le renouvellement est gratuit."),
                ],
                "6.3",
                "Une demande de logement social se renouvelle chaque année. Sinon, elle est annulée.",
            ),
            # Source: https://chequeenergie.gouv.fr — used online or sent by post to the supplier; never cashed at a
            # bank; the administration never canvasses beneficiaries.
            choice(
                "Vous avez reçu votre chèque énergie. Comment payer votre facture d'électricité avec ?",
                [
                    ("Je le dépose à ma banque", "Non. Le chèque énergie ne se dépose pas sur un compte bancaire."),
                    (
                        "=Je l'utilise sur chequeenergie.gouv.fr ou je l'envoie à mon fournisseur",
                        "Oui. En ligne ou par courrier, avec votre numéro de client.",
                    ),
                    (
                        "Je le donne à la personne qui m'a appelé pour m'aider",
                        "Non. Personne n'appelle pour le chèque énergie. C'est une arnaque.",
                    ),
                ],
                "6.2",
                "Le chèque énergie paie seulement l'énergie du logement. Il va à votre fournisseur, en ligne ou par "
                "courrier.",
            ),
        ],
    },
    {
        "module": "carte-vitale-et-complementaire-sante-solidaire",
        "slug": "quiz-carte-vitale-c2s",
        "title": "Quiz : carte Vitale et complémentaire santé solidaire",
        "intro": "<p>Sept questions sur la carte Vitale, la complémentaire santé solidaire et Mon Espace Santé.</p>",
        "questions": [
            choice(
                "Dans le magasin d'applications, laquelle installer pour la carte Vitale ?",
                [
                    ("=« carte Vitale », gratuite, de l'Assurance Maladie", "Oui. C'est l'application officielle."),
                    ("« Vitale Plus », à 2,99 €", "Non. L'application officielle ne coûte rien."),
                    ("Celle qui a le plus de publicités", "Non. La publicité ne prouve rien."),
                ],
                "4.1",
                "L'application officielle est gratuite et publiée par l'Assurance Maladie.",
            ),
            yes_no(
                "Avec l'application, la carte Vitale en plastique ne sert plus à rien.",
                False,
                "6.1",
                "La carte en plastique reste valable. Certains soignants ne lisent pas encore l'application.",
                "Non. Gardez-la, elle marche toujours.",
                "Exact. La carte en plastique reste valable.",
            ),
            choice(
                "Le pharmacien vous demande votre code secret de l'application. Que faites-vous ?",
                [
                    ("Je le lui dis", "Non. Ce code est à vous seul."),
                    ("=Je refuse et je montre le QR code", "Oui. Le pharmacien n'a pas besoin de votre code."),
                    ("Je le lui écris sur un papier", "Non. Personne ne doit connaître ce code."),
                ],
                "4.2",
                "Le code protège votre carte dans le téléphone. Vous seul le tapez.",
            ),
            choice(
                "Vous touchez le RSA. Combien coûte pour vous la complémentaire santé solidaire ?",
                [
                    ("=Rien, elle est gratuite", "Oui. Avec le RSA, elle ne coûte rien."),
                    ("1 € par jour et par personne", "Non. Ce prix est pour d'autres ressources."),
                    ("Le prix d'une mutuelle normale", "Non. Elle coûte beaucoup moins cher."),
                ],
                "6.2",
                "Selon les ressources, elle est gratuite ou coûte moins de 1 € par jour et par personne.",
            ),
            choice(
                "Votre complémentaire santé solidaire finit en septembre. Quand la redemander ?",
                [
                    ("En octobre", "Non. Vous auriez un mois sans couverture."),
                    ("=En juillet, 2 mois avant la fin", "Oui. Ainsi, elle continue sans coupure."),
                    ("Jamais, elle se renouvelle seule", "Non. Vous devez la redemander chaque année."),
                ],
                "6.3",
                "Elle dure un an. La demande de renouvellement se fait 2 mois avant la fin.",
            ),
            ordering(
                "Remettez dans l'ordre la demande de complémentaire santé solidaire.",
                [
                    "Faire la simulation sur ameli.fr",
                    "Se connecter au compte ameli",
                    "Donner les personnes et les ressources du foyer",
                    "Choisir qui gère la complémentaire",
                ],
                "6.2",
                "La simulation dit d'abord si vous y avez droit. La demande se fait ensuite dans le compte ameli.",
            ),
            choice(
                "Dans Mon Espace Santé, vous ne voulez pas qu'un soignant voie un document. Que faites-vous ?",
                [
                    ("=Je masque ce document pour lui", "Oui. Vous choisissez qui voit chaque document."),
                    ("Je ferme tout mon profil", "Non. Masquer un seul document suffit."),
                    ("Je ne peux rien faire", "Non. C'est vous qui décidez des accès."),
                ],
                "4.2",
                "Dans la gestion des accès, vous masquez un document ou bloquez un soignant.",
            ),
        ],
    },
    {
        "module": "impots-au-quotidien-et-retraite",
        "slug": "quiz-impots-retraite",
        "title": "Quiz : impôts au quotidien et retraite",
        "intro": "<p>Six décisions à prendre sur vos impôts et votre retraite.</p>",
        "questions": [
            choice(
                "Vous passez à mi-temps et votre salaire baisse. Que faire pour vos impôts ?",
                [
                    (
                        "=Actualiser mon taux de prélèvement à la source",
                        "Oui. Le prélèvement baisse dès les mois suivants.",
                    ),
                    ("Attendre la déclaration de l'an prochain", "Non. Vous paierez trop en attendant."),
                    (
                        "Demander à mon employeur de ne plus rien prélever",
                        "Non. Votre employeur applique le taux des impôts.",
                    ),
                ],
                "6.2",
                "Le taux se change dans « Gérer mon prélèvement à la source », sur impots.gouv.fr.",
            ),
            choice(
                "Un courriel annonce un remboursement d'impôt de 312 € contre votre carte bancaire. Que faites-vous ?",
                [
                    ("Je donne ma carte pour être remboursé", "Non. C'est une arnaque."),
                    ("Je réponds pour demander plus d'informations", "Non. Ne répondez pas aux escrocs."),
                    (
                        "=Je supprime le courriel et je vérifie mon espace",
                        "Oui. Les vrais messages sont dans l'espace.",
                    ),
                ],
                "4.1",
                "Les impôts ne demandent jamais votre carte bancaire par courriel pour un remboursement.",
            ),
            choice(
                "Vous avez une question sur votre avis d'impôt. Quelle est la meilleure façon d'écrire ?",
                [
                    ("=La messagerie sécurisée de mon espace", "Oui. La question et la réponse y restent."),
                    ("Un commentaire sur les réseaux sociaux", "Non. Vos informations seraient publiques."),
                    ("Un courriel à une adresse trouvée sur internet", "Non. Elle n'est peut-être pas officielle."),
                ],
                "6.3",
                "La messagerie sécurisée garde une trace écrite de vos échanges avec les impôts.",
            ),
            yes_no(
                "Pour avoir une retraite de toutes vos caisses, il faut une demande par caisse.",
                False,
                "6.2",
                "Sur info-retraite.fr, une seule demande en ligne suffit pour toutes vos caisses.",
                "Non. Une seule demande suffit, sur info-retraite.fr.",
                "Exact. Une seule demande part vers toutes vos caisses.",
            ),
            choice(
                "Vous voulez partir à la retraite le 1er janvier. Quand faire la demande ?",
                [
                    ("En décembre", "Non. C'est trop tard pour être payé à temps."),
                    (
                        "=Vers juillet, environ 6 mois avant",
                        "Oui. Les caisses ont le temps de calculer votre pension.",
                    ),
                    ("Après le 1er janvier", "Non. Vous risquez des mois sans pension."),
                ],
                "6.2",
                "La demande se fait 4 à 6 mois avant la date de départ choisie.",
            ),
            choice(
                "Une année de travail manque sur votre relevé de carrière. Que faites-vous ?",
                [
                    ("Rien, elle sera ajoutée plus tard", "Non. Elle ne sera pas ajoutée sans vous."),
                    ("=Je la signale avec mes bulletins de salaire", "Oui. Ils prouvent que vous avez travaillé."),
                    ("Je paie un cabinet pour la corriger", "Non. La correction est gratuite."),
                ],
                "6.3",
                "Une année oubliée peut baisser votre pension. Signalez-la avant de demander la retraite.",
            ),
        ],
    },
    {
        "module": "titre-de-sejour-et-france-travail",
        "slug": "quiz-sejour-france-travail",
        "title": "Quiz : titre de séjour et France Travail",
        "intro": "<p>Six situations sur le titre de séjour et l'actualisation.</p>",
        "questions": [
            choice(
                "Votre titre de séjour finit le 31 août. Quand commencer le renouvellement ?",
                [
                    ("=En mai, entre 4 et 2 mois avant la fin", "Oui. Vous avez le temps de tout envoyer."),
                    ("Le 30 août", "Non. C'est trop tard, il faut au moins 2 mois avant la fin."),
                    ("En septembre", "Non. Votre titre ne serait plus valable."),
                ],
                "6.2",
                "La demande se fait entre 4 et 2 mois avant la fin du titre, sur le site de l'ANEF.",
            ),
            choice(
                "Un site propose un rendez-vous en préfecture pour 80 €. Que faites-vous ?",
                [
                    ("Je paie pour aller plus vite", "Non. Ce site n'est pas officiel."),
                    ("=Je fais la demande moi-même sur le site de l'ANEF", "Oui. La demande en ligne est gratuite."),
                    ("Je donne mon passeport au site", "Non. Ne donnez jamais vos papiers à un inconnu."),
                ],
                "4.1",
                "La demande en ligne est gratuite. Une France Services peut vous aider sans frais.",
            ),
            yes_no(
                "L'attestation de prolongation d'instruction prouve que vous êtes en règle pendant l'attente.",
                True,
                "6.3",
                "Elle est donnée quand la demande est complète. Gardez-la sur vous.",
                "Exact. Montrez-la si on vous demande vos papiers.",
                "Si. C'est elle qui prouve que votre séjour reste régulier.",
            ),
            choice(
                "Nous sommes le 3 du mois. Pouvez-vous encore faire votre actualisation ?",
                [
                    ("Non, c'était le 28", "Non. L'actualisation reste ouverte jusqu'au 15."),
                    ("=Oui, jusqu'au 15 du mois", "Oui. Elle est ouverte du 28 au 15 du mois suivant."),
                    ("Oui, jusqu'à la fin du mois", "Non. Elle ferme le 15."),
                ],
                "6.3",
                "L'actualisation est ouverte du 28 du mois au 15 du mois suivant.",
            ),
            choice(
                "Vous avez fait 2 jours de travail ce mois-ci. Que dites-vous à l'actualisation ?",
                [
                    ("Que je n'ai pas travaillé, c'est peu", "Non. Un oubli peut créer une dette."),
                    ("=Que j'ai travaillé, avec les heures exactes", "Oui. Toutes les heures se déclarent."),
                    ("Rien, je ne m'actualise pas ce mois-ci", "Non. Sans actualisation, les allocations s'arrêtent."),
                ],
                "6.2",
                "France Travail calcule vos allocations avec les heures déclarées. Il faut tout déclarer.",
            ),
            matching(
                "Associez chaque démarche à son site officiel.",
                [
                    ("Titre de séjour", "administration-etrangers-en-france.interieur.gouv.fr"),
                    ("Actualisation", "francetravail.fr"),
                    ("Carte grise", "ants.gouv.fr"),
                ],
                "6.1",
                "Tapez vous-même l'adresse officielle. Les sites copiés font souvent payer.",
            ),
        ],
    },
]

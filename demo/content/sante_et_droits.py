"""Module « Santé et droits : ameli et CAF »: ameli account, FranceConnect, CAF quarterly declaration."""

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

AMELI_SCAM = scam(
    "L'Assurance Maladie ne demande jamais vos coordonnées bancaires par SMS",
    "L'Assurance Maladie ne demande jamais votre carte bancaire, votre RIB ou votre mot de passe par SMS ou par "
    "courriel. Un message qui le fait est une arnaque. Supprimez-le.",
)

MODULE = {
    "slug": "sante-et-droits-ameli-caf",
    "title": "Santé et droits : ameli et CAF",
    "summary": "Créez votre compte ameli et connectez-vous avec FranceConnect. Déclarez chaque trimestre vos "
    "ressources à la CAF.",
    "objectives": [
        "Créer son compte ameli et télécharger une attestation de droits",
        "Se connecter à un site public avec FranceConnect",
        "Faire sa déclaration trimestrielle de ressources à la CAF",
    ],
    "level": "intermediaire",
    "duration_minutes": 60,
    "exclusion_type": "competence",
    "device": "any",
    "equipment": [
        "Un ordinateur ou un smartphone connecté à internet",
        "Une adresse électronique",
        "Un téléphone portable, pour recevoir des codes",
    ],
    "operators": ["ameli", "caf", "franceconnect", "msa"],
    "procedures": ["ameli-creer-son-compte", "franceconnect-se-connecter", "caf-declaration-trimestrielle"],
    "competences": ["6.1", "6.2", "6.3", "4.2"],
    "tutorials": [
        {
            "slug": "creer-son-compte-ameli",
            "title": "Créer son compte ameli",
            "intro": "Le compte ameli permet de suivre vos remboursements de soins. Vous pouvez y télécharger "
            "votre attestation de droits et écrire à votre caisse d'Assurance Maladie.",
            "duration_minutes": 20,
            "checklist": [
                document("Votre carte Vitale, ou un papier avec votre numéro de sécurité sociale"),
                document("Votre RIB, celui du compte où l'Assurance Maladie vous rembourse (ou votre carte Vitale)"),
                account("Votre adresse électronique et son mot de passe"),
                equipment("Votre téléphone portable"),
            ],
            "steps": [
                step(
                    "Aller sur ameli.fr",
                    p(
                        "Dans la barre d'adresse du navigateur, tapez <b>ameli.fr</b>, puis appuyez sur Entrée.",
                        "Sur un téléphone, vous pouvez aussi installer l'application « ameli » depuis le magasin "
                        "d'applications.",
                    ),
                    image="navigateur-adresse.svg",
                    alt="Un navigateur dont la barre d'adresse, en jaune, affiche https://www.ameli.fr. C'est "
                    "l'adresse officielle, à vérifier avant d'aller plus loin.",
                    callouts=[
                        scam(
                            "Le compte ameli est gratuit",
                            "Le site officiel est ameli.fr. Ne passez pas par un site qui vous demande de payer "
                            "pour créer votre compte.",
                        )
                    ],
                ),
                step(
                    "Ouvrir la création de compte",
                    p(
                        "Cliquez sur l'accès au compte ameli, puis sur <b>Créer un compte</b>.",
                    ),
                    callouts=[
                        tip(
                            "Avec FranceConnect",
                            "Vous avez déjà un compte impots.gouv ? Vous pouvez aussi entrer avec FranceConnect. "
                            "Vous n'aurez alors besoin ni de votre RIB ni de votre carte Vitale.",
                            "Voyez le tutoriel « Se connecter avec FranceConnect ».",
                        )
                    ],
                ),
                step(
                    "Donner votre numéro de sécurité sociale",
                    p(
                        "Tapez les 13 premiers chiffres de votre numéro de sécurité sociale, sans espace. Il est "
                        "écrit sur votre carte Vitale.",
                        "Le site demande aussi d'autres informations, par exemple votre date de naissance et votre "
                        "code postal.",
                    ),
                    image="ameli-compte.svg",
                    alt="Le formulaire « Créer mon compte », avec les cases Numéro de sécurité sociale et Date de "
                    "naissance. En bas, le bouton Continuer. À côté, une carte Vitale. Les 13 premiers "
                    "chiffres du numéro, sans la clé, sont ceux à taper.",
                    quiz=check(
                        "Où trouver votre numéro de sécurité sociale ?",
                        [
                            "Sur ma carte bancaire",
                            Right("Sur ma carte Vitale ou mon attestation de droits"),
                            "Sur ma facture d'électricité",
                        ],
                        "Il est aussi sur vos bulletins de salaire. Les 2 derniers chiffres sont la « clé ».",
                    ),
                ),
                step(
                    "Prouver que c'est bien vous",
                    p(
                        "Le site vous demande une information que seule l'Assurance Maladie connaît. Vous "
                        "choisissez l'une des deux :"
                    )
                    + ul(
                        # https://www.ameli.fr (« Créer votre compte ameli »): the IBAN known to your caisse, or the
                        # serial number of the carte Vitale; else a provisional code from the 36 46.
                        "des chiffres de votre IBAN, écrit sur votre RIB ;",
                        "ou le numéro de série de votre carte Vitale.",
                    )
                    + p(
                        "Suivez ce qui est écrit à l'écran.",
                    ),
                    callouts=[
                        warning(
                            "Votre RIB n'est pas reconnu ?",
                            "Prenez le RIB du compte où vous recevez vos remboursements de soins. Vous pouvez "
                            "aussi choisir le numéro de série de la carte Vitale.",
                            "Cela ne marche toujours pas "
                            "? Appelez le 36 46. Un conseiller peut vous donner un code provisoire.",
                        )
                    ],
                ),
                step(
                    "Donner votre adresse électronique et choisir un mot de passe",
                    p(
                        "Écrivez votre adresse électronique. Vérifiez-la bien, car la suite arrive par courriel.",
                        "Choisissez un mot de passe solide, que vous n'utilisez pas ailleurs.",
                    ),
                ),
                step(
                    "Confirmer votre compte",
                    p(
                        "Un courriel de l'Assurance Maladie arrive dans votre messagerie. Ouvrez-le et cliquez sur "
                        "le lien pour activer votre compte.",
                        "Vous ne le trouvez pas ? Regardez dans les indésirables.",
                    ),
                    callouts=[AMELI_SCAM],
                    quiz=check(
                        "Le courriel de confirmation n'arrive pas. Où regarder ?",
                        [
                            "Dans la corbeille de l'ordinateur",
                            "Dans le dossier « Envoyés »",
                            Right("Dans le dossier « Indésirables » ou « Spam »"),
                        ],
                        "Les courriels automatiques sont parfois rangés par erreur dans les indésirables.",
                    ),
                ),
                step(
                    "Découvrir votre compte",
                    p("Vous êtes dans votre espace personnel. Vous pouvez :")
                    + ul(
                        "voir vos remboursements ;",
                        "télécharger votre attestation de droits ;",
                        "écrire à votre caisse ;",
                        "changer votre adresse ou votre RIB.",
                    ),
                    callouts=[
                        tip(
                            "Vous dépendez de la MSA ?",
                            "Vous travaillez ou avez travaillé dans l'agriculture ? Votre caisse est peut-être la "
                            "MSA. Vos démarches se font alors sur msa.fr, pas sur ameli.",
                        )
                    ],
                ),
            ],
        },
        {
            "slug": "se-connecter-avec-franceconnect",
            "title": "Se connecter avec FranceConnect",
            "intro": "FranceConnect vous permet d'entrer sur de nombreux sites publics avec un compte que vous "
            "avez déjà. Par exemple, celui des impôts ou d'ameli.",
            "duration_minutes": 10,
            "checklist": [
                account("Un compte qui marche déjà : impots.gouv, ameli, Identité Numérique La Poste, MSA…"),
                equipment("Un ordinateur ou un smartphone"),
            ],
            "steps": [
                step(
                    "Comprendre FranceConnect",
                    p(
                        "FranceConnect n'est pas un nouveau compte. C'est un bouton qui vous fait entrer avec un "
                        "compte que vous avez déjà.",
                        "Le site de votre démarche reçoit votre identité (nom, prénoms, date et lieu de naissance) "
                        "et votre adresse électronique. Il ne voit jamais votre mot de passe.",
                    ),
                    quiz=check(
                        "FranceConnect, c'est…",
                        [
                            "Un nouveau compte, avec un nouveau mot de passe",
                            Right("Un bouton pour entrer avec un compte que j'ai déjà"),
                            "Un site payant",
                        ],
                        "FranceConnect utilise un compte existant. Vous n'avez rien à créer.",
                    ),
                ),
                step(
                    "Cliquer sur le bouton FranceConnect",
                    p(
                        "Allez sur la page de connexion du site, par exemple celui de la CAF. Cherchez le bouton "
                        "bleu <b>S'identifier avec FranceConnect</b> et cliquez dessus.",
                    ),
                    image="franceconnect.svg",
                    alt="À gauche, une page Se connecter avec deux cases. En dessous, le bouton FranceConnect. À "
                    "droite, les comptes à choisir : impots.gouv, ameli, La Poste ou France Identité.",
                ),
                step(
                    "Choisir votre compte",
                    p(
                        "FranceConnect affiche une liste de comptes. Choisissez celui que vous connaissez le mieux, "
                        "par exemple impots.gouv ou ameli.",
                    ),
                    callouts=[
                        tip(
                            "La liste peut changer",
                            "Prenez un compte dont vous connaissez bien l'identifiant et le mot de passe.",
                        ),
                        # https://franceconnect.gouv.fr (FranceConnect+): the stronger version, asked by some
                        # sensitive procedures; it accepts the Identité Numérique La Poste or France Identité.
                        tip(
                            "FranceConnect+ pour les démarches sensibles",
                            "Certaines démarches demandent <b>FranceConnect+</b>, une version plus sûre.",
                            "Il faut alors un compte plus protégé, comme l'Identité Numérique La Poste ou "
                            "l'application France Identité.",
                        ),
                    ],
                ),
                step(
                    "Vous connecter sur ce compte",
                    p(
                        "Vous arrivez sur la page de connexion du compte choisi. Tapez son identifiant et son mot "
                        "de passe. Pour impots.gouv, ce sont votre numéro fiscal et votre mot de passe des impôts.",
                    ),
                    callouts=[
                        warning(
                            "Vérifiez la barre d'adresse",
                            "Vous devez être sur le vrai site du compte choisi, par exemple impots.gouv.fr, avant "
                            "de taper votre mot de passe.",
                        )
                    ],
                    quiz=check(
                        "Vous avez choisi le compte impots.gouv. Quel mot de passe tapez-vous ?",
                        [
                            Right("Mon mot de passe des impôts"),
                            "Un nouveau mot de passe FranceConnect",
                            "Le code de ma carte bancaire",
                        ],
                        "Vous utilisez l'identifiant et le mot de passe du compte choisi. FranceConnect n'a pas "
                        "de mot de passe à lui.",
                    ),
                ),
                step(
                    "Vérifier vos informations et continuer",
                    p(
                        "FranceConnect affiche vos nom, prénoms et date de naissance. Vérifiez-les, puis cliquez "
                        "sur <b>Continuer</b>.",
                        "Vous revenez sur le site de départ, connecté.",
                    ),
                ),
                step(
                    "Se déconnecter",
                    p(
                        "Quand vous avez fini, cliquez sur <b>Se déconnecter</b> sur le site. Sur un ordinateur "
                        "partagé, c'est très important.",
                    ),
                    callouts=[
                        scam(
                            "Courriel de connexion",
                            "FranceConnect peut vous envoyer un courriel pour vous prévenir d'une connexion. Il ne "
                            "vous demande jamais votre mot de passe ni votre carte bancaire.",
                            "Une connexion que vous n'avez pas faite ? Changez tout de suite le mot de passe du "
                            "compte utilisé.",
                        )
                    ],
                ),
            ],
        },
        {
            "slug": "declarer-ressources-trimestrielles-caf",
            "title": "Déclarer ses ressources trimestrielles à la CAF",
            "intro": "Vous touchez le RSA ou la prime d'activité ? Vous déclarez vos ressources tous les trois "
            "mois. Sans déclaration, vos aides peuvent s'arrêter.",
            "duration_minutes": 20,
            "checklist": [
                account("Votre numéro d'allocataire et votre mot de passe CAF, ou FranceConnect"),
                document("Vos bulletins de salaire des mois à déclarer"),
                document("Vos autres relevés : allocations chômage, indemnités journalières, pension…"),
            ],
            "steps": [
                step(
                    "Savoir quand déclarer",
                    p(
                        "La CAF vous prévient quand votre déclaration est à faire : message dans votre compte, "
                        "courriel ou SMS. Faites-la avant la date limite indiquée.",
                    ),
                    callouts=[
                        warning(
                            "Même sans revenu",
                            "Vous n'avez rien gagné ? Déclarez quand même, en écrivant 0. Sans déclaration, le "
                            "versement de vos aides peut être suspendu.",
                        )
                    ],
                ),
                step(
                    "Vous connecter à votre compte CAF",
                    p(
                        "Allez sur <b>caf.fr</b>, ou ouvrez l'application de la CAF.",
                        "Connectez-vous avec votre numéro d'allocataire et votre mot de passe, ou avec FranceConnect.",
                    ),
                    callouts=[
                        scam(
                            "Un SMS « CAF : déclaration incomplète » ?",
                            "Ne cliquez pas sur le lien. La CAF ne vous demande jamais votre mot de passe ni votre "
                            "carte bancaire par message. Connectez-vous vous-même sur caf.fr.",
                        )
                    ],
                    quiz=check(
                        "Où trouver votre numéro d'allocataire ?",
                        ["Sur ma carte Vitale", "Sur mon avis d'impôt", Right("Sur les courriers de la CAF")],
                        "Le numéro d'allocataire est sur tous les courriers de la CAF. Gardez-le avec vos papiers.",
                    ),
                ),
                step(
                    "Ouvrir la déclaration trimestrielle",
                    p(
                        "Dans votre compte, allez dans la partie des déclarations, puis ouvrez la déclaration "
                        "trimestrielle de ressources.",
                        "Elle indique les trois mois à déclarer.",
                    ),
                    callouts=[
                        tip(
                            "Lisez bien les mois",
                            "Les mois à déclarer ne sont pas forcément les trois derniers. Regardez ceux qui sont "
                            "écrits sur la déclaration.",
                        )
                    ],
                ),
                step(
                    "Vérifier les montants déjà remplis",
                    p(
                        "Depuis 2025, vos salaires et certaines allocations (chômage, indemnités journalières, "
                        "pension) sont souvent déjà remplis.",
                        "Comparez chaque montant avec vos bulletins de salaire ou vos relevés. S'il y a une erreur, "
                        "corrigez-la.",
                    ),
                    image="caf-trimestrielle.svg",
                    alt="Une déclaration trimestrielle de ressources sur trois mois. Les salaires sont déjà remplis "
                    ": 812 €, 790 € et 845 €, à vérifier. La pension est à 0 € chaque mois. En bas, le bouton "
                    "Valider.",
                    callouts=[
                        tip(
                            "Quel montant ?",
                            "Pour le RSA et la prime d'activité, c'est le <b>montant net social</b> qui compte. Il "
                            "est écrit sur votre bulletin de salaire.",
                        )
                    ],
                    quiz=check(
                        "Sur votre bulletin de salaire, quel montant comparer ?",
                        ["Le salaire brut", Right("Le montant net social"), "Le total des cotisations"],
                        "Le montant net social est fait pour ces déclarations. Il est écrit sur chaque bulletin "
                        "de salaire.",
                    ),
                ),
                step(
                    "Ajouter ce qui manque",
                    p(
                        "Ajoutez les ressources qui ne sont pas remplies. Par exemple, une pension alimentaire "
                        "reçue ou les revenus d'un travail indépendant.",
                        "Faites-le pour chaque personne de votre foyer concernée. Rien reçu ? Écrivez 0.",
                    ),
                ),
                step(
                    "Valider et garder une preuve",
                    p(
                        "Relisez, puis cliquez sur <b>Valider</b>. Un récapitulatif s'affiche. Téléchargez-le, ou "
                        "prenez-le en photo.",
                    ),
                    quiz=check(
                        "Vous n'avez eu aucun revenu ces trois mois. Que faites-vous ?",
                        [
                            "Je ne déclare rien",
                            "J'attends d'avoir un revenu pour déclarer les trois mois ensemble",
                            Right("Je déclare quand même, avec 0"),
                        ],
                        "Sans déclaration, la CAF ne peut pas calculer vos droits. Vos aides peuvent être suspendues.",
                    ),
                ),
                step(
                    "En cas d'erreur",
                    p(
                        "Vous vous êtes trompé ? Écrivez à la CAF depuis votre compte, ou appelez le 32 30.",
                        "Si vous êtes de bonne foi, vous avez le droit à l'erreur. Corrigez dès que possible.",
                    ),
                ),
            ],
        },
    ],
}

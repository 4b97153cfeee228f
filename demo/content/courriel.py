"""Module « Le courriel »: get an email address, read and send messages, attach a document."""

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
    "slug": "le-courriel",
    "title": "Le courriel",
    "summary": "Créez votre adresse électronique, lisez et envoyez des messages, joignez un document. Presque "
    "toutes les démarches en ligne en ont besoin.",
    "objectives": [
        "Créer sa propre adresse électronique",
        "Lire ses messages, répondre et écrire un nouveau message",
        "Envoyer un document en pièce jointe",
    ],
    "level": "debutant",
    "duration_minutes": 60,
    "exclusion_type": "competence",
    "device": "any",
    "equipment": [
        "Un ordinateur ou un smartphone connecté à internet",
        "Un téléphone portable, pour recevoir un code par SMS",
    ],
    "operators": [],
    "procedures": [],
    "competences": ["2.1", "6.2", "6.3"],
    "tutorials": [
        {
            "slug": "creer-une-adresse-electronique",
            "title": "Créer une adresse électronique",
            "intro": "Une adresse électronique (on dit aussi e-mail ou courriel) est demandée par presque tous les "
            "sites officiels. Créez la vôtre, gratuitement.",
            "duration_minutes": 20,
            "checklist": [
                equipment("Un ordinateur ou un smartphone connecté à internet"),
                equipment("Votre téléphone portable, pour recevoir un code par SMS"),
                document("Une feuille et un stylo, pour noter votre nouvelle adresse"),
            ],
            "steps": [
                step(
                    "Choisir un service de messagerie",
                    p(
                        "Plusieurs services sont gratuits, par exemple Gmail (Google), Outlook (Microsoft) ou "
                        "laposte.net (La Poste). Choisissez-en un seul.",
                        "Tapez son nom dans la barre d'adresse du navigateur, ou installez son application sur "
                        "votre téléphone.",
                    ),
                    callouts=[
                        tip(
                            "À quoi ressemble une adresse ?",
                            "Une adresse électronique s'écrit comme ceci : prenom.nom@exemple.fr. Le signe @ se lit "
                            "« arobase ».",
                        ),
                        scam(
                            "C'est gratuit",
                            "Créer une adresse électronique ne coûte rien. Si un site vous demande de payer, ce "
                            "n'est pas le bon.",
                        ),
                    ],
                ),
                step(
                    "Cliquer sur « Créer un compte »",
                    p(
                        "Sur la page d'accueil du service, cliquez sur <b>Créer un compte</b> (ou « S'inscrire »).",
                        "Le site demande votre prénom, votre nom et souvent votre date de naissance.",
                    ),
                ),
                step(
                    "Choisir votre adresse",
                    p(
                        "Choisissez la partie avant le @. Le plus simple : votre prénom, un point, votre nom.",
                        "Elle est déjà prise ? Ajoutez un chiffre, par exemple votre code postal.",
                    ),
                    image="creer-adresse.svg",
                    alt="Un formulaire « Créer un compte ». On voit les cases Prénom (Marie) et Nom (Durand). En "
                    "jaune, la case Adresse souhaitée contient marie.durand76@exemple.fr. En bas, "
                    "le bouton Suivant.",
                    callouts=[
                        tip(
                            "Une adresse sérieuse",
                            "Vous donnerez cette adresse à la CAF, à un employeur, à France Travail. Choisissez-la "
                            "simple à dicter.",
                        )
                    ],
                    quiz=check(
                        "Quelle adresse est la plus pratique pour vos démarches ?",
                        [
                            "loulou.lamalice2000@exemple.fr",
                            "marie.durand.caf.mdp1234@exemple.fr",
                            Right("marie.durand76@exemple.fr"),
                        ],
                        "Une adresse avec votre prénom et votre nom est facile à dicter et fait sérieux. N'y "
                        "mettez jamais de mot de passe.",
                    ),
                ),
                step(
                    "Choisir un mot de passe",
                    p(
                        "Choisissez un mot de passe long, d'au moins 12 caractères, que vous n'utilisez nulle "
                        "part ailleurs. Tapez-le deux fois.",
                        "Besoin d'aide ? Suivez le tutoriel « Créer un mot de passe solide ».",
                    ),
                    callouts=[
                        warning(
                            "Le plus important de vos mots de passe",
                            "Avec l'accès à votre messagerie, quelqu'un pourrait changer les mots de passe de vos "
                            "autres comptes. Protégez-le bien.",
                        )
                    ],
                ),
                step(
                    "Vérifier avec votre téléphone",
                    p(
                        "Donnez votre numéro de téléphone portable. Le site envoie un code par SMS. Tapez-le sur "
                        "le site.",
                        "Ce numéro vous servira aussi si vous oubliez votre mot de passe.",
                    ),
                    quiz=check(
                        "Vous recevez un code par SMS. Qu'en faites-vous ?",
                        [
                            Right("Je le tape moi-même sur le site"),
                            "Je le donne à la personne qui m'appelle pour m'aider",
                            "Je le transfère par SMS à un proche pour qu'il le garde",
                        ],
                        "Le code sert seulement sur le site. Quelqu'un qui vous le demande au téléphone essaie "
                        "de vous voler votre compte.",
                    ),
                ),
                step(
                    "Accepter les conditions et noter votre adresse",
                    p(
                        "Lisez les conditions, puis acceptez-les. Votre boîte de messagerie s'ouvre.",
                        "Notez votre nouvelle adresse sur une feuille. N'écrivez pas le mot de passe à côté.",
                    ),
                    callouts=[
                        tip(
                            "Sur un ordinateur partagé",
                            "Quand vous avez fini, cliquez sur votre nom ou votre photo, puis sur « Se déconnecter ».",
                        )
                    ],
                ),
            ],
        },
        {
            "slug": "lire-et-envoyer-un-message",
            "title": "Lire et envoyer un message",
            "intro": "Ouvrez votre messagerie, lisez les messages reçus, répondez, et écrivez un nouveau message.",
            "duration_minutes": 20,
            "checklist": [
                account("Votre adresse électronique et son mot de passe"),
                document("L'adresse électronique de la personne à qui vous voulez écrire"),
            ],
            "steps": [
                step(
                    "Ouvrir votre messagerie",
                    p(
                        "Allez sur le site de votre messagerie, ou ouvrez son application sur votre téléphone.",
                        "Connectez-vous avec votre adresse électronique et votre mot de passe.",
                    ),
                ),
                step(
                    "Lire un message reçu",
                    p(
                        "La <b>boîte de réception</b> contient les messages reçus. Les messages pas encore lus "
                        "sont souvent écrits en gras.",
                        "Cliquez sur un message pour le lire.",
                    ),
                    image="boite-reception.svg",
                    alt="Une messagerie avec la boîte de réception et trois messages. Ceux de la CAF et de la "
                    "mairie sont en gras, avec un point bleu. Ils ne sont pas encore lus. En bas, le bouton "
                    "Écrire, pour un "
                    "nouveau message.",
                    quiz=check(
                        "Un message est écrit en gras. Qu'est-ce que cela veut dire ?",
                        ["Il est dangereux", Right("Je ne l'ai pas encore lu"), "Il a été supprimé"],
                        "Le gras signale les messages pas encore ouverts. Une fois lu, le message s'écrit "
                        "normalement.",
                    ),
                ),
                step(
                    "Regarder dans les indésirables",
                    p(
                        "Un message attendu n'arrive pas ? Regardez dans le dossier <b>Indésirables</b> (ou "
                        "« Spam »). Les vrais messages y arrivent parfois par erreur.",
                    ),
                    callouts=[
                        scam(
                            "Méfiez-vous des messages trop pressants",
                            "Un message demande de l'argent, un code ou votre carte bancaire ? Il est suspect, "
                            "même s'il porte le nom de la CAF. Ne cliquez pas sur ses liens.",
                        )
                    ],
                ),
                step(
                    "Répondre à un message",
                    p(
                        "Ouvrez le message, puis cliquez sur <b>Répondre</b>. L'adresse et l'objet sont déjà remplis.",
                        "Écrivez votre réponse, puis cliquez sur <b>Envoyer</b>.",
                    ),
                ),
                step(
                    "Écrire un nouveau message",
                    p("Cliquez sur <b>Nouveau message</b> (ou « Écrire », ou le dessin d'un crayon). Remplissez :")
                    + ul(
                        "<b>À</b> : l'adresse électronique de la personne ;",
                        "<b>Objet</b> : le sujet, en quelques mots ;",
                        "le texte du message, en dessous.",
                    ),
                    callouts=[
                        tip(
                            "Un objet clair",
                            "Par exemple : « Demande de rendez-vous — Marie Durand ». La personne sait tout de "
                            "suite de quoi il s'agit.",
                        )
                    ],
                    quiz=check(
                        "Dans quelle case écrivez-vous l'adresse de la personne ?",
                        ["Objet", Right("À"), "Dans le texte du message"],
                        "La case « À » reçoit l'adresse. L'objet, c'est le sujet du message.",
                    ),
                ),
                step(
                    "Vérifier et envoyer",
                    p(
                        "Relisez l'adresse lettre par lettre : avec une seule erreur, le message n'arrive pas.",
                        "Cliquez sur <b>Envoyer</b>. Le message est rangé dans le dossier « Envoyés ».",
                    ),
                    quiz=check(
                        "Comment savoir si votre message est bien parti ?",
                        [
                            Right("Il est dans le dossier « Envoyés »"),
                            "Il est dans le dossier « Brouillons »",
                            "Il est encore affiché à l'écran",
                        ],
                        "Un message dans « Brouillons » n'est pas parti. Ouvrez-le et cliquez sur Envoyer.",
                    ),
                ),
            ],
        },
        {
            "slug": "joindre-un-document",
            "title": "Joindre un document à un message",
            "intro": "Apprenez à envoyer un justificatif, une attestation ou une photo avec votre message. On dit "
            "« en pièce jointe ».",
            "duration_minutes": 20,
            "checklist": [
                account("Votre adresse électronique et son mot de passe"),
                document("Le document à envoyer, enregistré sur votre appareil ou pris en photo"),
            ],
            "steps": [
                step(
                    "Préparer le document",
                    p(
                        "Le document doit être sur votre appareil. C'est un fichier téléchargé ou une photo. Les "
                        "fichiers téléchargés vont souvent dans le dossier « Téléchargements ».",
                        "Pour un papier, prenez-le en photo à plat, en entier, avec une bonne lumière. Ou passez-le "
                        "au scanner.",
                    ),
                    callouts=[
                        tip(
                            "Scanner avec le téléphone",
                            "Beaucoup de téléphones savent « scanner » un papier avec l'appareil photo. Le "
                            "document est alors redressé et plus lisible qu'une simple photo.",
                        )
                    ],
                ),
                step(
                    "Écrire le message",
                    p(
                        "Ouvrez un nouveau message. Remplissez l'adresse, l'objet, et quelques mots pour dire ce "
                        "que vous envoyez et pourquoi.",
                    ),
                ),
                step(
                    "Cliquer sur le trombone",
                    p(
                        "Cliquez sur le dessin du <b>trombone</b>, parfois appelé « Joindre » ou « Pièce jointe ».",
                        "Une fenêtre s'ouvre pour choisir le fichier.",
                    ),
                    image="piece-jointe.svg",
                    alt="Un nouveau message. Les champs À et Objet sont remplis. Le fichier facture.pdf est joint. "
                    "En bas, le bouton Envoyer et, entouré de jaune, le trombone qui sert à joindre un fichier.",
                    quiz=check(
                        "Quel dessin sert à joindre un document ?",
                        ["La poubelle", "L'étoile", Right("Le trombone")],
                        "Le trombone, comme pour attacher des feuilles, sert à joindre un fichier.",
                    ),
                ),
                step(
                    "Choisir le fichier",
                    ul(
                        "Sur un ordinateur : ouvrez le dossier « Téléchargements » ou « Documents », cliquez sur le "
                        "fichier, puis sur <b>Ouvrir</b>.",
                        "Sur un téléphone : choisissez « Photos », « Galerie » ou « Fichiers », puis touchez le "
                        "document.",
                    ),
                ),
                step(
                    "Attendre la fin du chargement",
                    p(
                        "Le nom du fichier apparaît dans le message. Attendez que le chargement soit fini avant "
                        "d'envoyer.",
                    ),
                    callouts=[
                        warning(
                            "Fichier trop lourd",
                            "Les messageries refusent les fichiers trop gros, souvent au-delà de 20 Mo. Envoyez "
                            "les photos une par une, ou en taille réduite.",
                        )
                    ],
                ),
                step(
                    "Vérifier et envoyer",
                    p(
                        "Cliquez sur le fichier joint pour vérifier que c'est le bon document, bien lisible.",
                        "Puis cliquez sur <b>Envoyer</b>.",
                    ),
                    callouts=[
                        scam(
                            "Une pièce jointe inattendue",
                            "Une « facture impayée » ou un « avis » que vous n'attendiez pas, envoyé par un "
                            "inconnu, peut contenir un virus. Ne l'ouvrez pas et supprimez le message.",
                        )
                    ],
                    quiz=check(
                        "Un inconnu vous envoie une « facture impayée » en pièce jointe. Que faites-vous ?",
                        [
                            "Je l'ouvre pour voir",
                            "Je réponds pour demander qui l'envoie",
                            Right("Je ne l'ouvre pas et je supprime le message"),
                        ],
                        "Les pièces jointes piégées sont une arnaque courante. Dans le doute, n'ouvrez pas.",
                    ),
                ),
            ],
        },
    ],
}

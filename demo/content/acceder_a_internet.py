"""Module « Accéder à internet »: getting online and finding a place to be helped (equipment and access)."""

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
    "slug": "acceder-a-internet",
    "title": "Accéder à internet",
    "summary": "Pas d'ordinateur ou pas de connexion ? Connectez votre smartphone au wifi. Trouvez près de chez "
    "vous un lieu gratuit pour utiliser un ordinateur et être aidé.",
    "objectives": [
        "Connecter son smartphone à un réseau wifi",
        "Savoir où trouver un ordinateur et de l'aide gratuitement",
        "Préparer sa venue dans un lieu d'accueil",
    ],
    "level": "debutant",
    "duration_minutes": 25,
    "exclusion_type": "equipment",
    "device": "any",
    "equipment": [
        "Un smartphone, pour le wifi",
        "Le nom et la clé de votre réseau wifi, si vous avez une box",
    ],
    "operators": [],
    "procedures": [],
    "competences": ["0.3", "2.4", "5.1"],
    "tutorials": [
        {
            "slug": "se-connecter-au-wifi",
            "title": "Se connecter au wifi avec un smartphone",
            "intro": "Le wifi permet d'aller sur internet sans utiliser votre forfait mobile. Chez vous, à la "
            "médiathèque ou dans un lieu d'accueil, voici comment vous connecter.",
            "duration_minutes": 10,
            "checklist": [
                equipment("Votre smartphone, chargé"),
                document("Le nom du réseau wifi et sa clé, écrits sur l'étiquette de la box ou donnés par l'accueil"),
            ],
            "steps": [
                step(
                    "Ouvrir les paramètres",
                    p(
                        "Sur l'écran d'accueil, touchez l'application en forme de roue dentée : <b>Paramètres</b> "
                        "(ou <b>Réglages</b> sur iPhone).",
                    ),
                    callouts=[
                        tip(
                            "Plus rapide",
                            "Sur beaucoup de téléphones, glissez du haut de l'écran vers le bas. Puis faites un "
                            "appui long sur le symbole du wifi.",
                        )
                    ],
                ),
                step(
                    "Activer le wifi",
                    p(
                        "Touchez <b>Wi-Fi</b>. Il est parfois rangé dans « Connexions » ou « Réseau et internet ».",
                        "Touchez l'interrupteur pour l'activer. Il devient coloré.",
                    ),
                    image="wifi.svg",
                    alt="Le réglage Wi-Fi d'un téléphone, activé. La liste montre trois réseaux ; le réseau "
                    "MaBox-1234 est surligné. À côté, l'étiquette d'une box donne le nom du réseau et la clé Wi-Fi.",
                ),
                step(
                    "Choisir votre réseau",
                    p(
                        "La liste des réseaux proches s'affiche. Touchez le nom de votre réseau.",
                        "Chez vous, ce nom est écrit sur l'étiquette de votre box, souvent dessous ou derrière.",
                    ),
                    quiz=check(
                        "Où trouver le nom et la clé du wifi de votre box ?",
                        [
                            "Sur la facture de mon téléphone portable",
                            Right("Sur l'étiquette de la box"),
                            "Dans mes SMS",
                        ],
                        "L'étiquette de la box donne le nom du réseau et sa clé. On peut aussi les trouver dans "
                        "l'espace client de votre fournisseur internet.",
                    ),
                ),
                step(
                    "Taper la clé wifi",
                    p(
                        "Tapez la clé (le mot de passe du wifi) exactement comme sur l'étiquette : majuscules, "
                        "minuscules et chiffres comptent.",
                        "Touchez l'œil pour voir ce que vous tapez. Puis touchez <b>Se connecter</b>.",
                    ),
                    callouts=[
                        warning(
                            "« Mot de passe incorrect » ?",
                            "Retapez la clé lentement. Attention aux signes qui se ressemblent : O (la lettre) et "
                            "0 (zéro), l (L minuscule) et I (i majuscule).",
                        )
                    ],
                ),
                step(
                    "Vérifier la connexion",
                    p(
                        "Le symbole du wifi, en forme d'éventail, apparaît en haut de l'écran. Vous êtes connecté.",
                        "Le téléphone retient ce réseau. La prochaine fois, il se connectera tout seul.",
                    ),
                ),
                step(
                    "Le wifi public : gare, café, médiathèque",
                    p(
                        "Certains wifi gratuits ouvrent une page où il faut accepter les conditions avant de "
                        "naviguer. Lisez-la, puis acceptez.",
                    ),
                    callouts=[
                        scam(
                            "Wifi gratuit, carte bancaire : danger",
                            "Un wifi gratuit ne demande pas votre numéro de carte bancaire. Si c'est le cas, "
                            "fermez la page et n'écrivez rien.",
                        ),
                        warning(
                            "Vos démarches importantes",
                            "Pour la banque, les impôts ou la CAF, préférez le wifi de la maison. Vous pouvez "
                            "aussi utiliser le réseau mobile de votre forfait (4G ou 5G).",
                        ),
                    ],
                    quiz=check(
                        "Le wifi gratuit de la gare vous demande votre carte bancaire. Que faites-vous ?",
                        [
                            "Je donne ma carte, c'est normal",
                            "Je donne seulement le numéro, sans le code au dos",
                            Right("Je ferme la page et je n'écris rien"),
                        ],
                        "Un accès gratuit n'a pas besoin de votre carte. C'est sans doute un piège.",
                    ),
                ),
            ],
        },
        {
            "slug": "trouver-un-lieu-pour-etre-aide",
            "title": "Trouver un lieu pour être aidé",
            "intro": "Pas d'ordinateur, pas d'internet, ou besoin d'un coup de main ? Des lieux près de chez vous "
            "vous accueillent gratuitement.",
            "duration_minutes": 10,
            "checklist": [
                document("Une pièce d'identité"),
                document("Les courriers et papiers de votre démarche"),
                account("Vos identifiants, si vous avez déjà un compte (gardez-les pour vous)"),
            ],
            "steps": [
                step(
                    "Savoir où aller",
                    p("Plusieurs lieux vous accueillent :")
                    + ul(
                        "les espaces <b>France Services</b>, où des agents vous aident pour la CAF, l'Assurance "
                        "Maladie, les impôts… ;",
                        "les <b>conseillers numériques</b>, dans des mairies, médiathèques, centres sociaux ou "
                        "associations ;",
                        "les médiathèques, qui prêtent souvent des ordinateurs.",
                    ),
                    image="lieu-aide.svg",
                    alt="Une conseillère assise à côté d'une personne, devant un ordinateur, à un bureau "
                    "d'accueil numérique.",
                ),
                step(
                    "Chercher le lieu le plus proche",
                    p(
                        "Sur Pas à pas, ouvrez la page « Trouver un lieu » depuis l'accueil du site.",
                        "Vous pouvez aussi demander à votre mairie.",
                    ),
                    callouts=[
                        tip(
                            "Appelez avant de venir",
                            "L'aide est gratuite. Appelez pour savoir s'il faut prendre rendez-vous et quels "
                            "papiers apporter.",
                        )
                    ],
                    quiz=check(
                        "L'aide d'un espace France Services pour une démarche, c'est…",
                        ["Payant, selon la démarche", Right("Gratuit"), "Réservé aux personnes qui ont un compte"],
                        "L'accueil et l'accompagnement dans les espaces France Services sont gratuits.",
                    ),
                ),
                step(
                    "Préparer votre venue",
                    p(
                        "Rassemblez les papiers de votre démarche : courriers reçus, pièce d'identité, carte "
                        "Vitale, numéro d'allocataire…",
                        "Écrivez votre question sur une feuille. Ainsi, vous n'oublierez rien.",
                    ),
                ),
                step(
                    "Garder vos codes secrets",
                    p(
                        "La personne qui vous aide peut vous montrer comment faire. Tapez vous-même vos mots de "
                        "passe et vos codes. Vous pouvez lui demander de regarder ailleurs.",
                    ),
                    callouts=[
                        tip(
                            "Aidants Connect",
                            "Un professionnel doit faire une démarche à votre place ? Il peut utiliser Aidants "
                            "Connect. Vous signez une autorisation, appelée mandat. Vous ne lui donnez pas votre "
                            "mot de passe.",
                        ),
                        scam(
                            "Une aide payante pour une démarche gratuite",
                            "Personne ne doit vous faire payer pour remplir une démarche gratuite, ni garder vos "
                            "codes. En cas de doute, parlez-en à votre mairie.",
                        ),
                    ],
                    quiz=check(
                        "Une personne vous aide à remplir votre dossier. Qui tape votre mot de passe ?",
                        [
                            Right("Moi, et la personne regarde ailleurs"),
                            "La personne qui m'aide, je le lui dis",
                            "Je l'écris sur une feuille et je la donne à la personne",
                        ],
                        "Votre mot de passe est secret, même pour quelqu'un qui vous aide.",
                    ),
                ),
                step(
                    "Apprendre à faire seul",
                    p(
                        "Demandez à faire la démarche <i>avec</i> la personne, pas qu'elle la fasse <i>pour</i> "
                        "vous. Notez les étapes.",
                        "Revenez aux ateliers. C'est en pratiquant qu'on apprend.",
                    ),
                ),
            ],
        },
    ],
}

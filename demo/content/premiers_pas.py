"""Module « Premiers pas »: the mouse, the keyboard, a smartphone's touch screen."""

from demo.content.build import Right, account, check, equipment, p, step, tip, ul, warning

MODULE = {
    "slug": "premiers-pas",
    "title": "Premiers pas",
    "summary": "Apprenez les gestes de base, à votre rythme. La souris, le clavier et l'écran tactile d'un "
    "smartphone n'auront plus de secret.",
    "objectives": [
        "Déplacer la souris et cliquer au bon endroit",
        "Écrire avec le clavier des majuscules, des chiffres et le @",
        "Appuyer, faire glisser et agrandir sur l'écran tactile d'un smartphone",
    ],
    "level": "debutant",
    "duration_minutes": 45,
    "exclusion_type": "competence",
    "device": "any",
    "equipment": [
        "Un ordinateur avec une souris et un clavier (chez vous ou dans un lieu d'accueil)",
        "Un smartphone, si vous en avez un",
    ],
    "operators": [],
    "procedures": [],
    "competences": ["0.1", "0.2", "5.2"],
    "tutorials": [
        {
            "slug": "utiliser-la-souris",
            "title": "Utiliser la souris",
            "intro": "La souris sert à montrer et à choisir ce que vous voulez sur l'écran. Apprenez à la tenir, "
            "à la déplacer et à cliquer.",
            "duration_minutes": 15,
            "checklist": [equipment("Un ordinateur allumé, avec une souris")],
            "steps": [
                step(
                    "Tenir la souris",
                    p(
                        "Posez la main sur la souris, bien à plat. Le fil, s'il y en a un, part vers l'écran.",
                        "Votre index est sur le bouton de gauche. Votre majeur est sur le bouton de droite.",
                    ),
                    image="souris.svg",
                    alt="Une souris vue de dessus. Le bouton de gauche, en bleu, est celui qu'on utilise le plus. "
                    "Au milieu, la molette. À droite, le bouton droit. À côté, la flèche et la petite main qui "
                    "montre un lien.",
                    callouts=[
                        tip(
                            "Sur un ordinateur portable",
                            "Il n'y a pas toujours de souris. Le pavé tactile, sous le clavier, la remplace. "
                            "Faites glisser un doigt dessus pour bouger la flèche.",
                        )
                    ],
                ),
                step(
                    "Déplacer la flèche",
                    p(
                        "Faites glisser la souris sur la table, sans la soulever. Regardez l'écran. Une petite "
                        "flèche bouge en même temps.",
                        "Vous arrivez au bord de la table ? Soulevez la souris, reposez-la au milieu, et continuez.",
                    ),
                    callouts=[tip("Regardez l'écran", "Regardez la flèche sur l'écran, pas votre main.")],
                    quiz=check(
                        "La souris est au bord de la table, mais la flèche n'est pas encore au bon endroit. Que "
                        "faites-vous ?",
                        [
                            "Je secoue la souris",
                            Right("Je soulève la souris, je la replace au milieu et je continue"),
                            "J'éteins l'ordinateur",
                        ],
                        "Quand la souris est soulevée, la flèche ne bouge pas. Vous pouvez la replacer sans risque.",
                    ),
                ),
                step(
                    "Cliquer",
                    p(
                        "Placez la flèche sur ce que vous voulez choisir. Appuyez une fois, brièvement, sur le "
                        "bouton de gauche, puis relâchez. C'est un <b>clic</b>.",
                        "Ne bougez pas la souris pendant que vous cliquez.",
                        "Quand la flèche devient une petite main, vous êtes sur un lien. Un clic vous emmène vers "
                        "une autre page.",
                    ),
                    quiz=check(
                        "La flèche devient une petite main. Qu'est-ce que cela veut dire ?",
                        [
                            "L'ordinateur est en panne",
                            "Je dois appuyer sur le bouton de droite",
                            Right("Je suis sur un lien, je peux cliquer"),
                        ],
                        "La petite main montre un lien ou un bouton. Un clic gauche l'ouvre.",
                    ),
                ),
                step(
                    "Double-cliquer",
                    p(
                        "Pour ouvrir un dossier ou un fichier sur le bureau de l'ordinateur, faites un "
                        "double-clic. Cliquez deux fois très vite sur le bouton de gauche, sans bouger la souris.",
                        "Sur une page internet, un seul clic suffit.",
                    ),
                    callouts=[
                        warning(
                            "Sur internet, un seul clic",
                            "Cliquer deux fois sur « Valider » ou « Payer » peut envoyer votre demande deux fois. "
                            "Cliquez une fois, puis attendez que la page change.",
                        )
                    ],
                ),
                step(
                    "Faire défiler la page avec la molette",
                    p(
                        "La molette est la petite roue entre les deux boutons.",
                        "Tournez-la avec l'index vers vous pour faire descendre la page. Tournez-la vers l'écran "
                        "pour la faire remonter.",
                    ),
                ),
                step(
                    "Le clic droit",
                    p(
                        "Le bouton de droite ouvre un petit menu avec d'autres choix : copier, enregistrer…",
                        "Ce menu s'est ouvert par erreur ? Appuyez sur la touche <b>Échap</b> du clavier, ou "
                        "cliquez à côté du menu.",
                    ),
                    quiz=check(
                        "Un petit menu s'est ouvert par erreur. Comment le fermer ?",
                        [
                            Right("J'appuie sur Échap ou je clique à côté du menu"),
                            "Je clique sur le premier choix du menu",
                            "J'éteins l'écran",
                        ],
                        "Le menu se ferme sans rien faire. Vous ne perdez rien.",
                    ),
                ),
            ],
        },
        {
            "slug": "ecrire-avec-le-clavier",
            "title": "Écrire avec le clavier",
            "intro": "Le clavier sert à écrire : votre nom, une adresse, un message. Découvrez les touches les plus "
            "utiles d'un clavier français.",
            "duration_minutes": 15,
            "checklist": [
                equipment("Un ordinateur avec un clavier"),
                equipment("Une page où l'on peut écrire, par exemple un moteur de recherche"),
            ],
            "steps": [
                step(
                    "Cliquer dans la case avant d'écrire",
                    p(
                        "Avant d'écrire, cliquez dans la case où le texte doit aller.",
                        "Un petit trait qui clignote apparaît. C'est le <b>curseur</b>. Les lettres s'écrivent "
                        "à cet endroit.",
                    ),
                    quiz=check(
                        "Vous tapez des lettres, mais rien ne s'écrit. Que faites-vous d'abord ?",
                        [
                            "J'appuie plus fort sur les touches",
                            "Je redémarre l'ordinateur",
                            Right("Je clique dans la case où je veux écrire"),
                        ],
                        "Le texte s'écrit là où se trouve le curseur. Cliquez d'abord dans la bonne case.",
                    ),
                ),
                step(
                    "Écrire des lettres et des espaces",
                    p(
                        "Appuyez une fois sur une touche. La lettre apparaît.",
                        "Pour séparer deux mots, appuyez sur la grande barre en bas du clavier. C'est la <b>barre "
                        "d'espace</b>.",
                    ),
                    image="clavier.svg",
                    alt="Un clavier. En bleu, la touche Maj. En vert, la touche Entrée. En rouge, la touche pour "
                    "effacer. En jaune, la touche Alt Gr et la touche 0 à @, qui servent à écrire @.",
                    callouts=[
                        tip(
                            "Appuyez brièvement",
                            "Si vous gardez le doigt sur une touche, la lettre se répète : aaaaaa. Appuyez puis "
                            "relâchez.",
                        )
                    ],
                ),
                step(
                    "Écrire une majuscule ou un chiffre",
                    p(
                        "Gardez le doigt sur la touche <b>Maj</b> (une flèche vers le haut ⇧), puis appuyez sur la "
                        "lettre. Relâchez les deux touches. Vous obtenez une majuscule.",
                        "Sur un clavier français, les chiffres de la rangée du haut s'écrivent aussi avec la "
                        "touche Maj. Vous pouvez aussi utiliser le pavé de chiffres à droite, s'il y en a un.",
                    ),
                    callouts=[
                        warning(
                            "Tout s'écrit en MAJUSCULES ?",
                            "Vous avez appuyé sur la touche <b>Verr. Maj</b> (avec un cadenas), à gauche. Appuyez "
                            "une fois dessus pour revenir aux minuscules.",
                            "Dans un mot de passe, une majuscule et une minuscule ne sont pas la même chose.",
                        )
                    ],
                    quiz=check(
                        "Comment écrire le chiffre 5 avec la rangée du haut d'un clavier français ?",
                        ["Deux fois sur la touche 5", Right("Maj + la touche 5"), "Alt Gr + la touche 5"],
                        "Sans Maj, la touche 5 écrit une parenthèse « ( ». Avec Maj, elle écrit 5.",
                    ),
                ),
                step(
                    "Effacer une erreur",
                    p(
                        "La touche <b>Retour arrière</b> (une flèche vers la gauche ⌫, au-dessus de Entrée) efface "
                        "la lettre à gauche du curseur.",
                        "La touche <b>Suppr</b> efface la lettre à droite du curseur.",
                    ),
                ),
                step(
                    "Écrire le @ d'une adresse électronique",
                    p(
                        "Le signe @ se lit « arobase ». Il est dans toutes les adresses électroniques.",
                        "Sur un clavier français, gardez le doigt sur la touche <b>Alt Gr</b>, à droite de la "
                        "barre d'espace. Puis appuyez sur la touche <b>à</b>, celle du chiffre 0. Relâchez.",
                    ),
                    callouts=[
                        tip(
                            "Pas de @ ?",
                            "Sur certains claviers, le @ est ailleurs. Cherchez le petit dessin @ sur les touches.",
                        )
                    ],
                    quiz=check(
                        "Quelles touches faut-il pour écrire @ sur un clavier français ?",
                        [Right("Alt Gr + la touche à"), "Maj + la touche A", "Entrée + la touche à"],
                        "Alt Gr donne le troisième signe dessiné sur une touche : ici, le @.",
                    ),
                ),
                step(
                    "Valider avec Entrée",
                    p(
                        "La touche <b>Entrée</b> est la grande touche avec une flèche ↵. Elle valide ce que vous "
                        "avez écrit. Elle lance une recherche, ou passe à la ligne dans un message.",
                    ),
                ),
            ],
        },
        {
            "slug": "ecran-tactile-smartphone",
            "title": "L'écran tactile d'un smartphone",
            "intro": "Sur un smartphone, vos doigts remplacent la souris. Voici les gestes de base et le clavier "
            "qui s'affiche sur l'écran.",
            "duration_minutes": 15,
            "checklist": [
                equipment("Un smartphone chargé"),
                account("Le code pour déverrouiller votre téléphone, si vous en avez un"),
            ],
            "steps": [
                step(
                    "Allumer et déverrouiller",
                    p(
                        "Appuyez sur le bouton sur le côté du téléphone. L'écran s'allume.",
                        "Faites glisser le doigt de bas en haut. Puis tapez votre code, dessinez votre schéma, ou "
                        "posez le doigt sur le capteur d'empreinte.",
                    ),
                    callouts=[
                        warning(
                            "Votre code est secret",
                            "Ne donnez pas le code de votre téléphone. Si quelqu'un vous aide, tapez-le vous-même.",
                        )
                    ],
                ),
                step(
                    "Appuyer",
                    p(
                        "Touchez l'écran une fois, brièvement, du bout du doigt : cela ouvre une application ou "
                        "appuie sur un bouton.",
                        "Inutile d'appuyer fort.",
                    ),
                    image="ecran-tactile.svg",
                    alt="Trois téléphones montrent trois gestes. Appuyer d'un petit coup. Faire glisser le doigt "
                    "vers le haut ou vers le bas. Écarter deux doigts pour agrandir.",
                    quiz=check(
                        "Pour ouvrir une application, que faites-vous ?",
                        [
                            "J'appuie très fort pendant dix secondes",
                            "Je touche son dessin deux fois très vite",
                            Right("Je touche son dessin une fois"),
                        ],
                        "Un petit coup suffit. Un appui long ouvre d'autres choix.",
                    ),
                ),
                step(
                    "L'appui long",
                    p(
                        "Gardez le doigt posé une ou deux secondes. Un menu apparaît avec d'autres choix.",
                        "Pour le fermer sans rien choisir, touchez à côté.",
                    ),
                    callouts=[
                        warning(
                            "Les dessins tremblent ?",
                            "Si les applications se mettent à bouger, ou si « Supprimer » apparaît, vous avez fait "
                            "un appui long. Touchez un endroit vide de l'écran pour annuler.",
                        )
                    ],
                ),
                step(
                    "Faire glisser",
                    p(
                        "Posez le doigt et faites-le glisser vers le haut : la page descend et montre la suite.",
                        "Glissez vers la gauche ou la droite pour passer d'une photo ou d'une page d'applications "
                        "à l'autre.",
                    ),
                ),
                step(
                    "Agrandir",
                    p(
                        "Un texte est trop petit ? Posez deux doigts sur l'écran et écartez-les.",
                        "Pour revenir, rapprochez les deux doigts. On dit « pincer ».",
                    ),
                    callouts=[
                        tip(
                            "Écrire plus gros tout le temps",
                            "Dans les <b>Paramètres</b> du téléphone (<b>Réglages</b> sur iPhone), cherchez "
                            "« Affichage », puis la taille du texte, pour agrandir l'écriture partout.",
                        )
                    ],
                ),
                step(
                    "Écrire avec le clavier de l'écran",
                    p("Touchez une case pour écrire. Un clavier apparaît en bas de l'écran.")
                    + ul(
                        "la flèche ⇧ donne une majuscule ;",
                        "la touche « 123 » ou « ?123 » montre les chiffres et le @ ;",
                        "la touche ⌫ efface la dernière lettre.",
                    ),
                    quiz=check(
                        "Où trouver les chiffres sur le clavier de l'écran ?",
                        [
                            Right("Sur la touche « 123 » ou « ?123 »"),
                            "Sur la touche ⇧, en gardant le doigt dessus",
                            "Il faut brancher un vrai clavier",
                        ],
                        "Cette touche change le clavier : chiffres et signes apparaissent. Elle revient aux "
                        "lettres avec « ABC ».",
                    ),
                ),
                step(
                    "Revenir en arrière ou à l'accueil",
                    p(
                        "Le bouton ou le geste « retour » ramène à l'écran d'avant.",
                        "Pour revenir à l'écran d'accueil, appuyez sur le bouton d'accueil. Sur d'autres "
                        "téléphones, glissez du bas de l'écran vers le haut.",
                    ),
                    callouts=[
                        tip(
                            "Chaque téléphone est un peu différent",
                            "Si vous êtes perdu, demandez à un conseiller numérique de vous montrer sur votre "
                            "propre téléphone.",
                        )
                    ],
                ),
            ],
        },
    ],
}

"""Demo « Faire le point »: 9 equipment questions (two skipped after « Aucun appareil ») and 36 competence questions
over 6 competences, levels 1 to 3 (a beginner answering « Je ne sais pas » sees 6 of them, an expert 12)."""

from assessments.blocks import question_to_block_data
from assessments.models import Competence, DiagnosticPage
from demo.questions import multiple, short, single, true_false

# (question, pictogram, several answers allowed, [(answer, gap it reveals)], gaps after which it is not asked)
NO_DEVICE = ["no_device"]
EQUIPMENT = [
    (
        "Quels appareils pouvez-vous utiliser pour aller sur internet ?",
        "learn",
        True,
        [
            ("Un ordinateur à la maison", ""),
            ("Un smartphone", ""),
            ("Une tablette", ""),
            ("Aucun appareil", "no_device"),
        ],
        [],
    ),
    (
        "L'appareil que vous utilisez le plus est-il à vous ?",
        "learn",
        False,
        [
            ("Oui, il est à moi", ""),
            ("Je le partage avec d'autres personnes", "shared_device"),
        ],
        NO_DEVICE,
    ),
    (
        "Comment allez-vous sur internet avec cet appareil ?",
        "place",
        False,
        [
            ("Avec une box internet à la maison", ""),
            ("Avec les données mobiles de mon téléphone", ""),
            ("Seulement avec le Wi-Fi public (médiathèque, café…)", "public_wifi_only"),
            ("Je ne vais pas sur internet", "no_internet"),
        ],
        NO_DEVICE,
    ),
    (
        "Avez-vous une adresse électronique (un « mail ») ?",
        "help",
        False,
        [
            ("Oui, et je connais son mot de passe", ""),
            ("Oui, mais j'ai oublié le mot de passe", "email_password_unknown"),
            ("Non", "no_email"),
            ("Je ne sais pas", "no_email"),
        ],
        [],
    ),
    (
        "Avez-vous un téléphone qui reçoit les SMS ?",
        "learn",
        False,
        [
            ("Oui", ""),
            ("Non", "no_sms_phone"),
        ],
        [],
    ),
    (
        "Avez-vous déjà utilisé FranceConnect (le bouton pour se connecter avec ameli, impots.gouv ou La Poste) ?",
        "check",
        False,
        [
            ("Oui", ""),
            ("Non", "no_franceconnect"),
            ("Je ne sais pas ce que c'est", "no_franceconnect"),
        ],
        [],
    ),
    (
        "Pouvez-vous scanner ou photographier un document (une facture, une pièce d'identité) ?",
        "learn",
        False,
        [
            ("Oui, avec mon téléphone ou un scanner", ""),
            ("Non", "no_scanner"),
        ],
        [],
    ),
    (
        "Pouvez-vous imprimer un document ?",
        "learn",
        False,
        [
            ("Oui, chez moi", ""),
            ("Oui, ailleurs (famille, médiathèque)", ""),
            ("Non", "no_printer"),
        ],
        [],
    ),
    (
        "Quand vous avez besoin d'aide pour une démarche, qui peut vous aider ?",
        "help",
        False,
        [
            ("Ma famille ou des proches", ""),
            ("Un conseiller (France Services, association)", ""),
            ("Personne", ""),
        ],
        [],
    ),
]


def level(question, value):
    return {**question, "level": value}


COMPETENCES = {
    "0.1": [
        level(
            single(
                "Pour ouvrir un fichier avec la souris, vous faites…",
                ["un double-clic", "un clic droit", "rien"],
                0,
                "0.1",
            ),
            1,
        ),
        level(true_false("Le clic droit ouvre un menu avec d'autres choix.", True, "0.1"), 1),
        level(
            single(
                "Quelle touche efface la lettre à gauche du curseur ?",
                ["Retour arrière (⌫)", "Entrée", "Échap"],
                0,
                "0.1",
            ),
            2,
        ),
        level(short("Quelle touche, appuyée avec une lettre, l'écrit en majuscule ?", ["Maj", "Shift"], "0.1"), 2),
        level(
            single(
                "Pour copier un texte sélectionné au clavier, vous tapez…",
                ["Ctrl + C", "Ctrl + P", "Alt + F4"],
                0,
                "0.1",
            ),
            3,
        ),
        level(
            single(
                "Une fenêtre cache l'autre. Pour passer d'une fenêtre à l'autre :",
                ["Alt + Tab", "Ctrl + Z", "Maj + Entrée"],
                0,
                "0.1",
            ),
            3,
        ),
    ],
    "0.2": [
        level(
            single(
                "Sur un smartphone, pour ouvrir une application, vous…",
                ["touchez son icône une fois", "secouez le téléphone", "appuyez sur le volume"],
                0,
                "0.2",
            ),
            1,
        ),
        level(true_false("Glisser le doigt vers le haut fait défiler la page.", True, "0.2"), 1),
        level(
            single(
                "Pour agrandir une photo sur l'écran, vous…",
                ["écartez deux doigts", "touchez trois fois le bouton", "éteignez l'écran"],
                0,
                "0.2",
            ),
            2,
        ),
        level(
            single(
                "Où installe-t-on une application officielle (ameli, CAF) ?",
                [
                    "Dans le magasin d'applications (Play Store, App Store)",
                    "Par un lien reçu par SMS",
                    "Sur n'importe quel site",
                ],
                0,
                "0.2",
            ),
            2,
        ),
        level(
            true_false(
                "Une notification apparaît en haut de l'écran quand une application a un message pour vous.",
                True,
                "0.2",
            ),
            3,
        ),
        level(
            single(
                "Votre téléphone n'a plus de place. Que faire d'abord ?",
                ["Supprimer des photos ou applications inutiles", "Le jeter", "Éteindre le Wi-Fi"],
                0,
                "0.2",
            ),
            3,
        ),
    ],
    "0.3": [
        level(
            single(
                "Où tape-t-on l'adresse d'un site ?",
                ["Dans la barre d'adresse, en haut", "Dans la barre des tâches", "Dans un courriel"],
                0,
                "0.3",
            ),
            1,
        ),
        level(
            true_false("Pour aller sur internet, il faut une connexion (Wi-Fi ou données mobiles).", True, "0.3"), 1
        ),
        level(
            single(
                "Un moteur de recherche sert à…", ["trouver des sites", "imprimer", "écrire un courriel"], 0, "0.3"
            ),
            2,
        ),
        # Chrome stopped showing the padlock in 2023 (https://blog.chromium.org/2023/05/an-update-on-lock-icon.html);
        # a fake site has a secure connection too: what tells the real site is its address.
        level(
            single(
                "Vous allez taper votre mot de passe ameli. Que vérifiez-vous d'abord ?",
                ["Que l'adresse est bien ameli.fr", "Qu'il y a un cadenas à côté de l'adresse", "Que le logo est là"],
                0,
                "0.3",
            ),
            2,
        ),
        level(
            single(
                "Pour revenir à la page précédente, vous cliquez sur…",
                ["la flèche vers la gauche", "la croix", "l'étoile"],
                0,
                "0.3",
            ),
            3,
        ),
        level(
            multiple(
                "Quels sont des navigateurs internet ?", ["Firefox", "Chrome", "Word"], [0, 1], "0.3", penalty=0.5
            ),
            3,
        ),
    ],
    "2.1": [
        level(
            single(
                "Une adresse électronique contient toujours…",
                ["un @", "un espace", "un numéro de téléphone"],
                0,
                "2.1",
            ),
            1,
        ),
        level(true_false("On peut créer une adresse électronique gratuitement.", True, "2.1"), 1),
        level(
            single(
                "Où arrivent les messages que vous recevez ?",
                ["Dans la boîte de réception", "Dans les brouillons", "Dans la corbeille"],
                0,
                "2.1",
            ),
            2,
        ),
        level(
            short(
                "Comment s'appelle un fichier envoyé avec un message ?", ["pièce jointe", "une pièce jointe"], "2.1"
            ),
            2,
        ),
        level(
            single(
                "Un message attendu n'arrive pas. Où regarder ?",
                ["Dans les indésirables (spam)", "Dans les paramètres", "Nulle part"],
                0,
                "2.1",
            ),
            3,
        ),
        level(true_false("« Répondre à tous » envoie la réponse à toutes les personnes du message.", True, "2.1"), 3),
    ],
    "4.1": [
        level(true_false("Votre banque peut vous demander votre code secret par SMS.", False, "4.1"), 1),
        level(
            single(
                "Quel mot de passe est le plus solide ?", ["Chat-Vert-Pluie-42!", "123456", "motdepasse"], 0, "4.1"
            ),
            1,
        ),
        level(
            single(
                "Un SMS vous dit : « Votre colis est bloqué, payez 1,99 € ». C'est…",
                ["probablement une arnaque", "sûrement vrai", "une publicité normale"],
                0,
                "4.1",
            ),
            2,
        ),
        level(true_false("Il vaut mieux utiliser le même mot de passe partout.", False, "4.1"), 2),
        level(
            single(
                "Avant de taper vos codes sur un site, vous vérifiez…",
                ["l'adresse exacte du site", "la couleur du site", "l'heure"],
                0,
                "4.1",
            ),
            3,
        ),
        level(
            multiple(
                "Quels signes doivent vous alerter dans un courriel ?",
                ["Une urgence (« sous 24 h »)", "Des fautes et une adresse bizarre", "Votre nom bien écrit"],
                [0, 1],
                "4.1",
                penalty=0.5,
            ),
            3,
        ),
    ],
    "6.1": [
        level(
            true_false(
                "Pour créer un compte sur un site, il faut souvent un identifiant et un mot de passe.", True, "6.1"
            ),
            1,
        ),
        level(
            single(
                "Vous avez oublié votre mot de passe. Vous cliquez sur…",
                ["« Mot de passe oublié ? »", "« Supprimer mon compte »", "la croix de la fenêtre"],
                0,
                "6.1",
            ),
            1,
        ),
        level(
            single(
                "FranceConnect permet de…",
                ["se connecter avec un compte qu'on a déjà (ameli, impôts)", "payer ses factures", "téléphoner"],
                0,
                "6.1",
            ),
            2,
        ),
        level(
            short(
                "Sur l'avis d'impôt, comment s'appelle le numéro qui sert d'identifiant ?",
                ["numéro fiscal", "numero fiscal"],
                "6.1",
            ),
            2,
        ),
        level(
            true_false(
                "Un code reçu par SMS pour se connecter peut être donné à quelqu'un qui vous appelle.", False, "6.1"
            ),
            3,
        ),
        level(
            single(
                "Où garder ses identifiants en sécurité ?",
                ["Sur un carnet rangé chez soi", "Sur un post-it collé sur l'écran", "Dans un SMS à un ami"],
                0,
                "6.1",
            ),
            3,
        ),
    ],
}


def seed(ctx):
    home = ctx["home"]
    competences = dict(Competence.objects.values_list("code", "pk"))
    page = DiagnosticPage.objects.child_of(home).first()
    if page is None:
        page = home.add_child(
            instance=DiagnosticPage(title="Faire le point", slug="faire-le-point", competence_questions=[])
        )
    page.title = "Faire le point"
    page.intro = (
        "<p>Quelques questions pour savoir ce que vous avez et ce que vous savez déjà faire. À la fin, Pas à pas "
        "vous propose des tutoriels et des lieux pour vous aider.</p>"
    )
    page.equipment_questions = [
        {
            "type": "equipment",
            "id": f"equipement-{number}",
            "value": {
                "question": question,
                "help_text": "",
                "icon": icon,
                "several": several,
                "options": [{"text": text, "gap": gap} for text, gap in options],
                "skip_if": skip_if,
            },
        }
        for number, (question, icon, several, options, skip_if) in enumerate(EQUIPMENT, start=1)
    ]
    # A beginner stops after one « Je ne sais pas » per competence; someone who passes levels gets up to 10.
    page.min_questions = 10
    page.max_questions = 25
    page.competence_questions = [
        {**question_to_block_data(question, competences.get(code)), "id": f"competence-{code}-{number}"}
        for code, questions in COMPETENCES.items()
        for number, question in enumerate(questions, start=1)
    ]
    page.save_revision().publish()
    ctx["diagnostic"] = page
    ctx.setdefault("entry_pages", {})["check"] = page
    return page

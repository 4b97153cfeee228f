"""Demo quizzes, one per module: every question kind, tagged with competences, in plain French.

The quiz of « Se protéger en ligne » comes from a GIFT file kept in the repository, through the import command,
as a trainer would do it. Idempotent: a quiz found by its slug is updated, never duplicated.
"""

import io
from pathlib import Path

from django.core.management import call_command

from assessments.blocks import question_to_block_data
from assessments.models import Competence, QuizPage
from demo.content.quizzes_more import QUIZZES_MORE
from demo.questions import matching, multiple, ordering, short, single, true_false

GIFT_FILE = Path(__file__).resolve().parent.parent / "assessments" / "data" / "demo-securite.gift.txt"
GIFT_QUIZ = {
    "module": "se-proteger-en-ligne",
    "slug": "quiz-se-proteger",
    "title": "Quiz : se protéger en ligne",
    "competence": "4.1",
}


QUIZZES = [
    {
        "module": "premiers-pas",
        "slug": "quiz-premiers-pas",
        "title": "Quiz : les premiers pas",
        "intro": "<p>Six questions sur la souris, le clavier et l'écran tactile. Vous êtes prêt ?</p>",
        "questions": [
            single(
                "Sur le bureau de l'ordinateur, vous voulez ouvrir le dossier « Papiers ». Que faites-vous ?",
                ["Un clic droit sur le dossier", "Un double-clic gauche sur le dossier", "Un clic sur la molette"],
                1,
                "0.1",
                "Sur le bureau, le double-clic gauche ouvre. Sur une page internet, un seul clic suffit.",
                feedback={
                    0: "Non. Le clic droit ouvre un menu avec d'autres choix.",
                    1: "Oui. Deux clics rapides avec le bouton de gauche, sans bouger la souris.",
                    2: "Non. La molette sert à faire défiler la page.",
                },
            ),
            true_false(
                "Vous avez écrit votre recherche. Vous appuyez sur « Entrée » pour la lancer.",
                True,
                "0.1",
                "La touche Entrée valide ce que vous avez écrit.",
                feedback_true="Oui. Entrée lance la recherche.",
                feedback_false="Si. La touche Entrée valide ce que vous avez écrit et lance la recherche.",
            ),
            short(
                "Vous devez écrire « Dupont » avec un D majuscule. Quelle touche gardez-vous enfoncée avec le D ?",
                ["Maj", "Shift", "Majuscule"],
                "0.1",
                "C'est la touche avec une flèche vers le haut ⇧. Verr. Maj écrit tout en majuscules.",
                feedback="Oui. Gardez Maj enfoncée, appuyez sur D, puis relâchez.",
            ),
            matching(
                "Sur un téléphone, associez ce que vous voulez faire au bon geste.",
                [
                    ("Ouvrir une application", "Toucher une fois"),
                    ("Voir la suite d'une page", "Glisser le doigt vers le haut"),
                    ("Lire un texte trop petit", "Écarter deux doigts"),
                ],
                "0.2",
                "Un petit coup ouvre. Glisser fait défiler. Écarter deux doigts agrandit.",
            ),
            ordering(
                "Vous envoyez un SMS à votre fille. Remettez les étapes dans l'ordre.",
                ["Ouvrir l'application Messages", "Choisir le contact", "Écrire le texte", "Appuyer sur Envoyer"],
                "0.2",
                "On choisit d'abord à qui écrire. On écrit, puis on envoie.",
            ),
            multiple(
                "Vous n'avez pas d'ordinateur. Avec quels appareils pouvez-vous aller sur internet ?",
                ["Un smartphone", "Un ordinateur de la médiathèque", "Une tablette", "Une calculatrice"],
                [0, 1, 2],
                "0.3",
                "Un smartphone, une tablette ou un ordinateur d'un lieu d'accueil vont sur internet.",
                penalty=0.5,
                feedback={
                    0: "Oui. Avec le wifi ou les données mobiles.",
                    1: "Oui. Les médiathèques prêtent souvent un ordinateur.",
                    2: "Oui. Une tablette va sur internet comme un téléphone.",
                    3: "Non. Une calculatrice ne se connecte pas à internet.",
                },
            ),
        ],
    },
    {
        "module": "le-courriel",
        "slug": "quiz-courriel",
        "title": "Quiz : le courriel",
        "intro": "<p>Vérifiez ce que vous savez des adresses électroniques et des pièces jointes.</p>",
        "questions": [
            single(
                "La CAF vous demande votre adresse électronique. Laquelle lui donnez-vous ?",
                ["marie.dupont@exemple.fr", "marie dupont@exemple.fr", "www.marie-dupont.fr"],
                0,
                "2.1",
                "Une adresse électronique contient un @ et pas d'espace.",
                feedback={
                    0: "Oui. Elle a un @ et pas d'espace.",
                    1: "Non. Une adresse ne contient jamais d'espace.",
                    2: "Non. C'est l'adresse d'un site, pas une adresse électronique.",
                },
            ),
            true_false(
                "Un site vous demande de payer pour créer une adresse électronique. C'est obligatoire.",
                False,
                "2.1",
                "Beaucoup de messageries sont gratuites.",
                feedback_true="Non. Vous pouvez créer une adresse électronique gratuitement.",
                feedback_false="Exact. Beaucoup de messageries sont gratuites.",
            ),
            short(
                "Vous dictez votre adresse au téléphone. Quel signe se trouve entre votre nom et exemple.fr ?",
                ["@", "arobase", "arrobase"],
                "2.1",
                "Le @ se lit « arobase ». Il est dans toutes les adresses électroniques.",
                feedback="Oui. On dit « arobase ».",
            ),
            multiple(
                "Vous envoyez votre justificatif à la mairie. Que vérifiez-vous avant de cliquer sur Envoyer ?",
                ["L'adresse du destinataire", "Que le document est bien joint", "La couleur de l'écran"],
                [0, 1],
                "2.1",
                "Une erreur d'adresse ou un oubli de pièce jointe sont les erreurs les plus courantes.",
                penalty=0.5,
                feedback={
                    0: "Oui. Une lettre de trop et le message part chez quelqu'un d'autre.",
                    1: "Oui. Le nom du fichier doit apparaître sous l'objet.",
                    2: "Non. La couleur de l'écran ne change rien au message.",
                },
            ),
            ordering(
                "Vous envoyez votre attestation par courriel. Remettez les étapes dans l'ordre.",
                [
                    "Cliquer sur « Nouveau message »",
                    "Cliquer sur le trombone",
                    "Choisir le fichier",
                    "Cliquer sur « Envoyer »",
                ],
                "2.2",
                "On ouvre un nouveau message, on joint le fichier avec le trombone, puis on envoie.",
            ),
            matching(
                "Associez chaque situation au bon endroit de la messagerie.",
                [
                    ("Je veux donner un titre au message", "Objet"),
                    ("Un vrai courriel n'est pas arrivé", "Indésirables"),
                    ("Je veux envoyer une photo", "Pièce jointe"),
                ],
                "2.1",
                "L'objet est le titre. Un vrai message arrive parfois dans les indésirables.",
            ),
        ],
    },
    {
        "module": "sante-et-droits-ameli-caf",
        "slug": "quiz-ameli-caf",
        "title": "Quiz : ameli et CAF",
        "intro": "<p>Pour vérifier vos acquis sur le compte ameli, FranceConnect et la déclaration trimestrielle.</p>",
        "questions": [
            single(
                "Vous voulez créer votre compte ameli. Quelle adresse tapez-vous ?",
                ["ameli.fr", "ameli-remboursement.com", "assurance-maladie-info.net"],
                0,
                "6.1",
                "Le seul site de l'Assurance Maladie est ameli.fr.",
                feedback={
                    0: "Oui. C'est l'adresse officielle.",
                    1: "Non. C'est une imitation du vrai nom.",
                    2: "Non. Ce site n'est pas officiel.",
                },
            ),
            # https://www.ameli.fr (« Créer votre compte ameli »): the 13 digits of the social security number, then
            # digits of the IBAN known to the caisse or the carte Vitale's serial number; FranceConnect needs
            # neither. The tutorial « Créer son compte ameli » says the same.
            single(
                "Vous créez votre compte ameli, mais vous n'avez pas votre RIB sous la main. Que faites-vous ?",
                [
                    "J'abandonne, le RIB est obligatoire",
                    "Je tape le numéro de série de ma carte Vitale, ou j'entre avec FranceConnect",
                    "Je donne le numéro de ma carte bancaire à la place",
                ],
                1,
                "6.1",
                "Le site demande des chiffres de l'IBAN ou le numéro de série de la carte Vitale. "
                "FranceConnect évite les deux.",
                feedback={
                    0: "Non. Le numéro de série de la carte Vitale suffit aussi.",
                    1: "Oui. Les deux marchent, sans RIB.",
                    2: "Non. Ne donnez jamais votre carte bancaire pour créer un compte.",
                },
            ),
            true_false(
                "Vous avez un compte ameli. Vous pouvez l'utiliser avec FranceConnect pour entrer sur impots.gouv.fr.",
                True,
                "6.1",
                "FranceConnect vous fait entrer avec un compte que vous avez déjà.",
                feedback_true="Oui. Choisissez ameli dans la liste de FranceConnect.",
                feedback_false="Si. FranceConnect accepte votre compte ameli pour entrer aux impôts.",
            ),
            short(
                "Le site ameli demande votre numéro de sécurité sociale sans la clé. Combien de chiffres tapez-vous ?",
                ["13", "treize"],
                "6.2",
                "Le numéro a 15 chiffres. Les 2 derniers sont la clé.",
                feedback="Oui. Les 13 premiers chiffres, sans espace.",
            ),
            matching(
                "Où faites-vous chaque démarche ?",
                [
                    ("Suivre un remboursement de soins", "ameli.fr"),
                    ("Demander la prime d'activité", "caf.fr"),
                    ("Déclarer ses revenus", "impots.gouv.fr"),
                ],
                "6.3",
                "La santé est sur ameli.fr, les aides de la CAF sur caf.fr, les impôts sur impots.gouv.fr.",
            ),
            ordering(
                "C'est le moment de votre déclaration trimestrielle. Remettez les étapes dans l'ordre.",
                [
                    "Se connecter à son espace Mon Compte",
                    "Ouvrir « Déclarer mes ressources »",
                    "Vérifier les montants",
                    "Valider la déclaration",
                ],
                "6.2",
                "On vérifie les montants déjà remplis avant de valider. Gardez ensuite le récapitulatif.",
            ),
        ],
    },
    {
        "module": "emploi-identite-impots-courrier",
        "slug": "quiz-emploi-identite-impots",
        "title": "Quiz : emploi, identité, impôts, courrier",
        "intro": "<p>Six questions pour faire le point sur France Travail, la carte d'identité, les impôts et les "
        "colis.</p>",
        "questions": [
            # https://ants.gouv.fr (France Titres): the pre-application is free on the official site.
            single(
                "Un site vous demande 49 € pour la pré-demande de carte d'identité. Que faites-vous ?",
                [
                    "Je paie, c'est le prix normal",
                    "Je quitte ce site et je fais la pré-demande gratuite sur ants.gouv.fr",
                    "Je paie, mais seulement avec ma carte bancaire",
                ],
                1,
                "6.2",
                "La pré-demande est gratuite sur ants.gouv.fr, le site de France Titres.",
                feedback={
                    0: "Non. Sur le site officiel, la pré-demande ne coûte rien.",
                    1: "Oui. Les sites payants imitent le site officiel.",
                    2: "Non. Ne payez pas, ce site n'est pas officiel.",
                },
            ),
            true_false(
                "Vous avez fait la pré-demande en ligne. Vous devez quand même aller en mairie.",
                True,
                "6.2",
                "La mairie prend vos empreintes et vérifie vos papiers.",
                feedback_true="Oui. Prenez rendez-vous dans une mairie équipée.",
                feedback_false="Si. La pré-demande ne remplace pas le rendez-vous en mairie.",
            ),
            short(
                "Vous créez votre espace sur impots.gouv.fr. Quel numéro à 13 chiffres de l'avis d'impôt sert "
                "d'identifiant ?",
                ["numéro fiscal", "numero fiscal"],
                "6.1",
                "Le numéro fiscal est en haut à gauche de la première page de l'avis d'impôt.",
                feedback="Oui. C'est votre numéro fiscal.",
            ),
            matching(
                "Sur quel site faites-vous chaque démarche ?",
                [
                    ("S'inscrire comme demandeur d'emploi", "francetravail.fr"),
                    ("Faire la pré-demande de carte d'identité", "ants.gouv.fr"),
                    ("Suivre un colis", "laposte.fr"),
                ],
                "6.3",
                "France Travail s'occupe de l'emploi, France Titres des papiers, La Poste des colis.",
            ),
            ordering(
                "Vous attendez un colis. Remettez les étapes dans l'ordre pour le suivre.",
                [
                    "Trouver le numéro de suivi",
                    "Aller sur laposte.fr",
                    "Taper le numéro",
                    "Lire où se trouve le colis",
                ],
                "6.3",
                "Tapez vous-même l'adresse du site. Ne passez pas par un lien reçu par SMS.",
            ),
            multiple(
                "La mairie demande un justificatif de domicile. Lesquels pouvez-vous apporter ?",
                ["Une facture d'électricité", "Une quittance de loyer", "Un ticket de caisse"],
                [0, 1],
                "6.2",
                "Un justificatif de domicile récent montre votre nom et votre adresse.",
                penalty=0.5,
                feedback={
                    0: "Oui. Une facture de moins d'un an convient.",
                    1: "Oui. La quittance prouve que vous payez le loyer de ce logement.",
                    2: "Non. Un ticket de caisse ne porte pas votre adresse.",
                },
            ),
        ],
    },
]

# Issue 13: the quizzes of the modules on the procedures France Services users ask for most.
QUIZZES += QUIZZES_MORE


def competence_ids():
    return dict(Competence.objects.values_list("code", "pk"))


def upsert_quiz(module, data, competences):
    quiz = QuizPage.objects.child_of(module).filter(slug=data["slug"]).first()
    if quiz is None:
        quiz = module.add_child(instance=QuizPage(title=data["title"], slug=data["slug"], live=False, questions=[]))
    quiz.title = data["title"]
    quiz.intro = data["intro"]
    quiz.pass_mark = 70
    quiz.shuffle_options = True
    quiz.questions = [
        {**question_to_block_data(q, competences.get(q["competence"])), "id": f"{data['slug']}-{number}"}
        for number, q in enumerate(data["questions"], start=1)
    ]
    quiz.save_revision().publish()
    return quiz


def import_gift_quiz(modules, competences):
    """As a trainer would: the import command makes a draft, then a reviewer publishes it."""
    module = modules[GIFT_QUIZ["module"]]
    quiz = QuizPage.objects.child_of(module).filter(slug=GIFT_QUIZ["slug"]).first()
    if quiz is None:
        call_command(
            "import_gift",
            str(GIFT_FILE),
            module=str(module.pk),
            title=GIFT_QUIZ["title"],
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )
        quiz = QuizPage.objects.child_of(module).order_by("-pk").first()
        quiz.slug = GIFT_QUIZ["slug"]
    latest = quiz.get_latest_revision_as_object()
    competence = competences.get(GIFT_QUIZ["competence"])
    quiz.questions = [
        {**child, "value": {**child["value"], "competence": competence}} for child in latest.questions.raw_data
    ]
    quiz.intro = "<p>Faux messages, mots de passe, arnaques : vérifiez que vous savez vous protéger.</p>"
    quiz.save_revision().publish()
    return quiz


def seed(ctx, modules):
    competences = competence_ids()
    quizzes = [upsert_quiz(modules[data["module"]], data, competences) for data in QUIZZES]
    quizzes.append(import_gift_quiz(modules, competences))
    ctx["quizzes"] = quizzes
    return quizzes

"""Demo quizzes, one per module: every question kind, tagged with competences, in plain French.

The quiz of « Se protéger en ligne » comes from a GIFT file kept in the repository, through the import command,
as a trainer would do it. Idempotent: a quiz found by its slug is updated, never duplicated.
"""

import io
from pathlib import Path

from django.core.management import call_command

from assessments.blocks import question_to_block_data
from assessments.demo_questions import matching, multiple, ordering, short, single, true_false
from assessments.models import Competence, QuizPage

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
        "intro": "<p>Six questions pour vérifier que la souris, le clavier et l'écran tactile n'ont plus de "
        "secret.</p>",
        "questions": [
            single(
                "Pour ouvrir un dossier avec la souris, on fait…",
                ["un clic droit", "un double-clic gauche", "un clic sur la molette"],
                1,
                "0.1",
                "Le double-clic gauche ouvre ; le clic droit affiche un menu.",
            ),
            true_false("La touche « Entrée » du clavier sert à valider.", True, "0.1"),
            short(
                "Quelle touche appuyer, en même temps qu'une lettre, pour écrire une MAJUSCULE ?",
                ["Maj", "Shift", "Majuscule"],
                "0.1",
                "C'est la touche avec une flèche vers le haut.",
            ),
            matching(
                "Associez chaque geste à son effet sur un écran tactile.",
                [
                    ("Toucher une fois", "Ouvrir"),
                    ("Glisser le doigt", "Faire défiler"),
                    ("Écarter deux doigts", "Agrandir"),
                ],
                "0.2",
            ),
            ordering(
                "Remettez dans l'ordre pour écrire un message sur un téléphone.",
                ["Ouvrir l'application Messages", "Choisir le contact", "Écrire le texte", "Appuyer sur Envoyer"],
                "0.2",
            ),
            multiple(
                "Quels appareils peuvent servir à aller sur internet ?",
                ["Un smartphone", "Un ordinateur", "Une tablette", "Une calculatrice"],
                [0, 1, 2],
                "0.3",
                penalty=0.5,
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
                "Quelle est une adresse électronique bien écrite ?",
                ["marie.dupont@exemple.fr", "marie dupont exemple.fr", "www.marie-dupont.fr"],
                0,
                "2.1",
                "Une adresse électronique contient toujours un @ et pas d'espace.",
            ),
            true_false("On peut créer une adresse électronique gratuitement.", True, "2.1"),
            short(
                "Quel signe trouve-t-on dans toutes les adresses électroniques ?", ["@", "arobase", "arrobase"], "2.1"
            ),
            multiple(
                "Que faut-il vérifier avant d'envoyer un message ?",
                ["L'adresse du destinataire", "L'objet du message", "La couleur de l'écran"],
                [0, 1],
                "2.1",
                penalty=0.5,
            ),
            ordering(
                "Remettez dans l'ordre pour joindre un document.",
                [
                    "Cliquer sur « Nouveau message »",
                    "Cliquer sur le trombone",
                    "Choisir le fichier",
                    "Cliquer sur « Envoyer »",
                ],
                "2.2",
            ),
            matching(
                "Associez chaque mot à sa définition.",
                [
                    ("Pièce jointe", "Un fichier envoyé avec le message"),
                    ("Objet", "Le titre du message"),
                    ("Indésirables", "Le dossier des messages suspects"),
                ],
                "2.1",
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
                "Quelle est l'adresse officielle de l'Assurance Maladie ?",
                ["ameli.fr", "ameli-remboursement.com", "assurance-maladie-info.net"],
                0,
                "6.1",
                feedback={1: "Attention : c'est une imitation.", 2: "Attention : ce site n'est pas officiel."},
            ),
            multiple(
                "Que faut-il pour créer son compte ameli ?",
                ["Son numéro de sécurité sociale", "Son RIB", "Son code de carte bancaire"],
                [0, 1],
                "6.1",
                penalty=1,
            ),
            true_false("FranceConnect permet d'utiliser son compte ameli pour se connecter aux impôts.", True, "6.1"),
            short(
                "Combien de chiffres du numéro de sécurité sociale faut-il taper (sans la clé) ?",
                ["13", "treize"],
                "6.2",
            ),
            matching(
                "Associez chaque démarche à son site.",
                [
                    ("Remboursements de soins", "ameli.fr"),
                    ("Prime d'activité", "caf.fr"),
                    ("Déclaration de revenus", "impots.gouv.fr"),
                ],
                "6.3",
            ),
            ordering(
                "Remettez dans l'ordre la déclaration trimestrielle à la CAF.",
                [
                    "Se connecter à son espace Mon Compte",
                    "Ouvrir « Déclarer mes ressources »",
                    "Vérifier les montants",
                    "Valider la déclaration",
                ],
                "6.2",
            ),
        ],
    },
    {
        "module": "emploi-identite-impots-courrier",
        "slug": "quiz-emploi-identite-impots",
        "title": "Quiz : emploi, identité, impôts, courrier",
        "intro": "<p>France Travail, carte d'identité, impôts et colis : six questions pour faire le point.</p>",
        "questions": [
            single(
                "La pré-demande de carte d'identité sur le site de l'ANTS coûte…",
                ["rien : elle est gratuite", "49 euros", "le prix d'un timbre"],
                0,
                "6.2",
                "Méfiez-vous des sites qui la font payer.",
            ),
            true_false(
                "Après la pré-demande, il faut quand même aller en mairie.",
                True,
                "6.2",
                "La mairie prend vos empreintes et vérifie les pièces.",
            ),
            short(
                "Sur l'avis d'impôt, comment s'appelle le numéro à 13 chiffres qui sert d'identifiant ?",
                ["numéro fiscal", "numero fiscal"],
                "6.1",
            ),
            matching(
                "Associez chaque organisme à sa démarche.",
                [
                    ("France Travail", "S'inscrire comme demandeur d'emploi"),
                    ("ANTS", "Carte d'identité"),
                    ("La Poste", "Suivre un colis"),
                ],
                "6.3",
            ),
            ordering(
                "Remettez dans l'ordre pour suivre un colis.",
                [
                    "Trouver le numéro de suivi",
                    "Aller sur laposte.fr",
                    "Taper le numéro",
                    "Lire où se trouve le colis",
                ],
                "6.3",
            ),
            multiple(
                "Quels documents servent de justificatif de domicile ?",
                ["Une facture d'électricité", "Une quittance de loyer", "Un ticket de caisse"],
                [0, 1],
                "6.2",
                penalty=0.5,
            ),
        ],
    },
]


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

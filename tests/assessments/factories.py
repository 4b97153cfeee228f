import factory
import wagtail_factories

from assessments.models import Competence, QuizPage


def base(stem, **extra):
    return {
        "stem": f"<p>{stem}</p>",
        "image": None,
        "image_alt": "",
        "competence": None,
        "level": "1",
        "explanation": "",
        **extra,
    }


def all_kinds(competence_id=None):
    """One question of each kind, in raw StreamField form with fixed ids (right answers noted in comments)."""
    return [
        {
            "type": "single",
            "id": "q-single",
            "value": base(
                "Quelle est l'adresse du site de l'Assurance Maladie ?",
                competence=competence_id,
                options=[
                    {
                        "text": "ameli-remboursement.com",
                        "correct": False,
                        "feedback": "Attention, c'est un faux site.",
                    },
                    {"text": "ameli.fr", "correct": True, "feedback": "Oui, c'est le site officiel."},
                    {"text": "assurance-maladie.net", "correct": False, "feedback": ""},
                ],
            ),
        },  # right: option 1
        {
            "type": "multiple",
            "id": "q-multiple",
            "value": base(
                "Quels mots de passe sont solides ?",
                options=[
                    {"text": "Chat-Vert-Pluie-42!", "correct": True, "weight": None, "feedback": ""},
                    {"text": "123456", "correct": False, "weight": -50, "feedback": "Trop facile à deviner."},
                    {"text": "Soleil#Tarte#Vélo#9", "correct": True, "weight": None, "feedback": ""},
                ],
            ),
        },  # right: [0, 2]
        {
            "type": "true_false",
            "id": "q-tf",
            "value": base(
                "La CAF peut vous demander votre code de carte bancaire par SMS.",
                answer="false",
                feedback_true="Non : aucun organisme ne demande ce code.",
                feedback_false="Exact.",
            ),
        },  # right: False
        {
            "type": "short_answer",
            "id": "q-short",
            "value": base(
                "Comment s'appelle le bouton qui permet de se connecter avec son compte ameli sur d'autres sites ?",
                answers=[{"text": "FranceConnect", "feedback": ""}],
            ),
        },  # right: "franceconnect"
        {
            "type": "matching",
            "id": "q-match",
            "value": base(
                "Associez chaque organisme à sa démarche.",
                pairs=[
                    {"left": "CAF", "right": "Déclarer ses ressources"},
                    {"left": "ANTS", "right": "Carte d'identité"},
                    {"left": "La Poste", "right": "Suivre un colis"},
                ],
            ),
        },  # right: [0, 1, 2]
        {
            "type": "ordering",
            "id": "q-order",
            "value": base(
                "Remettez les étapes dans l'ordre.",
                items=["Ouvrir le navigateur", "Taper l'adresse", "Se connecter"],
            ),
        },  # right: [0, 1, 2]
    ]


RIGHT_ANSWERS = {
    "q-single": {"q-q-single": "1"},
    "q-multiple": {"q-q-multiple": ["0", "2"]},
    "q-tf": {"q-q-tf": "faux"},
    "q-short": {"q-q-short": "france connect"},
    "q-match": {"q-q-match-0": "0", "q-q-match-1": "1", "q-q-match-2": "2"},
    "q-order": {"q-q-order-0": "0", "q-q-order-1": "1", "q-q-order-2": "2"},
}
WRONG_ANSWERS = {
    "q-single": {"q-q-single": "0"},
    "q-tf": {"q-q-tf": "vrai"},
}


def post_data(answers):
    data = {}
    for values in answers.values():
        data.update(values)
    return data


class QuizPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = QuizPage

    title = factory.Sequence(lambda n: f"Quiz {n}")
    slug = factory.Sequence(lambda n: f"quiz-{n}")
    intro = "<p>Vérifiez vos acquis.</p>"
    pass_mark = 70
    shuffle_options = False
    questions = factory.LazyFunction(all_kinds)


def equipment(question, options, several=False, qid=None):
    return {
        "type": "equipment",
        "id": qid or f"eq-{abs(hash(question)) % 10_000}",
        "value": {
            "question": question,
            "help_text": "",
            "icon": "learn",
            "several": several,
            "options": [{"text": text, "gap": gap} for text, gap in options],
        },
    }


def competence_question(code, level, number, competence_id):
    """A true/false question whose right answer is « Vrai »."""
    return {
        "type": "true_false",
        "id": f"c-{code}-{level}-{number}",
        "value": base(
            f"Affirmation {code} niveau {level} n°{number}",
            competence=competence_id,
            level=str(level),
            answer="true",
            feedback_true="",
            feedback_false="",
        ),
    }


def diagnostic_questions(codes=("4.1", "6.1")):
    ids = dict(Competence.objects.filter(code__in=codes).values_list("code", "pk"))
    return [
        competence_question(code, level, number, ids[code])
        for code in codes
        for level in (1, 2, 3)
        for number in (1, 2)
    ]


class DiagnosticPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "assessments.DiagnosticPage"

    title = "Faire le point"
    slug = "faire-le-point"
    min_questions = 4
    max_questions = 8
    equipment_questions = factory.LazyFunction(
        lambda: [
            equipment(
                "Quels appareils avez-vous ?",
                [("Un ordinateur", ""), ("Un smartphone", ""), ("Aucun", "no_device")],
                several=True,
                qid="eq-devices",
            ),
            equipment("Avez-vous une adresse électronique ?", [("Oui", ""), ("Non", "no_email")], qid="eq-email"),
            equipment(
                "Internet à la maison ?",
                [("Oui", ""), ("Non, seulement le Wi-Fi public", "public_wifi_only")],
                qid="eq-net",
            ),
        ]
    )
    competence_questions = factory.LazyFunction(diagnostic_questions)

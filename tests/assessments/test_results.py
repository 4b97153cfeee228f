"""Quiz results: the person's own answer beside the right one, and a link back to the tutorial to reread."""

import html
import re

import pytest

from assessments import services
from assessments.models import QuizAttempt
from tests.assessments.factories import RIGHT_ANSWERS, QuizPageFactory, base, post_data
from tests.learning.factories import TutorialPageFactory

pytestmark = pytest.mark.django_db

ALL_WRONG = {
    "q-single": {"q-q-single": "0"},
    "q-multiple": {"q-q-multiple": ["1"]},
    "q-tf": {"q-q-tf": "vrai"},
    "q-short": {"q-q-short": "ameli"},
    "q-match": {"q-q-match-0": "1", "q-q-match-1": "0", "q-q-match-2": "2"},
    "q-order": {"q-q-order-0": "1", "q-q-order-1": "0", "q-q-order-2": "2"},
}


def submitted_results(client, resident, quiz, answers):
    client.force_login(resident)
    key = re.search(r'name="cle" value="([^"]+)"', client.get(quiz.url).content.decode())[1]
    client.post(quiz.url + "commencer/", {"cle": key})
    attempt = QuizAttempt.objects.get()
    url = quiz.url + quiz.reverse_subpage("attempt", args=[attempt.pk])
    response = client.post(url, {**post_data(answers), "terminer": "1"})
    return html.unescape(client.get(response["Location"]).content.decode())


def test_results_show_the_persons_own_answer_for_every_kind(client, resident, module):
    quiz = QuizPageFactory(parent=module, slug="quiz", show_answers=True)
    content = submitted_results(client, resident, quiz, ALL_WRONG)
    assert "Votre réponse : ameli-remboursement.com" in content
    assert "Votre réponse : 123456" in content
    assert "Votre réponse : Vrai" in content
    statement = "La CAF peut vous demander votre code de carte bancaire par SMS."
    assert f"La bonne réponse : Faux (« {statement} » est faux)" in content
    assert "Votre réponse : « ameli »" in content
    assert "Vos paires : CAF → Carte d'identité ; ANTS → Déclarer ses ressources ; La Poste → Suivre un colis" in (
        content
    )
    assert "Votre ordre : 1. Taper l'adresse, 2. Ouvrir le navigateur, 3. Se connecter" in content
    assert "La bonne réponse : ameli.fr" in content


def test_results_never_promise_missing_explanations_and_link_to_the_tutorial(client, resident, module):
    tutorial = TutorialPageFactory(parent=module, title="Reconnaître un vrai site", slug="vrai-site")
    quiz = QuizPageFactory(parent=module, slug="quiz")
    content = submitted_results(client, resident, quiz, ALL_WRONG)
    assert "relisez les explications" not in content
    assert "Pas encore réussi" in content
    assert f'<a href="{tutorial.url}">Reconnaître un vrai site</a>' in content


def test_a_question_left_blank_says_so(client, resident, module):
    quiz = QuizPageFactory(parent=module, slug="quiz", show_answers=True)
    answers = {key: value for key, value in RIGHT_ANSWERS.items() if key != "q-short"}
    content = submitted_results(client, resident, quiz, answers)
    blank = content.split("Comment s'appelle le bouton")[1].split("</li>")[0]
    assert "Pas de réponse" in blank and "Votre réponse" not in blank


def test_your_answer_in_words_ignores_broken_responses():
    question = {"kind": "single", "options": [{"text": "A"}, {"text": "B"}]}
    assert services.your_answer(question, 1) == "Votre réponse : B"
    assert services.your_answer(question, 7) == ""
    assert services.your_answer(question, None) == ""
    assert services.your_answer({"kind": "true_false", "answer": True}, False) == "Votre réponse : Faux"
    assert services.your_answer({"kind": "ordering", "items": ["x", "y"]}, "zz") == ""


def test_partial_credit_shows_its_exact_share(client, resident, module):
    three_right = {
        "type": "multiple",
        "id": "q-three",
        "value": base(
            "Quels documents prouvent votre adresse ?",
            options=[
                {"text": "Une facture d'électricité", "correct": True, "weight": None, "feedback": ""},
                {"text": "Une quittance de loyer", "correct": True, "weight": None, "feedback": ""},
                {"text": "Un avis d'imposition", "correct": True, "weight": None, "feedback": ""},
            ],
        ),
    }
    quiz = QuizPageFactory(parent=module, slug="quiz", questions=[three_right])
    content = submitted_results(client, resident, quiz, {"q-three": {"q-q-three": ["0"]}})
    assert "En partie juste (33 %)" in content
    assert "moitié" not in content

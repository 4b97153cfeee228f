"""Exact scores through a stored attempt: three right answers out of three is 100 %, never 99 %."""

import importlib
import uuid
from fractions import Fraction

from django.apps import apps

import pytest

from assessments import services
from assessments.kinds.multiple import MultipleChoiceBlock
from assessments.models import Answer
from tests.assessments.factories import QuizPageFactory, base

pytestmark = pytest.mark.django_db


def thirds_question(qid, weights=(None, None, None)):
    texts = ["Un smartphone", "Un ordinateur", "Une tablette"]
    return {
        "type": "multiple",
        "id": qid,
        "value": base(
            "Quels appareils vont sur internet ?",
            options=[
                *(
                    {"text": text, "correct": True, "weight": w, "feedback": ""}
                    for text, w in zip(texts, weights, strict=True)
                ),
                {"text": "Une calculatrice", "correct": False, "weight": None, "feedback": ""},
            ],
        ),
    }


def submit(quiz, user, responses):
    attempt = services.start_attempt(user=user, quiz=quiz, idempotency_key=uuid.uuid4())
    return services.submit_attempt(attempt=attempt, quiz=quiz, responses=responses)


def test_three_right_answers_out_of_three_are_stored_as_exactly_100_percent(module, resident):
    # The second question still has the whole percents saved before weights were checked (33 % × 3).
    quiz = QuizPageFactory(
        parent=module, pass_mark=100, questions=[thirds_question("q-1"), thirds_question("q-2", (33, 33, 33))]
    )
    attempt = submit(quiz, resident, {"q-1": [0, 1, 2], "q-2": [0, 1, 2]})
    assert attempt.score == 1.0
    assert attempt.percent == 100
    assert attempt.passed
    assert attempt.wrong_count == 0
    assert set(Answer.objects.values_list("credit", "correct")) == {(1.0, True)}


def test_partial_credits_read_back_as_exact_fractions(module, resident):
    quiz = QuizPageFactory(
        parent=module, pass_mark=50, questions=[thirds_question("q-1"), thirds_question("q-2"), thirds_question("q-3")]
    )
    attempt = submit(quiz, resident, {"q-1": [0], "q-2": [0, 1], "q-3": [0, 1, 2, 3]})
    # 1/3, 2/3 and 2/3 (a wrong option ticked takes a third away): exactly 5/9.
    assert attempt.score == float(Fraction(5, 9))
    assert attempt.percent == 56
    assert attempt.passed
    assert attempt.wrong_count == 3


def test_ticking_everything_does_not_pass_a_strict_quiz(module, resident):
    quiz = QuizPageFactory(parent=module, pass_mark=100, questions=[thirds_question("q-1")])
    attempt = submit(quiz, resident, {"q-1": [0, 1, 2, 3]})
    assert attempt.percent == 67
    assert not attempt.passed


def test_the_results_page_shows_100_percent(client, module, resident):
    quiz = QuizPageFactory(parent=module, questions=[thirds_question("q-1", (33, 33, 33))])
    attempt = submit(quiz, resident, {"q-1": [0, 1, 2]})
    client.force_login(resident)
    page = client.get(quiz.url + quiz.reverse_subpage("results", args=[attempt.pk])).content.decode()
    assert "100 % de bonnes réponses" in page
    assert "99 %" not in page


def test_weights_saved_before_the_checks_are_rewritten_so_the_editor_accepts_them(module):

    migration = importlib.import_module("assessments.migrations.0008_fix_saved_multiple_choice_weights")
    quiz = QuizPageFactory(parent=module, questions=[thirds_question("q-1", (33, 33, 33))])
    quiz.save_revision()
    migration.fix_weights(apps, None)
    quiz.refresh_from_db()
    for source in (quiz, quiz.latest_revision.as_object()):
        block = source.questions[0]
        assert [option["weight"] for option in block.value["options"]] == [None, None, None, None]
        MultipleChoiceBlock().clean(block.value)  # no error any more
        assert [o["weight"] for o in block.value.to_question()["options"]] == [Fraction(1, 3)] * 3 + [Fraction(-1, 3)]

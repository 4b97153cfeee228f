"""The quiz editor in the admin: a wrong multiple-choice weight is refused with its message, on that weight."""

import json

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from assessments.models import QuizPage
from tests.cms.admin_html import admin_text

pytestmark = pytest.mark.django_db


def quiz_form(options):
    return nested_form_data(
        {
            "title": "Quiz : les appareils",
            "slug": "quiz-appareils",
            "intro": rich_text("<p>Trois questions.</p>"),
            "questions": streamfield(
                [
                    (
                        "multiple",
                        {
                            "stem": rich_text("<p>Quels appareils vont sur internet ?</p>"),
                            "image": "",
                            "image_alt": "",
                            "competence": "",
                            "level": "1",
                            "explanation": "",
                            "options": streamfield(
                                [
                                    (
                                        "item",
                                        {
                                            "text": text,
                                            "correct": "on" if right else "",
                                            "feedback": "",
                                            "weight": weight,
                                        },
                                    )
                                    for text, right, weight in options
                                ]
                            ),
                        },
                    )
                ]
            ),
            "pass_mark": "70",
            "mastery_rule": "none",
            "mastery_count": "",
            "shuffle_options": "on",
            "max_attempts": "0",
            "show_answers": "on",
            "comments": inline_formset([]),
        }
    )


def test_a_positive_weight_on_a_wrong_option_is_refused_in_the_editor(client, trainer, module):
    client.force_login(trainer)
    form = quiz_form([("Un smartphone", True, ""), ("Un ordinateur", True, ""), ("Une calculatrice", False, "50")])
    response = client.post(f"/admin/pages/add/assessments/quizpage/{module.pk}/", form)
    assert response.status_code == 200
    assert not QuizPage.objects.filter(slug="quiz-appareils").exists()
    text = admin_text(response.content)
    assert "ne peut pas rapporter de points" in text
    # The message sits on the third option's weight, not on the whole question.
    assert (
        '"options": {"blockErrors": {"2": {"blockErrors": {"weight": {"messages": ["Cette réponse n\'est pas ' in text
    )


def test_empty_weights_are_saved_and_score_exactly(client, trainer, module):
    client.force_login(trainer)
    form = quiz_form(
        [
            ("Un smartphone", True, ""),
            ("Un ordinateur", True, ""),
            ("Une tablette", True, ""),
            ("Une calculatrice", False, ""),
        ]
    )
    response = client.post(f"/admin/pages/add/assessments/quizpage/{module.pk}/", form)
    assert response.status_code == 302, admin_text(response.content)[:3000]
    quiz = QuizPage.objects.get(slug="quiz-appareils").get_latest_revision_as_object()
    ((_value, question),) = quiz.question_map.values()
    assert sum(o["weight"] for o in question["options"][:3]) == 1
    assert json.dumps([str(o["weight"]) for o in question["options"]]) == '["1/3", "1/3", "1/3", "-1/3"]'

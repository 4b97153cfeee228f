"""Posted form values that no form could send (« ² », NUL, a huge number) give a clear message, never a 500."""

import uuid

from django.http import QueryDict

import pytest

from assessments import services
from assessments.models import Answer
from assessments.responses import decode
from assessments.scoring import InvalidResponse
from cms.text import parse_int
from tests.assessments.factories import RIGHT_ANSWERS, QuizPageFactory, post_data


@pytest.mark.parametrize(
    ("value", "number"),
    [
        ("0", 0),
        ("12", 12),
        ("007", 7),
        ("9" * 18, int("9" * 18)),
        ("9" * 19, None),  # would not fit a database key
        ("9" * 5000, None),  # int() itself refuses more than 4300 digits
        ("²", None),  # str.isdigit() says yes, int() says no
        ("1²", None),
        ("٣", None),  # Arabic-Indic three: int() would take it
        ("１", None),  # fullwidth one
        ("-1", None),
        ("+1", None),
        (" 1", None),
        ("1 ", None),
        ("1.5", None),
        ("", None),
        (None, None),
        (["1"], None),
    ],
)
def test_parse_int_takes_plain_digits_only(value, number):
    assert parse_int(value) == number


SINGLE = {"kind": "single", "options": [{"text": "a"}, {"text": "b"}]}
MATCHING = {"kind": "matching", "pairs": [{"left": "a", "right": "b"}, {"left": "c", "right": "d"}]}
SHORT = {"kind": "short_answer", "answers": [{"text": "FranceConnect"}]}


def posted(**values):
    data = QueryDict(mutable=True)
    for name, value in values.items():
        data.setlist(name, value if isinstance(value, list) else [value])
    return data


@pytest.mark.parametrize("raw", ["²", "1²", "٣", "9" * 5000, "-0", "1e0"])
def test_a_choice_that_is_not_plain_digits_is_refused(raw):
    with pytest.raises(InvalidResponse, match="ce choix n'existe pas"):
        decode("x", SINGLE, posted(**{"q-x": raw}))
    with pytest.raises(InvalidResponse, match="ce choix n'existe pas"):
        decode("x", {"kind": "multiple", "options": SINGLE["options"]}, posted(**{"q-x": ["0", raw]}))
    with pytest.raises(InvalidResponse, match="ce choix n'existe pas"):
        decode("x", MATCHING, posted(**{"q-x-0": raw}))


def test_plain_choices_still_decode():
    assert decode("x", SINGLE, posted(**{"q-x": "1"})) == 1
    assert decode("x", MATCHING, posted(**{"q-x-0": "1", "q-x-1": "0"})) == [1, 0]


@pytest.mark.parametrize("raw", ["\x00", "France\x00Connect", "FranceConnect\x00"])
def test_a_nul_character_in_a_typed_answer_is_refused_with_a_message(raw):
    with pytest.raises(InvalidResponse, match="un caractère n'est pas accepté"):
        decode("x", SHORT, posted(**{"q-x": raw}))


def test_a_typed_answer_keeps_its_other_characters():
    assert decode("x", SHORT, posted(**{"q-x": "  France Connect ✓ \t"})) == "France Connect ✓"
    assert decode("x", SHORT, posted(**{"q-x": "   "})) is None


# Through the pages: the anonymous trial, the attempt form and the autosave ---------------------------------------


@pytest.fixture
def quiz(module):
    return QuizPageFactory(parent=module, title="Vérifier ses acquis", slug="quiz")


BAD = [
    ("q-single", {"q-q-single": "²"}, "ce choix n"),
    ("q-match", {"q-q-match-0": "²"}, "ce choix n"),
    ("q-order", {"q-q-order-0": "9" * 5000}, "ce choix n"),
    ("q-short", {"q-q-short": "France\x00Connect"}, "un caractère n"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("question", "values", "message"), BAD)
def test_the_anonymous_trial_answers_bad_values_with_a_message(client, quiz, question, values, message):
    response = client.post(quiz.url + quiz.reverse_subpage("trial"), {**post_data(RIGHT_ANSWERS), **values})
    assert response.status_code == 400
    assert message in response.content.decode().replace("&#x27;", "'")


@pytest.mark.django_db
@pytest.mark.parametrize(("question", "values", "message"), BAD)
def test_an_attempt_refuses_bad_values_and_stores_nothing(client, resident, quiz, question, values, message):
    client.force_login(resident)
    attempt = services.start_attempt(user=resident, quiz=quiz, idempotency_key=uuid.uuid4())
    url = quiz.url + quiz.reverse_subpage("attempt", args=[attempt.pk])
    for extra in ({"enregistrer": "1"}, {"terminer": "1"}):
        response = client.post(url, {**post_data(RIGHT_ANSWERS), **values, **extra})
        assert response.status_code == 400
        assert message in response.content.decode().replace("&#x27;", "'")
    autosave = quiz.url + quiz.reverse_subpage("save_answer", args=[attempt.pk])
    response = client.post(autosave, {"question": question, **values})
    assert response.status_code == 400
    assert message in response.json()["error"]
    assert not Answer.objects.filter(attempt=attempt).exists()
    attempt.refresh_from_db()
    assert not attempt.is_submitted


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_nul_character_never_reaches_postgresql(client, resident, quiz):
    """PostgreSQL refuses « \\u0000 » in a JSON value: the answer must be refused before, with a message."""
    client.force_login(resident)
    attempt = services.start_attempt(user=resident, quiz=quiz, idempotency_key=uuid.uuid4())
    autosave = quiz.url + quiz.reverse_subpage("save_answer", args=[attempt.pk])
    response = client.post(autosave, {"question": "q-short", "q-q-short": "\x00"})
    assert response.status_code == 400
    assert not Answer.objects.filter(attempt=attempt).exists()

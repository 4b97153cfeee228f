"""The skip logic of the equipment questions of « Faire le point »: plain data, no database."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessments.equipment import EquipmentQuestion, walk

PROPERTY = settings(max_examples=200, deadline=None, database=None)

DEVICES = EquipmentQuestion("devices", ("", "", "no_device"), several=True)
OWN = EquipmentQuestion("own", ("", "shared_device"), skip_if=frozenset({"no_device"}))
NET = EquipmentQuestion("net", ("", "public_wifi_only", "no_internet"), skip_if=frozenset({"no_device"}))
EMAIL = EquipmentQuestion("email", ("", "no_email"))
QUESTIONS = [DEVICES, OWN, NET, EMAIL]


def test_no_device_skips_the_questions_about_the_device():
    walked = walk(QUESTIONS, {"devices": [2]})
    assert walked.next_id == "email"
    assert walked.skipped == ("own", "net")
    assert (walked.answered, walked.at_most) == (1, 2)
    assert walked.gaps == ("no_device",)


def test_a_device_asks_them_in_order():
    assert walk(QUESTIONS, {}).next_id == "devices"
    walked = walk(QUESTIONS, {"devices": [0, 1]})
    assert (walked.next_id, walked.at_most, walked.skipped) == ("own", 4, ())
    walked = walk(QUESTIONS, {"devices": [1], "own": [1], "net": [1], "email": [1]})
    assert walked.next_id is None
    assert walked.gaps == ("no_email", "public_wifi_only", "shared_device")


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"devices": [2], "own": [0]}, "ne devait pas être posée"),
        ({"own": [0]}, "ordre"),
        ({"devices": []}, "nombre de choix"),
        ({"devices": [0], "own": [0, 1]}, "nombre de choix"),
        ({"devices": [7]}, "n'existe pas"),
        ({"devices": ["0"]}, "n'existe pas"),
    ],
)
def test_answers_no_real_run_could_give_are_refused(answers, message):
    with pytest.raises(ValueError, match=message):
        walk(QUESTIONS, answers)


def test_answers_to_questions_no_longer_on_the_page_are_ignored():
    assert walk([DEVICES, EMAIL], {"devices": [0], "gone": [3]}).next_id == "email"


questions = st.lists(
    st.builds(
        EquipmentQuestion,
        id=st.text("abcdefgh", min_size=1, max_size=3),
        option_gaps=st.lists(st.sampled_from(["", "a", "b", "c"]), min_size=2, max_size=4).map(tuple),
        several=st.booleans(),
        skip_if=st.frozensets(st.sampled_from(["a", "b", "c"]), max_size=2),
    ),
    max_size=10,
    unique_by=lambda question: question.id,
)


@PROPERTY
@given(questions=questions, picks=st.lists(st.integers(0, 3), min_size=1))
def test_any_run_asks_each_question_once_and_the_bound_never_grows(questions, picks):
    answers, seen = {}, []
    choices = iter(picks * (len(questions) + 1))
    walked = walk(questions, answers)
    bounds = [walked.at_most]
    while walked.next_id is not None:
        question = next(q for q in questions if q.id == walked.next_id)
        seen.append(question.id)
        answers[question.id] = [next(choices) % len(question.option_gaps)]
        walked = walk(questions, answers)
        bounds.append(walked.at_most)
    assert len(seen) == len(set(seen)) == walked.answered == walked.at_most
    assert bounds == sorted(bounds, reverse=True)
    assert set(seen) | set(walked.skipped) == {question.id for question in questions}
    for question in questions:
        if question.id in walked.skipped:
            assert question.skip_if & set(walked.gaps)

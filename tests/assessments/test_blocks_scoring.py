"""The editor's quiz blocks: multiple-choice weights checked on the right field, exact weights, typo choice."""

from decimal import Decimal
from fractions import Fraction

from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

import pytest

from assessments.blocks import QuestionsBlock, question_to_block_data
from assessments.kinds.multiple import MultipleChoiceBlock
from assessments.kinds.short_answer import ShortAnswerBlock
from assessments.scoring import score
from demo.quizzes import QUIZZES
from tests.assessments.factories import base


def option(text, correct=False, weight=None):
    return {"text": text, "correct": correct, "feedback": "", "weight": weight}


def clean_multiple(*options):
    block = MultipleChoiceBlock()
    return block.clean(block.to_python(base("Question ?", options=list(options))))


def errors_of(raised):
    """(messages per option index for the weight field, messages above the options) of a block's error."""
    options_error = raised.value.block_errors["options"]
    assert isinstance(options_error, ListBlockValidationError)
    per_option = {index: child.block_errors["weight"].messages for index, child in options_error.block_errors.items()}
    above = [message for error in options_error.non_block_errors.as_data() for message in error.messages]
    return per_option, above


def test_a_positive_weight_on_a_wrong_option_is_refused_on_that_weight():
    with pytest.raises(StructBlockValidationError) as raised:
        clean_multiple(option("a", True), option("b", True), option("c", weight=50))
    per_option, above = errors_of(raised)
    assert list(per_option) == [2]
    assert "ne peut pas rapporter de points" in per_option[2][0]
    assert above == []


def test_right_weights_that_do_not_make_100_percent_are_refused_above_the_options():
    with pytest.raises(StructBlockValidationError) as raised:
        clean_multiple(option("a", True, 33), option("b", True, 33), option("c", True, 33), option("d"))
    per_option, above = errors_of(raised)
    assert per_option == {}
    assert above == [
        "Les poids des bonnes réponses font 99 % : il faut 100 % en tout. Laissez-les vides pour partager les "
        "points à parts égales."
    ]


def test_no_right_option_is_refused():
    with pytest.raises(StructBlockValidationError) as raised:
        clean_multiple(option("a"), option("b"))
    assert errors_of(raised)[1] == ["Cochez au moins une bonne réponse."]


def test_empty_weights_split_exactly_and_wrong_options_cost_a_share():
    value = clean_multiple(option("a", True), option("b", True), option("c", True), option("d"))
    question = value.to_question()
    assert [o["weight"] for o in question["options"]] == [Fraction(1, 3)] * 3 + [Fraction(-1, 3)]
    assert score(question, [0, 1, 2]).credit == 1
    assert score(question, [0, 1, 2, 3]).credit < 1


def test_decimal_weights_are_accepted():
    value = clean_multiple(option("a", True, "66.67"), option("b", True, "33.33"), option("c", weight=-50))
    assert [o["weight"] for o in value.to_question()["options"]] == [
        Fraction(6667, 10000),
        Fraction(3333, 10000),
        Fraction(-1, 2),
    ]


def test_weights_saved_as_whole_percents_before_still_give_100_percent():
    block = MultipleChoiceBlock()
    value = block.to_python(
        base("Question ?", options=[option("a", True, 33), option("b", True, 33), option("c", True, 33)])
    )
    assert score(value.to_question(), [0, 1, 2]).credit == 1


@pytest.mark.parametrize(
    "weights",
    [
        [Fraction(1, 3), Fraction(1, 3), Fraction(1, 3), Fraction(-1, 3)],
        [0.3333333, 0.3333333, 0.3333333, 0],  # from a GIFT file
        [0.6666667, 0.3333333, -0.5],
        [0.5, 0.3, 0.2, -1],
    ],
)
def test_gift_weights_go_into_the_editor_and_stay_fully_right(weights):
    question = {
        "kind": "multiple",
        "stem": "<p>Question ?</p>",
        "options": [{"text": f"option {i}", "weight": weight, "feedback": ""} for i, weight in enumerate(weights)],
    }
    raw = question_to_block_data(question)["value"]
    block = MultipleChoiceBlock()
    value = block.clean(block.to_python(raw))  # passes the editor's checks as imported
    again = value.to_question()
    rights = [i for i, weight in enumerate(weights) if weight > 0]
    assert score(again, rights).credit == 1
    assert score(again, list(range(len(weights)))).credit < 1


def test_short_answer_typos_are_a_choice_on_by_default():
    block = ShortAnswerBlock()
    raw = base("Quel site ?", answers=[{"text": "ameli.fr", "feedback": ""}])
    assert block.to_python(raw).to_question()["typos"] is True  # also for blocks saved before the choice existed
    strict = block.to_python({**raw, "typos": False}).to_question()
    assert strict["typos"] is False
    assert not score(strict, "amelli.fr").correct
    again = block.to_python(question_to_block_data(strict)["value"]).to_question()
    assert again == strict


def test_a_number_answer_in_the_editor_is_never_fuzzy():
    block = ShortAnswerBlock()
    question = block.to_python(base("Code postal ?", answers=[{"text": "33700", "feedback": ""}])).to_question()
    assert not score(question, "33701").correct
    assert score(question, "33 700").correct


def test_every_demo_quiz_can_be_fully_right():
    stream = QuestionsBlock()
    for quiz in QUIZZES:
        for plain in quiz["questions"]:
            raw = question_to_block_data(plain)
            block = stream.child_blocks[raw["type"]]
            question = block.clean(block.to_python(raw["value"])).to_question()
            assert score(question, _all_right(question)).credit == 1, (quiz["title"], plain["stem"])


def test_the_first_steps_quiz_scores_100_percent_when_everything_is_right():
    quiz = next(quiz for quiz in QUIZZES if quiz["title"] == "Quiz : les premiers pas")
    stream = QuestionsBlock()
    credits = []
    for plain in quiz["questions"]:
        raw = question_to_block_data(plain)
        question = stream.child_blocks[raw["type"]].to_python(raw["value"]).to_question()
        credits.append(score(question, _all_right(question)).credit)
    assert credits == [1] * len(quiz["questions"])


def _all_right(question):
    kind = question["kind"]
    if kind == "single":
        return max(range(len(question["options"])), key=lambda i: question["options"][i]["weight"])
    if kind == "multiple":
        return [i for i, o in enumerate(question["options"]) if o["weight"] > 0]
    if kind == "true_false":
        return question["answer"]
    if kind == "short_answer":
        return question["answers"][0]["text"]
    if kind == "matching":
        return list(range(len(question["pairs"])))
    return list(range(len(question["items"])))


def test_weights_are_stored_as_json_numbers_or_strings():
    raw = question_to_block_data(
        {
            "kind": "multiple",
            "stem": "<p>Q</p>",
            "options": [
                {"text": "a", "weight": Fraction(2, 3), "feedback": ""},
                {"text": "b", "weight": Fraction(1, 3), "feedback": ""},
                {"text": "c", "weight": Fraction(-1, 4), "feedback": ""},
            ],
        }
    )["value"]
    assert [o["weight"] for o in raw["options"]] == ["66.67", None, -25]
    assert Decimal(raw["options"][0]["weight"]) == Decimal("66.67")

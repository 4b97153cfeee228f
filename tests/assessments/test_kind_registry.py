"""The question kinds registry: a kind is one class in one module, and every other module loops over the registry.

A toy kind, registered here and removed after each test, is scored, decoded, shown, described on the results page,
read and written in GIFT, previewed on import and turned into a block without editing any other module.
"""

import pkgutil
import random
from fractions import Fraction

from django.http import QueryDict
from django.template.loader import render_to_string

from wagtail import blocks

import pytest

from assessments import gift, gift_import, kinds, responses, scoring, services
from assessments.blocks import QuestionsBlock, question_to_block_data
from assessments.kinds.fields import QuestionBlock, QuestionStructValue
from assessments.models import QuizPage
from assessments.views import question_context
from cms.text import parse_int
from tests.assessments.factories import all_kinds

TOY = "toy_number"


class ToyNumberValue(QuestionStructValue):
    kind = TOY

    def to_question(self):
        return {**self.base_question(), "number": self["number"]}


class ToyNumberBlock(QuestionBlock):
    number = blocks.IntegerBlock(label="Le nombre attendu")

    class Meta:
        label = "Nombre"
        value_class = ToyNumberValue


class ToyNumber(kinds.QuestionKind):
    """The person types a whole number; right when it is the expected one. GIFT: {N:42}."""

    name = TOY
    label = "Nombre"
    instruction = "Écrivez un nombre."
    template = "assessments/kinds/short_answer.html"  # a text field is all it needs
    position = 1000
    block_class = ToyNumberBlock
    gift_order = 0
    gift_inline = True

    def block_value(self, question):
        return {"number": question["number"]}

    def decode(self, question_id, question, data):
        raw = data.get(responses.field_name(question_id), "")
        if not raw:
            return None
        number = parse_int(raw)
        if number is None:
            raise scoring.InvalidResponse("Réponse invalide : un nombre est attendu.")
        return number

    def encode(self, question_id, question, response):
        return {responses.field_name(question_id): str(response)}

    def form_context(self, question_id, question, *, order, saved):
        return {"text": saved.get(responses.field_name(question_id), ""), "max_length": 6}

    def score(self, question, response):
        return Fraction(response == question["number"]), True, []

    def right_answer(self, question):
        return scoring.the_answer([str(question["number"])])

    def your_answer(self, question, response):
        return f"Votre réponse : {response}"

    def sample_responses(self, question):
        return question["number"], question["number"] + 1

    def gift_reads(self, answers):
        return answers.startswith("N:")

    def gift_read(self, mapper):
        return {"kind": TOY, "number": int(mapper.raw.answers[2:])}

    def gift_normalize(self, question):
        return {"number": int(question["number"])}

    def gift_answers(self, question, writer):
        return [f"N:{question['number']}"]

    def gift_preview(self, question):
        return {"answers": [{"text": str(question["number"]), "feedback": ""}]}


@pytest.fixture
def toy():
    kinds.register(ToyNumber)
    try:
        yield kinds.get(TOY)
    finally:
        kinds.unregister(TOY)


def toy_question(number=42):
    return {
        "kind": TOY,
        "name": "",
        "stem": "<p>Combien de départements compte la France ?</p>",
        "explanation": "",
        "competence": None,
        "level": None,
        "number": number,
    }


# The registry ----------------------------------------------------------------------------------------------------


def test_every_module_of_the_package_is_read_and_each_kind_registered_once():
    names = [kind.name for kind in kinds.all()]
    assert names == ["single", "multiple", "true_false", "short_answer", "matching", "ordering"]
    modules = {module.name for module in pkgutil.iter_modules(kinds.__path__)}
    assert set(names) <= modules  # one module per kind, named after it
    with pytest.raises(ValueError, match="already registered"):
        kinds.register(type(kinds.get("single")))


def test_an_unknown_kind_is_refused_everywhere():
    question = {**toy_question(), "kind": "essay"}
    assert kinds.find("essay") is None
    with pytest.raises(kinds.UnknownKind):
        kinds.get("essay")
    with pytest.raises(ValueError):
        scoring.score(question, 3)
    with pytest.raises(scoring.InvalidResponse):
        responses.decode("q1", question, {})
    assert responses.encode("q1", question, 3) == {}
    assert gift.write([question]).skipped[0].message == "Type de question inconnu."


def test_the_quiz_field_has_one_block_per_registered_kind_in_order():
    stream = QuizPage._meta.get_field("questions").stream_block
    assert list(stream.child_blocks) == [kind.name for kind in kinds.all()]


@pytest.mark.parametrize("raw", all_kinds(), ids=lambda raw: raw["type"])
def test_each_kind_keeps_its_contract(raw):
    """Right sample scores 100 %, the wrong one less; a response survives the form and back; the plain question
    survives the block and back."""
    block = QuestionsBlock().child_blocks[raw["type"]]
    question = block.to_python(raw["value"]).to_question()
    kind = kinds.get(question["kind"])
    right, wrong = kind.sample_responses(question)
    assert scoring.score(question, right).correct
    if wrong is not None:
        assert scoring.score(question, wrong).credit < 1
    form = QueryDict(mutable=True)
    for name, value in responses.encode("q1", question, right).items():
        form.setlist(name, value if isinstance(value, list) else [value])
    decoded = responses.decode("q1", question, form)
    assert scoring.score(question, decoded).correct
    again = block.to_python(question_to_block_data(question)["value"]).to_question()
    assert again == question


# The toy kind, through the registry-driven code ------------------------------------------------------------------


def test_a_new_kind_is_registered_after_the_others(toy):
    assert kinds.all()[-1] is toy
    assert kinds.get(TOY) is toy


def test_a_new_kind_is_scored(toy):
    question = toy_question()
    assert scoring.score(question, 42).correct
    assert scoring.score(question, 42).credit == 1
    wrong = scoring.score(question, 41)
    assert (wrong.credit, wrong.correct, wrong.answered) == (0, False, True)
    blank = scoring.score(question, None)
    assert (blank.answered, blank.right_answer) == (False, "La bonne réponse : 42")
    assert scoring.right_answer(question) == "La bonne réponse : 42"


def test_a_new_kind_decodes_and_encodes_its_form_fields(toy):
    question = toy_question()
    assert responses.decode("q1", question, QueryDict("q-q1=42")) == 42
    assert responses.decode("q1", question, {"q-q1": ""}) is None
    with pytest.raises(scoring.InvalidResponse):
        responses.decode("q1", question, {"q-q1": "beaucoup"})
    assert responses.encode("q1", question, 42) == {"q-q1": "42"}
    assert responses.encode("q1", question, None) == {}


def test_a_new_kind_is_shown_in_the_quiz_form(toy):
    question = toy_question()
    item = question_context("q1", {"stem": question["stem"]}, question, order=None, saved={"q-q1": "41"})
    assert (item["kind"], item["instruction"], item["text"]) == (TOY, "Écrivez un nombre.", "41")
    html = render_to_string("assessments/_question.html", {"item": item, "number": 1, "total": 1})
    assert "Écrivez un nombre." in html
    assert 'name="q-q1"' in html and 'value="41"' in html and 'maxlength="6"' in html


def test_a_new_kind_is_described_on_the_results_page(toy):
    question = toy_question()
    rows = [{"id": "q1", "question": question, "result": scoring.score(question, 41)}]
    services.describe(rows, {"q1": 41})
    assert rows[0]["your_answer"] == "Votre réponse : 41"
    assert rows[0]["right_answer"] == "La bonne réponse : 42"
    order = toy.answer_order(question, shuffle=True, rng=random.Random(1))
    assert order == []  # nothing to shuffle


def test_a_new_kind_is_read_and_written_in_gift(toy):
    result = gift.parse("// competence: 4.2\nCombien de départements compte la France ? {N:101}\n")
    assert result.questions == [
        {
            "kind": TOY,
            "name": "",
            "stem": "<p>Combien de départements compte la France ?</p>",
            "explanation": "",
            "competence": "4.2",
            "level": None,
            "number": 101,
        }
    ]
    text = gift.dumps(result.questions)
    assert "{N:101}" in text
    assert gift.parse(text).questions == result.questions
    assert gift.parse(gift.dumps([toy_question()])).questions == [gift.normalize(toy_question())]


def test_without_the_kind_its_gift_syntax_is_refused():
    with pytest.raises(gift.GiftSyntaxError):
        gift.parse("Combien ? {N:101}\n")


@pytest.mark.django_db
def test_a_new_kind_is_previewed_on_gift_import(toy):
    preview = gift_import.Preview(title="Quiz", questions=[toy_question()])
    (item,) = preview.items()
    assert item["kind"] == "Nombre"
    assert item["answers"] == [{"text": "42", "feedback": ""}]


def test_a_new_kind_becomes_a_block_of_a_new_questions_stream(toy):
    stream = QuestionsBlock()
    assert list(stream.child_blocks)[-1] == TOY
    assert list(stream.child_blocks)[:-1] == list(QuizPage._meta.get_field("questions").stream_block.child_blocks)
    raw = question_to_block_data(toy_question())
    assert raw == {
        "type": TOY,
        "value": {
            "stem": "<p>Combien de départements compte la France ?</p>",
            "image": None,
            "image_alt": "",
            "competence": None,
            "level": "1",
            "explanation": "",
            "number": 42,
        },
    }
    value = stream.child_blocks[TOY].to_python(raw["value"])
    assert value.kind_label == "Nombre"
    assert value.to_question() == {**toy_question(), "level": 1}


def test_a_kind_that_leaves_out_what_every_kind_must_say_is_refused_when_registered():
    class NoScore(ToyNumber):
        name = "sans_note"
        score = kinds.QuestionKind.score  # the abstract method again: the kind does not say how it scores

    with pytest.raises(TypeError, match="score"):
        kinds.register(NoScore)
    assert kinds.find("sans_note") is None


def test_a_kind_that_gift_can_express_must_read_and_write_it():
    class NoGiftWriter(ToyNumber):
        name = "sans_gift"
        gift_answers = None

    with pytest.raises(TypeError, match="gift_answers"):
        kinds.register(NoGiftWriter)
    assert kinds.find("sans_gift") is None

from wagtail.blocks.struct_block import StructBlockValidationError

import pytest

from assessments.blocks import QuestionsBlock, question_to_block_data
from assessments.kinds.matching import MatchingBlock
from assessments.kinds.multiple import MultipleChoiceBlock
from assessments.kinds.ordering import OrderingBlock
from assessments.kinds.short_answer import ShortAnswerBlock
from assessments.kinds.single import SingleChoiceBlock
from assessments.kinds.true_false import TrueFalseBlock
from assessments.models import Competence
from cms.models import GlossaryTerm
from tests.assessments.factories import QuizPageFactory, all_kinds, base


def clean(block_class, **values):
    block = block_class()
    return block.clean(block.to_python(base("Question ?", **values)))


def option(text, correct=False, **extra):
    return {"text": text, "correct": correct, "feedback": "", **extra}


def test_single_choice_needs_exactly_one_right_option():
    with pytest.raises(StructBlockValidationError):
        clean(SingleChoiceBlock, options=[option("a"), option("b")])
    with pytest.raises(StructBlockValidationError):
        clean(SingleChoiceBlock, options=[option("a", True), option("b", True)])
    assert clean(SingleChoiceBlock, options=[option("a", True), option("b")])


def test_multiple_choice_needs_at_least_one_right_option_and_computes_weights():
    with pytest.raises(StructBlockValidationError):
        clean(MultipleChoiceBlock, options=[option("a", weight=None), option("b", weight=None)])
    value = clean(
        MultipleChoiceBlock,
        options=[option("a", True, weight=None), option("b", True, weight=None), option("c", weight=-50)],
    )
    assert [o["weight"] for o in value.to_question()["options"]] == [0.5, 0.5, -0.5]


def test_matching_needs_two_distinct_pairs():
    with pytest.raises(StructBlockValidationError):
        clean(MatchingBlock, pairs=[{"left": "CAF", "right": "Allocations"}])
    with pytest.raises(StructBlockValidationError):
        clean(MatchingBlock, pairs=[{"left": "CAF", "right": "Aide"}, {"left": "MSA", "right": "aide"}])
    assert clean(MatchingBlock, pairs=[{"left": "CAF", "right": "Aide"}, {"left": "ANTS", "right": "Titres"}])


def test_ordering_needs_three_items():
    with pytest.raises(StructBlockValidationError):
        clean(OrderingBlock, items=["un", "deux"])
    assert clean(OrderingBlock, items=["un", "deux", "trois"]).to_question()["items"] == ["un", "deux", "trois"]


def test_short_answer_needs_an_accepted_answer():
    with pytest.raises(StructBlockValidationError):
        clean(ShortAnswerBlock, answers=[])


def test_true_false_turns_into_a_plain_question():
    question = clean(TrueFalseBlock, answer="false", feedback_true="Non.", feedback_false="Oui.").to_question()
    assert question["answer"] is False
    assert (question["feedback_true"], question["feedback_false"]) == ("Non.", "Oui.")


def test_every_question_block_has_icon_template_description_and_group():
    for block in QuestionsBlock().child_blocks.values():
        meta = block.meta
        assert meta.icon and meta.template and meta.description and meta.group == "Questions", block.name


@pytest.mark.django_db
def test_plain_questions_go_back_into_blocks_unchanged():
    stream = QuestionsBlock()
    for raw in all_kinds():
        value = stream.child_blocks[raw["type"]].to_python(raw["value"])
        question = value.to_question()
        again = stream.child_blocks[raw["type"]].to_python(question_to_block_data(question)["value"])
        assert again.to_question() == question, raw["type"]


@pytest.mark.django_db
def test_trainers_edit_the_glossary_and_the_competences_in_the_admin(client, trainer):
    client.force_login(trainer)
    response = client.post(
        "/admin/snippets/cms/glossaryterm/add/",
        {
            "term": "Hameçonnage",
            "variants": "phishing",
            "definition": "Un faux message qui vole vos codes.",
            "example": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:1000]
    assert GlossaryTerm.objects.get(term="Hameçonnage").slug == "hameconnage"
    competence = Competence.objects.get(code="6.1")
    assert client.get(f"/admin/snippets/assessments/competence/edit/{competence.pk}/").status_code == 200


@pytest.mark.django_db
def test_glossary_definition_is_limited_to_300_characters(client, trainer):
    client.force_login(trainer)
    response = client.post(
        "/admin/snippets/cms/glossaryterm/add/",
        {"term": "Long", "variants": "", "definition": "x" * 301, "example": ""},
    )
    assert response.status_code == 200
    assert "300" in response.content.decode()


@pytest.mark.django_db
def test_quiz_preview_shows_every_question(rf, module, trainer):
    quiz = QuizPageFactory(parent=module)
    request = rf.get("/")
    request.user = trainer
    request.session = {}
    response = quiz.make_preview_request(original_request=request)
    content = response.content.decode() if hasattr(response, "content") else response.rendered_content
    assert content.count('data-question="') == 6

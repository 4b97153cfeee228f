"""True or false: a statement the person says is true or false."""

from fractions import Fraction

from wagtail import blocks

from assessments import gift, responses
from assessments.kinds import register
from assessments.kinds.base import QuestionKind
from assessments.kinds.fields import QuestionBlock, QuestionStructValue
from assessments.scoring import InvalidResponse, feedback_texts, plain_text

NAME = "true_false"
GIFT_WORDS = {"T": True, "TRUE": True, "F": False, "FALSE": False}


class TrueFalseValue(QuestionStructValue):
    kind = NAME

    def to_question(self):
        return {
            **self.base_question(),
            "answer": self["answer"] == "true",
            "feedback_true": self["feedback_true"] or "",
            "feedback_false": self["feedback_false"] or "",
        }


class TrueFalseBlock(QuestionBlock):
    answer = blocks.ChoiceBlock(
        label="La phrase est", choices=[("true", "Vraie"), ("false", "Fausse")], default="true"
    )
    feedback_true = blocks.CharBlock(
        label="Commentaire si la personne répond « Vrai »", required=False, max_length=300
    )
    feedback_false = blocks.CharBlock(
        label="Commentaire si la personne répond « Faux »", required=False, max_length=300
    )

    class Meta:
        icon = "help"
        label = "Vrai ou faux"
        template = "assessments/blocks/question_preview.html"
        description = "Une affirmation, vraie ou fausse."
        value_class = TrueFalseValue
        group = "Questions"


@register
class TrueFalse(QuestionKind):
    name = NAME
    label = "Vrai ou faux"
    instruction = "Vrai ou faux ?"
    template = "assessments/kinds/true_false.html"
    position = 30
    block_class = TrueFalseBlock
    gift_order = 40
    gift_inline = True

    def block_value(self, question):
        return {
            "answer": "true" if question["answer"] else "false",
            "feedback_true": question.get("feedback_true", ""),
            "feedback_false": question.get("feedback_false", ""),
        }

    def decode(self, question_id, question, data):
        raw = data.get(responses.field_name(question_id), "")
        if raw not in ("", "vrai", "faux"):
            raise InvalidResponse("Réponse invalide : vrai ou faux attendu.")
        return None if raw == "" else raw == "vrai"

    def encode(self, question_id, question, response):
        return {responses.field_name(question_id): "vrai" if response else "faux"}

    def form_context(self, question_id, question, *, order, saved):
        return {"chosen": saved.get(responses.field_name(question_id), "")}

    def score(self, question, response):
        if not isinstance(response, bool):
            raise InvalidResponse("Réponse invalide : vrai ou faux est attendu.")
        feedback = question.get("feedback_true", "") if response else question.get("feedback_false", "")
        return Fraction(response == question["answer"]), True, feedback_texts([feedback])

    def right_answer(self, question):
        return "Vrai" if question["answer"] else "Faux"

    def right_answer_words(self, question, result):
        """With its statement, never a bare « Vrai »."""
        statement = plain_text(question.get("stem", ""))
        word = "Vrai" if question["answer"] else "Faux"
        return f"La bonne réponse : {word}" + (f" (« {statement} » est {word.lower()})" if statement else "")

    def your_answer(self, question, response):
        return f"Votre réponse : {'Vrai' if response else 'Faux'}" if isinstance(response, bool) else ""

    def sample_responses(self, question):
        return question["answer"], not question["answer"]

    # GIFT: {T} or {FALSE}; « #first » feedback is for the wrong pick, « #second » for the right one.

    def gift_reads(self, answers):
        return answers.partition("#")[0].strip(gift.WS).upper() in GIFT_WORDS

    def gift_read(self, mapper):
        head, _, feedbacks = mapper.raw.answers.partition("#")
        wrong, _, right = feedbacks.partition("#")
        answer = GIFT_WORDS[head.strip(gift.WS).upper()]
        wrong, right = mapper.text(wrong), mapper.text(right)
        return {
            "kind": NAME,
            "answer": answer,
            "feedback_true": right if answer else wrong,
            "feedback_false": wrong if answer else right,
        }

    def gift_normalize(self, question):
        if not isinstance(question["answer"], bool):
            raise TypeError("answer must be a bool")
        return {
            "answer": question["answer"],
            "feedback_true": gift.clean_text(question.get("feedback_true") or ""),
            "feedback_false": gift.clean_text(question.get("feedback_false") or ""),
        }

    def gift_texts(self, question):
        return [question.get("feedback_true", ""), question.get("feedback_false", "")]

    def gift_answers(self, question, writer):
        answer = question["answer"]
        right = question["feedback_true"] if answer else question["feedback_false"]
        wrong = question["feedback_false"] if answer else question["feedback_true"]
        feedback = ("#" + writer.text(wrong) if wrong else "#" if right else "") + (
            "#" + writer.text(right) if right else ""
        )
        return [("TRUE" if answer else "FALSE") + feedback]

    def gift_preview(self, question):
        return {
            "answer": "Vrai" if question["answer"] else "Faux",
            "feedback_true": question.get("feedback_true") or "",
            "feedback_false": question.get("feedback_false") or "",
        }

"""Short answer: the person writes a word or a number, matched against the accepted answers."""

import math
from fractions import Fraction

from wagtail import blocks

from assessments import gift, responses
from assessments.gift import NBSP, Unsupported
from assessments.kinds import register
from assessments.kinds.base import QuestionKind
from assessments.kinds.fields import QuestionBlock, QuestionStructValue
from assessments.scoring import (
    InvalidResponse,
    feedback_texts,
    is_number_answer,
    levenshtein,
    normalize_answer,
    plain_text,
    the_answer,
)

NAME = "short_answer"


class AcceptedAnswerBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Réponse acceptée", max_length=120)
    feedback = blocks.CharBlock(label="Commentaire", required=False, max_length=300)

    class Meta:
        icon = "tick"
        label = "Réponse acceptée"


class ShortAnswerValue(QuestionStructValue):
    kind = NAME

    def to_question(self):
        return {
            **self.base_question(),
            "answers": [{"text": a["text"], "feedback": a["feedback"] or ""} for a in self["answers"]],
            "typos": bool(self.get("typos", True)),
        }


class ShortAnswerBlock(QuestionBlock):
    answers = blocks.ListBlock(
        AcceptedAnswerBlock(),
        label="Réponses acceptées",
        min_num=1,
        help_text="Majuscules, accents et espaces en trop ne comptent pas. Une réponse avec des chiffres "
        "(« 2025 », « 33 700 ») doit être écrite exactement.",
    )
    typos = blocks.BooleanBlock(
        label="Accepter les petites fautes de frappe",
        required=False,
        default=True,
        help_text="Pour les mots : une lettre sur quatre peut être fausse (« amelli » pour « ameli »). Décochez "
        "quand l'orthographe exacte compte. Jamais pour les nombres.",
    )

    class Meta:
        icon = "edit"
        label = "Réponse courte"
        template = "assessments/blocks/question_preview.html"
        description = "La personne écrit un mot ou un nombre."
        value_class = ShortAnswerValue
        group = "Questions"


def _allowed_typos(accepted: str) -> int:
    # As Pix does: up to a quarter of the accepted answer's length, so 1 to 3 characters must be exact.
    return math.floor(len(accepted) * 0.25)


def _without_spaces(text: str) -> str:
    return "".join(text.split())


def _matches(given: str, accepted: str, *, typos: bool) -> int | None:
    """The number of typos between a normalised response and a normalised accepted answer, None when too far."""
    if is_number_answer(accepted):
        return 0 if _without_spaces(given) == _without_spaces(accepted) else None
    if not typos:
        return 0 if given == accepted else None
    allowed = _allowed_typos(accepted)
    if abs(len(accepted) - len(given)) > allowed:
        return None  # too far apart anyway; also spares the table for very long inputs
    distance = levenshtein(given, accepted)
    return distance if distance <= allowed else None


@register
class ShortAnswer(QuestionKind):
    name = NAME
    label = "Réponse courte"
    instruction = "Écrivez votre réponse."
    template = "assessments/kinds/short_answer.html"
    position = 40
    block_class = ShortAnswerBlock
    gift_order = 50

    def block_value(self, question):
        return {
            "answers": [{"text": a["text"], "feedback": a.get("feedback", "")} for a in question["answers"]],
            "typos": bool(question.get("typos", True)),
        }

    def decode(self, question_id, question, data):
        return responses.typed_text(data.get(responses.field_name(question_id), ""))

    def encode(self, question_id, question, response):
        return {responses.field_name(question_id): response}

    def form_context(self, question_id, question, *, order, saved):
        return {"text": saved.get(responses.field_name(question_id), ""), "max_length": responses.MAX_TEXT_LENGTH}

    def score(self, question, response):
        if not isinstance(response, str):
            raise InvalidResponse("Réponse invalide : un texte est attendu.")
        given = normalize_answer(response)
        if not given:
            return Fraction(0), False, []
        typos = question.get("typos", True)
        best = None  # (distance, answer) of the closest accepted answer within its typo allowance
        for answer in question["answers"]:
            distance = _matches(given, normalize_answer(plain_text(answer["text"])), typos=typos)
            if distance is not None and (best is None or distance < best[0]):
                best = (distance, answer)
        if best is None:
            return Fraction(0), True, []
        return Fraction(1), True, feedback_texts([best[1].get("feedback", "")])

    def right_answer(self, question):
        return the_answer([plain_text(answer["text"]) for answer in question["answers"]][:1])

    def your_answer(self, question, response):
        text = str(response).strip()
        return f"Votre réponse : « {text} »" if text else ""

    def sample_responses(self, question):
        return plain_text(question["answers"][0]["text"]), "je ne sais pas"

    # GIFT: {=a =b}, every answer fully right.

    def gift_reads(self, answers):
        return answers.startswith("=")

    def gift_read(self, mapper):
        answers = mapper.raw.split_answers()
        partial = [answer for answer in answers if answer.weight is not None and answer.weight != 1]
        if partial:
            percent = f"{partial[0].weight * 100:g}".replace(".", ",")
            raise Unsupported(
                f"Réponse courte avec crédit partiel ({percent}{NBSP}%){NBSP}: non prise en charge, "
                "seules les réponses entièrement justes sont possibles."
            )
        return {
            "kind": NAME,
            "answers": [{"text": mapper.answer_text(a), "feedback": mapper.text(a.feedback or "")} for a in answers],
        }

    def gift_normalize(self, question):
        return {
            "answers": [
                {"text": gift.clean_text(answer["text"]), "feedback": gift.clean_text(answer.get("feedback") or "")}
                for answer in question["answers"]
            ]
        }

    def gift_check(self, question):
        if not question["answers"] or not all(answer["text"] for answer in question["answers"]):
            return "Une réponse courte demande au moins une réponse acceptée, non vide."
        return ""

    def gift_texts(self, question):
        return [text for answer in question["answers"] for text in (answer["text"], answer["feedback"])]

    def gift_answers(self, question, writer):
        return ["=" + writer.with_feedback(answer["text"], answer["feedback"]) for answer in question["answers"]]

    def gift_preview(self, question):
        return {"answers": question.get("answers", [])}

"""What the two choice kinds share (single and multiple): options with a weight, a text and a feedback each.

No kind is registered here: ChoiceKind is the base of assessments.kinds.single and assessments.kinds.multiple.
"""

import math
from abc import abstractmethod

from wagtail import blocks

from assessments import gift, responses
from assessments.gift import NBSP, GiftSyntaxError
from assessments.kinds.base import QuestionKind
from assessments.scoring import plain_text, safe_index


class ChoiceOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Réponse proposée", max_length=200)
    correct = blocks.BooleanBlock(label="Bonne réponse", required=False)
    feedback = blocks.CharBlock(label="Commentaire si choisie", required=False, max_length=300)

    class Meta:
        icon = "radio-full"
        label = "Réponse"


class ChoiceKind(QuestionKind):
    template = "assessments/kinds/choice.html"
    input_type = ""  # "radio" or "checkbox"

    def size(self, question):
        return len(question["options"])

    def form_context(self, question_id, question, *, order, saved):
        chosen = saved.get(responses.field_name(question_id), [])
        chosen = chosen if isinstance(chosen, list) else [chosen]
        return {
            "input_type": self.input_type,
            "options": [
                {"index": i, "text": question["options"][i]["text"], "checked": str(i) in chosen} for i in order
            ],
        }

    def your_answer(self, question, response):
        options = question["options"]
        chosen = response if isinstance(response, list) else [response]
        texts = [plain_text(options[i]["text"]) for i in chosen if safe_index(i, len(options)) is not None]
        return f"Votre réponse : {', '.join(texts)}" if texts else ""

    # GIFT: any « ~ » in the answers makes a choice; one « = » among them a single choice, else a multiple one.

    def gift_read(self, mapper):
        answers = mapper.raw.split_answers()
        for answer in answers:
            if "->" in answer.text:
                raise GiftSyntaxError(
                    answer.line,
                    mapper.raw.label,
                    f"«{NBSP}->{NBSP}» est réservé aux questions d'association, qui n'ont que des réponses "
                    f"«{NBSP}={NBSP}» (pas de «{NBSP}~{NBSP}»).",
                )
        if len(answers) < 2:
            raise mapper.raw.error(mapper.raw.answers_offset, "une question à choix demande au moins deux réponses.")
        # An unweighted "=" is worth 100 % in a single choice, 1/number of "=" in a multiple one; "~" is worth 0.
        right = sum(answer.marker == "=" for answer in answers)
        weights = self.gift_weights(mapper, answers, right)
        options = [
            {
                "text": mapper.answer_text(answer),
                "weight": weight,
                "feedback": mapper.text(answer.feedback or ""),
            }
            for answer, weight in zip(answers, weights, strict=True)
        ]
        texts = [option["text"].casefold() for option in options]
        if len(set(texts)) < len(texts):
            mapper.warn("Deux réponses ont le même texte.")
        return {"kind": self.name, "options": options}

    @abstractmethod
    def gift_weights(self, mapper, answers, right) -> list[float]:
        """Each answer's weight, from its marker and explicit %weight; `right` is how many answers are marked "="."""

    def gift_normalize(self, question):
        return {
            "options": [
                {
                    "text": gift.clean_text(option["text"]),
                    "weight": gift.rounded_weight(float(option.get("weight") or 0)),
                    "feedback": gift.clean_text(option.get("feedback") or ""),
                }
                for option in question["options"]
            ]
        }

    def gift_check(self, question):
        options = question["options"]
        if len(options) < 2:
            return "Une question à choix demande au moins deux réponses."
        if not all(option["text"] for option in options):
            return "Une réponse est vide."
        if not all(-1 <= option["weight"] <= 1 and math.isfinite(option["weight"]) for option in options):
            return "Un poids de réponse sort de l'intervalle -100 % à 100 %.".replace(" %", f"{NBSP}%")
        return ""

    def gift_texts(self, question):
        return [text for option in question["options"] for text in (option["text"], option["feedback"])]

    def gift_marker(self, weight: float) -> str:
        return "~" if weight == 0 else f"~%{gift.percent_text(weight)}%"

    def gift_answers(self, question, writer):
        return [
            self.gift_marker(option["weight"]) + writer.with_feedback(option["text"], option["feedback"])
            for option in question["options"]
        ]


def preview_percent(weight):
    """A weight as the GIFT import preview shows it (« 33,33 % »)."""
    value = f"{weight * 100:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{value}\u00a0%"

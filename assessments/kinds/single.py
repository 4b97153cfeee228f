"""Single choice: one right answer among several options (others may bring partial credit)."""

from django.utils.html import strip_tags

from wagtail import blocks

from assessments import responses
from assessments.gift import NBSP, Unsupported
from assessments.kinds import register
from assessments.kinds.choice import ChoiceKind, ChoiceOptionBlock, preview_percent
from assessments.kinds.fields import QuestionBlock, QuestionStructValue, error
from assessments.scoring import check_index, exact, feedback_texts, plain_text, the_answer

NAME = "single"


class SingleChoiceValue(QuestionStructValue):
    kind = NAME

    def to_question(self):
        return {
            **self.base_question(),
            "options": [
                {"text": o["text"], "weight": 1.0 if o["correct"] else 0.0, "feedback": o["feedback"] or ""}
                for o in self["options"]
            ],
        }


class SingleChoiceBlock(QuestionBlock):
    options = blocks.ListBlock(ChoiceOptionBlock(), label="Réponses proposées", min_num=2)

    class Meta:
        icon = "radio-full"
        label = "Choix unique"
        template = "assessments/blocks/question_preview.html"
        description = "Une seule bonne réponse parmi plusieurs."
        value_class = SingleChoiceValue
        group = "Questions"
        preview_value = {
            "stem": "<p>Quelle est l'adresse du site de l'Assurance Maladie ?</p>",
            "options": [{"text": "ameli.fr", "correct": True}, {"text": "ameli-remboursement.com", "correct": False}],
        }

    def clean(self, value):
        value = super().clean(value)
        if sum(1 for option in value["options"] if option["correct"]) != 1:
            raise error("options", "Cochez exactement une bonne réponse.")
        return value


def _best(options) -> int:
    return max(range(len(options)), key=lambda i: options[i]["weight"])


@register
class SingleChoice(ChoiceKind):
    name = NAME
    label = "Choix unique"
    instruction = "Choisissez une réponse."
    position = 10
    block_class = SingleChoiceBlock
    input_type = "radio"
    gift_order = 10

    def block_value(self, question):
        best = _best(question["options"])
        return {
            "options": [
                {"text": strip_tags(o["text"]), "correct": i == best, "feedback": o.get("feedback", "")}
                for i, o in enumerate(question["options"])
            ]
        }

    def decode(self, question_id, question, data):
        raw = data.get(responses.field_name(question_id), "")
        return responses.choice_index(raw, len(question["options"])) if raw else None

    def encode(self, question_id, question, response):
        return {responses.field_name(question_id): str(response)}

    def score(self, question, response):
        options = question["options"]
        option = options[check_index(response, len(options))]
        return exact(option["weight"]), True, feedback_texts([option.get("feedback", "")])

    def right_answer(self, question):
        weights = [exact(option["weight"]) for option in question["options"]]
        best = max(weights, default=0)
        options = zip(question["options"], weights, strict=True)
        texts = [plain_text(option["text"]) for option, weight in options if best > 0 and weight == best]
        return the_answer(texts, joiner=" ou ", several="Les bonnes réponses possibles")

    def sample_responses(self, question):
        options = question["options"]
        wrong = next((index for index, option in enumerate(options) if option["weight"] <= 0), None)
        return _best(options), wrong

    def gift_reads(self, answers):
        return "~" in answers and answers.count("=") == 1

    def gift_weights(self, mapper, answers, right):
        weights = [answer.weight if answer.weight is not None else 1.0 * (answer.marker == "=") for answer in answers]
        if sum(weight == 1 for weight in weights) != 1:
            raise Unsupported(
                f"Choix unique sans réponse à 100{NBSP}% ou avec plusieurs{NBSP}: question non prise en charge."
            )
        return weights

    def gift_check(self, question):
        problem = super().gift_check(question)
        if not problem and sum(option["weight"] == 1 for option in question["options"]) != 1:
            return f"Un choix unique demande exactement une réponse à 100{NBSP}%."
        return problem

    def gift_marker(self, weight):
        return "=" if weight == 1 else super().gift_marker(weight)

    def gift_preview(self, question):
        best = max(question["options"], key=lambda option: option["weight"])
        options = []
        for option in question["options"]:
            weight = option["weight"]
            correct = option is best
            options.append(
                {
                    "text": option["text"],
                    "correct": correct,
                    "weight": "",
                    "dropped_weight": preview_percent(weight) if not correct and weight else "",
                    "feedback": option.get("feedback") or "",
                }
            )
        return {"options": options}

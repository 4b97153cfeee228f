"""Ordering: put steps back in the right order. GIFT has no such questions."""

from fractions import Fraction

from wagtail import blocks

from assessments import gift, responses
from assessments.kinds import register
from assessments.kinds.base import QuestionKind
from assessments.kinds.fields import QuestionBlock, QuestionStructValue, error
from assessments.scoring import InvalidResponse, check_list, is_int, plain_text, safe_index

NAME = "ordering"


class OrderingValue(QuestionStructValue):
    kind = NAME

    def to_question(self):
        return {**self.base_question(), "items": list(self["items"])}


class OrderingBlock(QuestionBlock):
    items = blocks.ListBlock(
        blocks.CharBlock(label="Étape", max_length=150), label="Étapes dans le bon ordre", min_num=3
    )

    class Meta:
        icon = "list-ol"
        label = "Remettre dans l'ordre"
        template = "assessments/blocks/question_preview.html"
        description = "Remettre des étapes dans le bon ordre."
        value_class = OrderingValue
        group = "Questions"

    def clean(self, value):
        value = super().clean(value)
        if len(value["items"]) < 3:
            raise error("items", "Proposez au moins trois étapes.")
        return value


@register
class Ordering(QuestionKind):
    name = NAME
    label = "Remettre dans l'ordre"
    instruction = "Choisissez l'étape qui vient en 1er, puis en 2e, et ainsi de suite."
    template = "assessments/kinds/ordering.html"
    position = 60
    block_class = OrderingBlock
    always_shuffled = True

    def block_value(self, question):
        return {"items": list(question["items"])}

    def size(self, question):
        return len(question["items"])

    def answer_order(self, question, *, shuffle, rng):
        order = super().answer_order(question, shuffle=shuffle, rng=rng)
        if len(order) > 1 and order == sorted(order):
            order.reverse()  # never shown already in the right order
        return order

    def decode(self, question_id, question, data):
        count = len(question["items"])
        response = responses.posted_positions(question_id, count, data)
        if all(value is None for value in response):
            return None
        if None in response or len(set(response)) != count:
            # Left incomplete or with a step chosen twice: a slip, not tampering. It counts as not answered.
            return None
        return response

    def encode(self, question_id, question, response):
        return responses.encode_positions(question_id, response)

    def form_context(self, question_id, question, *, order, saved):
        items = [{"index": i, "text": question["items"][i]} for i in order]
        return {
            "items": items,
            "positions": [
                {
                    "number": p + 1,
                    "field": responses.field_name(question_id, p),
                    "selected": saved.get(responses.field_name(question_id, p), ""),
                    "choices": items,
                }
                for p in range(len(items))
            ],
        }

    def score(self, question, response):
        count = len(question["items"])
        order = check_list(response)
        if not all(is_int(index) for index in order) or sorted(order) != list(range(count)):
            raise InvalidResponse("Réponse invalide : chaque étape doit être placée une seule fois.")
        right = sum(index == position for position, index in enumerate(order))
        return Fraction(right, count) if count else Fraction(0), bool(count), []

    def right_answer(self, question):
        steps = ", ".join(f"{number}. {plain_text(item)}" for number, item in enumerate(question["items"], start=1))
        return f"L'ordre : {steps}"

    def your_answer(self, question, response):
        items = question["items"]
        order = [i for i in (response if isinstance(response, list) else []) if safe_index(i, len(items)) is not None]
        steps = ", ".join(f"{number}. {plain_text(items[i])}" for number, i in enumerate(order, start=1))
        return f"Votre ordre : {steps}" if steps else ""

    def sample_responses(self, question):
        count = len(question["items"])
        return list(range(count)), list(reversed(range(count))) if count > 1 else None

    def gift_normalize(self, question):
        return {"items": [gift.clean_text(item) for item in question["items"]]}

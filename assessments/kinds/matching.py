"""Matching: link each element to what goes with it."""

from fractions import Fraction

from wagtail import blocks

from assessments import gift, responses
from assessments.gift import NBSP, GiftSyntaxError, Unsupported
from assessments.kinds import register
from assessments.kinds.base import QuestionKind
from assessments.kinds.fields import QuestionBlock, QuestionStructValue, error
from assessments.scoring import InvalidResponse, check_index, check_list, plain_text, safe_index

NAME = "matching"


class PairBlock(blocks.StructBlock):
    left = blocks.CharBlock(label="Élément", max_length=150)
    right = blocks.CharBlock(label="Va avec", max_length=150)

    class Meta:
        icon = "link"
        label = "Paire"


class MatchingValue(QuestionStructValue):
    kind = NAME

    def to_question(self):
        return {**self.base_question(), "pairs": [{"left": p["left"], "right": p["right"]} for p in self["pairs"]]}


class MatchingBlock(QuestionBlock):
    pairs = blocks.ListBlock(PairBlock(), label="Paires", min_num=2)

    class Meta:
        icon = "link"
        label = "Associer"
        template = "assessments/blocks/question_preview.html"
        description = "Relier chaque élément à ce qui va avec."
        value_class = MatchingValue
        group = "Questions"

    def clean(self, value):
        value = super().clean(value)
        if len(value["pairs"]) < 2:
            raise error("pairs", "Proposez au moins deux paires.")
        rights = [pair["right"].strip().lower() for pair in value["pairs"]]
        if len(set(rights)) != len(rights):
            raise error("pairs", "Deux paires ont la même réponse : chaque réponse doit être différente.")
        return value


@register
class Matching(QuestionKind):
    name = NAME
    label = "Associer"
    instruction = "Pour chaque élément, choisissez ce qui va avec."
    template = "assessments/kinds/matching.html"
    position = 50
    block_class = MatchingBlock
    always_shuffled = True
    gift_order = 30

    def block_value(self, question):
        return {"pairs": [{"left": p["left"], "right": p["right"]} for p in question["pairs"]]}

    def size(self, question):
        return len(question["pairs"])

    def decode(self, question_id, question, data):
        response = responses.posted_positions(question_id, len(question["pairs"]), data)
        return None if all(value is None for value in response) else response

    def encode(self, question_id, question, response):
        return responses.encode_positions(question_id, response)

    def form_context(self, question_id, question, *, order, saved):
        rights = [{"index": i, "text": question["pairs"][i]["right"]} for i in order]
        return {
            "rows": [
                {
                    "index": i,
                    "left": pair["left"],
                    "field": responses.field_name(question_id, i),
                    "selected": saved.get(responses.field_name(question_id, i), ""),
                    "choices": rights,
                }
                for i, pair in enumerate(question["pairs"])
            ]
        }

    def score(self, question, response):
        count = len(question["pairs"])
        choices = check_list(response)
        if len(choices) != count:
            raise InvalidResponse("Réponse invalide : il faut un choix pour chaque élément à associer.")
        choices = [None if choice is None else check_index(choice, count) for choice in choices]
        answered = any(choice is not None for choice in choices)
        right = sum(choice == index for index, choice in enumerate(choices))
        return Fraction(right, count) if count else Fraction(0), answered, []

    def right_answer(self, question):
        pairs = " ; ".join(f"{plain_text(pair['left'])} → {plain_text(pair['right'])}" for pair in question["pairs"])
        return f"Les paires : {pairs}"

    def your_answer(self, question, response):
        pairs = question["pairs"]
        shown = [
            f"{plain_text(pair['left'])} → {plain_text(pairs[choice]['right'])}"
            for pair, choice in zip(pairs, response if isinstance(response, list) else [], strict=False)
            if safe_index(choice, len(pairs)) is not None
        ]
        return f"Vos paires : {' ; '.join(shown)}" if shown else ""

    def sample_responses(self, question):
        count = len(question["pairs"])
        return list(range(count)), list(reversed(range(count))) if count > 1 else None

    # GIFT: {=a -> b =c -> d}, two pairs at least, no distractor.

    def gift_reads(self, answers):
        return "=" in answers and "->" in answers

    def gift_read(self, mapper):
        raw = mapper.raw
        pairs = []
        for answer in raw.split_answers():
            where = answer.line
            if "->" not in answer.text:
                raise GiftSyntaxError(
                    where,
                    raw.label,
                    "dans une question d'association, chaque réponse s'écrit "
                    f"«{NBSP}=élément -> correspondance{NBSP}».",
                )
            if answer.weight is not None:
                raise GiftSyntaxError(where, raw.label, "pas de pourcentage dans une question d'association.")
            if answer.feedback is not None:
                raise GiftSyntaxError(
                    where,
                    raw.label,
                    f"pas de commentaire «{NBSP}#{NBSP}» dans une question d'association "
                    "(écrivez \\# pour afficher un dièse).",
                )
            left, _, right = answer.text.partition("->")
            left, right = mapper.text(left), mapper.text(right, formatted=False)
            if not right:
                raise GiftSyntaxError(where, raw.label, f"correspondance vide après «{NBSP}->{NBSP}».")
            if not left:
                distractor = "Association avec une réponse en plus, sans élément à gauche (distracteur)"
                raise Unsupported(distractor + mapper.not_supported())
            pairs.append({"left": left, "right": right})
        if len(pairs) < 2:
            raise raw.error(raw.answers_offset, "une question d'association demande au moins deux paires.")
        return {"kind": NAME, "pairs": pairs}

    def gift_normalize(self, question):
        return {
            "pairs": [
                {"left": gift.clean_text(p["left"]), "right": gift.clean_text(p["right"])} for p in question["pairs"]
            ]
        }

    def gift_check(self, question):
        pairs = question["pairs"]
        if len(pairs) < 2 or not all(pair["left"] and pair["right"] for pair in pairs):
            return "Une question d'association demande au moins deux paires complètes."
        return ""

    def gift_texts(self, question):
        return [pair["left"] for pair in question["pairs"]]

    def gift_answers(self, question, writer):
        return [f"={writer.text(pair['left'])} -> {writer.escape(pair['right'])}" for pair in question["pairs"]]

    def gift_preview(self, question):
        return {"pairs": question.get("pairs", [])}

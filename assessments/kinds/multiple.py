"""Multiple choice: several right answers; points for each right option ticked, fewer for each wrong one."""

from decimal import Decimal
from fractions import Fraction

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.html import strip_tags

from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from assessments import gift, responses, scoring
from assessments.gift import NBSP, Unsupported
from assessments.kinds import register
from assessments.kinds.choice import ChoiceKind, ChoiceOptionBlock, preview_percent
from assessments.kinds.fields import QuestionBlock, QuestionStructValue
from assessments.scoring import (
    InvalidResponse,
    check_index,
    check_list,
    default_penalty,
    exact,
    feedback_texts,
    plain_text,
    the_answer,
)

NAME = "multiple"


class WeightedOptionBlock(ChoiceOptionBlock):
    weight = blocks.DecimalBlock(
        label="Poids en % (facultatif)",
        required=False,
        min_value=-100,
        max_value=100,
        max_digits=5,
        decimal_places=2,
        help_text="Bonne réponse : vide, les bonnes réponses se partagent les points ; sinon un poids positif, "
        "100 % en tout. Mauvaise réponse : vide, elle retire autant qu'une bonne réponse rapporte ; sinon un "
        "poids négatif.",
    )


class MultipleChoiceValue(QuestionStructValue):
    kind = NAME

    def to_question(self):
        options = list(self["options"])
        weights = scoring.multiple_weights(_weight_pairs(options))
        return {
            **self.base_question(),
            "options": [
                {"text": option["text"], "weight": weight, "feedback": option["feedback"] or ""}
                for option, weight in zip(options, weights, strict=True)
            ],
        }


def _weight_pairs(options):
    return [(bool(option["correct"]), option.get("weight")) for option in options]


class MultipleChoiceBlock(QuestionBlock):
    options = blocks.ListBlock(WeightedOptionBlock(), label="Réponses proposées", min_num=2)

    class Meta:
        icon = "tick-inverse"
        label = "Choix multiple"
        template = "assessments/blocks/question_preview.html"
        description = (
            "Plusieurs bonnes réponses possibles ; des points pour chaque bonne réponse cochée, moins pour chaque "
            "mauvaise."
        )
        value_class = MultipleChoiceValue
        group = "Questions"

    def clean(self, value):
        value = super().clean(value)
        problems = scoring.check_multiple_weights(_weight_pairs(value["options"]))
        if problems:
            # Each message on the weight it is about; one about the whole list above the options.
            option_errors = {
                index: StructBlockValidationError(block_errors={"weight": ErrorList([ValidationError(message)])})
                for index, message in problems.options.items()
            }
            raise StructBlockValidationError(
                block_errors={
                    "options": ListBlockValidationError(
                        block_errors=option_errors,
                        non_block_errors=ErrorList([ValidationError(problems.total)] if problems.total else []),
                    )
                }
            )
        return value


def _editor_percent(weight):
    """A weight (a fraction of 1) as the editor's percent: an int when whole, else a string with two decimals."""
    value = (Decimal(weight.numerator * 100) / Decimal(weight.denominator)).quantize(Decimal("0.01"))
    value = min(max(value, Decimal(-100)), Decimal(100))
    return int(value) if value == value.to_integral_value() else str(value)


def editor_weights(weights):
    """The editor's weights (percent or None) for exact multiple-choice weights, so that the block gives them back.

    Equal right shares and default penalties are left empty; otherwise the last right option is left empty and
    takes what the others leave, so the right options add up to exactly 100 % even for GIFT's 66.66667 %.
    """
    weights = [scoring.exact(weight) for weight in weights]
    rights = [index for index, weight in enumerate(weights) if weight > 0]
    equal = len({weights[index] for index in rights}) == 1 and sum(weights[index] for index in rights) == 1
    penalty = scoring.default_penalty(len(rights))
    result = []
    for index, weight in enumerate(weights):
        if weight > 0:
            result.append(None if equal or index == rights[-1] else _editor_percent(weight))
        elif weight == 0 or weight == penalty or _editor_percent(weight) == 0:
            result.append(None)
        else:
            result.append(_editor_percent(weight))
    return result


def multiple_option_weights(options) -> list[Fraction]:
    """What ticking each option of a stored multiple-choice question brings or takes away, as scored.

    A wrong option weighing 0 (GIFT's bare « ~ ») costs the default penalty, as an empty weight does in the editor.
    """
    weights = [exact(option["weight"]) for option in options]
    rights = sum(1 for weight in weights if weight > 0)
    return [weight if weight else default_penalty(rights) for weight in weights]


@register
class MultipleChoice(ChoiceKind):
    name = NAME
    label = "Choix multiple"
    instruction = "Cochez toutes les bonnes réponses."
    position = 20
    block_class = MultipleChoiceBlock
    input_type = "checkbox"
    gift_order = 20

    def block_value(self, question):
        weights = editor_weights([o["weight"] for o in question["options"]])
        return {
            "options": [
                {
                    "text": strip_tags(o["text"]),
                    "correct": scoring.exact(o["weight"]) > 0,
                    "weight": weight,
                    "feedback": o.get("feedback", ""),
                }
                for o, weight in zip(question["options"], weights, strict=True)
            ]
        }

    def decode(self, question_id, question, data):
        raws = responses.posted_list(data, responses.field_name(question_id))
        if len(raws) > len(question["options"]):
            raise InvalidResponse("Réponse invalide : trop de choix.")
        chosen = sorted({responses.choice_index(raw, len(question["options"])) for raw in raws})
        return chosen or None

    def encode(self, question_id, question, response):
        return {responses.field_name(question_id): [str(index) for index in response]}

    def score(self, question, response):
        options = question["options"]
        chosen = sorted({check_index(value, len(options)) for value in check_list(response)})
        weights = multiple_option_weights(options)
        credit = sum((weights[index] for index in chosen), Fraction(0))
        return credit, bool(chosen), feedback_texts(options[index].get("feedback", "") for index in chosen)

    def right_answer(self, question):
        rights = [option for option in question["options"] if exact(option["weight"]) > 0]
        return the_answer([plain_text(option["text"]) for option in rights])

    def sample_responses(self, question):
        options = question["options"]
        right = [index for index, option in enumerate(options) if option["weight"] > 0]
        wrong = [index for index, option in enumerate(options) if option["weight"] <= 0][:1] or None
        return right, wrong

    def gift_reads(self, answers):
        return "~" in answers  # after single choice: no « = », or several

    def gift_weights(self, mapper, answers, right):
        share = gift.rounded_weight(1 / right) if right else 0.0
        weights = [
            answer.weight if answer.weight is not None else share * (answer.marker == "=") for answer in answers
        ]
        total = sum(weight for weight in weights if weight > 0)
        if total <= 0:
            raise Unsupported("Aucune bonne réponse (aucun pourcentage positif)" + mapper.not_supported())
        if abs(total - 1) > gift.WEIGHT_SLACK:
            percent = f"{total * 100:.4g}".replace(".", ",")
            raise Unsupported(
                f"Les pourcentages des bonnes réponses totalisent {percent}{NBSP}% au lieu de 100{NBSP}%{NBSP}: "
                "question non prise en charge."
            )
        if abs(total - 1) > gift.EXACT:
            mapper.warn(f"Les pourcentages des bonnes réponses ont été ajustés pour totaliser 100{NBSP}%.")
            return gift.rescaled(weights, total)
        return weights

    def gift_normalize(self, question):
        result = super().gift_normalize(question)
        options = result["options"]
        total = sum(option["weight"] for option in options if option["weight"] > 0)
        if gift.EXACT < abs(total - 1) <= gift.WEIGHT_SLACK:
            for option, weight in zip(options, gift.rescaled([o["weight"] for o in options], total), strict=True):
                option["weight"] = weight
        return result

    def gift_check(self, question):
        problem = super().gift_check(question)
        if not problem and abs(sum(o["weight"] for o in question["options"] if o["weight"] > 0) - 1) > gift.EXACT:
            return f"Les poids des bonnes réponses ne totalisent pas 100{NBSP}%."
        return problem

    def gift_preview(self, question):
        scored = multiple_option_weights(question["options"])
        return {
            "options": [
                {
                    "text": option["text"],
                    "correct": option["weight"] > 0,
                    "weight": preview_percent(scored[index]),
                    "dropped_weight": "",
                    "feedback": option.get("feedback") or "",
                }
                for index, option in enumerate(question["options"])
            ]
        }

"""Question blocks of a quiz. Each value turns into the plain question form of assessments.questions."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.html import strip_tags

from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from assessments import questions as q
from assessments import scoring
from assessments.enums import CompetenceLevel
from assessments.equipment import EquipmentQuestion, Gap
from cms.blocks import ParagraphBlock, PrefetchingImageChooserBlock


def error(field, message):
    return StructBlockValidationError(block_errors={field: ErrorList([ValidationError(message)])})


class QuestionStructValue(blocks.StructValue):
    kind = None

    @property
    def image_alt(self):
        return self.get("image_alt", "")

    @property
    def competence_code(self):
        competence = self.get("competence")
        return competence.code if competence else None

    def base_question(self):
        stem = self.get("stem")
        return {
            "kind": self.kind,
            "name": "",
            "stem": stem.source if hasattr(stem, "source") else str(stem or ""),
            "explanation": self.get("explanation") or "",
            "competence": self.competence_code,
            "level": int(self.get("level") or 1),
        }

    @property
    def kind_label(self):
        return q.KIND_LABELS[self.kind]


class QuestionBlock(blocks.StructBlock):
    """Fields every question has: stem, optional image, competence and level, general explanation."""

    stem = ParagraphBlock(label="Question", help_text="Une question courte, en mots simples.")
    image = PrefetchingImageChooserBlock(label="Image (facultative)", required=False)
    image_alt = blocks.CharBlock(label="Texte alternatif de l'image", required=False, max_length=250)
    competence = SnippetChooserBlock("assessments.Competence", label="Compétence", required=False)
    level = blocks.ChoiceBlock(
        label="Niveau", choices=[(str(v), label) for v, label in CompetenceLevel.choices], default="1"
    )
    explanation = blocks.CharBlock(
        label="Explication générale", required=False, max_length=400, help_text="Montrée après la réponse."
    )

    def clean(self, value):
        value = super().clean(value)
        if value.get("image") and not (value.get("image_alt") or "").strip():
            raise error("image_alt", "Le texte alternatif est obligatoire quand la question a une image.")
        return value


class ChoiceOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Réponse proposée", max_length=200)
    correct = blocks.BooleanBlock(label="Bonne réponse", required=False)
    feedback = blocks.CharBlock(label="Commentaire si choisie", required=False, max_length=300)

    class Meta:
        icon = "radio-full"
        label = "Réponse"


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


class SingleChoiceValue(QuestionStructValue):
    kind = q.SINGLE

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


class MultipleChoiceValue(QuestionStructValue):
    kind = q.MULTIPLE

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


class TrueFalseValue(QuestionStructValue):
    kind = q.TRUE_FALSE

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


class AcceptedAnswerBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Réponse acceptée", max_length=120)
    feedback = blocks.CharBlock(label="Commentaire", required=False, max_length=300)

    class Meta:
        icon = "tick"
        label = "Réponse acceptée"


class ShortAnswerValue(QuestionStructValue):
    kind = q.SHORT_ANSWER

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


class PairBlock(blocks.StructBlock):
    left = blocks.CharBlock(label="Élément", max_length=150)
    right = blocks.CharBlock(label="Va avec", max_length=150)

    class Meta:
        icon = "link"
        label = "Paire"


class MatchingValue(QuestionStructValue):
    kind = q.MATCHING

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


class OrderingValue(QuestionStructValue):
    kind = q.ORDERING

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


class QuestionsBlock(blocks.StreamBlock):
    single = SingleChoiceBlock()
    multiple = MultipleChoiceBlock()
    true_false = TrueFalseBlock()
    short_answer = ShortAnswerBlock()
    matching = MatchingBlock()
    ordering = OrderingBlock()

    class Meta:
        min_num = 1


KIND_TO_BLOCK = {
    q.SINGLE: "single",
    q.MULTIPLE: "multiple",
    q.TRUE_FALSE: "true_false",
    q.SHORT_ANSWER: "short_answer",
    q.MATCHING: "matching",
    q.ORDERING: "ordering",
}


def question_to_block_data(question, competence_id=None):
    """The raw StreamField value of a plain question (for GIFT imports and the seed)."""
    base = {
        "stem": question["stem"],
        "image": None,
        "image_alt": "",
        "competence": competence_id,
        "level": str(question.get("level") or 1),
        "explanation": strip_tags(question.get("explanation") or "")[:400],
    }
    kind = question["kind"]
    if kind == q.SINGLE:
        best = max(range(len(question["options"])), key=lambda i: question["options"][i]["weight"])
        base["options"] = [
            {"text": strip_tags(o["text"]), "correct": i == best, "feedback": o.get("feedback", "")}
            for i, o in enumerate(question["options"])
        ]
    elif kind == q.MULTIPLE:
        weights = editor_weights([o["weight"] for o in question["options"]])
        base["options"] = [
            {
                "text": strip_tags(o["text"]),
                "correct": scoring.exact(o["weight"]) > 0,
                "weight": weight,
                "feedback": o.get("feedback", ""),
            }
            for o, weight in zip(question["options"], weights, strict=True)
        ]
    elif kind == q.TRUE_FALSE:
        base.update(
            answer="true" if question["answer"] else "false",
            feedback_true=question.get("feedback_true", ""),
            feedback_false=question.get("feedback_false", ""),
        )
    elif kind == q.SHORT_ANSWER:
        base["answers"] = [{"text": a["text"], "feedback": a.get("feedback", "")} for a in question["answers"]]
        base["typos"] = bool(question.get("typos", True))
    elif kind == q.MATCHING:
        base["pairs"] = [{"left": p["left"], "right": p["right"]} for p in question["pairs"]]
    elif kind == q.ORDERING:
        base["items"] = list(question["items"])
    return {"type": KIND_TO_BLOCK[kind], "value": base}


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


# Diagnostic « Faire le point » -----------------------------------------------------------------------------------


class EquipmentOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Réponse proposée", max_length=150)
    gap = blocks.ChoiceBlock(
        label="Manque révélé par cette réponse",
        choices=[("", "Aucun"), *Gap.choices],
        required=False,
    )

    class Meta:
        icon = "radio-full"
        label = "Réponse"


class EquipmentQuestionValue(blocks.StructValue):
    def gaps_for(self, chosen_indexes):
        options = list(self["options"])
        return sorted({options[i]["gap"] for i in chosen_indexes if 0 <= i < len(options) and options[i]["gap"]})

    def to_walk(self, block_id):
        """The plain question the skip logic walks over (assessments.equipment.walk)."""
        return EquipmentQuestion(
            id=block_id,
            option_gaps=tuple(option["gap"] or "" for option in self["options"]),
            several=bool(self["several"]),
            skip_if=frozenset(self.get("skip_if") or ()),
        )


class EquipmentQuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label="Question", max_length=200)
    help_text = blocks.CharBlock(label="Précision", required=False, max_length=250)
    icon = blocks.ChoiceBlock(
        label="Pictogramme",
        choices=[("learn", "Écran"), ("check", "Liste"), ("place", "Lieu"), ("help", "Aide")],
        default="learn",
    )
    several = blocks.BooleanBlock(label="Plusieurs réponses possibles", required=False)
    options = blocks.ListBlock(EquipmentOptionBlock(), label="Réponses proposées", min_num=2)
    skip_if = blocks.MultipleChoiceBlock(
        label="Ne pas poser cette question quand une réponse précédente a révélé",
        choices=Gap.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Par exemple, « Cet appareil est-il à vous ? » n'a pas de sens quand la personne a répondu "
        "« Aucun appareil » : cochez « Pas d'appareil pour aller sur internet ».",
    )

    class Meta:
        icon = "tasks"
        label = "Question sur l'équipement"
        template = "assessments/blocks/equipment_question_preview.html"
        description = "Une question sur l'équipement ou l'accès ; chaque réponse peut révéler un manque."
        value_class = EquipmentQuestionValue
        preview_value = {
            "question": "Avez-vous une adresse électronique ?",
            "options": [{"text": "Oui", "gap": ""}, {"text": "Non", "gap": "no_email"}],
        }


class EquipmentQuestionsBlock(blocks.StreamBlock):
    equipment = EquipmentQuestionBlock()

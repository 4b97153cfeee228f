"""The blocks of quizzes and of the diagnostic. Each question kind has its own block (assessments.kinds); its value
turns into the plain question form of assessments.questions."""

from django import forms
from django.utils.html import strip_tags

from wagtail import blocks

from assessments import kinds
from assessments.equipment import EquipmentQuestion, Gap

# Migration 0008 reads the editor's weights from here.
from assessments.kinds.multiple import editor_weights  # noqa: F401


def _questions_block_children():
    """(block name, block) of every question kind, in the registry's order: the StreamField's definition."""
    return [(kind.name, kind.block()) for kind in kinds.all()]


class QuestionsBlock(blocks.StreamBlock):
    """One child block per question kind (assessments.kinds); its name is the kind's name."""

    class Meta:
        min_num = 1

    def __init__(self, local_blocks=None, **kwargs):
        super().__init__([*_questions_block_children(), *(local_blocks or [])], **kwargs)


def question_to_block_data(question, competence_id=None):
    """The raw StreamField value of a plain question (for GIFT imports and the seed)."""
    kind = kinds.get(question["kind"])
    value = {
        "stem": question["stem"],
        "image": None,
        "image_alt": "",
        "competence": competence_id,
        "level": str(question.get("level") or 1),
        "explanation": strip_tags(question.get("explanation") or "")[:400],
        **kind.block_value(question),
    }
    return {"type": kind.name, "value": value}


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

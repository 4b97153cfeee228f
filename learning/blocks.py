"""Blocks of a tutorial: the "Avant de commencer" checklist and the steps."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from cms.blocks import CalloutBlock, ParagraphBlock, PrefetchingImageChooserBlock, VideoBlock
from learning.enums import ChecklistKind


class ChecklistItemBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(label="Type", choices=ChecklistKind.choices, default=ChecklistKind.DOCUMENT)
    text = blocks.CharBlock(label="Ce qu'il faut avoir", max_length=200)

    class Meta:
        icon = "tasks"
        label = "Élément à préparer"
        template = "learning/blocks/checklist_item_block.html"
        description = "Un document, un équipement ou un compte à avoir sous la main."
        preview_value = {"kind": "document", "text": "Votre carte Vitale"}


class ChecklistBlock(blocks.StreamBlock):
    item = ChecklistItemBlock()


class CheckOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Réponse proposée", max_length=150)
    correct = blocks.BooleanBlock(label="Bonne réponse", required=False)

    class Meta:
        icon = "radio-full"
        label = "Réponse"


class StepStructValue(blocks.StructValue):
    @property
    def image_alt(self):
        return "" if self.get("image_decorative") else self.get("image_alt", "")

    @property
    def has_check(self):
        return bool(self.get("check_question"))

    @property
    def check_correct_answer(self):
        return next((option["text"] for option in self.get("check_options") or [] if option["correct"]), "")


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre de l'étape", max_length=120, help_text="Court : « Ouvrir le site ameli.fr »")
    instruction = ParagraphBlock(label="Consigne", help_text="Une action à la fois, avec des mots simples.")
    image = PrefetchingImageChooserBlock(label="Capture d'écran ou illustration", required=False)
    image_alt = blocks.CharBlock(
        label="Texte alternatif de l'image",
        required=False,
        max_length=250,
        help_text="Décrivez ce que montre l'image et ce qu'il faut y repérer.",
    )
    image_decorative = blocks.BooleanBlock(label="Image décorative", required=False)
    callouts = blocks.ListBlock(CalloutBlock(), label="Encadrés", default=[], min_num=0)
    check_question = blocks.CharBlock(label="« Je vérifie » : question (facultative)", required=False, max_length=200)
    check_options = blocks.ListBlock(CheckOptionBlock(), label="« Je vérifie » : réponses", default=[], min_num=0)
    check_explanation = blocks.CharBlock(label="« Je vérifie » : explication", required=False, max_length=300)

    class Meta:
        icon = "list-ol"
        label = "Étape"
        template = "learning/blocks/step_block.html"
        description = "Une étape : un titre, une consigne, une image et des encadrés si besoin."
        value_class = StepStructValue
        preview_value = {
            "title": "Ouvrir le site ameli.fr",
            "instruction": "<p>Dans la barre d'adresse, tapez <b>ameli.fr</b> puis appuyez sur Entrée.</p>",
        }

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value.get("image") and not value.get("image_decorative") and not (value.get("image_alt") or "").strip():
            errors["image_alt"] = ErrorList(
                [ValidationError("Le texte alternatif est obligatoire, sauf si l'image est décorative.")]
            )
        if value.get("check_question"):
            options = value.get("check_options") or []
            if len(options) < 2:
                errors["check_options"] = ErrorList([ValidationError("Proposez au moins deux réponses.")])
            elif sum(1 for option in options if option["correct"]) != 1:
                errors["check_options"] = ErrorList([ValidationError("Cochez exactement une bonne réponse.")])
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class StepsBlock(blocks.StreamBlock):
    step = StepBlock()

    class Meta:
        min_num = 1
        block_counts = {"step": {"min_num": 1}}


class TutorialMediaBlock(blocks.StreamBlock):
    video = VideoBlock()

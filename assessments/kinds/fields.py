"""What every question block has (stem, image, competence, level, explanation); each kind adds its own fields."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from assessments import kinds
from assessments.enums import CompetenceLevel
from cms.blocks import ParagraphBlock, PrefetchingImageChooserBlock


def error(field, message):
    return StructBlockValidationError(block_errors={field: ErrorList([ValidationError(message)])})


class QuestionStructValue(blocks.StructValue):
    kind = None  # the kind's name; each kind's value class sets it and adds to_question()

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
        return kinds.get(self.kind).label


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

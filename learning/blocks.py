"""Blocks of a tutorial: the "Avant de commencer" checklist and the steps."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from cms.blocks import CalloutBlock, ParagraphBlock, PrefetchingImageChooserBlock, VideoBlock
from learning.enums import ChecklistKind

STEP_IMAGE_ALT_MESSAGE = (
    "Décrivez l'image : dans une étape, elle montre ce qu'il faut repérer. "
    "Une personne qui ne voit pas l'écran a besoin de cette description."
)


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

    class Meta:
        collapsed = True


class CheckOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Réponse proposée", max_length=150)
    correct = blocks.BooleanBlock(label="Bonne réponse", required=False)

    class Meta:
        icon = "radio-full"
        label = "Réponse"


class StepStructValue(blocks.StructValue):
    @property
    def has_check(self):
        return bool(self.get("check_question"))

    @property
    def check_correct_answer(self):
        return next((option["text"] for option in self.get("check_options") or [] if option["correct"]), "")


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre de l'étape", max_length=120, help_text="Court : « Ouvrir le site ameli.fr »")
    instruction = ParagraphBlock(label="Consigne", help_text="Une action à la fois, avec des mots simples.")
    image = PrefetchingImageChooserBlock(label="Capture d'écran ou illustration (facultative)", required=False)
    # No "decorative" choice here: a step's picture shows where to look or click, so it always carries part of the
    # instruction, and a person who cannot see it needs the same help in words.
    image_alt = blocks.CharBlock(
        label="Description de l'image (obligatoire si vous ajoutez une image)",
        required=False,
        max_length=250,
        help_text=(
            "Dites ce que montre l'image et ce qu'il faut y repérer : « Le bouton bleu Se connecter, en haut à "
            "droite ». Elle est lue aux personnes qui ne voient pas l'écran."
        ),
    )
    callouts = blocks.ListBlock(
        CalloutBlock(),
        label="Encadrés : astuce, attention, arnaque (facultatifs)",
        default=[],
        min_num=0,
        collapsed=True,
    )
    check_question = blocks.CharBlock(
        label="« Je vérifie » : question (facultative)",
        required=False,
        max_length=200,
        help_text="Une petite question pour que la personne vérifie qu'elle a compris l'étape.",
    )
    check_options = blocks.ListBlock(
        CheckOptionBlock(),
        label="« Je vérifie » : réponses proposées",
        default=[],
        min_num=0,
        collapsed=True,
        help_text="Au moins deux réponses, dont une seule bonne.",
    )
    check_explanation = blocks.CharBlock(
        label="« Je vérifie » : explication",
        required=False,
        max_length=300,
        help_text="Montrée après la réponse : pourquoi la bonne réponse est la bonne.",
    )

    def get_context(self, value, parent_context=None):
        """A step rendered alone (the editor's preview of the block) is step 1 of 1, with no « J'ai fait » form."""
        context = super().get_context(value, parent_context)
        lone = {"block": {"value": value}, "number": 1, "anchor": "etape-1", "done": False, "new": False}
        context.setdefault("step", lone)
        context.setdefault("step_count", 1)
        return context

    class Meta:
        icon = "list-ol"
        label = "Étape"
        template = "learning/_step.html"  # the tutorial's own step (its get_context numbers a lone block 1 of 1)
        description = "Une étape : un titre, une consigne, une image et des encadrés si besoin."
        value_class = StepStructValue
        preview_value = {
            "title": "Ouvrir le site ameli.fr",
            "instruction": "<p>Dans la barre d'adresse, tapez <b>ameli.fr</b> puis appuyez sur Entrée.</p>",
        }

    # Steps had an « image décorative » choice until issue 13. Revisions keep it in their JSON (to_python skips it);
    # Python values written before (seed data, factories) may still carry it: normalize() drops that one key.
    REMOVED_CHILDREN = frozenset({"image_decorative"})

    def normalize(self, value):
        if isinstance(value, dict) and not isinstance(value, blocks.StructValue):
            value = {name: child for name, child in value.items() if name not in self.REMOVED_CHILDREN}
        return super().normalize(value)

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value.get("image") and not (value.get("image_alt") or "").strip():
            errors["image_alt"] = ErrorList([ValidationError(STEP_IMAGE_ALT_MESSAGE)])
        if value.get("check_question"):
            options = value.get("check_options") or []
            if len(options) < 2:
                errors["check_options"] = ErrorList([ValidationError("Proposez au moins deux réponses.")])
            elif sum(1 for option in options if option["correct"]) != 1:
                errors["check_options"] = ErrorList([ValidationError("Cochez exactement une bonne réponse.")])
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


NO_STEP_MESSAGE = "Ajoutez au moins une étape avec le bouton « Ajouter ici »."


class StepsBlock(blocks.StreamBlock):
    step = StepBlock()

    class Meta:
        min_num = 1
        block_counts = {"step": {"min_num": 1}}
        collapsed = True

    def clean(self, value):
        # Without a step, Wagtail would give its minimum-count error twice (the stream's and the step type's).
        if self.required and not self.is_deferred_validation and not value:
            raise blocks.StreamBlockValidationError(non_block_errors=ErrorList([ValidationError(NO_STEP_MESSAGE)]))
        return super().clean(value)


class TutorialMediaBlock(blocks.StreamBlock):
    video = VideoBlock()

    class Meta:
        collapsed = True

"""StreamField blocks shared by every page type. Learning and assessment pages reuse them."""

import re

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.documents.widgets import AdminDocumentChooser
from wagtail.images.blocks import ImageChooserBlock


class PrefetchingImageChooserBlock(ImageChooserBlock):
    """Fetches a page's images and their renditions in two queries, however many steps show one."""

    def bulk_to_python(self, values):
        values = list(values)
        images = self.model_class.objects.prefetch_renditions().in_bulk([value for value in values if value])
        return [images.get(value) for value in values]


# Plain French for beginners: no headings inside text (they have their own block), no embeds.
LIMITED_RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Titre", max_length=120)
    level = blocks.ChoiceBlock(
        label="Niveau",
        choices=[("h2", "Titre de section"), ("h3", "Sous-titre")],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = "Titre"
        template = "cms/blocks/heading_block.html"
        description = "Un titre de section, pour découper la page."
        preview_value = {"text": "Avant de commencer", "level": "h2"}
        group = "Texte"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", LIMITED_RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = "Texte"
        template = "cms/blocks/paragraph_block.html"
        description = "Du texte simple : gras, italique, liens et listes."
        preview_value = "<p>Ouvrez votre navigateur, puis tapez l'adresse du site dans la barre en haut.</p>"
        group = "Texte"


class ImageStructValue(blocks.StructValue):
    @property
    def alt(self):
        return "" if self.get("decorative") else self.get("alt_text", "")


class ImageBlock(blocks.StructBlock):
    image = PrefetchingImageChooserBlock(label="Image")
    alt_text = blocks.CharBlock(
        label="Texte alternatif",
        required=False,
        max_length=250,
        help_text="Décrivez ce que montre l'image, pour les personnes qui ne la voient pas.",
    )
    decorative = blocks.BooleanBlock(
        label="Image décorative",
        required=False,
        help_text="Cochez seulement si l'image n'apporte aucune information.",
    )
    caption = blocks.CharBlock(label="Légende", required=False, max_length=250)

    class Meta:
        icon = "image"
        label = "Image"
        template = "cms/blocks/image_block.html"
        description = "Une image avec son texte alternatif, ou marquée décorative."
        value_class = ImageStructValue
        group = "Médias"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ErrorList(
                        [ValidationError("Le texte alternatif est obligatoire, sauf si l'image est décorative.")]
                    )
                }
            )
        return value


class CalloutKind:
    TIP = "tip"
    WARNING = "warning"
    SCAM = "scam"
    CHOICES = [(TIP, "Astuce"), (WARNING, "Attention"), (SCAM, "Alerte arnaque")]
    LABELS = dict(CHOICES)


class CalloutStructValue(blocks.StructValue):
    @property
    def kind_label(self):
        return CalloutKind.LABELS.get(self.get("kind"), "")


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(label="Type", choices=CalloutKind.CHOICES, default=CalloutKind.TIP)
    title = blocks.CharBlock(label="Titre", required=False, max_length=120)
    text = ParagraphBlock(label="Texte")

    class Meta:
        icon = "warning"
        label = "Encadré"
        template = "cms/blocks/callout_block.html"
        description = "Une astuce, un point d'attention ou une alerte arnaque, mis en valeur."
        value_class = CalloutStructValue
        preview_value = {
            "kind": CalloutKind.SCAM,
            "title": "Attention aux faux messages",
            "text": "<p>L'Assurance Maladie ne vous demande jamais vos coordonnées bancaires par SMS.</p>",
        }
        group = "Texte"


class VideoFileChooserBlock(DocumentChooserBlock):
    """A document chooser whose button says what to pick: « Choisir un document » means nothing to a trainer."""

    widget = AdminDocumentChooser(
        choose_one_text="Choisir la vidéo…",
        choose_another_text="Choisir une autre vidéo",
        link_to_chosen_text="Modifier la vidéo",
    )


class CaptionsFileChooserBlock(DocumentChooserBlock):
    widget = AdminDocumentChooser(
        choose_one_text="Choisir le fichier de sous-titres…",
        choose_another_text="Choisir un autre fichier de sous-titres",
        link_to_chosen_text="Modifier le fichier de sous-titres",
    )


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre", max_length=120)
    video = VideoFileChooserBlock(
        label="Fichier vidéo (MP4 ou WebM)",
        help_text=(
            "Choisissez la vidéo parmi les fichiers du site, ou envoyez-la depuis votre ordinateur. "
            "Pas de lien YouTube : la vidéo doit être sur le site."
        ),
    )
    captions = CaptionsFileChooserBlock(
        label="Sous-titres (fichier WebVTT, facultatif)",
        required=False,
        help_text="Un fichier .vtt avec le texte de ce qui est dit, affiché sous la vidéo.",
    )
    transcript = ParagraphBlock(
        label="Transcription",
        help_text="Obligatoire : tout ce qui est dit et montré, pour qui ne peut pas regarder ou écouter.",
    )

    class Meta:
        icon = "media"
        label = "Vidéo"
        template = "cms/blocks/video_block.html"
        description = "Une vidéo hébergée sur le site, avec sa transcription."
        group = "Médias"


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    callout = CalloutBlock()
    video = VideoBlock()

    class Meta:
        collapsed = True


# A path on this site: "/" not followed by another slash or a backslash (browsers read both as the start of another
# site's address), without spaces or control characters (browsers drop some of them inside addresses).
SITE_PATH = re.compile(r"/(?![/\\])[^\s\\\x00-\x1f\x7f]*")
SITE_PATH_MESSAGE = "Indiquez une adresse du site qui commence par « / », par exemple /trouver-un-lieu/."


def is_site_path(url):
    return bool(SITE_PATH.fullmatch(url or ""))


class EntryPointValue(blocks.StructValue):
    def link(self):
        page = self.get("page")
        if page is not None and page.live:
            return page.url
        url = (self.get("url") or "").strip()
        return url if is_site_path(url) else ""


class EntryPointBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre", max_length=80)
    text = blocks.CharBlock(label="Phrase d'explication", max_length=200)
    icon = blocks.ChoiceBlock(
        label="Pictogramme",
        choices=[("learn", "Apprendre"), ("check", "Faire le point"), ("place", "Trouver un lieu"), ("help", "Aide")],
        default="learn",
    )
    page = blocks.PageChooserBlock(label="Page de destination", required=False)
    url = blocks.CharBlock(
        label="… ou adresse sur le site",
        required=False,
        max_length=200,
        help_text="Pour une page qui n'est pas dans l'arbre, par exemple /trouver-un-lieu/.",
    )

    class Meta:
        icon = "link"
        label = "Porte d'entrée"
        template = "cms/blocks/entry_point_block.html"
        description = "Une grande carte cliquable de la page d'accueil."
        value_class = EntryPointValue
        preview_value = {"title": "Apprendre pas à pas", "text": "Des tutoriels simples.", "icon": "learn"}

    def clean(self, value):
        value = super().clean(value)
        url = (value.get("url") or "").strip()
        if url and not is_site_path(url):
            raise StructBlockValidationError(block_errors={"url": ErrorList([ValidationError(SITE_PATH_MESSAGE)])})
        return value


class EntryPointsBlock(blocks.StreamBlock):
    entry_point = EntryPointBlock()

    class Meta:
        max_num = 4
        collapsed = True

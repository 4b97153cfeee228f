from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import LIMITED_RICH_TEXT_FEATURES, BaseStreamBlock, EntryPointsBlock


class HomePage(Page):
    intro = RichTextField("introduction", features=LIMITED_RICH_TEXT_FEATURES, blank=True)
    entry_points = StreamField(EntryPointsBlock(), verbose_name="portes d'entrée", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("entry_points")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "page d'accueil"


class StandardPage(Page):
    """Help, accessibility statement, privacy, legal notice: any page made of text blocks."""

    intro = models.CharField("chapeau", max_length=300, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name="contenu", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = "page de contenu"
        verbose_name_plural = "pages de contenu"


@register_setting(icon="home")
class SiteSettings(BaseSiteSetting):
    """The structure that runs this Pas à pas site, and the pages every footer links to."""

    name = models.CharField("nom de la structure", max_length=200, blank=True)
    address = models.CharField("adresse", max_length=250, blank=True)
    phone = models.CharField("téléphone", max_length=30, blank=True)
    email = models.EmailField("adresse électronique", blank=True)
    opening_hours = models.CharField(
        "horaires d'accueil", max_length=250, blank=True, help_text="Par exemple : du lundi au vendredi, 9 h – 12 h."
    )
    accessibility_status = models.CharField(
        "état de conformité (RGAA)",
        max_length=30,
        choices=[
            ("non conforme", "Non conforme (aucun audit)"),
            ("partiellement conforme", "Partiellement conforme"),
            ("totalement conforme", "Totalement conforme"),
        ],
        default="non conforme",
        help_text="Affiché dans le pied de page ; il doit être celui de la déclaration d'accessibilité.",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="page Accessibilité",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="page Données personnelles",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    legal_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="page Mentions légales",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    select_related = ["accessibility_page", "privacy_page", "legal_page"]

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("opening_hours"),
            ],
            heading="Contact de la structure",
        ),
        MultiFieldPanel(
            [
                FieldPanel("accessibility_page"),
                FieldPanel("accessibility_status"),
                FieldPanel("privacy_page"),
                FieldPanel("legal_page"),
            ],
            heading="Liens du pied de page",
        ),
    ]

    class Meta:
        verbose_name = "réglages du site"

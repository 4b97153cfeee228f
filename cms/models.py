from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.text import slugify

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin
from wagtail.snippets.models import register_snippet

from cms.blocks import LIMITED_RICH_TEXT_FEATURES, BaseStreamBlock, EntryPointsBlock
from cms.text import fold


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


class GlossaryTermQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def alphabetical(self):
        return self.order_by("sort_key")


@register_snippet
class GlossaryTerm(index.Indexed, models.Model):
    """A word of administrative or digital French, explained plainly; linked automatically in tutorials."""

    term = models.CharField("terme", max_length=80, unique=True)
    slug = models.SlugField(max_length=90, unique=True, blank=True)
    variants = models.TextField(
        "variantes",
        blank=True,
        help_text="Pluriels, sigles et autres formes, une par ligne (ex. : « avis d'imposition » → « avis "
        "d'impôt »). Ces formes sont reconnues dans les textes.",
    )
    definition = models.TextField(
        "définition", max_length=300, help_text="300 caractères au plus, en français simple."
    )
    example = models.CharField("exemple", max_length=250, blank=True)
    sort_key = models.CharField(max_length=80, editable=False, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = GlossaryTermQuerySet.as_manager()

    panels = [FieldPanel("term"), FieldPanel("variants"), FieldPanel("definition"), FieldPanel("example")]
    search_fields = [
        index.SearchField("term", boost=3),
        index.SearchField("variants"),
        index.SearchField("definition"),
        index.AutocompleteField("term"),
    ]

    class Meta:
        verbose_name = "terme du glossaire"
        verbose_name_plural = "glossaire"
        ordering = ["sort_key"]

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        self.term = self.term.strip()
        self.slug = self.slug or slugify(self.term)
        self.sort_key = fold(self.term)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{reverse('glossary')}#{self.slug}"

    def clean(self):
        super().clean()
        if len(self.definition or "") > 300:
            raise ValidationError({"definition": "La définition doit tenir en 300 caractères."})

    @property
    def forms(self):
        """Every written form that points to this term: the term itself and its variants."""
        extra = [line.strip() for line in (self.variants or "").splitlines() if line.strip()]
        return [self.term, *extra]

    @property
    def letter(self):
        return (self.sort_key[:1] or "#").upper()


@register_snippet
class Operator(index.Indexed, models.Model):
    """A public body whose online services residents use: France Travail, ameli, CAF, ANTS…"""

    name = models.CharField("nom", max_length=120, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    description = models.CharField("présentation", max_length=250, blank=True)
    website = models.URLField("site officiel", blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("website")]
    search_fields = [index.SearchField("name", boost=2), index.AutocompleteField("name")]

    class Meta:
        verbose_name = "organisme"
        verbose_name_plural = "organismes"
        ordering = ["name"]

    def __str__(self):
        return self.name


@register_snippet
class Procedure(index.Indexed, models.Model):
    """One of an operator's online procedures, e.g. « Créer son compte ameli »."""

    operator = models.ForeignKey(
        Operator, verbose_name="organisme", on_delete=models.PROTECT, related_name="procedures"
    )
    title = models.CharField("intitulé", max_length=150)
    slug = models.SlugField(max_length=160, unique=True)
    official_url = models.URLField("page officielle", blank=True)

    panels = [FieldPanel("operator"), FieldPanel("title"), FieldPanel("slug"), FieldPanel("official_url")]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = "démarche"
        verbose_name_plural = "démarches"
        ordering = ["operator__name", "title"]

    def __str__(self):
        return f"{self.operator.name} — {self.title}"


class TypedChildRoutingMixin:
    """Route to a child of a known page type in one query, and remember the parent on the child.

    Wagtail's default routing costs two queries per level (the page, then its specific row). Pages say which
    types their children usually are in `child_page_models`, most frequent first: the first that matches costs
    one query. The parent kept on each routed page gives the breadcrumbs without another query (see
    `routed_ancestors`).
    """

    child_page_models = ()

    def route(self, request, path_components):
        if path_components:
            for model in self.child_page_models:
                child = model.objects.child_of(self).filter(slug=path_components[0]).first()
                if child is not None:
                    child._cached_parent_obj = self
                    return child.route(request, path_components[1:])
        return super().route(request, path_components)


def routed_ancestors(page, request=None):
    """The page's ancestors below the tree root, from the parents kept while routing; one query if unknown."""
    chain = []
    current = page
    while getattr(current, "_cached_parent_obj", None) is not None:
        current = current._cached_parent_obj
        chain.insert(0, current)
    site = Site.find_for_request(request) if request is not None else None
    if chain and chain[0].depth == 3 and site is not None and chain[0].path.startswith(site.root_page.path):
        chain.insert(0, site.root_page)
    if chain and chain[0].depth == 2:
        return chain
    return list(page.get_ancestors().filter(depth__gte=2))


FOOTER_CACHE_KEY = "cms:footer:{site_id}"


def footer_data(site, request=None):
    """The footer's contact and links, cached per site: every page shows them and they seldom change."""
    if site is None:
        return {}
    key = FOOTER_CACHE_KEY.format(site_id=site.pk)
    data = cache.get(key)
    if data is None:
        site_settings = SiteSettings.objects.filter(site=site).select_related(*SiteSettings.select_related).first()
        data = {}
        if site_settings is not None:
            data = {
                field: getattr(site_settings, field)
                for field in ("name", "address", "phone", "email", "opening_hours", "accessibility_status")
            }
            for field in ("accessibility_page", "privacy_page", "legal_page"):
                page = getattr(site_settings, field)
                data[f"{field}_url"] = page.get_url(request) if page is not None and page.live else ""
        cache.set(key, data, 3600)
    return data


def forget_footer():
    cache.delete_many([FOOTER_CACHE_KEY.format(site_id=pk) for pk in Site.objects.values_list("pk", flat=True)])

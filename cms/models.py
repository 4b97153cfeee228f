from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.text import slugify

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, Page, RevisionMixin, Site, WorkflowMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin
from wagtail.snippets.models import register_snippet

from cms import invalidation  # also registers its model, CacheGeneration
from cms import places as place_standard
from cms.blocks import LIMITED_RICH_TEXT_FEATURES, BaseStreamBlock, EntryPointsBlock
from cms.page_cache import CachedPageMixin
from cms.privacy import facts
from cms.text import fold


class HomePage(CachedPageMixin, Page):
    intro = RichTextField("introduction", features=LIMITED_RICH_TEXT_FEATURES, blank=True)
    entry_points = StreamField(EntryPointsBlock(), verbose_name="portes d'entrée", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("entry_points")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "page d'accueil"

    def page_cache_variant(self, request):
        """Kept whole for visitors (cms.page_cache); never for signed-in people, whose welcome is their own."""
        return None if request.user.is_authenticated else ()

    def get_context(self, request, *args, **kwargs):
        """Signed-in people get their own welcome (« Reprendre », modules to do) instead of the visitors' intro.

        The welcome comes from the apps above this one, through the `home_page_welcome` hook (followup registers
        it), since cms may not import them.
        """
        context = super().get_context(request, *args, **kwargs)
        if request.user.is_authenticated:
            for welcome in hooks.get_hooks("home_page_welcome"):
                context["welcome"] = welcome(request.user)
        return context


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


class PrivacyPage(Page):
    """« Données personnelles »: the editable text (who is responsible, rights), then what is kept, how long and who
    sees it, generated from the settings the code enforces (cms.privacy)."""

    intro = models.CharField("chapeau", max_length=300, blank=True)
    body = StreamField(
        BaseStreamBlock(),
        verbose_name="contenu",
        blank=True,
        help_text="Responsable du traitement, vos droits, comment nous joindre. Les durées de conservation sont "
        "ajoutées automatiquement, à partir des réglages du site.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "page Données personnelles"
        verbose_name_plural = "pages Données personnelles"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["facts"] = facts()
        return context


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


class ReviewedQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def live(self):
        """What the public site shows: published by a relecteur (a draft or a submitted proposal is not)."""
        return self.filter(live=True)


class GlossaryTermQuerySet(ReviewedQuerySet):
    def alphabetical(self):
        return self.order_by("sort_key")


def _revisions(name):
    return GenericRelation("wagtailcore.Revision", related_query_name=name, for_concrete_model=False)


def _workflow_states(name):
    return GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name=name,
        for_concrete_model=False,
    )


class Reviewed(WorkflowMixin, DraftStateMixin, RevisionMixin, models.Model):
    """A snippet a formatrice proposes and a relecteur publishes (the « Relecture avant publication » workflow);
    only published ones (`live`) appear on the site. Saving a change to a published one keeps the published
    version on the site until the change is approved."""

    class Meta:
        abstract = True

    @property
    def revisions(self):
        return self._revisions


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


@register_snippet
class GlossaryTerm(Reviewed, index.Indexed, models.Model):
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
    _revisions = _revisions("glossary_term")
    workflow_states = _workflow_states("glossary_term")

    objects = GlossaryTermQuerySet.as_manager()

    panels = [FieldPanel("term"), FieldPanel("variants"), FieldPanel("definition"), FieldPanel("example")]
    search_fields = [
        index.SearchField("term", boost=3),
        index.SearchField("variants"),
        index.SearchField("definition"),
        index.AutocompleteField("term"),
        index.FilterField("live"),
    ]

    class Meta:
        verbose_name = "terme du glossaire"
        verbose_name_plural = "glossaire"
        ordering = ["sort_key"]

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        self.term = self.term.strip()
        self.slug = self.slug or self.unique_slug()
        self.sort_key = fold(self.term)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{reverse('glossary')}#{self.slug}"

    def unique_slug(self):
        """The term's slug, numbered when another term has it (« carte-vitale-2 »). Terms that differ only by case,
        accents or punctuation, or that are only punctuation (an empty slug), failed with a server error."""
        base = slugify(self.term)[:80] or "terme"
        slug, number = base, 2
        while GlossaryTerm.objects.exclude(pk=self.pk).filter(slug=slug).exists():
            slug, number = f"{base}-{number}", number + 1
        return slug

    def clean(self):
        super().clean()
        errors = {}
        if len(self.definition or "") > 300:
            errors["definition"] = "La définition doit tenir en 300 caractères."
        term_error, variant_errors = self.form_conflicts()
        if term_error:
            errors["term"] = term_error
        if variant_errors:
            errors["variants"] = variant_errors
        if errors:
            raise ValidationError(errors)

    def form_conflicts(self):
        """Why the term or a variant cannot be saved: another term (draft or published) already uses the same
        written form, ignoring case and accents, as its term or a variant — the text would link to only one."""
        others = {}
        for other in GlossaryTerm.objects.exclude(pk=self.pk).only("pk", "term", "variants"):
            others.setdefault(fold(other.term), (other, True))
            for variant in _lines(other.variants):
                others.setdefault(fold(variant), (other, False))
        term = (self.term or "").strip()
        term_error = None
        if fold(term) in others:
            other, is_term = others[fold(term)]
            term_error = (
                f"Le terme « {other.term} » existe déjà (les majuscules et les accents ne comptent pas) : "
                "complétez sa fiche plutôt que d'en créer une autre."
                if is_term
                else f"« {term} » est déjà une variante du terme « {other.term} » : retirez-la de ce terme "
                "ou complétez sa fiche."
            )
        variant_errors = []
        seen = {fold(term)}
        for variant in _lines(self.variants):
            folded = fold(variant)
            if folded in others:
                other, is_term = others[folded]
                where = "est déjà le terme" if is_term else "est déjà une variante du terme"
                variant_errors.append(
                    f"La variante « {variant} » {where} « {other.term} » : une forme ne mène qu'à un seul terme. "
                    "Retirez-la d'ici ou de l'autre terme."
                )
            elif folded in seen:
                variant_errors.append(f"La variante « {variant} » est écrite deux fois (ou reprend le terme).")
            seen.add(folded)
        return term_error, variant_errors

    @property
    def forms(self):
        """Every written form that points to this term: the term itself and its variants."""
        return [self.term, *_lines(self.variants)]

    @property
    def letter(self):
        return (self.sort_key[:1] or "#").upper()


@register_snippet
class Operator(Reviewed, index.Indexed, models.Model):
    """A public body whose online services residents use: France Travail, ameli, CAF, ANTS…"""

    name = models.CharField("nom", max_length=120, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    description = models.CharField("présentation", max_length=250, blank=True)
    website = models.URLField("site officiel", blank=True)
    _revisions = _revisions("operator")
    workflow_states = _workflow_states("operator")

    objects = ReviewedQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("website")]
    search_fields = [index.SearchField("name", boost=2), index.AutocompleteField("name"), index.FilterField("live")]

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
    data, token = invalidation.kept(key)  # with the database token: a change Redis missed still shows
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
        invalidation.keep(key, token, data, 3600)
    return data


def forget_footer():
    invalidation.forget([FOOTER_CACHE_KEY.format(site_id=pk) for pk in Site.objects.values_list("pk", flat=True)])


# Places (« Trouver un lieu ») ------------------------------------------------------------------------------------
# Appended last while others edit this file: the import below belongs with the others at the top.


@register_snippet
class Place(Reviewed, index.Indexed, models.Model):
    """A place offering internet access, equipment or help, described by the national standard for
    digital-mediation places (LaMednum); imported with `manage.py import_places`, see cms/places.py."""

    source_id = models.CharField(
        "identifiant",
        max_length=100,
        unique=True,
        help_text="L'identifiant « id » du standard, unique : un nouvel import met à jour le lieu qui le porte.",
    )
    pivot = models.CharField("SIRET ou RNA", max_length=14, help_text="SIRET (14 chiffres) ou numéro RNA.")
    name = models.CharField("nom", max_length=250)
    city = models.CharField("commune", max_length=100, db_index=True)
    postcode = models.CharField("code postal", max_length=5)
    insee_code = models.CharField("code INSEE", max_length=5, blank=True)
    address = models.CharField(
        "adresse", max_length=250, help_text="Numéro et voie, par exemple « 12 rue Jeanne-d'Arc »."
    )
    address_complement = models.CharField("complément d'adresse", max_length=250, blank=True)
    latitude = models.FloatField("latitude", null=True, blank=True)
    longitude = models.FloatField("longitude", null=True, blank=True)
    typologies = models.JSONField("typologies", default=list, blank=True, help_text="Une par ligne : ASSO, CCAS…")
    phone = models.CharField("téléphone", max_length=16, blank=True, help_text="Par exemple : 02 35 12 34 56.")
    emails = models.JSONField("courriels", default=list, blank=True, help_text="Un par ligne.")
    websites = models.JSONField("sites internet", default=list, blank=True, help_text="Une adresse par ligne.")
    opening_hours = models.TextField(
        "horaires",
        blank=True,
        help_text="Au format OpenStreetMap, par exemple : Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00; PH off. "
        "Le site les affiche en français.",
    )
    summary = models.CharField("présentation courte", max_length=280, blank=True)
    description = models.TextField("présentation détaillée", blank=True)
    source = models.CharField("structure qui a collecté les données", max_length=200, blank=True)
    updated_on = models.DateField("date de mise à jour")
    services = models.JSONField("services", default=list, blank=True)
    specific_publics = models.JSONField("publics spécifiquement accueillis", default=list, blank=True)
    specific_support = models.JSONField("prise en charge spécifique", default=list, blank=True)
    costs = models.JSONField("frais à charge", default=list, blank=True)
    national_programmes = models.JSONField("dispositifs et programmes nationaux", default=list, blank=True)
    labels = models.JSONField("formations et labels", default=list, blank=True)
    other_labels = models.TextField("autres formations et labels", blank=True)
    access_modes = models.JSONField("modalités d'accès", default=list, blank=True)
    accompaniment_modes = models.JSONField("modalités d'accompagnement", default=list, blank=True)
    accessibility_sheet_url = models.URLField("fiche Accès libre", max_length=500, blank=True)
    booking_url = models.URLField("prise de rendez-vous en ligne", max_length=500, blank=True)
    # « |demarches|acces| »: the services' short keys, so that the page filters by service on any database.
    service_keys = models.CharField(max_length=250, editable=False, blank=True, db_index=True)
    _revisions = _revisions("place")
    workflow_states = _workflow_states("place")

    objects = ReviewedQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("source_id"),
                FieldPanel("pivot"),
                FieldPanel("typologies", widget=place_standard.LinesWidget()),
            ],
            heading="Identité",
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("address_complement"),
                FieldPanel("postcode"),
                FieldPanel("city"),
                FieldPanel("insee_code"),
                FieldPanel("latitude"),
                FieldPanel("longitude"),
            ],
            heading="Adresse",
        ),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("emails", widget=place_standard.LinesWidget()),
                FieldPanel("websites", widget=place_standard.LinesWidget()),
                FieldPanel("booking_url"),
                FieldPanel("opening_hours"),
            ],
            heading="Contact et horaires",
        ),
        MultiFieldPanel(
            [
                FieldPanel("summary"),
                FieldPanel("description"),
                FieldPanel("services", widget=place_standard.ChecklistWidget("services")),
                FieldPanel("costs", widget=place_standard.ChecklistWidget("frais_a_charge")),
                FieldPanel("access_modes", widget=place_standard.ChecklistWidget("modalites_acces")),
                FieldPanel("accompaniment_modes", widget=place_standard.ChecklistWidget("modalites_accompagnement")),
                FieldPanel(
                    "specific_publics", widget=place_standard.ChecklistWidget("publics_specifiquement_adresses")
                ),
                FieldPanel("specific_support", widget=place_standard.ChecklistWidget("prise_en_charge_specifique")),
                FieldPanel("accessibility_sheet_url"),
            ],
            heading="Services",
        ),
        MultiFieldPanel(
            [
                FieldPanel(
                    "national_programmes", widget=place_standard.ChecklistWidget("dispositif_programmes_nationaux")
                ),
                FieldPanel("labels", widget=place_standard.ChecklistWidget("formations_labels")),
                FieldPanel("other_labels"),
                FieldPanel("source"),
                FieldPanel("updated_on"),
            ],
            heading="Réseaux, labels et source",
        ),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("city", boost=2),
        index.SearchField("summary"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
        index.AutocompleteField("city"),
        index.FilterField("live"),
    ]

    class Meta:
        verbose_name = "lieu"
        verbose_name_plural = "lieux (Trouver un lieu)"
        ordering = ["city", "name"]

    def __str__(self):
        return f"{self.name} ({self.city})"

    def save(self, *args, **kwargs):
        keys = [place_standard.SERVICE_KEYS[value] for value in self.services if value in place_standard.SERVICE_KEYS]
        self.service_keys = f"|{'|'.join(keys)}|" if keys else ""
        super().save(*args, **kwargs)

    def clean(self):
        """The standard's rules (patterns, lists of values, addresses) for places edited in the admin."""
        super().clean()
        values = {field: getattr(self, field) for field in place_standard.FIELD_TO_COLUMN}
        data, errors = place_standard.clean_row(place_standard.row_from_values(values))
        if errors:
            # Empty required fields are already reported by the model fields themselves.
            messages = {}
            for error in errors:
                if error.message != place_standard.REQUIRED_MESSAGE:
                    messages.setdefault(place_standard.COLUMN_TO_FIELD[error.column], []).append(error.message)
            if messages:
                raise ValidationError(messages)
            return
        for field, value in data.items():
            setattr(self, field, value)

    @property
    def opening_hours_text(self):
        return place_standard.opening_hours_fr(self.opening_hours)

    @property
    def opening_hours_display(self):
        """The French text for the page, each time kept on one line."""
        return place_standard.keep_times_together(self.opening_hours_text)

    @property
    def phone_display(self):
        return place_standard.display_phone(self.phone)

    @property
    def service_labels(self):
        return [place_standard.SERVICE_LABELS.get(value, value) for value in self.services]

    @property
    def costs_text(self):
        return place_standard.label_list(self.costs, place_standard.COST_LABELS)

    @property
    def accompaniment_text(self):
        return place_standard.label_list(self.accompaniment_modes, place_standard.ACCOMPANIMENT_LABELS)

    @property
    def access_text(self):
        return place_standard.label_list(self.access_modes, place_standard.ACCESS_LABELS)

    @property
    def specific_support_text(self):
        return place_standard.label_list(self.specific_support)

    @property
    def specific_publics_text(self):
        return place_standard.label_list(self.specific_publics)

    @property
    def website_links(self):
        return [(url, place_standard.url_host(url)) for url in self.websites]

    @property
    def map_url(self):
        """A link to the place on OpenStreetMap's own site (the page itself loads no map)."""
        if self.latitude is None or self.longitude is None:
            return ""
        lat, lon = f"{self.latitude:.5f}", f"{self.longitude:.5f}"
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"

    @classmethod
    def upsert(cls, values):
        """Create or update, by its `source_id`, the place with these values (from cms.places.clean_row)."""
        values = dict(values)
        return cls.objects.update_or_create(source_id=values.pop("source_id"), defaults=values)

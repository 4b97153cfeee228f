import re

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.functional import cached_property

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField

from assessments.models import QuizPage
from cms import page_cache
from cms.authoring_guide import guide_help_panel
from cms.blocks import LIMITED_RICH_TEXT_FEATURES
from cms.models import Operator, TypedChildRoutingMixin
from cms.page_cache import CachedPageMixin, ViewRestrictionShortcutMixin
from learning.blocks import ChecklistBlock, StepsBlock, TutorialMediaBlock
from learning.enums import Device, ExclusionType, Level, ProgressStatus

CATALOGUE_PAGE_SIZE = 12
SLUG = re.compile(r"[-\w]+")


class ModuleIndexPage(CachedPageMixin, TypedChildRoutingMixin, Page):
    """The catalogue: every module, filterable by theme, level, kind of exclusion and device.

    Kept whole by cms.page_cache without filters (a query string is never kept): the same for every visitor of a
    kind."""

    intro = RichTextField("introduction", features=LIMITED_RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["learning.ModulePage"]
    max_count = 1

    @property
    def child_page_models(self):
        return (ModulePage,)

    class Meta:
        verbose_name = "catalogue des modules"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = {
            "organisme": request.GET.get("organisme", ""),
            "niveau": request.GET.get("niveau", ""),
            "exclusion": request.GET.get("exclusion", ""),
            "appareil": request.GET.get("appareil", ""),
        }
        modules = ModulePage.objects.live().public().child_of(self).order_by("path").prefetch_related("operators")
        # Operators are chosen by slug: anything else (a NUL byte is a server error on PostgreSQL) matches nothing.
        if SLUG.fullmatch(filters["organisme"]):
            modules = modules.filter(operators__slug=filters["organisme"])
        elif filters["organisme"]:
            modules = modules.none()
        if filters["niveau"] in Level.values:
            modules = modules.filter(level=filters["niveau"])
        if filters["exclusion"] in ExclusionType.values:
            modules = modules.filter(exclusion_type=filters["exclusion"])
        if filters["appareil"] in Device.values:
            modules = modules.filter(Q(device=filters["appareil"]) | Q(device=Device.ANY))
        paginator = Paginator(modules.distinct(), CATALOGUE_PAGE_SIZE)
        page_number = request.GET.get("page") or 1
        context.update(
            {
                "modules": paginator.get_page(page_number),
                "filters": filters,
                "active_filters": any(filters.values()),
                "operators": Operator.objects.filter(modules__live=True).distinct(),
                "levels": Level.choices,
                "exclusion_types": ExclusionType.choices,
                "devices": [choice for choice in Device.choices if choice[0] != Device.ANY],
                "query_without_page": request.GET.copy(),
            }
        )
        context["query_without_page"].pop("page", None)
        return context


class ModulePage(ViewRestrictionShortcutMixin, TypedChildRoutingMixin, Page):
    """An assignable unit of learning: its children are tutorials (and quizzes), in order."""

    summary = models.CharField("résumé", max_length=300)
    objectives = models.TextField("objectifs", help_text="Un objectif par ligne : « Créer son compte ameli ».")
    level = models.CharField("niveau", max_length=20, choices=Level.choices, default=Level.BEGINNER)
    duration_minutes = models.PositiveSmallIntegerField("durée estimée (minutes)", default=30)
    exclusion_type = models.CharField(
        "type d'exclusion", max_length=20, choices=ExclusionType.choices, default=ExclusionType.COMPETENCE
    )
    device = models.CharField("appareil", max_length=20, choices=Device.choices, default=Device.ANY)
    equipment_needed = models.TextField("équipement nécessaire", blank=True, help_text="Un élément par ligne.")
    operators = ParentalManyToManyField("cms.Operator", verbose_name="organismes", blank=True, related_name="modules")
    procedures = ParentalManyToManyField("cms.Procedure", verbose_name="démarches", blank=True, related_name="modules")
    competences = ParentalManyToManyField(
        "assessments.Competence", verbose_name="compétences travaillées", blank=True, related_name="modules"
    )

    content_panels = [
        *Page.content_panels,
        guide_help_panel("Un module regroupe les tutoriels d'une démarche. Écrivez pour une personne qui débute."),
        FieldPanel("summary"),
        FieldPanel("objectives"),
        MultiFieldPanel(
            [
                FieldPanel("level"),
                FieldPanel("duration_minutes"),
                FieldPanel(
                    "exclusion_type",
                    heading="Ce qui gêne la personne",
                    help_text=(
                        "« Équipement et accès » : elle n'a pas d'appareil ou pas d'internet. "
                        "« Compétences » : elle a le matériel mais ne sait pas encore s'en servir."
                    ),
                ),
                FieldPanel("device"),
            ],
            heading="Pour qui",
        ),
        FieldPanel("equipment_needed"),
        MultiFieldPanel(
            [
                FieldPanel(
                    "operators",
                    widget=forms.CheckboxSelectMultiple,
                    help_text="Cochez les organismes dont parle le module, par exemple la CAF.",
                ),
                FieldPanel(
                    "procedures",
                    widget=forms.CheckboxSelectMultiple,
                    help_text="Cochez les démarches que la personne saura faire après le module.",
                ),
                FieldPanel(
                    "competences",
                    widget=forms.CheckboxSelectMultiple,
                    help_text="Cochez ce que le module fait travailler. Le diagnostic s'en sert pour le proposer.",
                ),
            ],
            heading="Thèmes : organismes, démarches, compétences",
            classname="collapsed",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("objectives"),
        index.FilterField("level"),
    ]
    parent_page_types = ["learning.ModuleIndexPage"]
    subpage_types = ["learning.TutorialPage", "assessments.QuizPage"]

    @property
    def child_page_models(self):
        return (TutorialPage, QuizPage)

    class Meta:
        verbose_name = "module"

    def route(self, request, path_components):
        """A module's tutorials and quizzes answer only while the module itself is published: under an unpublished
        module they would be live pages missing from the catalogue and search, with a breadcrumb leading to a 404.
        They stay published and show again as soon as the module is."""
        if path_components and not self.live:
            raise Http404("Ce module n'est pas publié.")
        return super().route(request, path_components)

    def live_learning_children(self):
        """Its published tutorials and quizzes, in order, whether the module itself is published or not."""
        return self.get_children().live().specific().order_by("path")

    @property
    def objective_list(self):
        return [line.strip() for line in self.objectives.splitlines() if line.strip()]

    @property
    def addressed_gaps(self):
        """Equipment gaps (assessments.equipment.Gap) this module helps with, from what it teaches."""
        gaps = set()
        if self.exclusion_type == ExclusionType.EQUIPMENT:
            gaps |= {"no_device", "shared_device", "no_internet", "public_wifi_only"}
        codes = {competence.code for competence in self.competences.all()}
        if codes & {"2.1", "2.2"}:
            gaps |= {"no_email", "email_password_unknown"}
        if codes & {"6.1"}:
            gaps |= {"no_franceconnect"}
        if codes & {"6.2"}:
            gaps |= {"no_scanner"}
        return sorted(gaps)

    @property
    def equipment_list(self):
        return [line.strip() for line in self.equipment_needed.splitlines() if line.strip()]

    def learning_pages(self):
        """The module's tutorials (and later quizzes), live, in the order the trainers set."""
        return page_cache.public(self.get_children().live()).specific().order_by("path")

    def get_context(self, request, *args, **kwargs):
        from learning import pages  # noqa: PLC0415 (learning.pages imports this module's models)

        context = super().get_context(request, *args, **kwargs)
        items = list(self.learning_pages())
        context["items"] = items
        context["progress"] = pages.module_view_progress(request, self, items)
        return context


class TutorialPage(CachedPageMixin, RoutablePageMixin, Page):
    """Step-by-step instructions. Progress is stored per step block id, so it survives edits.

    The most read page: kept whole by cms.page_cache per kind of visitor and steps done; its sub-routes (a step
    marked done, the printed version) are not kept.
    """

    intro = models.CharField("introduction", max_length=300)
    duration_minutes = models.PositiveSmallIntegerField("durée estimée (minutes)", default=10)
    checklist = StreamField(ChecklistBlock(), verbose_name="avant de commencer", blank=True)
    media = StreamField(TutorialMediaBlock(max_num=1), verbose_name="vidéo de démonstration", blank=True)
    steps = StreamField(StepsBlock(), verbose_name="étapes")

    content_panels = [
        *Page.content_panels,
        guide_help_panel("Une action par étape, une idée par phrase, 20 mots au plus. Toute image est décrite."),
        FieldPanel("intro"),
        FieldPanel("duration_minutes"),
        FieldPanel(
            "checklist",
            help_text="Ce qu'il faut avoir sous la main : un papier, un appareil, un mot de passe.",
        ),
        FieldPanel(
            "media",
            heading="Vidéo de démonstration (facultative)",
            help_text="Une vidéo envoyée sur le site, avec sa transcription.",
        ),
        FieldPanel(
            "steps",
            help_text=(
                "Les étapes sont fermées pour que la page reste courte. "
                "Cliquez sur le titre d'une étape pour l'ouvrir."
            ),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("steps"),
        index.SearchField("checklist"),
    ]
    parent_page_types = ["learning.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = "tutoriel"

    @cached_property
    def step_ids(self):
        # From the raw stream: converting the blocks would load their images.
        return [item["id"] for item in self.steps.raw_data if item["type"] == "step"]

    @cached_property
    def module(self):
        return self.get_parent().specific

    def page_cache_variant(self, request):
        """The steps the visitor has done and whether they finished it: all the page shows of them."""
        from learning import pages  # noqa: PLC0415 (learning.pages imports this module's models)

        return tuple(pages.steps_done(request, self))

    def get_context(self, request, *args, **kwargs):
        from learning import pages  # noqa: PLC0415 (learning.pages imports this module's models)

        context = super().get_context(request, *args, **kwargs)
        context.update(pages.tutorial_view_context(request, self))
        return context

    @path("etapes/<str:step_id>/fait/", name="mark_step_done")
    def mark_step_done(self, request, step_id):
        from learning import views  # noqa: PLC0415 (a route trampoline: the view module imports this model)

        return views.mark_step_done(request, self, step_id)

    @path("imprimer/", name="print")
    def print_view(self, request):
        from learning import views  # noqa: PLC0415 (a route trampoline: the view module imports this model)

        return views.print_tutorial(request, self)


class PageProgress(models.Model):
    """What one person did on one learning page: for a tutorial, the block ids of the steps done."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="page_progress")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    done_step_ids = models.JSONField("étapes faites", default=list)
    last_step_id = models.CharField("dernière étape", max_length=64, blank=True)
    status = models.CharField(max_length=20, choices=ProgressStatus.choices, default=ProgressStatus.NOT_STARTED)
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "progression sur une page"
        verbose_name_plural = "progressions sur les pages"
        constraints = [models.UniqueConstraint(fields=["user", "page"], name="pageprogress_one_per_user_page")]

    def __str__(self):
        return f"{self.user} — page {self.page_id} — {self.get_status_display()}"


class ModuleProgress(models.Model):
    """The roll-up per person and module, kept current by learning.services; dashboards read only this."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_progress")
    module = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    percent = models.PositiveSmallIntegerField("avancement (%)", default=0)
    items_done = models.PositiveSmallIntegerField(default=0)
    items_total = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(max_length=20, choices=ProgressStatus.choices, default=ProgressStatus.NOT_STARTED)
    next_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_activity_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "progression dans un module"
        verbose_name_plural = "progressions dans les modules"
        constraints = [models.UniqueConstraint(fields=["user", "module"], name="moduleprogress_one_per_user_module")]
        indexes = [models.Index(fields=["user", "-last_activity_at"], name="moduleprogress_user_activity")]

    def __str__(self):
        return f"{self.user} — module {self.module_id} — {self.percent} %"

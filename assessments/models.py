from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from assessments import scoring
from assessments.blocks import EquipmentQuestionsBlock, QuestionsBlock
from assessments.enums import MasteryRule
from cms.blocks import LIMITED_RICH_TEXT_FEATURES
from cms.page_cache import ViewRestrictionShortcutMixin


@register_snippet
class Domain(models.Model):
    code = models.CharField("code", max_length=8, unique=True)
    title = models.CharField("intitulé", max_length=150)
    is_crcn = models.BooleanField(
        "domaine du CRCN", default=True, help_text="Décoché pour les domaines propres au projet."
    )

    panels = [FieldPanel("code"), FieldPanel("title"), FieldPanel("is_crcn")]

    class Meta:
        verbose_name = "domaine de compétences"
        verbose_name_plural = "domaines de compétences"
        ordering = ["code"]

    def __str__(self):
        return f"{self.code}. {self.title}"


@register_snippet
class Competence(index.Indexed, models.Model):
    """A competence of the CRCN (e.g. 4.2) or of the project's own domains (0 « Premiers pas », 6 « Démarches »)."""

    domain = models.ForeignKey(Domain, verbose_name="domaine", on_delete=models.PROTECT, related_name="competences")
    code = models.CharField("code", max_length=8, unique=True)
    title = models.CharField("intitulé", max_length=200)
    plain_title = models.CharField(
        "intitulé en langage simple",
        max_length=200,
        blank=True,
        help_text="Ce que lisent les habitants dans leurs résultats (« Échanger avec d'autres personnes » plutôt que "
        "« Interagir »). Vide : l'intitulé est utilisé.",
    )
    description = models.TextField("description", blank=True)

    panels = [
        FieldPanel("domain"),
        FieldPanel("code"),
        FieldPanel("title"),
        FieldPanel("plain_title"),
        FieldPanel("description"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title"), index.FilterField("code")]

    class Meta:
        verbose_name = "compétence"
        verbose_name_plural = "compétences"
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.title}"

    @property
    def label(self):
        """The name a resident reads: the plain title, else the framework's."""
        return self.plain_title or self.title

    @classmethod
    def _of(cls, codes):
        return cls.objects.all() if codes is None else cls.objects.filter(code__in=list(codes))

    @classmethod
    def labels(cls, codes=None):
        """{code: plain label} in one query, for every competence or only `codes`."""
        rows = cls._of(codes).values_list("code", "plain_title", "title")
        return {code: plain or title for code, plain, title in rows}

    @classmethod
    def titles(cls, codes=None):
        """{code: framework title} in one query, for every competence or only `codes`."""
        return dict(cls._of(codes).values_list("code", "title"))


class QuizPage(ViewRestrictionShortcutMixin, RoutablePageMixin, Page):
    """A skill quiz, child of a module. Attempts keep the revision they were taken on and the block ids."""

    intro = RichTextField("introduction", features=LIMITED_RICH_TEXT_FEATURES, blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        "score minimum (%)", default=70, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    mastery_rule = models.CharField(
        "règle de maîtrise", max_length=10, choices=MasteryRule.choices, default=MasteryRule.NONE
    )
    mastery_count = models.PositiveSmallIntegerField(
        "nombre de questions justes exigé", null=True, blank=True, help_text="Pour la règle « nombre minimum »."
    )
    shuffle_questions = models.BooleanField("mélanger les questions", default=False)
    shuffle_options = models.BooleanField("mélanger les réponses proposées", default=True)
    max_attempts = models.PositiveSmallIntegerField(
        "nombre d'essais maximum", default=0, help_text="0 : autant d'essais que la personne veut."
    )
    show_answers = models.BooleanField("montrer les bonnes réponses après l'envoi", default=True)
    questions = StreamField(QuestionsBlock(), verbose_name="questions")

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("questions"),
    ]
    settings_panels = [
        MultiFieldPanel(
            [
                FieldPanel("pass_mark"),
                FieldPanel("mastery_rule"),
                FieldPanel("mastery_count"),
                FieldPanel("shuffle_questions"),
                FieldPanel("shuffle_options"),
                FieldPanel("max_attempts"),
                FieldPanel("show_answers"),
            ],
            heading="Réglages du quiz",
        ),
        *Page.settings_panels,
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("questions")]
    parent_page_types = ["learning.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = "quiz"
        verbose_name_plural = "quiz"

    def clean(self):
        super().clean()
        if self.mastery_rule == MasteryRule.M_OF_N:
            count = len(self.questions)
            if not self.mastery_count:
                raise ValidationError({"mastery_count": "Indiquez combien de questions doivent être justes."})
            if count and self.mastery_count > count:
                raise ValidationError({"mastery_count": f"Le quiz n'a que {count} questions."})

    @cached_property
    def question_map(self):
        """{block id: (block value, plain question)} for the quiz as published."""
        return {block.id: (block.value, block.value.to_question()) for block in self.questions}

    @property
    def question_ids(self):
        return [block.id for block in self.questions]

    def get_context(self, request, *args, **kwargs):
        from assessments import views  # noqa: PLC0415 (a route trampoline: the view module imports this model)

        context = super().get_context(request, *args, **kwargs)
        context.update(views.quiz_landing_context(request, self))
        return context

    @path("commencer/", name="start")
    def start_view(self, request):
        from assessments import views  # noqa: PLC0415 (a route trampoline: the view module imports this model)

        return views.start(request, self)

    @path("essai/", name="trial")
    def trial_view(self, request):
        from assessments import views  # noqa: PLC0415 (a route trampoline: the view module imports this model)

        return views.trial(request, self)

    @path("tentative/<int:attempt_id>/", name="attempt")
    def attempt_view(self, request, attempt_id):
        from assessments import views  # noqa: PLC0415 (a route trampoline: the view module imports this model)

        return views.attempt(request, self, attempt_id)

    @path("tentative/<int:attempt_id>/reponse/", name="save_answer")
    def save_answer_view(self, request, attempt_id):
        from assessments import views  # noqa: PLC0415 (a route trampoline: the view module imports this model)

        return views.save_answer(request, self, attempt_id)

    @path("tentative/<int:attempt_id>/resultats/", name="results")
    def results_view(self, request, attempt_id):
        from assessments import views  # noqa: PLC0415 (a route trampoline: the view module imports this model)

        return views.results(request, self, attempt_id)


class QuizAttempt(models.Model):
    """One try at a quiz by one person. Submitted once: a conditional update guards `submitted_at`."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    quiz = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    idempotency_key = models.UUIDField("clé d'idempotence", unique=True)
    question_ids = models.JSONField("questions posées, dans l'ordre", default=list)
    option_orders = models.JSONField("ordre d'affichage des réponses", default=dict)
    retry_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="retries")
    started_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    # Exact fractions are stored as floats; assessments.scoring.exact reads them back as the same fractions.
    score = models.FloatField(null=True, blank=True)
    passed = models.BooleanField(default=False)
    wrong_count = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "essai de quiz"
        verbose_name_plural = "essais de quiz"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "quiz"],
                condition=models.Q(submitted_at__isnull=True),
                name="quizattempt_one_open_per_quiz",
            )
        ]
        indexes = [models.Index(fields=["user", "quiz", "-started_at"], name="quizattempt_user_quiz")]

    def __str__(self):
        return f"{self.user} — quiz {self.quiz_id} — {self.started_at:%d/%m/%Y}"

    @property
    def is_submitted(self):
        return self.submitted_at is not None

    @property
    def percent(self):
        """The score as a whole percent: 100 only when every answer is fully right (see scoring.percent)."""
        return scoring.percent(self.score or 0)


class Answer(models.Model):
    attempt = models.ForeignKey(QuizAttempt, on_delete=models.CASCADE, related_name="answers")
    question_id = models.CharField("question (identifiant du bloc)", max_length=64)
    response = models.JSONField("réponse", null=True)
    credit = models.FloatField("points", default=0)
    correct = models.BooleanField("juste", default=False)
    answered_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "réponse"
        verbose_name_plural = "réponses"
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question_id"], name="answer_one_per_question_and_attempt")
        ]

    def __str__(self):
        return f"{self.question_id}: {self.credit}"


class DiagnosticPage(RoutablePageMixin, Page):
    """« Faire le point »: equipment and access questions, then an adaptive competence check."""

    intro = RichTextField("introduction", features=LIMITED_RICH_TEXT_FEATURES, blank=True)
    equipment_questions = StreamField(EquipmentQuestionsBlock(), verbose_name="équipement et accès", blank=True)
    competence_questions = StreamField(
        QuestionsBlock(),
        verbose_name="questions de compétences",
        help_text="Chaque question a une compétence et un niveau (1 à 3) : le parcours s'adapte aux réponses.",
    )
    min_questions = models.PositiveSmallIntegerField(
        "questions de compétences au minimum",
        default=10,
        help_text="Des questions de confirmation sont ajoutées jusqu'à ce nombre, seulement quand la personne a "
        "réussi un niveau : quelqu'un qui débute n'est pas retenu plus longtemps.",
    )
    max_questions = models.PositiveSmallIntegerField("questions de compétences au maximum", default=25)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("equipment_questions"),
        FieldPanel("competence_questions"),
    ]
    settings_panels = [
        MultiFieldPanel([FieldPanel("min_questions"), FieldPanel("max_questions")], heading="Longueur du parcours"),
        *Page.settings_panels,
    ]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "diagnostic « Faire le point »"

    def clean(self):
        super().clean()
        if self.min_questions > self.max_questions:
            raise ValidationError({"min_questions": "Le minimum ne peut pas dépasser le maximum."})
        missing = [b for b in self.competence_questions if not b.value.get("competence")]
        if missing:
            raise ValidationError(
                {"competence_questions": "Chaque question de compétences doit indiquer sa compétence."}
            )

    @cached_property
    def competence_map(self):
        return {block.id: (block.value, block.value.to_question()) for block in self.competence_questions}

    @cached_property
    def equipment_map(self):
        return {block.id: block.value for block in self.equipment_questions}

    def get_context(self, request, *args, **kwargs):
        from assessments import diagnostic_views  # noqa: PLC0415 (a route trampoline: the view module imports this model)

        context = super().get_context(request, *args, **kwargs)
        context.update(diagnostic_views.landing_context(request, self))
        return context

    @path("commencer/", name="start")
    def start_view(self, request):
        from assessments import diagnostic_views  # noqa: PLC0415 (a route trampoline: the view module imports this model)

        return diagnostic_views.start(request, self)

    @path("question/", name="question")
    def question_view(self, request):
        from assessments import diagnostic_views  # noqa: PLC0415 (a route trampoline: the view module imports this model)

        return diagnostic_views.question(request, self)

    @path("resultat/", name="session_result")
    def session_result_view(self, request):
        from assessments import diagnostic_views  # noqa: PLC0415 (a route trampoline: the view module imports this model)

        return diagnostic_views.session_result(request, self)

    @path("resultat/<int:result_id>/", name="result")
    def result_view(self, request, result_id):
        from assessments import diagnostic_views  # noqa: PLC0415 (a route trampoline: the view module imports this model)

        return diagnostic_views.result(request, self, result_id)


class DiagnosticResult(models.Model):
    """A profile: equipment gaps and a level per competence. Kept for residents, to compare before and after."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="diagnostic_results", null=True
    )
    page = models.ForeignKey("wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+")
    equipment_gaps = models.JSONField("manques d'équipement", default=list)
    levels = models.JSONField("niveau par compétence", default=dict)
    answers = models.JSONField("réponses", default=dict)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="fait avec",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "résultat de « Faire le point »"
        verbose_name_plural = "résultats de « Faire le point »"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "created_at"], name="diagnosticresult_user_date")]

    def __str__(self):
        return f"Faire le point — {self.user} — {self.created_at:%d/%m/%Y}"

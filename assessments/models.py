from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet


class CompetenceLevel(models.IntegerChoices):
    """CRCN levels 1 to 8, grouped in bands; residents mostly work at levels 1 to 3."""

    NOVICE_1 = 1, "1 — Novice"
    NOVICE_2 = 2, "2 — Novice"
    INDEPENDENT_3 = 3, "3 — Indépendant"
    INDEPENDENT_4 = 4, "4 — Indépendant"
    ADVANCED_5 = 5, "5 — Avancé"
    ADVANCED_6 = 6, "6 — Avancé"
    EXPERT_7 = 7, "7 — Expert"
    EXPERT_8 = 8, "8 — Expert"


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
    description = models.TextField("description", blank=True)

    panels = [FieldPanel("domain"), FieldPanel("code"), FieldPanel("title"), FieldPanel("description")]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title"), index.FilterField("code")]

    class Meta:
        verbose_name = "compétence"
        verbose_name_plural = "compétences"
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.title}"

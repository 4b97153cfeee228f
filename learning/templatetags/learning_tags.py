"""Template tags through which assessments' pages show what learning knows (modules to recommend, places)."""

from urllib.parse import urlencode

from django import template
from django.urls import NoReverseMatch, reverse

from assessments.models import Competence
from cms import places as place_standard
from learning.models import ModulePage
from learning.recommendations import ModuleInfo, recommend

register = template.Library()


def module_infos():
    modules = ModulePage.objects.live().public().prefetch_related("competences")
    return {
        module.pk: (
            module,
            ModuleInfo(
                id=module.pk,
                title=module.title,
                level=module.level,
                competences=tuple(c.code for c in module.competences.all()),
                exclusion_type=module.exclusion_type,
                addresses_gaps=tuple(module.addressed_gaps),
            ),
        )
        for module in modules
    }


@register.simple_tag
def recommended_modules(levels, gaps, limit=5):
    """At most `limit` modules for this profile, ranked by gap and level, each with a reason in French."""
    infos = module_infos()
    titles = Competence.labels()  # plain French: « Échanger avec d'autres personnes », not « Interagir »
    ranked = recommend(
        {code: int(level) for code, level in (levels or {}).items()},
        set(gaps or []),
        [info for _module, info in infos.values()],
        limit=limit,
        competence_titles=titles,
    )
    return [{"module": infos[item.module_id][0], "reason": item.reason} for item in ranked]


@register.simple_tag
def competence_labels(rows):
    """{code: plain-French label} for the rows' competences (one query): what a resident reads instead of the
    framework's titles (« Échanger avec d'autres personnes », not « Interagir »)."""
    return Competence.labels(row["code"] for row in rows or [])


LEVEL_WORDS = {0: "Débute", 1: "Les bases", 2: "Se débrouille", 3: "À l'aise"}


@register.filter
def level_words(level):
    """A « Faire le point » level in words (0 « Débute » … 3 « À l'aise »); « — » when there is none."""
    if level is None or level == "":
        return "—"
    try:
        return LEVEL_WORDS.get(int(level), f"Niveau {level}")
    except (TypeError, ValueError):
        return "—"


@register.inclusion_tag("followup/_assign_recommended.html", takes_context=True)
def assign_recommended_form(context, result, recommendations):
    return {
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "result": result,
        "modules": [item["module"] for item in recommendations],
    }


@register.simple_tag
def places_url(service=""):
    """« Trouver un lieu » filtered on a service: its short key (« materiel »), or the standard's value, which is
    turned into its key, since the page filters on keys only. Anything else links to every place."""
    try:
        base = reverse("places")
    except NoReverseMatch:
        return reverse("search")
    key = service if service in place_standard.SERVICE_BY_KEY else place_standard.SERVICE_KEYS.get(service, "")
    return f"{base}?{urlencode({'service': key})}" if key else base

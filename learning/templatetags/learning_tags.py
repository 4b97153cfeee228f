"""Template tags through which assessments' pages show what learning knows (modules to recommend, places)."""

from urllib.parse import urlencode

from django import template
from django.urls import NoReverseMatch, reverse

from assessments.models import Competence
from learning.models import ModulePage

register = template.Library()


def module_infos():
    from learning.recommendations import ModuleInfo

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
    from learning.recommendations import recommend

    infos = module_infos()
    titles = dict(Competence.objects.values_list("code", "title"))
    ranked = recommend(
        {code: int(level) for code, level in (levels or {}).items()},
        set(gaps or []),
        [info for _module, info in infos.values()],
        limit=limit,
        competence_titles=titles,
    )
    return [{"module": infos[item.module_id][0], "reason": item.reason} for item in ranked]


@register.inclusion_tag("learning/agent/_assign_recommended.html", takes_context=True)
def assign_recommended_form(context, result, recommendations):
    return {
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "result": result,
        "modules": [item["module"] for item in recommendations],
    }


@register.simple_tag
def places_url(service=""):
    try:
        base = reverse("places")
    except NoReverseMatch:
        return reverse("search")
    return f"{base}?{urlencode({'service': service})}" if service else base

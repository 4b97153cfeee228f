"""Admin views of the cms app: the trainers' authoring guide."""

from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from cms.authoring_guide import guide_html

GUIDE_TITLE = "Guide de rédaction"


@require_safe
def authoring_guide(request):
    return TemplateResponse(
        request,
        "wagtailadmin/pasapas/authoring_guide.html",
        {"header_title": GUIDE_TITLE, "guide": guide_html()},
    )

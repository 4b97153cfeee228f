"""Resident-facing views that are not Wagtail pages: marking a step done, the print view, « Mon parcours »."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe

import segno

from cms.glossary import Linker, current_matcher
from learning import services


def mark_step_done(request, tutorial, step_id):
    """POST « J'ai fait cette étape ». Works without JavaScript (redirect) and with it (JSON). Idempotent."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        if request.user.is_authenticated:
            services.record_step(user=request.user, tutorial=tutorial, step_id=step_id)
        else:
            services.record_step_in_session(session=request.session, tutorial=tutorial, step_id=step_id)
    except services.UnknownStep:
        raise Http404("Cette étape n'existe pas.") from None
    context = services.tutorial_view_context(request, tutorial)
    if request.headers.get("Accept", "").startswith("application/json"):
        return JsonResponse(
            {
                "done": True,
                "done_count": context["done_count"],
                "step_count": context["step_count"],
                "percent": context["percent"],
                "next_step": context["next_step_number"],
                "completed": context["tutorial_completed"],
            }
        )
    anchor = f"etape-{context['next_step_number']}" if context["next_step_number"] else "fin"
    return redirect(f"{tutorial.url}#{anchor}")


def qr_svg(url):
    """An inline SVG QR code for `url` (drawn locally; no external service)."""
    return mark_safe(segno.make(url, error="m").svg_inline(scale=4, border=2, dark="#000", light="#fff"))


def print_tutorial(request, tutorial):
    linker = Linker(current_matcher())
    context = {
        "page": tutorial,
        "steps": [block for block in tutorial.steps if block.block_type == "step"],
        "glossary": linker,
        "page_full_url": request.build_absolute_uri(tutorial.url),
    }
    context["qr_code"] = qr_svg(context["page_full_url"])
    return TemplateResponse(request, "learning/tutorial_print.html", context)


@login_required
def my_path(request):
    return TemplateResponse(request, "learning/my_path.html", services.my_path(request.user))

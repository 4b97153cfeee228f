"""Tutorial routes that are not Wagtail pages: marking a step done, the print view."""

from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from cms.glossary import Linker, current_matcher
from cms.qr import qr_svg
from learning import pages, services
from learning.enums import ProgressStatus


@require_POST
def mark_step_done(request, tutorial, step_id):
    """POST « J'ai fait cette étape ». Works without JavaScript (redirect) and with it (JSON). Idempotent."""
    completed = False
    try:
        if request.user.is_authenticated:
            progress = services.record_step(user=request.user, tutorial=tutorial, step_id=step_id)
            done_ids, completed = progress.done_step_ids, progress.status == ProgressStatus.COMPLETED
        else:
            services.record_step_in_session(session=request.session, tutorial=tutorial, step_id=step_id)
            done_ids = services.session_done_steps(request.session, tutorial.pk)
    except services.UnknownStep:
        raise Http404("Cette étape n'existe pas.") from None
    context = pages.step_summary(tutorial.step_ids, done_ids, completed=completed)
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


def print_tutorial(request, tutorial):
    linker = Linker(current_matcher())
    context = {
        "page": tutorial,
        "steps": [block for block in tutorial.steps if block.block_type == "step"],
        "glossary": linker,
        "page_full_url": request.build_absolute_uri(tutorial.url),
    }
    context["qr_code"] = qr_svg(context["page_full_url"], label="QR code du tutoriel")
    return TemplateResponse(request, "learning/tutorial_print.html", context)

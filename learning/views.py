"""Resident-facing views that are not Wagtail pages: marking a step done, the print view, « Mon parcours »."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe

import segno

from accounts.enums import ConsentMethod
from accounts.models import Structure, StructureLink
from accounts.services import link_resident, unlink_resident
from cms.glossary import Linker, current_matcher
from learning import services
from learning.agent_forms import JoinStructureForm
from learning.enums import ProgressStatus
from learning.workshops import next_session_for


def mark_step_done(request, tutorial, step_id):
    """POST « J'ai fait cette étape ». Works without JavaScript (redirect) and with it (JSON). Idempotent."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
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
    context = services.step_summary(tutorial.step_ids, done_ids, completed=completed)
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


QR_QUIET_ZONE = 4  # modules of white around the code: what the QR standard asks, and what phones need on paper


def qr_svg(url, label="QR code"):
    """An inline SVG QR code for `url` (drawn locally; no external service).

    No width or height, only a viewBox of one unit per module: the page's CSS gives the size, and the whole code
    (with its quiet zone) scales into it, on screen and on paper, instead of being cropped. Crisp edges keep the
    modules square at any size, with no hairline gaps between rows.
    """
    svg = segno.make(url, error="m").svg_inline(
        scale=1, border=QR_QUIET_ZONE, omitsize=True, dark="#000", light="#fff", title=label, svgclass="qr-code"
    )
    return mark_safe(svg.replace("<svg ", '<svg role="img" shape-rendering="crispEdges" ', 1))


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


@login_required
def my_path(request):
    context = services.my_path(request.user)
    context["links"] = list(StructureLink.objects.active().filter(resident=request.user).select_related("structure"))
    context["join_form"] = JoinStructureForm()
    context["next_session"] = next_session_for(request.user)
    return TemplateResponse(request, "learning/my_path.html", context)


@login_required
def join_structure(request):
    """A resident enters a structure's code, sees what will be shared, and consents (or not)."""
    if request.method != "POST":
        return redirect("my_path")
    form = JoinStructureForm(request.POST)
    structure = None
    if form.is_valid():
        structure = Structure.objects.filter(join_code=form.cleaned_data["code"]).first()
        if structure is None:
            form.add_error("code", "Ce code ne correspond à aucune structure. Vérifiez-le avec votre conseiller.")
    if structure is None:
        context = services.my_path(request.user)
        context.update(
            {
                "links": list(
                    StructureLink.objects.active().filter(resident=request.user).select_related("structure")
                ),
                "join_form": form,
                "next_session": next_session_for(request.user),
            }
        )
        return TemplateResponse(request, "learning/my_path.html", context, status=400)
    if request.POST.get("accord") == "oui":
        link_resident(resident=request.user, structure=structure, method=ConsentMethod.JOIN_CODE)
        messages.success(request, f"C'est fait : {structure.name} peut suivre votre progression.")
        return redirect("my_path")
    return TemplateResponse(
        request, "learning/join_structure.html", {"structure": structure, "code": structure.join_code}
    )


@login_required
def leave_structure(request, structure_id):
    if request.method != "POST":
        return redirect("my_path")
    link = get_object_or_404(StructureLink.objects.active(), resident=request.user, structure_id=structure_id)
    unlink_resident(resident=request.user, structure=link.structure)
    messages.success(request, f"{link.structure.name} ne voit plus votre progression.")
    return redirect("my_path")

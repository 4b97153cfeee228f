"""« Mon parcours », the resident's side of the follow-up: modules assigned and under way, the next workshop
session, the structures that follow the person, joining one with its code and leaving it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST, require_safe

from accounts.enums import ConsentMethod
from accounts.models import Structure, StructureLink
from accounts.services import link_resident, unlink_resident
from followup.forms.residents import JoinStructureForm
from followup.services import path


@login_required
@require_safe
def my_path(request):
    context = {**path.my_path(request.user), "join_form": JoinStructureForm()}
    return TemplateResponse(request, "followup/my_path.html", context)


@login_required
@require_POST
def join_structure(request):
    """A resident enters a structure's code, sees what will be shared, and consents (or not)."""
    form = JoinStructureForm(request.POST)
    structure = None
    if form.is_valid():
        structure = Structure.objects.filter(join_code=form.cleaned_data["code"]).first()
        if structure is None:
            form.add_error("code", "Ce code ne correspond à aucune structure. Vérifiez-le avec votre conseiller.")
    if structure is None:
        context = {**path.my_path(request.user), "join_form": form}
        return TemplateResponse(request, "followup/my_path.html", context, status=400)
    if request.POST.get("accord") == "oui":
        link_resident(resident=request.user, structure=structure, method=ConsentMethod.JOIN_CODE)
        messages.success(request, f"C'est fait : {structure.name} peut suivre votre progression.")
        return redirect("my_path")
    return TemplateResponse(
        request, "followup/join_structure.html", {"structure": structure, "code": structure.join_code}
    )


@login_required
@require_POST
def leave_structure(request, structure_id):
    link = get_object_or_404(StructureLink.objects.active(), resident=request.user, structure_id=structure_id)
    unlink_resident(resident=request.user, structure=link.structure)
    messages.success(request, f"{link.structure.name} ne voit plus votre progression.")
    return redirect("my_path")

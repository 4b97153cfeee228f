"""The agent space (/espace-agent/): residents, login cards, assignments, follow-up. Views stay thin."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from accounts import cards
from assessments import diagnostic_views
from assessments.models import DiagnosticPage
from cms.qr import qr_svg
from cms.text import parse_int
from followup import audit, fresh_cards
from followup.access import agent_required, resident_or_404, shared_structure_or_404
from followup.enums import AuditAction, FollowUpStatus
from followup.forms.residents import (
    SORTS,
    AssignForm,
    AutonomyForm,
    NoteForm,
    ResidentFilterForm,
    ResidentForm,
)
from followup.layout import render_agent
from followup.models import Assignment, AutonomyRecord, ResidentNote, Workshop
from followup.querysets import status_of_rank
from followup.scope import structures_for
from followup.services.assignments import AssignmentRefused, assign_module, assignable_modules, unassign
from followup.services.residents import create_resident, resident_overview, residents_list

RESIDENTS_PER_PAGE = 50


@agent_required
@require_safe
def residents(request):
    structures = list(structures_for(request.user))
    workshops = list(Workshop.objects.filter(structure__in=structures))
    form = ResidentFilterForm(request.GET or None, workshops=workshops)
    filters = form.cleaned_data if form.is_valid() else {}
    queryset = residents_list(
        request.user,
        query=filters.get("q", ""),
        workshop_id=filters.get("atelier"),
        module_id=filters.get("module"),
        status=filters.get("statut", ""),
        structures=structures,
    ).order_by(*SORTS.get(filters.get("tri") or "statut", SORTS["statut"]))
    page = Paginator(queryset, RESIDENTS_PER_PAGE).get_page(request.GET.get("page") or 1)
    for resident in page:
        resident.follow_up = status_of_rank(resident.status_rank)
    query = request.GET.copy()
    query.pop("page", None)
    return render_agent(
        request,
        "followup/residents.html",
        {
            "form": form,
            "page_obj": page,
            "query": query,
            "status_labels": dict(FollowUpStatus.choices),
            "structures": structures,
        },
        section="residents",
    )


@agent_required
def resident_create(request):
    structures = list(structures_for(request.user))
    form = ResidentForm(request.POST or None, structures=structures)
    if request.method == "POST" and form.is_valid():
        resident, issued = create_resident(
            agent=request.user,
            structure=form.cleaned_data["structure"],
            display_name=form.cleaned_data["display_name"],
            email=form.cleaned_data["email"],
            phone=form.cleaned_data["phone"],
        )
        audit.record(
            actor=request.user,
            structure=form.cleaned_data["structure"],
            action=AuditAction.CREATE_RESIDENT,
            resident=resident,
        )
        messages.success(request, f"Compte créé pour {resident} : identifiant {resident.username}.")
        return fresh_cards.remember(request, redirect("agent:resident_card", resident.pk), resident, issued)
    return render_agent(request, "followup/resident_form.html", {"form": form}, section="residents")


@agent_required
@require_safe
def resident_card(request, resident_id):
    resident = resident_or_404(request.user, resident_id)
    fresh = fresh_cards.fresh_card(request, resident)
    context = {"resident": resident, "fresh": fresh, "structure": shared_structure_or_404(request.user, resident)}
    if fresh:
        qr_url = request.build_absolute_uri(reverse("qr_login", args=[fresh["token"]]))
        context.update({"qr_code": qr_svg(qr_url), "site_url": request.build_absolute_uri("/connexion-code/")})
    return render_agent(request, "followup/resident_card.html", context, section="residents")


@agent_required
@require_POST
def resident_new_code(request, resident_id):
    resident = resident_or_404(request.user, resident_id)
    issued = cards.issue_card(resident=resident, issued_by=request.user)
    audit.record(
        actor=request.user,
        structure=shared_structure_or_404(request.user, resident),
        action=AuditAction.NEW_CODE,
        resident=resident,
    )
    messages.success(request, "Nouveau code créé : l'ancien code et l'ancien QR code ne marchent plus.")
    return fresh_cards.remember(request, redirect("agent:resident_card", resident.pk), resident, issued)


@agent_required
@require_safe
def resident_detail(request, resident_id):
    resident = resident_or_404(request.user, resident_id)
    structure = shared_structure_or_404(request.user, resident)
    fresh_cards.drop(request.session, resident.pk)  # printed: the code is not shown again
    audit.record(actor=request.user, structure=structure, action=AuditAction.VIEW_RESIDENT, resident=resident)
    context = {
        "resident": resident,
        "structure": structure,
        "assign_form": AssignForm(),
        "note_form": NoteForm(),
        "autonomy_form": AutonomyForm(),
        **resident_overview(resident, structures=structures_for(request.user)),
    }
    return render_agent(request, "followup/resident_detail.html", context, section="residents")


def _detail_with_errors(request, resident, **forms):
    context = {
        "resident": resident,
        "structure": shared_structure_or_404(request.user, resident),
        "assign_form": forms.get("assign_form") or AssignForm(),
        "note_form": forms.get("note_form") or NoteForm(),
        "autonomy_form": forms.get("autonomy_form") or AutonomyForm(),
        **resident_overview(resident, structures=structures_for(request.user)),
    }
    return render_agent(request, "followup/resident_detail.html", context, section="residents", status=400)


@agent_required
@require_POST
def resident_assign(request, resident_id):
    resident = resident_or_404(request.user, resident_id)
    form = AssignForm(request.POST)
    if not form.is_valid():
        return _detail_with_errors(request, resident, assign_form=form)
    try:
        assign_module(
            module=form.cleaned_data["module"],
            residents=[resident],
            by=request.user,
            structure=shared_structure_or_404(request.user, resident),
            due_date=form.cleaned_data["due_date"],
            note=form.cleaned_data["note"],
        )
    except AssignmentRefused as error:
        form.add_error("module", str(error))
        return _detail_with_errors(request, resident, assign_form=form)
    audit.record(
        actor=request.user,
        structure=shared_structure_or_404(request.user, resident),
        action=AuditAction.ASSIGN,
        resident=resident,
        detail=form.cleaned_data["module"].title,
    )
    messages.success(request, f"Module « {form.cleaned_data['module'].title} » assigné.")
    return redirect("agent:resident_detail", resident.pk)


@agent_required
@require_POST
def resident_unassign(request, resident_id, assignment_id):
    resident = resident_or_404(request.user, resident_id)
    assignment = get_object_or_404(
        Assignment.objects.active(),
        pk=assignment_id,
        resident=resident,
        structure__in=structures_for(request.user),
    )
    unassign(assignment=assignment)
    audit.record(
        actor=request.user,
        structure=assignment.structure,
        action=AuditAction.UNASSIGN,
        resident=resident,
        detail=assignment.module.title,
    )
    messages.success(request, "Le module n'est plus assigné.")
    return redirect("agent:resident_detail", resident.pk)


@agent_required
@require_POST
def resident_note(request, resident_id):
    resident = resident_or_404(request.user, resident_id)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _detail_with_errors(request, resident, note_form=form)
    structure = shared_structure_or_404(request.user, resident)
    text = form.cleaned_data["text"]
    ResidentNote.objects.create(resident=resident, structure=structure, author=request.user, text=text)
    audit.record(actor=request.user, structure=structure, action=AuditAction.NOTE_ADD, resident=resident)
    messages.success(request, "Note ajoutée.")
    return redirect("agent:resident_detail", resident.pk)


@agent_required
@require_POST
def resident_autonomy(request, resident_id):
    resident = resident_or_404(request.user, resident_id)
    form = AutonomyForm(request.POST)
    if not form.is_valid():
        return _detail_with_errors(request, resident, autonomy_form=form)
    structure = shared_structure_or_404(request.user, resident)
    record = AutonomyRecord.objects.create(
        resident=resident, structure=structure, recorded_by=request.user, **form.cleaned_data
    )
    audit.record(
        actor=request.user,
        structure=structure,
        action=AuditAction.AUTONOMY,
        resident=resident,
        detail=f"{record.procedure.title} : {record.get_level_display()}, le {record.date:%d/%m/%Y}",
    )
    messages.success(request, f"Démarche enregistrée pour le {record.date:%d/%m/%Y}.")
    return redirect("agent:resident_detail", resident.pk)


@agent_required
@require_POST
def resident_assign_recommended(request, resident_id):
    """One click after « Faire le point » together: the recommended modules are assigned."""
    resident = resident_or_404(request.user, resident_id)
    structure = shared_structure_or_404(request.user, resident)
    ids = [parse_int(value) for value in request.POST.getlist("modules") if parse_int(value) is not None][:10]
    modules = list(assignable_modules().filter(pk__in=ids))
    for module in modules:
        assign_module(module=module, residents=[resident], by=request.user, structure=structure)
        audit.record(
            actor=request.user, structure=structure, action=AuditAction.ASSIGN, resident=resident, detail=module.title
        )
    messages.success(
        request, f"{len(modules)} module{'s' if len(modules) > 1 else ''} assigné{'s' if len(modules) > 1 else ''}."
    )
    return redirect("agent:resident_detail", resident.pk)


@agent_required
@require_POST
def resident_diagnostic(request, resident_id):
    """« Faire le point » with the resident: the agent clicks, the result is recorded for the resident."""
    resident = resident_or_404(request.user, resident_id)
    page = DiagnosticPage.objects.live().first()
    if page is None:
        raise Http404("« Faire le point » n'est pas publié.")
    response = diagnostic_views.start(request, page, resident=resident)
    if response.status_code < 400:
        audit.record(
            actor=request.user,
            structure=shared_structure_or_404(request.user, resident),
            action=AuditAction.DIAGNOSTIC,
            resident=resident,
            detail="Commencé par l'agent avec la personne",
        )
    return response

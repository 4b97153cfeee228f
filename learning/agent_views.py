"""The agent space (/espace-agent/): residents, login cards, assignments, follow-up. Views stay thin."""

import time
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from accounts import cards, perms
from accounts.models import Membership
from assessments import diagnostic_views
from assessments.models import DiagnosticPage
from cms.text import parse_int
from learning import audit, followup
from learning.agent_access import agent_required, manager_required
from learning.agent_forms import SORTS, AgentForm, AssignForm, AutonomyForm, NoteForm, ResidentFilterForm, ResidentForm
from learning.enums import AuditAction, FollowUpStatus
from learning.models import Assignment, AuditEntry, AutonomyRecord, ResidentNote, Workshop
from learning.views import qr_svg

RESIDENTS_PER_PAGE = 50


def render_agent(request, template, context=None, *, section, status=200):
    """Render a page of the agent space with what its layout needs (sub-navigation, manager entry)."""
    context = dict(context or {})
    context.setdefault("agent_section", section)
    if "is_manager" not in context:
        context["is_manager"] = perms.managed_structures(request.user).exists()
    if "structures" not in context:
        context["structures"] = list(followup.structures_for(request.user))
    return TemplateResponse(request, template, context, status=status)


CARD_SESSION_KEY = followup.CARD_SESSION_KEY


def card_cookie_name(resident):
    return f"pasapas_carte_{resident.pk}"


def _remember_card(request, response, resident, issued):
    """The code is shown once, on the card page, until printed: sealed in the session, its key in a cookie of the
    agent's browser for that page only (accounts.cards.seal says why). Returns `response` with the cookie."""
    sealed, key = cards.seal({"code": issued.code, "token": issued.qr_token})
    cards_shown = request.session.get(CARD_SESSION_KEY, {})
    cards_shown[str(resident.pk)] = {"sealed": sealed, "at": int(time.time())}
    request.session[CARD_SESSION_KEY] = cards_shown
    response.set_cookie(
        card_cookie_name(resident),
        key,
        max_age=cards.CARD_SHOWN_SECONDS,
        path=reverse("agent:resident_card", args=[resident.pk]),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Strict",
    )
    return response


def forget_fresh_card(request, response, resident_id):
    """The card kept for printing leaves the session and its key the browser (the resident's data was erased)."""
    cards_shown = request.session.get(CARD_SESSION_KEY, {})
    if cards_shown.pop(str(resident_id), None) is not None:
        request.session[CARD_SESSION_KEY] = cards_shown
    response.delete_cookie(
        f"pasapas_carte_{resident_id}", path=reverse("agent:resident_card", args=[resident_id]), samesite="Strict"
    )
    return response


def _fresh_card(request, resident):
    """The card issued from this browser in the last minutes, or None."""
    shown = request.session.get(CARD_SESSION_KEY, {}).get(str(resident.pk))
    if not shown or time.time() - shown.get("at", 0) > cards.CARD_SHOWN_SECONDS:
        return None
    return cards.unseal(shown.get("sealed"), request.COOKIES.get(card_cookie_name(resident)))


@agent_required
@require_safe
def home(request):
    residents = followup.with_follow_up(
        perms.residents_visible_to(request.user), structures=followup.structures_for(request.user)
    )
    counts = dict(residents.values_list("follow_up").annotate(n=Count("pk")).values_list("follow_up", "n"))
    summary = [(value, label, counts.get(value, 0)) for value, label in FollowUpStatus.choices]
    return render_agent(
        request,
        "learning/agent/home.html",
        {"summary": summary, "total": sum(counts.values())},
        section="home",
    )


@agent_required
@require_safe
def residents(request):
    workshops = list(Workshop.objects.filter(structure__in=followup.structures_for(request.user)))
    form = ResidentFilterForm(request.GET or None, workshops=workshops)
    filters = form.cleaned_data if form.is_valid() else {}
    queryset = followup.residents_list(
        request.user,
        query=filters.get("q", ""),
        workshop_id=filters.get("atelier"),
        module_id=filters.get("module"),
        status=filters.get("statut", ""),
    ).order_by(*SORTS.get(filters.get("tri") or "statut", SORTS["statut"]))
    page = Paginator(queryset, RESIDENTS_PER_PAGE).get_page(request.GET.get("page") or 1)
    for resident in page:
        resident.follow_up = followup.status_of_rank(resident.status_rank)
    query = request.GET.copy()
    query.pop("page", None)
    return render_agent(
        request,
        "learning/agent/residents.html",
        {"form": form, "page_obj": page, "query": query, "status_labels": dict(FollowUpStatus.choices)},
        section="residents",
    )


@agent_required
def resident_create(request):
    structures = list(followup.structures_for(request.user))
    form = ResidentForm(request.POST or None, structures=structures)
    if request.method == "POST" and form.is_valid():
        resident, issued = followup.create_resident(
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
        return _remember_card(request, redirect("agent:resident_card", resident.pk), resident, issued)
    return render_agent(request, "learning/agent/resident_form.html", {"form": form}, section="residents")


@agent_required
@require_safe
def resident_card(request, resident_id):
    resident = followup.resident_or_404(request.user, resident_id)
    fresh = _fresh_card(request, resident)
    context = {"resident": resident, "fresh": fresh, "structure": followup.shared_structure(request.user, resident)}
    if fresh:
        qr_url = request.build_absolute_uri(reverse("qr_login", args=[fresh["token"]]))
        context.update({"qr_code": qr_svg(qr_url), "site_url": request.build_absolute_uri("/connexion-code/")})
    return render_agent(request, "learning/agent/resident_card.html", context, section="residents")


@agent_required
def resident_new_code(request, resident_id):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    resident = followup.resident_or_404(request.user, resident_id)
    issued = cards.issue_card(resident=resident, issued_by=request.user)
    audit.record(
        actor=request.user,
        structure=followup.shared_structure(request.user, resident),
        action=AuditAction.NEW_CODE,
        resident=resident,
    )
    messages.success(request, "Nouveau code créé : l'ancien code et l'ancien QR code ne marchent plus.")
    return _remember_card(request, redirect("agent:resident_card", resident.pk), resident, issued)


@agent_required
@require_safe
def resident_detail(request, resident_id):
    resident = followup.resident_or_404(request.user, resident_id)
    structure = followup.shared_structure(request.user, resident)
    fresh_cards = request.session.get(CARD_SESSION_KEY, {})
    if fresh_cards.pop(str(resident.pk), None) is not None:  # printed: the code is not shown again
        request.session[CARD_SESSION_KEY] = fresh_cards
    audit.record(actor=request.user, structure=structure, action=AuditAction.VIEW_RESIDENT, resident=resident)
    context = {
        "resident": resident,
        "structure": structure,
        "assign_form": AssignForm(),
        "note_form": NoteForm(),
        "autonomy_form": AutonomyForm(),
        **followup.resident_overview(resident, structures=followup.structures_for(request.user)),
    }
    return render_agent(request, "learning/agent/resident_detail.html", context, section="residents")


def _post_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return view(request, *args, **kwargs)

    return wrapper


def _detail_with_errors(request, resident, **forms):
    context = {
        "resident": resident,
        "structure": followup.shared_structure(request.user, resident),
        "assign_form": forms.get("assign_form") or AssignForm(),
        "note_form": forms.get("note_form") or NoteForm(),
        "autonomy_form": forms.get("autonomy_form") or AutonomyForm(),
        **followup.resident_overview(resident, structures=followup.structures_for(request.user)),
    }
    return render_agent(request, "learning/agent/resident_detail.html", context, section="residents", status=400)


@agent_required
@_post_only
def resident_assign(request, resident_id):
    resident = followup.resident_or_404(request.user, resident_id)
    form = AssignForm(request.POST)
    if not form.is_valid():
        return _detail_with_errors(request, resident, assign_form=form)
    try:
        followup.assign_module(
            module=form.cleaned_data["module"],
            residents=[resident],
            by=request.user,
            structure=followup.shared_structure(request.user, resident),
            due_date=form.cleaned_data["due_date"],
            note=form.cleaned_data["note"],
        )
    except followup.AssignmentRefused as error:
        form.add_error("module", str(error))
        return _detail_with_errors(request, resident, assign_form=form)
    audit.record(
        actor=request.user,
        structure=followup.shared_structure(request.user, resident),
        action=AuditAction.ASSIGN,
        resident=resident,
        detail=form.cleaned_data["module"].title,
    )
    messages.success(request, f"Module « {form.cleaned_data['module'].title} » assigné.")
    return redirect("agent:resident_detail", resident.pk)


@agent_required
@_post_only
def resident_unassign(request, resident_id, assignment_id):
    resident = followup.resident_or_404(request.user, resident_id)
    assignment = get_object_or_404(
        Assignment.objects.active(),
        pk=assignment_id,
        resident=resident,
        structure__in=followup.structures_for(request.user),
    )
    followup.unassign(assignment=assignment)
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
@_post_only
def resident_note(request, resident_id):
    resident = followup.resident_or_404(request.user, resident_id)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _detail_with_errors(request, resident, note_form=form)
    structure = followup.shared_structure(request.user, resident)
    text = form.cleaned_data["text"]
    ResidentNote.objects.create(resident=resident, structure=structure, author=request.user, text=text)
    audit.record(actor=request.user, structure=structure, action=AuditAction.NOTE_ADD, resident=resident)
    messages.success(request, "Note ajoutée.")
    return redirect("agent:resident_detail", resident.pk)


@agent_required
@_post_only
def resident_autonomy(request, resident_id):
    resident = followup.resident_or_404(request.user, resident_id)
    form = AutonomyForm(request.POST)
    if not form.is_valid():
        return _detail_with_errors(request, resident, autonomy_form=form)
    structure = followup.shared_structure(request.user, resident)
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


@manager_required
def team(request):
    structures = list(perms.managed_structures(request.user).order_by("name"))
    form = AgentForm(request.POST or None, structures=structures)
    created_password = None
    if request.method == "POST" and form.is_valid():
        try:
            agent, created_password = followup.add_agent(
                structure=form.cleaned_data["structure"],
                display_name=form.cleaned_data["display_name"],
                email=form.cleaned_data["email"],
                is_manager=form.cleaned_data["is_manager"],
                invite=request.POST.get("mode") != "password",
                request=request,
            )
        except followup.AssignmentRefused as error:
            form.add_error("email", str(error))
        else:
            messages.success(request, f"{agent} fait maintenant partie de l'équipe.")
            if created_password is None:
                return redirect("agent:team")
            form = AgentForm(structures=structures)
    memberships = (
        Membership.objects.filter(structure__in=structures)
        .select_related("user", "structure")
        .order_by("structure__name", "user__display_name")
    )
    return render_agent(
        request,
        "learning/agent/team.html",
        {"form": form, "memberships": memberships, "created_password": created_password},
        section="team",
    )


@manager_required
@_post_only
def team_remove(request, membership_id):
    membership = get_object_or_404(Membership, pk=membership_id, structure__in=perms.managed_structures(request.user))
    if membership.user_id == request.user.pk:
        messages.error(request, "Vous ne pouvez pas vous retirer vous-même de l'équipe.")
    else:
        membership.delete()
        messages.success(request, "Cette personne ne fait plus partie de l'équipe de la structure.")
    return redirect("agent:team")


@agent_required
@_post_only
def resident_assign_recommended(request, resident_id):
    """One click after « Faire le point » together: the recommended modules are assigned."""
    resident = followup.resident_or_404(request.user, resident_id)
    structure = followup.shared_structure(request.user, resident)
    ids = [parse_int(value) for value in request.POST.getlist("modules") if parse_int(value) is not None][:10]
    modules = list(followup.assignable_modules().filter(pk__in=ids))
    for module in modules:
        followup.assign_module(module=module, residents=[resident], by=request.user, structure=structure)
        audit.record(
            actor=request.user, structure=structure, action=AuditAction.ASSIGN, resident=resident, detail=module.title
        )
    messages.success(
        request, f"{len(modules)} module{'s' if len(modules) > 1 else ''} assigné{'s' if len(modules) > 1 else ''}."
    )
    return redirect("agent:resident_detail", resident.pk)


@agent_required
@_post_only
def resident_diagnostic(request, resident_id):
    """« Faire le point » with the resident: the agent clicks, the result is recorded for the resident."""
    resident = followup.resident_or_404(request.user, resident_id)
    page = DiagnosticPage.objects.live().first()
    if page is None:
        raise Http404("« Faire le point » n'est pas publié.")
    response = diagnostic_views.start(request, page, resident=resident)
    if response.status_code < 400:
        audit.record(
            actor=request.user,
            structure=followup.shared_structure(request.user, resident),
            action=AuditAction.DIAGNOSTIC,
            resident=resident,
            detail="Commencé par l'agent avec la personne",
        )
    return response


@manager_required
@require_safe
def journal(request):
    """Managers see what their structure's team did about residents over the last 12 months."""
    entries = AuditEntry.objects.filter(structure__in=perms.managed_structures(request.user)).select_related(
        "structure"
    )
    page = Paginator(entries, 50).get_page(request.GET.get("page") or 1)
    return render_agent(request, "learning/agent/journal.html", {"page_obj": page}, section="team")

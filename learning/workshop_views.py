"""Workshop pages of the agent space. Every object is reached through the agent's structures: otherwise a 404."""

from django.contrib import messages
from django.shortcuts import redirect
from django.views.decorators.http import require_safe

from learning import audit, followup, workshops
from learning.agent_access import agent_required
from learning.agent_views import render_agent
from learning.enums import AuditAction
from learning.workshop_forms import AssignToGroupForm, AttendanceForm, MemberAddForm, SessionForm, WorkshopForm

SECTION = "workshops"


def _journal(request, workshop, action, resident, detail):
    audit.record(actor=request.user, structure=workshop.structure, action=action, resident=resident, detail=detail)


def _render(request, template, context, status=200):
    return render_agent(request, template, context, section=SECTION, status=status)


@agent_required
@require_safe
def workshop_list(request):
    return _render(request, "learning/agent/workshop_list.html", {"workshops": workshops.workshops_for(request.user)})


@agent_required
def workshop_create(request):
    form = WorkshopForm(request.POST or None, agent=request.user)
    if request.method == "POST" and form.is_valid():
        workshop = form.save()
        messages.success(request, f"L'atelier « {workshop.title} » est créé. Ajoutez maintenant les participants.")
        return redirect("agent:workshop_detail", workshop_id=workshop.pk)
    return _render(request, "learning/agent/workshop_form.html", {"form": form, "workshop": None})


@agent_required
def workshop_edit(request, workshop_id):
    workshop = followup.workshop_or_404(request.user, workshop_id)
    form = WorkshopForm(request.POST or None, instance=workshop, agent=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Les changements sont enregistrés.")
        return redirect("agent:workshop_detail", workshop_id=workshop.pk)
    return _render(request, "learning/agent/workshop_form.html", {"form": form, "workshop": workshop})


def _detail(request, workshop, *, member_form=None, assign_form=None):
    upcoming, past = workshops.sessions_of(workshop)
    context = {
        "workshop": workshop,
        "members": list(workshops.ordered_members(workshop)),
        "modules": list(workshops.group_modules(workshop)),
        "upcoming_sessions": upcoming,
        "past_sessions": past,
        "member_form": member_form or MemberAddForm(agent=request.user, workshop=workshop),
        "assign_form": assign_form or AssignToGroupForm(),
    }
    return _render(request, "learning/agent/workshop_detail.html", context)


@agent_required
@require_safe
def workshop_detail(request, workshop_id):
    workshop = followup.workshop_or_404(request.user, workshop_id)
    return _detail(request, workshop)


@agent_required
def member_add(request, workshop_id):
    workshop = followup.workshop_or_404(request.user, workshop_id)
    if request.method != "POST":
        return redirect("agent:workshop_detail", workshop_id=workshop.pk)
    form = MemberAddForm(request.POST, agent=request.user, workshop=workshop)
    if not form.is_valid():
        return _detail(request, workshop, member_form=form)
    resident = form.cleaned_data["resident"]
    try:
        followup.add_member(workshop=workshop, resident=resident, by=request.user)
    except followup.AssignmentRefused as refusal:  # consent withdrawn since the page was shown
        form.add_error(None, str(refusal))
        return _detail(request, workshop, member_form=form)
    _journal(request, workshop, AuditAction.WORKSHOP_JOIN, resident, f"Atelier « {workshop.title} »")
    messages.success(request, f"{resident} fait maintenant partie de l'atelier.")
    return redirect("agent:workshop_detail", workshop_id=workshop.pk)


@agent_required
def member_remove(request, workshop_id, resident_id):
    workshop = followup.workshop_or_404(request.user, workshop_id)
    resident = workshops.member_or_404(workshop, resident_id)
    if request.method != "POST":
        return redirect("agent:workshop_detail", workshop_id=workshop.pk)
    followup.remove_member(workshop=workshop, resident=resident)
    _journal(request, workshop, AuditAction.WORKSHOP_LEAVE, resident, f"Atelier « {workshop.title} »")
    messages.success(request, f"{resident} ne fait plus partie de l'atelier. Ses modules restent assignés.")
    return redirect("agent:workshop_detail", workshop_id=workshop.pk)


@agent_required
def workshop_assign(request, workshop_id):
    workshop = followup.workshop_or_404(request.user, workshop_id)
    if request.method != "POST":
        return redirect("agent:workshop_detail", workshop_id=workshop.pk)
    form = AssignToGroupForm(request.POST)
    if form.is_valid():
        module = form.cleaned_data["module"]
        try:
            assignments = followup.assign_to_workshop(
                workshop=workshop,
                module=module,
                by=request.user,
                due_date=form.cleaned_data["due_date"],
                note=form.cleaned_data["note"],
            )
        except followup.AssignmentRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            for assignment in assignments:
                detail = f"{module.title} (atelier « {workshop.title} »)"
                _journal(request, workshop, AuditAction.GROUP_ASSIGN, assignment.resident, detail)
            messages.success(request, f"Le module « {module.title} » est assigné au groupe.")
            return redirect("agent:workshop_detail", workshop_id=workshop.pk)
    return _detail(request, workshop, assign_form=form)


@agent_required
def session_create(request, workshop_id):
    workshop = followup.workshop_or_404(request.user, workshop_id)
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        session = form.save(commit=False)
        session.workshop = workshop
        session.save()
        form.save_m2m()
        messages.success(request, f"La séance du {session.date:%d/%m/%Y} est planifiée.")
        return redirect("agent:session_detail", workshop_id=workshop.pk, session_id=session.pk)
    return _render(request, "learning/agent/session_form.html", {"form": form, "workshop": workshop})


@agent_required
def session_detail(request, workshop_id, session_id):
    workshop, session = workshops.session_or_404(request.user, workshop_id, session_id)
    members = workshops.ordered_members(workshop)
    recorded = workshops.attendance_by_resident(session)
    form = AttendanceForm(request.POST or None, members=members, recorded=recorded)
    if request.method == "POST" and form.is_valid():
        presence = form.presence()
        saved = workshops.record_attendance(session=session, presence=presence, by=request.user)
        for resident, present in presence.items():
            if recorded.get(resident.pk) != present:
                detail = f"Séance du {session.date:%d/%m/%Y} : {'présence' if present else 'absence'}"
                _journal(request, workshop, AuditAction.ATTENDANCE, resident, detail)
        if saved:
            messages.success(request, "Les présences sont enregistrées.")
        else:
            messages.warning(request, "Aucune présence n'a été cochée ou changée : rien n'a été enregistré.")
        return redirect("agent:session_detail", workshop_id=workshop.pk, session_id=session.pk)
    context = {"workshop": workshop, "session": session, "form": form, "session_modules": list(session.modules.all())}
    return _render(request, "learning/agent/session_detail.html", context)


@agent_required
@require_safe
def session_sheet(request, workshop_id, session_id):
    workshop, session = workshops.session_or_404(request.user, workshop_id, session_id)
    context = {
        "workshop": workshop,
        "session": session,
        "members": list(workshops.ordered_members(workshop)),
        "blank_rows": range(3),
    }
    return _render(request, "learning/agent/session_sheet.html", context)


@agent_required
@require_safe
def workshop_matrix(request, workshop_id):
    workshop = followup.workshop_or_404(request.user, workshop_id)
    modules, rows = workshops.progress_matrix(workshop)
    return _render(
        request, "learning/agent/workshop_matrix.html", {"workshop": workshop, "modules": modules, "rows": rows}
    )

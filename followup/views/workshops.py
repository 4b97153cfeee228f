"""Workshop pages of the agent space. Every object is reached through the agent's structures: otherwise a 404."""

from django.contrib import messages
from django.shortcuts import redirect
from django.views.decorators.http import require_POST, require_safe

from followup import audit
from followup.access import agent_required, member_or_404, session_or_404, workshop_or_404
from followup.enums import AuditAction
from followup.forms.workshops import AssignToGroupForm, AttendanceForm, MemberAddForm, SessionForm, WorkshopForm
from followup.layout import render_agent
from followup.services.assignments import AssignmentRefused, assign_to_workshop
from followup.services.workshops import (
    add_member,
    attendance_by_resident,
    group_modules,
    ordered_members,
    progress_matrix,
    record_attendance,
    remove_member,
    sessions_of,
    workshops_for,
)

SECTION = "workshops"


def _journal(request, workshop, action, resident, detail):
    audit.record(actor=request.user, structure=workshop.structure, action=action, resident=resident, detail=detail)


def _render(request, template, context, status=200):
    return render_agent(request, template, context, section=SECTION, status=status)


@agent_required
@require_safe
def workshop_list(request):
    return _render(request, "followup/workshop_list.html", {"workshops": workshops_for(request.user)})


@agent_required
def workshop_create(request):
    form = WorkshopForm(request.POST or None, agent=request.user)
    if request.method == "POST" and form.is_valid():
        workshop = form.save()
        messages.success(request, f"L'atelier « {workshop.title} » est créé. Ajoutez maintenant les participants.")
        return redirect("agent:workshop_detail", workshop_id=workshop.pk)
    return _render(request, "followup/workshop_form.html", {"form": form, "workshop": None})


@agent_required
def workshop_edit(request, workshop_id):
    workshop = workshop_or_404(request.user, workshop_id)
    form = WorkshopForm(request.POST or None, instance=workshop, agent=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Les changements sont enregistrés.")
        return redirect("agent:workshop_detail", workshop_id=workshop.pk)
    return _render(request, "followup/workshop_form.html", {"form": form, "workshop": workshop})


def _detail(request, workshop, *, member_form=None, assign_form=None):
    upcoming, past = sessions_of(workshop)
    context = {
        "workshop": workshop,
        "members": list(ordered_members(workshop)),
        "modules": list(group_modules(workshop)),
        "upcoming_sessions": upcoming,
        "past_sessions": past,
        "member_form": member_form or MemberAddForm(agent=request.user, workshop=workshop),
        "assign_form": assign_form or AssignToGroupForm(),
    }
    return _render(request, "followup/workshop_detail.html", context)


@agent_required
@require_safe
def workshop_detail(request, workshop_id):
    workshop = workshop_or_404(request.user, workshop_id)
    return _detail(request, workshop)


@agent_required
@require_POST
def member_add(request, workshop_id):
    workshop = workshop_or_404(request.user, workshop_id)
    form = MemberAddForm(request.POST, agent=request.user, workshop=workshop)
    if not form.is_valid():
        return _detail(request, workshop, member_form=form)
    resident = form.cleaned_data["resident"]
    try:
        add_member(workshop=workshop, resident=resident, by=request.user)
    except AssignmentRefused as refusal:  # consent withdrawn since the page was shown
        form.add_error(None, str(refusal))
        return _detail(request, workshop, member_form=form)
    _journal(request, workshop, AuditAction.WORKSHOP_JOIN, resident, f"Atelier « {workshop.title} »")
    messages.success(request, f"{resident} fait maintenant partie de l'atelier.")
    return redirect("agent:workshop_detail", workshop_id=workshop.pk)


@agent_required
@require_POST
def member_remove(request, workshop_id, resident_id):
    workshop = workshop_or_404(request.user, workshop_id)
    resident = member_or_404(workshop, resident_id)
    remove_member(workshop=workshop, resident=resident)
    _journal(request, workshop, AuditAction.WORKSHOP_LEAVE, resident, f"Atelier « {workshop.title} »")
    messages.success(request, f"{resident} ne fait plus partie de l'atelier. Ses modules restent assignés.")
    return redirect("agent:workshop_detail", workshop_id=workshop.pk)


@agent_required
@require_POST
def workshop_assign(request, workshop_id):
    workshop = workshop_or_404(request.user, workshop_id)
    form = AssignToGroupForm(request.POST)
    if form.is_valid():
        module = form.cleaned_data["module"]
        try:
            assignments = assign_to_workshop(
                workshop=workshop,
                module=module,
                by=request.user,
                due_date=form.cleaned_data["due_date"],
                note=form.cleaned_data["note"],
            )
        except AssignmentRefused as refusal:
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
    workshop = workshop_or_404(request.user, workshop_id)
    form = SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        session = form.save(commit=False)
        session.workshop = workshop
        session.save()
        form.save_m2m()
        messages.success(request, f"La séance du {session.date:%d/%m/%Y} est planifiée.")
        return redirect("agent:session_detail", workshop_id=workshop.pk, session_id=session.pk)
    return _render(request, "followup/session_form.html", {"form": form, "workshop": workshop})


@agent_required
def session_detail(request, workshop_id, session_id):
    workshop, session = session_or_404(request.user, workshop_id, session_id)
    members = ordered_members(workshop)
    recorded = attendance_by_resident(session)
    form = AttendanceForm(request.POST or None, members=members, recorded=recorded)
    if request.method == "POST" and form.is_valid():
        presence = form.presence()
        saved = record_attendance(session=session, presence=presence, by=request.user)
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
    return _render(request, "followup/session_detail.html", context)


@agent_required
@require_safe
def session_sheet(request, workshop_id, session_id):
    workshop, session = session_or_404(request.user, workshop_id, session_id)
    context = {
        "workshop": workshop,
        "session": session,
        "members": list(ordered_members(workshop)),
        "blank_rows": range(3),
    }
    return _render(request, "followup/session_sheet.html", context)


@agent_required
@require_safe
def workshop_matrix(request, workshop_id):
    workshop = workshop_or_404(request.user, workshop_id)
    modules, rows = progress_matrix(workshop)
    return _render(request, "followup/workshop_matrix.html", {"workshop": workshop, "modules": modules, "rows": rows})

"""The structure's team (managers add and remove professionals) and the journal of what agents did."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST, require_safe

from accounts import perms
from accounts.models import Membership
from followup.access import manager_required
from followup.forms.residents import (
    AgentForm,
)
from followup.layout import render_agent
from followup.models import AuditEntry
from followup.services.assignments import AssignmentRefused
from followup.services.team import add_agent


@manager_required
def team(request):
    structures = list(perms.managed_structures(request.user).order_by("name"))
    form = AgentForm(request.POST or None, structures=structures)
    created_password = None
    if request.method == "POST" and form.is_valid():
        try:
            agent, created_password = add_agent(
                structure=form.cleaned_data["structure"],
                display_name=form.cleaned_data["display_name"],
                email=form.cleaned_data["email"],
                is_manager=form.cleaned_data["is_manager"],
                invite=request.POST.get("mode") != "password",
                request=request,
            )
        except AssignmentRefused as error:
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
        "followup/team.html",
        {"form": form, "memberships": memberships, "created_password": created_password},
        section="team",
    )


@manager_required
@require_POST
def team_remove(request, membership_id):
    membership = get_object_or_404(Membership, pk=membership_id, structure__in=perms.managed_structures(request.user))
    if membership.user_id == request.user.pk:
        messages.error(request, "Vous ne pouvez pas vous retirer vous-même de l'équipe.")
    else:
        membership.delete()
        messages.success(request, "Cette personne ne fait plus partie de l'équipe de la structure.")
    return redirect("agent:team")


@manager_required
@require_safe
def journal(request):
    """Managers see what their structure's team did about residents over the last 12 months."""
    entries = AuditEntry.objects.filter(structure__in=perms.managed_structures(request.user)).select_related(
        "structure"
    )
    page = Paginator(entries, 50).get_page(request.GET.get("page") or 1)
    return render_agent(request, "followup/journal.html", {"page_obj": page}, section="team")

"""The gates of the agent space: its decorators (logged in, an agent or a manager) and the `*_or_404` lookups that
answer « introuvable » for anything outside the agent's structures."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts import perms
from followup import scope
from followup.models import Resident, Workshop, WorkshopSession
from followup.services.workshops import ordered_members


def agent_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not perms.is_agent(request.user):
            raise PermissionDenied("L'espace agent est réservé aux équipes des structures.")
        return view(request, *args, **kwargs)

    return wrapper


def manager_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not perms.managed_structures(request.user).exists():
            raise PermissionDenied("Cette page est réservée aux responsables de structure.")
        return view(request, *args, **kwargs)

    return wrapper


def resident_or_404(agent, resident_id):
    resident = Resident.objects.visible_to(agent).filter(pk=resident_id).first()
    if resident is None:
        raise Http404("Personne introuvable.")
    return resident


def workshop_or_404(agent, workshop_id):
    workshop = Workshop.objects.filter(pk=workshop_id, structure__in=scope.structures_for(agent)).first()
    if workshop is None:
        raise Http404("Atelier introuvable.")
    return workshop


def session_or_404(agent, workshop_id, session_id):
    workshop = workshop_or_404(agent, workshop_id)
    session = WorkshopSession.objects.filter(pk=session_id, workshop=workshop).first()
    if session is None:
        raise Http404("Séance introuvable.")
    session.workshop = workshop
    return workshop, session


def member_or_404(workshop, resident_id):
    resident = ordered_members(workshop).filter(pk=resident_id).first()
    if resident is None:
        raise Http404("Cette personne ne fait pas partie de l'atelier.")
    return resident


def shared_structure_or_404(agent, resident):
    structure = scope.shared_structure(agent, resident)
    if structure is None:
        raise Http404("Personne introuvable.")
    return structure

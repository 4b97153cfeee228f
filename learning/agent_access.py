"""The one gate of the agent space: logged in, and an agent of at least one structure."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from accounts import perms


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

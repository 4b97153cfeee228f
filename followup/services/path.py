"""What « Mon parcours » and the signed-in home show a resident of what structures gave them."""

from django.db.models import F

from accounts.models import StructureLink
from followup.models import Assignment
from followup.services.workshops import next_session_for
from learning.path import diagnostic_comparison, path_overview
from learning.services import PAGE_LINK_FIELDS


def assignments_for(user):
    """The modules given to the person, live ones only, each once: two structures may give the same module, the person
    sees it once, with the nearest due date."""
    first_by_module = {}
    for assignment in (
        Assignment.objects.active()
        .filter(resident=user, module__live=True)
        .select_related("module")
        .only("module_id", "due_date", "note", "created_at", *(f"module__{name}" for name in PAGE_LINK_FIELDS))
        .order_by(F("due_date").asc(nulls_last=True), "created_at")
    ):
        first_by_module.setdefault(assignment.module_id, assignment)
    return list(first_by_module.values())


def overview(user):
    """learning.services.path_overview with the person's assignments."""
    return path_overview(user, assignments_for(user))


def my_path(user):
    """Mon parcours: the modules, each once (assigned ones first), where « Reprendre » leads, the before and after of
    « Faire le point », the structures following the person and their next workshop session."""
    return {
        **overview(user),
        "diagnostics": diagnostic_comparison(user),
        "links": list(StructureLink.objects.active().filter(resident=user).select_related("structure")),
        "next_session": next_session_for(user),
    }

"""Modules given to residents by a structure, directly or through a workshop group."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import StructureLink
from followup.models import Assignment
from learning.models import ModulePage


class AssignmentRefused(Exception):
    """A French message explaining why the module cannot be assigned."""


def assignable_modules():
    """Published modules, with what choosing one needs (lists, checkboxes and messages show their title)."""
    return ModulePage.objects.live().public().order_by("path").only("id", "title", "path", "depth", "url_path", "live")


def upsert_assignment(*, module, resident, structure, by, due_date, note, workshop, fill_only=False):
    """One active assignment per module, resident and structure, created or updated.

    Another structure's assignment of the same module is never read nor touched: this structure gets its own.

    Given directly (`workshop` None), the due date and note become the person's own (`individual`). Given through
    a group, they never overwrite the person's own terms: the workshop is recorded as a source and only what was
    left empty is filled. A group's terms replace a previous group's, except with `fill_only` (a member joining).
    """
    individual = workshop is None
    defaults = {
        "due_date": due_date,
        "note": note,
        "assigned_by": by,
        "workshop": workshop,
        "individual": individual,
    }
    lookup = {"module_id": module.pk, "resident": resident, "structure": structure}
    try:
        with transaction.atomic():
            assignment, created = Assignment.objects.active().get_or_create(**lookup, defaults=defaults)
    except IntegrityError:  # another agent of the structure assigned it at the same moment
        assignment, created = Assignment.objects.active().get(**lookup), False
    if created:
        return assignment
    if individual:
        changes = {"due_date": due_date, "note": note, "assigned_by": by, "individual": True}
    elif assignment.has_own_terms or fill_only:
        changes = {"workshop": workshop}
        if assignment.due_date is None and due_date is not None:
            changes["due_date"] = due_date
        if not assignment.note and note:
            changes["note"] = note
    else:
        changes = {"due_date": due_date, "note": note, "assigned_by": by, "workshop": workshop}
    for field, value in changes.items():
        setattr(assignment, field, value)
    assignment.save(update_fields=list(changes))
    return assignment


def consenting(residents, structure):
    """Those of `residents` who still consent to be followed by `structure` (a withdrawn consent ends it at once)."""
    linked = set(
        StructureLink.objects.active()
        .filter(structure=structure, resident__in=[resident.pk for resident in residents])
        .values_list("resident_id", flat=True)
    )
    return [resident for resident in residents if resident.pk in linked]


def assign_module(*, module, residents, by, structure, due_date=None, note="", workshop=None):
    """Give a module to residents for `structure`: one active assignment per module, resident and structure (an update
    when the structure already gave it; another structure's assignment of the same module stays as it is).

    Only residents who still consent to the structure's follow-up get it: a group's module skips a member who
    withdrew; given to one person who withdrew meanwhile, it is refused.
    """
    if not ModulePage.objects.live().public().filter(pk=module.pk).exists():
        raise AssignmentRefused("Ce module n'est pas publié : il ne peut pas être assigné.")
    if due_date is not None and due_date < timezone.localdate() - datetime.timedelta(days=1):
        raise AssignmentRefused("La date limite est déjà passée.")
    asked = list(residents)
    residents = consenting(asked, structure)
    if asked and not residents and workshop is None:
        raise AssignmentRefused("Cette personne ne souhaite plus être suivie par votre structure.")
    return [
        upsert_assignment(
            module=module,
            resident=resident,
            structure=structure,
            by=by,
            due_date=due_date,
            note=note,
            workshop=workshop,
        )
        for resident in residents
    ]


def unassign(*, assignment):
    assignment.removed_at = timezone.now()
    assignment.save(update_fields=["removed_at"])


@transaction.atomic
def assign_to_workshop(*, workshop, module, by, due_date=None, note=""):
    """The group's current members get the module now; members who join later get it when they join."""
    assignments = assign_module(
        module=module,
        residents=list(workshop.members.all()),
        by=by,
        structure=workshop.structure,
        due_date=due_date,
        note=note,
        workshop=workshop,
    )
    workshop.modules.add(module)
    return assignments


def group_terms(workshop, module):
    """(due date, note) the group gave with a module, read from a member's row set by the group (else none)."""
    row = (
        Assignment.objects.active()
        .filter(workshop=workshop, module_id=module.pk, individual=False)
        .order_by("-created_at", "-pk")
        .values_list("due_date", "note")
        .first()
    )
    return row or (None, "")

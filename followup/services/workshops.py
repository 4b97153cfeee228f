"""Workshop groups (ateliers): lists, members who may join, sessions, attendance, the progress matrix.

Reads start from the agent's structures (followup.scope); members get the group's modules (services.assignments).
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.utils import timezone

from accounts.models import StructureLink, User
from followup.enums import FollowUpStatus
from followup.models import Assignment, Attendance, Resident, Workshop, WorkshopSession
from followup.scope import structures_for
from followup.services.assignments import AssignmentRefused, consenting, group_terms, upsert_assignment
from learning.enums import ProgressStatus
from learning.models import ModulePage, ModuleProgress

# Lists -------------------------------------------------------------------------------------------------------------


def workshops_for(agent, *, today=None):
    """The agent's workshops with `member_count`, `next_session_date` and `next_session_start` (None when none)."""
    today = today or timezone.localdate()
    upcoming = WorkshopSession.objects.filter(workshop=OuterRef("pk"), date__gte=today).order_by("date", "start_time")
    return (
        Workshop.objects.filter(structure__in=structures_for(agent))
        .select_related("structure", "facilitator")
        .annotate(
            member_count=Count(
                "members",
                filter=Q(
                    members__structure_links__structure=F("structure"),
                    members__structure_links__withdrawn_at__isnull=True,
                ),
                distinct=True,
            ),
            next_session_date=Subquery(upcoming.values("date")[:1]),
            next_session_start=Subquery(upcoming.values("start_time")[:1]),
        )
        .order_by("title", "pk")
    )


def facilitators_for(structures):
    """Professionals who work for one of these structures (a workshop's facilitator is chosen among them)."""
    return (
        User.objects.professionals()
        .filter(memberships__structure__in=structures)
        .distinct()
        .order_by("display_name", "username")
    )


def is_team_member(user, structure):
    return User.objects.professionals().filter(pk=user.pk, memberships__structure=structure).exists()


def ordered_members(workshop):
    """Members the workshop's structure still follows: once consent is withdrawn, the person drops out of view."""
    linked = StructureLink.objects.active().filter(structure_id=workshop.structure_id).values("resident_id")
    return workshop.members.filter(pk__in=linked).order_by("display_name", "username", "pk")


def candidate_members(agent, workshop):
    """Residents the agent follows, linked (consent in force) to the workshop's structure, not yet in the group."""
    linked = StructureLink.objects.active().filter(structure=workshop.structure).values("resident_id")
    return (
        Resident.objects.visible_to(agent)
        .filter(pk__in=linked)
        .exclude(workshops=workshop)
        .order_by("display_name", "username", "pk")
    )


def group_modules(workshop):
    return workshop.modules.order_by("path")


def sessions_of(workshop, *, today=None):
    """(upcoming, past): upcoming sessions soonest first, past ones latest first, with `present_count`."""
    today = today or timezone.localdate()
    sessions = workshop.sessions.annotate(present_count=Count("attendances", filter=Q(attendances__present=True)))
    upcoming = sessions.filter(date__gte=today).order_by("date", "start_time")
    past = sessions.filter(date__lt=today).order_by("-date", "-start_time")
    return list(upcoming), list(past)


# Members -----------------------------------------------------------------------------------------------------------


@transaction.atomic
def add_member(*, workshop, resident, by):
    """The resident joins the group and gets its modules, with the group's terms where they have none of their own."""
    if not consenting([resident], workshop.structure):
        raise AssignmentRefused("Cette personne ne souhaite plus être suivie par votre structure.")
    workshop.members.add(resident)
    for module in ModulePage.objects.live().filter(pk__in=workshop.modules.values("pk")):
        due_date, note = group_terms(workshop, module)
        if due_date is not None and due_date < timezone.localdate():
            due_date = None  # the group's date has passed: the latecomer is not late from day one
        upsert_assignment(
            module=module,
            resident=resident,
            structure=workshop.structure,
            by=by,
            due_date=due_date,
            note=note,
            workshop=workshop,
            fill_only=True,
        )


def remove_member(*, workshop, resident):
    workshop.members.remove(resident)


# Attendance ----------------------------------------------------------------------------------------------------------


def attendance_by_resident(session):
    """{resident_id: present} for what was already recorded."""
    return dict(session.attendances.values_list("resident_id", "present"))


def record_attendance(*, session, presence, by):
    """Save present/absent for residents ({resident: bool}); one row per session and resident, updated in place."""
    rows = [
        Attendance(session=session, resident=resident, present=present, recorded_by=by)
        for resident, present in presence.items()
    ]
    if not rows:
        return 0
    Attendance.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["session", "resident"],
        update_fields=["present", "recorded_by"],
    )
    return len(rows)


# Progress matrix -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    module: object
    key: str  # completed, in_progress, overdue, not_started: a CSS hook only, the label says it in words
    label: str
    due_date: object = None


@dataclass(frozen=True)
class MatrixRow:
    member: object
    cells: list


def cell_status(progress, assignment, today):
    due_date = assignment.due_date if assignment else None
    if progress is not None and progress.status == ProgressStatus.COMPLETED:
        return FollowUpStatus.COMPLETED, FollowUpStatus.COMPLETED.label, due_date
    if due_date is not None and due_date < today:
        return FollowUpStatus.OVERDUE, FollowUpStatus.OVERDUE.label, due_date
    if progress is not None and (progress.status == ProgressStatus.IN_PROGRESS or progress.percent > 0):
        return FollowUpStatus.IN_PROGRESS, f"{FollowUpStatus.IN_PROGRESS.label} {progress.percent} %", due_date
    return FollowUpStatus.NOT_STARTED, FollowUpStatus.NOT_STARTED.label, due_date


def progress_matrix(workshop, *, today=None):
    """(modules, rows): members × the group's modules. Four queries whatever the size of the group."""
    today = today or timezone.localdate()
    members = list(ordered_members(workshop))
    modules = list(group_modules(workshop))
    member_ids = [member.pk for member in members]
    module_ids = [module.pk for module in modules]
    progress = {
        (row.user_id, row.module_id): row
        for row in ModuleProgress.objects.filter(user_id__in=member_ids, module_id__in=module_ids)
    }
    assignments = {
        (row.resident_id, row.module_id): row
        for row in Assignment.objects.active().filter(
            resident_id__in=member_ids, module_id__in=module_ids, structure_id=workshop.structure_id
        )
    }
    rows = []
    for member in members:
        cells = []
        for module in modules:
            key, label, due_date = cell_status(
                progress.get((member.pk, module.pk)), assignments.get((member.pk, module.pk)), today
            )
            cells.append(Cell(module=module, key=key, label=label, due_date=due_date))
        rows.append(MatrixRow(member=member, cells=cells))
    return modules, rows


# Residents ---------------------------------------------------------------------------------------------------------


def next_session_for(user, *, today=None):
    """The next session (today or later) of a workshop the person belongs to, with its workshop; None if none."""
    if not getattr(user, "is_authenticated", False):
        return None
    today = today or timezone.localdate()
    return (
        WorkshopSession.objects.filter(workshop__members=user, date__gte=today)
        .select_related("workshop", "workshop__structure")
        .order_by("date", "start_time", "pk")
        .first()
    )

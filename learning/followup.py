"""The agent space's writes and reads: residents created at the desk, assignments, workshops, follow-up status.

Every read starts from the agent's structures (accounts.perms): an agent never reaches a resident who is not linked,
with consent still in force, to one of them.
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Case, CharField, Exists, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.lookups import IsNull
from django.http import Http404
from django.utils import timezone

from accounts import cards, perms
from accounts import services as account_services
from accounts.enums import ConsentMethod
from accounts.models import StructureLink
from assessments.models import QuizAttempt
from learning.enums import FollowUpStatus, ProgressStatus
from learning.models import Assignment, AutonomyRecord, ModulePage, ModuleProgress, ResidentNote, Workshop
from learning.services import diagnostic_comparison

INACTIVITY_DAYS = 14
WRONG_ANSWERS_FOR_HELP = 4


class AssignmentRefused(Exception):
    """A French message explaining why the module cannot be assigned."""


# Scope -------------------------------------------------------------------------------------------------------------


def structures_for(agent):
    return perms.structures_of(agent).order_by("name")


def resident_or_404(agent, resident_id):
    resident = perms.residents_visible_to(agent).filter(pk=resident_id).first()
    if resident is None:
        raise Http404("Personne introuvable.")
    return resident


def workshop_or_404(agent, workshop_id):
    workshop = Workshop.objects.filter(pk=workshop_id, structure__in=structures_for(agent)).first()
    if workshop is None:
        raise Http404("Atelier introuvable.")
    return workshop


def shared_structure(agent, resident):
    """The first structure of the agent that follows this resident (for records made on the structure's behalf)."""
    link = (
        StructureLink.objects.active()
        .filter(resident=resident, structure__in=structures_for(agent))
        .select_related("structure")
        .order_by("structure__name")
        .first()
    )
    if link is None:
        raise Http404("Personne introuvable.")
    return link.structure


# Residents created at the desk --------------------------------------------------------------------------------------

# A card just issued is kept for printing, sealed, in the agent's session under this key (learning.agent_views).
CARD_SESSION_KEY = "agent_fresh_cards"


@transaction.atomic
def create_resident(*, agent, structure, display_name, email=None, phone=""):
    """Account, consent recorded at the desk, and a first login card (its code is shown once)."""
    if structure not in structures_for(agent):
        raise Http404
    resident = cards.create_resident(display_name=display_name, email=email, phone=phone, created_by=agent)
    account_services.link_resident(
        resident=resident, structure=structure, method=ConsentMethod.DESK, recorded_by=agent
    )
    issued = cards.issue_card(resident=resident, issued_by=agent)
    return resident, issued


# Assignments -------------------------------------------------------------------------------------------------------


def assignable_modules():
    return ModulePage.objects.live().public().order_by("path")


def _upsert_assignment(*, module, resident, structure, by, due_date, note, workshop, fill_only=False):
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
        _upsert_assignment(
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


def _group_terms(workshop, module):
    """(due date, note) the group gave with a module, read from a member's row set by the group (else none)."""
    row = (
        Assignment.objects.active()
        .filter(workshop=workshop, module_id=module.pk, individual=False)
        .order_by("-created_at", "-pk")
        .values_list("due_date", "note")
        .first()
    )
    return row or (None, "")


@transaction.atomic
def add_member(*, workshop, resident, by):
    """The resident joins the group and gets its modules, with the group's terms where they have none of their own."""
    if not consenting([resident], workshop.structure):
        raise AssignmentRefused("Cette personne ne souhaite plus être suivie par votre structure.")
    workshop.members.add(resident)
    for module in ModulePage.objects.live().filter(pk__in=workshop.modules.values("pk")):
        due_date, note = _group_terms(workshop, module)
        if due_date is not None and due_date < timezone.localdate():
            due_date = None  # the group's date has passed: the latecomer is not late from day one
        _upsert_assignment(
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


# Follow-up status ---------------------------------------------------------------------------------------------------

STATUS_ORDER = [
    FollowUpStatus.OVERDUE,
    FollowUpStatus.NEEDS_HELP,
    FollowUpStatus.IN_PROGRESS,
    FollowUpStatus.NOT_STARTED,
    FollowUpStatus.COMPLETED,
]


def _has(queryset):
    """True when the resident has such a row: a scalar subquery, probed per resident through its index.

    Written as EXISTS, PostgreSQL may instead hash the whole table once per query (a « hashed SubPlan »), which
    costs as much as the table is large: 0.3 s per page with 100,000 residents instead of a few milliseconds.
    """
    return Q(IsNull(Subquery(queryset.values("pk")[:1]), False))


def with_follow_up(residents, *, structures, today=None, value=True):
    """Annotate residents with `follow_up` (a FollowUpStatus value), `status_rank` and `last_activity`, in SQL.

    Only the assignments of `structures` (the agent's) count: another structure's due dates never make a resident
    late in this structure's list.

    The status is one CASE over per-resident probes (indexed by resident), written twice: as the rank that
    sorts and filters, and as the value shown. Neither refers to the other, so PostgreSQL evaluates each once per
    row, and nothing groups the residents: the last activity is read from the (user, -last_activity_at) index.
    The cost follows the agent's residents, not the database. With `value=False` only the rank is written (half
    the SQL to build); `status_of_rank` gives the value back for the rows shown.
    """
    today = today or timezone.localdate()
    now = timezone.now()
    quiet_since = now - datetime.timedelta(days=INACTIVITY_DAYS)
    active = Assignment.objects.active().filter(resident=OuterRef("pk"), structure__in=structures)
    completed = ModuleProgress.objects.filter(
        user=OuterRef("resident"), module=OuterRef("module"), status=ProgressStatus.COMPLETED
    )
    recent = ModuleProgress.objects.filter(
        user=OuterRef("resident"), module=OuterRef("module"), last_activity_at__gte=quiet_since
    )
    open_assignments = active.filter(~Exists(completed))
    overdue = open_assignments.filter(due_date__lt=today)
    quiet = open_assignments.filter(created_at__lt=quiet_since).filter(~Exists(recent))
    struggling = QuizAttempt.objects.filter(
        user=OuterRef("pk"),
        submitted_at__isnull=False,
        passed=False,
        wrong_count__gte=WRONG_ANSWERS_FOR_HELP,
        submitted_at__gte=quiet_since,
    )
    started = ModuleProgress.objects.filter(user=OuterRef("pk")).exclude(status=ProgressStatus.NOT_STARTED)
    conditions = [
        (FollowUpStatus.OVERDUE, _has(overdue)),
        (FollowUpStatus.NEEDS_HELP, _has(struggling) | _has(quiet)),
        (FollowUpStatus.COMPLETED, _has(active) & ~_has(open_assignments)),
        (FollowUpStatus.IN_PROGRESS, _has(started)),
    ]

    def status_case(output, output_field):
        return Case(
            *[When(condition, then=Value(output(status))) for status, condition in conditions],
            default=Value(output(FollowUpStatus.NOT_STARTED)),
            output_field=output_field,
        )

    last_activity = (
        ModuleProgress.objects.filter(user=OuterRef("pk"), last_activity_at__isnull=False)
        .order_by("-last_activity_at")
        .values("last_activity_at")[:1]
    )
    residents = residents.annotate(
        status_rank=status_case(STATUS_ORDER.index, IntegerField()), last_activity=Subquery(last_activity)
    )
    if value:
        residents = residents.annotate(follow_up=status_case(lambda status: status.value, CharField()))
    return residents


def status_rank_of(status):
    return STATUS_ORDER.index(FollowUpStatus(status))


def status_of_rank(rank):
    return STATUS_ORDER[rank].value


def search_residents(residents, query):
    query = (query or "").strip()[:100]
    if not query:
        return residents
    return residents.filter(
        Q(display_name__icontains=query)
        | Q(username__icontains=query)
        | Q(first_name__icontains=query)
        | Q(last_name__icontains=query)
    )


def residents_list(agent, *, query="", workshop_id=None, module_id=None, status=""):
    """The agent's residents, searched and filtered, with `status_rank` and `last_activity` (see with_follow_up)."""
    structures = structures_for(agent)
    residents = with_follow_up(
        search_residents(perms.residents_visible_to(agent), query), structures=structures, value=False
    )
    if workshop_id:
        residents = residents.filter(workshops__pk=workshop_id, workshops__structure__in=structures)
    if module_id:
        given = Assignment.objects.active().filter(module_id=module_id, structure__in=structures)
        residents = residents.filter(pk__in=given.values("resident_id"))
    if status in FollowUpStatus.values:
        residents = residents.filter(status_rank=status_rank_of(status))
    return residents


def resident_ids_of(queryset):
    return list(queryset.values_list("pk", flat=True))


# One resident, seen by an agent ----------------------------------------------------------------------------------


def resident_overview(resident, *, structures):
    """Everything the resident detail shows, in a fixed number of queries.

    What structures record (assignments with their terms and workshop, notes, autonomy) is read for `structures` (the
    agent's) only; what the person did (progress, quizzes, diagnostics) is theirs and shared with every structure they
    consented to.
    """
    assignments = list(
        Assignment.objects.active()
        .filter(resident=resident, structure__in=structures)
        .select_related("module", "assigned_by", "workshop")
        .order_by("due_date", "created_at")
    )
    progress = {
        row.module_id: row
        for row in ModuleProgress.objects.filter(user=resident).select_related("module").order_by("-last_activity_at")
    }
    attempts = list(
        QuizAttempt.objects.filter(user=resident, submitted_at__isnull=False)
        .select_related("quiz")
        .order_by("-submitted_at")[:50]
    )
    competence_rows = competences_of(resident)
    autonomy = list(
        AutonomyRecord.objects.filter(resident=resident, structure__in=structures)
        .select_related("procedure__operator", "recorded_by")
        .order_by("procedure__title", "-date", "-pk")
    )
    latest_autonomy = {}
    for record in autonomy:
        latest_autonomy.setdefault(record.procedure_id, record)
    timeline = sorted(
        [
            *[
                (row.last_activity_at, f"Activité dans « {row.module.title} » ({row.percent} %)")
                for row in progress.values()
                if row.last_activity_at
            ],
            *[
                (a.submitted_at, f"Quiz « {a.quiz.title} » : {a.percent} %{' — réussi' if a.passed else ''}")
                for a in attempts
            ],
            *[(a.created_at, f"Module « {a.module.title} » assigné") for a in assignments],
        ],
        key=lambda item: item[0],
        reverse=True,
    )[:20]
    return {
        "assignments": [{"assignment": a, "progress": progress.get(a.module_id)} for a in assignments],
        "other_progress": [
            row for module_id, row in progress.items() if module_id not in {a.module_id for a in assignments}
        ],
        "attempts": attempts[:10],
        "competences": competence_rows,
        "autonomy_latest": list(latest_autonomy.values()),
        "autonomy_history": autonomy,
        "notes": list(
            ResidentNote.objects.filter(resident=resident, structure__in=structures).select_related("author")[:20]
        ),
        "timeline": timeline,
        "card_active": resident.access_cards.filter(revoked_at__isnull=True).exists(),
        "diagnostics": diagnostic_comparison(resident),
    }


def competences_of(resident):
    """Best credit per competence over the resident's submitted answers (one query)."""
    from assessments.models import Answer, Competence

    answers = Answer.objects.filter(attempt__user=resident, attempt__submitted_at__isnull=False).select_related(
        "attempt"
    )
    quiz_ids = {answer.attempt.quiz_id for answer in answers}
    if not quiz_ids:
        return []
    from assessments.models import QuizPage

    competence_by_question = {}
    for quiz in QuizPage.objects.filter(pk__in=quiz_ids):
        for qid, (_value, question) in quiz.question_map.items():
            if question.get("competence"):
                competence_by_question[qid] = question["competence"]
    totals = {}
    for answer in answers:
        code = competence_by_question.get(answer.question_id)
        if code:
            totals.setdefault(code, []).append(answer.credit)
    titles = dict(Competence.objects.filter(code__in=list(totals)).values_list("code", "title"))
    return [
        {"code": code, "title": titles.get(code, ""), "percent": round(100 * sum(c) / len(c)), "answers": len(c)}
        for code, c in sorted(totals.items())
    ]


# The structure's team ------------------------------------------------------------------------------------------


@transaction.atomic
def add_agent(*, structure, display_name, email, is_manager=False, invite=True, request=None):
    """Add a professional to a structure. Returns (agent, temporary password or None when invited by email)."""
    from allauth.account.forms import ResetPasswordForm

    from accounts.enums import UserKind
    from accounts.models import Membership, User

    agent = User.objects.filter(email__iexact=email).first()
    existing = agent is not None
    temporary = None
    if agent is None:
        agent = User(
            username=cards.generate_username(display_name),
            display_name=display_name,
            email=email,
            kind=UserKind.PROFESSIONAL,
        )
        if invite:
            agent.set_unusable_password()
        else:
            temporary = cards.generate_code(12)
            agent.set_password(temporary)
        agent.save()
        if invite and request is not None:
            form = ResetPasswordForm(data={"email": email})
            if form.is_valid():
                form.save(request)
    elif agent.kind != UserKind.PROFESSIONAL:
        # Worded so that it does not say what the address is used for (a resident's account is not the manager's
        # business): only that it cannot be a professional's.
        raise AssignmentRefused(
            "Cette adresse ne peut pas servir pour un compte professionnel. Demandez à la personne une autre adresse, "
            "par exemple celle de son travail."
        )
    _, joined = Membership.objects.update_or_create(
        user=agent, structure=structure, defaults={"is_manager": is_manager}
    )
    if existing and joined:
        _tell_added_professional(agent, structure, request)
    return agent, temporary


def _tell_added_professional(agent, structure, request):
    """An existing professional added to another team hears of it (nobody joins a team without knowing)."""
    from django.conf import settings
    from django.core.mail import EmailMessage

    by = request.user if request is not None and request.user.is_authenticated else None
    who = f" par {by}" if by else ""
    body = (
        f"Bonjour,\n\nVous faites maintenant partie de l'équipe « {structure.name} » sur Pas à pas{who}.\n"
        "Vous y voyez les personnes que cette structure accompagne.\n"
        "Si vous ne connaissez pas cette structure, prévenez tout de suite le responsable de la vôtre.\n\nPas à pas"
    )
    EmailMessage(
        subject="[Pas à pas] Vous avez été ajouté à une équipe",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[agent.email],
    ).send()

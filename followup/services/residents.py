"""Residents seen from the agent space: created at the desk, listed with their follow-up status, one resident's page.

Every read starts from the agent's structures (followup.scope): an agent never reaches a resident who is not linked,
with consent still in force, to one of them.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from accounts import cards
from accounts import services as account_services
from accounts.enums import ConsentMethod
from assessments.models import Answer, Competence, QuizAttempt, QuizPage
from followup.enums import FollowUpStatus
from followup.models import Assignment, AutonomyRecord, Resident, ResidentNote
from followup.querysets import status_rank_of
from followup.scope import structures_for
from learning.models import ModuleProgress
from learning.path import diagnostic_comparison

# Residents created at the desk --------------------------------------------------------------------------------------


@transaction.atomic
def create_resident(*, agent, structure, display_name, email=None, phone=""):
    """Account, consent recorded at the desk, and a first login card (its code is shown once)."""
    if structure not in structures_for(agent):
        raise PermissionDenied("Cette structure n'est pas la vôtre.")
    resident = cards.create_resident(display_name=display_name, email=email, phone=phone)
    account_services.link_resident(
        resident=resident, structure=structure, method=ConsentMethod.DESK, recorded_by=agent
    )
    issued = cards.issue_card(resident=resident, issued_by=agent)
    return resident, issued


def residents_list(agent, *, query="", workshop_id=None, module_id=None, status="", structures=None):
    """The agent's residents, searched and filtered, with `status_rank` and `last_activity` (see with_follow_up).

    `structures`: the agent's (structures_for), when the caller has them already.
    """
    structures = list(structures_for(agent)) if structures is None else structures
    residents = Resident.objects.visible_to(agent).search(query).with_follow_up(structures=structures, value=False)
    if workshop_id:
        residents = residents.filter(workshops__pk=workshop_id, workshops__structure__in=structures)
    if module_id:
        given = Assignment.objects.active().filter(module_id=module_id, structure__in=structures)
        residents = residents.filter(pk__in=given.values("resident_id"))
    if status in FollowUpStatus.values:
        residents = residents.filter(status_rank=status_rank_of(status))
    return residents


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
    answers = Answer.objects.filter(attempt__user=resident, attempt__submitted_at__isnull=False).select_related(
        "attempt"
    )
    quiz_ids = {answer.attempt.quiz_id for answer in answers}
    if not quiz_ids:
        return []
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
    titles = Competence.titles(totals)
    return [
        {"code": code, "title": titles.get(code, ""), "percent": round(100 * sum(c) / len(c)), "answers": len(c)}
        for code, c in sorted(totals.items())
    ]

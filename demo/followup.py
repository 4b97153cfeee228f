"""Demo follow-up for « Maison du Plateau (démo) »: 12 residents, 2 workshops, ten weeks of activity.

Everything goes through the real services (accounts cards, followup.services, learning.services, assessments
services), then timestamps are moved back so the dashboards show ten weeks of history. Idempotent: residents are
found by username, workshops by title; activity is only created for residents who have none yet.
"""

import datetime
import random
import uuid

from django.utils import timezone

from accounts import cards
from accounts.models import StructureLink, User
from accounts.services import link_resident
from assessments import kinds
from assessments import services as quiz_services
from assessments.models import DiagnosticPage, DiagnosticResult, QuizAttempt, QuizPage
from cms.models import Procedure
from followup.enums import Autonomy
from followup.models import Assignment, AutonomyRecord, ResidentNote, Workshop, WorkshopSession
from followup.services.assignments import assign_module, assign_to_workshop
from followup.services.workshops import add_member, record_attendance
from learning import services
from learning.models import ModulePage, ModuleProgress, PageProgress, TutorialPage

RESIDENTS = [
    # username, display name, email, how far they went (share of steps), weeks ago they started
    ("amina", "Amina", "amina@pasapas.example", 0.6, 9),
    ("bernard", "Bernard", "bernard@pasapas.example", 1.0, 10),
    ("chantal", "Chantal", None, 0.3, 6),
    ("djamel.k2", "Djamel K.", None, 0.9, 8),
    ("elise.m3", "Élise M.", None, 0.1, 5),
    ("fatou.d4", "Fatou D.", "fatou@pasapas.example", 0.7, 7),
    ("gerard.p5", "Gérard P.", None, 0.0, 3),
    ("huguette.l6", "Huguette L.", None, 0.45, 9),
    ("ibrahim.s7", "Ibrahim S.", None, 1.0, 10),
    ("josiane.r8", "Josiane R.", None, 0.2, 4),
    ("kevin.b9", "Kévin B.", "kevin@pasapas.example", 0.8, 6),
    ("louise.t2", "Louise T.", None, 0.0, 2),
]
WORKSHOPS = [
    ("Atelier du mardi : premiers pas", ["premiers-pas", "le-courriel"], slice(0, 6)),
    (
        "Atelier du jeudi : démarches en ligne",
        ["sante-et-droits-ameli-caf", "emploi-identite-impots-courrier"],
        slice(6, 12),
    ),
]
NOTES = [
    "Vient avec sa fille le mardi. Préfère le téléphone à l'ordinateur.",
    "A besoin d'une adresse électronique pour ses démarches CAF : fait ensemble en atelier.",
    "Très à l'aise avec la souris, reprendre le clavier (majuscules, accents).",
]


def resident(username, display_name, email, structure, agent):
    person = User.objects.filter(username__iexact=username).first()
    if person is None:
        person = cards.create_resident(display_name=display_name, email=email)
        person.username = username
        person.save(update_fields=["username"])
        cards.issue_card(resident=person, issued_by=agent)
    link_resident(resident=person, structure=structure, method="desk", recorded_by=agent)
    return person


def play(person, share, weeks_ago, modules, rng):
    """Steps and quizzes through the services, then spread over the weeks since the person started."""
    if PageProgress.objects.filter(user=person).exists() or QuizAttempt.objects.filter(user=person).exists():
        return
    if share == 0:
        StructureLink.objects.filter(resident=person).update(
            consented_at=timezone.now() - datetime.timedelta(weeks=weeks_ago)
        )
        return
    start = timezone.now() - datetime.timedelta(weeks=weeks_ago)
    for module in modules:
        done = {
            str(tutorial.pk): tutorial.step_ids[: round(len(tutorial.step_ids) * share)]
            for tutorial in TutorialPage.objects.child_of(module).live().order_by("path")
        }
        services.merge_session_progress(user=person, session={services.SESSION_KEY: done})
        quiz = QuizPage.objects.child_of(module).live().first()
        if quiz is not None and share >= 0.6:
            attempt = quiz_services.start_attempt(user=person, quiz=quiz, idempotency_key=uuid.uuid4())
            responses = {}
            for qid, _value, question in quiz_services.questions_of(attempt, quiz):
                right, _wrong = kinds.get(question["kind"]).sample_responses(question)
                responses[qid] = right if rng.random() < share else None
            quiz_services.submit_attempt(attempt=attempt, quiz=quiz, responses=responses)
    StructureLink.objects.filter(resident=person).update(consented_at=start - datetime.timedelta(days=2))
    moments = sorted(start + datetime.timedelta(seconds=rng.randint(0, weeks_ago * 7 * 86400)) for _ in range(3))
    PageProgress.objects.filter(user=person).update(updated_at=moments[-1])
    ModuleProgress.objects.filter(user=person).update(last_activity_at=moments[-1])
    ModuleProgress.objects.filter(user=person, completed_at__isnull=False).update(completed_at=moments[1])
    QuizAttempt.objects.filter(user=person).update(started_at=moments[0], submitted_at=moments[1])


def seed(ctx):
    structure = ctx["structure"]
    agent = ctx["users"]["agent"]
    rng = random.Random(42)
    modules = {module.slug: module for module in ModulePage.objects.live()}
    people = []
    for username, display_name, email, share, weeks_ago in RESIDENTS:
        person = resident(username, display_name, email, structure, agent)
        people.append((person, share, weeks_ago))
    today = timezone.localdate()
    for title, module_slugs, members in WORKSHOPS:
        workshop, _ = Workshop.objects.get_or_create(structure=structure, title=title, defaults={"facilitator": agent})
        for person, _share, _weeks in people[members]:
            add_member(workshop=workshop, resident=person, by=agent)
        for slug in module_slugs:
            if slug in modules:
                assign_to_workshop(
                    workshop=workshop, module=modules[slug], by=agent, due_date=today + datetime.timedelta(days=21)
                )
        if not workshop.sessions.exists():
            for week in range(-4, 3):
                session = WorkshopSession.objects.create(
                    workshop=workshop,
                    date=today + datetime.timedelta(weeks=week, days=1),
                    start_time=datetime.time(14, 0),
                    end_time=datetime.time(16, 0),
                    place="Maison du Plateau, salle informatique",
                    topic="Revoir les étapes ensemble",
                )
                if session.date < today:
                    members_of = list(workshop.members.all())
                    record_attendance(session=session, presence={m: rng.random() < 0.8 for m in members_of}, by=agent)
        for person, share, weeks_ago in people[members]:
            play(person, share, weeks_ago, [modules[s] for s in module_slugs if s in modules], rng)
    # One resident is late on a module due last week, to show « En retard » in the dashboards.
    late = people[4][0]
    assign_module(
        module=modules["se-proteger-en-ligne"], residents=[late], by=agent, structure=structure, due_date=None
    )

    Assignment.objects.active().filter(resident=late, module_id=modules["se-proteger-en-ligne"].pk).update(
        due_date=today - datetime.timedelta(days=7)
    )
    diagnostic_history(people[:5], agent)
    for (person, _share, _weeks), text in zip(people[:3], NOTES, strict=True):
        if not ResidentNote.objects.filter(resident=person).exists():
            ResidentNote.objects.create(resident=person, structure=structure, author=agent, text=text)
    procedures = list(Procedure.objects.order_by("slug")[:3])
    for person, share, _weeks in people[:8]:
        if procedures and not AutonomyRecord.objects.filter(resident=person).exists():
            levels = [Autonomy.FOR_THEM, Autonomy.WITH_THEM] + ([Autonomy.ALONE] if share > 0.5 else [])
            for weeks_back, level in zip((8, 4, 1), levels, strict=False):
                AutonomyRecord.objects.create(
                    resident=person,
                    structure=structure,
                    procedure=procedures[len(person.username) % len(procedures)],
                    level=level,
                    date=today - datetime.timedelta(weeks=weeks_back),
                    recorded_by=agent,
                )


def diagnostic_history(people, agent):
    """Two « Faire le point » for some residents: one when they started, one recently, to compare."""
    page = DiagnosticPage.objects.live().first()
    now = timezone.now()
    for number, (person, share, weeks_ago) in enumerate(people):
        if DiagnosticResult.objects.filter(user=person).exists():
            continue
        before = {"0.1": 1, "0.2": 1, "0.3": 0, "2.1": 0, "4.1": 0, "6.1": 0}
        after = {code: min(3, level + round(3 * share)) for code, level in before.items()}
        gaps_before = ["no_email", "no_franceconnect"] if number % 2 else ["no_email", "public_wifi_only"]
        first = DiagnosticResult.objects.create(
            user=person, page=page, equipment_gaps=gaps_before, levels=before, recorded_by=agent
        )
        latest = DiagnosticResult.objects.create(user=person, page=page, equipment_gaps=gaps_before[1:], levels=after)
        DiagnosticResult.objects.filter(pk=first.pk).update(created_at=now - datetime.timedelta(weeks=weeks_ago))
        DiagnosticResult.objects.filter(pk=latest.pk).update(created_at=now - datetime.timedelta(days=3))

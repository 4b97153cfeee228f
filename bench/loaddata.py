"""Load data for the scale benchmark (`manage.py generate_load_data`, `make bench`).

Structures with their agents and manager, residents linked with consent, workshops with sessions and attendance,
assignments, progress, quiz attempts with answers and « Faire le point » results, built on the published catalogue
(the demo content of `seed_demo`). Everything is written with bulk inserts (no per-row signals, one password hash
shared by every account), a group of structures per transaction, so that 100,000 residents take minutes.

The data agrees with what the services would have written: page statuses come from learning.progress, the module
roll-ups from learning.services.module_progress_fields over the same pages, each passed attempt completes its quiz
page, attempts are scored with assessments.scoring and their responses come from each question's kind
(assessments.kinds). Generated accounts are recognised by their username prefix, structures by their name prefix, so
that `--reset` removes them and nothing else.
"""

import datetime
import math
import random
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from accounts.enums import ConsentMethod, UserKind
from accounts.models import UNAMBIGUOUS_ALPHABET, Membership, Structure, StructureLink, User
from assessments import kinds, scoring
from assessments.equipment import Gap
from assessments.models import Answer, Competence, DiagnosticPage, DiagnosticResult, QuizAttempt, QuizPage
from cms.models import Procedure
from followup.enums import Autonomy
from followup.models import Assignment, Attendance, AuditEntry, AutonomyRecord, ResidentNote, Workshop, WorkshopSession
from learning.enums import ProgressStatus
from learning.models import ModulePage, ModuleProgress, PageProgress, TutorialPage
from learning.progress import tutorial_status
from learning.services import ModuleItem, module_progress_fields

USERNAME_PREFIX = "charge-"
STRUCTURE_PREFIX = "Structure de charge "
RESIDENTS_PER_STRUCTURE = 500
RESIDENTS_PER_AGENT = 125
WORKSHOPS_PER_STRUCTURE = 4
MEMBERS_PER_WORKSHOP = 12
MODULES_PER_WORKSHOP = 2
SESSION_WEEKS = range(-5, 3)  # six past sessions, two to come
BATCH_SIZE = 2000
RESIDENTS_PER_TRANSACTION = 5000
INACTIVE_DAYS = 14

FIRST_NAMES = [
    "Amina", "Bernard", "Chantal", "Djamel", "Élise", "Fatou", "Gérard", "Huguette", "Ibrahim", "Josiane",
    "Kévin", "Louise", "Mohamed", "Nadia", "Odile", "Pascal", "Quentin", "Rachida", "Serge", "Thérèse",
    "Ulysse", "Valérie", "Wassim", "Yvette", "Zoé", "Arnaud", "Brigitte", "Claude", "Denise", "Émile",
]  # fmt: skip
CITIES = ["Rouen", "Évreux", "Le Havre", "Dieppe", "Caen", "Alençon", "Lisieux", "Vernon", "Fécamp", "Bayeux"]
NOTES = [
    "Vient le mardi avec sa fille.",
    "Préfère le téléphone à l'ordinateur.",
    "A besoin d'une adresse électronique pour la CAF.",
]

# Fields that Django fills with "now" on insert: history needs its own dates, so they are switched off meanwhile.
AUTO_DATE_FIELDS = [
    (Structure, "created_at"),
    (Membership, "created_at"),
    (PageProgress, "started_at"),
    (PageProgress, "updated_at"),
    (Assignment, "created_at"),
    (Workshop, "created_at"),
    (QuizAttempt, "started_at"),
    (Answer, "answered_at"),
    (DiagnosticResult, "created_at"),
    (ResidentNote, "created_at"),
]


class LoadDataError(Exception):
    """A French message for the command: why load data cannot be generated."""


# Content --------------------------------------------------------------------------------------------------------


@dataclass
class QuizPlan:
    page: object
    question_ids: list
    option_orders: dict
    right: dict  # {question id: (response, credit, correct)}
    wrong: dict


@dataclass
class ModulePlan:
    page: object
    items: list  # the module's learning pages, in order (TutorialPage and QuizPage instances)
    tutorials: list = field(default_factory=list)
    quizzes: list = field(default_factory=list)  # QuizPlan
    total_steps: int = 0

    @property
    def module_items(self):
        """The pages as learning.services.module_items gives them to the roll-up."""
        return [ModuleItem(item.pk, item.step_ids if isinstance(item, TutorialPage) else None) for item in self.items]


def sample_responses(question):
    """(right response, wrong response) for a question, from its kind (assessments.kinds); (None, None) for a kind
    that is not registered."""
    kind = kinds.find(question["kind"])
    return kind.sample_responses(question) if kind else (None, None)


def _scored(question, response):
    try:
        result = scoring.score(question, response)
    except (scoring.InvalidResponse, KeyError, IndexError, TypeError):
        result = scoring.score(question, None)
        response = None
    return response, result.credit, result.correct


def quiz_plan(quiz):
    right, wrong, orders = {}, {}, {}
    for qid, (_value, question) in quiz.question_map.items():
        good, bad = sample_responses(question)
        right[qid] = _scored(question, good)
        wrong[qid] = _scored(question, bad)
        size = len(question.get("options") or question.get("pairs") or question.get("items") or [])
        orders[qid] = list(range(size))
    return QuizPlan(page=quiz, question_ids=list(quiz.question_map), option_orders=orders, right=right, wrong=wrong)


def content_plan():
    """The published modules with their learning pages, as the services see them. Refuses an empty catalogue."""
    modules = []
    for module in ModulePage.objects.live().public().order_by("path"):
        items = list(module.learning_pages())
        plan = ModulePlan(page=module, items=items)
        for item in items:
            if isinstance(item, TutorialPage) and item.step_ids:
                plan.tutorials.append(item)
                plan.total_steps += len(item.step_ids)
            elif isinstance(item, QuizPage) and item.question_map:
                plan.quizzes.append(quiz_plan(item))
        if plan.tutorials:
            modules.append(plan)
    if not modules:
        raise LoadDataError(
            "Aucun module publié avec des tutoriels : lancez d'abord « manage.py seed_demo » (le contenu de "
            "démonstration), puis relancez generate_load_data."
        )
    return modules


# Helpers --------------------------------------------------------------------------------------------------------


def encode(number, length):
    """A fixed-length code in the unambiguous alphabet (join codes must stay unique and typeable)."""
    base = len(UNAMBIGUOUS_ALPHABET)
    chars = []
    for _ in range(length):
        number, digit = divmod(number, base)
        chars.append(UNAMBIGUOUS_ALPHABET[digit])
    return "".join(reversed(chars))


@contextmanager
def historical_dates():
    """Let bulk inserts keep the dates given (auto_now and auto_now_add would overwrite them with now)."""
    saved = []
    for model, name in AUTO_DATE_FIELDS:
        model_field = model._meta.get_field(name)
        saved.append((model_field, model_field.auto_now, model_field.auto_now_add))
        model_field.auto_now = model_field.auto_now_add = False
    try:
        yield
    finally:
        for model_field, auto_now, auto_now_add in saved:
            model_field.auto_now, model_field.auto_now_add = auto_now, auto_now_add


def existing_counts():
    return {
        "residents": User.objects.filter(username__startswith=USERNAME_PREFIX, kind=UserKind.RESIDENT).count(),
        "structures": Structure.objects.filter(name__startswith=STRUCTURE_PREFIX).count(),
    }


def reset(log=print):
    """Remove every generated account and structure, with what hangs from them. Returns the number of accounts."""
    structures = Structure.objects.filter(name__startswith=STRUCTURE_PREFIX)
    user_ids = list(User.objects.filter(username__startswith=USERNAME_PREFIX).values_list("pk", flat=True))
    with transaction.atomic():
        # Children first. Rows nothing refers to go in one DELETE each (Django's fast path: no signal is connected
        # for them); sessions and attempts, which rows refer to, are gathered by primary key only.
        Attendance.objects.filter(session__workshop__structure__in=structures).delete()
        WorkshopSession.objects.filter(workshop__structure__in=structures).only("pk").delete()
        Workshop.members.through.objects.filter(workshop__structure__in=structures).delete()
        Workshop.modules.through.objects.filter(workshop__structure__in=structures).delete()
        for start in range(0, len(user_ids), 5000):
            chunk = user_ids[start : start + 5000]
            Answer.objects.filter(attempt__user_id__in=chunk).delete()
            QuizAttempt.objects.filter(user_id__in=chunk).only("pk").delete()
            for model, column in [
                (PageProgress, "user_id"),
                (ModuleProgress, "user_id"),
                (DiagnosticResult, "user_id"),
                (Assignment, "resident_id"),
                (AutonomyRecord, "resident_id"),
                (ResidentNote, "resident_id"),
                (StructureLink, "resident_id"),
                (Membership, "user_id"),
            ]:
                model.objects.filter(**{f"{column}__in": chunk}).delete()
        AuditEntry.objects.filter(structure__in=structures).delete()
        Workshop.objects.filter(structure__in=structures).delete()
        structures.delete()
        for start in range(0, len(user_ids), 5000):
            User.objects.filter(pk__in=user_ids[start : start + 5000]).delete()
    log(f"{len(user_ids)} comptes de charge supprimés.")
    return len(user_ids)


# Generation -----------------------------------------------------------------------------------------------------


@dataclass
class Totals:
    counts: dict = field(default_factory=dict)

    def add(self, name, number):
        self.counts[name] = self.counts.get(name, 0) + number


class Generator:
    """Builds the rows for a group of structures at a time, then inserts them in bulk."""

    def __init__(self, *, residents, per_structure, seed, password=None, log=print, now=None):
        self.residents = residents
        self.per_structure = per_structure
        self.rng = random.Random(seed)
        self.log = log
        self.now = now or timezone.now()
        self.today = timezone.localdate(self.now)
        # One hash for every account: hashing 100,000 passwords would take longer than everything else.
        self.password_hash = make_password(password) if password else make_password(None)
        self.modules = content_plan()
        self.module_weights = [1 / (1 + index * 0.35) for index in range(len(self.modules))]
        diagnostic = DiagnosticPage.objects.live().first()
        self.diagnostic_page_id = diagnostic.pk if diagnostic else None
        codes = []
        if diagnostic is not None:
            codes = sorted({question.get("competence") for _v, question in diagnostic.competence_map.values()} - {""})
        self.competence_codes = [code for code in codes if code] or list(
            Competence.objects.order_by("code").values_list("code", flat=True)[:8]
        )
        self.procedure_ids = list(Procedure.objects.order_by("pk").values_list("pk", flat=True)[:6])
        self.totals = Totals()

    # Plan --------------------------------------------------------------------------------------------------------

    def structure_sizes(self):
        count = math.ceil(self.residents / self.per_structure)
        sizes = [self.per_structure] * count
        sizes[-1] = self.residents - self.per_structure * (count - 1)
        return sizes

    def run(self):
        sizes = self.structure_sizes()
        started = time.monotonic()
        done = 0
        group, group_size, first_index = [], 0, 0
        with historical_dates():
            for index, size in enumerate(sizes):
                group.append(size)
                group_size += size
                if group_size >= RESIDENTS_PER_TRANSACTION or index == len(sizes) - 1:
                    with transaction.atomic():
                        self.generate_group(first_index, group)
                    done += group_size
                    elapsed = time.monotonic() - started
                    self.log(
                        f"  {done:>7} / {self.residents} personnes, {index + 1} / {len(sizes)} structures "
                        f"({elapsed:.0f} s)"
                    )
                    first_index, group, group_size = index + 1, [], 0
        return self.totals.counts

    def generate_group(self, first_index, sizes):
        structures = [
            Structure(
                name=f"{STRUCTURE_PREFIX}{first_index + offset + 1:04d}",
                city=CITIES[(first_index + offset) % len(CITIES)],
                join_code="CH" + encode(first_index + offset, 6),
                created_at=self.now - datetime.timedelta(days=400),
            )
            for offset in range(len(sizes))
        ]
        Structure.objects.bulk_create(structures, batch_size=BATCH_SIZE)
        self.totals.add("structures", len(structures))

        staff = self.create_staff(structures, sizes)
        residents = self.create_residents(structures, sizes)
        links, assignments, progress_plans = [], {}, []
        for structure, people in zip(structures, residents, strict=True):
            agents = staff[structure.pk]
            for person in people:
                links.append(
                    StructureLink(
                        resident_id=person.pk,
                        structure=structure,
                        consent_method=ConsentMethod.DESK if self.rng.random() < 0.8 else ConsentMethod.JOIN_CODE,
                        consent_recorded_by_id=self.rng.choice(agents),
                        consented_at=person.date_joined,
                    )
                )
                progress_plans.append(self.plan_resident(person, structure, agents, assignments))
        StructureLink.objects.bulk_create(links, batch_size=BATCH_SIZE)
        self.totals.add("structure_links", len(links))
        self.create_workshops(structures, residents, staff, assignments)
        Assignment.objects.bulk_create(list(assignments.values()), batch_size=BATCH_SIZE)
        self.totals.add("assignments", len(assignments))
        self.create_progress(progress_plans)
        self.create_diagnostics(residents, staff, structures)
        self.create_follow_up_notes(residents, staff, structures)

    def create_staff(self, structures, sizes):
        """A manager and an agent per RESIDENTS_PER_AGENT residents for each structure: {structure id: [ids]}."""
        users, roles = [], []
        for structure, size in zip(structures, sizes, strict=True):
            number = int(structure.name.removeprefix(STRUCTURE_PREFIX))
            agents = max(1, math.ceil(size / RESIDENTS_PER_AGENT))
            for rank in range(agents + 1):
                is_manager = rank == 0
                role = "responsable" if is_manager else f"agent-{rank}"
                users.append(
                    User(
                        username=f"{USERNAME_PREFIX}{role}-{number:04d}",
                        display_name=f"Responsable {number:04d}" if is_manager else f"Agent {rank} ({number:04d})",
                        kind=UserKind.PROFESSIONAL,
                        password=self.password_hash,
                        date_joined=self.now - datetime.timedelta(days=400),
                    )
                )
                roles.append((structure, is_manager))
        User.objects.bulk_create(users, batch_size=BATCH_SIZE)
        Membership.objects.bulk_create(
            [
                Membership(user=user, structure=structure, is_manager=is_manager, created_at=user.date_joined)
                for user, (structure, is_manager) in zip(users, roles, strict=True)
            ],
            batch_size=BATCH_SIZE,
        )
        self.totals.add("professionals", len(users))
        staff = {}
        for user, (structure, is_manager) in zip(users, roles, strict=True):
            staff.setdefault(structure.pk, [])
            if not is_manager:
                staff[structure.pk].append(user.pk)
        return staff

    def create_residents(self, structures, sizes):
        users, per_structure = [], []
        for structure, size in zip(structures, sizes, strict=True):
            number = int(structure.name.removeprefix(STRUCTURE_PREFIX))
            people = []
            for rank in range(size):
                first_name = self.rng.choice(FIRST_NAMES)
                initial = UNAMBIGUOUS_ALPHABET[self.rng.randrange(24)]
                joined = self.now - datetime.timedelta(seconds=self.rng.randint(3600, 365 * 86400))
                person = User(
                    username=f"{USERNAME_PREFIX}{number:04d}-{rank + 1:04d}",
                    display_name=f"{first_name} {initial}.",
                    first_name=first_name,
                    kind=UserKind.RESIDENT,
                    password=self.password_hash,
                    date_joined=joined,
                )
                people.append(person)
            users.extend(people)
            per_structure.append(people)
        User.objects.bulk_create(users, batch_size=BATCH_SIZE)
        self.totals.add("residents", len(users))
        return per_structure

    # One resident --------------------------------------------------------------------------------------------------

    def plan_resident(self, person, structure, agents, assignments):
        """Modules this person worked on (how far, when), and the assignments the structure gave."""
        rng = self.rng
        touched = rng.choices([0, 1, 2, 3], weights=[20, 40, 28, 12])[0]
        picked = []
        while len(picked) < min(touched, len(self.modules)):
            plan = rng.choices(self.modules, weights=self.module_weights)[0]
            if plan not in picked:
                picked.append(plan)
        span = (self.now - person.date_joined).total_seconds()
        skill = rng.uniform(0.3, 1.0)
        works = []
        for plan in picked:
            share = 1.0 if rng.random() < 0.4 else rng.uniform(0.05, 0.95)
            when = person.date_joined + datetime.timedelta(seconds=rng.uniform(0.1, 1.0) * span)
            works.append((plan, share, when, skill))
        # Most residents have modules assigned by their structure: those they work on, sometimes one more.
        if rng.random() < 0.7:
            chosen = [plan for plan, *_rest in works]
            if rng.random() < 0.4:
                extra = rng.choice(self.modules)
                if extra not in chosen:
                    chosen.append(extra)
            for plan in chosen:
                created = min(self.now, person.date_joined + datetime.timedelta(hours=rng.randint(1, 72)))
                due = None
                if rng.random() < 0.5:
                    due = timezone.localdate(created) + datetime.timedelta(days=rng.randint(14, 60))
                assignments[(person.pk, plan.page.pk)] = Assignment(
                    module_id=plan.page.pk,
                    resident_id=person.pk,
                    structure=structure,
                    assigned_by_id=rng.choice(agents),
                    due_date=due,
                    individual=True,
                    created_at=created,
                )
        return person, works

    def create_progress(self, plans):
        pages, modules, attempts, answers = [], [], [], []
        for person, works in plans:
            for plan, share, when, skill in works:
                self.play_module(person, plan, share, when, skill, pages, modules, attempts, answers)
        PageProgress.objects.bulk_create(pages, batch_size=BATCH_SIZE)
        ModuleProgress.objects.bulk_create(modules, batch_size=BATCH_SIZE)
        QuizAttempt.objects.bulk_create(attempts, batch_size=BATCH_SIZE)
        rows = []
        for attempt, attempt_answers in answers:
            for answer in attempt_answers:
                answer.attempt_id = attempt.pk
                rows.append(answer)
        Answer.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        self.totals.add("page_progress", len(pages))
        self.totals.add("module_progress", len(modules))
        self.totals.add("quiz_attempts", len(attempts))
        self.totals.add("answers", len(rows))

    def play_module(self, person, plan, share, when, skill, pages, modules, attempts, answers):
        """Steps done in order up to `share` of the module's steps, then its quiz when every step is done."""
        rng = self.rng
        to_do = max(1, round(plan.total_steps * share))
        rows = {}
        moment = when - datetime.timedelta(minutes=10 * (len(plan.tutorials) + 2 * len(plan.quizzes) + 1))
        for tutorial in plan.tutorials:
            if to_do <= 0:
                break
            done = tutorial.step_ids[: min(to_do, len(tutorial.step_ids))]
            to_do -= len(done)
            moment += datetime.timedelta(minutes=10)
            status = tutorial_status(tutorial.step_ids, done)
            rows[tutorial.pk] = PageProgress(
                user_id=person.pk,
                page_id=tutorial.pk,
                done_step_ids=list(done),
                last_step_id=done[-1],
                status=status,
                started_at=moment - datetime.timedelta(minutes=5),
                updated_at=moment,
                completed_at=moment if status == ProgressStatus.COMPLETED else None,
            )
        all_steps_done = all(
            rows.get(tutorial.pk) is not None and rows[tutorial.pk].status == ProgressStatus.COMPLETED
            for tutorial in plan.tutorials
        )
        if all_steps_done:
            for quiz in plan.quizzes:
                tries = 1 if rng.random() < 0.7 else 2
                for number in range(tries):
                    moment += datetime.timedelta(minutes=10)
                    attempt, attempt_answers = self.attempt(person, quiz, moment, skill + 0.25 * number)
                    attempts.append(attempt)
                    answers.append((attempt, attempt_answers))
                    if attempt.passed:
                        rows[quiz.page.pk] = PageProgress(
                            user_id=person.pk,
                            page_id=quiz.page.pk,
                            status=ProgressStatus.COMPLETED,
                            started_at=moment,
                            updated_at=moment,
                            completed_at=moment,
                        )
                        break
        pages.extend(rows.values())
        # The roll-up, by the function learning.services writes it with, over the same pages.
        last_activity = max((row.updated_at for row in rows.values()), default=None)
        fields = module_progress_fields(plan.module_items, rows, now=last_activity)
        modules.append(ModuleProgress(user_id=person.pk, module_id=plan.page.pk, **fields))

    def attempt(self, person, quiz, moment, skill):
        rng = self.rng
        rows, credits = [], []
        for qid in quiz.question_ids:
            response, credit, correct = (quiz.right if rng.random() < skill else quiz.wrong)[qid]
            credits.append(credit)
            rows.append(Answer(question_id=qid, response=response, credit=credit, correct=correct, answered_at=moment))
        page = quiz.page
        attempt = QuizAttempt(
            user_id=person.pk,
            quiz_id=page.pk,
            revision_id=page.live_revision_id,
            idempotency_key=uuid.UUID(int=rng.getrandbits(128), version=4),
            question_ids=quiz.question_ids,
            option_orders=quiz.option_orders,
            started_at=moment - datetime.timedelta(minutes=8),
            submitted_at=moment,
            score=scoring.quiz_score(credits),
            passed=scoring.passed(
                credits=credits,
                pass_mark=page.pass_mark / 100,
                mastery_rule=page.mastery_rule,
                mastery_count=page.mastery_count,
            ),
            wrong_count=sum(1 for credit in credits if credit < 1),
        )
        return attempt, rows

    # Workshops, « Faire le point », notes ----------------------------------------------------------------------------

    def create_workshops(self, structures, residents, staff, assignments):
        rng = self.rng
        workshops, memberships, module_links = [], [], []
        for structure, people in zip(structures, residents, strict=True):
            size = min(MEMBERS_PER_WORKSHOP, len(people) // WORKSHOPS_PER_STRUCTURE)
            if size < 2:
                continue
            for rank in range(WORKSHOPS_PER_STRUCTURE):
                members = people[rank * size : (rank + 1) * size]
                modules = rng.sample(self.modules, min(MODULES_PER_WORKSHOP, len(self.modules)))
                workshop = Workshop(
                    structure=structure,
                    title=f"Atelier {rank + 1} : {modules[0].page.title}",
                    facilitator_id=staff[structure.pk][rank % len(staff[structure.pk])],
                    created_at=self.now - datetime.timedelta(weeks=8),
                )
                workshops.append((workshop, members, modules))
        Workshop.objects.bulk_create([workshop for workshop, _m, _mod in workshops], batch_size=BATCH_SIZE)
        sessions = []
        for workshop, members, modules in workshops:
            for person in members:
                memberships.append(Workshop.members.through(workshop_id=workshop.pk, user_id=person.pk))
                for plan in modules:
                    # Members get the group's modules (as followup.add_member does): one active assignment each.
                    key = (person.pk, plan.page.pk)
                    if key in assignments:
                        assignments[key].workshop = workshop
                    else:
                        assignments[key] = Assignment(
                            module_id=plan.page.pk,
                            resident_id=person.pk,
                            structure_id=workshop.structure_id,
                            workshop=workshop,
                            assigned_by_id=workshop.facilitator_id,
                            due_date=self.today + datetime.timedelta(days=21),
                            created_at=workshop.created_at,
                        )
            for plan in modules:
                module_links.append(Workshop.modules.through(workshop_id=workshop.pk, page_id=plan.page.pk))
            for week in SESSION_WEEKS:
                sessions.append(
                    (
                        WorkshopSession(
                            workshop=workshop,
                            date=self.today + datetime.timedelta(weeks=week, days=1),
                            start_time=datetime.time(14, 0),
                            end_time=datetime.time(16, 0),
                            place=f"{workshop.structure.name}, salle informatique",
                            topic="Revoir les étapes ensemble",
                        ),
                        members,
                    )
                )
        Workshop.members.through.objects.bulk_create(memberships, batch_size=BATCH_SIZE)
        Workshop.modules.through.objects.bulk_create(module_links, batch_size=BATCH_SIZE)
        WorkshopSession.objects.bulk_create([session for session, _members in sessions], batch_size=BATCH_SIZE)
        attendance = [
            Attendance(
                session=session,
                resident_id=person.pk,
                present=rng.random() < 0.8,
                recorded_by_id=session.workshop.facilitator_id,
            )
            for session, members in sessions
            if session.date < self.today
            for person in members
        ]
        Attendance.objects.bulk_create(attendance, batch_size=BATCH_SIZE)
        self.totals.add("workshops", len(workshops))
        self.totals.add("workshop_sessions", len(sessions))
        self.totals.add("attendance", len(attendance))

    def levels(self):
        return {code: self.rng.randint(0, 3) for code in self.competence_codes}

    def create_diagnostics(self, residents, staff, structures):
        rng = self.rng
        gaps = list(Gap.values)
        results = []
        for structure, people in zip(structures, residents, strict=True):
            for person in people:
                if rng.random() >= 0.35:
                    continue
                first = self.levels()
                results.append(
                    DiagnosticResult(
                        user_id=person.pk,
                        page_id=self.diagnostic_page_id,
                        equipment_gaps=sorted(rng.sample(gaps, rng.randint(0, 3))),
                        levels=first,
                        recorded_by_id=rng.choice(staff[structure.pk]),
                        created_at=person.date_joined + datetime.timedelta(hours=1),
                    )
                )
                if rng.random() < 0.4:
                    results.append(
                        DiagnosticResult(
                            user_id=person.pk,
                            page_id=self.diagnostic_page_id,
                            equipment_gaps=sorted(rng.sample(gaps, rng.randint(0, 1))),
                            levels={code: min(3, level + rng.randint(0, 2)) for code, level in first.items()},
                            created_at=person.date_joined + (self.now - person.date_joined) * rng.uniform(0.5, 1),
                        )
                    )
        DiagnosticResult.objects.bulk_create(results, batch_size=BATCH_SIZE)
        self.totals.add("diagnostic_results", len(results))

    def create_follow_up_notes(self, residents, staff, structures):
        rng = self.rng
        notes, autonomy = [], []
        for structure, people in zip(structures, residents, strict=True):
            for person in people:
                agent_id = rng.choice(staff[structure.pk])
                if rng.random() < 0.05:
                    notes.append(
                        ResidentNote(
                            resident_id=person.pk,
                            structure=structure,
                            author_id=agent_id,
                            text=rng.choice(NOTES),
                            created_at=person.date_joined + datetime.timedelta(days=1),
                        )
                    )
                if self.procedure_ids and rng.random() < 0.1:
                    for weeks_back, level in zip((6, 1), (Autonomy.WITH_THEM, Autonomy.ALONE), strict=True):
                        autonomy.append(
                            AutonomyRecord(
                                resident_id=person.pk,
                                structure=structure,
                                procedure_id=rng.choice(self.procedure_ids),
                                level=level,
                                date=self.today - datetime.timedelta(weeks=weeks_back),
                                recorded_by_id=agent_id,
                            )
                        )
        ResidentNote.objects.bulk_create(notes, batch_size=BATCH_SIZE)
        AutonomyRecord.objects.bulk_create(autonomy, batch_size=BATCH_SIZE)
        self.totals.add("notes", len(notes))
        self.totals.add("autonomy_records", len(autonomy))


def generate(*, residents, per_structure=RESIDENTS_PER_STRUCTURE, seed=2026, password=None, log=print):
    """Create the load data; returns {what: rows created}."""
    generator = Generator(residents=residents, per_structure=per_structure, seed=seed, password=password, log=log)
    return generator.run()

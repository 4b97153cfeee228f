"""`generate_load_data`: load data for the benchmark, consistent with what the services compute, and safe to rerun."""

import io

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

import pytest

from accounts.enums import UserKind
from accounts.models import Membership, Structure, StructureLink, User
from assessments.models import Answer, DiagnosticResult, QuizAttempt
from bench import loaddata
from followup.models import Assignment, Attendance, Workshop, WorkshopSession
from learning import services
from learning.enums import ProgressStatus
from learning.models import ModuleProgress, PageProgress, TutorialPage
from learning.progress import tutorial_status
from tests.assessments.factories import DiagnosticPageFactory, QuizPageFactory
from tests.learning.factories import ModulePageFactory, TutorialPageFactory, steps

pytestmark = pytest.mark.django_db

ROLLUP_FIELDS = ["percent", "items_done", "items_total", "status", "next_page_id", "last_activity_at", "completed_at"]


@pytest.fixture
def content(home_page, catalogue):
    """Two modules (tutorials, then a quiz in the first) and « Faire le point », as seed_demo publishes them."""
    first = ModulePageFactory(parent=catalogue, title="Premiers pas", slug="premiers-pas")
    TutorialPageFactory(parent=first, slug="souris", steps=steps("Prendre la souris", "Cliquer", "Double-cliquer"))
    TutorialPageFactory(parent=first, slug="clavier", steps=steps("Taper une lettre", "Effacer"))
    QuizPageFactory(parent=first, slug="quiz-premiers-pas")
    second = ModulePageFactory(parent=catalogue, title="Le courriel", slug="courriel")
    TutorialPageFactory(parent=second, slug="ecrire", steps=steps("Ouvrir", "Écrire", "Envoyer", "Vérifier"))
    DiagnosticPageFactory(parent=home_page)
    return [first, second]


def generate(settings, **options):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("generate_load_data", stdout=out, **options)
    return out.getvalue()


def generated_residents():
    return User.objects.filter(username__startswith=loaddata.USERNAME_PREFIX, kind=UserKind.RESIDENT)


def test_creates_structures_staff_residents_and_activity(settings, content, resident):
    output = generate(settings, residents=50, per_structure=25)
    assert "Données de charge créées" in output
    structures = Structure.objects.filter(name__startswith=loaddata.STRUCTURE_PREFIX)
    assert structures.count() == 2
    assert generated_residents().count() == 50
    for structure in structures:
        assert Membership.objects.filter(structure=structure, is_manager=True).count() == 1
        assert Membership.objects.filter(structure=structure, is_manager=False).count() >= 1
        assert StructureLink.objects.active().filter(structure=structure).count() == 25
    # Each resident: one link with consent, to one structure; professionals are professionals.
    assert not generated_residents().annotate(n=Count("structure_links")).exclude(n=1).exists()
    assert not Membership.objects.filter(structure__in=structures).exclude(user__kind=UserKind.PROFESSIONAL).exists()
    for model in (Assignment, PageProgress, ModuleProgress, QuizAttempt, Answer, DiagnosticResult, Attendance):
        assert model.objects.exists(), model.__name__
    assert Workshop.objects.filter(structure__in=structures).count() == 8
    # The resident who was there before is untouched.
    assert User.objects.filter(pk=resident.pk).exists()
    assert not ModuleProgress.objects.filter(user=resident).exists()


def test_progress_agrees_with_what_the_services_compute(settings, content):
    generate(settings, residents=50, per_structure=25)
    steps_by_page = {page.pk: page.step_ids for page in TutorialPage.objects.all()}
    for row in PageProgress.objects.filter(page_id__in=steps_by_page):
        assert row.status == tutorial_status(steps_by_page[row.page_id], row.done_step_ids)
        assert row.started_at <= row.updated_at <= timezone.now()
    rows = list(ModuleProgress.objects.select_related("user"))
    assert rows
    modules = {module.pk: module for module in content}
    with transaction.atomic():
        for row in rows:
            fresh = services.refresh_module_progress(user=row.user, module=modules[row.module_id])
            assert [getattr(row, name) for name in ROLLUP_FIELDS] == [getattr(fresh, name) for name in ROLLUP_FIELDS]
        transaction.set_rollback(True)
    # A quiz page is done exactly when one of the person's attempts passed; answers add up to the score.
    quiz_done = set(
        PageProgress.objects.exclude(page_id__in=steps_by_page)
        .filter(status=ProgressStatus.COMPLETED)
        .values_list("user_id", "page_id")
    )
    assert quiz_done == set(QuizAttempt.objects.filter(passed=True).values_list("user_id", "quiz_id"))
    for attempt in QuizAttempt.objects.prefetch_related("answers"):
        credits = [answer.credit for answer in attempt.answers.all()]
        assert len(credits) == len(attempt.question_ids)
        assert attempt.submitted_at is not None
        assert attempt.score == pytest.approx(sum(credits) / len(credits))


def test_assignments_workshops_and_attendance_stay_within_the_structure(settings, content):
    generate(settings, residents=50, per_structure=25)
    links = dict(StructureLink.objects.values_list("resident_id", "structure_id"))
    for resident_id, structure_id in Assignment.objects.values_list("resident_id", "structure_id"):
        assert links[resident_id] == structure_id
    for workshop in Workshop.objects.prefetch_related("members"):
        assert {links[member.pk] for member in workshop.members.all()} == {workshop.structure_id}
        assert Assignment.objects.filter(workshop=workshop).exists()
    today = timezone.localdate()
    assert not Attendance.objects.filter(session__date__gte=today).exists()
    assert WorkshopSession.objects.filter(date__gte=today).exists()
    for attendance in Attendance.objects.select_related("session__workshop"):
        assert attendance.session.workshop.members.filter(pk=attendance.resident_id).exists()


def test_refuses_to_run_twice_and_resets_on_request(settings, content):
    generate(settings, residents=30, per_structure=15)
    with pytest.raises(CommandError, match="--reset"):
        generate(settings, residents=30, per_structure=15)
    generate(settings, residents=20, per_structure=10, reset=True)
    assert generated_residents().count() == 20
    assert Structure.objects.filter(name__startswith=loaddata.STRUCTURE_PREFIX).count() == 2
    assert ModuleProgress.objects.filter(user__in=generated_residents()).count() == ModuleProgress.objects.count()
    # The bulk inserts' dates switch is put back.
    assert PageProgress._meta.get_field("updated_at").auto_now
    assert QuizAttempt._meta.get_field("started_at").auto_now_add


def test_agent_pages_render_for_a_generated_agent(settings, client, content):
    generate(settings, residents=50, per_structure=25)
    agent = User.objects.get(username=f"{loaddata.USERNAME_PREFIX}agent-1-0001")
    settings.DEBUG = False
    client.force_login(agent)
    response = client.get(reverse("agent:residents"))
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 25
    assert client.get(reverse("agent:residents"), {"q": "a", "statut": "overdue"}).status_code == 200
    response = client.get(reverse("agent:statistics"))
    assert response.status_code == 200
    assert response.context["stats"].accompanied == 25
    workshop = Workshop.objects.filter(structure__memberships__user=agent).first()
    response = client.get(reverse("agent:workshop_matrix", args=[workshop.pk]))
    assert response.status_code == 200
    assert len(response.context["rows"]) == workshop.members.count()


def test_refuses_without_published_modules(settings, home_page):
    with pytest.raises(CommandError, match="seed_demo"):
        generate(settings, residents=10)


def test_refuses_when_debug_is_off(settings, content):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("generate_load_data", residents=10, stdout=io.StringIO())


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"residents": 0}, "--residents"),
        ({"residents": -5}, "--residents"),
        ({"residents": 10, "per_structure": 3}, "--per-structure"),
    ],
)
def test_bad_arguments_are_refused_with_a_clear_message(settings, content, options, message):
    with pytest.raises(CommandError, match=message):
        generate(settings, **options)


def test_residents_is_required_and_must_be_a_number(settings, content):
    settings.DEBUG = True
    with pytest.raises(CommandError, match="residents"):
        call_command("generate_load_data", stdout=io.StringIO())
    with pytest.raises(CommandError, match="residents"):
        call_command("generate_load_data", "--residents", "beaucoup", stdout=io.StringIO())

"""Shared by the security sweeps: every URL pattern of the project, a data set to fill their arguments, row counts.

The patterns come from the resolver itself, so a URL added anywhere (our apps, Wagtail hooks, allauth, the Django
admin) shows up here without anyone having to remember the sweeps.
"""

import datetime
import logging
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import import_module
from types import SimpleNamespace

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from django.utils.regex_helper import normalize

from wagtail.users.models import UserProfile

from allauth.account.models import EmailAddress

from accounts import cards, kiosk
from accounts.models import AccessCard, Membership, StructureLink, User
from assessments import services as quiz_services
from assessments.models import Answer, DiagnosticResult, QuizAttempt
from cms.models import GlossaryTerm, Operator, Place, Procedure
from followup.models import Assignment, Attendance, AuditEntry, AutonomyRecord, ResidentNote, Workshop, WorkshopSession
from followup.services.assignments import assign_module
from learning.models import ModuleProgress, PageProgress
from tests.accounts.factories import (
    MembershipFactory,
    ResidentFactory,
    ReviewerFactory,
    StructureFactory,
    StructureLinkFactory,
    TrainerFactory,
    UserFactory,
)
from tests.assessments.factories import DiagnosticPageFactory, QuizPageFactory
from tests.cms.factories import default_site_home
from tests.learning.factories import ModuleIndexPageFactory, ModulePageFactory, TutorialPageFactory

# The roles of the matrix, in the order of its columns.
ROLES = (
    "anonymous",
    "resident",
    "other_resident",
    "agent",
    "other_agent",
    "manager",
    "trainer",
    "reviewer",
    "superuser",
)
# Parameters that point at an object belonging to `structure` (or to its resident).
OBJECT_PARAMS = {
    "resident_id",
    "workshop_id",
    "session_id",
    "assignment_id",
    "membership_id",
    "structure_id",
    "attempt_id",
    "result_id",
}
LOGIN_PATH = "/comptes/login/"
PROJECT_APPS = ("accounts", "cms", "assessments", "learning", "followup", "privacy", "config")
DUMMY = "1"


@dataclass(frozen=True)
class Pattern:
    """One URL pattern, flattened: its full route, namespaced name and the pattern object of each level."""

    route: str
    name: str | None
    levels: tuple = field(repr=False)
    callback: object = field(repr=False, compare=False)

    @property
    def params(self):
        names = []
        for level in self.levels:
            names += normalize(level.regex.pattern)[0][1]
        return tuple(names)

    @property
    def ours(self):
        return self.callback.__module__.split(".")[0] in PROJECT_APPS

    def url(self, values):
        """The path of this pattern with `values` for its parameters (positional groups are `_0`, `_1`…).

        Third-party patterns get a dummy « 1 » for parameters the data set does not name; ours must all be named.
        """
        parts = []
        for level in self.levels:
            template, names = normalize(level.regex.pattern)[0]
            if not self.ours:
                values = dict.fromkeys(names, DUMMY) | values
            parts.append(template % {name: values[name] for name in names})
        return "/" + "".join(parts)


def _walk(resolver, levels=(), namespace=None):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry, (*levels, entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            name = entry.name and (f"{namespace}:{entry.name}" if namespace else entry.name)
            all_levels = (*levels, entry.pattern)
            route = "".join(str(level) for level in all_levels)
            yield Pattern(route=route, name=name, levels=all_levels, callback=entry.callback)


def all_patterns():
    """Every URL pattern of the project, each with a unique key: its name, or its route when that is ambiguous."""
    patterns = list(_walk(get_resolver()))
    names = [pattern.name for pattern in patterns if pattern.name]
    keyed = {}
    for pattern in patterns:
        key = pattern.name if pattern.name and names.count(pattern.name) == 1 else pattern.route
        if pattern.name is None and pattern.route in keyed:
            key = f"{pattern.route} (unnamed)"
        assert key not in keyed, f"two URL patterns share the key {key!r}"
        keyed[key] = pattern
    return keyed


# The data set -------------------------------------------------------------------------------------------------------


def build_world():
    """The people of each role, and objects of `structure` (and of its resident) for object-level URLs.

    The same people as tests/conftest.py's fixtures (structure, resident, agent, manager…), built once per module.
    """

    home = default_site_home()
    catalogue = ModuleIndexPageFactory(parent=home)
    module = ModulePageFactory(parent=catalogue, title="Créer son compte ameli", slug="ameli")
    tutorial = TutorialPageFactory(parent=module, title="Préparer ses documents", slug="preparer")
    structure = StructureFactory(name="Maison du Plateau")
    other_structure = StructureFactory(name="France Services du Val")
    resident = ResidentFactory(username="amina", display_name="Amina")
    StructureLinkFactory(resident=resident, structure=structure)
    agent = MembershipFactory(structure=structure, user__username="agent").user
    manager = MembershipFactory(structure=structure, is_manager=True, user__username="responsable").user
    trainer = TrainerFactory(username="formatrice")
    reviewer = ReviewerFactory(username="relecteur")
    superuser = UserFactory(username="admin", professional=True, is_superuser=True, is_staff=True)
    other_resident = ResidentFactory(username="resident-ailleurs", display_name="Personne d'ailleurs")
    StructureLinkFactory(resident=other_resident, structure=other_structure)
    # The other structure's agent is its manager too: crossing structures must fail even with a manager's rights.
    other_agent = MembershipFactory(structure=other_structure, is_manager=True, user__username="agent-ailleurs").user
    # A colleague the manager may remove from the team (so the manager's own membership stays).
    colleague = MembershipFactory(structure=structure, user__username="collegue")
    quiz = QuizPageFactory(parent=module, title="Quiz ameli", slug="quiz-ameli")
    draft = TutorialPageFactory(parent=module, title="Brouillon", slug="brouillon", live=False)
    diagnostic = DiagnosticPageFactory(parent=home)
    assignment = assign_module(module=module, residents=[resident], by=agent, structure=structure)[0]
    workshop = Workshop.objects.create(structure=structure, title="Atelier du mardi", facilitator=agent)
    workshop.members.add(resident)
    session = WorkshopSession.objects.create(
        workshop=workshop,
        date=timezone.localdate() + datetime.timedelta(days=7),
        start_time=datetime.time(14, 0),
    )
    issued = cards.issue_card(resident=resident, issued_by=agent)
    attempt = quiz_services.start_attempt(user=resident, quiz=quiz, idempotency_key=uuid.uuid4())
    result = DiagnosticResult.objects.create(
        user=resident, page=diagnostic, levels={"4.1": 1}, equipment_gaps=[], recorded_by=agent
    )
    PageProgress.objects.create(user=resident, page=tutorial, done_step_ids=[tutorial.step_ids[0]])
    operator = Operator.objects.create(name="CAF", slug="caf")
    procedure = Procedure.objects.create(operator=operator, title="Déclarer ses ressources", slug="caf-dtr")
    term = GlossaryTerm.objects.create(term="navigateur", definition="Le logiciel qui affiche les sites.")
    place = Place.objects.create(
        source_id="lieu-1",
        pivot="12345678901234",
        name="Médiathèque",
        city="Rouen",
        postcode="76000",
        address="1 rue du Port",
        updated_on=timezone.localdate(),
    )
    # Wagtail's userbar (in base.html) creates an author's preferences on the first page it renders for them: done
    # here, so that the sweeps see only what the requests themselves write.
    for author in (trainer, reviewer, superuser):
        UserProfile.get_for_user(author)
    users = {
        "anonymous": None,
        "resident": resident,
        "other_resident": other_resident,
        "agent": agent,
        "other_agent": other_agent,
        "manager": manager,
        "trainer": trainer,
        "reviewer": reviewer,
        "superuser": superuser,
    }
    values = {
        # pages served by Wagtail, and what their sub-URLs point at
        "home_url": home.url,
        "catalogue_url": module.get_parent().url,
        "module_url": module.url,
        "tutorial_url": tutorial.url,
        "draft_url": f"{module.url}{draft.slug}/",
        "quiz_url": quiz.url,
        "diagnostic_url": diagnostic.url,
        "step_id": tutorial.step_ids[1],
        "attempt_id": attempt.pk,
        "result_id": result.pk,
        # our apps
        "resident_id": resident.pk,
        "assignment_id": assignment.pk,
        "workshop_id": workshop.pk,
        "session_id": session.pk,
        "membership_id": colleague.pk,
        "structure_id": structure.pk,
        "token": issued.qr_token,
        # Wagtail admin: a tutorial page and its module, real snippets; dummy ids elsewhere
        "page_id": tutorial.pk,
        "parent_page_id": module.pk,
        "page_to_move_id": tutorial.pk,
        "destination_id": module.pk,
        "page_pk": tutorial.pk,
        "pk": tutorial.pk,
        "content_type_app_name": "learning",
        "content_type_model_name": "tutorialpage",
        "app_label": "learning",
        "model_name": "tutorialpage",
        "app_name": "wagtailcore",
        "action": "delete",
        "action_name": "approve",
        "object_id": "1",
        "id": resident.pk,
        "content_type_id": "1",
        "filter_spec": "original",
        "uidb64": "MQ",
        "uidb36": "1",
        "key": "cle-inconnue",
        "url": "inconnue/",
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "_0": "1",
        "_1": "document.pdf",
    }
    return SimpleNamespace(
        structure=structure,
        other_structure=other_structure,
        users=users,
        values=values,
        home=home,
        module=module,
        tutorial=tutorial,
        quiz=quiz,
        diagnostic=diagnostic,
        attempt=attempt,
        result=result,
        workshop=workshop,
        session=session,
        colleague=colleague,
        snippets={"operator": operator, "procedure": procedure, "glossaryterm": term, "place": place},
    )


# Clients ------------------------------------------------------------------------------------------------------------


class RoleClient:
    """A test client for one role that every cell finds in the same state: a fresh session of that person (or of a
    new anonymous visitor), whatever the previous cell did (log out, log in as someone else, start a diagnostic).

    Call `ensure()` outside any savepoint: the session row it writes must survive the rollback of the cell.
    """

    def __init__(self, user, **kwargs):
        self.user = user
        self.client = Client(raise_request_exception=False, **kwargs)
        self.session_data = None
        if user is not None:
            self.client.force_login(user)
            self.session_data = dict(self.client.session.items())

    def ensure(self):
        """A new session with the data of the first login: what force_login() gives, without its signals."""
        self.client.cookies.clear()
        if self.session_data is not None:
            store = import_module(settings.SESSION_ENGINE).SessionStore()
            store.update(self.session_data)
            store[kiosk.LAST_ACTIVITY_KEY] = time.time()  # just active: the request has no reason to write
            store.create()
            self.client.cookies[settings.SESSION_COOKIE_NAME] = store.session_key

    def request(self, method, url, data=None, **extra):
        if method == "GET":
            return self.client.get(url, **extra)
        return self.client.post(url, data or {}, **extra)


@contextmanager
def quiet_request_log():
    """Thousands of expected 403 and 404: Django's request logger would format a traceback for each. A 500 is
    still reported, with its exception, by `describe()`."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def describe(response):
    """A status for a report: `302 → /comptes/login/` for redirects, the exception for a 500."""
    text = str(response.status_code)
    if response.status_code in (301, 302, 303):
        text += f" → {response['Location'].split('?')[0]}"
    exc_info = getattr(response, "exc_info", None)
    if exc_info:
        text += f" ({exc_info[0].__name__}: {exc_info[1]})"
    return text


# Row counts ---------------------------------------------------------------------------------------------------------


def all_models():
    """Every table of the project and of the libraries it installs (a write anywhere shows up in one of them)."""
    return [
        model for model in apps.get_models(include_auto_created=True) if model._meta.managed and not model._meta.proxy
    ]


def row_counts(models, **extra_sql):
    """{label: rows} for these models, and {name: value} for each extra scalar SQL: all in one query."""
    quote = connection.ops.quote_name
    checks = {model._meta.label: f"SELECT COUNT(*) FROM {quote(model._meta.db_table)}" for model in models}
    checks.update(extra_sql)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f"({sql})" for sql in checks.values()))
        return dict(zip(checks, cursor.fetchone(), strict=True))


def people_state():
    """What a request about people of a structure may write: row counts, and the fields that an update changes.

    Four queries: this runs before and after a thousand cells.
    """
    tables = [
        User,
        Membership,
        StructureLink,
        AccessCard,
        EmailAddress,
        Assignment,
        Workshop,
        Workshop.members.through,
        WorkshopSession,
        WorkshopSession.modules.through,
        Attendance,
        AutonomyRecord,
        ResidentNote,
        AuditEntry,
        PageProgress,
        ModuleProgress,
        QuizAttempt,
        Answer,
        DiagnosticResult,
    ]
    quote = connection.ops.quote_name
    state = row_counts(
        tables,
        **{
            "active links": f"SELECT COUNT(*) FROM {quote(StructureLink._meta.db_table)} WHERE withdrawn_at IS NULL",
            "active cards": f"SELECT COUNT(*) FROM {quote(AccessCard._meta.db_table)} WHERE revoked_at IS NULL",
            "active assignments": f"SELECT COUNT(*) FROM {quote(Assignment._meta.db_table)} WHERE removed_at IS NULL",
        },
    )
    # Updates that keep the counts: a workshop renamed or moved, a manager's flag, a password, a deactivation.
    state["workshops"] = list(Workshop.objects.order_by("pk").values_list("title", "structure_id", "facilitator_id"))
    state["memberships"] = list(Membership.objects.order_by("pk").values_list("user_id", "structure_id", "is_manager"))
    state["users"] = list(User.objects.order_by("pk").values_list("password", "is_active", "email"))
    return state


def in_savepoint(function):
    """Run `function()` and undo its writes, so that each cell of a sweep starts from the same data."""
    with transaction.atomic():
        result = function()
        transaction.set_rollback(True)
    return result

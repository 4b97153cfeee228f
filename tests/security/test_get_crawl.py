"""A GET never changes data: the demo site crawled as each role, link by link, plus every URL of the matrix.

The demo seed (demo/management/commands/seed_demo.py) runs once for the module (`demo_site`, tests/conftest.py).
Each role then follows the same-site links of every HTML page from the home page, bounded, after requesting every URL
pattern of the project with arguments filled from the demo data. No answer may be a 500, and the row counts of every
table must be the same afterwards, except for what a GET writes on purpose (listed in EXPECTED_WRITES).
"""

import re
from collections import Counter, deque
from types import SimpleNamespace
from urllib.parse import parse_qsl, urljoin, urlsplit

from django.test import Client

from wagtail.models import Page
from wagtail.users.models import UserProfile

import pytest
from bs4 import BeautifulSoup

from accounts.models import Membership, Structure, User
from assessments.models import DiagnosticPage, DiagnosticResult, QuizAttempt
from followup.models import Assignment, Workshop
from learning.models import ModuleIndexPage, TutorialPage
from tests.security import sweep
from tests.security.test_authorization_matrix import cells

pytestmark = [pytest.mark.django_db, pytest.mark.sweep]

MAX_URLS_PER_ROLE = 250
# Pages of one shape (`/espace-agent/personnes/6/` and `/personnes/8/`, the same filters with other values) render
# the same template and views: a few of each, then the budget goes to shapes not seen yet.
MAX_URLS_PER_SHAPE = 3
SKIPPED_PREFIXES = ("/static/", "/media/", "/documents/")
# Wagtail's « failwhale » raises on purpose, for anyone with admin access, to test error reporting.
SKIPPED_URLS = {"/admin/failwhale/"}
# Links that end the session: the crawl goes on as the same person.
SKIPPED_WORDS = ("logout", "deconnexion")
# Demo accounts (accounts/demo.py).
ROLES = {
    "anonymous": None,
    "resident": "amina",
    "agent": "agent",
    "manager": "responsable",
    "trainer": "formatrice",
}
# Tables a GET writes to by design, and why.
EXPECTED_WRITES = {
    # Logging in the crawler (and the session engine, cached_db) writes sessions.
    "sessions.Session": "sessions",
    # followup/audit.py: an agent opening a resident's page, or exporting progress, is recorded on purpose (the
    # journal of who viewed whom); that is a GET by design.
    "followup.AuditEntry": "audit journal of views and exports",
    # Wagtail's page editor (wagtail/admin/views/pages/edit.py), on GET: an editing session for its « someone else
    # is editing » notice, and the editor's subscription to comment notifications (get_or_create, switched off).
    # Wagtail's own bookkeeping, not ours.
    "wagtailadmin.EditingSession": "Wagtail's editing sessions",
    "wagtailcore.PageSubscription": "Wagtail's comment subscriptions",
    # An image shown at a size for the first time: Wagtail writes the rendition (a cache of the resized file).
    "wagtailimages.Rendition": "Wagtail's image renditions",
}


@pytest.fixture(scope="module")
def demo(demo_site):
    """The demo site (seeded once for this module, tests/conftest.py) and the matrix's URL arguments in it."""
    return demo_values()


def demo_values():
    """The matrix's URL arguments, filled with objects of the demo structure and its resident Amina."""
    amina = User.objects.get(username="amina")
    structure = Structure.objects.get(join_code="PLATO7")
    workshop = Workshop.objects.filter(structure=structure).order_by("pk").first()
    member = workshop.members.order_by("pk").first()
    assignment = Assignment.objects.active().filter(resident=amina).first() or Assignment.objects.active().first()
    attempt = QuizAttempt.objects.filter(user=amina).order_by("pk").first()
    result = DiagnosticResult.objects.filter(user=amina).order_by("pk").first()
    tutorial = TutorialPage.objects.live().order_by("path").first()
    module = tutorial.get_parent().specific
    values = {
        "catalogue_url": ModuleIndexPage.objects.live().first().url,
        "module_url": module.url,
        "tutorial_url": tutorial.url,
        "draft_url": f"{module.url}brouillon-inexistant/",
        "quiz_url": Page.objects.get(pk=attempt.quiz_id).url,
        "diagnostic_url": DiagnosticPage.objects.live().first().url,
        "step_id": tutorial.step_ids[0],
        "attempt_id": attempt.pk,
        "result_id": result.pk,
        "resident_id": assignment.resident_id,
        "assignment_id": assignment.pk,
        "workshop_id": workshop.pk,
        "session_id": workshop.sessions.order_by("pk").first().pk,
        "membership_id": Membership.objects.filter(structure=structure, is_manager=False).first().pk,
        "structure_id": structure.pk,
        "token": "jeton-inconnu",
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
        "object_id": str(structure.pk),
        "id": amina.pk,
        "filter_spec": "original",
        "key": "cle-inconnue",
        "url": "inconnue/",
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "_0": "1",
        "_1": "document.pdf",
    }
    # The workshop's first member, for « remove a member »; Amina elsewhere.
    values["resident_id"] = member.pk if member else values["resident_id"]
    return SimpleNamespace(values=values)


def same_site_links(response, base):
    if "text/html" not in response.get("Content-Type", ""):
        return []
    soup = BeautifulSoup(response.content, "html.parser")
    links = []
    for anchor in soup.find_all("a", href=True):
        url = urljoin(base, anchor["href"])
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https", "") or parts.netloc not in ("", "testserver"):
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if parts.path.startswith(SKIPPED_PREFIXES) or any(word in parts.path for word in SKIPPED_WORDS):
            continue
        links.append(path)
    return links


def shape(url):
    parts = urlsplit(url)
    keys = sorted(key for key, _value in parse_qsl(parts.query, keep_blank_values=True))
    return re.sub(r"/\d+(?=/|$)", "/N", parts.path), tuple(keys)


def crawl(client, start_urls):
    """GET the start URLs, then follow same-site links breadth first, up to MAX_URLS_PER_ROLE more pages and
    MAX_URLS_PER_SHAPE of each shape."""
    seen = set()
    queue = deque(start_urls)
    starts = set(start_urls)
    shapes = Counter()
    errors = []
    budget = len(start_urls) + MAX_URLS_PER_ROLE
    while queue and len(seen) < budget:
        url = queue.popleft()
        if url in seen or url in SKIPPED_URLS:
            continue
        if url not in starts:
            if shapes[shape(url)] >= MAX_URLS_PER_SHAPE:
                continue
            shapes[shape(url)] += 1
        seen.add(url)
        response = client.get(url)
        if response.status_code >= 500:
            errors.append(f"GET {url}: {sweep.describe(response)}")
            continue
        queue.extend(link for link in same_site_links(response, url) if link not in seen)
    return seen, errors


@pytest.mark.parametrize("role", ROLES)
def test_a_get_crawl_changes_no_data(demo, role):
    client = Client(raise_request_exception=False)
    if ROLES[role]:
        user = User.objects.get(username=ROLES[role])
        client.force_login(user)
        # Wagtail's userbar creates an author's preferences on the first page it renders for them.
        UserProfile.get_for_user(user)
    matrix_urls = ["/", *dict.fromkeys(cell.url for cell in cells(demo) if cell.method == "GET")]
    models = sweep.all_models()
    before = sweep.row_counts(models)
    with sweep.quiet_request_log():
        seen, errors = crawl(client, matrix_urls)
    after = sweep.row_counts(models)
    changed = {label: (before[label], after[label]) for label in before if before[label] != after[label]}
    unexpected = {label: counts for label, counts in changed.items() if label not in EXPECTED_WRITES}
    assert len(seen) > len(matrix_urls)
    assert not errors, "\n".join(errors)
    assert not unexpected, f"GET requests wrote rows (before, after): {unexpected}"

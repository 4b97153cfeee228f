"""Fuzz sweep: for each role, every URL, form and query parameter of the site with hostile values (tests/security/
fuzz.py says what is sent and how it is found). No answer may be a 500, and no request may log a traceback.

Runs on SQLite and on PostgreSQL (NUL characters, overflowing integers and impossible dates fail differently there),
in a bounded, derandomized number of requests: the same ones every run.
"""

from collections import defaultdict
from urllib.parse import parse_qsl

import pytest

from accounts import cards
from tests.accounts.factories import ResidentFactory, StructureLinkFactory
from tests.security import fuzz, sweep
from tests.security.test_authorization_matrix import cells

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "resident", "card_resident", "agent", "manager", "trainer", "reviewer")
ADMIN_ROUTES = ("admin/", "django-admin/")


class CardResidentClient(sweep.RoleClient):
    """A resident who signed in with the login card (code and username), as at a France Services desk."""

    def __init__(self, resident, code):
        super().__init__(None)
        self.user = resident
        response = self.client.post("/connexion-code/", {"username": resident.username, "code": code})
        assert response.status_code == 302, response.status_code
        self.session_data = dict(self.client.session.items())


@pytest.fixture(scope="module")
def card_resident(world, django_db_blocker):
    with django_db_blocker.unblock():
        resident = ResidentFactory(username="karim", display_name="Karim")
        resident.set_unusable_password()
        resident.save()
        StructureLinkFactory(resident=resident, structure=world.structure)
        issued = cards.issue_card(resident=resident, issued_by=world.users["agent"])
        return CardResidentClient(resident, issued.code)


def endpoints(world):
    """The URLs to try: every pattern of the URL conf with the matrix's arguments, Wagtail's pages and their
    sub-routes; in the admins, our own views only. A pattern the matrix has no row for yet is tried too."""
    urls = []
    covered = set()
    for cell in cells(world):
        covered.add(cell.key)
        if cell.method != "GET" or (cell.admin and not cell.ours):
            continue
        if cell.url not in urls and not cell.url.startswith(fuzz.SKIPPED_PATHS):
            urls.append(cell.url)
    for key, pattern in sweep.all_patterns().items():
        if key in covered or not (pattern.ours or not pattern.route.startswith(ADMIN_ROUTES)):
            continue
        try:
            url = pattern.url(world.values)
        except KeyError:
            continue
        if url not in urls and not url.startswith(fuzz.SKIPPED_PATHS):
            urls.append(url)
    return urls


def patterns(world):
    return [
        pattern
        for pattern in sweep.all_patterns().values()
        if pattern.ours or not pattern.route.startswith(ADMIN_ROUTES)
    ]


# Forms already sent in full by an earlier role of this run: later roles send them fewer times.
FUZZED_FORMS = set()


def discover(fuzzer, response, path, forms, query_names, post_names):
    if response.status_code != 200 or not fuzz.is_html(response):
        return
    for form in fuzz.forms_on(response, path):
        forms.setdefault(form.key, form)
        target = query_names if form.method == "GET" else post_names
        target[form.action] |= set(form.fields)
    for link_path, names in fuzz.query_names_on(response, path).items():
        query_names[link_path] |= names


def run_role(fuzzer, world):
    urls = endpoints(world)
    forms = {}
    query_names = defaultdict(set)
    post_names = defaultdict(set)
    # Every URL: a GET with hostile query parameters and broken escapes. Its page tells the forms and the parameters
    # of its links (from a plain GET when the hostile one was refused).
    for index, url in enumerate(urls):
        path, _, query = url.partition("?")
        names = {name for name, _ in parse_qsl(query, keep_blank_values=True)} | set(fuzz.GENERIC_PARAMS)
        query_names[path] |= names
        fuzzer.values_sent += 2 * len(names)
        problem, response = fuzzer.send("GET", path, query=fuzz.hostile_query(names, index, raw=True))
        fuzzer.record(problem)
        if response.status_code in (400, 404):
            problem, response = fuzzer.send("GET", url)
            fuzzer.record(problem)
        discover(fuzzer, response, path, forms, query_names, post_names)
    # Every URL again: the parameters found on the pages, and a POST of hostile fields with invalid UTF-8.
    for index, url in enumerate(urls):
        path, _, query = url.partition("?")
        extra = query_names[path] - set(fuzz.GENERIC_PARAMS)
        if extra:
            fuzzer.values_sent += 2 * len(extra)
            fuzzer.record(fuzzer.send("GET", path, query=fuzz.hostile_query(extra, index + 1))[0])
        fields = post_names[path] or set(fuzz.GENERIC_PARAMS)
        fuzzer.values_sent += 5 * len(fields)
        fuzzer.record(fuzzer.send("POST", url, body=fuzz.hostile_body(fields, index + 3))[0])
    # Free text in the path.
    for pattern in patterns(world):
        for url in fuzz.hostile_paths(pattern, world.values):
            fuzzer.values_sent += 1
            fuzzer.record(fuzzer.send("GET", url)[0])
    # Every form found, by Hypothesis.
    for key, form in forms.items():
        again = key in FUZZED_FORMS
        fuzz.fuzz_form(
            fuzzer, form, examples=fuzz.FEW_EXAMPLES if again else fuzz.EXAMPLES_PER_FORM, explicit=not again
        )
        FUZZED_FORMS.add(key)
    return len(urls), len(forms)


@pytest.mark.parametrize("role", ROLES)
def test_hostile_input_never_gets_a_500_nor_logs_a_traceback(world, card_resident, role):
    client = card_resident if role == "card_resident" else sweep.RoleClient(world.users[role])
    client.ensure()
    with fuzz.LogCapture() as log:
        fuzzer = fuzz.Fuzzer(client=client, log=log)
        url_count, form_count = run_role(fuzzer, world)
    print(
        f"\nfuzz {role}: {url_count} URLs, {form_count} forms, {fuzzer.requests} requests, "
        f"{fuzzer.values_sent} values, statuses {dict(sorted(fuzzer.statuses.items()))}, "
        f"{len(fuzzer.findings)} findings"
    )
    assert fuzzer.requests > url_count * 2
    assert not fuzzer.findings, f"{len(fuzzer.findings)} findings for « {role} »:\n" + "\n".join(fuzzer.findings)

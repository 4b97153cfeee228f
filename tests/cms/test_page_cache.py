"""cms.page_cache: tutorials served from the cache stay right for each visitor, and change as soon as content does."""

import re
import time

from django.core.cache import cache
from django.test import Client

from wagtail.models import PageViewRestriction

import pytest

from cms import invalidation, page_cache
from cms.page_cache import entries
from learning.models import PageProgress
from tests.accounts.factories import ResidentFactory
from tests.learning.factories import GlossaryTermFactory, TutorialPageFactory, step

pytestmark = pytest.mark.django_db

MARKERS = (page_cache.CSRF_MARKER, page_cache.NAME_MARKER, page_cache.IDLE_LEFT_MARKER)
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def done_url(tutorial, index=0):
    return tutorial.url + tutorial.reverse_subpage("mark_step_done", args=[tutorial.step_ids[index]])


def test_an_anonymous_visitor_gets_the_page_from_the_cache_with_a_working_csrf_token(
    tutorial, django_assert_num_queries
):
    Client().get(tutorial.url)  # a first visitor fills the cache
    visitor = Client(enforce_csrf_checks=True)
    with django_assert_num_queries(0):
        response = visitor.get(tutorial.url)
    content = response.content.decode()
    assert "Étape 1 sur 3" in content
    tokens = set(TOKEN.findall(content))
    assert len(tokens) == 1 and tokens.pop() != page_cache.CSRF_MARKER
    assert "csrftoken" in response.cookies
    # The token in the cached page goes with this visitor's cookie: marking a step works.
    token = TOKEN.search(content).group(1)
    answer = visitor.post(done_url(tutorial), {"csrfmiddlewaretoken": token}, headers={"Accept": "application/json"})
    assert answer.status_code == 200 and answer.json()["done_count"] == 1


def test_each_visitor_gets_a_token_of_their_own(tutorial):
    first, second = Client(), Client()
    first_page, second_page = first.get(tutorial.url), second.get(tutorial.url)
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    assert TOKEN.search(first_page.content.decode()).group(1) != TOKEN.search(second_page.content.decode()).group(1)


def test_progress_kept_in_a_session_is_shown_not_the_cached_page(client, tutorial):
    Client().get(tutorial.url)
    client.post(done_url(tutorial))
    content = client.get(tutorial.url).content.decode()
    assert "Étape faite" in content and "Reprendre à l" in content


def test_logged_in_people_see_their_own_steps(client, resident, tutorial):
    client.force_login(resident)
    client.post(done_url(tutorial))
    assert "Étape faite" in client.get(tutorial.url).content.decode()
    other = Client()
    other.force_login(ResidentFactory())
    assert "Étape faite" not in other.get(tutorial.url).content.decode()
    client.post(done_url(tutorial, 1))
    assert client.get(tutorial.url).content.decode().count("Étape faite") == 2
    assert PageProgress.objects.get(user=resident).done_step_ids == tutorial.step_ids[:2]


def test_logged_in_tutorial_page_costs_three_queries_once_cached(
    client, resident, tutorial, django_assert_num_queries
):
    client.force_login(resident)
    client.get(tutorial.url)
    with django_assert_num_queries(3):  # the session (in the database only), the person, their progress on the page
        assert client.get(tutorial.url).status_code == 200


def test_a_publication_shows_at_once(tutorial):
    Client().get(tutorial.url)
    tutorial.title = "Un titre tout neuf"
    tutorial.save_revision().publish()
    assert "Un titre tout neuf" in Client().get(tutorial.url).content.decode()


def test_a_new_glossary_term_is_linked_at_once(module):
    tutorial = TutorialPageFactory(
        parent=module, steps=[{"type": "step", "value": step("Un", "<p>Le navigateur.</p>")}]
    )
    assert "glossary-term" not in Client().get(tutorial.url).content.decode()
    GlossaryTermFactory(term="navigateur", definition="Le logiciel pour aller sur internet.")
    assert "glossary-term" in Client().get(tutorial.url).content.decode()


def test_a_page_made_private_is_not_served_from_the_cache(tutorial, module):
    Client().get(tutorial.url)
    PageViewRestriction.objects.create(page=module, restriction_type=PageViewRestriction.LOGIN)
    response = Client().get(tutorial.url)
    assert response.status_code == 302 and "Étape 1" not in response.content.decode()


def test_sub_routes_are_not_taken_for_the_page(tutorial):
    Client().get(tutorial.url)
    Client().get(tutorial.url)
    printed = Client().get(tutorial.url + tutorial.reverse_subpage("print")).content.decode()
    assert "Imprimer la fiche" not in printed and "<svg" in printed
    assert Client().get(tutorial.url + "?source=lettre").status_code == 200


# Whole pages for signed-in people ----------------------------------------------------------------------------------


def signed_in(user, **kwargs):
    client = Client(**kwargs)
    client.force_login(user)
    return client


def test_signed_in_residents_share_the_kept_page_each_with_their_name_token_and_time_left(tutorial):
    signed_in(ResidentFactory(display_name="Zoé Martin")).get(tutorial.url)  # renders the page and keeps it
    reader = signed_in(ResidentFactory(display_name="Ahmed Benali"), enforce_csrf_checks=True)
    response = reader.get(tutorial.url)

    assert response.status_code == 200 and response.templates == []  # nothing rendered: the kept page
    content = response.content.decode()
    assert "Ahmed Benali" in content and "Zoé Martin" not in content
    assert all(marker not in content for marker in MARKERS)
    assert re.search(r'data-idle-left="\d+"', content)
    token = TOKEN.search(content).group(1)
    answer = reader.post(done_url(tutorial), {"csrfmiddlewaretoken": token}, headers={"Accept": "application/json"})
    assert answer.status_code == 200 and answer.json()["done_count"] == 1


def test_a_name_is_escaped_and_never_taken_for_a_marker(tutorial):
    signed_in(ResidentFactory()).get(tutorial.url)
    name = f"<script>alert(1)</script> {page_cache.CSRF_MARKER} {page_cache.IDLE_LEFT_MARKER}"
    content = signed_in(ResidentFactory(display_name=name)).get(tutorial.url).content.decode()
    assert "<script>alert(1)</script>" not in content
    assert f"&lt;script&gt;alert(1)&lt;/script&gt; {page_cache.CSRF_MARKER}" in content


def test_a_waiting_message_is_shown_not_the_kept_page(client, resident, structure, tutorial):
    client.force_login(resident)
    client.get(tutorial.url)
    client.post("/mon-parcours/rejoindre/", {"code": structure.join_code, "accord": "oui"})  # leaves a message
    response = client.get(tutorial.url)
    assert response.templates and "peut suivre votre progression" in response.content.decode()
    assert client.get(tutorial.url).templates == []  # the message shown once, the kept page again


def test_each_kind_of_person_gets_their_own_menu(tutorial, agent):
    resident_page = signed_in(ResidentFactory()).get(tutorial.url).content.decode()
    agent_page = signed_in(agent).get(tutorial.url).content.decode()
    assert "Espace agent" in agent_page and "Espace agent" not in resident_page
    assert "Terminer ma session" in resident_page and "Se déconnecter" in agent_page


def test_authors_always_get_a_page_rendered_for_them(tutorial, trainer):
    author = signed_in(trainer)
    author.get(tutorial.url)
    response = author.get(tutorial.url)
    assert response.templates and "wagtail-userbar" in response.content.decode()


def test_a_publication_shows_at_once_to_signed_in_people(tutorial, resident):
    reader = signed_in(resident)
    reader.get(tutorial.url)
    tutorial.title = "Un titre tout neuf"
    tutorial.save_revision().publish()
    assert "Un titre tout neuf" in reader.get(tutorial.url).content.decode()


def test_keys_name_the_code_version_so_a_release_never_reads_what_the_last_one_kept(tutorial, monkeypatch):
    Client().get(tutorial.url)
    kept = page_cache.digest("localhost", tutorial.url)
    assert cache.get("cms:page:" + page_cache.digest("testserver", tutorial.url)) is not None

    monkeypatch.setattr(entries, "code_version", lambda: "next-release")
    assert page_cache.digest("localhost", tutorial.url) != kept
    assert cache.get("cms:page:" + page_cache.digest("testserver", tutorial.url)) is None
    assert "Étape 1 sur 3" in Client().get(tutorial.url).content.decode()


def test_a_page_rendered_by_another_process_before_the_publication_commits_is_not_kept(
    tutorial, django_capture_on_commit_callbacks
):
    Client().get(tutorial.url)
    seen_before = dict(invalidation._seen)
    page_key = "cms:page:" + page_cache.digest("testserver", tutorial.url)
    with django_capture_on_commit_callbacks(execute=True):
        tutorial.title = "Un titre tout neuf"
        tutorial.save_revision().publish()
        # Meanwhile another process, which read the token before the change, keeps the page as it was before.
        _entries, stamp, _extra = entries.fetch_many([])
        page_cache.store(page_key, (*stamp[:-1], seen_before["token"]), "Page d'avant", page_cache.PAGE_TIMEOUT)
    invalidation._seen.update(token=seen_before["token"], at=time.monotonic())  # that process, just after
    assert "Page d'avant" not in Client().get(tutorial.url).content.decode()


def test_a_no_restriction_answer_computed_before_the_commit_is_not_kept(tutorial, django_capture_on_commit_callbacks):
    page_cache.any_view_restrictions()
    seen_before = dict(invalidation._seen)
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=tutorial, restriction_type=PageViewRestriction.LOGIN)
        cache.set(page_cache.VIEW_RESTRICTIONS_KEY, (seen_before["token"], False), None)  # another process, before
    invalidation._seen.update(token=seen_before["token"], at=time.monotonic())  # that process, just after
    assert page_cache.any_view_restrictions() is True

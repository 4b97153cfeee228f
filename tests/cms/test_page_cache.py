"""cms.page_cache: tutorials served from the cache stay right for each visitor, and change as soon as content does."""

import re

from django.test import Client

from wagtail.models import PageViewRestriction

import pytest

from learning.models import PageProgress
from tests.learning.factories import GlossaryTermFactory, TutorialPageFactory, step

pytestmark = pytest.mark.django_db

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
    assert len(tokens) == 1 and "placeholder" not in tokens.pop()
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
    from tests.accounts.factories import ResidentFactory

    client.force_login(resident)
    client.post(done_url(tutorial))
    assert "Étape faite" in client.get(tutorial.url).content.decode()
    other = Client()
    other.force_login(ResidentFactory())
    assert "Étape faite" not in other.get(tutorial.url).content.decode()
    client.post(done_url(tutorial, 1))
    assert client.get(tutorial.url).content.decode().count("Étape faite") == 2
    assert PageProgress.objects.get(user=resident).done_step_ids == tutorial.step_ids[:2]


def test_logged_in_tutorial_page_costs_two_queries_once_cached(client, resident, tutorial, django_assert_num_queries):
    client.force_login(resident)
    client.get(tutorial.url)
    with django_assert_num_queries(2):  # the person, their progress on the page
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

"""The home page and the catalogue are kept like the tutorials (CachedPageMixin); a signed-in person's home is
their own and is never kept; marking a step done has a query budget."""

import html

from django.test import Client

import pytest

from cms.models import HomePage
from cms.page_cache import CachedPageMixin
from learning import services
from learning.models import ModuleIndexPage, ModulePage, TutorialPage
from tests.accounts.factories import ResidentFactory
from tests.learning.factories import ModulePageFactory, TutorialPageFactory

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_an_anonymous_home_page_is_served_from_the_cache_without_a_query(
    home_page, catalogue, django_assert_num_queries
):
    Client().get("/")  # a first visitor fills the cache
    with django_assert_num_queries(0):
        response = Client().get("/")
    assert response.status_code == 200 and response.templates == []
    assert "Se connecter" in response.content.decode()


def test_an_anonymous_catalogue_is_served_from_the_cache_without_a_query(catalogue, module, django_assert_num_queries):
    Client().get(catalogue.url)
    with django_assert_num_queries(0):
        response = Client().get(catalogue.url)
    assert response.status_code == 200 and response.templates == []
    assert module.title in response.content.decode()


def test_catalogue_filters_are_never_kept(catalogue, module):
    other = ModulePageFactory(parent=catalogue, title="Le courriel", level="autonome")
    Client().get(catalogue.url)
    filtered = Client().get(catalogue.url + "?niveau=autonome")
    assert filtered.templates and other.title in filtered.content.decode()
    assert module.title not in filtered.content.decode()


def test_signed_in_people_share_the_kept_catalogue_each_with_their_own_name(catalogue, module):
    signed_in(ResidentFactory(display_name="Zoé Martin")).get(catalogue.url)
    response = signed_in(ResidentFactory(display_name="Ahmed Benali")).get(catalogue.url)
    content = html.unescape(response.content.decode())
    assert response.templates == [] and module.title in content
    assert "Ahmed Benali" in content and "Zoé Martin" not in content


def test_a_signed_in_home_page_is_never_kept_nor_served_to_someone_else(home_page, catalogue, module):
    tutorial = TutorialPageFactory(parent=module, title="Préparer")
    zoe = ResidentFactory(display_name="Zoé Martin")
    services.record_step(user=zoe, tutorial=tutorial, step_id=tutorial.step_ids[0])
    Client().get("/")  # the visitors' home is kept
    zoe_home = signed_in(zoe).get("/")
    assert "Bonjour Zoé Martin" in html.unescape(zoe_home.content.decode())
    assert "Reprendre : Préparer" in html.unescape(zoe_home.content.decode())

    for _again in range(2):
        ahmed_home = signed_in(ResidentFactory(display_name="Ahmed Benali")).get("/")
        content = html.unescape(ahmed_home.content.decode())
        assert ahmed_home.templates, "a signed-in person's home is rendered for them, never taken from the cache"
        assert "Bonjour Ahmed Benali" in content and "Zoé" not in content and "Reprendre" not in content
    visitor = html.unescape(Client().get("/").content.decode())
    assert "Zoé" not in visitor and "Bonjour" not in visitor


def test_pages_say_for_themselves_that_they_are_kept():
    assert all(issubclass(model, CachedPageMixin) for model in (HomePage, ModuleIndexPage, TutorialPage))
    assert not issubclass(ModulePage, CachedPageMixin)  # it shows the person's progress in the module


def test_marking_a_step_done_query_budget(resident, tutorial, second_tutorial, django_assert_max_num_queries):
    client = signed_in(resident)
    client.get(tutorial.url)  # the route is kept
    done = tutorial.url + tutorial.reverse_subpage("mark_step_done", args=[tutorial.step_ids[0]])
    client.post(done, headers={"Accept": "application/json"})
    # The session, the person, then the write side (learning.services.record_step); no query to route the page.
    with django_assert_max_num_queries(BUDGET):
        answer = client.post(done, headers={"Accept": "application/json"})
    assert answer.status_code == 200 and answer.json()["done_count"] == 1


BUDGET = 7  # measured after the page cache package: 15 before (2 to route the page from pickles + the write side)


def test_a_tutorial_routed_from_the_kept_catalogue_is_kept_too(catalogue, tutorial, django_assert_num_queries):
    Client().get(catalogue.url)  # the catalogue's route is kept: the tutorial is routed from it
    Client().get(tutorial.url)
    with django_assert_num_queries(0):
        assert Client().get(tutorial.url).templates == []

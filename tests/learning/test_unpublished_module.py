"""A tutorial or quiz is visible only while its module is published; the editor says so (issue 13, item 5)."""

from html import unescape

import pytest

from learning import editor_messages, services
from learning import path as learning_path
from learning.models import ModulePage
from tests.assessments.factories import QuizPageFactory
from tests.learning.factories import ModulePageFactory, TutorialPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_module(catalogue):
    module = ModulePageFactory(parent=catalogue, title="Carte grise", slug="carte-grise")
    module.unpublish()
    return ModulePage.objects.get(pk=module.pk)


@pytest.fixture
def hidden_tutorial(draft_module):
    return TutorialPageFactory(parent=draft_module, title="Changer d'adresse", slug="adresse")


def text(response):
    return unescape(response.content.decode())


@pytest.mark.parametrize("role", ["anonymous", "resident", "trainer"])
def test_a_live_tutorial_or_quiz_under_an_unpublished_module_is_not_found(client_for, role, hidden_tutorial):
    quiz = QuizPageFactory(parent=hidden_tutorial.get_parent(), slug="quiz-carte-grise")
    client = client_for(role)
    assert hidden_tutorial.live and quiz.live
    assert client.get("/catalogue/carte-grise/adresse/").status_code == 404
    assert client.get("/catalogue/carte-grise/quiz-carte-grise/").status_code == 404
    assert client.get("/catalogue/carte-grise/adresse/imprimer/").status_code == 404
    step_id = hidden_tutorial.step_ids[0]
    assert client.post(f"/catalogue/carte-grise/adresse/etapes/{step_id}/fait/").status_code == 404


def test_publishing_the_module_shows_its_tutorials(client, draft_module, hidden_tutorial):
    draft_module.save_revision().publish()
    assert client.get("/catalogue/carte-grise/adresse/").status_code == 200


def test_the_tutorial_editor_warns_that_the_module_is_not_published(client, trainer, hidden_tutorial):
    client.force_login(trainer)
    html = text(client.get(f"/admin/pages/{hidden_tutorial.pk}/edit/"))
    assert (
        "Le module « Carte grise » n'est pas publié : ce tutoriel ne sera visible qu'une fois le module publié."
        in html
    )


def test_the_quiz_editor_and_the_new_page_form_warn_too(client, trainer, draft_module):
    quiz = QuizPageFactory(parent=draft_module, slug="quiz-carte-grise")
    client.force_login(trainer)
    assert "ce quiz ne sera visible qu'une fois le module publié" in text(client.get(f"/admin/pages/{quiz.pk}/edit/"))
    html = text(client.get(f"/admin/pages/add/learning/tutorialpage/{draft_module.pk}/"))
    assert "ce tutoriel ne sera visible qu'une fois le module publié" in html


def test_a_published_module_gives_no_such_warning(client, trainer, tutorial):
    client.force_login(trainer)
    assert "n'est pas publié" not in text(client.get(f"/admin/pages/{tutorial.pk}/edit/"))
    assert "n'est pas publié" not in text(client.get(f"/admin/pages/{tutorial.get_parent().pk}/edit/"))


def test_the_unpublished_module_editor_lists_its_waiting_pages(client, trainer, hidden_tutorial, draft_module):
    client.force_login(trainer)
    html = text(client.get(f"/admin/pages/{draft_module.pk}/edit/"))
    assert "Ce module n'est pas publié : sa page publiée (« Changer d'adresse ») n'est pas visible." in html


def test_unpublishing_a_module_warns_about_its_live_children(client, reviewer, module, tutorial, second_tutorial):
    client.force_login(reviewer)
    url = f"/admin/pages/{module.pk}/unpublish/"
    html = text(client.get(url))
    assert "Ce module contient 2 pages publiées (« Préparer ses documents », « Créer le compte »)" in html
    assert "elles ne seront plus visibles" in html
    response = client.post(url, {"next": ""}, follow=True)
    assert not ModulePage.objects.get(pk=module.pk).live
    assert "Ce module n'est pas publié : ses 2 pages publiées" in text(response)
    assert client.get(tutorial.url).status_code == 404


def test_warnings_say_nothing_when_there_is_nothing_to_say(module, tutorial):
    assert editor_messages.module_not_published_warning(tutorial) is None
    assert editor_messages.module_live_children_warning(module) is None  # published: its pages show
    warning = editor_messages.module_live_children_warning(module, unpublishing=True)
    assert warning.startswith("Ce module contient 1 page")


def test_search_leaves_out_the_pages_of_an_unpublished_module(client, hidden_tutorial, tutorial):
    html = text(client.get("/recherche/?q=tutoriel"))
    assert "Préparer ses documents" in html
    assert "Changer d'adresse" not in html


def test_mon_parcours_leads_nowhere_hidden(client, resident, module, tutorial):
    services.record_step(user=resident, tutorial=tutorial, step_id=tutorial.step_ids[0])
    client.force_login(resident)
    assert tutorial.url in client.get("/mon-parcours/").content.decode()
    module.unpublish()
    html = client.get("/mon-parcours/").content.decode()
    assert tutorial.url not in html
    assert learning_path.path_overview(resident)["resume"] is None


def test_unpublishing_a_tutorial_asks_as_wagtail_does(client, reviewer, tutorial):
    client.force_login(reviewer)
    response = client.get(f"/admin/pages/{tutorial.pk}/unpublish/")
    assert response.status_code == 200
    assert "data-module-unpublish-warning" not in response.content.decode()

"""The home page greets a signed-in person with « Reprendre » and their modules; visitors keep the public intro."""

import html

from django.test import Client

import pytest

from followup.models import Assignment
from learning import services
from tests.learning.factories import ModulePageFactory, TutorialPageFactory

pytestmark = pytest.mark.django_db

VISITOR_LINE = "Vous pouvez tout lire sans compte"


@pytest.fixture
def home(home_page):
    home_page.intro = f"<p>Des tutoriels simples.</p><p>{VISITOR_LINE}. Avec un compte, vos progrès sont gardés.</p>"
    home_page.save_revision().publish()
    return home_page


def test_a_signed_in_resident_gets_reprendre_and_assigned_modules(client, home, resident, structure, module):
    tutorial = TutorialPageFactory(parent=module, title="Préparer", slug="preparer")
    other = ModulePageFactory(parent=module.get_parent(), title="Le courriel", slug="courriel")
    TutorialPageFactory(parent=other, title="Créer une adresse", slug="adresse")
    Assignment.objects.create(module=other, resident=resident, structure=structure)
    services.record_step(user=resident, tutorial=tutorial, step_id=tutorial.step_ids[0])
    client.force_login(resident)
    content = html.unescape(client.get("/").content.decode())
    assert "Bonjour Amina !" in content
    assert f'href="{tutorial.url}#etape-2">Reprendre : Préparer</a>' in content
    assert "Le courriel</a> (pas encore commencé)" in content
    assert VISITOR_LINE not in content


def test_visitors_keep_the_public_intro_and_never_see_someone_elses_welcome(client, home, resident, module):
    tutorial = TutorialPageFactory(parent=module, title="Préparer", slug="preparer")
    services.record_step(user=resident, tutorial=tutorial, step_id=tutorial.step_ids[0])
    visitor = Client()
    assert VISITOR_LINE in visitor.get("/").content.decode()  # a first anonymous visit: the one a cache would keep
    client.force_login(resident)
    signed_in = html.unescape(client.get("/").content.decode())
    assert "Bonjour Amina" in signed_in and VISITOR_LINE not in signed_in
    for fresh in (Client(), visitor):
        content = html.unescape(fresh.get("/").content.decode())
        assert VISITOR_LINE in content
        assert "Amina" not in content and "Reprendre" not in content


def test_signed_in_home_query_budget(client, home, resident, structure, catalogue, django_assert_max_num_queries):
    for number in range(8):
        module = ModulePageFactory(parent=catalogue)
        tutorial = TutorialPageFactory(parent=module)
        Assignment.objects.create(module=module, resident=resident, structure=structure)
        if number % 2:
            services.record_step(user=resident, tutorial=tutorial, step_id=tutorial.step_ids[0])
    client.force_login(resident)
    client.get("/")
    with django_assert_max_num_queries(12):
        assert client.get("/").status_code == 200

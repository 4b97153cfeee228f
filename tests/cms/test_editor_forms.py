"""The editor as a trainer meets it (issue 13): plain labels, short forms, checkboxes.

The step image rule and the guide are in test_authoring_guide.py. The demo seed runs once for this module
(`demo_site`, tests/conftest.py): the edit forms are those of real tutorials.
"""

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from accounts.models import User
from learning.models import ModulePage, TutorialPage
from tests.cms.admin_html import admin_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_trainer(demo_site, client):
    client.force_login(User.objects.get(username="formatrice"))
    return client


def test_a_demo_tutorial_edit_form_speaks_to_trainers(demo_trainer):
    tutorial = TutorialPage.objects.first()
    response = demo_trainer.get(f"/admin/pages/{tutorial.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    definitions = admin_text(response.content)
    assert "Choisir la vidéo…" in definitions
    assert "Choisir le fichier de sous-titres…" in definitions
    assert "Choisir un document" not in definitions
    assert "Description de l'image (obligatoire si vous ajoutez une image)" in definitions
    assert "Image décorative" not in definitions  # steps have no decorative choice any more
    # Steps, checklist items, callouts and « Je vérifie » answers start closed: the form stays short.
    assert definitions.count('"collapsed": true') >= 4
    assert "Vidéo de démonstration (facultative)" in html
    assert reverse("pasapas_authoring_guide") in html
    # The editor's stylesheet and script that label the « + » buttons are on the page.
    assert "css/admin.css" in html
    assert "js/admin.js" in html


def test_a_demo_module_edit_form_uses_checkboxes_and_plain_words(demo_trainer):
    module = ModulePage.objects.first()
    response = demo_trainer.get(f"/admin/pages/{module.pk}/edit/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    for name in ("operators", "procedures", "competences"):
        assert soup.select(f'input[type="checkbox"][name="{name}"]'), name
        assert not soup.select(f'select[name="{name}"]'), name
    text = soup.get_text(" ")
    assert "Ce qui gêne la personne" in text
    assert "Type d'exclusion" not in text
    assert "Thèmes : organismes, démarches, compétences" in text

from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from cms.models import HomePage, StandardPage
from tests.cms.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_page_tree_rules():
    assert HomePage.parent_page_types == ["wagtailcore.Page"]
    assert StandardPage.parent_page_types == ["cms.HomePage", "cms.StandardPage"]
    assert HomePage.max_count == 1


def test_standard_page_renders_its_blocks(client, home_page):
    StandardPageFactory(
        parent=home_page,
        title="Aide",
        slug="aide",
        body=[
            ("heading", {"text": "Suivre un tutoriel", "level": "h2"}),
            ("callout", {"kind": "warning", "title": "Attention", "text": "<p>Gardez vos codes.</p>"}),
        ],
    )
    response = client.get("/aide/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Aide</h1>" in content
    assert "<h2>Suivre un tutoriel</h2>" in content
    assert "Gardez vos codes." in content


def test_trainer_creates_a_standard_page_through_the_admin(client, trainer, home_page):
    client.force_login(trainer)
    data = nested_form_data(
        {
            "title": "Mentions légales",
            "slug": "mentions-legales",
            "intro": "Qui publie ce site.",
            "body": streamfield([("paragraph", rich_text("<p>Éditeur : la Maison du Plateau.</p>"))]),
            "action-submit": "Soumettre à la relecture",
        }
    )
    response = client.post(f"/admin/pages/add/cms/standardpage/{home_page.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = StandardPage.objects.get(slug="mentions-legales")
    assert not page.live
    assert page.current_workflow_state is not None


def test_home_page_shows_entry_points(client, home_page):
    home_page.entry_points = [
        ("entry_point", {"title": "Apprendre pas à pas", "text": "Des tutoriels.", "icon": "learn", "page": None}),
        (
            "entry_point",
            {"title": "Faire le point", "text": "Quelques questions.", "icon": "check", "page": home_page},
        ),
    ]
    home_page.save_revision().publish()
    content = client.get("/").content.decode()
    assert "Apprendre pas à pas" in content
    assert '<a href="/">Faire le point</a>' in content


def test_unpublished_page_is_not_found(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Brouillon", slug="brouillon")
    page.unpublish()
    assert client.get("/brouillon/").status_code == 404


def test_seed_demo_refuses_known_passwords_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")

"""What a trainer sees when a tutorial cannot be sent: every error at the top, in words, with its tab; an address
already taken by an earlier autosaved draft says so and links to it; a blank tutorial says once that a step is
missing (issue 13)."""

import html

from django.urls import reverse

import pytest

from learning.blocks import NO_STEP_MESSAGE, StepsBlock
from tests.learning.factories import TutorialPageFactory


def blank_tutorial(**fields):
    return {
        "title": "",
        "slug": "",
        "intro": "",
        "duration_minutes": "10",
        "checklist-count": "0",
        "media-count": "0",
        "steps-count": "0",
        "action-submit": "Soumettre",
        **fields,
    }


@pytest.fixture
def create_url(module):
    return reverse("wagtailadmin_pages:add", args=["learning", "tutorialpage", module.pk])


@pytest.fixture
def signed_in(client, trainer):
    client.force_login(trainer)
    return client


def summary_of(response):
    page = response.content.decode()
    start = page.index("data-pasapas-error-summary")
    return html.unescape(page[start : page.index("</ul>", start)])


def test_missing_fields_are_named_at_the_top_and_the_missing_step_is_said_once(signed_in, create_url):
    response = signed_in.post(create_url, blank_tutorial())

    assert response.status_code == 200
    summary = summary_of(response)
    assert "« Titre » est à remplir." in summary
    assert "« Introduction » est à remplir." in summary
    assert summary.count("Ajoutez au moins une étape") == 1
    assert "Le nombre minimum" not in response.content.decode()


def test_an_address_taken_by_an_autosaved_draft_is_explained_where_the_trainer_looks(signed_in, create_url, module):
    draft = TutorialPageFactory(parent=module, title="Payer ses impôts", slug="payer-ses-impots", live=False)

    response = signed_in.post(create_url, blank_tutorial(title="Payer ses impôts", slug="payer-ses-impots"))

    summary = summary_of(response)
    assert "a déjà l'adresse « payer-ses-impots »" in summary
    assert "onglet « Promotion »" in summary
    assert reverse("wagtailadmin_pages:edit", args=[draft.pk]) in summary


def test_a_form_without_errors_shows_no_summary(signed_in, tutorial):
    response = signed_in.get(reverse("wagtailadmin_pages:edit", args=[tutorial.pk]))

    assert "data-pasapas-error-summary" not in response.content.decode()


def test_no_step_is_one_clear_error_and_a_draft_may_still_have_none():
    block = StepsBlock(required=True)
    with pytest.raises(Exception) as error:
        block.clean(block.to_python([]))
    assert error.value.as_json_data() == {"messages": [NO_STEP_MESSAGE]}

    # As Wagtail saves a draft: deferred, then restored (child blocks are shared by every instance of a block).
    assert list(block.clean_deferred(block.to_python([]))) == []

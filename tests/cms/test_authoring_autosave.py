"""An autosave request only ever saves a draft: one carrying a workflow action or a publish is refused
(cms.wagtail_hooks), so a reviewer's « Approuver et publier » runs once, from the editor's own request."""

from django.urls import reverse

import pytest

from learning.models import TutorialPage

AUTOSAVE = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def in_review(tutorial, trainer):
    tutorial.save_revision(user=trainer)
    tutorial.get_workflow().start(tutorial, trainer)
    return tutorial


@pytest.mark.filterwarnings("ignore:get_connection:django.utils.deprecation.RemovedInDjango2028Warning")
@pytest.mark.parametrize(
    "fields",
    [
        {"action-workflow-action": "true", "workflow-action-name": "approve"},
        {"workflow-action-name": "approve"},
        {"action-publish": "Publier"},
        {"action-submit": "Soumettre"},
    ],
)
def test_an_autosave_carrying_an_action_is_refused_and_changes_nothing(client, reviewer, in_review, fields):
    client.force_login(reviewer)
    revisions = in_review.revisions.count()

    response = client.post(reverse("wagtailadmin_pages:edit", args=[in_review.pk]), fields, **AUTOSAVE)

    assert response.status_code == 400
    assert response.json()["success"] is False
    assert response.json()["error_code"] == "invalid_revision"
    page = TutorialPage.objects.get(pk=in_review.pk)
    assert page.current_workflow_task is not None
    assert page.revisions.count() == revisions


def test_an_autosave_on_the_create_view_carrying_an_action_is_refused(client, trainer, module):
    client.force_login(trainer)
    url = reverse("wagtailadmin_pages:add", args=["learning", "tutorialpage", module.pk])

    response = client.post(url, {"title": "Nouveau", "action-submit": "Soumettre"}, **AUTOSAVE)

    assert response.status_code == 400
    assert not TutorialPage.objects.filter(title="Nouveau").exists()


def test_the_editor_loads_the_script_that_stops_autosave_once_the_form_is_sent(client, trainer, tutorial):
    client.force_login(trainer)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[tutorial.pk]))

    assert "js/editor_autosave.js" in response.text

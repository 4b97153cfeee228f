"""The trainers' loop in Wagtail's editor, autosave on (Wagtail's default): a trainer writes a tutorial, sees it in the
preview panel with its checks, submits it; a reviewer approves it from the editor, another from the dashboard; both
are live, in the catalogue and found by search (issue 13)."""

import re

from django.conf import settings

from wagtail.models import Page

import pytest
from playwright.sync_api import expect

from learning.models import TutorialPage
from tests.learning.factories import TutorialPageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # Wagtail 8 sends its moderation emails through Django's get_connection(), deprecated by Django 6.1's mailers.
    pytest.mark.filterwarnings("ignore:get_connection:django.utils.deprecation.RemovedInDjango2028Warning"),
]


APPROVE = re.compile(r"^\s*Approuver( et publier)?\s*$", re.IGNORECASE)


def write_tutorial(page, module, *, title, intro, step_title, instruction):
    page.goto(f"/admin/pages/add/learning/tutorialpage/{module.pk}/")
    page.get_by_placeholder("Titre de la page*").fill(title)
    page.locator("#id_intro").fill(intro)
    steps = page.locator("#panel-child-contenu-steps-section")
    steps.get_by_role("button", name="Ajouter ici").first.click()
    steps.get_by_role("textbox", name="Titre de l'étape").fill(step_title)
    steps.locator(".DraftEditor-root").first.click()
    page.keyboard.type(instruction)


def open_actions_menu(page):
    page.locator("footer .w-dropdown__toggle").click()


def autosaves_with_an_action(requests):
    return [
        request
        for request in requests
        if request.method == "POST"
        and "application/json" in (request.headers.get("accept") or "")
        and re.search(r"name=\"(action-workflow-action|workflow-action-name)\"", request.post_data or "")
    ]


@pytest.fixture
def submitted_tutorial(module, trainer):
    """A tutorial the trainer wrote earlier and submitted for review: it waits in the reviewer's dashboard."""
    tutorial = TutorialPageFactory(
        parent=module, title="Mettre à jour sa carte Vitale", slug="carte-vitale", live=False
    )
    revision = tutorial.save_revision(user=trainer)
    tutorial.get_workflow().start(tutorial, trainer)
    assert revision.pk == TutorialPage.objects.get(pk=tutorial.pk).latest_revision_id
    return tutorial


def test_a_tutorial_goes_from_the_trainer_to_residents(page, log_in, trainer, reviewer, module, submitted_tutorial):
    assert getattr(settings, "WAGTAIL_AUTOSAVE_INTERVAL", 500) > 0, "these journeys run with autosave on"
    requests = []
    page.on("request", lambda request: requests.append(request))

    # The trainer writes, previews in the panel, checks, submits.
    log_in(page, trainer)
    write_tutorial(
        page,
        module,
        title="Déclarer un changement d'adresse",
        intro="Prévenir la CAF de votre nouvelle adresse.",
        step_title="Ouvrir le site de la CAF",
        instruction="Tapez caf.fr dans la barre d'adresse.",
    )
    page.get_by_role("button", name="Afficher/masquer la prévisualisation").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", name="Déclarer un changement d'adresse")).to_be_visible()
    expect(preview.get_by_text("Ouvrir le site de la CAF")).to_be_visible()
    page.get_by_role("button", name="Activer/désactiver les vérifications").click()
    expect(page.locator("[data-content-word-count]")).to_have_text(re.compile(r"^\d+$"))
    expect(page.locator("[data-content-readability-score]")).not_to_have_text("-")

    open_actions_menu(page)
    page.get_by_role("button", name=re.compile("^Soumettre à")).click()
    page.get_by_text(re.compile("soumise pour modération")).wait_for()
    written = TutorialPage.objects.get(title="Déclarer un changement d'adresse")
    assert written.current_workflow_task is not None
    assert not written.live

    # The reviewer opens it in the editor, improves a word (autosave saves it) and approves there. The approval's own
    # request is held back two seconds: time enough for autosave to send whatever it would.
    page.context.clear_cookies()
    log_in(page, reviewer)
    page.goto(f"/admin/pages/{written.pk}/edit/")
    page.get_by_role("button", name="Enregistrer le brouillon").wait_for()
    page.wait_for_timeout(2500)  # Wagtail takes the form's first state two seconds after it opens
    page.locator("#id_intro").fill("Prévenir la CAF quand vous changez d'adresse.")
    expect(page.get_by_text("Enregistré", exact=True)).to_be_visible()

    held = []
    page.route(
        f"**/admin/pages/{written.pk}/edit/",
        lambda route: held.append(route) if route.request.is_navigation_request() else route.continue_(),
    )
    open_actions_menu(page)
    page.get_by_role("button", name=APPROVE).click(no_wait_after=True)
    page.wait_for_timeout(2000)
    assert len(held) == 1
    held[0].continue_()
    page.get_by_text("a été mise à jour").or_(page.get_by_text("a été publiée")).first.wait_for()
    page.unroute(f"**/admin/pages/{written.pk}/edit/")
    page.wait_for_timeout(1500)  # anything late would land now

    assert not autosaves_with_an_action(requests)
    written = TutorialPage.objects.get(pk=written.pk)
    assert written.live
    assert not written.has_unpublished_changes
    assert written.intro == "Prévenir la CAF quand vous changez d'adresse."
    assert written.current_workflow_state is None

    # Another one, approved from the dashboard.
    page.goto("/admin/")
    dashboard_item = page.get_by_role("row").filter(has_text="Mettre à jour sa carte Vitale")
    dashboard_item.get_by_role("button", name="Actions").click()
    dashboard_item.get_by_role("button", name=APPROVE).click()
    page.wait_for_url("**/admin/")
    submitted = TutorialPage.objects.get(pk=submitted_tutorial.pk)
    assert submitted.live
    assert not submitted.has_unpublished_changes

    # Residents see both: the module lists them, search finds them.
    page.context.clear_cookies()
    page.goto(Page.objects.get(pk=module.pk).url)
    expect(page.get_by_role("link", name=re.compile("Déclarer un changement d'adresse")).first).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Mettre à jour sa carte Vitale")).first).to_be_visible()
    page.goto(written.url)
    expect(page.get_by_role("heading", name="Déclarer un changement d'adresse")).to_be_visible()
    page.goto("/recherche/?q=adresse")
    expect(page.get_by_role("link", name=re.compile("Déclarer un changement d'adresse"))).to_be_visible()
    page.goto("/recherche/?q=Vitale")
    expect(page.get_by_role("link", name=re.compile("Mettre à jour sa carte Vitale"))).to_be_visible()

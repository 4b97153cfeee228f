"""The tutorial edit form as a trainer opens it (issue 13): blocks start closed, so the form is short and scannable;
every « + » that adds a block says « Ajouter ici »; the video is picked with « Choisir la vidéo… »."""

import uuid

import pytest
from playwright.sync_api import expect

from tests.learning.factories import TutorialPageFactory, step

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

OPEN_CLOSED_BLOCKS = """() => {
    const closed = document.querySelectorAll(
        '#page-edit-form [data-panel-toggle][aria-expanded="false"], '
        + '#page-edit-form .c-sf-block__header[aria-expanded="false"]'
    );
    closed.forEach((toggle) => toggle.click());
    return closed.length;
}"""


def full_step(number):
    return step(
        f"Étape numéro {number}",
        "<p>Cliquez sur le bouton bleu, puis attendez que la page s'ouvre.</p>",
        callouts=[{"kind": "tip", "title": "Astuce", "text": "<p>Prenez votre temps.</p>"}],
        check_question="Où cliquez-vous ?",
        check_options=[{"text": "Sur le bouton bleu", "correct": True}, {"text": "Sur le logo", "correct": False}],
        check_explanation="Le bouton bleu ouvre la page suivante.",
    )


@pytest.fixture
def long_tutorial(module):
    return TutorialPageFactory(
        parent=module,
        title="Un tutoriel complet",
        slug="complet",
        steps=[{"type": "step", "value": full_step(number), "id": str(uuid.uuid4())} for number in range(1, 9)],
    )


def form_height(page):
    return page.evaluate("document.querySelector('#page-edit-form').getBoundingClientRect().height")


def test_the_edit_form_opens_short_with_labelled_add_buttons(page, log_in, trainer, long_tutorial, tmp_path):
    log_in(page, trainer)
    page.goto(f"/admin/pages/{long_tutorial.pk}/edit/")
    steps = page.locator("#panel-child-contenu-steps-section")
    expect(steps.get_by_text("Étape numéro 8")).to_be_visible()
    expect(steps.get_by_role("textbox", name="Titre de l'étape")).to_have_count(0)  # every step starts closed

    add_buttons = page.locator("#page-edit-form .c-sf-add-button")
    expect(add_buttons.first).to_contain_text("Ajouter ici")
    visible = [button for button in add_buttons.all() if button.is_visible()]
    assert len(visible) >= 9  # before, between and after the eight steps
    for button in visible:
        assert button.inner_text().strip() == "Ajouter ici"
        assert button.bounding_box()["width"] > 60  # the word shows beside the sign, not only the « + »

    collapsed = form_height(page)
    page.set_viewport_size({"width": 1280, "height": int(collapsed) + 300})
    page.screenshot(path=tmp_path / "edit-form-collapsed.png", full_page=True)

    opened = 0
    for _ in range(3):  # a step opened shows its callouts and answers, closed in turn
        opened += page.evaluate(OPEN_CLOSED_BLOCKS)
        page.wait_for_timeout(300)
    expanded = form_height(page)
    assert opened >= 8 * 3
    assert collapsed < 2500
    assert collapsed * 3 < expanded, (collapsed, expanded)


def test_the_video_is_picked_with_a_telling_button(page, log_in, trainer, long_tutorial):
    log_in(page, trainer)
    page.goto(f"/admin/pages/{long_tutorial.pk}/edit/")
    media = page.locator("#panel-child-contenu-media-section")
    media.get_by_role("button", name="Ajouter ici").first.click()
    expect(media.get_by_role("button", name="Choisir la vidéo…")).to_be_visible()
    expect(media.get_by_role("button", name="Choisir le fichier de sous-titres…")).to_be_visible()
    expect(media.get_by_text("Choisir un document")).to_have_count(0)

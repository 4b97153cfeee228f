"""A tutorial step on a 320 px phone: the illustration spans the step, its labels are legible; glossary words in a
callout and in « Je vérifie » open their definition in place (issue 12, item 16)."""

import pytest

from demo.learning import upsert_image
from tests.browser.conftest import NARROWEST, assert_no_horizontal_scroll
from tests.cms.test_illustrations import DISPLAYED_WIDTH_AT_320, ILLUSTRATIONS, SMALLEST_LABEL_PX, labels, rendered_px
from tests.learning.factories import GlossaryTermFactory, TutorialPageFactory, step

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def wifi_tutorial(module):
    GlossaryTermFactory(term="box", variants="box internet", definition="Le boîtier qui donne internet chez vous.")
    GlossaryTermFactory(term="réseau", variants="réseaux", definition="Ce qui relie votre appareil à internet.")
    GlossaryTermFactory(term="paramètres", definition="Le menu où l'on règle le téléphone.")
    image = upsert_image("wifi.svg", "Pas à pas — se connecter au wifi")
    return TutorialPageFactory(
        parent=module,
        title="Se connecter au wifi",
        slug="wifi",
        steps=[
            {
                "type": "step",
                "value": step(
                    "Ouvrir les paramètres",
                    "<p>Touchez l'icône en forme de roue.</p>",
                    image=image.pk,
                    image_alt=image.description,
                    callouts=[{"kind": "tip", "title": "", "text": "<p>La clé est sous la box.</p>"}],
                    check_question="Quel réseau choisir ?",
                    check_options=[{"text": "MaBox-1234", "correct": True}, {"text": "Voisin", "correct": False}],
                    check_explanation="Celui écrit sous votre box.",
                ),
                "id": "s1",
            },
        ],
    )


def test_a_step_at_320_px_shows_a_legible_picture_and_opens_glossary_words(browser, live_server, wifi_tutorial):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport=NARROWEST, is_mobile=True)
    try:
        _check_step_at_320(context.new_page(), wifi_tutorial)
    finally:
        context.close()


def _check_step_at_320(page, wifi_tutorial):
    page.goto(wifi_tutorial.url)
    figure = page.locator(".step__figure img")
    figure.scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('.step__figure img').complete")
    width = figure.evaluate("img => img.getBoundingClientRect().width")
    assert width >= DISPLAYED_WIDTH_AT_320 - 0.5, "the picture is narrower than the labels were sized for"
    root, found = labels(ILLUSTRATIONS / "wifi.svg")
    assert min(rendered_px(size, root, width) for _text, size in found) >= SMALLEST_LABEL_PX
    assert figure.evaluate("img => img.naturalWidth") > 0, "the drawing loads"
    assert_no_horizontal_scroll(page)
    page.locator(".step").first.screenshot(path="/tmp/h6-step-320.png")

    # The words: « paramètres » under the title, « box » in the callout, « réseau » in the question.
    assert page.locator(".glossary-words .glossary-term").text_content() == "paramètres"
    assert page.locator(".callout .glossary-term").text_content() == "box"
    question_term = page.locator(".check__legend .glossary-term")
    assert question_term.text_content() == "réseau"
    question_term.click()
    definition = page.locator(f"#{question_term.get_attribute('aria-controls')}")
    assert definition.is_visible() and "relie votre appareil" in definition.text_content()
    assert definition.evaluate("d => d.parentElement.tagName") == "FIELDSET", "shown under the question"
    assert page.get_by_label("Voisin").is_visible()
    assert_no_horizontal_scroll(page)
    page.locator(".step").first.screenshot(path="/tmp/h6-step-320-definition.png")

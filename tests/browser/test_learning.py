import pytest
from playwright.sync_api import expect

from learning import services
from learning.models import ModuleProgress
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll
from tests.learning.factories import GlossaryTermFactory, TutorialPageFactory, step

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def content(module, catalogue):
    GlossaryTermFactory(term="carte Vitale", definition="La carte verte de l'Assurance Maladie, avec votre photo.")
    tutorial = TutorialPageFactory(
        parent=module,
        title="Créer le compte",
        slug="creer-le-compte",
        checklist=[{"type": "item", "value": {"kind": "document", "text": "Votre carte Vitale"}, "id": "c1"}],
        steps=[
            {
                "type": "step",
                "value": step(
                    "Ouvrir le site",
                    "<p>Prenez votre carte Vitale et ouvrez ameli.fr.</p>",
                    callouts=[{"kind": "scam", "title": "Faux sites", "text": "<p>Vérifiez l'adresse.</p>"}],
                    check_question="Quelle adresse taper ?",
                    check_options=[
                        {"text": "ameli.fr", "correct": True},
                        {"text": "ameli-remboursement.com", "correct": False},
                    ],
                    check_explanation="Le seul site officiel est ameli.fr.",
                ),
                "id": "etape-a",
            },
            {"type": "step", "value": step("Cliquer sur Créer mon compte"), "id": "etape-b"},
            {"type": "step", "value": step("Saisir son numéro"), "id": "etape-c"},
        ],
    )
    return tutorial


def test_anonymous_visitor_follows_a_tutorial_signs_up_and_finishes_it(mobile_page, content, module):
    page = mobile_page
    page.goto(content.url)
    assert page.get_by_text("Étape 1 sur 3").is_visible()
    expect(page.get_by_text("Étape 2 sur 3")).to_be_hidden()  # once tutorial.js has run (deferred)
    assert_no_horizontal_scroll(page)

    page.get_by_role("button", name="J'ai fait cette étape").first.click()
    page.get_by_text("Étape 2 sur 3").wait_for(state="visible")
    expect(page.get_by_text("Étape 1 sur 3")).to_be_hidden()
    assert page.evaluate("document.activeElement.classList.contains('step__title')")

    page.get_by_role("link", name="Créer un compte").click()
    page.get_by_label("Identifiant", exact=True).fill("Yasmina")
    page.get_by_label("Mot de passe", exact=True).fill("un-mot-de-passe-long")
    page.get_by_label("Mot de passe (à nouveau)").fill("un-mot-de-passe-long")
    page.get_by_role("button", name="Créer mon compte").click()
    page.get_by_text("Bonjour, Yasmina").wait_for()

    page.goto(content.url)
    page.get_by_text("Étape 2 sur 3").wait_for(state="visible")
    for _ in range(2):
        page.locator("[data-step]:not([hidden])").get_by_role("button", name="J'ai fait cette étape").click()
    page.get_by_text("Bravo, vous avez fini ce tutoriel !").wait_for(state="visible")
    assert ModuleProgress.objects.get(user__username="Yasmina").percent == 100

    page.goto("/mon-parcours/")
    assert page.get_by_text("Créer son compte ameli").is_visible()
    assert page.get_by_text("Modules terminés").is_visible()
    assert_accessible(page)


def test_glossary_definition_opens_by_keyboard_alone(page, content):
    page.goto(content.url)
    term = page.locator(".glossary-term[role=button]").first
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('glossary-term')"):
            break
    assert page.evaluate("document.activeElement.textContent") == "carte Vitale"
    assert term.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert term.get_attribute("aria-expanded") == "true"
    definition = page.locator(f"#{term.get_attribute('aria-controls')}")
    assert definition.is_visible()
    assert "La carte verte" in definition.text_content()
    page.keyboard.press("Escape")
    assert not definition.is_visible()


def test_listen_button_and_je_verifie(page, content):
    page.goto(content.url)
    listen = page.locator("[data-listen]").first
    if page.evaluate("'speechSynthesis' in window"):
        assert listen.is_visible()
        assert listen.text_content().strip() == "Écouter"
    else:
        assert not listen.is_visible()
    page.get_by_label("ameli-remboursement.com").check()
    page.get_by_role("button", name="Vérifier ma réponse").click()
    assert "La bonne réponse est : ameli.fr" in page.locator("[data-check-feedback]").text_content()


def test_without_javascript_every_step_shows_and_forms_post(browser, live_server, content):
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport={"width": 360, "height": 740}
    )
    page = context.new_page()
    page.goto(content.url)
    for number in (1, 2, 3):
        assert page.get_by_text(f"Étape {number} sur 3").is_visible()
    page.get_by_role("button", name="J'ai fait cette étape").first.click()
    page.wait_for_url("**#etape-2")
    assert page.get_by_text("Étape faite").is_visible()
    context.close()


@pytest.mark.parametrize(
    "which", ["catalogue", "module", "tutorial", "tutorial-done", "print", "glossary", "search", "my-path"]
)
def test_learning_pages_have_no_serious_accessibility_violation(
    page, log_in, resident, content, module, catalogue, which
):
    if which in {"tutorial-done", "my-path"}:
        log_in(page, resident)
        services.record_step(user=resident, tutorial=content, step_id="etape-a")
    urls = {
        "catalogue": catalogue.url,
        "module": module.url,
        "tutorial": content.url,
        "tutorial-done": content.url,
        "print": content.url + "imprimer/",
        "glossary": "/glossaire/",
        "search": "/recherche/?q=compte",
        "my-path": "/mon-parcours/",
    }
    page.goto(urls[which])
    assert_accessible(page)

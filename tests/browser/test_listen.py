"""« Écouter » as a person meets it: heard in French, or told plainly why not; focus after a step is done."""

import re
import time

import pytest
from playwright.sync_api import expect

from assessments.models import Competence
from tests.assessments.factories import DiagnosticPageFactory, QuizPageFactory
from tests.browser.conftest import NARROWEST, assert_accessible, assert_no_horizontal_scroll
from tests.learning.factories import ModulePageFactory, TutorialPageFactory, step

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NO_VOICE_NOTE = "Pas de voix française sur cet appareil. Demandez à la personne qui vous accompagne de lire avec vous."

# A French voice that records what it is asked to say: each utterance's text, in order, then « end » as a real voice.
FAKE_FRENCH_VOICE = """
(() => {
  const spoken = [];
  window.__spoken = spoken;
  class FakeUtterance {
    constructor(text) { this.text = text; this.lang = ""; this.voice = null; this.onend = null; this.onerror = null; }
  }
  const voice = { lang: "fr-FR", name: "Voix de test", default: true, localService: true, voiceURI: "test" };
  const synth = {
    speaking: false,
    pending: false,
    getVoices() { return [voice]; },
    speak(utterance) {
      spoken.push(utterance.text);
      setTimeout(() => { if (utterance.onend) utterance.onend({ type: "end" }); }, 5);
    },
    cancel() {},
    pause() {},
    resume() {},
    addEventListener() {},
    removeEventListener() {},
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  Object.defineProperty(window, "SpeechSynthesisUtterance", { value: FakeUtterance, configurable: true });
})();
"""


@pytest.fixture
def tutorial(module):
    return TutorialPageFactory(
        parent=module,
        title="Créer le compte",
        slug="creer-le-compte",
        checklist=[
            {"type": "item", "value": {"kind": "document", "text": "Votre carte Vitale"}, "id": "c1"},
            {"type": "item", "value": {"kind": "equipment", "text": "Un téléphone chargé"}, "id": "c2"},
        ],
        steps=[
            {
                "type": "step",
                "value": step(
                    "Ouvrir le site",
                    "<p>Ouvrez le navigateur</p><p>Tapez ameli.fr en haut</p>",
                    callouts=[
                        {"kind": "scam", "title": "Faux sites", "text": "<p>Vérifiez bien l'adresse</p>"},
                        {"kind": "tip", "title": "", "text": "<p>Gardez la page ouverte</p>"},
                        {"kind": "warning", "title": "Code secret", "text": "<p>Ne donnez jamais votre code</p>"},
                    ],
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


@pytest.fixture
def quiz(module):
    return QuizPageFactory(parent=module, title="Vérifier ses acquis", slug="quiz", shuffle_options=False)


def watch_errors(page):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def listen_to(page, scope):
    """Click « Écouter » in `scope` and return what the fake voice said, once it has finished."""
    page.evaluate("window.__spoken.length = 0")
    button = scope.locator("[data-listen]").first
    button.click()
    # Polled from here: wait_for_function evaluates strings, which the page's CSP (no 'unsafe-eval') refuses.
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if button.get_attribute("aria-pressed") == "false" and page.evaluate("window.__spoken.length") > 0:
            return page.evaluate("window.__spoken.slice()")
        time.sleep(0.05)
    raise AssertionError(f"the reading never ended: {page.evaluate('window.__spoken.slice()')}")


def assert_paused(spoken):
    """Every part is its own utterance and ends like a sentence: a voice pauses between them."""
    for text in spoken:
        assert re.search(r"[.!?:;…»)]$", text), f"no pause after {text!r}"
        assert "Écouter" not in text and "Arrêter la lecture" not in text


def test_without_a_french_voice_the_button_says_so_and_a_note_asks_for_help(page, tutorial):
    errors = watch_errors(page)
    page.goto(tutorial.url)
    assert page.evaluate("speechSynthesis.getVoices().length") == 0  # headless Chromium has no voice at all
    button = page.locator("#etape-1 [data-listen]")
    assert button.is_visible()
    button.click()

    note = page.locator("#etape-1 [data-listen-note]")
    note.get_by_text(NO_VOICE_NOTE).wait_for(state="visible")
    assert note.get_attribute("role") == "status"  # a polite live region, there before the text came
    assert button.get_attribute("aria-disabled") == "true"
    assert button.get_attribute("aria-pressed") == "false"
    assert "pas de voix" in button.inner_text()

    # Another button on the page, by keyboard: told at once, no new failure needed (a button marked aria-disabled
    # still answers, to say why).
    page.locator(".checklist [data-listen]").focus()
    page.keyboard.press("Enter")
    page.locator(".checklist [data-listen-note]").get_by_text(NO_VOICE_NOTE).wait_for(state="visible")
    page.screenshot(path="/tmp/h2-no-voice.png")
    assert_accessible(page)
    assert errors == []


def test_the_note_fits_a_320_px_phone(mobile_page, tutorial):
    page = mobile_page
    page.set_viewport_size(NARROWEST)
    page.goto(tutorial.url)
    page.locator("#etape-1 [data-listen]").click()
    page.locator("#etape-1 [data-listen-note]").get_by_text(NO_VOICE_NOTE).wait_for(state="visible")
    assert_no_horizontal_scroll(page)
    page.locator("#etape-1").screenshot(path="/tmp/h2-no-voice-320.png")


def test_without_speech_synthesis_or_javascript_there_is_no_button(browser, live_server, page, tutorial):
    page.add_init_script("delete window.speechSynthesis; delete Window.prototype.speechSynthesis;")
    page.goto(tutorial.url)
    assert page.locator("[data-listen]").count() > 0
    assert not page.locator("[data-listen]").first.is_visible()

    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    plain = context.new_page()
    plain.goto(tutorial.url)
    assert not plain.locator("[data-listen]").first.is_visible()
    context.close()


def test_a_french_voice_reads_the_checklist_callouts_and_je_verifie_with_pauses(page, tutorial):
    errors = watch_errors(page)
    page.add_init_script(FAKE_FRENCH_VOICE)
    page.goto(tutorial.url)

    checklist = listen_to(page, page.locator(".checklist"))
    assert "Avant de commencer." in checklist
    assert "Document : Votre carte Vitale." in checklist
    assert "Équipement : Un téléphone chargé." in checklist

    spoken = listen_to(page, page.locator("#etape-1"))
    assert spoken[:4] == ["Étape 1 sur 3.", "Ouvrir le site.", "Ouvrez le navigateur.", "Tapez ameli.fr en haut."]
    for expected in (
        "Alerte arnaque.",
        "Faux sites.",
        "Vérifiez bien l'adresse.",
        "Astuce.",
        "Gardez la page ouverte.",
        "Attention.",
        "Code secret.",
        "Ne donnez jamais votre code.",
        "Je vérifie.",
        "Quelle adresse taper ?",
        "Réponse : ameli.fr.",
        "Réponse : ameli-remboursement.com.",
    ):
        assert expected in spoken, f"{expected!r} not read: {spoken}"
    # In reading order: the scam alert before the tip, the question before its options.
    assert spoken.index("Alerte arnaque.") < spoken.index("Astuce.") < spoken.index("Attention.")
    assert spoken.index("Je vérifie.") < spoken.index("Réponse : ameli.fr.")
    # The hidden answer and the controls are not read.
    assert not any("Le seul site officiel" in text for text in spoken)
    assert not any("J'ai fait cette étape" in text or "Vérifier ma réponse" in text for text in spoken)
    assert_paused(spoken)
    assert errors == []


def test_a_french_voice_reads_every_kind_of_quiz_option_and_the_results(page, quiz):
    errors = watch_errors(page)
    page.add_init_script(FAKE_FRENCH_VOICE)
    page.goto(quiz.url)

    true_false = listen_to(page, page.locator("#question-3"))
    assert true_false[0] == "Question 3 sur 6."
    assert "La CAF peut vous demander votre code de carte bancaire par SMS." in true_false
    assert "Réponse : Vrai." in true_false and "Réponse : Faux." in true_false

    matching = listen_to(page, page.locator("#question-5"))
    assert "Associez chaque organisme à sa démarche." in matching
    assert "CAF." in matching and "ANTS." in matching and "La Poste." in matching
    assert "Choix possibles : Déclarer ses ressources ; Carte d'identité ; Suivre un colis." in matching

    page.locator("#q-q-order-0").select_option(label="Ouvrir le navigateur")
    ordering = listen_to(page, page.locator("#question-6"))
    for expected in ("Ouvrir le navigateur.", "Taper l'adresse.", "Se connecter.", "Étape n° 1."):
        assert expected in ordering, f"{expected!r} not read: {ordering}"
    assert "Votre choix : Ouvrir le navigateur." in ordering
    for spoken in (true_false, matching, ordering):
        assert_paused(spoken)

    page.once("dialog", lambda dialog: dialog.accept())  # « … questions n'ont pas de réponse » : yes, finish
    page.get_by_role("button", name="Voir mon résultat").click()
    page.get_by_text("Ce résultat n'est pas gardé").wait_for()
    summary = listen_to(page, page.locator(".result-summary"))
    assert "0 % de bonnes réponses." in summary
    result = listen_to(page, page.locator(".result-item").nth(2))
    assert "La CAF peut vous demander votre code de carte bancaire par SMS." in result
    assert any("Pas de réponse" in text for text in result)
    assert_paused(summary + result)
    assert errors == []


def test_after_a_step_is_marked_done_by_keyboard_focus_goes_to_the_next_step(page, tutorial):
    page.goto(tutorial.url)
    page.locator("#etape-1 .step__title").focus()
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate('document.activeElement.textContent.trim() === "J\'ai fait cette étape"'):
            break
    assert page.evaluate("document.activeElement.closest('[data-step]').id") == "etape-1"
    page.keyboard.press("Enter")
    page.locator("#etape-1").get_by_text("Étape faite").wait_for()
    expect(page.locator("#etape-2 .step__title")).to_be_focused()

    for number in (2, 3):
        page.locator(f"#etape-{number}").get_by_role("button", name="J'ai fait cette étape").focus()
        page.keyboard.press("Enter")
        page.locator(f"#etape-{number}").get_by_text("Étape faite").wait_for()
    # The last one: the end of the tutorial, which says it is done.
    expect(page.locator("#fin")).to_be_focused()
    assert "Bravo, vous avez fini ce tutoriel !" in page.evaluate("document.activeElement.textContent")
    page.screenshot(path="/tmp/h2-focus-end.png")


@pytest.fixture
def diagnostic(home_page, catalogue):
    module = ModulePageFactory(parent=catalogue, title="Se protéger en ligne", level="debutant")
    module.competences.set([Competence.objects.get(code="4.1")])
    module.save_revision().publish()
    return DiagnosticPageFactory(parent=home_page)


def test_a_french_voice_reads_the_diagnostic_options_and_its_result(page, diagnostic):
    errors = watch_errors(page)
    page.add_init_script(FAKE_FRENCH_VOICE)
    page.goto(diagnostic.url)
    with page.expect_navigation():
        page.locator("form[action$='commencer/'] button").click()
    equipment = listen_to(page, page.locator("form.diagnostic"))
    assert "Quels appareils avez-vous ?" in equipment
    for option in ("Un ordinateur", "Un smartphone", "Aucun"):
        assert f"Réponse : {option}." in equipment
    assert_paused(equipment)

    heard_a_competence = False
    for _ in range(40):
        if "/resultat/" in page.url:
            break
        if page.locator("button[name=je_ne_sais_pas]").count():
            if not heard_a_competence:
                competence = listen_to(page, page.locator("form.diagnostic"))
                assert "Réponse : Vrai." in competence and "Réponse : Faux." in competence
                assert any(text.startswith("Affirmation") for text in competence)
                heard_a_competence = True
            with page.expect_navigation():
                page.locator("button[name=je_ne_sais_pas]").click()
        else:
            page.locator("form.diagnostic input[type=radio], form.diagnostic input[type=checkbox]").first.check()
            with page.expect_navigation():
                page.get_by_role("button", name="Continuer").click()
    assert heard_a_competence and "/resultat/" in page.url

    learn = listen_to(page, page.locator("section[aria-labelledby=learn-title]"))
    assert learn[0] == "Ce que vous pouvez apprendre."
    assert len(learn) > 1
    assert_paused(learn)
    assert not any("Commencer" in text and ":" in text for text in learn)  # the visually hidden part is not read
    assert errors == []

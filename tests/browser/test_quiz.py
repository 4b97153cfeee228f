import pytest
from playwright.sync_api import expect

from assessments.models import QuizAttempt
from tests.assessments.factories import QuizPageFactory
from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def quiz(module):
    return QuizPageFactory(parent=module, title="Vérifier ses acquis", slug="quiz", shuffle_options=False)


def tab_to(page, selector, limit=250):
    """Press Tab until the focused element matches `selector`: the keyboard is the only input."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def choose_in_select(page, selector, text):
    tab_to(page, selector)
    for _ in range(10):
        if page.evaluate("(s) => document.querySelector(s).selectedOptions[0].textContent", selector) == text:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"{text} not found in {selector}")


def answer_everything_by_keyboard(page, *, wrong):
    tab_to(page, "#q-q-single-0" if wrong else "input[name=q-q-single]")
    page.keyboard.press("Space")
    tab_to(page, "#q-q-multiple-0")
    page.keyboard.press("Space")
    tab_to(page, "#q-q-multiple-2")
    page.keyboard.press("Space")
    tab_to(page, "#q-q-tf-vrai")
    page.keyboard.press("Space")
    tab_to(page, "#q-q-short")
    page.keyboard.type("France connect")
    for index, text in enumerate(["Déclarer ses ressources", "Carte d'identité", "Suivre un colis"]):
        choose_in_select(page, f"#q-q-match-{index}", text)
    for index, text in enumerate(["Ouvrir le navigateur", "Taper l'adresse", "Se connecter"]):
        choose_in_select(page, f"#q-q-order-{index}", text)
    tab_to(page, "button[name=terminer]")
    page.keyboard.press("Enter")


def test_resident_fails_reviews_mistakes_by_keyboard_and_passes(page, log_in, resident, quiz, module):
    log_in(page, resident)
    page.goto(quiz.url)
    tab_to(page, "form[action$='commencer/'] button")
    page.keyboard.press("Enter")
    page.get_by_text("Question 1 sur 6").wait_for()
    assert_accessible(page)
    answer_everything_by_keyboard(page, wrong=True)

    page.get_by_text("Pas encore réussi").wait_for()
    assert "67 % de bonnes réponses" in page.content()
    assert_accessible(page)
    tab_to(page, "form:has(input[name=erreurs]) button")
    page.keyboard.press("Enter")

    page.get_by_text("Question 2 sur 2").wait_for()
    tab_to(page, "input[name=q-q-single]")
    page.keyboard.press("ArrowDown")  # from the first option to "ameli.fr"
    tab_to(page, "input[name=q-q-tf]")
    page.keyboard.press("ArrowDown")  # from « Vrai » to « Faux »
    tab_to(page, "button[name=terminer]")
    page.keyboard.press("Enter")

    page.get_by_text("Bravo, quiz réussi !").wait_for()
    assert QuizAttempt.objects.filter(passed=True).count() == 1
    page.goto(module.url)
    assert page.locator(".module-item", has_text="Vérifier ses acquis").locator(".status").text_content() == "Terminé"


def test_one_question_per_screen_on_a_phone_and_answers_kept(mobile_page, log_in, resident, quiz):
    page = mobile_page
    log_in(page, resident)
    page.goto(quiz.url)
    page.get_by_role("button", name="Commencer le quiz").click()
    page.get_by_text("Question 1 sur 6").wait_for()
    expect(page.get_by_text("Question 2 sur 6")).to_be_hidden()  # once quiz.js has run (deferred)
    page.get_by_label("ameli.fr", exact=True).check()
    page.get_by_text("Réponse enregistrée.").wait_for()
    page.get_by_role("button", name="Question suivante").first.click()
    expect(page.get_by_text("Question 2 sur 6")).to_be_visible()
    page.reload()
    assert page.get_by_label("ameli.fr", exact=True).is_checked()


def test_anonymous_trial_is_accessible(page, quiz):
    page.goto(quiz.url)
    assert_accessible(page)
    page.once("dialog", lambda dialog: dialog.accept())  # every answer is blank: « Terminer » asks first
    page.get_by_role("button", name="Voir mon résultat").click()
    page.get_by_text("Ce résultat n'est pas gardé").wait_for()
    assert_accessible(page)


def test_gift_import_admin_view_is_accessible(page, log_in, trainer, module):
    log_in(page, trainer)
    page.goto("/admin/quiz/importer-gift/")
    page.get_by_role("heading", name="Importer un quiz (GIFT)").wait_for()
    assert_accessible(page)

"""Quiz on a phone and without JavaScript, and its results, as a person meets them in Chromium."""

import pytest
from playwright.sync_api import expect

from followup.models import Assignment
from learning import services
from tests.assessments.factories import QuizPageFactory
from tests.browser.conftest import MOBILE, assert_no_horizontal_scroll
from tests.learning.factories import ModulePageFactory, TutorialPageFactory, step

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Every visible button must do something without JavaScript: a submit button of a form (a link is an <a>).
DEAD_BUTTONS = """() => Array.from(document.querySelectorAll("button, [role=button], input[type=button]"))
  .filter((el) => el.offsetParent !== null || el.getClientRects().length > 0)
  .filter((el) => !(el.form && (el.type === "submit")))
  .map((el) => el.outerHTML.slice(0, 160))"""


@pytest.fixture
def quiz(module):
    return QuizPageFactory(parent=module, title="Vérifier ses acquis", slug="quiz", shuffle_options=False)


@pytest.fixture
def tutorial_to_reread(module):
    check = step(
        "Ouvrir le site",
        check_question="Où cliquer ?",
        check_options=[{"text": "Ici", "correct": True}, {"text": "Là", "correct": False}],
        check_explanation="C'est le bouton bleu.",
    )
    return TutorialPageFactory(
        parent=module,
        title="Reconnaître un vrai site",
        slug="vrai-site",
        steps=[{"type": "step", "value": check, "id": "s-check"}],
    )


def start_quiz(page, quiz):
    page.goto(quiz.url)
    page.locator("form[action$='commencer/'] button").first.click()
    page.get_by_text("Question 1 sur 6").first.wait_for()


def test_on_a_phone_terminer_waits_for_the_last_question_and_asks_before_sending_blanks(
    mobile_page, log_in, resident, quiz, tutorial_to_reread
):
    page = mobile_page
    log_in(page, resident)
    start_quiz(page, quiz)
    finish = page.get_by_role("button", name="Terminer et voir mon résultat")
    expect(finish).to_be_hidden()  # once quiz.js has run: the page's text shows before the deferred script does
    page.locator("input[name=q-q-single]").nth(0).check()  # a wrong answer; the rest left blank
    for _ in range(5):
        page.get_by_role("button", name="Question suivante").locator("visible=true").click()
    assert finish.is_visible()
    messages = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.dismiss()))
    finish.click()
    assert messages and "5 questions n'ont pas de réponse" in messages[0]
    assert "/essais/" in page.url or page.get_by_text("Question 6 sur 6").is_visible()
    page.once("dialog", lambda dialog: dialog.accept())
    finish.click()
    page.get_by_role("heading", name="Question par question").wait_for()
    assert page.get_by_text("Votre réponse : ameli-remboursement.com").is_visible()
    assert page.get_by_text("Pas de réponse").first.is_visible()
    link = page.get_by_role("link", name="Reconnaître un vrai site")
    assert link.is_visible()
    assert_no_horizontal_scroll(page)
    page.screenshot(path="/tmp/h5-results-360.png", full_page=True)
    link.click()
    page.get_by_role("heading", name="Reconnaître un vrai site", level=1).wait_for()


def test_without_javascript_no_visible_button_does_nothing(
    browser, live_server, log_in, resident, quiz, tutorial_to_reread
):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport=MOBILE, java_script_enabled=False)
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        log_in(page, resident)
        pages = {
            "tutorial": tutorial_to_reread.url,
            "print": tutorial_to_reread.url + tutorial_to_reread.reverse_subpage("print"),
            "quiz": quiz.url,
        }
        for name, url in pages.items():
            page.goto(url)
            assert page.evaluate(DEAD_BUTTONS) == [], name
        page.locator("form[action$='commencer/'] button").first.click()
        page.get_by_text("Question 6 sur 6").wait_for()
        assert page.evaluate(DEAD_BUTTONS) == [], "attempt"
        assert page.get_by_role("button", name="Terminer et voir mon résultat").is_visible()
        page.locator("input[name=q-q-single]").nth(1).check()
        page.get_by_role("button", name="Terminer et voir mon résultat").click()
        page.get_by_role("heading", name="Question par question").wait_for()
        assert page.evaluate(DEAD_BUTTONS) == [], "results"
        assert page.get_by_text("Votre réponse : ameli.fr").is_visible()
    finally:
        context.close()


def test_mon_parcours_reprendre_opens_the_tutorial_in_progress_at_its_next_step(
    mobile_page, log_in, resident, structure, module, catalogue
):
    """Mon parcours is checked here too: the same resident journey back to learning, on a phone."""
    TutorialPageFactory(parent=module, title="Jamais ouvert", slug="jamais")
    started = TutorialPageFactory(parent=module, title="Commencé", slug="commence")
    services.record_step(user=resident, tutorial=started, step_id=started.step_ids[0])
    assigned = ModulePageFactory(parent=catalogue, title="Le courriel", slug="courriel")
    TutorialPageFactory(parent=assigned, title="Créer une adresse", slug="adresse")
    Assignment.objects.create(module=assigned, resident=resident, structure=structure)
    page = mobile_page
    log_in(page, resident)
    page.goto("/")
    page.get_by_role("link", name="Reprendre : Commencé").wait_for()
    page.goto("/mon-parcours/")
    assert page.get_by_role("link", name="Commencer : Créer une adresse").is_visible()
    assert page.get_by_text("Vous n'avez pas de module en cours").count() == 0
    assert (
        page.evaluate(
            "() => { const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);"
            " return ids.length - new Set(ids).size; }"
        )
        == 0
    )
    assert_no_horizontal_scroll(page)
    page.screenshot(path="/tmp/h5-my-path-360.png", full_page=True)
    page.get_by_role("link", name="Reprendre : Commencé").click()
    page.wait_for_url(f"**{started.url}#etape-2")
    assert page.locator("#etape-2").is_visible()

"""A shared computer keeps nothing of the previous person, and the password sign-in works by keyboard alone."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import MOBILE, assert_accessible
from tests.learning.factories import TutorialPageFactory, step

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def tutorial(module):
    return TutorialPageFactory(
        parent=module,
        title="Créer le compte",
        slug="creer-le-compte",
        steps=[
            {"type": "step", "value": step("Ouvrir le site"), "id": "etape-a"},
            {"type": "step", "value": step("Cliquer sur Créer mon compte"), "id": "etape-b"},
            {"type": "step", "value": step("Saisir son numéro"), "id": "etape-c"},
        ],
    )


def close_browser(browser, context, live_server):
    """What a browser restart keeps: cookies with a date. Session cookies (expires == -1) are gone."""
    state = context.storage_state()
    context.close()
    kept = [cookie for cookie in state["cookies"] if cookie["expires"] != -1]
    state = {"cookies": kept, "origins": state["origins"]}
    fresh = browser.new_context(
        base_url=live_server.url, locale="fr-FR", viewport=MOBILE, is_mobile=True, storage_state=state
    )
    fresh.set_default_timeout(10_000)
    return fresh, state


def test_the_next_person_on_a_shared_computer_sees_nothing_of_the_previous_one(browser, live_server, tutorial):
    # One step at a time on a phone-sized screen: « Étape 2 sur 3 » shows only when step 1 is done.
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport=MOBILE, is_mobile=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(tutorial.url)
    page.get_by_role("button", name="J'ai fait cette étape").first.click()
    page.get_by_text("Étape 2 sur 3").wait_for(state="visible")
    page.goto(tutorial.url)  # the progress is really kept for this person
    page.get_by_text("Étape 2 sur 3").wait_for(state="visible")
    assert page.get_by_text("Étape faite").count() >= 1
    page.screenshot(path="/tmp/h3-before-close.png")
    session_cookies = [c for c in context.storage_state()["cookies"] if c["name"] == "sessionid"]
    assert session_cookies and all(c["expires"] == -1 for c in session_cookies), session_cookies

    fresh, state = close_browser(browser, context, live_server)
    assert not [c for c in state["cookies"] if c["name"] == "sessionid"]
    page = fresh.new_page()
    page.goto(tutorial.url)
    assert page.get_by_text("Étape 1 sur 3").is_visible()
    expect(page.get_by_text("Étape 2 sur 3")).to_be_hidden()  # once tutorial.js has run (deferred)
    assert page.get_by_text("Étape faite").count() == 0
    page.screenshot(path="/tmp/h3-after-close.png")
    fresh.close()


def test_keyboard_only_sign_in_with_a_password(page, resident, password, home_page):
    page.goto("/comptes/login/")
    page.get_by_label("Identifiant ou adresse électronique").focus()
    page.keyboard.type(resident.username)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "password"
    page.keyboard.type(password)
    page.screenshot(path="/tmp/h3-login.png", full_page=True)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/password/reset/" not in page.url
    page.get_by_text("Bonjour,").first.wait_for()
    assert "/comptes/login/" not in page.url


def test_sign_in_and_sign_up_pages_are_accessible(page, home_page):
    page.goto("/comptes/login/")
    assert_accessible(page)
    page.goto("/comptes/signup/")
    page.get_by_label("Identifiant", exact=True).fill("Amina Diallo")
    page.get_by_label("Mot de passe", exact=True).fill("un-mot-de-passe-long")
    page.get_by_label("Mot de passe (à nouveau)").fill("un-mot-de-passe-long")
    page.get_by_role("button", name="Créer mon compte").click()
    page.get_by_text("Écrivez par exemple Amina.Diallo.").wait_for()
    page.screenshot(path="/tmp/h3-signup.png", full_page=True)
    assert_accessible(page)


def test_a_professional_finds_double_authentication_in_my_account(mobile_page, log_in, agent, home_page):
    page = mobile_page
    log_in(page, agent)
    page.goto("/")
    page.get_by_text("Menu", exact=True).click()
    page.get_by_role("link", name="Mon compte").click()
    page.get_by_role("heading", name="Double authentification").wait_for()
    assert_accessible(page)
    page.screenshot(path="/tmp/h3-pro-account.png", full_page=True)
    page.get_by_role("link", name="Activer la double authentification").click()
    assert "reauthenticate" in page.url or "/comptes/2fa/" in page.url
    page.screenshot(path="/tmp/h3-pro-mfa.png", full_page=True)

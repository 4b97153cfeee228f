"""Login cards and shared-computer sessions in a real browser."""

import time

import pytest

from accounts import cards
from accounts.cards import create_resident
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def card_resident(home_page):
    resident = create_resident(display_name="Chantal Martin")
    return resident, cards.issue_card(resident=resident)


def test_resident_signs_in_with_username_and_code_on_a_small_screen(mobile_page, card_resident):
    page = mobile_page
    resident, card = card_resident
    page.goto("/comptes/login/")
    page.get_by_role("link", name="J'ai une carte de connexion").click()
    page.wait_for_url("**/connexion-code/")
    assert_no_horizontal_scroll(page)
    page.get_by_label("Identifiant", exact=True).fill(resident.username)
    page.get_by_label("Code de connexion").fill(f"{card.code[:4].lower()} {card.code[4:]}")
    page.get_by_role("button", name="Me connecter").click()
    page.wait_for_url("**/mon-parcours/")
    page.get_by_role("heading", name="Mon parcours", level=1).wait_for()
    page.get_by_role("button", name="Terminer ma session").wait_for()


def test_code_login_page_is_accessible_with_and_without_errors(page, card_resident):
    page.goto("/connexion-code/")
    assert_accessible(page)
    page.get_by_label("Identifiant", exact=True).fill("quelquun")
    page.get_by_label("Code de connexion").fill("ABCDEFGH")
    page.get_by_role("button", name="Me connecter").click()
    page.get_by_role("alert").wait_for()
    assert "n'est pas bon" in page.get_by_role("alert").inner_text()
    assert_accessible(page)


def test_qr_page_is_accessible_and_signs_in_on_click(mobile_page, card_resident):
    page = mobile_page
    resident, card = card_resident
    page.goto(f"/connexion-code/qr/{card.qr_token}/")
    assert_accessible(page)
    assert page.get_by_text("Bonjour").count() == 0
    page.get_by_role("button", name="Me connecter").click()
    page.wait_for_url("**/mon-parcours/")
    page.get_by_text("Bonjour, Chantal Martin").wait_for()


def test_revoked_qr_page_is_accessible(page, card_resident):
    resident, card = card_resident
    cards.issue_card(resident=resident)
    response = page.goto(f"/connexion-code/qr/{card.qr_token}/")
    assert response.status == 404
    page.get_by_role("heading", name="Cette carte ne marche plus").wait_for()
    assert_accessible(page)


def test_my_account_is_accessible(mobile_page, log_in, card_resident):
    page = mobile_page
    resident, _ = card_resident
    log_in(page, resident)
    page.goto("/mon-compte/")
    page.get_by_role("heading", name="Choisir un mot de passe").wait_for()
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.get_by_role("button", name="Enregistrer mon mot de passe").click()
    page.get_by_role("alert").wait_for()
    assert_accessible(page)


def test_idle_warning_is_accessible(page, log_in, card_resident, settings):
    # A long gap between the warning and the end, so that axe has time to run while the warning shows.
    settings.RESIDENT_IDLE_TIMEOUT_SECONDS = 60
    settings.IDLE_WARNING_SECONDS = 59
    resident, _ = card_resident
    log_in(page, resident)
    page.goto("/mon-compte/")
    dialog = page.get_by_role("alertdialog", name="Votre session va bientôt se fermer")
    dialog.wait_for()
    assert dialog.get_attribute("aria-modal") == "true"
    assert page.evaluate("document.activeElement.textContent.trim()") == "Continuer"
    assert page.evaluate("document.getElementById('idle-warning').contains(document.activeElement)")
    assert_accessible(page)


def test_continuer_keeps_the_session(page, log_in, card_resident, settings):
    settings.RESIDENT_IDLE_TIMEOUT_SECONDS = 3
    settings.IDLE_WARNING_SECONDS = 2
    resident, _ = card_resident
    log_in(page, resident)
    started = time.monotonic()
    page.goto("/mon-compte/")
    dialog = page.get_by_role("alertdialog")
    dialog.wait_for()
    dialog.get_by_role("button", name="Continuer").click()
    dialog.wait_for(state="hidden")
    # Past the first deadline: without « Continuer », the session would be over by now.
    time.sleep(max(0, 3.6 - (time.monotonic() - started)))
    response = page.request.get("/mon-compte/", max_redirects=0)
    assert response.status == 200
    assert page.url.endswith("/mon-compte/")


def test_without_an_answer_the_page_goes_to_the_login_page(page, log_in, card_resident, settings):
    settings.RESIDENT_IDLE_TIMEOUT_SECONDS = 3
    settings.IDLE_WARNING_SECONDS = 2
    resident, _ = card_resident
    log_in(page, resident)
    page.goto("/mon-compte/")
    page.get_by_role("alertdialog").wait_for()
    page.wait_for_url("**/comptes/login/", timeout=10_000)
    page.get_by_text("Votre session a été fermée après 3 secondes sans activité.").wait_for()
    assert page.get_by_text("Bonjour").count() == 0

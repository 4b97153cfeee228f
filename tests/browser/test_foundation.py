import pytest

from accounts.models import User
from tests.browser.conftest import NARROWEST, assert_accessible, assert_no_horizontal_scroll
from tests.cms.factories import StandardPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def site_pages(home_page):
    home_page.entry_points = [
        ("entry_point", {"title": "Apprendre pas à pas", "text": "Des tutoriels.", "icon": "learn", "page": None}),
        ("entry_point", {"title": "Faire le point", "text": "Des questions.", "icon": "check", "page": home_page}),
    ]
    home_page.save_revision().publish()
    StandardPageFactory(
        parent=home_page,
        title="Accessibilité",
        slug="accessibilite",
        body=[
            ("heading", {"text": "État de conformité", "level": "h2"}),
            ("paragraph", "<p>Le site est déclaré <b>non conforme</b>.</p>"),
            ("callout", {"kind": "scam", "title": "Faux SMS", "text": "<p>Ne donnez jamais vos codes.</p>"}),
        ],
    )
    return home_page


@pytest.mark.parametrize("path", ["/", "/comptes/login/", "/comptes/signup/", "/accessibilite/", "/page-inconnue/"])
def test_public_pages_have_no_serious_accessibility_violation(page, site_pages, path):
    page.goto(path)
    assert_accessible(page)


def test_form_errors_are_accessible(page, site_pages):
    page.goto("/comptes/signup/")
    page.get_by_role("button", name="Créer mon compte").click()
    page.get_by_role("alert").wait_for()
    assert_accessible(page)


@pytest.mark.parametrize("path", ["/", "/comptes/login/", "/comptes/signup/", "/accessibilite/"])
def test_pages_fit_a_320px_screen(browser, live_server, site_pages, path):
    context = browser.new_context(base_url=live_server.url, viewport=NARROWEST)
    page = context.new_page()
    page.goto(path)
    assert_no_horizontal_scroll(page)
    context.close()


def test_skip_link_is_the_first_tab_stop_and_moves_focus(page, site_pages):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Aller au contenu"
    assert page.locator(".skiplinks a").first.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"


def test_resident_signs_up_without_email_then_logs_out_and_in(mobile_page, site_pages):
    page = mobile_page
    page.goto("/")
    page.get_by_role("link", name="Créer un compte").click()
    page.get_by_label("Identifiant", exact=True).fill("Djamel")
    page.get_by_label("Votre prénom").fill("Djamel")
    page.get_by_label("Mot de passe", exact=True).fill("un-mot-de-passe-long")
    page.get_by_label("Mot de passe (à nouveau)").fill("un-mot-de-passe-long")
    page.get_by_role("button", name="Créer mon compte").click()
    page.get_by_text("Bonjour, Djamel").wait_for()
    assert User.objects.get(username="Djamel").email is None
    assert_accessible(page)

    page.get_by_role("button", name="Terminer ma session").click()
    page.get_by_role("link", name="Se connecter").first.wait_for()

    page.get_by_role("link", name="Se connecter").first.click()
    page.get_by_label("Identifiant ou adresse électronique").fill("djamel")
    page.get_by_label("Mot de passe").fill("un-mot-de-passe-long")
    page.get_by_role("button", name="Se connecter").click()
    page.get_by_text("Bonjour, Djamel").wait_for()


def test_trainer_reaches_the_wagtail_admin_through_our_login(page, site_pages, trainer, password):
    page.goto("/admin/")
    page.get_by_label("Identifiant ou adresse électronique").fill(trainer.username)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/admin/")
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.reload()
    page.get_by_role("navigation", name="Menu principal").wait_for()
    assert not [error for error in errors if "Content Security Policy" in error], errors


def test_the_page_editor_runs_under_the_admin_policy(page, log_in, trainer, tutorial):
    """Wagtail's scheduling date widgets start with inline calls; their hashes let them run (config.middleware)."""
    log_in(page, trainer)
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(f"/admin/pages/{tutorial.pk}/edit/")
    page.get_by_role("button", name="Enregistrer le brouillon").wait_for()
    assert not [error for error in errors if "Content Security Policy" in error], errors


@pytest.mark.parametrize(
    "path",
    ["/comptes/password/change/", "/comptes/2fa/", "/comptes/logout/", "/mes-donnees/", "/mes-donnees/supprimer/"],
)
def test_account_pages_have_no_serious_accessibility_violation(page, log_in, site_pages, trainer, path):
    log_in(page, trainer)
    page.goto(path)
    assert page.get_by_text("Bonjour").count() == 1
    assert_accessible(page)

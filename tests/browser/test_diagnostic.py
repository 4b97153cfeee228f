import pytest

from assessments.models import Competence, DiagnosticResult
from followup.models import Assignment
from tests.assessments.factories import DiagnosticPageFactory
from tests.browser.conftest import assert_accessible
from tests.learning.factories import ModulePageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def diagnostic(home_page, catalogue):
    module = ModulePageFactory(parent=catalogue, title="Se protéger en ligne", level="debutant")
    module.competences.set([Competence.objects.get(code="4.1")])
    module.save_revision().publish()
    return DiagnosticPageFactory(parent=home_page)


def tab_to(page, selector, limit=80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_smartphone_only_resident_takes_it_by_keyboard_and_keeps_the_result(mobile_page, diagnostic):
    page = mobile_page
    page.goto(diagnostic.url)
    assert_accessible(page)
    tab_to(page, "form[action$='commencer/'] button")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    checked_equipment_screen = checked_competence_screen = False
    for _ in range(40):
        if "/resultat/" in page.url:
            break
        step = page.locator("input[name=etape]").get_attribute("value")
        if step.startswith("equipment:"):
            qid = step.split(":", 1)[1]
            choice = {"eq-devices": "1", "eq-email": "1", "eq-net": "1"}[qid]
            tab_to(page, f"#q-{qid}-{choice}" if qid == "eq-devices" else f"input[name='q-{qid}']")
            if qid != "eq-devices":
                page.keyboard.press("ArrowDown")  # from the first option to the second
            else:
                page.keyboard.press("Space")
            if not checked_equipment_screen:
                assert_accessible(page)
                checked_equipment_screen = True
            tab_to(page, "button[type=submit]:not([name])")
            with page.expect_navigation():
                page.keyboard.press("Enter")
        else:
            if not checked_competence_screen:
                assert_accessible(page)
                checked_competence_screen = True
            tab_to(page, "button[name=je_ne_sais_pas]")
            with page.expect_navigation():
                page.keyboard.press("Enter")
    page.get_by_role("heading", name="Pour l'équipement").wait_for()
    assert page.get_by_text("Pas d'adresse électronique").is_visible()
    assert page.get_by_text("Seulement le Wi-Fi public").is_visible()
    assert page.locator("#learn-title + ol > li").count() <= 5
    assert_accessible(page)

    page.get_by_role("link", name="Créez un compte").click()
    page.get_by_label("Identifiant", exact=True).fill("Rachid")
    page.get_by_label("Mot de passe", exact=True).fill("un-mot-de-passe-long")
    page.get_by_label("Mot de passe (à nouveau)").fill("un-mot-de-passe-long")
    page.get_by_role("button", name="Créer mon compte").click()
    page.goto("/mon-parcours/")
    page.get_by_role("heading", name="« Faire le point » : avant et après").wait_for()
    assert DiagnosticResult.objects.filter(user__username="Rachid").count() == 1
    assert_accessible(page)


def test_agent_runs_it_with_a_resident_and_assigns_the_recommended_modules(page, log_in, agent, resident, diagnostic):
    log_in(page, agent)
    page.goto(f"/espace-agent/personnes/{resident.pk}/")
    page.get_by_role("button", name=f"Faire le point avec {resident}").click()
    page.get_by_text(f"En accompagnement de {resident}").wait_for()
    for _ in range(40):
        if "/resultat/" in page.url:
            break
        step = page.locator("input[name=etape]").get_attribute("value")
        if step.startswith("equipment:"):
            page.locator("fieldset input").first.check()
            with page.expect_navigation():
                page.get_by_role("button", name="Continuer").click()
        else:
            with page.expect_navigation():
                page.get_by_role("button", name="Je ne sais pas").click()
    page.get_by_role("heading", name=f"Résultat de {resident}").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Assigner ces").click()
    page.get_by_text("assigné").first.wait_for()
    assert Assignment.objects.active().filter(resident=resident).exists()
    assert DiagnosticResult.objects.get().recorded_by == agent

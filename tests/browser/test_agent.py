import datetime
import re

from django.urls import reverse

import pytest

from followup.access import resident_or_404
from followup.models import Workshop, WorkshopSession
from followup.services.assignments import assign_module
from tests.browser.conftest import assert_accessible
from tests.learning.factories import TutorialPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def workshop(structure, agent):
    return Workshop.objects.create(structure=structure, title="Atelier du mardi", facilitator=agent)


def test_agent_creates_a_resident_who_signs_in_with_the_card_and_progress_shows(
    browser, live_server, page, log_in, agent, structure, module, workshop
):
    tutorial = TutorialPageFactory(parent=module, title="Premier tutoriel", slug="premier")
    log_in(page, agent)
    page.goto(reverse("agent:resident_create"))
    page.get_by_label("Prénom et nom").fill("Samia Haddad")
    page.get_by_label("La personne accepte que la structure suive sa progression.").check()
    page.get_by_role("button", name="Créer le compte et la carte").click()
    page.get_by_role("heading", name="Carte de connexion de Samia Haddad").wait_for()
    assert page.locator(".login-card svg").count() == 1
    assert_accessible(page)
    username = page.locator(".login-card dd.code").nth(0).text_content().strip()
    code = page.locator(".login-card dd.code").nth(1).text_content().replace(" ", "").strip()
    assert re.fullmatch(r"samia\.h\d+", username) and len(code) == 8

    page.get_by_role("link", name="Aller à la fiche de la personne").click()
    page.get_by_label("Module", exact=True).select_option(str(module.pk))
    page.get_by_role("button", name="Assigner").click()
    page.get_by_text("assigné").first.wait_for()
    resident_url = page.url
    workshop.members.add(resident_or_404(agent, int(resident_url.rstrip("/").split("/")[-1])))
    workshop.modules.add(module)

    phone = browser.new_context(
        base_url=live_server.url, viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
    )
    errors = []
    resident_page = phone.new_page()
    resident_page.on("pageerror", lambda error: errors.append(str(error)))
    resident_page.goto("/connexion-code/")
    resident_page.get_by_label("Identifiant", exact=True).fill(username)
    resident_page.get_by_label("Code de connexion").fill(code.lower())
    resident_page.get_by_role("button", name=re.compile("connecter", re.I)).click()
    resident_page.get_by_role("heading", name="Mon parcours").wait_for()
    resident_page.get_by_role("link", name=module.title).first.click()
    resident_page.get_by_role("link", name=re.compile("Commencer")).click()
    resident_page.wait_for_selector(".steps--one-by-one")
    for _ in tutorial.step_ids:
        resident_page.locator("[data-step]:not([hidden])").get_by_role("button", name="J'ai fait cette étape").click()
    resident_page.get_by_text("Bravo, vous avez fini ce tutoriel !").wait_for(state="visible")
    phone.close()
    assert errors == []

    page.goto(resident_url)
    assert "100 %" in page.locator("#assignments-title + .table-wrapper").text_content()
    page.goto(reverse("agent:workshop_matrix", args=[workshop.pk]))
    assert "Terminé" in page.locator("table").text_content()


@pytest.fixture
def followed(agent, structure, resident, module, workshop):
    TutorialPageFactory(parent=module)
    assign_module(module=module, residents=[resident], by=agent, structure=structure)
    workshop.members.add(resident)

    WorkshopSession.objects.create(workshop=workshop, date=datetime.date.today(), start_time=datetime.time(14))
    return resident


@pytest.mark.parametrize(
    "name",
    [
        "home",
        "residents",
        "resident_create",
        "resident_detail",
        "resident_card",
        "team",
        "journal",
        "workshops",
        "workshop_create",
        "workshop_detail",
        "workshop_edit",
        "workshop_matrix",
        "session_create",
        "session_detail",
        "session_sheet",
        "statistics",
    ],
)
def test_agent_pages_have_no_serious_accessibility_violation(page, log_in, manager, followed, workshop, name):
    log_in(page, manager)
    args = {
        "resident_detail": [followed.pk],
        "resident_card": [followed.pk],
        "workshop_detail": [workshop.pk],
        "workshop_edit": [workshop.pk],
        "session_create": [workshop.pk],
        "workshop_matrix": [workshop.pk],
        "session_detail": [workshop.pk, workshop.sessions.get().pk],
        "session_sheet": [workshop.pk, workshop.sessions.get().pk],
    }.get(name, [])
    page.goto(reverse(f"agent:{name}", args=args))
    assert_accessible(page)


def test_resident_joins_a_structure_by_code(page, log_in, resident_without_email, structure):
    log_in(page, resident_without_email)
    page.goto("/mon-parcours/")
    page.get_by_label("Code de la structure").fill(structure.join_code)
    page.get_by_role("button", name="Continuer").click()
    page.get_by_role("button", name="J'accepte de partager ma progression").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="J'accepte de partager ma progression").click()
    page.get_by_text(f"{structure.name} peut suivre votre progression").wait_for()
    assert_accessible(page)

"""« Faire le point » as a total beginner meets it on a 360 px phone: no device, « Je ne sais pas » everywhere.

The demo's diagnostic (9 equipment questions, 6 competences x 3 levels) and the demo's places, through a real
browser: how many screens, what the counter says, which questions are left out, the words of the result, and where
each « Trouver un lieu qui peut vous aider » link leads.
"""

import re

import pytest

from assessments.models import Competence, DiagnosticPage
from cms.models import Place
from demo import assessments as demo
from demo.places import seed_places
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll
from tests.learning.factories import ModulePageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# equipment question → the option ticked: « Aucun appareil », no email, no printer; the first option elsewhere.
CHOICES = {"equipement-1": 3, "equipement-4": 2, "equipement-8": 2}


@pytest.fixture
def demo_diagnostic(home_page, catalogue):
    module = ModulePageFactory(parent=catalogue, title="Se protéger en ligne", level="debutant")
    module.competences.set([Competence.objects.get(code="4.1")])
    module.save_revision().publish()
    seed_places()
    return demo.seed({"home": home_page})


def test_a_beginner_without_a_device_on_a_phone(mobile_page, demo_diagnostic):
    page = mobile_page
    page.goto(demo_diagnostic.url)
    with page.expect_navigation():
        page.get_by_role("button", name="Commencer").click()

    screens = []  # (kind, counter text, question text)
    for _ in range(40):
        if "/resultat/" in page.url:
            break
        step = page.locator("input[name=etape]").get_attribute("value")
        kind, qid = step.split(":", 1)
        counter = page.locator(".question__count").inner_text()
        stem = page.locator(".question__stem").inner_text()
        screens.append((kind, counter, stem))
        assert_no_horizontal_scroll(page)
        if kind == "equipment":
            page.locator(f"#q-{qid}-{CHOICES.get(qid, 0)}").check()
            with page.expect_navigation():
                page.get_by_role("button", name="Continuer").click()
        else:
            if len([s for s in screens if s[0] == "competence"]) == 1:
                assert_accessible(page)
                page.screenshot(path="/tmp/h4-question.png")
            with page.expect_navigation():
                page.get_by_role("button", name="Je ne sais pas").click()
    else:
        raise AssertionError("the diagnostic never ended")

    equipment = [screen for screen in screens if screen[0] == "equipment"]
    competence = [screen for screen in screens if screen[0] == "competence"]
    assert len(competence) <= 8
    assert len(equipment) == 7  # 9 questions, the two about the device left out
    assert not any("est-il à vous" in stem or "avec cet appareil" in stem for _, _, stem in screens)
    for part in (equipment, competence):
        counters = [re.fullmatch(r"Question (\d+) sur (\d+)(?: au maximum)?", text).groups() for _, text, _ in part]
        numbers = [int(number) for number, _ in counters]
        totals = [int(total) for _, total in counters]
        assert numbers == list(range(1, len(part) + 1)), numbers
        assert totals == sorted(totals, reverse=True), totals
        assert min(totals) >= len(part)
    assert equipment[0][1] == "Question 1 sur 9 au maximum"
    assert equipment[-1][1] == "Question 7 sur 7"

    page.get_by_role("heading", name="Pour l'équipement").wait_for()
    main = page.locator("main").inner_text()
    for jargon in ("Interagir", "Sécuriser l'environnement numérique", "CRCN", "Niveau"):
        assert jargon not in main
    assert "Pas d'appareil pour aller sur internet" in main
    assert "Vous pourrez progresser en : Se protéger des arnaques et des virus." in main  # the module's reason
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    page.screenshot(path="/tmp/h4-result.png", full_page=True)

    links = page.get_by_role("link", name="Trouver un lieu qui peut vous aider")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert len(hrefs) == 3  # no device, no email, no printer
    services = set()
    for href in hrefs:
        key = re.search(r"[?&]service=([a-z]+)$", href)[1]
        services.add(key)
        page.goto(href)
        page.get_by_role("heading", name=re.compile(r"pour « ")).wait_for()
        listed = page.locator(".place-card__name").all_inner_texts()
        offering = set(Place.objects.filter(service_keys__contains=f"|{key}|").values_list("name", flat=True))
        assert listed, f"the demo has places for {key}"
        assert set(listed) <= offering, (key, set(listed) - offering)
        assert len(listed) < Place.objects.count()
        assert page.get_by_label("Ce que vous cherchez").input_value() == key
        if key == "materiel":
            page.screenshot(path="/tmp/h4-places-materiel.png", full_page=True)
    assert services == {"materiel", "outils", "acces"}


def test_a_reviewer_sets_the_skip_logic_in_the_page_editor(page, log_in, reviewer, demo_diagnostic):
    """The skip rule is data on each equipment question: ticked in the admin, it changes what residents are asked."""
    log_in(page, reviewer)
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(f"/admin/pages/{demo_diagnostic.pk}/edit/")
    page.get_by_role("button", name="Enregistrer le brouillon").wait_for()
    assert page.get_by_text("Ne pas poser cette question quand une réponse précédente a révélé").count() == 9

    def no_device(index):  # the box « Pas d'appareil pour aller sur internet » of the index-th equipment question
        box = page.locator(f"#equipment_questions-{index}-value-skip_if input[value=no_device]")
        assert page.locator(f"label:has(#{box.get_attribute('id')})").inner_text().strip() == (
            "Pas d'appareil pour aller sur internet"
        )
        return box

    assert no_device(1).is_checked()  # « L'appareil que vous utilisez le plus est-il à vous ? »
    assert not no_device(6).is_checked()  # « Pouvez-vous scanner ou photographier un document ? »
    no_device(6).scroll_into_view_if_needed()
    page.screenshot(path="/tmp/h4-admin.png")
    no_device(6).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Enregistrer le brouillon").click()
    page.screenshot(path="/tmp/h4-admin-saved.png")
    assert not [error for error in errors if "Content Security Policy" in error], errors

    saved = DiagnosticPage.objects.get(pk=demo_diagnostic.pk).get_latest_revision_as_object()
    assert {block.id: list(block.value["skip_if"]) for block in saved.equipment_questions} == {
        f"equipement-{n}": (["no_device"] if n in (2, 3, 7) else []) for n in range(1, 10)
    }

"""What gets printed, checked as paper: Chromium prints the page to PDF, the PDF is rasterised, its QR code decoded.

A login card is the only way in for a resident without email; a tutorial's printed guide goes home with a
resident. Both are proven by the artefact a person holds: the PDF's pages, the text they carry, and a QR code a
phone can read, whose address then signs the resident in (card) or opens the tutorial (guide).
"""

import re
from pathlib import Path

from django.urls import reverse

import pypdfium2
import pytest
import zxingcpp
from PIL import Image

from accounts import cards
from demo import learning as demo
from demo.content import MODULES
from tests.browser.conftest import MOBILE, NARROWEST, assert_no_horizontal_scroll
from tests.learning.factories import ModulePageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DPI = 250
MM = 96 / 25.4  # CSS pixels per millimetre
SEVEN_STEP_TUTORIALS = [
    (module["slug"], tutorial["slug"])
    for module in MODULES
    for tutorial in module["tutorials"]
    if len(tutorial["steps"]) == 7
]


def printed(page, name):
    """The page printed by Chromium on A4 (print media), as (pdf document, page images, whole text)."""
    data = page.pdf(format="A4", print_background=True)
    pdf = pypdfium2.PdfDocument(data)
    images, texts = [], []
    for old in Path("/tmp").glob(f"h1-{name}-*.png"):
        old.unlink()
    for index in range(len(pdf)):
        sheet = pdf[index]
        image = sheet.render(scale=DPI / 72).to_pil()
        image.save(f"/tmp/h1-{name}-{index + 1}.png")
        images.append(image)
        texts.append(sheet.get_textpage().get_text_range())
    return pdf, images, "\n".join(texts)


def qr_codes(images):
    return [
        barcode.text
        for image in images
        for barcode in zxingcpp.read_barcodes(image)
        if barcode.format == zxingcpp.BarcodeFormat.QRCode
    ]


def qr_codes_on_screen(page, name):
    """The QR codes a phone reads off the screen (the page as shown, at the device's pixel ratio)."""
    path = f"/tmp/h1-{name}.png"
    page.screenshot(path=path, full_page=True)
    return qr_codes([Image.open(path)])


def squeezed(text):
    """Text without any white space: a line break inside a long address must not hide it."""
    return "".join(text.split())


# The login card ----------------------------------------------------------------------------------------------------


@pytest.fixture
def printed_card(page, log_in, agent, structure):
    structure.name = "France Services de la Communauté de communes du Pays de Bray"
    structure.phone = "02 35 00 00 00"
    structure.save()
    log_in(page, agent)
    page.goto(reverse("agent:resident_create"))
    page.get_by_label("Prénom et nom").fill("Jean-Baptiste-Marie Lefebvre-Dupont")
    page.get_by_label("La personne accepte que la structure suive sa progression.").check()
    page.get_by_role("button", name="Créer le compte et la carte").click()
    page.get_by_role("heading", name="Carte de connexion de Jean-Baptiste-Marie Lefebvre-Dupont").wait_for()
    page.screenshot(path="/tmp/h1-card-screen.png", full_page=True)
    username = page.locator(".login-card dd.code").nth(0).text_content().strip()
    code = squeezed(page.locator(".login-card dd.code").nth(1).text_content())
    return page, username, code


def test_the_printed_card_scans_and_signs_the_resident_in_on_a_phone(browser, live_server, printed_card):
    page, username, code = printed_card
    pdf, images, text = printed(page, "card")
    assert len(pdf) == 1, "la carte tient sur une seule feuille"

    decoded = qr_codes(images)
    assert len(decoded) == 1, f"un seul QR code lisible sur la carte imprimée, lus : {decoded}"
    match = re.fullmatch(re.escape(live_server.url) + r"/connexion-code/qr/([^/]+)/", decoded[0])
    assert match, decoded[0]
    resident = cards.user_for_qr_token(match.group(1))
    assert resident is not None and resident.username == username

    # Everything a person needs is on paper, whole.
    assert squeezed(f"Ou allez sur {live_server.url}/connexion-code/") in squeezed(text)
    assert username in text
    assert code in squeezed(text)
    assert squeezed("Aide : France Services de la Communauté de communes du Pays de Bray — 02 35 00 00 00") in (
        squeezed(text)
    )

    # The resident scans the card with a phone: the address it reads signs them in, after one confirmation.
    phone = browser.new_context(base_url=live_server.url, viewport=MOBILE, is_mobile=True, has_touch=True)
    try:
        resident_page = phone.new_page()
        resident_page.goto(decoded[0])
        resident_page.get_by_role("button", name="Me connecter").click()
        resident_page.wait_for_url("**/mon-parcours/")
        resident_page.get_by_text("Bonjour, Jean-Baptiste-Marie Lefebvre-Dupont").wait_for()
        resident_page.screenshot(path="/tmp/h1-card-phone.png")
    finally:
        phone.close()


def test_the_printed_card_shows_identifier_and_code_largest_and_nothing_outside_the_card(printed_card):
    page, _username, _code = printed_card
    page.emulate_media(media="print")
    card = page.locator(".login-card")
    sizes = card.evaluate(
        """card => {
            const size = el => parseFloat(getComputedStyle(el).fontSize);
            const all = [...card.querySelectorAll('*')].filter(el => el.textContent.trim() && !el.closest('svg'));
            return {
                values: [...card.querySelectorAll('dd.code')].map(size),
                others: all.filter(el => !el.closest('dd.code')).map(el => [el.tagName, el.className, size(el)]),
            };
        }"""
    )
    assert len(sizes["values"]) == 2
    largest_other = max(size for _tag, _class, size in sizes["others"])
    assert min(sizes["values"]) > largest_other, sizes

    # The card box holds every piece of text and the QR code (nothing clipped or spilling over the cut line).
    box = card.bounding_box()
    for element in card.locator("h2, dt, dd, p, figcaption, svg").all():
        inner = element.bounding_box()
        label = element.evaluate("el => el.tagName + ': ' + (el.textContent || '').trim().slice(0, 40)")
        assert inner["x"] >= box["x"] - 0.5 and inner["y"] >= box["y"] - 0.5, label
        assert inner["x"] + inner["width"] <= box["x"] + box["width"] + 0.5, label
        assert inner["y"] + inner["height"] <= box["y"] + box["height"] + 0.5, label
    overflowing = card.evaluate(
        """card => [card, ...card.querySelectorAll('*')]
            .filter(el => !el.closest('svg') && getComputedStyle(el).display !== 'inline')
            .filter(el => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
            .map(el => el.tagName + ' ' + el.className)"""
    )
    assert overflowing == []
    # A size a phone reads: the QR code is at least 25 mm wide on paper.
    qr = card.locator("svg").bounding_box()
    assert qr["width"] >= 25 * MM and abs(qr["width"] - qr["height"]) < 1


def test_the_card_page_shows_a_whole_qr_code_on_a_small_screen(page, printed_card, live_server):
    page, username, code = printed_card
    page.set_viewport_size(NARROWEST)
    assert_no_horizontal_scroll(page)
    card = page.locator(".login-card")
    assert card.bounding_box()["x"] + card.bounding_box()["width"] <= NARROWEST["width"]
    decoded = qr_codes_on_screen(page, "card-320")
    assert len(decoded) == 1 and decoded[0].startswith(live_server.url + "/connexion-code/qr/"), decoded


# The tutorial's printed guide --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("module_slug", "tutorial_slug"), SEVEN_STEP_TUTORIALS)
def test_a_seven_step_demo_tutorial_prints_on_two_a4_sides_with_a_qr_code_that_opens_it(
    page, live_server, home_page, module_slug, tutorial_slug
):
    module_data = next(module for module in MODULES if module["slug"] == module_slug)
    tutorial_data = next(tutorial for tutorial in module_data["tutorials"] if tutorial["slug"] == tutorial_slug)
    demo.upsert_glossary()
    images = demo.upsert_images()
    module = ModulePageFactory(parent=demo.upsert_catalogue(home_page), title=module_data["title"], slug=module_slug)
    tutorial = demo.upsert_tutorial(module, tutorial_data, images)

    page.goto(tutorial.url + "imprimer/")
    page.get_by_role("heading", name=tutorial.title, level=1).wait_for()
    assert qr_codes_on_screen(page, f"screen-guide-{tutorial_slug}") == [live_server.url + tutorial.url]
    pdf, sheets, text = printed(page, f"guide-{tutorial_slug}")
    assert len(pdf) <= 2, f"{len(pdf)} pages A4 pour {len(tutorial_data['steps'])} étapes"
    for step in tutorial_data["steps"]:
        assert squeezed(step["title"]) in squeezed(text), step["title"]

    decoded = qr_codes(sheets)
    assert decoded == [live_server.url + tutorial.url]
    page.set_viewport_size(NARROWEST)
    assert_no_horizontal_scroll(page)
    page.goto(decoded[0])
    page.get_by_role("heading", name=tutorial.title, level=1).wait_for()

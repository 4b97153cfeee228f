"""Phones as residents hold them: a two-row header, the first step on the first screen, nothing scrolls sideways.

The sweep at the end walks the demo site (seed_demo) as each kind of person: every page it can reach by a link,
plus the pages behind the first button of a quiz and of « Faire le point », at 320 px. A page fails when the document
is wider than the screen, or when something is drawn past the right edge and cut off by a box that does not scroll.
"""

import io
import re
from collections import Counter
from urllib.parse import urljoin, urlsplit

from django.core.management import call_command
from django.test import override_settings

import pytest
from playwright.sync_api import Error as PlaywrightError

from accounts.models import User
from tests.browser.conftest import MOBILE, NARROWEST, assert_accessible
from tests.learning.factories import TutorialPageFactory, steps

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

HEADER_LIMIT = 120  # px of a 740 px screen


def header_height(page):
    return page.evaluate("document.querySelector('header.header').getBoundingClientRect().height")


@pytest.mark.parametrize("who", ["anonymous", "resident", "agent"])
def test_the_header_is_two_short_rows_on_a_phone(mobile_page, log_in, home_page, catalogue, resident, agent, who):
    page = mobile_page
    person = {"anonymous": None, "resident": resident, "agent": agent}[who]
    if person:
        log_in(page, person)
    page.goto("/")
    assert header_height(page) <= HEADER_LIMIT
    account = page.locator(".header__account")
    if person:
        account.get_by_role("button", name="Terminer ma session" if who == "resident" else "Se déconnecter").wait_for()
    else:
        account.get_by_role("link", name="Se connecter").wait_for()
        account.get_by_role("link", name="Créer un compte").wait_for()

    menu = page.get_by_role("navigation", name="Menu principal")
    assert not menu.is_visible()
    page.get_by_text("Menu", exact=True).click()
    menu.get_by_role("link", name="Catalogue").wait_for()
    if person:
        menu.get_by_role("link", name="Mon parcours").wait_for()
        menu.get_by_role("link", name="Mon compte").wait_for()
    if who == "agent":
        menu.get_by_role("link", name="Espace agent").wait_for()
    assert_accessible(page)
    page.screenshot(path=f"/tmp/small-screens-menu-{who}.png")


def test_the_menu_opens_by_keyboard_and_without_javascript(browser, live_server, home_page, catalogue):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR", viewport=MOBILE, java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    focused = []
    for _ in range(5):  # the three skip links, the name, then « Menu »
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.textContent.trim()"))
    assert focused[-1] == "Menu", focused
    page.keyboard.press("Enter")
    page.get_by_role("navigation", name="Menu principal").get_by_role("link", name="Catalogue").click()
    page.get_by_role("heading", level=1, name=catalogue.title).wait_for()
    context.close()


def test_aller_au_menu_opens_the_phone_menu(mobile_page, home_page, catalogue):
    page = mobile_page
    page.goto("/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Aller au menu"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "navigation"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Accueil"


def test_a_wide_screen_shows_every_link_without_menu(page, log_in, home_page, catalogue, resident):
    log_in(page, resident)
    page.goto("/")
    assert not page.get_by_text("Menu", exact=True).is_visible()
    menu = page.get_by_role("navigation", name="Menu principal")
    for name in ("Accueil", "Catalogue", "Mon parcours", "Rechercher", "Mon compte"):
        assert menu.get_by_role("link", name=name).is_visible(), name
    assert header_height(page) <= 140


LONG_TITLE = "Déclarer ses ressources trimestrielles à la CAF"  # the demo's longest, on four lines at 360 px
LONG_INTRO = (
    "Vous touchez le RSA ou la prime d'activité ? Vous déclarez vos ressources tous les trois mois. "
    "Sans déclaration, vos aides peuvent s'arrêter."
)


@pytest.fixture
def long_tutorial(module):
    return TutorialPageFactory(
        parent=module,
        title=LONG_TITLE,
        intro=LONG_INTRO,
        steps=steps(*[f"Savoir quand déclarer ({n})" for n in range(1, 8)]),
        checklist=[
            {"type": "item", "value": {"kind": "account", "text": "Votre numéro d'allocataire"}, "id": "c1"},
            {"type": "item", "value": {"kind": "document", "text": "Vos bulletins de salaire"}, "id": "c2"},
            {"type": "item", "value": {"kind": "document", "text": "Vos autres relevés"}, "id": "c3"},
        ],
    )


def test_the_first_step_shows_on_the_first_screen_of_a_phone(mobile_page, log_in, long_tutorial, resident):
    page = mobile_page
    log_in(page, resident)
    page.goto(long_tutorial.url)
    title = page.locator(".step:not([hidden]) .step__title").first
    assert title.text_content().startswith("Étape 1 sur 7")
    assert title.bounding_box()["y"] + title.bounding_box()["height"] <= MOBILE["height"]
    assert header_height(page) <= HEADER_LIMIT
    # What to prepare is one tap away, and is still read aloud and listed once opened.
    page.get_by_text("3 choses à préparer").click()
    page.get_by_text("Vos bulletins de salaire").wait_for()
    # The printed guide is offered after the steps on a phone, not above the first one.
    assert not page.locator(".tutorial-meta").get_by_role("link", name="Imprimer la fiche").is_visible()
    page.screenshot(path="/tmp/small-screens-first-step.png")


def test_a_wide_screen_opens_what_to_prepare_until_steps_are_done(page, long_tutorial):
    page.goto(long_tutorial.url)
    page.get_by_text("Vos bulletins de salaire").wait_for()
    page.locator(".tutorial-meta").get_by_role("link", name="Imprimer la fiche").wait_for()
    assert not page.locator("[data-tutorial-progress]").is_visible()  # « 0 % » tells a newcomer nothing
    page.get_by_role("button", name="J'ai fait cette étape").first.click()
    page.get_by_text("Étape faite").first.wait_for()
    page.screenshot(path="/tmp/small-screens-wide-progress.png")
    page.locator("[data-tutorial-progress]").get_by_text("14 %").wait_for()


# The sweep -----------------------------------------------------------------------------------------------------------

# Not followed: the admin (Wagtail's own), leaving, files, and pages that change something on a GET.
SKIPPED = re.compile(
    r"^/(admin|django-admin|comptes/logout|__)|\.(csv|pdf|xlsx|svg|png|jpe?g|webp|vtt|mp4|json|txt|xml)$|/export|/telecharger"
)
PAGES_PER_ROLE = 90

# Something drawn past the right edge: the page scrolls, or a box that does not scroll cuts it off.
OVERFLOW_SCRIPT = """() => {
  const width = document.documentElement.clientWidth;
  const scroll = document.documentElement.scrollWidth - width;
  const scrollsItself = (element) => {
    for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
      const x = getComputedStyle(node).overflowX;
      if (x === "auto" || x === "scroll") return true;
    }
    return false;
  };
  const cut = [];
  for (const element of document.querySelectorAll("body *")) {
    const box = element.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1 || !element.checkVisibility({visibilityProperty: true})) continue;
    if (box.right > width + 1 && !scrollsItself(element)) {
      cut.push(`${element.tagName.toLowerCase()}.${[...element.classList].join(".")} → ${Math.round(box.right)} px`);
    }
  }
  return {scroll, cut: cut.slice(0, 5)};
}"""


def links_of(page, base):
    hrefs = page.evaluate("[...document.querySelectorAll('a[href]:not([download])')].map(a => a.href)")
    found = []
    for href in hrefs:
        parts = urlsplit(href)
        if f"{parts.scheme}://{parts.netloc}" != base or SKIPPED.search(parts.path):
            continue
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def sweep(page, base, starts, within, problems, who):
    """Visit what `who` reaches from `starts` by links under the paths `within`: one URL per path, and two of each
    kind of page (`/personnes/6/` and `/personnes/8/` are two of a kind; `/personnes/6/carte/` is another)."""
    queue, seen_paths, kinds, visited = list(starts), set(), Counter(), 0
    while queue and visited < PAGES_PER_ROLE:
        url = queue.pop(0)
        key = urlsplit(url).path
        kind = re.sub(r"/\d+/", "/N/", key)
        if key in seen_paths or not key.startswith(within) or kinds[kind] >= 2:
            continue
        seen_paths.add(key)
        kinds[kind] += 1
        try:
            response = page.goto(urljoin(base, url))
        except PlaywrightError as error:  # a file offered for download is not a page
            if "Download is starting" in str(error):
                continue
            raise
        visited += 1
        if (
            response is None
            or response.status >= 400
            or not response.headers.get("content-type", "").startswith("text/html")
        ):
            continue
        found = page.evaluate(OVERFLOW_SCRIPT)
        if found["scroll"] > 0 or found["cut"]:
            problems.append(f"{who} {url}: défile de {found['scroll']} px ; coupé : {found['cut']}")
            page.screenshot(path=f"/tmp/small-screens-{who}-{len(problems)}.png", full_page=True)
        queue.extend(links_of(page, base))
    return visited


def press_first_start_button(page, base, path, problems, who):
    """A quiz and « Faire le point » show their first question only after a button: check that page too."""
    page.goto(urljoin(base, path))
    button = page.locator("main form button[type=submit]").first
    if not button.count():
        return
    button.click()
    page.wait_for_load_state()
    found = page.evaluate(OVERFLOW_SCRIPT)
    if found["scroll"] > 0 or found["cut"]:
        problems.append(f"{who} {page.url} (après « {path} ») : défile de {found['scroll']} px ; {found['cut']}")


def test_no_page_of_any_role_scrolls_sideways_at_320_px(browser, live_server, log_in):
    with override_settings(DEBUG=True):
        call_command("seed_demo", stdout=io.StringIO())
    own = ("/mon-parcours/", "/mon-compte/", "/mes-donnees/", "/faire-le-point/resultat/", "/comptes/")
    professional = ("/espace-agent/", "/mon-compte/", "/mes-donnees/", "/comptes/")
    roles = {
        # Without JavaScript every step, answer and hidden part of a page shows at once: the widest case.
        "anonyme": (None, False, ["/", "/faire-le-point/", "/trouver-un-lieu/", "/comptes/login/"], "/"),
        # The public pages again, with a resident's progress, results and « Reprendre » on them.
        "amina": ("amina", True, ["/", "/mon-parcours/", "/mon-compte/", "/mes-donnees/"], "/"),
        # A card user without email: their own pages only (the public ones are walked above).
        "chantal": ("chantal", True, ["/mon-parcours/", "/mon-compte/", "/mes-donnees/"], own),
        "agent": ("agent", True, ["/espace-agent/", "/mon-compte/"], professional),
        "responsable": ("responsable", True, ["/espace-agent/", "/espace-agent/equipe/"], professional),
    }
    problems, visited = [], {}
    for who, (username, javascript, starts, within) in roles.items():
        context = browser.new_context(
            base_url=live_server.url,
            locale="fr-FR",
            viewport=NARROWEST,
            is_mobile=True,
            has_touch=True,
            java_script_enabled=javascript,
        )
        context.set_default_timeout(15_000)
        page = context.new_page()
        if username:
            log_in(page, User.objects.get(username=username))
        visited[who] = sweep(page, live_server.url, starts, within, problems, who)
        if username == "amina":
            for path in ("/catalogue/premiers-pas/quiz-premiers-pas/", "/faire-le-point/"):
                press_first_start_button(page, live_server.url, path, problems, who)
        context.close()
    assert not problems, "\n".join(problems)
    # The sweep really walked the site: each role saw its own pages.
    assert visited["anonyme"] >= 40 and visited["amina"] >= 40 and visited["agent"] >= 25, visited


def test_the_sweep_catches_a_page_wider_than_the_screen(browser, live_server, home_page):
    """The check itself: a wide block in the page makes it fail."""
    context = browser.new_context(base_url=live_server.url, viewport=NARROWEST)
    page = context.new_page()
    page.goto("/")
    assert page.evaluate(OVERFLOW_SCRIPT) == {"scroll": 0, "cut": []}
    page.evaluate("document.querySelector('main .container').insertAdjacentHTML('beforeend', '<p id=wide>x</p>')")
    page.evaluate("document.getElementById('wide').style.width = '500px'")
    assert page.evaluate(OVERFLOW_SCRIPT)["scroll"] > 0
    context.close()

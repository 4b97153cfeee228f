import pytest

from demo.places import seed_places
from tests.browser.conftest import NARROWEST, assert_accessible, assert_no_horizontal_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize("query", ["", "?service=materiel", "?commune=Maromme&service=materiel"])
def test_the_page_has_no_serious_accessibility_violation(page, home_page, query):
    seed_places()
    page.goto(f"/trouver-un-lieu/{query}")
    assert_accessible(page)


def test_filters_work_without_javascript_on_a_320px_screen(browser, live_server, home_page):
    seed_places()
    context = browser.new_context(base_url=live_server.url, viewport=NARROWEST, java_script_enabled=False)
    page = context.new_page()
    page.goto("/trouver-un-lieu/")
    assert_no_horizontal_scroll(page)
    page.get_by_label("Ce que vous cherchez").select_option(label="Acheter un ordinateur ou un téléphone à petit prix")
    page.get_by_label("Commune", exact=True).select_option("Le Petit-Quevilly")
    page.get_by_role("button", name="Afficher les lieux").click()
    page.get_by_role("heading", name="1 lieu pour « Acheter un ordinateur ou un téléphone à petit prix »").wait_for()
    assert page.get_by_role("heading", level=3).all_inner_texts() == ["Ordi Solidaire Seine"]
    assert_no_horizontal_scroll(page)
    context.close()

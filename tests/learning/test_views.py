import re

from django.urls import reverse

import pytest

from learning.models import ModuleProgress, PageProgress
from tests.learning.factories import GlossaryTermFactory, ModulePageFactory, OperatorFactory, TutorialPageFactory, step

pytestmark = pytest.mark.django_db


def done_url(tutorial, index=0):
    return tutorial.url + tutorial.reverse_subpage("mark_step_done", args=[tutorial.step_ids[index]])


def test_tutorial_page_shows_numbered_steps_each_with_a_form(client, tutorial):
    content = client.get(tutorial.url).content.decode()
    assert "Étape 1 sur 3" in content and "Étape 3 sur 3" in content
    assert content.count("J&#x27;ai fait cette étape") + content.count("J'ai fait cette étape") == 3
    assert 'data-listen="etape-1"' in content
    assert "Imprimer la fiche" in content


def test_marking_a_step_redirects_to_the_next_one_and_is_idempotent(client, resident, tutorial):
    client.force_login(resident)
    response = client.post(done_url(tutorial))
    assert response.status_code == 302
    assert response["Location"] == f"{tutorial.url}#etape-2"
    client.post(done_url(tutorial))
    assert PageProgress.objects.get(user=resident).done_step_ids == [tutorial.step_ids[0]]
    content = client.get(tutorial.url).content.decode()
    assert "Étape faite" in content
    assert 'href="#etape-2">Reprendre à l&#x27;étape 2' in content or "Reprendre à l'étape 2" in content


def test_last_step_leads_to_the_end(client, resident, tutorial):
    client.force_login(resident)
    for index in range(3):
        response = client.post(done_url(tutorial, index))
    assert response["Location"].endswith("#fin")
    assert "Bravo, vous avez fini ce tutoriel" in client.get(tutorial.url).content.decode()


def test_marking_a_step_answers_json_to_scripts(client, resident, tutorial):
    client.force_login(resident)
    response = client.post(done_url(tutorial), headers={"Accept": "application/json"})
    assert response.json() == {
        "done": True,
        "done_count": 1,
        "step_count": 3,
        "percent": 33,
        "next_step": 2,
        "completed": False,
    }


def test_get_on_the_step_url_changes_nothing(client, resident, tutorial):
    client.force_login(resident)
    assert client.get(done_url(tutorial)).status_code == 405
    assert not PageProgress.objects.exists()


def test_unknown_step_is_404(client, resident, tutorial):
    client.force_login(resident)
    url = tutorial.url + tutorial.reverse_subpage("mark_step_done", args=["inconnue"])
    assert client.post(url).status_code == 404
    assert not PageProgress.objects.exists()


def test_step_of_an_unpublished_tutorial_is_404(client, resident, tutorial):
    url = done_url(tutorial)
    tutorial.unpublish()
    client.force_login(resident)
    assert client.post(url).status_code == 404
    assert not PageProgress.objects.exists()


def test_anonymous_progress_is_kept_in_the_session_then_merged_at_sign_up(client, tutorial):
    client.post(done_url(tutorial, 0))
    client.post(done_url(tutorial, 1))
    assert "Étape faite" in client.get(tutorial.url).content.decode()
    response = client.post(
        reverse("account_signup"),
        {"username": "nadia", "password1": "un-mot-de-passe-long", "password2": "un-mot-de-passe-long"},
    )
    assert response.status_code == 302
    progress = PageProgress.objects.get(user__username="nadia")
    assert progress.done_step_ids == tutorial.step_ids[:2]
    assert ModuleProgress.objects.get(user__username="nadia").percent == 67


def test_anonymous_progress_is_merged_at_login(client, resident, password, tutorial):
    client.post(done_url(tutorial, 2))
    client.post(reverse("account_login"), {"login": "amina", "password": password})
    assert PageProgress.objects.get(user=resident).done_step_ids == [tutorial.step_ids[2]]


def test_module_page_offers_commencer_then_reprendre(client, resident, module, tutorial, second_tutorial):
    client.force_login(resident)
    content = client.get(module.url).content.decode()
    assert "Commencer : Préparer ses documents" in content
    client.post(done_url(tutorial))
    content = client.get(module.url).content.decode()
    assert "Reprendre : Préparer ses documents" in content
    assert 'value="17"' in content  # 1 of 3 steps of 1 of 2 tutorials


def test_my_path_lists_modules_in_progress_and_completed(client, resident, catalogue, tutorial):
    other_module = ModulePageFactory(parent=catalogue, title="Le courriel", slug="courriel")
    other = TutorialPageFactory(parent=other_module, title="Créer une adresse", slug="adresse")
    client.force_login(resident)
    client.post(done_url(tutorial))
    for index in range(3):
        client.post(done_url(other, index))
    content = client.get(reverse("my_path")).content.decode()
    assert "<title>Mon parcours — Pas à pas</title>" in content
    in_progress, completed = content.split("Modules terminés")
    assert "Créer son compte ameli" in in_progress and "Le courriel" not in in_progress
    assert "Le courriel" in completed
    assert "Reprendre : Préparer ses documents" in content
    assert "Dernière activité" in content


def test_my_path_needs_an_account(client, home_page):
    response = client.get(reverse("my_path"))
    assert response.status_code == 302
    assert response["Location"].startswith("/comptes/login/")


def test_catalogue_filters_and_paginates(client, catalogue):
    caf = OperatorFactory(name="CAF", slug="caf")
    for number in range(14):
        module = ModulePageFactory(parent=catalogue, title=f"Module {number:02d}", level="debutant")
        if number < 2:
            module.operators.set([caf])
            module.level = "autonome"
            module.save_revision().publish()
    content = client.get(catalogue.url).content.decode()
    assert "14 modules" in content
    assert "Page 1 sur 2" in content
    content = client.get(catalogue.url, {"organisme": "caf"}).content.decode()
    assert "2 modules" in content
    content = client.get(catalogue.url, {"niveau": "autonome", "organisme": "caf"}).content.decode()
    assert "2 modules" in content
    content = client.get(catalogue.url, {"niveau": "debutant", "organisme": "caf"}).content.decode()
    assert "Aucun module" in content
    assert client.get(catalogue.url, {"page": "999", "niveau": "n'importe quoi"}).status_code == 200


def test_glossary_terms_are_linked_in_steps_and_listed_a_to_z(client, module):
    GlossaryTermFactory(term="numéro fiscal", variants="numéros fiscaux", definition="Le numéro de l'impôt.")
    GlossaryTermFactory(term="avis d'imposition", definition="Le courrier des impôts.")
    tutorial = TutorialPageFactory(
        parent=module,
        steps=[
            {
                "type": "step",
                "value": step("Trouver le NUMÉRO FISCAL", "<p>Prenez l'avis d'imposition.</p>"),
                "id": "s1",
            },
            {"type": "step", "value": step("Recopier", "<p>Recopiez le numéro fiscal.</p>"), "id": "s2"},
        ],
    )
    content = client.get(tutorial.url).content.decode()
    assert content.count('class="glossary-term"') == 2  # not in the step title (a heading)
    assert 'data-term="numero-fiscal"' in content and 'data-term="avis-dimposition"' in content
    assert '<script id="glossary-data" type="application/json">' in content
    glossary = client.get(reverse("glossary")).content.decode()
    assert glossary.index('id="lettre-A"') < glossary.index('id="lettre-N"')
    assert 'id="numero-fiscal"' in glossary


def test_glossary_matcher_follows_term_edits(client, module):
    tutorial = TutorialPageFactory(
        parent=module, steps=[{"type": "step", "value": step("Un", "<p>Le RIB.</p>"), "id": "s"}]
    )
    assert "glossary-term" not in client.get(tutorial.url).content.decode()
    GlossaryTermFactory(term="RIB", definition="Le relevé d'identité bancaire.")
    assert 'data-term="rib"' in client.get(tutorial.url).content.decode()


def test_print_view_has_steps_images_checklist_definitions_and_qr_code(client, module):
    GlossaryTermFactory(term="carte Vitale", definition="La carte verte de l'Assurance Maladie.")
    tutorial = TutorialPageFactory(
        parent=module,
        checklist=[{"type": "item", "value": {"kind": "document", "text": "Votre carte Vitale"}, "id": "c1"}],
        steps=[
            {"type": "step", "value": step("Se munir de sa carte", "<p>Prenez votre carte Vitale.</p>"), "id": "s1"}
        ],
    )
    content = client.get(tutorial.url + "imprimer/").content.decode()
    assert "<svg" in content and "Retrouvez ce tutoriel en ligne" in content
    assert f"http://testserver{tutorial.url}" in content
    assert "Votre carte Vitale" in content
    assert "Se munir de sa carte" in content
    assert (
        "La carte verte de l&#x27;Assurance Maladie." in content or "La carte verte de l'Assurance Maladie." in content
    )
    assert re.search(r"<h2>Les mots à connaître</h2>", content)


def test_search_finds_modules_tutorials_step_text_and_terms(client, module):
    GlossaryTermFactory(term="FranceConnect", definition="Un bouton pour se connecter avec un compte existant.")
    TutorialPageFactory(
        parent=module,
        title="Se connecter",
        steps=[{"type": "step", "value": step("Choisir", "<p>Cliquez sur le bouton FranceConnect.</p>"), "id": "s"}],
    )
    content = client.get(reverse("search"), {"q": "franceconnect"}).content.decode()
    assert "Se connecter" in content
    assert "Un bouton pour se connecter" in content
    content = client.get(reverse("search"), {"q": "ameli"}).content.decode()
    assert "Créer son compte ameli" in content
    content = client.get(reverse("search"), {"q": "zzzzqqq"}).content.decode()
    assert "Nous n&#x27;avons rien trouvé" in content or "Nous n'avons rien trouvé" in content


def test_search_survives_odd_input(client, home_page):
    for query in ["", " ", "a" * 5000, "' OR 1=1 --", "<script>", "%00"]:
        assert client.get(reverse("search"), {"q": query, "page": "x"}).status_code == 200


@pytest.fixture
def big_tutorial(module):
    for number in range(40):
        GlossaryTermFactory(term=f"motclé{number}", definition=f"Définition {number}.")
    return TutorialPageFactory(
        parent=module,
        steps=[
            {"type": "step", "value": step(f"Étape {n}", f"<p>Utilisez le motclé{n} ici.</p>"), "id": f"s{n}"}
            for n in range(25)
        ],
    )


def test_tutorial_page_query_budget_anonymous(client, big_tutorial, django_assert_max_num_queries):
    client.get(big_tutorial.url)
    with django_assert_max_num_queries(12):
        assert client.get(big_tutorial.url).status_code == 200


def test_tutorial_page_query_budget_logged_in(client, resident, big_tutorial, django_assert_max_num_queries):
    client.force_login(resident)
    client.post(done_url(big_tutorial))
    client.get(big_tutorial.url)
    with django_assert_max_num_queries(12):
        assert client.get(big_tutorial.url).status_code == 200


def test_my_path_query_budget(client, resident, catalogue, django_assert_max_num_queries):
    client.force_login(resident)
    for number in range(12):
        module = ModulePageFactory(parent=catalogue)
        tutorial = TutorialPageFactory(parent=module)
        client.post(done_url(tutorial, 0))
        if number % 2:
            client.post(done_url(tutorial, 1))
            client.post(done_url(tutorial, 2))
    client.get(reverse("my_path"))
    with django_assert_max_num_queries(12):
        assert client.get(reverse("my_path")).status_code == 200

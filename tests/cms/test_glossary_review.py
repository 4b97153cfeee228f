"""Glossary terms, operators and places: proposed by a formatrice, published by a relecteur; unique written forms."""

from datetime import date

from django.core.exceptions import ValidationError

from wagtail.models import Workflow, WorkflowState

import pytest

from cms import glossary
from cms.models import GlossaryTerm, Operator, Place

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/cms/glossaryterm/add/"
# Wagtail's workflow notification emails call Django's deprecated get_connection().
WAGTAIL_EMAIL = pytest.mark.filterwarnings("ignore:get_connection:django.utils.deprecation.RemovedInDjango2028Warning")


def term(name, variants="", **extra):
    return GlossaryTerm.objects.create(term=name, variants=variants, definition=f"Définition de {name}.", **extra)


def errors_of(instance):
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return caught.value.message_dict


def test_a_term_differing_only_by_case_or_accents_is_refused():
    term("Code provisoire")
    errors = errors_of(GlossaryTerm(term="code PROVISOIRE", definition="Autre."))
    assert "Le terme « Code provisoire » existe déjà" in errors["term"][0]


def test_accents_do_not_make_a_term_new():
    term("Numéro fiscal")
    assert "Numéro fiscal" in errors_of(GlossaryTerm(term="numero FISCAL", definition="x"))["term"][0]


def test_a_variant_used_by_another_term_is_refused_naming_that_term():
    term("Avis d'imposition", "avis d'impôt")
    errors = errors_of(GlossaryTerm(term="Impôt", variants="impôts\nAvis d'impot", definition="x"))
    assert errors["variants"] == [
        "La variante « Avis d'impot » est déjà une variante du terme « Avis d'imposition » : une forme ne mène "
        "qu'à un seul terme. Retirez-la d'ici ou de l'autre terme."
    ]
    errors = errors_of(GlossaryTerm(term="Imposition", variants="AVIS D'IMPOSITION", definition="x"))
    assert "est déjà le terme « Avis d'imposition »" in errors["variants"][0]


def test_a_term_that_is_another_terms_variant_is_refused():
    term("Numéro de sécurité sociale", "NIR")
    assert (
        "variante du terme « Numéro de sécurité sociale »"
        in errors_of(GlossaryTerm(term="nir", definition="x"))["term"][0]
    )


def test_editing_a_term_does_not_conflict_with_itself():
    saved = term("Identifiant", "identifiants")
    saved.definition = "Le nom qui vous désigne sur un site."
    saved.full_clean()


def test_only_published_terms_are_linked_and_listed(client):
    term("Mot de passe")
    term("Code provisoire", live=False)
    glossary.bump_version()
    forms = set(glossary.current_matcher().by_form)
    assert "mot de passe" in forms and "code provisoire" not in forms
    content = client.get("/glossaire/").content.decode()
    assert "Mot de passe" in content and "Code provisoire" not in content


def test_only_published_places_are_listed(client):
    common = {
        "pivot": "12345678901234",
        "city": "Rouen",
        "postcode": "76000",
        "address": "1 rue",
        "updated_on": date.today(),
    }
    Place.objects.create(source_id="a", name="Médiathèque publiée", **common)
    Place.objects.create(source_id="b", name="Lieu en relecture", live=False, **common)
    content = client.get("/trouver-un-lieu/").content.decode()
    assert "Médiathèque publiée" in content and "Lieu en relecture" not in content


def test_the_review_workflow_covers_terms_operators_and_places():
    workflow = Workflow.objects.get(name="Relecture avant publication")
    for model in (GlossaryTerm, Operator, Place):
        assert model().get_workflow() == workflow


@WAGTAIL_EMAIL
def test_trainer_proposes_and_reviewer_publishes(client, trainer, reviewer):
    client.force_login(trainer)
    form = client.get(ADD_URL).content.decode()
    assert "action-publish" not in form and "action-submit" in form
    data = {"term": "Espace personnel", "variants": "", "definition": "Votre compte sur un site.", "example": ""}
    response = client.post(ADD_URL, {**data, "action-submit": "Soumettre"})
    assert response.status_code == 302
    proposed = GlossaryTerm.objects.get(term="Espace personnel")
    assert not proposed.live
    state = WorkflowState.objects.get(base_content_type__model="glossaryterm", object_id=str(proposed.pk))
    assert state.status == "in_progress"
    glossary.bump_version()
    assert "espace personnel" not in glossary.current_matcher().by_form

    client.post(ADD_URL, {**data, "term": "Publié direct", "action-publish": "Publier"})
    assert not GlossaryTerm.objects.filter(term="Publié direct", live=True).exists()

    client.force_login(reviewer)
    task_state = state.current_task_state
    url = f"/admin/snippets/cms/glossaryterm/workflow/action/{proposed.pk}/approve/{task_state.pk}/"
    response = client.post(url, {"comment": ""})
    assert response.status_code in (200, 302)
    proposed.refresh_from_db()
    assert proposed.live
    glossary.bump_version()
    assert "espace personnel" in glossary.current_matcher().by_form


def test_admin_form_shows_the_duplicate_error(client, trainer):
    term("Code provisoire")
    client.force_login(trainer)
    response = client.post(
        ADD_URL,
        {"term": "code provisoire", "variants": "", "definition": "Doublon.", "example": "", "action-submit": "1"},
    )
    assert response.status_code == 200
    assert "Le terme « Code provisoire » existe déjà" in response.content.decode()
    assert GlossaryTerm.objects.count() == 1

from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest
import wagtail_factories

from learning.blocks import STEP_IMAGE_ALT_MESSAGE, StepBlock, StepsBlock
from learning.models import ModuleIndexPage, ModulePage, TutorialPage
from tests.cms.admin_html import admin_text
from tests.learning.factories import step


def clean_step(**values):
    block = StepBlock()
    title = values.pop("title", "Ouvrir le site")
    return block.clean(block.to_python(step(title, **values)))


def test_step_needs_a_title():
    with pytest.raises(StructBlockValidationError) as error:
        clean_step(title="")
    assert "title" in error.value.block_errors


@pytest.mark.django_db
def test_step_image_always_needs_alt_text():
    image = wagtail_factories.ImageFactory()
    with pytest.raises(StructBlockValidationError) as error:
        clean_step(image=image.pk, image_alt="  ")
    assert list(error.value.block_errors) == ["image_alt"]
    with pytest.raises(StructBlockValidationError):
        clean_step(image=image.pk, image_decorative=True)
    assert clean_step(image=image.pk, image_alt="Le bouton « Se connecter » en haut à droite")


def test_je_verifie_needs_two_options_and_exactly_one_right_answer():
    with pytest.raises(StructBlockValidationError) as error:
        clean_step(check_question="Où cliquer ?", check_options=[{"text": "Ici", "correct": True}])
    assert "check_options" in error.value.block_errors
    with pytest.raises(StructBlockValidationError):
        clean_step(
            check_question="Où cliquer ?",
            check_options=[{"text": "Ici", "correct": True}, {"text": "Là", "correct": True}],
        )
    value = clean_step(
        check_question="Où cliquer ?",
        check_options=[{"text": "Ici", "correct": True}, {"text": "Là", "correct": False}],
    )
    assert value.check_correct_answer == "Ici"


def test_a_tutorial_needs_at_least_one_step():
    block = StepsBlock()
    with pytest.raises(StreamBlockValidationError):
        block.clean(block.to_python([]))


def test_page_tree_rules():
    assert ModuleIndexPage.parent_page_types == ["cms.HomePage"]
    assert ModulePage.parent_page_types == ["learning.ModuleIndexPage"]
    assert ModulePage.subpage_types == ["learning.TutorialPage", "assessments.QuizPage"]
    assert TutorialPage.parent_page_types == ["learning.ModulePage"]
    assert TutorialPage.subpage_types == []


def tutorial_form(**step_values):
    return nested_form_data(
        {
            "title": "Créer son compte ameli",
            "slug": "creer-compte",
            "intro": "Créez votre compte en 10 minutes.",
            "duration_minutes": 10,
            "checklist": streamfield([("item", {"kind": "document", "text": "Votre carte Vitale"})]),
            "media": streamfield([]),
            "steps": streamfield(
                [
                    (
                        "step",
                        {
                            "title": "Ouvrir ameli.fr",
                            "instruction": rich_text("<p>Tapez ameli.fr dans la barre d'adresse.</p>"),
                            "image": "",
                            "image_alt": "",
                            "image_decorative": "",
                            "callouts": streamfield([]),
                            "check_question": "",
                            "check_options": streamfield([]),
                            "check_explanation": "",
                            **step_values,
                        },
                    )
                ]
            ),
            "comments": inline_formset([]),
            "action-submit": "Soumettre à la relecture",
        }
    )


@pytest.mark.django_db
def test_trainer_creates_a_tutorial_through_the_admin_and_submits_it(client, trainer, module):
    client.force_login(trainer)
    response = client.post(f"/admin/pages/add/learning/tutorialpage/{module.pk}/", tutorial_form())
    assert response.status_code == 302, response.content.decode()[:3000]
    tutorial = TutorialPage.objects.get(slug="creer-compte")
    assert not tutorial.live
    assert tutorial.current_workflow_state is not None
    assert tutorial.get_latest_revision_as_object().steps[0].value["title"] == "Ouvrir ameli.fr"


@pytest.mark.django_db
def test_admin_refuses_an_image_without_alt_text_on_that_field(client, trainer, module):
    image = wagtail_factories.ImageFactory()
    client.force_login(trainer)
    response = client.post(
        f"/admin/pages/add/learning/tutorialpage/{module.pk}/", tutorial_form(image=str(image.pk), image_alt="")
    )
    assert response.status_code == 200
    assert not TutorialPage.objects.filter(slug="creer-compte").exists()
    assert STEP_IMAGE_ALT_MESSAGE in admin_text(response.content)


@pytest.mark.django_db
def test_trainer_cannot_publish_but_reviewer_can(trainer, reviewer, tutorial):
    assert not tutorial.permissions_for_user(trainer).can_publish()
    assert tutorial.permissions_for_user(trainer).can_edit()
    assert tutorial.permissions_for_user(reviewer).can_publish()


@pytest.mark.django_db
@pytest.mark.parametrize("model", ["learning/tutorialpage", "learning/modulepage"])
def test_admin_edit_forms_render(client, trainer, tutorial, model):
    client.force_login(trainer)
    page = tutorial if model.endswith("tutorialpage") else tutorial.get_parent()
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200

"""The step image rule, the authoring guide in the admin and Wagtail's words replaced by plain ones (issue 13)."""

import re
from pathlib import Path

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from wagtail.blocks.struct_block import StructBlockValidationError

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from cms.authoring_guide import GUIDE_PATH, render_markdown
from learning.blocks import STEP_IMAGE_ALT_MESSAGE, StepBlock
from tests.cms.admin_html import admin_text
from tests.learning.factories import step
from tests.learning.test_authoring import tutorial_form


def clean_step(**values):
    block = StepBlock()
    return block.clean(block.to_python(step("Ouvrir le site", **values)))


@pytest.mark.django_db
def test_a_step_image_always_needs_its_description():
    image = wagtail_factories.ImageFactory()
    for alt in ("", "   "):
        with pytest.raises(StructBlockValidationError) as error:
            clean_step(image=image.pk, image_alt=alt)
        assert list(error.value.block_errors) == ["image_alt"]
        assert STEP_IMAGE_ALT_MESSAGE in str(error.value.block_errors["image_alt"])
    # What used to exempt a screenshot (« décorative ») exempts nothing any more.
    with pytest.raises(StructBlockValidationError):
        clean_step(image=image.pk, image_alt="", image_decorative=True)
    value = clean_step(image=image.pk, image_alt="Le bouton bleu Se connecter, en haut à droite")
    assert value["image_alt"] == "Le bouton bleu Se connecter, en haut à droite"


def test_a_step_without_image_needs_no_description():
    assert clean_step(image=None, image_alt="")


@pytest.mark.django_db
def test_a_tutorial_saved_from_the_editor_refuses_a_screenshot_without_description(client, trainer, tutorial):
    image = wagtail_factories.ImageFactory()
    client.force_login(trainer)
    data = tutorial_form(image=image.pk, image_alt="")
    data.pop("action-submit")  # a plain « Enregistrer le brouillon »
    response = client.post(f"/admin/pages/{tutorial.pk}/edit/", data)
    assert response.status_code == 200
    assert STEP_IMAGE_ALT_MESSAGE in admin_text(response.content)


def test_the_guide_opens_in_the_admin_for_trainers(client, trainer):
    client.force_login(trainer)
    response = client.get(reverse("pasapas_authoring_guide"))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(strip=True) == "Guide de rédaction"
    text = soup.get_text(" ")
    assert "Pas plus de 20 mots par phrase." in text
    assert "Sa description est obligatoire." in text
    assert "Soumettre à Relecture avant publication" in text


def test_the_menu_says_guide_and_shared_lists_not_fragments(client, trainer):
    client.force_login(trainer)
    response = client.get("/admin/")
    assert response.status_code == 200
    text = admin_text(response.content)
    assert "Guide de rédaction" in text
    assert reverse("pasapas_authoring_guide") in text
    assert "Listes partagées" in text
    assert "Fragments" not in text


def test_the_guide_is_not_for_residents(client, resident):
    client.force_login(resident)
    response = client.get(reverse("pasapas_authoring_guide"))
    assert response.status_code in (302, 403)


def test_wagtail_words_are_replaced_by_plain_ones():
    with translation.override("fr"):
        assert translation.gettext("Snippets") == "Listes partagées"
        assert translation.gettext("Upload") == "Envoyer depuis l'ordinateur"


def test_the_compiled_catalogue_matches_its_source():
    catalogue = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES"
    assert (catalogue / "django.mo").stat().st_mtime >= (catalogue / "django.po").stat().st_mtime - 1


def sentences(markdown):
    text = re.sub(r"^\s*(#+|[-*]|\d+\.)\s+", "", markdown, flags=re.MULTILINE)
    return [sentence for sentence in re.split(r"(?<=[.!?;])\s+|\n", text) if sentence.strip()]


def test_the_guide_follows_its_own_rule_of_twenty_words():
    too_long = [sentence for sentence in sentences(GUIDE_PATH.read_text()) if len(sentence.split()) > 20]
    assert not too_long


def test_markdown_subset_escapes_html_and_refuses_script_links():
    html = render_markdown(
        "# Titre\n\nUn <b>texte</b> **gras** et `code`.\n\n- un\n- deux\n  suite\n\n1. premier\n\n"
        "[bon](/admin/) [mauvais](javascript:alert(1))"
    )
    assert "<h2>Titre</h2>" in html
    assert "&lt;b&gt;texte&lt;/b&gt; <strong>gras</strong> et <code>code</code>." in html
    assert "<ul><li>un</li><li>deux suite</li></ul>" in html
    assert "<ol><li>premier</li></ol>" in html
    assert '<a href="/admin/">bon</a>' in html
    assert "javascript" not in html.split("mauvais")[0][-40:]
    assert 'href="javascript' not in html

from wagtail.blocks.struct_block import StructBlockValidationError

import pytest
import wagtail_factories

from cms.blocks import BaseStreamBlock, CalloutBlock, EntryPointBlock, HeadingBlock, ImageBlock, VideoBlock


@pytest.mark.django_db
def test_image_needs_alt_text_unless_decorative():
    image = wagtail_factories.ImageFactory()
    block = ImageBlock()
    value = block.to_python({"image": image.pk, "alt_text": " ", "decorative": False, "caption": ""})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert list(error.value.block_errors) == ["alt_text"]
    assert block.clean(block.to_python({"image": image.pk, "alt_text": "", "decorative": True}))
    assert block.clean(block.to_python({"image": image.pk, "alt_text": "Le bouton Se connecter"}))


def test_decorative_image_has_empty_alt():
    block = ImageBlock()
    value = block.to_python({"alt_text": "ignoré", "decorative": True})
    assert value.alt == ""
    value = block.to_python({"alt_text": "La page d'accueil d'ameli", "decorative": False})
    assert value.alt == "La page d'accueil d'ameli"


def test_callout_renders_its_kind_in_words():
    block = CalloutBlock()
    value = block.to_python({"kind": "scam", "title": "Faux SMS", "text": "<p>Ne cliquez pas.</p>"})
    html = block.render(value)
    assert "Alerte arnaque" in html
    assert "callout--scam" in html
    assert "Faux SMS" in html


def test_heading_renders_the_chosen_level():
    block = HeadingBlock()
    assert block.render(block.to_python({"text": "Avant de commencer", "level": "h3"})).strip() == (
        "<h3>Avant de commencer</h3>"
    )


def test_video_requires_a_transcript():
    block = VideoBlock()
    assert block.child_blocks["transcript"].required


@pytest.mark.parametrize("block_class", [HeadingBlock, ImageBlock, CalloutBlock, VideoBlock, EntryPointBlock])
def test_every_block_has_icon_template_and_description(block_class):
    meta = block_class._meta_class
    assert meta.icon and meta.icon != "placeholder"
    assert meta.template
    assert meta.description


def test_rich_text_is_limited_to_simple_features():
    features = BaseStreamBlock().child_blocks["paragraph"].features
    assert set(features) == {"bold", "italic", "link", "ol", "ul"}

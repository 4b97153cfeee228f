"""A step has one template, the tutorial's: rendered alone (the editor's block preview), it is step 1 of 1."""

from learning.blocks import StepBlock


def test_a_step_rendered_alone_uses_the_tutorial_template_without_the_done_form():
    block = StepBlock()
    html = block.render(block.to_python(block.meta.preview_value))
    assert "Étape 1 sur 1" in html
    assert "Ouvrir le site ameli.fr" in html
    assert "<form" not in html

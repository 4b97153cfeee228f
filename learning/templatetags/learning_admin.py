"""Template tags for the Wagtail admin's own templates."""

from django import template

from learning import editor_messages

register = template.Library()


@register.simple_tag
def module_unpublish_warning(page):
    """What unpublishing this page hides with it, when it is a module with published tutorials or quizzes."""
    return editor_messages.module_live_children_warning(page.specific, unpublishing=True)

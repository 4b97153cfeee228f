"""What the editor tells trainers about tutorials and modules (Wagtail hooks)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from wagtail import hooks
from wagtail.models import Page

from learning import editor_messages, services
from learning.models import ModulePage, TutorialPage

CONFIRM_SESSION_KEY = "pasapas_confirmed_step_changes"


def _raw_step_ids(tutorial):
    """The steps' block ids of this instance as edited (not the cached TutorialPage.step_ids of what was loaded)."""
    return [item["id"] for item in tutorial.steps.raw_data if item["type"] == "step"]


@hooks.register("before_edit_page")
def warn_in_editor(request, page):
    """Opening the editor: say what a draft's steps would do to residents, and when the module hides the page."""
    if request.method != "GET":
        return None
    page = page.specific
    warning = editor_messages.module_not_published_warning(page)
    if isinstance(page, ModulePage):
        warning = editor_messages.module_live_children_warning(page)
    if warning:
        messages.warning(request, warning)
    if isinstance(page, TutorialPage) and page.live and page.has_unpublished_changes:
        draft = page.get_latest_revision_as_object()
        impact = services.edit_impact(tutorial=page, new_step_ids=_raw_step_ids(draft))
        if impact is not None:
            message = editor_messages.impact_message(impact)
            messages.warning(request, "Le brouillon n'est pas encore publié. " + message)
    return None


@hooks.register("before_create_page")
def warn_before_creating(request, parent_page, page_class):
    if request.method == "GET" and isinstance(parent_page.specific, ModulePage) and not parent_page.live:
        kind = "ce quiz" if page_class.__name__ == "QuizPage" else "ce tutoriel"
        messages.warning(
            request,
            f"Le module « {parent_page.title} » n'est pas publié : {kind} ne sera visible qu'une fois le module "
            "publié.",
        )
    return None


@hooks.register("before_publish_page")
def confirm_step_changes(request, page):
    """Publishing steps added, removed or reordered while people follow the tutorial asks to confirm once.

    The first « Publier » keeps the change as a draft (Wagtail saved the revision already) and comes back to the
    editor with who is touched and how; publishing the same steps again publishes them.
    """
    if not isinstance(page, TutorialPage):
        return None
    new_ids = _raw_step_ids(page)
    impact = services.edit_impact(tutorial=page, new_step_ids=new_ids)
    if impact is None or not impact["readers"]:
        return None
    confirmed = request.session.get(CONFIRM_SESSION_KEY, {})
    if confirmed.get(str(page.pk)) == new_ids:
        confirmed.pop(str(page.pk))
        request.session[CONFIRM_SESSION_KEY] = confirmed
        messages.info(request, "Publié comme confirmé. " + editor_messages.impact_message(impact))
        return None
    request.session[CONFIRM_SESSION_KEY] = {**confirmed, str(page.pk): new_ids}
    messages.warning(
        request,
        "Pas encore publié : vos changements sont gardés en brouillon. "
        + editor_messages.impact_message(impact)
        + " Pour publier quand même, cliquez de nouveau sur « Publier ».",
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


@hooks.register("after_unpublish_page")
def warn_after_unpublishing(request, page):
    """The module's published tutorials and quizzes are hidden with it: say so (the confirmation page did too)."""
    page = Page.objects.get(pk=page.pk).specific
    if isinstance(page, ModulePage):
        warning = editor_messages.module_live_children_warning(page)
        if warning:
            messages.warning(request, warning)
    return None

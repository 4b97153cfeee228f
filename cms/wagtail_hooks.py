"""Wagtail admin hooks of the cms app."""

from django.contrib import messages
from django.db import router
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.http import JsonResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms import admin_views
from cms.admin_views import GUIDE_TITLE


@hooks.register("before_delete_snippet")
def refuse_deleting_what_is_still_used(request, instances):
    """Wagtail blocks a deletion only for the uses its reference index knows; the database knows them all (the
    competences of a domain loaded by a migration, a procedure in agents' autonomy records). Without this check,
    confirming such a deletion ends in a server error: the confirmation page comes back with a message instead."""
    if request.method != "POST" or not instances:
        return None
    collector = Collector(using=router.db_for_write(type(instances[0])))
    try:
        collector.collect(list(instances))
    except (ProtectedError, RestrictedError):
        if len(instances) == 1:
            message = f"« {instances[0]} » est encore utilisé ailleurs : il ne peut pas être supprimé."
        else:
            message = "Certains de ces éléments sont encore utilisés ailleurs : rien n'a été supprimé."
        messages.error(request, message)
        return redirect(request.get_full_path())
    return None


# The editor as a trainer meets it (issue 13): an authoring guide, visible « Ajouter » buttons. The plain labels of
# Wagtail's own words (« Fragments », « Transférer ») are in locale/fr/LC_MESSAGES/django.po.


@hooks.register("register_admin_urls")
def register_authoring_guide_url():
    return [path("guide-de-redaction/", admin_views.authoring_guide, name="pasapas_authoring_guide")]


@hooks.register("register_admin_menu_item")
def register_authoring_guide_menu_item():
    return MenuItem(GUIDE_TITLE, reverse("pasapas_authoring_guide"), icon_name="help", order=10000)


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("insert_editor_js")
def editor_js():
    return format_html('<script src="{}" defer></script>', static("js/admin.js"))


# Wagtail 8's autosave (issue 13): an autosave request only ever saves a draft. Publishing, submitting for review and
# workflow actions come from the editor's own buttons; an autosave that carries their fields (a workflow button adds
# hidden ones to the form) is refused, so it can never run the action a second time or race the real request.
# static/js/editor_autosave.js stops autosave as soon as the form is sent.
EDITOR_ACTION_FIELDS = (
    "action-publish",
    "action-submit",
    "action-restart-workflow",
    "action-cancel-workflow",
    "action-workflow-action",
    "workflow-action-name",
)


def refuse_autosave_with_an_action(request):
    is_autosave = request.method == "POST" and not request.accepts("text/html")
    if not is_autosave or not any(name in request.POST for name in EDITOR_ACTION_FIELDS):
        return None
    return JsonResponse(
        {
            "success": False,
            "error_code": "invalid_revision",
            "error_message": "Enregistrement automatique arrêté : la page est en cours d'envoi.",
        },
        status=400,
    )


@hooks.register("before_edit_page")
def autosave_never_acts_on_edit(request, page):
    return refuse_autosave_with_an_action(request)


@hooks.register("before_create_page")
def autosave_never_acts_on_create(request, parent_page, page_class):
    return refuse_autosave_with_an_action(request)


@hooks.register("insert_editor_js")
def editor_autosave_js():
    return format_html('<script src="{}" defer></script>', static("js/editor_autosave.js"))

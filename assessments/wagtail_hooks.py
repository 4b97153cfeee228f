from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from assessments import admin_views
from assessments.models import QuizPage


@hooks.register("register_admin_urls")
def register_gift_import_url():
    return [
        path("quiz/importer-gift/", admin_views.import_gift, name="assessments_import_gift"),
        path("quiz/exporter-gift/", admin_views.export_gift, name="assessments_export_gift"),
    ]


class GiftImportMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(admin_views.modules_for(request.user))


@hooks.register("register_admin_menu_item")
def register_gift_import_menu_item():
    return GiftImportMenuItem(
        "Importer ou exporter un quiz (GIFT)", reverse("assessments_import_gift"), icon_name="upload", order=900
    )


class ExportGiftButton(PageMenuItem):
    label = "Exporter en GIFT (.gift)"
    icon_name = "download"

    @cached_property
    def url(self):
        return reverse("assessments_export_gift") + "?" + urlencode({"quiz": self.page.pk})


def _export_button(page, user, priority):
    if isinstance(page.specific_deferred, QuizPage) and page.permissions_for_user(user).can_edit():
        yield ExportGiftButton(page=page, priority=priority)


@hooks.register("register_page_header_buttons")
def register_gift_export_header_button(page, user, view_name=None, next_url=None):
    yield from _export_button(page, user, priority=66)


@hooks.register("register_page_listing_more_buttons")
def register_gift_export_listing_button(page, user, next_url=None):
    yield from _export_button(page, user, priority=55)

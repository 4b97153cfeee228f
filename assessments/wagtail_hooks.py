from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from assessments import admin_views


@hooks.register("register_admin_urls")
def register_gift_import_url():
    return [path("quiz/importer-gift/", admin_views.import_gift, name="assessments_import_gift")]


class GiftImportMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(admin_views.modules_for(request.user))


@hooks.register("register_admin_menu_item")
def register_gift_import_menu_item():
    return GiftImportMenuItem(
        "Importer un quiz (GIFT)", reverse("assessments_import_gift"), icon_name="upload", order=900
    )

"""The Django admin is for superusers only; config.middleware.AdminAccessMiddleware sends everyone else away."""

from django.contrib import admin


class SuperuserAdminSite(admin.AdminSite):
    site_header = "Pas à pas — administration technique"
    site_title = "Pas à pas"
    index_title = "Administration technique"

    def has_permission(self, request):
        return request.user.is_active and request.user.is_superuser

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    verbose_name = "Comptes et structures"


class SuperuserAdminConfig(admin_apps.AdminConfig):
    """Django's admin, restricted to superusers (see accounts.admin_site)."""

    default = False
    default_site = "accounts.admin_site.SuperuserAdminSite"

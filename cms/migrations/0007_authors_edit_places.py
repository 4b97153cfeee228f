"""Formateurs and Relecteurs keep the places (« Trouver un lieu ») up to date in the Wagtail admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Formateurs", "Relecteurs"]
MODELS = ["place"]
ACTIONS = ["add", "change", "view"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("cms")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="cms", codename__in=[f"{a}_{m}" for a in ACTIONS for m in MODELS]
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("cms", "0006_entry_points_may_link_to_a_url")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

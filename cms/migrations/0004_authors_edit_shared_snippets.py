"""Formateurs and Relecteurs write the glossary, operators and procedures (snippets in the Wagtail admin)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Formateurs", "Relecteurs"]
MODELS = ["glossaryterm", "operator", "procedure"]
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
    dependencies = [("cms", "0003_glossary_operators_procedures"), ("cms", "0002_create_author_groups")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

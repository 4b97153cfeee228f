"""Formateurs and Relecteurs refine the competence framework (snippets in the Wagtail admin)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Formateurs", "Relecteurs"]
CODENAMES = [f"{action}_{model}" for action in ("add", "change", "view") for model in ("domain", "competence")]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("assessments")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="assessments", codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("assessments", "0003_quizzes_attempts_answers"), ("cms", "0002_create_author_groups")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

"""Load the CRCN framework (5 domains, 16 competences) and the project's two extra domains."""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "crcn.json"


def load(apps, schema_editor):
    Domain = apps.get_model("assessments", "Domain")
    Competence = apps.get_model("assessments", "Competence")
    data = json.loads(DATA.read_text(encoding="utf-8"))
    groups = [(data["domains"], True), (data["project_extension_proposal"]["domains"], False)]
    for domains, is_crcn in groups:
        for domain_data in domains:
            domain, _ = Domain.objects.update_or_create(
                code=domain_data["code"], defaults={"title": domain_data["title"], "is_crcn": is_crcn}
            )
            for competence in domain_data["competences"]:
                Competence.objects.update_or_create(
                    code=competence["code"], defaults={"title": competence["title"], "domain": domain}
                )


class Migration(migrations.Migration):
    dependencies = [("assessments", "0001_competence_framework")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

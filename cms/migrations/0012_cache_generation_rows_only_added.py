import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0011_cache_generation_token"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="cachegeneration",
            options={
                "verbose_name": "changement de contenu (caches)",
                "verbose_name_plural": "changements de contenu (caches)",
            },
        ),
        migrations.RemoveField(
            model_name="cachegeneration",
            name="token",
        ),
        migrations.AddField(
            model_name="cachegeneration",
            name="changed_at",
            field=models.DateTimeField(
                auto_now_add=True, default=django.utils.timezone.now, verbose_name="modifié le"
            ),
            preserve_default=False,
        ),
    ]

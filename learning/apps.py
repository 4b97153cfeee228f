from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = "Parcours"

    def ready(self):
        from learning import signals  # noqa: F401, PLC0415 (receivers connect once the apps are loaded)

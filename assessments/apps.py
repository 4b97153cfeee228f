from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = "Quiz et compétences"

    def ready(self):
        from assessments import receivers  # noqa: F401, PLC0415 (receivers connect once the apps are loaded)

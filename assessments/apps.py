from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = "Quiz et compétences"

    def ready(self):
        from assessments import receivers  # noqa: F401

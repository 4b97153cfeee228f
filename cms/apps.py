from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Site et contenus partagés"

    def ready(self):
        from cms import page_cache, signals  # noqa: F401, PLC0415 (receivers connect once the apps are loaded)

        page_cache.connect_signals()

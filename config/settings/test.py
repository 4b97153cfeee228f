"""The test suite: production-like (DEBUG off), fast hashing, immediate tasks, strict template variables."""

import os
import sys
from urllib.parse import urlsplit, urlunsplit

from config.settings.base import *  # noqa: F403

PROJECT_TEMPLATE_ROOT = str(BASE_DIR)  # noqa: F405


class InvalidTemplateVariable(str):
    """Makes `{{ missing }}` in our own templates fail the test that renders it.

    Third-party templates (Wagtail's admin, allauth's) rely on missing variables rendering empty, so the
    check applies only to templates under this project's folders.
    """

    def __bool__(self):
        # Falsy like production's "": a lookup whose method raises a "silent" error (Wagtail's
        # `latest_revision.get_previous` on a first revision) gets this object itself, and `{% if %}` must skip it.
        return False

    def __mod__(self, other):
        frame = sys._getframe(1)
        while frame is not None:
            if frame.f_code.co_name == "render_annotated":
                origin = getattr(frame.f_locals.get("self"), "origin", None)
                name = str(getattr(origin, "name", ""))
                if name.startswith(PROJECT_TEMPLATE_ROOT) and "/.venv/" not in name:
                    raise NameError(f"Variable de gabarit inconnue : {other!r} dans {name}")
                return ""
            frame = frame.f_back
        return ""


DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
TEMPLATES[0]["OPTIONS"]["string_if_invalid"] = InvalidTemplateVariable("%s")  # noqa: F405
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "maintenance": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"},
}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "tmp" / "test-media")))  # noqa: F405
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Each pytest-xdist worker gets its own Redis database: the tests empty the cache, and must only empty their own.
if REDIS_URL:  # noqa: F405
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    database = 1 + int(worker.removeprefix("gw") or 0) % 15
    for alias in CACHES.values():  # noqa: F405
        alias["LOCATION"] = urlunsplit(urlsplit(REDIS_URL)._replace(path=f"/{database}"))  # noqa: F405

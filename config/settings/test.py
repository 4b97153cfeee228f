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

# SQLite: the test database is a file (in memory-backed /dev/shm when there is one), not Django's in-memory default.
# An in-memory database is one connection that the live server shares between its request threads; two requests at
# once (a quiz's autosave and its submission, the editor's autosave and its preview) then use it together and fail
# with « bad parameter or other API misuse ». With a file, each thread has its own connection and waits for the write
# lock like production's. The name is new for every run and the file is removed at exit.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    import atexit
    import tempfile
    import uuid

    _shm = Path("/dev/shm")  # noqa: F405
    _folder = _shm if _shm.is_dir() and os.access(_shm, os.W_OK) else Path(tempfile.gettempdir())  # noqa: F405
    _test_name = _folder / f"pasapas-test-{uuid.uuid4().hex[:12]}.sqlite3"
    DATABASES["default"]["TEST"] = {"NAME": str(_test_name)}  # noqa: F405

    def _remove_test_database_files(folder=_folder, stem=_test_name.name):
        for path in folder.glob(f"{stem}*"):
            path.unlink(missing_ok=True)

    atexit.register(_remove_test_database_files)

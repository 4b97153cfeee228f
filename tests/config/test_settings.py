"""Settings profiles, read the way a server reads them at start-up.

Most tests load a settings module in this process with a given environment (`load_settings`): a bad variable stops
the import with ImproperlyConfigured, as it stops the server. Only `check --deploy` needs a real start-up, so it runs
as a command, once per media storage.
"""

import importlib
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

import pytest
from django_tasks_db.models import DBTaskResult

from privacy import tasks

ROOT = Path(__file__).resolve().parents[2]
OWN_VARIABLES = ("DJANGO_", "DATABASE_", "REDIS_", "MEDIA_", "S3_")


def clean_environment(**env):
    environment = {key: value for key, value in os.environ.items() if not key.startswith(OWN_VARIABLES)}
    environment.update(env)
    return environment


def run_manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean_environment(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def load_settings(module="config.settings.production", **env):
    """The settings a fresh process would get from `module` with this environment, as a dict."""
    modules = [name for name in sys.modules if name.startswith("config.settings.")]
    kept = {name: sys.modules.pop(name) for name in modules}
    try:
        with mock.patch.dict(os.environ, clean_environment(**env), clear=True):
            loaded = importlib.import_module(module)
        return {name: getattr(loaded, name) for name in dir(loaded) if name.isupper()}
    finally:
        for name in [name for name in sys.modules if name.startswith("config.settings.")]:
            del sys.modules[name]
        sys.modules.update(kept)


PRODUCTION = {
    "DJANGO_SECRET_KEY": "k" * 20 + "0123456789abcdefghijklmnopqrstuvwxyz",
    "DJANGO_ALLOWED_HOSTS": "pasapas.example.fr",
}
PRODUCTION_COMMAND = {"DJANGO_SETTINGS_MODULE": "config.settings.production", **PRODUCTION}


def test_production_settings_pass_check_deploy_without_warnings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_COMMAND)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"])
def test_missing_production_variable_is_named_at_start_up(missing):
    env = {key: value for key, value in PRODUCTION.items() if key != missing}
    with pytest.raises(ImproperlyConfigured, match=missing):
        load_settings(**env)


def test_a_missing_production_variable_stops_the_command_with_its_name():
    result = run_manage("check", DJANGO_SETTINGS_MODULE="config.settings.production")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr and "ImproperlyConfigured" in result.stderr


@pytest.mark.parametrize("url", ["nonsense", "postgres://u@h:notaport/db", "mysql://a@b/c"])
def test_malformed_database_url_is_named_at_start_up(url):
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        load_settings("config.settings.dev", DATABASE_URL=url)


def test_production_sets_a_statement_timeout_on_postgresql():
    loaded = load_settings(DATABASE_URL="postgres://postgres@127.0.0.1:5432/pasapas", **PRODUCTION)
    assert "statement_timeout=30000" in loaded["DATABASES"]["default"]["OPTIONS"]["options"]


@pytest.mark.django_db
def test_production_task_backends_accept_wagtail_work_and_queue_maintenance(settings, home_page):
    """Wagtail's tasks (django-tasks backport) and ours (built-in django.tasks) both go through under production."""
    settings.TASKS = load_settings(**PRODUCTION)["TASKS"]

    home_page.title = "Accueil publié avec les réglages de production"
    home_page.save_revision().publish()
    tasks.purge_audit_journal.enqueue()

    assert DBTaskResult.objects.filter(task_path=tasks.purge_audit_journal.module_path).count() == 1


S3 = {
    "MEDIA_STORAGE": "s3",
    "S3_BUCKET": "pasapas-media",
    "S3_ENDPOINT_URL": "https://s3.fr-par.example.net",
    "S3_REGION": "fr-par",
    "S3_ACCESS_KEY_ID": "cle-publique",
    "S3_SECRET_ACCESS_KEY": "cle-secrete",
    "S3_PUBLIC_ORIGIN": "https://s3.fr-par.example.net",
}


def storage_from(loaded):
    config = loaded["STORAGES"]["default"]
    return import_string(config["BACKEND"])(**config.get("OPTIONS", {}))


def test_media_can_live_in_an_object_storage_shared_by_every_app_server():
    check = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_COMMAND, **S3)
    assert check.returncode == 0, check.stdout + check.stderr

    loaded = load_settings(**PRODUCTION, **S3)
    storage = storage_from(loaded)
    url = storage.url("original_images/carte.png")
    assert type(storage).__name__ == "S3Storage"
    assert url.startswith("https://s3.fr-par.example.net/pasapas-media/media/original_images/carte.png?")
    assert "Signature" in url or "X-Amz-Signature" in url  # private bucket: signed, expiring addresses
    assert loaded["SECURE_CSP"]["img-src"][-1] == "https://s3.fr-par.example.net"
    assert loaded["ADMIN_CSP"]["media-src"][-1] == "https://s3.fr-par.example.net"

    local = load_settings(**PRODUCTION)
    assert type(storage_from(local)).__name__ == "MediaStorage"  # FileSystemStorage without truncated files
    assert "https://s3.fr-par.example.net" not in local["SECURE_CSP"]["img-src"]


@pytest.mark.parametrize("missing", ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_PUBLIC_ORIGIN"])
def test_an_incomplete_object_storage_setting_is_named_at_start_up(missing):
    env = {key: value for key, value in S3.items() if key != missing}
    with pytest.raises(ImproperlyConfigured, match=missing):
        load_settings(**PRODUCTION, **env)


def test_an_unknown_media_storage_is_refused_at_start_up():
    with pytest.raises(ImproperlyConfigured, match="MEDIA_STORAGE"):
        load_settings(**PRODUCTION, MEDIA_STORAGE="ftp")

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_"))
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": "k" * 20 + "0123456789abcdefghijklmnopqrstuvwxyz",
    "DJANGO_ALLOWED_HOSTS": "pasapas.example.fr",
}


def test_production_settings_pass_check_deploy_without_warnings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"])
def test_missing_production_variable_is_named_at_start_up(missing):
    env = {key: value for key, value in PRODUCTION.items() if key != missing}
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert missing in result.stderr
    assert "ImproperlyConfigured" in result.stderr


@pytest.mark.parametrize("url", ["nonsense", "postgres://u@h:notaport/db", "mysql://a@b/c"])
def test_malformed_database_url_is_named_at_start_up(url):
    result = run_manage("check", DATABASE_URL=url, DJANGO_SETTINGS_MODULE="config.settings.dev")
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_production_sets_a_statement_timeout_on_postgresql():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS']['options'])",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/pasapas",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    assert "statement_timeout=30000" in result.stdout


@pytest.mark.django_db
def test_production_task_backends_accept_wagtail_work_and_queue_maintenance(settings, home_page):
    """Wagtail's tasks (django-tasks backport) and ours (built-in django.tasks) both go through under production."""
    import json

    from django_tasks_db.models import DBTaskResult

    from learning import tasks

    result = run_manage(
        "shell", "-c", "import json; from django.conf import settings; print(json.dumps(settings.TASKS))", **PRODUCTION
    )
    assert result.returncode == 0, result.stderr
    settings.TASKS = json.loads(result.stdout.strip().splitlines()[-1])

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

SHOW_STORAGE = (
    "from django.conf import settings; from django.core.files.storage import storages; storage = storages['default']; "
    "print(type(storage).__name__, storage.url('original_images/carte.png'), "
    "settings.SECURE_CSP['img-src'][-1])"
)


def test_media_can_live_in_an_object_storage_shared_by_every_app_server():
    check = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION, **S3)
    assert check.returncode == 0, check.stdout + check.stderr

    shown = run_manage("shell", "-c", SHOW_STORAGE, **PRODUCTION, **S3)
    assert shown.returncode == 0, shown.stderr
    name, url, image_origin = shown.stdout.strip().splitlines()[-1].split()
    assert name == "S3Storage"
    assert url.startswith("https://s3.fr-par.example.net/pasapas-media/media/original_images/carte.png?")
    assert "Signature" in url or "X-Amz-Signature" in url  # private bucket: signed, expiring addresses
    assert image_origin == "https://s3.fr-par.example.net"

    local = run_manage("shell", "-c", SHOW_STORAGE, **PRODUCTION)
    assert local.stdout.strip().splitlines()[-1].startswith("FileSystemStorage /media/original_images/carte.png")


@pytest.mark.parametrize("missing", ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_PUBLIC_ORIGIN"])
def test_an_incomplete_object_storage_setting_is_named_at_start_up(missing):
    env = {key: value for key, value in S3.items() if key != missing}
    result = run_manage("check", **PRODUCTION, **env)
    assert result.returncode != 0 and missing in result.stderr


def test_an_unknown_media_storage_is_refused_at_start_up():
    result = run_manage("check", **PRODUCTION, MEDIA_STORAGE="ftp")
    assert result.returncode != 0 and "MEDIA_STORAGE" in result.stderr

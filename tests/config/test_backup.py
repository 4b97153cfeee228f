"""Backup and restore on PostgreSQL with deploy/pg-backup and deploy/pg-restore (the commands docs/deploy.md gives)."""

import io
import os
import subprocess
import sys
import uuid
from pathlib import Path

from django.core.management import call_command
from django.db import connection

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Run in the restored database: every live page of the seed must render, and the demo data must be there.
RENDER_EVERY_PAGE = """
from django.test import Client
from wagtail.models import Page
from accounts.models import User
client = Client()
failures = [(page.url, client.get(page.url).status_code) for page in Page.objects.live().specific() if page.url]
failures = [failure for failure in failures if failure[1] != 200]
print("pages", Page.objects.live().count(), "residents", User.objects.residents().count(), "failures", failures)
"""


def url_of(database):
    settings = connection.settings_dict
    return f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{database}"


def run(*command, database_url, **env):
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "REDIS_"))}
    environment.update(DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE="config.settings.test", **env)
    return subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300)


@pytest.fixture
def empty_database():
    name = f"pasapas_restore_{uuid.uuid4().hex[:10]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_backup_restores_into_an_empty_database_and_the_seed_pages_render(settings, tmp_path, empty_database):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    settings.DEBUG = False
    source = url_of(connection.settings_dict["NAME"])

    backup = run(str(ROOT / "deploy" / "pg-backup"), str(tmp_path / "backups"), database_url=source)
    assert backup.returncode == 0, backup.stderr
    dump = Path(backup.stdout.strip())
    assert dump.exists() and dump.name.startswith("pasapas-") and dump.suffix == ".dump"

    target = url_of(empty_database)
    restore = run(str(ROOT / "deploy" / "pg-restore"), str(dump), database_url=target)
    assert restore.returncode == 0, restore.stderr

    pages = run(
        sys.executable,
        "manage.py",
        "shell",
        "-c",
        RENDER_EVERY_PAGE,
        database_url=target,
        MEDIA_ROOT=settings.MEDIA_ROOT,
    )
    assert pages.returncode == 0, pages.stderr
    summary = pages.stdout.strip().splitlines()[-1]
    assert summary.endswith("failures []"), summary
    assert " residents 12 " in summary and int(summary.split()[1]) > 30, summary

    # Restoring again over the now-filled database is refused, and leaves it as it was.
    again = run(str(ROOT / "deploy" / "pg-restore"), str(dump), database_url=target)
    assert again.returncode == 3 and "base vide" in again.stderr


def test_a_damaged_dump_restores_nothing(tmp_path, empty_database):
    damaged = tmp_path / "pasapas-damaged.dump"
    damaged.write_bytes(b"PGDMP" + b"\x00" * 64)
    target = url_of(empty_database)
    restore = run(str(ROOT / "deploy" / "pg-restore"), str(damaged), database_url=target)
    assert restore.returncode != 0
    tables = run(
        "psql",
        target,
        "--no-psqlrc",
        "--tuples-only",
        "--no-align",
        "--command",
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'",
        database_url=target,
    )
    assert tables.stdout.strip() == "0"

"""The database really gone (a closed PostgreSQL port, an SQLite file that cannot open): the calm 503, and a trace.

The error used to be raised in a middleware (reading the session of a signed-in person, or signing in), before
the handler that turns it into the 503 page: people got a 500. Each case runs Django in a fresh process whose
DATABASE_URL points at nothing, as after a crash of the database server.
"""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import json, logging
import django
django.setup()
from django.test import Client

records = []
class Keep(logging.Handler):
    def emit(self, record):
        records.append(record.getMessage())
logging.getLogger("pasapas.outage").addHandler(Keep())

results = {}
client = Client(raise_request_exception=False)
client.cookies["sessionid"] = "une-session-ouverte-avant-la-panne"
for name, method, path, data in [
    ("signed-in home", "get", "/", None),
    ("signed-in tutorial list", "get", "/catalogue/", None),
    ("password sign-in", "post", "/comptes/login/", {"login": "amina", "password": "x"}),
    ("card sign-in", "post", "/connexion-code/", {"username": "amina", "code": "ABCD2345"}),
]:
    response = getattr(client, method)(path, data or {})
    results[name] = [response.status_code, response.get("Retry-After"), response.content.decode()[:4000]]
print(json.dumps({"results": results, "logged": records}))
"""


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens there once the socket is closed


def run_without_database(database_url, tmp_path):
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_"))}
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    environment.pop("REDIS_URL", None)  # the cache is not what is tested here
    completed = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return json.loads(completed.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("engine", ["postgresql", "sqlite"])
def test_every_request_gets_the_calm_503_page_and_the_outage_is_logged(engine, tmp_path):
    if engine == "postgresql":
        url = f"postgres://postgres@127.0.0.1:{closed_port()}/pasapas"
    else:
        url = f"sqlite:///{tmp_path}/dossier-absent/centre.sqlite3"
    outcome = run_without_database(url, tmp_path)
    for name, (status, retry_after, content) in outcome["results"].items():
        assert status == 503, f"{name}: {status}\n{content[:500]}"
        assert retry_after == "60", name
        assert "Le site est momentanément indisponible" in content, name
        assert "Traceback" not in content and "OperationalError" not in content, name
    assert len(outcome["logged"]) >= len(outcome["results"])
    assert all(message.startswith("La base de données ne répond pas") for message in outcome["logged"])

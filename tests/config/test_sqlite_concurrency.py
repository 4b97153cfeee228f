"""Eight residents at once on the real server: gunicorn with two workers, each click a request, nothing lost.

A small centre runs the embedded default (SQLite in a file). Eight residents sign in with their card, mark every
step of a tutorial and submit a quiz at the same moment: no click may answer an error (« database is locked » gave a
503 on more than half of them), and every step and every attempt must be in the database afterwards.

The database is a real file that gunicorn's workers share. It is copied from the test database once the people and
pages are seeded (SQLite's backup API; `migrate` alone takes about 25 s here). On PostgreSQL (DATABASE_URL=postgres)
the same load runs against a throwaway database made from the test database as a template, dropped after.
"""

import http.client
import http.cookiejar
import json
import os
import signal
import socket
import sqlite3
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

from django.db import connection, connections

import psycopg
import pytest

from accounts import cards
from tests.accounts.factories import ResidentFactory
from tests.assessments.factories import RIGHT_ANSWERS, QuizPageFactory, post_data
from tests.learning.factories import TutorialPageFactory, steps

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
HOST = "127.0.0.1"
RESIDENTS = 8
STEPS = 6
DEADLINE = 60  # seconds for the whole load; it takes a few seconds when nothing waits in vain

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


# The two databases -------------------------------------------------------------------------------------------------


class SqliteFile:
    """The test database copied into a file, as a small centre's db.sqlite3."""

    def __init__(self, tmp_path):
        self.path = tmp_path / "centre.sqlite3"

    def __enter__(self):
        connection.ensure_connection()
        target = sqlite3.connect(self.path)
        connection.connection.backup(target)
        target.close()
        return f"sqlite:///{self.path}"

    def __exit__(self, *exc):
        return False

    def rows(self, query, *params):
        with sqlite3.connect(self.path) as db:
            return db.execute(query.replace("%s", "?"), params).fetchall()


class PostgresCopy:
    """A throwaway PostgreSQL database made from the test database (which holds the seeded data)."""

    def __init__(self, tmp_path):
        self.settings = connection.settings_dict
        self.name = f"pasapas_load_{uuid.uuid4().hex[:12]}"

    def _connect(self, dbname):
        return psycopg.connect(
            dbname=dbname,
            host=self.settings["HOST"] or HOST,
            port=self.settings["PORT"] or 5432,
            user=self.settings["USER"] or None,
            password=self.settings["PASSWORD"] or None,
            autocommit=True,
        )

    def url(self):
        user = urllib.parse.quote(self.settings["USER"] or "")
        password = urllib.parse.quote(self.settings["PASSWORD"] or "")
        credentials = f"{user}:{password}@" if password else f"{user}@" if user else ""
        return f"postgres://{credentials}{self.settings['HOST'] or HOST}:{self.settings['PORT'] or 5432}/{self.name}"

    def __enter__(self):
        template = self.settings["NAME"]
        connections.close_all()  # a template database must have no other session
        with self._connect("postgres") as admin:
            admin.execute(f'CREATE DATABASE "{self.name}" TEMPLATE "{template}"')
        return self.url()

    def __exit__(self, *exc):
        with self._connect("postgres") as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        return False

    def rows(self, query, *params):
        with self._connect(self.name) as db:
            return db.execute(query, params).fetchall()


# A resident's browser, reduced to cookies and forms ------------------------------------------------------------------


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Resident:
    def __init__(self, port, username, code):
        self.base = f"http://{HOST}:{port}"
        self.username, self.code = username, code
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)
        self.results = []  # (method, path, status)

    def csrf(self):
        return next((cookie.value for cookie in self.jar if cookie.name == "csrftoken"), "")

    def request(self, method, path, form=None):
        data = None
        headers = {"Accept": "text/html"}
        if form is not None:
            data = urllib.parse.urlencode({**form, "csrfmiddlewaretoken": self.csrf()}, doseq=True).encode()
            headers["Referer"] = self.base + path
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=headers)
        try:
            with self.opener.open(request, timeout=DEADLINE) as response:
                status, location = response.status, response.headers.get("Location", "")
                response.read()
        except urllib.error.HTTPError as answer:  # 3xx (redirects are not followed) and errors
            status, location = answer.code, answer.headers.get("Location", "")
            answer.read()
        except (OSError, http.client.HTTPException) as error:
            status, location = f"{type(error).__name__}: {error}", ""
        self.results.append((method, path, status))
        return status, location

    def journey(self, tutorial_url, step_ids, quiz_url, start_gate):
        self.request("GET", "/connexion-code/")  # the CSRF cookie, as a browser gets it
        start_gate.wait(timeout=DEADLINE)
        self.request("POST", "/connexion-code/", {"username": self.username, "code": self.code, "next": ""})
        self.request("GET", tutorial_url)
        for step_id in step_ids:
            self.request("POST", f"{tutorial_url}etapes/{step_id}/fait/", {})
        self.request("GET", quiz_url)
        _status, attempt_url = self.request("POST", f"{quiz_url}commencer/", {"cle": str(uuid.uuid4())})
        if attempt_url.startswith(self.base):
            attempt_url = attempt_url[len(self.base) :]
        if attempt_url:
            self.request("GET", attempt_url)
            _status, results_url = self.request("POST", attempt_url, {**post_data(RIGHT_ANSWERS), "terminer": "1"})
            if results_url:
                self.request("GET", results_url.removeprefix(self.base))


def failures(residents):
    """Every answer that is not what a browser expects: an error page (4xx, 5xx) or no answer at all."""
    return [
        (resident.username, method, path, status)
        for resident in residents
        for method, path, status in resident.results
        if not isinstance(status, int) or status >= 400
    ]


# The server --------------------------------------------------------------------------------------------------------


def start_gunicorn(database_url, port, tmp_path):
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_"))}
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    log = open(tmp_path / "gunicorn.log", "w")  # noqa: SIM115 (closed with the process)
    process = subprocess.Popen(
        # --preload: Django loads once, before the workers fork (start-up is most of this test's time).
        [str(GUNICORN), "config.wsgi", "--workers=2", "--preload", f"--bind={HOST}:{port}", "--timeout=60"],
        cwd=ROOT,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    answered = 0
    while time.monotonic() < deadline and answered < 4:  # a few answers: both workers have loaded Django
        if process.poll() is not None:
            raise AssertionError(f"gunicorn stopped at start-up:\n{(tmp_path / 'gunicorn.log').read_text()}")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/sante/", timeout=10) as response:
                answered += response.status == 200
        except OSError:
            time.sleep(0.3)
    if answered < 4:
        stop(process)
        raise AssertionError("gunicorn did not answer within a minute")
    return process, log


def stop(process):
    """gunicorn and its workers, started in their own process group: nothing is in flight any more."""
    process.send_signal(signal.SIGQUIT)  # quick shutdown
    try:
        process.wait(timeout=3)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


# The test ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("vendor", ["sqlite", "postgresql"])
def test_eight_residents_marking_steps_and_submitting_a_quiz_at_once_lose_nothing(vendor, tmp_path, home_page, module):
    if connection.vendor != vendor:
        pytest.skip(f"runs when the suite runs on {vendor}")
    tutorial = TutorialPageFactory(parent=module, slug="en-meme-temps", steps=steps(*[f"Étape {n}" for n in range(6)]))
    quiz = QuizPageFactory(parent=module, slug="quiz-en-meme-temps")
    people = []
    for number in range(RESIDENTS):
        resident = ResidentFactory(username=f"resident{number}", without_email=True)
        people.append((resident.username, cards.issue_card(resident=resident).code))
    step_ids = tutorial.step_ids
    assert len(step_ids) == STEPS

    database = (SqliteFile if vendor == "sqlite" else PostgresCopy)(tmp_path)
    port = free_port()
    with database as database_url:
        process, log = start_gunicorn(database_url, port, tmp_path)
        try:
            residents = [Resident(port, username, code) for username, code in people]
            gate = threading.Barrier(RESIDENTS)
            threads = [
                threading.Thread(target=resident.journey, args=(tutorial.url, step_ids, quiz.url, gate))
                for resident in residents
            ]
            started = time.monotonic()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=max(1, DEADLINE - (time.monotonic() - started)))
            elapsed = time.monotonic() - started
            assert not any(thread.is_alive() for thread in threads), f"the load did not end within {DEADLINE} s"
        finally:
            stop(process)
            log.close()

        requests = sum(len(resident.results) for resident in residents)
        failed = failures(residents)
        assert not failed, (
            f"{len(failed)} of {requests} requests failed in {elapsed:.1f} s: {failed[:12]}\n"
            + (tmp_path / "gunicorn.log").read_text()[-3000:]
        )
        # Every click kept: each resident has every step, one submitted attempt with all its answers.
        users = {
            username: pk
            for pk, username in database.rows(
                "SELECT id, username FROM accounts_user WHERE username LIKE %s", "resident%"
            )
        }
        progress = dict(
            database.rows("SELECT user_id, done_step_ids FROM learning_pageprogress WHERE page_id = %s", tutorial.pk)
        )
        done = {user_id: json.loads(ids) if isinstance(ids, str) else ids for user_id, ids in progress.items()}
        assert {name: sorted(done.get(pk, [])) for name, pk in users.items()} == {
            name: sorted(step_ids) for name, _code in people
        }
        attempts = database.rows(
            "SELECT a.user_id, a.passed, (SELECT COUNT(*) FROM assessments_answer WHERE attempt_id = a.id) "
            "FROM assessments_quizattempt a WHERE a.quiz_id = %s AND a.submitted_at IS NOT NULL",
            quiz.pk,
        )
        assert sorted((user_id, bool(passed), answers) for user_id, passed, answers in attempts) == sorted(
            (pk, True, len(RIGHT_ANSWERS)) for pk in users.values()
        )
        assert len(users) == RESIDENTS and requests == RESIDENTS * (STEPS + 8)

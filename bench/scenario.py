"""The Django side of `make bench`: sessions for generated people, the journeys to play, queries per request.

Run by bench.run with the benchmark's settings and database, after generate_load_data:

    python -m bench.scenario --out plan.json

It signs generated residents and agents in by creating their sessions directly (no password involved), gives each
a CSRF cookie, writes every journey as variants (one per person and page) for bench.loadgen, then plays a few
variants of each journey in-process with Django's test client to count the SQL queries per request.
"""

import argparse
import json
import os
import random
import sys
import time
import uuid
from importlib import import_module
from urllib.parse import urlencode


def setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.bench")
    import django

    django.setup()


JOURNEYS = [
    ("minimal", "do-nothing view (baseline)"),
    ("health", "/sante/ (database + cache)"),
    ("home_anonymous", "home page, anonymous"),
    ("catalogue_anonymous", "catalogue, anonymous"),
    ("tutorial_anonymous", "tutorial, anonymous"),
    ("tutorial_resident", "tutorial, logged-in resident"),
    ("step_done", "mark a step done (POST, JSON)"),
    ("quiz", "quiz: start, answer + submit, results"),
    ("my_path", "« Mon parcours »"),
    ("agent_residents", "agent: residents list, page 1"),
    ("agent_residents_search", "agent: residents, search + filter"),
    ("workshop_matrix", "agent: workshop matrix"),
    ("statistics", "agent: statistics"),
]


def new_session(user, *, resident):
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from accounts.kiosk import LAST_ACTIVITY_KEY

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store[LAST_ACTIVITY_KEY] = time.time()
    if resident:
        store.set_expiry(0)
    store.create()
    return store.session_key


def cookies_for(user, *, resident):
    from django.conf import settings
    from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
    from django.utils.crypto import get_random_string

    csrf = get_random_string(CSRF_SECRET_LENGTH, allowed_chars=CSRF_ALLOWED_CHARS)
    session = new_session(user, resident=resident)
    return f"{settings.SESSION_COOKIE_NAME}={session}; {settings.CSRF_COOKIE_NAME}={csrf}", csrf


def get(path, expect=200, accept="text/html"):
    return {"method": "GET", "path": path, "expect": expect, "accept": accept}


def post(path, form, expect, accept="text/html"):
    return {"method": "POST", "path": path, "form": form, "expect": expect, "accept": accept}


def quiz_answers(quiz):
    """The form a person who knows the answers sends (through the project's own encoding)."""
    from assessments.responses import encode
    from bench.loaddata import sample_responses

    form = {}
    for qid, (_value, question) in quiz.question_map.items():
        right, _wrong = sample_responses(question)
        form.update(encode(qid, question, right))
    return form


def build_plan(*, residents_sample, agents_sample, seed):
    from accounts.enums import UserKind
    from accounts.models import Membership, User
    from assessments.models import QuizPage
    from bench.loaddata import STRUCTURE_PREFIX, USERNAME_PREFIX
    from followup.models import Workshop
    from learning.models import ModuleIndexPage, TutorialPage

    rng = random.Random(seed)
    tutorials = list(TutorialPage.objects.live().public().order_by("path"))
    catalogue = ModuleIndexPage.objects.live().public().first()
    quizzes = list(QuizPage.objects.live().public().order_by("path"))
    resident_ids = list(
        User.objects.filter(username__startswith=USERNAME_PREFIX, kind=UserKind.RESIDENT).values_list("pk", flat=True)
    )
    residents = list(User.objects.filter(pk__in=rng.sample(resident_ids, min(residents_sample, len(resident_ids)))))
    memberships = list(
        Membership.objects.filter(structure__name__startswith=STRUCTURE_PREFIX).select_related("user", "structure")
    )
    rng.shuffle(memberships)
    memberships = memberships[:agents_sample]
    if not residents or not memberships or not tutorials:
        raise SystemExit("No load data: run generate_load_data first.")

    people = []
    for resident in residents:
        cookie, csrf = cookies_for(resident, resident=True)
        people.append((resident, cookie, csrf))
    agents = []
    workshops = {}
    for workshop in Workshop.objects.filter(structure__in={m.structure_id for m in memberships}):
        workshops.setdefault(workshop.structure_id, []).append(workshop.pk)
    names = {}
    for structure_id, name in User.objects.filter(
        structure_links__structure__in={m.structure_id for m in memberships}
    ).values_list("structure_links__structure_id", "first_name"):
        names.setdefault(structure_id, set()).add(name)
    for membership in memberships:
        cookie, _csrf = cookies_for(membership.user, resident=False)
        agents.append((membership, cookie))

    def variants(items):
        return [{"cookies": cookie, "steps": steps} for cookie, steps in items]

    journeys = {
        "minimal": variants([("", [get("/bench/minimal/")])]),
        "health": variants([("", [get("/sante/")])]),
        "home_anonymous": variants([("", [get("/")])]),
        "catalogue_anonymous": variants([("", [get(catalogue.url)])] if catalogue else []),
        "tutorial_anonymous": variants([("", [get(page.url)]) for page in tutorials]),
        "tutorial_resident": variants(
            [(cookie, [get(tutorials[index % len(tutorials)].url)]) for index, (_r, cookie, _c) in enumerate(people)]
        ),
        "step_done": variants(
            [
                (
                    cookie,
                    [
                        post(
                            f"{page.url}etapes/{rng.choice(page.step_ids)}/fait/",
                            {"csrfmiddlewaretoken": csrf},
                            200,
                            accept="application/json",
                        )
                    ],
                )
                for (_r, cookie, csrf), page in ((person, rng.choice(tutorials)) for person in people)
            ]
        ),
        "quiz": variants(
            [
                (
                    cookie,
                    [
                        post(f"{quiz.url}commencer/", {"cle": "{uuid}", "csrfmiddlewaretoken": csrf}, 302),
                        get("$location"),
                        post("$location", {**answers, "terminer": "1", "csrfmiddlewaretoken": csrf}, 302),
                        get("$location"),
                    ],
                )
                for (_r, cookie, csrf), (quiz, answers) in (
                    (person, rng.choice([(quiz, quiz_answers(quiz)) for quiz in quizzes])) for person in people
                )
            ]
        )
        if quizzes
        else [],
        "my_path": variants([(cookie, [get("/mon-parcours/")]) for _r, cookie, _c in people]),
        "agent_residents": variants([(cookie, [get("/espace-agent/personnes/")]) for _m, cookie in agents]),
        "agent_residents_search": variants(
            [
                (
                    cookie,
                    [
                        get(
                            "/espace-agent/personnes/?"
                            + urlencode(
                                {
                                    "q": rng.choice(sorted(names.get(membership.structure_id, {"a"})))[:3].lower(),
                                    "statut": "in_progress",
                                }
                            )
                        )
                    ],
                )
                for membership, cookie in agents
            ]
        ),
        "workshop_matrix": variants(
            [
                (cookie, [get(f"/espace-agent/ateliers/{rng.choice(workshops[membership.structure_id])}/tableau/")])
                for membership, cookie in agents
                if workshops.get(membership.structure_id)
            ]
        ),
        "statistics": variants([(cookie, [get("/espace-agent/statistiques/")]) for _m, cookie in agents]),
    }
    return {
        "journeys": [
            {"name": name, "label": label, "variants": journeys[name]} for name, label in JOURNEYS if journeys[name]
        ],
        "tutorial_path": tutorials[len(tutorials) // 2].url,
        "people": {"residents": len(people), "agents": len(agents)},
    }


_clients = []


def play_in_process(variant, record=None):
    """One variant through Django's test client; `record(queries)` for each request. Fails on a wrong status."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    if not _clients:  # one client: each new one loads the middleware again (WhiteNoise scans every static file)
        _clients.append(Client(HTTP_HOST="127.0.0.1"))
    client = _clients[0]
    client.cookies.clear()
    for part in filter(None, variant["cookies"].split("; ")):
        name, _, value = part.partition("=")
        client.cookies[name] = value
    location = None
    for step in variant["steps"]:
        path = location if step["path"] == "$location" else step["path"]
        form = {
            name: str(uuid.uuid4()) if value == "{uuid}" else value for name, value in step.get("form", {}).items()
        }
        with CaptureQueriesContext(connection) as captured:
            if step["method"] == "POST":
                response = client.post(path, form, HTTP_ACCEPT=step["accept"])
            else:
                response = client.get(path, HTTP_ACCEPT=step["accept"])
        queries = len(captured.captured_queries)  # read now: the next request resets the log
        if response.status_code != step["expect"]:
            raise SystemExit(f"{step['method']} {path} → {response.status_code} (expected {step['expect']})")
        location = response.get("Location", location)
        if record is not None:
            record(queries)


def measure_queries(plan, *, samples=4):
    """Queries per request of each journey, in-process (test client, same database and cache).

    Each sampled variant is played twice and the second time counts: under load, the caches are warm.
    """
    for journey in plan["journeys"]:
        counts = []
        for variant in journey["variants"][:samples]:
            play_in_process(variant)
            play_in_process(variant, counts.append)
        journey["queries"] = round(sum(counts) / len(counts), 1) if counts else None
        journey["requests_per_variant"] = len(journey["variants"][0]["steps"])


def data_counts():
    from django.db import connection

    tables = [
        ("accounts_user", "comptes"),
        ("accounts_structure", "structures"),
        ("learning_pageprogress", "progression par page"),
        ("learning_moduleprogress", "progression par module"),
        ("followup_assignment", "modules assignés"),
        ("assessments_quizattempt", "essais de quiz"),
        ("assessments_answer", "réponses"),
        ("followup_attendance", "présences"),
    ]
    counts = {}
    with connection.cursor() as cursor:
        for table, label in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {table}")  # fixed table names
            counts[label] = cursor.fetchone()[0]
    return counts


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--residents-sample", type=int, default=1000)
    parser.add_argument("--agents-sample", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    setup()
    plan = build_plan(residents_sample=args.residents_sample, agents_sample=args.agents_sample, seed=args.seed)
    measure_queries(plan)
    plan["data"] = data_counts()
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(plan, handle)
    for journey in plan["journeys"]:
        print(f"  {journey['label']:<42} {journey['queries']} SQL queries per request", file=sys.stderr)


if __name__ == "__main__":
    main()

"""`.venv/bin/python -m bench.cache_outage`: a page's render time with Redis up, stopped and paused.

Each case gets a throwaway redis-server of its own on a free port (tests/throwaway_redis.py), which is left running
(« up »), killed (« stopped »: connection refused at once) or sent SIGSTOP (« paused »: the kernel still accepts the
connection, then nothing answers until the socket timeout). The pages are rendered in this process through the test
client, on a throwaway test database (the test settings, like bench.login_timing), once warm with Redis up, then again
and again for CACHE_OUTAGE_SECONDS: an anonymous tutorial (the page cache) and a resident's « Mon parcours ».

For each cache backend: the median render (wall clock, and this process's CPU, which the machine's other work
disturbs less), the slowest, and how many renders waited for a socket timeout (took more than half of it). With the
pause after a failure (config/cache.py), a paused Redis costs one timeout per RETRY_SECONDS per process: in 11 s,
2 renders wait (the first failure at 1 s, Redis tried again at 6 s, failing at 7 s, next try at 12 s).

Environment (all optional):
  CACHE_OUTAGE_SECONDS   rendering time per case, in seconds (11)
  CACHE_OUTAGE_TIMEOUT   socket connect and read timeout, in seconds (1, as in production)
  CACHE_OUTAGE_BACKENDS  label=dotted.path pairs, separated by semicolons (default: the project's backend, then
                         django-redis with IGNORE_EXCEPTIONS alone). A backend of another checkout can be measured by
                         putting its folder on PYTHONPATH.
"""

import importlib
import os
import signal
import statistics
import tempfile
import time
from pathlib import Path

SECONDS = float(os.environ.get("CACHE_OUTAGE_SECONDS", "11"))
TIMEOUT = float(os.environ.get("CACHE_OUTAGE_TIMEOUT", "1"))
DEFAULT_BACKENDS = (
    "django-redis + pause (config.cache)=config.cache.TolerantRedisCache;"
    "django-redis seul (IGNORE_EXCEPTIONS)=django_redis.cache.RedisCache"
)
CONDITIONS = ("up", "stopped", "paused")
CONDITION_LABELS = {"up": "Redis en marche", "stopped": "Redis arrêté", "paused": "Redis suspendu (SIGSTOP)"}


def backends():
    pairs = os.environ.get("CACHE_OUTAGE_BACKENDS", DEFAULT_BACKENDS)
    return [tuple(pair.strip().split("=", 1)) for pair in pairs.split(";") if pair.strip()]


def cache_settings(path, port):
    location = f"redis://127.0.0.1:{port}/0"
    if path == "django_redis.cache.RedisCache":
        options = {"SOCKET_CONNECT_TIMEOUT": TIMEOUT, "SOCKET_TIMEOUT": TIMEOUT, "IGNORE_EXCEPTIONS": True}
    else:  # Django's spelling, which the project's backends (today's and earlier ones) accept
        options = {"socket_connect_timeout": TIMEOUT, "socket_timeout": TIMEOUT}
    common = {"LOCATION": location, "KEY_PREFIX": "bench-outage"}
    return {
        "default": {"BACKEND": path, **common, "OPTIONS": options},
        "ratelimit": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            **common,
            "OPTIONS": {"socket_connect_timeout": TIMEOUT, "socket_timeout": TIMEOUT},
        },
    }


def forget_failures(path):
    """Backends with a pause after a failure expose retry_now(): each case starts without a past failure."""
    module = importlib.import_module(path.rsplit(".", 1)[0])
    if hasattr(module, "retry_now"):
        module.retry_now()


def build_content():

    from tests.accounts.factories import ResidentFactory
    from tests.cms.factories import default_site_home
    from tests.learning.factories import ModuleIndexPageFactory, ModulePageFactory, TutorialPageFactory

    home = default_site_home()
    catalogue = ModuleIndexPageFactory(parent=home)
    module = ModulePageFactory(parent=catalogue, title="Créer son compte ameli", slug="ameli")
    tutorial = TutorialPageFactory(parent=module, title="Préparer ses documents", slug="preparer")
    resident = ResidentFactory(username="amina", display_name="Amina")
    return tutorial, resident


def measure_case(path, condition, render):
    """Renders for SECONDS once the condition holds; returns the render times in milliseconds."""
    from django.test import override_settings

    from cms import invalidation
    from tests.throwaway_redis import ThrowawayRedis

    with tempfile.TemporaryDirectory() as folder:
        server = ThrowawayRedis(Path(folder))
        server.start()
        try:
            with override_settings(CACHES=cache_settings(path, server.port)):
                invalidation.forget_seen()
                forget_failures(path)
                render()
                render()  # warm: Redis holds what the page caches
                if condition == "stopped":
                    server.stop()
                elif condition == "paused":
                    os.kill(server.process.pid, signal.SIGSTOP)
                timings = []
                deadline = time.monotonic() + SECONDS
                while time.monotonic() < deadline:
                    started, cpu_started = time.perf_counter(), time.process_time()
                    render()
                    timings.append(
                        ((time.perf_counter() - started) * 1000, (time.process_time() - cpu_started) * 1000)
                    )
        finally:
            server.stop()
            invalidation.forget_seen()
            forget_failures(path)
    return timings


def summary(timings):
    """Wall-clock times tell the waits; CPU times, less disturbed by the machine's other work, tell the cost."""
    wall = [value for value, _cpu in timings]
    return {
        "renders": len(timings),
        "median": statistics.median(wall),
        "cpu": statistics.median(cpu for _wall, cpu in timings),
        "max": max(wall),
        "waited": sum(1 for value in wall if value > TIMEOUT * 1000 / 2),
    }


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import logging

    import django
    from django.conf import settings

    django.setup()
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    logging.disable(logging.WARNING)  # one warning per failure and per pause: the figures are the output
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        tutorial, resident = build_content()
        anonymous = Client(HTTP_HOST="localhost")
        signed_in = Client(HTTP_HOST="localhost")
        signed_in.force_login(resident)
        my_path = reverse("my_path")

        def render_tutorial():
            response = anonymous.get(tutorial.url)
            assert response.status_code == 200, response.status_code

        def render_my_path():
            response = signed_in.get(my_path)
            assert response.status_code == 200, response.status_code

        pages = {"tutoriel, anonyme": render_tutorial, "« Mon parcours », connectée": render_my_path}
        print(
            f"Rendu d'une page selon l'état de Redis : {SECONDS:g} s de rendus par cas, délai des sockets "
            f"{TIMEOUT * 1000:g} ms ; « attendu » = rendus de plus de {TIMEOUT * 500:g} ms (un délai payé)."
        )
        print("| cache | page | Redis | rendus | médiane | CPU médiane | plus lent | rendus qui ont attendu |")
        print("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |")
        for label, path in backends():
            for page, render in pages.items():
                for condition in CONDITIONS:
                    figures = summary(measure_case(path, condition, render))
                    print(
                        f"| {label} | {page} | {CONDITION_LABELS[condition]} | {figures['renders']} "
                        f"| {figures['median']:.1f} ms | {figures['cpu']:.1f} ms | {figures['max']:.0f} ms "
                        f"| {figures['waited']} |",
                        flush=True,
                    )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()

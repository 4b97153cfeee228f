"""With Redis down the site keeps serving: the default cache answers « not cached », rate limits fall back."""

from types import SimpleNamespace

from django.core.cache import caches
from django.urls import reverse

import pytest
import redis

from accounts import cards
from config import cache as tolerant_cache
from config.cache import TolerantRedisCache

DOWN = "redis://127.0.0.1:1/0"  # nothing listens on port 1

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_down(settings):
    options = {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}
    settings.CACHES = {
        "default": {"BACKEND": "config.cache.TolerantRedisCache", "LOCATION": DOWN, "OPTIONS": options},
        "ratelimit": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": DOWN, "OPTIONS": options},
    }
    tolerant_cache.retry_now()
    yield  # pytest-django's settings fixture resets the cache handlers when CACHES changes
    tolerant_cache.retry_now()


def test_the_tolerant_cache_answers_not_cached_when_redis_is_down(redis_down):
    cache = caches["default"]
    assert isinstance(cache, TolerantRedisCache)
    assert cache.get("x", "défaut") == "défaut"
    cache.set("x", 1)
    assert cache.add("x", 1) is True  # locks built on add() must not wait for a Redis that is not there
    assert cache.get_many(["x", "y"]) == {}
    assert cache.get_or_set("x", "calculé") == "calculé"
    assert cache.has_key("x") is False
    assert cache.touch("x") is False
    cache.set_many({"x": 1, "y": 2})
    cache.delete("x")
    cache.delete_many(["x", "y"])


def test_after_a_failure_redis_is_left_alone_for_a_few_seconds(redis_down, monkeypatch):
    attempts = []
    send = redis.Redis.execute_command

    def counted(self, *args, **options):
        attempts.append(args[0])
        return send(self, *args, **options)

    monkeypatch.setattr(redis.Redis, "execute_command", counted)
    now = 1000.0
    monkeypatch.setattr(tolerant_cache, "time", SimpleNamespace(monotonic=lambda: now))
    cache = caches["default"]

    assert cache.get("x", "défaut") == "défaut"
    assert attempts == ["GET"]
    for _ in range(20):  # a page's worth of calls: none waits for a socket timeout
        cache.get("x")
        cache.set("x", 1)
        cache.add("x", 1)
        cache.get_many(["x", "y"])
    assert attempts == ["GET"]

    now += tolerant_cache.RETRY_SECONDS
    cache.get("x")
    assert attempts == ["GET", "GET"]  # tried again, and failing again starts a new pause
    cache.set("x", 1)
    assert attempts == ["GET", "GET"]


def test_pages_and_logins_keep_working_when_redis_is_down(client, redis_down, tutorial, resident, password):
    assert client.get("/").status_code == 200
    assert client.get(tutorial.url).status_code == 200
    response = client.post(reverse("account_login"), {"login": resident.username, "password": password})
    assert response.status_code == 302
    assert client.get(reverse("my_path")).status_code == 200


def test_health_reports_the_cache_as_down(client, redis_down):
    response = client.get("/sante/")
    assert response.status_code == 503
    assert response.json()["cache"] == "indisponible"


def test_card_login_limits_fall_back_when_redis_is_down(client, redis_down, resident):
    cards.issue_card(resident=resident)
    for _ in range(5):
        client.post(reverse("code_login"), {"username": resident.username, "code": "AAAA2222"})
    response = client.post(reverse("code_login"), {"username": resident.username, "code": "AAAA2222"})
    assert response.status_code == 429  # the per-account limit still holds, counted in the process's memory

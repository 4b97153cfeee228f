"""The default cache: django-redis, kept serving when Redis is down, with a pause after a failure.

Reads answer "not cached" and writes are dropped, with a warning in the logs: pages are computed again, the glossary
matcher and the footer are rebuilt per request (sessions are in the database only: config/settings/base.py). The
login-card rate limits use the `ratelimit` alias instead (Django's own Redis backend, errors visible), so that
accounts.ratelimit can apply its own fallback: the per-network limit fails open, the per-account limit counts in the
process's memory.

django-redis does most of it: one client per cache object on pools shared by the process, SOCKET_CONNECT_TIMEOUT
and SOCKET_TIMEOUT, and IGNORE_EXCEPTIONS (a failed call answers its default instead of raising). What it cannot do
is kept here, on its public extension point (the CLIENT_CLASS option), no private Django or django-redis attribute:

* The pause. Once an operation fails, the process leaves Redis alone for RETRY_SECONDS. A paused or unreachable Redis
  makes every call wait for its socket timeout, and a page makes a dozen or more calls: with IGNORE_EXCEPTIONS alone a
  page with Redis paused took one timeout per call, 15 s and more with the production timeout of 1 s; with the pause
  it pays one timeout per RETRY_SECONDS per process (docs/benchmarks.md, « Cache and Redis outages »). What is missed
  meanwhile is what a failed call misses: cms.invalidation makes sure no change of content is lost.
* `add` answers True when Redis fails (IGNORE_EXCEPTIONS would answer None): locks built on add() (allauth's rate
  limits) go through instead of waiting a second for a lock that can never be taken.
* `touch` and other calls that django-redis lets raise raw redis-py errors answer their default too.
"""

import logging
import threading
import time

from django_redis.cache import RedisCache
from django_redis.client import DefaultClient
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
ERRORS = (ConnectionInterrupted, RedisError, OSError)
RETRY_SECONDS = 5

# Per Redis address (every thread of the process shares it): until when calls are skipped.
_skipped_until = {}
_lock = threading.Lock()


def _skipping(servers):
    until = _skipped_until.get(servers)
    return until is not None and time.monotonic() < until


def _failed(servers, error, name):
    with _lock:
        first = not _skipping(servers)
        _skipped_until[servers] = time.monotonic() + RETRY_SECONDS
    if first:
        # django-redis wraps redis-py's error: name the one underneath (ConnectionError, TimeoutError).
        cause = error.__cause__ if isinstance(error, ConnectionInterrupted) and error.__cause__ else error
        logger.warning(
            "Redis unreachable (%s) on %s: the cache is skipped for %s s.",
            cause.__class__.__name__,
            name,
            RETRY_SECONDS,
        )


def retry_now():
    """Forget past failures: the next call tries Redis again (for tests, and after a planned restart)."""
    with _lock:
        _skipped_until.clear()


def _tolerant(name, fallback):
    method = getattr(DefaultClient, name)

    def wrapper(self, *args, **kwargs):
        servers = tuple(self._server)
        if not _skipping(servers):
            try:
                return method(self, *args, **kwargs)
            except ERRORS as error:
                _failed(servers, error, name)
        return fallback(*args, **kwargs) if callable(fallback) else fallback

    wrapper.__name__ = name
    return wrapper


def _default(key, default=None, *args, **kwargs):
    return default


def _nothing_found(*args, **kwargs):
    return {}  # a new dict each time: callers add to what get_many answers


class TolerantClient(DefaultClient):
    """django-redis's client, each cache operation behind the pause (CLIENT_CLASS option)."""

    # A dropped write "succeeds": add() is set(nx=True) in django-redis, so a failed add answers True as well.
    add = _tolerant("add", True)
    set = _tolerant("set", True)
    get = _tolerant("get", _default)
    get_many = _tolerant("get_many", _nothing_found)
    set_many = _tolerant("set_many", None)
    has_key = _tolerant("has_key", False)
    touch = _tolerant("touch", False)
    delete = _tolerant("delete", 0)
    delete_many = _tolerant("delete_many", 0)
    clear = _tolerant("clear", None)


class TolerantRedisCache(RedisCache):
    """django-redis's backend with TolerantClient and IGNORE_EXCEPTIONS on.

    Accepts Django's own spelling of the socket options too (`socket_timeout`, `socket_connect_timeout`, as for
    django.core.cache.backends.redis.RedisCache), so the default and `ratelimit` aliases can share one set of
    parameters (config/settings/base.py).
    """

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        for django_name, django_redis_name in (
            ("socket_timeout", "SOCKET_TIMEOUT"),
            ("socket_connect_timeout", "SOCKET_CONNECT_TIMEOUT"),
        ):
            if django_name in options:
                options.setdefault(django_redis_name, options.pop(django_name))
        options.setdefault("CLIENT_CLASS", "config.cache.TolerantClient")
        options.setdefault("IGNORE_EXCEPTIONS", True)
        super().__init__(server, {**params, "OPTIONS": options})

"""A Redis cache that keeps the site serving when Redis is down.

Reads answer "not cached" and writes are dropped, with a warning in the logs: pages are computed again, sessions fall
back to the database (`cached_db`), the glossary matcher and the footer are rebuilt per request. The login-card rate
limits use the `ratelimit` alias instead (plain Redis, errors visible), so that accounts.ratelimit can apply its own
fallback: the per-network limit fails open, the per-account limit counts in the process's memory.

Once an operation fails, the process leaves Redis alone for RETRY_SECONDS: a paused or unreachable Redis makes
every call wait for its socket timeout, and a page makes a dozen or more calls, so without this pause a page would
take that many timeouts to render. What is missed meanwhile is what a failed call misses: cms.invalidation makes sure
no change of content is lost, and sessions are in the database only (config/settings/base.py).
"""

import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
ERRORS = (RedisError, OSError)
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
        logger.warning(
            "Redis unreachable (%s) on %s: the cache is skipped for %s s.",
            error.__class__.__name__,
            name,
            RETRY_SECONDS,
        )


def retry_now():
    """Forget past failures: the next call tries Redis again (for tests, and after a planned restart)."""
    with _lock:
        _skipped_until.clear()


def _tolerant(method, fallback):
    def wrapper(self, *args, **kwargs):
        servers = tuple(self._servers)
        if not _skipping(servers):
            try:
                return method(self, *args, **kwargs)
            except ERRORS as error:
                _failed(servers, error, method.__name__)
        return fallback(*args) if callable(fallback) else fallback

    wrapper.__name__ = method.__name__
    return wrapper


class TolerantRedisCacheClient(RedisCacheClient):
    def get_client(self, key=None, *, write=False):
        # Django builds a new redis.Redis object (and its table of response callbacks) for every operation; one per
        # connection pool is enough: the pool hands out the connections.
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_pasapas_clients", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client

    # An add that "succeeds" lets locks built on add() (allauth's rate limits) go through instead of waiting.
    add = _tolerant(RedisCacheClient.add, True)
    get = _tolerant(RedisCacheClient.get, lambda key, default: default)
    set = _tolerant(RedisCacheClient.set, None)
    touch = _tolerant(RedisCacheClient.touch, False)
    delete = _tolerant(RedisCacheClient.delete, False)
    get_many = _tolerant(RedisCacheClient.get_many, lambda keys: {})
    has_key = _tolerant(RedisCacheClient.has_key, False)
    set_many = _tolerant(RedisCacheClient.set_many, lambda data, timeout: list(data))
    delete_many = _tolerant(RedisCacheClient.delete_many, None)
    clear = _tolerant(RedisCacheClient.clear, False)


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = TolerantRedisCacheClient

"""A Redis cache that keeps the site serving when Redis is down.

Reads answer "not cached" and writes are dropped, with a warning in the logs: pages are computed again, sessions fall
back to the database (`cached_db`), the glossary matcher and the footer are rebuilt per request. The login-card rate
limits use the `ratelimit` alias instead (plain Redis, errors visible), so that accounts.ratelimit can apply its own
fallback: the per-network limit fails open, the per-account limit counts in the process's memory.
"""

import logging

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
ERRORS = (RedisError, OSError)


def _tolerant(method, fallback):
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except ERRORS as error:
            logger.warning("Redis unreachable (%s): %s ignored.", error.__class__.__name__, method.__name__)
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

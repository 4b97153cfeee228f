"""Cache invalidations that a cache outage cannot lose.

The shared cache (Redis in production) is told at once when content changes: cms.page_cache renews its content
version, cms.glossary its version, the footer's entries are deleted. But the default cache alias swallows Redis errors
(config/cache.py), so a change made while Redis is unreachable would not reach it, and once Redis answers again it
would serve what it held before until its time limit ends.

So every such change also renews a token in the database (`CacheGeneration`, one row), in the same transaction as
the change itself: it cannot be lost while the change is kept, nor seen before the change is committed. Every entry
that depends on content is kept with the token it was built under (`keep`/`kept` here, and cms.page_cache's stamps),
and is thrown away when the token differs. Each process reads the token at most every `CHECK_SECONDS` (one small
query, none on most requests), at once after a change it made itself: an invalidation Redis missed takes effect on
every process within `CHECK_SECONDS` of the change or of Redis answering again, and a page is never stale for longer.
Nothing needs Redis to answer to be recorded, and no worker has to run for it.
"""

import time
import uuid

from django.core.cache import cache
from django.db import models, transaction

CHECK_SECONDS = 5
ROW = 1


class CacheGeneration(models.Model):
    """One row, whose token is renewed with every change of content the shared caches depend on."""

    token = models.CharField("jeton", max_length=32)

    class Meta:
        verbose_name = "génération des caches"
        verbose_name_plural = "générations des caches"

    def __str__(self):
        return self.token


_seen = {"token": None, "at": None}


def generation():
    """The database's token, as this process last read it: again when it is older than CHECK_SECONDS."""
    now = time.monotonic()
    if _seen["at"] is None or now - _seen["at"] >= CHECK_SECONDS:
        token = CacheGeneration.objects.filter(pk=ROW).values_list("token", flat=True).first() or ""
        _seen.update(token=token, at=now)
    return _seen["token"]


def forget_seen():
    """The next generation() reads the database again."""
    _seen["at"] = None


def renew():
    """Record a change of content: a new token, in the current transaction (committed or rolled back with it)."""
    token = uuid.uuid4().hex
    if not CacheGeneration.objects.filter(pk=ROW).update(token=token):
        _row, created = CacheGeneration.objects.get_or_create(pk=ROW, defaults={"token": token})
        if not created:  # made meanwhile by another change: ours must still show
            CacheGeneration.objects.filter(pk=ROW).update(token=token)
    forget_seen()
    transaction.on_commit(forget_seen)


def kept(key):
    """(value or None, token): the value kept under `key` by `keep`, None when it was built under another token.

    Build a missing value after this call and keep it with the token it returned: never with a newer one."""
    token = generation()
    entry = cache.get(key)
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == token:
        return entry[1], token
    return None, token


def keep(key, token, value, timeout):
    cache.set(key, (token, value), timeout)


def forget(keys):
    """Delete these entries now, and make sure they are not used even if the cache missed the deletion."""
    cache.delete_many(list(keys))
    renew()

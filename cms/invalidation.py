"""Cache invalidations that a cache outage cannot lose.

The shared cache (Redis in production) is told at once when content changes: cms.page_cache renews its content
version, cms.glossary its version, the footer's entries are deleted. But the default cache alias swallows Redis errors
(config/cache.py), so a change made while Redis is unreachable would not reach it, and once Redis answers again it
would serve what it held before until its time limit ends.

So every such change also adds a row to a table in the database (`CacheGeneration`), in the same transaction as the
change itself: it cannot be lost while the change is kept, nor seen before the change is committed. The highest id is
the current token. Every entry that depends on content is kept with the token it was built under (`keep`/`kept`
here, and cms.page_cache's stamps), and is thrown away when the token differs. Each process reads the token at most
every `CHECK_SECONDS` (one small query, none on most requests), at once after a change it made itself: an
invalidation Redis missed takes effect on every process within `CHECK_SECONDS` of the change, and nothing needs Redis
to answer, or a worker to run, for it to be recorded.

Rows are only added, never updated, so that concurrent changes never wait for one another (nor deadlock) on a
shared row. A transaction that got an id lower than one already committed would not raise the highest id when it
commits: each change adds a second row once committed (`transaction.on_commit`), which does. Old rows are removed now
and then.
"""

import time

from django.core.cache import cache
from django.db import models, transaction
from django.db.models import Max

CHECK_SECONDS = 5
PRUNE_EVERY = 100


class CacheGeneration(models.Model):
    """A change of content the shared caches depend on: the highest id is the current token."""

    changed_at = models.DateTimeField("modifié le", auto_now_add=True)

    class Meta:
        verbose_name = "changement de contenu (caches)"
        verbose_name_plural = "changements de contenu (caches)"

    def __str__(self):
        return str(self.pk)


_seen = {"token": None, "at": None}


def generation():
    """The database's token, as this process last read it: again when it is older than CHECK_SECONDS."""
    now = time.monotonic()
    if _seen["at"] is None or now - _seen["at"] >= CHECK_SECONDS:
        _seen.update(token=CacheGeneration.objects.aggregate(last=Max("pk"))["last"] or 0, at=now)
    return _seen["token"]


def forget_seen():
    """The next generation() reads the database again."""
    _seen["at"] = None


def renew():
    """Record a change of content, in the current transaction (committed or rolled back with it)."""
    CacheGeneration.objects.create()
    forget_seen()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_renew_after_commit, robust=True)


def _renew_after_commit():
    row = CacheGeneration.objects.create()
    forget_seen()
    if row.pk % PRUNE_EVERY == 0:
        CacheGeneration.objects.filter(pk__lt=row.pk - PRUNE_EVERY).delete()


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

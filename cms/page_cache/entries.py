"""Entries kept with the versions they were built under, fetched with those versions in one cache round trip.

Values are plain data only (HTML strings, tuples of column values, booleans): never model instances.
"""

import functools
import hashlib
import importlib.util
import uuid
from pathlib import Path

import django
from django.apps import apps
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.db import transaction

import wagtail

from cms import glossary, invalidation

CONTENT_VERSION_KEY = "cms:content-version"
PAGE_TIMEOUT = 10 * 60
ROUTE_TIMEOUT = 60 * 60


def bump_content_version():
    """A new content version in the cache, and a new database token (cms.invalidation) in the change's transaction.

    The cache is told again once the change is committed: a page rendered meanwhile by another process, from what
    the database held before the commit, is not kept under the new version."""
    _new_content_version()
    invalidation.renew()
    transaction.on_commit(_new_content_version)


def _new_content_version():
    cache.set(CONTENT_VERSION_KEY, uuid.uuid4().hex, None)


def static_fingerprint():
    return getattr(staticfiles_storage, "manifest_hash", "") or ""


def _stamp(values):
    """The versions an entry was built under, from a get_many answer; a missing version is created first."""
    token = invalidation.generation()  # first: what is built next is at least as new as this token
    for key in (CONTENT_VERSION_KEY, glossary.VERSION_KEY):
        if values.get(key) is None:
            cache.add(key, uuid.uuid4().hex, None)
            values[key] = cache.get(key)
    return (values[CONTENT_VERSION_KEY], values[glossary.VERSION_KEY], static_fingerprint(), token)


def fetch_many(keys, *extra):
    """({key: value} of the entries built under the current versions, stamp, {extra key: value}): one round trip."""
    values = cache.get_many([*keys, *extra, CONTENT_VERSION_KEY, glossary.VERSION_KEY])
    stamp = _stamp(values)
    entries = {}
    for key in keys:
        entry = values.get(key)
        if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == stamp:
            entries[key] = entry[1]
    return entries, stamp, {key: values.get(key) for key in extra}


def fetch(key):
    """(value or None, stamp): the entry and the current versions in one round trip; None when they differ."""
    entries, stamp, _extra = fetch_many([key])
    return entries.get(key), stamp


def store(key, stamp, value, timeout=PAGE_TIMEOUT):
    cache.set(key, (stamp, value), timeout)


@functools.cache
def code_version():
    """Django's and Wagtail's versions and the names of every app's migrations: what changes when models do (a kept
    route holds column values in the order of the model's fields)."""

    parts = [django.__version__, wagtail.__version__]
    for app in apps.get_app_configs():
        spec = importlib.util.find_spec(f"{app.name}.migrations")
        if spec is not None and spec.submodule_search_locations:
            for folder in spec.submodule_search_locations:
                parts += sorted(path.name for path in Path(folder).glob("[0-9]*.py"))
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:12]


def digest(*parts):
    """A cache key's suffix for these parts, under the code's version."""
    return hashlib.sha1("\x1f".join(str(part) for part in (code_version(), *parts)).encode()).hexdigest()

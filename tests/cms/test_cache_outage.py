"""A change made while Redis is unreachable still shows once it answers again; pages are served while it is down.

Each test starts its own throwaway redis-server (whatever the suite's cache is: locmem or the shared Redis) and
points the default cache at it through the project's own tolerant backend (config/cache.py). A crash is a snapshot
then SIGKILL: Redis comes back from its snapshot, holding the entries and versions from before the change, as a
production Redis with persistence does. (A paused Redis, SIGSTOP, replays on SIGCONT the writes it received
meanwhile, so it is used only for serving pages while it is down.)
"""

import os
import signal
from types import SimpleNamespace

from django.core.cache import cache
from django.db import connections, transaction
from django.test import Client
from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest

from cms import invalidation, page_cache
from cms.models import SiteSettings
from tests.learning.factories import GlossaryTermFactory, TutorialPageFactory, step
from tests.throwaway_redis import needs_redis_server

pytestmark = [pytest.mark.django_db, needs_redis_server]


def kept_anonymously(url, django_assert_num_queries):
    """The page as served from the cache (no query at all), so the cache really holds it."""
    with django_assert_num_queries(0):
        response = Client().get(url)
    return response.content.decode()


def test_a_page_published_while_redis_is_down_shows_once_it_is_back(
    throwaway_redis, tutorial, django_assert_num_queries
):
    Client().get(tutorial.url)
    assert "Préparer ses documents" in kept_anonymously(tutorial.url, django_assert_num_queries)
    version_before = cache.get(page_cache.CONTENT_VERSION_KEY)

    throwaway_redis.crash()
    tutorial.title = "Un titre tout neuf"
    tutorial.save_revision().publish()
    throwaway_redis.start()

    # Redis is back with the old version and the old page: the bump it missed is lost to it…
    assert cache.get(page_cache.CONTENT_VERSION_KEY) == version_before
    # …not to the site.
    content = Client().get(tutorial.url).content.decode()
    assert "Un titre tout neuf" in content and "Préparer ses documents" not in content


def test_another_process_sees_the_change_within_the_check_interval(
    throwaway_redis, tutorial, django_assert_num_queries, monkeypatch
):
    Client().get(tutorial.url)
    kept_anonymously(tutorial.url, django_assert_num_queries)
    seen_elsewhere = dict(invalidation._seen)  # what another process read before the change

    throwaway_redis.crash()
    tutorial.title = "Un titre tout neuf"
    tutorial.save_revision().publish()
    throwaway_redis.start()

    invalidation._seen.update(token=seen_elsewhere["token"], at=1000.0)
    monkeypatch.setattr(invalidation, "time", SimpleNamespace(monotonic=lambda: 1000.0))
    assert "Préparer ses documents" in Client().get(tutorial.url).content.decode()  # not read again yet
    later = 1000.0 + invalidation.CHECK_SECONDS
    monkeypatch.setattr(invalidation, "time", SimpleNamespace(monotonic=lambda: later))
    assert "Un titre tout neuf" in Client().get(tutorial.url).content.decode()


def test_a_page_made_private_while_redis_is_down_is_not_left_public(
    throwaway_redis, tutorial, django_assert_num_queries
):
    Client().get(tutorial.url)
    assert "Préparer ses documents" in kept_anonymously(tutorial.url, django_assert_num_queries)

    throwaway_redis.crash()
    PageViewRestriction.objects.create(page=tutorial, restriction_type=PageViewRestriction.PASSWORD, password="x")
    throwaway_redis.start()

    assert page_cache.any_view_restrictions() is True
    response = Client().get(tutorial.url)
    assert "Étape 1 sur 3" not in response.content.decode()


def test_a_glossary_term_added_while_redis_is_down_is_linked_once_it_is_back(throwaway_redis, module):
    steps = [{"type": "step", "value": step("Un", "<p>Le navigateur.</p>")}]
    tutorial = TutorialPageFactory(parent=module, steps=steps)
    assert "glossary-term" not in Client().get(tutorial.url).content.decode()

    throwaway_redis.crash()
    GlossaryTermFactory(term="navigateur", definition="Le logiciel pour aller sur internet.")
    throwaway_redis.start()

    assert "glossary-term" in Client().get(tutorial.url).content.decode()


def test_the_footer_changed_while_redis_is_down_shows_once_it_is_back(throwaway_redis, home_page):
    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.name = "Médiathèque"
    site_settings.phone = "02 35 00 00 01"
    site_settings.save()
    assert "02 35 00 00 01" in Client().get(reverse("search")).content.decode()

    throwaway_redis.crash()
    site_settings.phone = "02 35 99 99 99"
    site_settings.save()
    throwaway_redis.start()

    content = Client().get(reverse("search")).content.decode()
    assert "02 35 99 99 99" in content and "02 35 00 00 01" not in content


def test_the_catalogue_unpublished_while_redis_is_down_leaves_the_menu_once_it_is_back(throwaway_redis, catalogue):
    link = f'class="nav__link" href="{catalogue.url}"'
    assert link in Client().get(reverse("search")).content.decode()

    throwaway_redis.crash()
    catalogue.unpublish()
    throwaway_redis.start()

    assert link not in Client().get(reverse("search")).content.decode()


def test_pages_are_served_while_redis_is_down(throwaway_redis, tutorial):
    Client().get(tutorial.url)
    throwaway_redis.stop()
    for url in (tutorial.url, "/", reverse("search")):
        assert Client().get(url).status_code == 200, url
    assert "Préparer ses documents" in Client().get(tutorial.url).content.decode()


def test_pages_are_served_while_redis_is_paused(throwaway_redis, tutorial, settings):
    # Every cache operation waits for its timeout while Redis is paused: a short one keeps the test short.
    settings.CACHES = {
        alias: {**config, "OPTIONS": {"socket_connect_timeout": 0.02, "socket_timeout": 0.02}}
        for alias, config in settings.CACHES.items()
    }
    Client().get(tutorial.url)
    os.kill(throwaway_redis.process.pid, signal.SIGSTOP)
    response = Client().get(tutorial.url)
    assert response.status_code == 200 and "Préparer ses documents" in response.content.decode()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_change_committed_after_a_later_one_still_renews_the_token():
    """Ids are handed out when rows are added, not when they are committed: the row added once committed counts."""
    other = connections.create_connection("default")  # another process, in autocommit
    try:

        def last_id_elsewhere():
            with other.cursor() as cursor:
                cursor.execute("SELECT max(id) FROM cms_cachegeneration")
                return cursor.fetchone()[0]

        with transaction.atomic():
            invalidation.renew()  # a slow change: its id is handed out first
            with other.cursor() as cursor:  # a quick one, committed first, with a higher id
                cursor.execute("INSERT INTO cms_cachegeneration (changed_at) VALUES (now())")
            seen = last_id_elsewhere()
        assert last_id_elsewhere() > seen
    finally:
        other.close()


def test_old_rows_are_removed_and_the_token_keeps_rising():
    tokens = []
    for _change in range(3 * invalidation.PRUNE_EVERY):
        invalidation._renew_after_commit()
        tokens.append(invalidation.generation())
    assert tokens == sorted(set(tokens))
    assert invalidation.CacheGeneration.objects.count() <= 2 * invalidation.PRUNE_EVERY

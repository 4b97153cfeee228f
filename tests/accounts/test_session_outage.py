"""A sign-out is never undone by Redis: sessions live in the database only.

With sessions cached in Redis (`cached_db`), a sign-out while Redis is unreachable deleted the database row but not
the cached copy; once Redis answered again, the old cookie was signed in again from that copy, for up to 8 hours. The
same went for sessions ended by an erasure or a password change. Each test runs its own redis-server
(tests/throwaway_redis.py) and crashes it from a snapshot taken while the person was signed in.
"""

from django.conf import settings
from django.test import Client
from django.urls import reverse

import pytest

from tests.throwaway_redis import needs_redis_server

pytestmark = [pytest.mark.django_db, needs_redis_server]


def signed_in(client):
    response = client.get(reverse("my_path"))
    return response.status_code == 200


def test_sessions_are_kept_in_the_database_only():
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"


def test_a_sign_out_while_redis_is_down_stays_signed_out_once_it_is_back(
    throwaway_redis, resident, password, home_page
):
    kiosk = Client()
    response = kiosk.post(reverse("account_login"), {"login": resident.username, "password": password})
    assert response.status_code == 302 and signed_in(kiosk)
    cookie = kiosk.cookies[settings.SESSION_COOKIE_NAME].value

    throwaway_redis.crash()
    kiosk.post(reverse("account_logout"))
    throwaway_redis.start()

    later = Client()
    later.cookies[settings.SESSION_COOKIE_NAME] = cookie  # the cookie a browser left behind, replayed
    assert not signed_in(later)


def test_a_password_change_while_redis_is_down_still_ends_the_other_sessions(
    throwaway_redis, resident, password, home_page
):
    here, elsewhere = Client(), Client()
    for client in (here, elsewhere):
        client.post(reverse("account_login"), {"login": resident.username, "password": password})
    assert signed_in(elsewhere)

    throwaway_redis.crash()
    new = "un-nouveau-mot-de-passe"
    here.post(reverse("account_change_password"), {"oldpassword": password, "password1": new, "password2": new})
    throwaway_redis.start()

    assert not signed_in(elsewhere)

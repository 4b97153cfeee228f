"""Sessions on shared computers: browser-close cookies for residents, idle timeouts, keepalive, header buttons."""

import html
import time

from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

import pytest

from accounts import cards
from accounts.kiosk import LAST_ACTIVITY_KEY, describe_duration

pytestmark = pytest.mark.django_db

IDLE_MESSAGE = "Votre session a été fermée après 20 minutes sans activité."


def text(response):
    return html.unescape(response.content.decode())


def go_idle(client, seconds):
    """Pretend the last request was `seconds` ago, by editing the timestamp stored in the session."""
    session = client.session
    session[LAST_ACTIVITY_KEY] = time.time() - seconds
    session.save()


def test_resident_session_expires_when_the_browser_closes(client, resident, home_page):
    client.force_login(resident)
    response = client.get("/")
    assert client.session.get_expire_at_browser_close()
    cookie = response.cookies["sessionid"]
    assert not cookie["max-age"]
    assert not cookie["expires"]


def test_resident_signed_in_with_a_card_gets_a_browser_session_cookie_at_once(client, resident):
    card = cards.issue_card(resident=resident)
    response = client.post(reverse("code_login"), {"username": "amina", "code": card.code})
    assert response.status_code == 302
    assert client.session.get_expire_at_browser_close()
    assert not response.cookies["sessionid"]["max-age"]


def test_resident_signed_in_with_a_password_gets_a_browser_session_cookie(client, resident, password, home_page):
    response = client.post(reverse("account_login"), {"login": "amina", "password": password})
    assert response.status_code == 302
    assert client.session.get_expire_at_browser_close()
    assert not response.cookies["sessionid"]["max-age"]


def test_professional_session_also_ends_with_the_browser(client, agent, home_page):
    """Agents also work on the structure's shared computers; allauth already gave password logins this cookie."""
    client.force_login(agent)
    response = client.get("/")
    assert client.session.get_expire_at_browser_close()
    assert not response.cookies["sessionid"]["max-age"]
    assert not response.cookies["sessionid"]["expires"]


def test_resident_is_logged_out_after_twenty_minutes_idle(client, resident, home_page):
    client.force_login(resident)
    client.get("/")
    go_idle(client, 20 * 60 + 5)
    response = client.get(reverse("my_path"))
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login")
    assert "_auth_user_id" not in client.session
    response = client.get(response["Location"])
    assert IDLE_MESSAGE in text(response)


def test_resident_active_within_twenty_minutes_stays(client, resident, home_page):
    client.force_login(resident)
    client.get("/")
    go_idle(client, 19 * 60)
    assert client.get(reverse("my_path")).status_code == 200
    assert client.session["_auth_user_id"] == str(resident.pk)
    assert time.time() - client.session[LAST_ACTIVITY_KEY] < 5


def test_professional_stays_at_twenty_minutes_but_not_after_the_professional_timeout(client, agent, home_page):
    client.force_login(agent)
    client.get("/")
    go_idle(client, 20 * 60 + 5)
    assert client.get(reverse("my_path")).status_code == 200
    assert client.session["_auth_user_id"] == str(agent.pk)

    go_idle(client, 4 * 60 * 60 + 5)
    response = client.get(reverse("my_path"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")
    assert "_auth_user_id" not in client.session
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Votre session a été fermée après 4 heures sans activité."
    ]


def test_professional_timeout_is_a_setting(client, agent, home_page, settings):
    settings.PROFESSIONAL_IDLE_TIMEOUT_SECONDS = 60 * 60
    client.force_login(agent)
    client.get("/")
    go_idle(client, 60 * 60 + 5)
    assert client.get(reverse("my_path")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_keepalive_post_renews_and_get_is_405(client, resident, home_page):
    client.force_login(resident)
    client.get("/")
    go_idle(client, 19 * 60)
    url = reverse("session_keepalive")
    assert url == "/session/continuer/"
    assert client.get(url).status_code == 405
    response = client.post(url, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response.json() == {"active": True, "timeout": 1200}
    assert time.time() - client.session[LAST_ACTIVITY_KEY] < 5
    go_idle(client, 19 * 60)  # another 19 minutes: still fine, the keepalive counted
    assert client.get(reverse("my_path")).status_code == 200


def test_keepalive_needs_csrf(resident):
    client = Client(enforce_csrf_checks=True)
    client.force_login(resident)
    assert client.post(reverse("session_keepalive"), HTTP_ACCEPT="application/json").status_code == 403


def test_keepalive_after_the_timeout_says_so(client, resident, home_page):
    client.force_login(resident)
    client.get("/")
    go_idle(client, 21 * 60)
    response = client.post(reverse("session_keepalive"), HTTP_ACCEPT="application/json")
    assert response.status_code == 401
    assert response.json() == {"active": False, "login_url": reverse("account_login")}
    assert "_auth_user_id" not in client.session
    assert IDLE_MESSAGE in text(client.get(reverse("account_login")))


def test_keepalive_without_javascript_goes_back(client, resident, home_page):
    client.force_login(resident)
    response = client.post(reverse("session_keepalive"), {"next": "/mon-parcours/"})
    assert response.status_code == 302
    assert response["Location"] == "/mon-parcours/"
    response = client.post(reverse("session_keepalive"), {"next": "https://ailleurs.example/"})
    assert response["Location"] == "/"


def test_anonymous_keepalive_is_401(client, db):
    assert client.post(reverse("session_keepalive"), HTTP_ACCEPT="application/json").status_code == 401


def test_pages_carry_the_timeouts_and_the_warning_for_logged_in_people(client, resident, home_page, settings):
    settings.RESIDENT_IDLE_TIMEOUT_SECONDS = 3
    settings.IDLE_WARNING_SECONDS = 2
    client.force_login(resident)
    content = text(client.get("/"))
    assert 'data-idle-timeout="3" data-idle-warning="2"' in content
    assert 'role="alertdialog"' in content
    assert "js/kiosk.js" in content
    assert "dans 2 secondes" in content


def test_anonymous_pages_have_no_kiosk_script(client, home_page):
    content = text(client.get("/"))
    assert "data-idle-timeout" not in content
    assert "js/kiosk.js" not in content


def test_header_offers_residents_to_end_their_session(client, resident, home_page):
    client.force_login(resident)
    content = text(client.get("/"))
    assert "Terminer ma session" in content
    assert "Se déconnecter" not in content
    assert f'href="{reverse("my_account")}"' in content
    assert f'action="{reverse("account_logout")}"' in content


def test_header_keeps_professionals_logout_and_links_their_account_page(client, agent, home_page):
    client.force_login(agent)
    content = text(client.get("/"))
    assert "Se déconnecter" in content
    assert f'href="{reverse("my_account")}"' in content
    header = content.split("</header>")[0]
    assert "Terminer ma session" not in header


def test_ending_the_session_logs_out(client, resident, home_page):
    client.force_login(resident)
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_login_page_has_no_remember_me_and_links_to_the_card_login(client, home_page):
    content = text(client.get(reverse("account_login") + "?next=/mon-parcours/"))
    assert 'name="remember"' not in content
    assert "J'ai une carte de connexion" in content
    assert f'href="{reverse("code_login")}?next=/mon-parcours/"' in content


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (1200, "20 minutes"),
        (14400, "4 heures"),
        (3600, "1 heure"),
        (60, "1 minute"),
        (2, "2 secondes"),
        (90, "90 secondes"),
    ],
)
def test_durations_read_in_plain_french(seconds, words):
    assert describe_duration(seconds) == words


def test_activity_is_written_at_most_once_a_minute_and_pages_tell_the_time_left(client, resident, home_page):
    client.force_login(resident)
    client.get("/")
    go_idle(client, 30)
    stored = client.session[LAST_ACTIVITY_KEY]
    content = text(client.get("/"))
    assert client.session[LAST_ACTIVITY_KEY] == stored  # not rewritten after 30 seconds
    assert 'data-idle-left="1170"' in content or 'data-idle-left="1169"' in content
    go_idle(client, 61)
    content = text(client.get("/"))
    assert client.session[LAST_ACTIVITY_KEY] > stored
    assert 'data-idle-left="1200"' in content


def test_signing_in_again_as_someone_else_starts_a_fresh_idle_clock(client, resident, home_page):
    client.force_login(resident)
    client.get("/")
    go_idle(client, 50)  # recent enough not to be rewritten before the view
    other = cards.create_resident(display_name="Lucie")
    card = cards.issue_card(resident=other)
    client.post(reverse("qr_login", args=[card.qr_token]))
    assert client.session["_auth_user_id"] == str(other.pk)
    assert time.time() - client.session[LAST_ACTIVITY_KEY] < 5

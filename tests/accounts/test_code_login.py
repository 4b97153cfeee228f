"""Signing in with a login card: the typed code, the QR code, and their rate limits."""

import html
import time

from django.test import Client
from django.urls import reverse

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError

from accounts import cards, ratelimit
from tests.accounts.factories import ProfessionalFactory, ResidentFactory

pytestmark = pytest.mark.django_db

URL = "/connexion-code/"
WRONG = "n'est pas bon"
BLOCKED = "réessayez dans quelques minutes ou demandez de l'aide à votre conseiller"


@pytest.fixture
def card(resident):
    return cards.issue_card(resident=resident)


def text(response):
    return html.unescape(response.content.decode())


def logged_in_as(client, user):
    return client.session.get("_auth_user_id") == str(user.pk)


def post_code(client, username, code, ip="192.0.2.10", **extra):
    return client.post(URL, {"username": username, "code": code, **extra}, REMOTE_ADDR=ip)


def wrong_code(card):
    """A well-formed code that is not this card's."""
    return "".join("A" if char != "A" else "B" for char in card.code)


def test_urls_have_their_names():
    assert reverse("code_login") == URL
    assert reverse("qr_login", args=["abc"]) == "/connexion-code/qr/abc/"


def test_the_form_is_in_french(client, db):
    response = client.get(URL)
    assert response.status_code == 200
    content = text(response)
    assert "Identifiant" in content
    assert "Nom d'utilisateur" not in content
    assert "Code de connexion" in content


def test_right_code_logs_in_with_a_new_session_key_and_goes_to_my_path(client, resident, card):
    client.get(URL)
    client.session.save()
    before = client.session.session_key
    response = post_code(client, "amina", card.code)
    assert response.status_code == 302
    assert response["Location"] == reverse("my_path")
    assert logged_in_as(client, resident)
    assert client.session.session_key != before


def test_a_safe_next_is_followed_and_an_outside_one_ignored(client, resident, card):
    response = post_code(client, "amina", card.code, next="/mon-compte/")
    assert response["Location"] == "/mon-compte/"
    client.logout()
    response = post_code(client, "amina", card.code, next="https://ailleurs.example/")
    assert response["Location"] == reverse("my_path")


def test_code_is_case_space_and_dash_tolerant(client, resident, card):
    code = card.code.lower()
    typed = f" {code[:4]} - {code[4:]} "
    response = post_code(client, "AMINA", typed)
    assert response.status_code == 302
    assert logged_in_as(client, resident)


def test_the_code_is_not_sent_back_into_the_page(client, resident, card):
    response = post_code(client, "amina", wrong_code(card))
    assert wrong_code(card) not in text(response)
    assert 'value="amina"' in text(response)


@pytest.mark.parametrize(
    "case", ["wrong code", "revoked code", "unknown username", "malformed code", "professional with a card"]
)
def test_every_refusal_gives_the_same_message(client, resident, card, case):
    username, code = "amina", card.code
    if case == "wrong code":
        code = wrong_code(card)
    elif case == "revoked code":
        cards.issue_card(resident=resident)
    elif case == "unknown username":
        username = "personne-inconnue"
    elif case == "malformed code":
        code = "AB-1"
    elif case == "professional with a card":
        professional = ProfessionalFactory(username="pro")
        username, code = "pro", cards.issue_card(resident=professional).code
    response = post_code(client, username, code)
    assert response.status_code == 200
    content = text(response)
    assert WRONG in content
    assert 'role="alert"' in content
    assert "_auth_user_id" not in client.session


def test_the_new_card_works_after_the_old_one_is_revoked(client, resident, card):
    new_card = cards.issue_card(resident=resident)
    assert post_code(client, "amina", card.code).status_code == 200
    assert post_code(client, "amina", new_card.code).status_code == 302
    assert logged_in_as(client, resident)


def test_empty_fields_are_field_errors(client, db):
    response = client.post(URL, {"username": "", "code": ""})
    assert response.status_code == 200
    assert text(response).count('aria-invalid="true"') == 2


# QR code


def qr_url(token):
    return reverse("qr_login", args=[token])


def test_qr_get_shows_a_button_and_does_not_log_in(client, resident, card):
    response = client.get(qr_url(card.qr_token))
    assert response.status_code == 200
    content = text(response)
    assert "Me connecter" in content
    assert 'method="post"' in content
    assert "csrfmiddlewaretoken" in content
    assert "_auth_user_id" not in client.session
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]


def test_qr_post_logs_in(client, resident, card):
    response = client.post(qr_url(card.qr_token))
    assert response.status_code == 302
    assert response["Location"] == reverse("my_path")
    assert logged_in_as(client, resident)


def test_qr_post_needs_the_csrf_token(resident, card):
    client = Client(enforce_csrf_checks=True)
    response = client.post(qr_url(card.qr_token))
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_qr_replayed_after_a_new_card_is_refused(client, resident, card):
    cards.issue_card(resident=resident)
    for method in (client.get, client.post):
        response = method(qr_url(card.qr_token))
        assert response.status_code == 404
        assert "Cette carte ne marche plus" in text(response)
    assert "_auth_user_id" not in client.session


def test_unknown_qr_token_is_a_french_404(client, db):
    response = client.post(qr_url("pas-un-vrai-jeton"))
    assert response.status_code == 404
    assert "n'est plus valable" in text(response)


# Rate limits


def test_sixth_failure_in_five_minutes_is_blocked_even_with_the_right_code(client, resident, card):
    for _ in range(5):
        assert WRONG in text(post_code(client, "amina", wrong_code(card)))
    response = post_code(client, "AMINA", card.code)
    assert response.status_code == 429
    content = text(response)
    assert "Trop d'essais" in content
    assert BLOCKED in content
    assert "_auth_user_id" not in client.session


def test_the_account_limit_does_not_depend_on_the_address(client, resident, card):
    for number in range(5):
        post_code(client, "amina", wrong_code(card), ip=f"198.51.100.{number}")
    assert post_code(client, "amina", card.code, ip="203.0.113.9").status_code == 429


def test_unknown_usernames_are_limited_the_same_way(client, db):
    for _ in range(5):
        post_code(client, "inconnu", "ABCDEFGH")
    assert BLOCKED in text(post_code(client, "inconnu", "ABCDEFGH"))


def test_the_account_limit_ends_with_the_window(client, resident, card, settings):
    settings.CODE_LOGIN_WINDOW_SECONDS = 1
    for _ in range(5):
        post_code(client, "amina", wrong_code(card))
    assert post_code(client, "amina", card.code).status_code == 429

    time.sleep(1.1)
    assert post_code(client, "amina", card.code).status_code == 302


def test_a_success_clears_the_account_counter(client, resident, card):
    for _ in range(4):
        post_code(client, "amina", wrong_code(card))
    assert post_code(client, "amina", card.code).status_code == 302
    client.logout()
    for _ in range(4):
        post_code(client, "amina", wrong_code(card))
    assert post_code(client, "amina", card.code).status_code == 302


def test_thirty_residents_in_one_room_all_get_in_even_after_a_typo(client, db):
    room = "203.0.113.50"
    people = []
    for number in range(30):
        user = ResidentFactory(username=f"atelier{number}")
        people.append((user, cards.issue_card(resident=user)))
    for user, card in people:
        client.logout()
        assert WRONG in text(post_code(client, user.username, wrong_code(card), ip=room))
        response = post_code(client, user.username, card.code, ip=room)
        assert response.status_code == 302, user.username
        assert logged_in_as(client, user)


def test_successes_never_count_for_the_network(client, resident, card, settings):
    settings.CODE_LOGIN_NETWORK_FAILURES = 3
    for _ in range(10):
        client.logout()
        assert post_code(client, "amina", card.code).status_code == 302


def test_the_101st_failure_from_one_address_is_blocked(client, resident, card):
    for number in range(100):
        response = post_code(client, f"inconnu{number}", "ABCDEFGH", ip="203.0.113.66")
        assert response.status_code == 200
    response = post_code(client, "amina", card.code, ip="203.0.113.66")
    assert response.status_code == 429
    assert BLOCKED in text(response)
    assert "_auth_user_id" not in client.session
    # Another network is not affected.
    assert post_code(client, "amina", card.code, ip="203.0.113.67").status_code == 302


def test_qr_failures_count_for_the_network(client, resident, card, settings):
    settings.CODE_LOGIN_NETWORK_FAILURES = 3
    for number in range(3):
        assert client.post(qr_url(f"faux-{number}"), REMOTE_ADDR="203.0.113.70").status_code == 404
    response = client.post(qr_url(card.qr_token), REMOTE_ADDR="203.0.113.70")
    assert response.status_code == 429
    assert "Trop d'essais" in text(response)
    assert "_auth_user_id" not in client.session
    # Typed codes share the same network budget.
    assert post_code(client, "amina", card.code, ip="203.0.113.70").status_code == 429


@pytest.mark.parametrize(
    ("remote_addr", "expected"),
    [
        ("192.0.2.1", "192.0.2.1"),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
        ("::ffff:192.0.2.1", "192.0.2.1"),
        ("", "inconnue"),
    ],
)
def test_client_ip_comes_from_remote_addr_only(rf, remote_addr, expected):
    request = rf.get("/", REMOTE_ADDR=remote_addr, HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert ratelimit.client_ip(request) == expected


class UnreachableCache:
    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise RedisConnectionError("Redis is down")

        return fail


@pytest.fixture
def cache_down(monkeypatch):
    ratelimit._local_fallback.clear()
    monkeypatch.setattr(ratelimit, "shared_cache", UnreachableCache)
    yield
    ratelimit._local_fallback.clear()


def test_without_the_cache_signing_in_still_works(client, resident, card, cache_down, settings):
    settings.CODE_LOGIN_NETWORK_FAILURES = 1
    post_code(client, "inconnu", "ABCDEFGH")
    assert post_code(client, "amina", card.code).status_code == 302  # network limit fails open
    assert logged_in_as(client, resident)


def test_without_the_cache_the_account_limit_uses_process_memory(client, resident, card, cache_down):
    for _ in range(5):
        post_code(client, "amina", wrong_code(card))
    assert post_code(client, "amina", card.code).status_code == 429

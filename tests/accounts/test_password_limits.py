"""Password sign-in: one budget per account whatever was typed, still counted when Redis is down, a room never locked
out by its own typos, and the same work (one password hash) whether the address has an account or not."""

from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.urls import reverse

import pytest

from accounts import ratelimit
from accounts.backends import resolve_account
from tests.accounts.factories import ResidentFactory

pytestmark = pytest.mark.django_db

DOWN = "redis://127.0.0.1:1/0"  # nothing listens on port 1


@pytest.fixture
def amina(password):
    return ResidentFactory(username="amina", email="amina@exemple.fr", password=password)


def sign_in(client, login, password, ip="192.0.2.10"):
    return client.post(reverse("account_login"), {"login": login, "password": password}, REMOTE_ADDR=ip)


def signed_in(response):
    return response.status_code == 302


@pytest.fixture
def redis_down(settings):
    options = {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}
    settings.CACHES = {
        "default": {"BACKEND": "config.cache.TolerantRedisCache", "LOCATION": DOWN, "OPTIONS": options},
        "ratelimit": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": DOWN, "OPTIONS": options},
    }

    ratelimit._local_fallback.clear()
    yield
    ratelimit._local_fallback.clear()


def test_an_identifier_and_an_email_name_the_same_account(amina):
    assert resolve_account("AMINA") == amina == resolve_account(" amina@EXEMPLE.fr ")
    assert resolve_account("personne") is None and resolve_account("") is None


def test_a_username_wins_over_another_persons_email(amina):
    other = ResidentFactory(username="amina@exemple.fr", email=None)
    assert resolve_account("amina@exemple.fr") == other


def test_five_failures_by_identifier_or_email_share_one_budget(client, amina, password):
    for login in ["amina", "amina@exemple.fr", "Amina", "AMINA@exemple.fr", "amina"]:
        assert not signed_in(sign_in(client, login, "mauvais-mot-de-passe"))
    response = sign_in(client, "amina@exemple.fr", password)
    assert not signed_in(response)
    assert "Trop de tentatives" in response.content.decode() or "trop" in response.content.decode().lower()


def test_the_limit_still_holds_when_redis_is_down(client, amina, password, redis_down):
    for _ in range(30):
        sign_in(client, "amina", "mauvais-mot-de-passe")
    assert not signed_in(sign_in(client, "amina", password))  # 30 wrong, then the right one: still refused


def test_a_success_starts_the_account_budget_again(client, amina, password):
    for _ in range(4):
        sign_in(client, "amina", "mauvais-mot-de-passe")
    assert signed_in(sign_in(client, "amina", password))
    client.post(reverse("account_logout"))
    for _ in range(4):
        sign_in(client, "amina", "mauvais-mot-de-passe")
    assert signed_in(sign_in(client, "amina", password))


def test_a_room_behind_one_address_is_not_locked_out_by_everyones_typos(client, password):
    residents = [ResidentFactory(username=f"personne{n}", password=password) for n in range(30)]
    for resident in residents:  # each one mistypes three times
        for _ in range(3):
            sign_in(client, resident.username, "faute-de-frappe")
    for resident in residents:
        assert signed_in(sign_in(client, resident.username, password)), resident.username
        client.post(reverse("account_logout"))


def test_a_guesser_trying_many_accounts_from_one_address_is_stopped(client, amina, password, settings):
    settings.PASSWORD_LOGIN_NETWORK_FAILURES = 20
    for n in range(20):
        sign_in(client, f"inconnu{n}", "devine")
    assert not signed_in(sign_in(client, "amina", password))
    assert signed_in(sign_in(client, "amina", password, ip="198.51.100.7"))  # another network is not affected


class CountingHasher(PBKDF2PasswordHasher):
    """PBKDF2 that counts its work (cheap: one iteration, so stored and current hashes agree and nothing is padded)."""

    calls = 0
    iterations = 1

    def encode(self, password, salt, iterations=None):
        CountingHasher.calls += 1
        return super().encode(password, salt, iterations)


@pytest.fixture
def count_hashes(settings):
    settings.PASSWORD_HASHERS = ["tests.accounts.test_password_limits.CountingHasher"]

    def count(client, login, password):
        CountingHasher.calls = 0
        sign_in(client, login, password, ip="203.0.113.5")
        return CountingHasher.calls

    return count


def test_one_password_hash_whether_the_account_exists_or_not(client, count_hashes):
    ResidentFactory(username="amina", email="amina@exemple.fr", password="un-mot-de-passe-long")
    known_email = count_hashes(client, "amina@exemple.fr", "mauvais-mot-de-passe")
    unknown_email = count_hashes(client, "personne@exemple.fr", "mauvais-mot-de-passe")
    known_username = count_hashes(client, "amina", "mauvais-mot-de-passe")
    unknown_username = count_hashes(client, "personne", "mauvais-mot-de-passe")
    assert known_email == unknown_email == known_username == unknown_username == 1

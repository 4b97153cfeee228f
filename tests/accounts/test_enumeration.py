"""Password sign-in, sign-up and reset never tell whether an account exists; password guessing is limited per account
while a whole workshop room behind one address still gets in."""

import re

from django.urls import reverse

import pytest

from accounts.models import User
from tests.accounts.factories import ResidentFactory

pytestmark = pytest.mark.django_db


def errors(response):
    """The page's error messages, without the values the visitor typed."""
    text = re.sub(r'value="[^"]*"', "", response.text)
    return re.findall(r'class="[^"]*(?:error|alert)[^"]*"[^>]*>(.*?)<', text, flags=re.S)


def test_a_wrong_password_and_an_unknown_username_get_the_same_answer(client, resident, home_page):
    wrong = client.post(reverse("account_login"), {"login": resident.username, "password": "pas-le-bon"})
    unknown = client.post(reverse("account_login"), {"login": "personne-inconnue", "password": "pas-le-bon"})
    assert wrong.status_code == unknown.status_code == 200
    assert errors(wrong) == errors(unknown) and errors(wrong)


def test_a_wrong_password_and_an_unknown_email_get_the_same_answer(client, resident, home_page):
    wrong = client.post(reverse("account_login"), {"login": resident.email, "password": "pas-le-bon"})
    unknown = client.post(reverse("account_login"), {"login": "personne@exemple.fr", "password": "pas-le-bon"})
    assert wrong.status_code == unknown.status_code == 200
    assert errors(wrong) == errors(unknown) and errors(wrong)


def test_signing_up_with_a_taken_address_looks_like_any_sign_up(client, resident, home_page, mailoutbox, password):
    def sign_up(username, email):
        return client.post(
            reverse("account_signup"),
            {"username": username, "email": email, "password1": password, "password2": password},
        )

    taken = sign_up("nouvelle-personne", resident.email)
    client.logout()
    fresh = sign_up("autre-personne", "jamais-vue@exemple.fr")
    assert taken.status_code == fresh.status_code
    assert taken.get("Location") == fresh.get("Location")
    assert "adresse" not in " ".join(errors(taken)).lower()
    # The owner of the address is told by e-mail instead, where only they can read it; the new account has no address.
    assert [message.to for message in mailoutbox if resident.email in message.to]
    assert User.objects.get(username="nouvelle-personne").email is None
    assert User.objects.get(username="autre-personne").email == "jamais-vue@exemple.fr"


def test_the_sixth_wrong_password_in_five_minutes_is_blocked_even_with_the_right_one(client, resident, password):
    for _ in range(5):
        client.post(reverse("account_login"), {"login": resident.username, "password": "pas-le-bon"})
    blocked = client.post(reverse("account_login"), {"login": resident.username, "password": password})
    assert "_auth_user_id" not in client.session
    assert blocked.status_code in (200, 429)


def test_thirty_residents_behind_one_address_all_sign_in_after_a_typo(client, password, home_page):
    residents = [ResidentFactory(username=f"salle-{number}") for number in range(30)]
    for person in residents:
        client.post(reverse("account_login"), {"login": person.username, "password": "faute-de-frappe"})
        client.post(reverse("account_login"), {"login": person.username, "password": password})
        assert client.session.get("_auth_user_id") == str(person.pk), person.username
        client.logout()

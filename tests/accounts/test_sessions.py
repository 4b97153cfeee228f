"""Sessions end where they should: a password change or a deactivated account ends the other sessions."""

from django.test import Client
from django.urls import reverse

import pytest

from accounts import cards

pytestmark = pytest.mark.django_db


def logged_in(user, password):
    client = Client()
    assert client.post(reverse("account_login"), {"login": user.username, "password": password}).status_code == 302
    return client


def test_changing_the_password_ends_the_other_sessions(resident, password, home_page):
    here, elsewhere = logged_in(resident, password), logged_in(resident, password)
    response = here.post(
        reverse("account_change_password"),
        {"oldpassword": password, "password1": "un-nouveau-mot-de-passe", "password2": "un-nouveau-mot-de-passe"},
    )
    assert response.status_code == 302
    assert here.get(reverse("my_path")).status_code == 200
    response = elsewhere.get(reverse("my_path"))
    assert response.status_code == 302 and response["Location"].startswith("/comptes/login/")


def test_deactivating_an_account_ends_its_sessions(resident, password, home_page):
    client = logged_in(resident, password)
    resident.is_active = False
    resident.save(update_fields=["is_active"])
    response = client.get(reverse("my_path"))
    assert response.status_code == 302 and response["Location"].startswith("/comptes/login/")


def test_the_session_key_changes_at_login_with_a_card(client, resident):
    issued = cards.issue_card(resident=resident)
    client.get(reverse("code_login"))
    client.session.save()
    before = client.session.session_key
    client.post(reverse("code_login"), {"username": resident.username, "code": issued.code})
    assert client.session.session_key != before
    assert client.session["_auth_user_id"] == str(resident.pk)

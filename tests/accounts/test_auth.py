from django.db import IntegrityError, transaction
from django.urls import reverse

import pytest

from accounts.models import User
from tests.accounts.factories import ResidentFactory

pytestmark = pytest.mark.django_db


def test_login_with_username(client, resident, password, home_page):
    response = client.post(reverse("account_login"), {"login": "amina", "password": password})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(resident.pk)


def test_login_with_username_in_other_case(client, resident, password, home_page):
    response = client.post(reverse("account_login"), {"login": "AMINA", "password": password})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(resident.pk)


def test_login_with_email(client, resident, password, home_page):
    response = client.post(reverse("account_login"), {"login": "amina@exemple.fr", "password": password})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(resident.pk)


def test_wrong_password_gives_a_french_error_on_the_form(client, resident, home_page):
    response = client.post(reverse("account_login"), {"login": "amina", "password": "pas-le-bon"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    content = response.content.decode()
    assert 'role="alert"' in content
    assert "incorrect" in content


def test_sixth_failed_login_in_five_minutes_is_blocked(client, resident, password, home_page):
    for _ in range(5):
        client.post(reverse("account_login"), {"login": "amina", "password": "pas-le-bon"})
    response = client.post(reverse("account_login"), {"login": "amina", "password": password})
    assert response.status_code == 429 or "_auth_user_id" not in client.session


def test_session_key_changes_at_login(client, resident, password, home_page):
    client.get(reverse("account_login"))
    client.session.save()
    before = client.session.session_key
    client.post(reverse("account_login"), {"login": "amina", "password": password})
    assert client.session.session_key != before


def test_signup_without_email(client, home_page):
    response = client.post(
        reverse("account_signup"),
        {"username": "Djamel", "email": "", "password1": "un-mot-de-passe-long", "password2": "un-mot-de-passe-long"},
    )
    assert response.status_code == 302, response.content.decode()
    user = User.objects.get(username="Djamel")
    assert user.email is None
    assert user.is_resident
    assert client.session["_auth_user_id"] == str(user.pk)


def test_signup_with_email_sends_a_verification_mail(client, home_page, mailoutbox):
    response = client.post(
        reverse("account_signup"),
        {
            "username": "lucie",
            "email": "lucie@exemple.fr",
            "password1": "un-mot-de-passe-long",
            "password2": "un-mot-de-passe-long",
            "display_name": "Lucie",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="lucie")
    assert user.display_name == "Lucie"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["lucie@exemple.fr"]


def test_signup_refuses_a_username_differing_only_in_case(client, home_page):
    ResidentFactory(username="Amina")
    response = client.post(
        reverse("account_signup"),
        {"username": "aMINA", "password1": "un-mot-de-passe-long", "password2": "un-mot-de-passe-long"},
    )
    assert response.status_code == 200
    assert "Cet identifiant est déjà pris" in response.content.decode()
    assert User.objects.filter(username__iexact="amina").count() == 1


def test_database_refuses_case_variants_of_a_username(db):
    ResidentFactory(username="Bernard")
    with pytest.raises(IntegrityError), transaction.atomic():
        ResidentFactory(username="bernard")


def test_several_users_may_have_no_email(db):
    ResidentFactory(username="a1", without_email=True)
    ResidentFactory(username="a2", without_email=True)
    assert User.objects.filter(email__isnull=True).count() == 2


def test_empty_email_is_stored_as_no_email(db):
    user = ResidentFactory(username="a3", email="")
    user.refresh_from_db()
    assert user.email is None


def test_logout_is_post_only(client, resident, home_page):
    client.force_login(resident)
    response = client.get(reverse("account_logout"))
    assert response.status_code == 200
    assert "_auth_user_id" in client.session
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_reset_page_does_not_reveal_whether_an_account_exists(client, resident, home_page, mailoutbox):
    known = client.post(reverse("account_reset_password"), {"email": "amina@exemple.fr"})
    unknown = client.post(reverse("account_reset_password"), {"email": "personne@exemple.fr"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]

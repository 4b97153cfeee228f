"""« Mon compte » for residents: add or change a password, add an email address."""

import html

from django.urls import reverse

import pytest
from allauth.account.models import EmailAddress

from accounts import cards
from accounts.cards import create_resident
from tests.accounts.factories import ResidentFactory

pytestmark = pytest.mark.django_db

URL = "/mon-compte/"
NEW_PASSWORD = "un-nouveau-mot-de-passe"


def text(response):
    return html.unescape(response.content.decode())


@pytest.fixture
def card_resident(db):
    """A resident created at the desk: no password, no email, signs in with a card."""
    return create_resident(display_name="Chantal Martin")


def set_password(client, **data):
    return client.post(URL, {"form": "password", **{f"password-{key}": value for key, value in data.items()}})


def test_url_name_and_login_required(client, db):
    assert reverse("my_account") == URL
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_shows_username_and_display_name(client, card_resident):
    client.force_login(card_resident)
    content = text(client.get(URL))
    assert card_resident.username in content
    assert "Chantal Martin" in content
    assert "Choisir un mot de passe" in content
    assert "Mot de passe actuel" not in content


def test_professionals_get_their_own_account_page(client, agent):
    client.force_login(agent)
    response = client.get(URL)
    assert response.status_code == 200
    content = text(response)
    assert f'href="{reverse("account_change_password")}"' in content
    assert f'href="{reverse("mfa_activate_totp")}"' in content
    assert "Activer la double authentification" in content


def test_resident_without_password_sets_one_then_logs_in_with_it(client, card_resident, home_page):
    card = cards.issue_card(resident=card_resident)
    client.post(reverse("code_login"), {"username": card_resident.username, "code": card.code})
    response = set_password(client, new_password1=NEW_PASSWORD, new_password2=NEW_PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == URL
    card_resident.refresh_from_db()
    assert card_resident.check_password(NEW_PASSWORD)
    assert client.session["_auth_user_id"] == str(card_resident.pk)  # still signed in
    assert "votre mot de passe est enregistré" in text(client.get(URL))

    client.post(reverse("account_logout"))
    response = client.post(reverse("account_login"), {"login": card_resident.username, "password": NEW_PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(card_resident.pk)


def test_the_two_new_passwords_must_match(client, card_resident):
    client.force_login(card_resident)
    response = set_password(client, new_password1=NEW_PASSWORD, new_password2=NEW_PASSWORD + "x")
    assert response.status_code == 200
    assert "Les deux mots de passe ne sont pas identiques." in text(response)
    card_resident.refresh_from_db()
    assert not card_resident.has_usable_password()


def test_a_too_simple_password_is_refused(client, card_resident):
    client.force_login(card_resident)
    response = set_password(client, new_password1="12345678", new_password2="12345678")
    assert response.status_code == 200
    assert 'aria-invalid="true"' in text(response)
    card_resident.refresh_from_db()
    assert not card_resident.has_usable_password()


def test_changing_an_existing_password_needs_the_current_one(client, resident, password):
    client.force_login(resident)
    assert "Mot de passe actuel" in text(client.get(URL))
    response = set_password(client, new_password1=NEW_PASSWORD, new_password2=NEW_PASSWORD)
    assert response.status_code == 200
    resident.refresh_from_db()
    assert resident.check_password(password)

    response = set_password(client, old_password="pas-le-bon", new_password1=NEW_PASSWORD, new_password2=NEW_PASSWORD)
    assert "Ce n'est pas votre mot de passe actuel." in text(response)

    response = set_password(client, old_password=password, new_password1=NEW_PASSWORD, new_password2=NEW_PASSWORD)
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.check_password(NEW_PASSWORD)
    assert client.session["_auth_user_id"] == str(resident.pk)


def test_adding_an_email_sends_a_verification_mail(client, card_resident, mailoutbox):
    client.force_login(card_resident)
    response = client.post(URL, {"form": "email", "email-email": "Chantal.Martin@Exemple.fr"})
    assert response.status_code == 302
    address = EmailAddress.objects.get(user=card_resident)
    assert address.email == "chantal.martin@exemple.fr"
    assert not address.verified
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["chantal.martin@exemple.fr"]
    content = text(client.get(URL))
    assert "Nous avons envoyé un message à chantal.martin@exemple.fr" in content
    assert "en attente de confirmation" in content


def test_an_email_used_by_another_account_is_refused(client, card_resident, mailoutbox):
    ResidentFactory(username="lucie", email="lucie@exemple.fr")
    client.force_login(card_resident)
    response = client.post(URL, {"form": "email", "email-email": "LUCIE@exemple.fr"})
    assert response.status_code == 200
    assert "Cette adresse est déjà utilisée par un autre compte." in text(response)
    assert not EmailAddress.objects.filter(user=card_resident).exists()
    assert mailoutbox == []


def test_an_email_pending_on_another_account_is_refused(client, card_resident, mailoutbox):
    other = ResidentFactory(username="lucie", without_email=True)
    EmailAddress.objects.create(user=other, email="partagee@exemple.fr", verified=False)
    client.force_login(card_resident)
    response = client.post(URL, {"form": "email", "email-email": "partagee@exemple.fr"})
    assert "déjà utilisée par un autre compte" in text(response)
    assert mailoutbox == []


def test_adding_the_same_pending_email_again_resends_the_link(client, card_resident, mailoutbox):
    client.force_login(card_resident)
    client.post(URL, {"form": "email", "email-email": "chantal@exemple.fr"})
    client.post(URL, {"form": "email", "email-email": "chantal@exemple.fr"})
    assert EmailAddress.objects.filter(user=card_resident).count() == 1
    assert len(mailoutbox) == 2


def test_an_invalid_email_is_a_field_error(client, card_resident):
    client.force_login(card_resident)
    response = client.post(URL, {"form": "email", "email-email": "pas-une-adresse"})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in text(response)


def test_adding_many_emails_is_limited(client, card_resident):
    client.force_login(card_resident)
    for number in range(5):
        assert client.post(URL, {"form": "email", "email-email": f"a{number}@exemple.fr"}).status_code == 302
    response = client.post(URL, {"form": "email", "email-email": "a9@exemple.fr"})
    assert response.status_code == 429
    assert "Réessayez dans une heure" in text(response)

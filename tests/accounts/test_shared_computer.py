"""Shared computers: no session cookie outlives the browser, and the sign-in forms say and fill the right things."""

import html
import re

from django.urls import reverse

import pytest

from accounts.adapter import USERNAME_INVALID, username_with_dots
from accounts.models import User

pytestmark = pytest.mark.django_db


def text(response):
    return html.unescape(response.content.decode())


def input_tag(content, name):
    match = re.search(rf'<input[^>]*name="{name}"[^>]*>', content)
    assert match, name
    return match[0]


def assert_browser_session_cookie(response):
    cookie = response.cookies["sessionid"]
    assert cookie.value
    assert not cookie["max-age"], cookie.output()
    assert not cookie["expires"], cookie.output()


def test_an_anonymous_visitors_progress_cookie_ends_with_the_browser(client, tutorial):
    """Marking a step without an account keeps it in the session: its cookie must not survive a browser restart."""
    url = tutorial.url + tutorial.reverse_subpage("mark_step_done", args=[tutorial.step_ids[0]])
    response = client.post(url)
    assert response.status_code == 302
    assert_browser_session_cookie(response)
    assert client.session.get_expire_at_browser_close()


def test_login_form_autocomplete_tokens_and_no_placeholders(client, db):
    content = text(client.get(reverse("account_login")))
    login = input_tag(content, "login")
    password = input_tag(content, "password")
    assert 'autocomplete="username"' in login
    assert 'autocomplete="email"' not in login
    assert 'autocomplete="current-password"' in password
    assert "placeholder" not in login and "placeholder" not in password
    assert "Identifiant ou adresse électronique" in content
    assert "répondez « Jamais »" in content


def test_nothing_focusable_between_the_identifier_and_the_password(client, db):
    """Tab from the identifier must land in the password field, not on « Mot de passe oublié ? »."""
    content = text(client.get(reverse("account_login")))
    form = content[content.index('name="login"') : content.index('name="password"')]
    assert "<a " not in form and "<button" not in form
    assert content.index(reverse("account_reset_password")) > content.index('type="submit"')


def test_signup_wording(client, db):
    content = text(client.get(reverse("account_signup")))
    assert "(facultatif) <span" not in content
    assert content.count("(facultatif)") == 2  # first name and e-mail address, once each
    assert "Nom d'utilisateur" not in content
    assert ">Identifiant<" in content
    assert "point ou un tiret" in content
    assert "@/./+/-/_" not in content and "« @ »" not in content
    for name in ("username", "email", "password1", "password2", "display_name"):
        assert "placeholder" not in input_tag(content, name)


def sign_up(client, username):
    return client.post(
        reverse("account_signup"),
        {"username": username, "password1": "un-mot-de-passe-long", "password2": "un-mot-de-passe-long"},
    )


def test_a_username_with_spaces_says_what_to_type_instead(client, db):
    response = sign_up(client, "Amina Diallo")
    assert response.status_code == 200
    content = text(response)
    assert "Pas d'espace dans l'identifiant : mettez un point à la place. Écrivez par exemple Amina.Diallo." in content
    assert not User.objects.filter(username__icontains="amina").exists()


def test_other_characters_are_explained_in_words(client, db):
    content = text(sign_up(client, "d'arc"))
    assert USERNAME_INVALID in content
    assert "@/./+/-/_" not in content


def test_the_suggested_username_is_accepted(client, home_page):
    assert sign_up(client, username_with_dots("Amina  Diallo")).status_code == 302
    assert User.objects.filter(username="Amina.Diallo").exists()


@pytest.mark.parametrize(
    ("typed", "suggestion"),
    [("amina diallo", "amina.diallo"), (" jean  pierre ", "jean.pierre"), ("d'arc x", "amina.diallo")],
)
def test_username_with_dots(typed, suggestion):
    assert username_with_dots(typed) == suggestion


def test_code_login_form_speaks_of_the_identifier(client, db):
    content = text(client.get(reverse("code_login")))
    assert "Nom d'utilisateur" not in content
    assert ">Identifiant" in content

from django.test import Client
from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db


def assert_security_headers(response):
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.parametrize("url", ["/", "/comptes/login/", "/comptes/signup/", "/page-inconnue/"])
def test_public_responses_carry_security_headers(client, home_page, url):
    assert_security_headers(client.get(url))


def test_public_pages_may_be_cached_for_anonymous_visitors(client, home_page):
    assert "no-store" not in client.get("/").get("Cache-Control", "")


def test_admin_keeps_scripts_strict(client, trainer, home_page):
    client.force_login(trainer)
    response = client.get("/admin/")
    assert_security_headers(response)


@pytest.mark.parametrize("role", ["resident", "trainer", "agent"])
@pytest.mark.parametrize("url", ["/", "/comptes/password/change/"])
def test_authenticated_pages_are_not_stored(client_for, home_page, role, url):
    response = client_for(role).get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert_security_headers(response)


def test_unknown_url_gives_our_french_404(client, home_page):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    content = response.content.decode()
    assert "Cette page n'existe pas" in content
    assert '<html lang="fr">' in content


def test_csrf_failure_gives_our_french_403(home_page, resident, password):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("account_login"), {"login": "amina", "password": password})
    assert response.status_code == 403
    assert "Le formulaire a expiré" in response.content.decode()
    assert "_auth_user_id" not in strict.session


def test_server_error_page_has_no_traceback(home_page, settings):
    from django.urls import path

    def broken(request):
        raise RuntimeError("secret internals")

    settings.ROOT_URLCONF = type("urls", (), {"urlpatterns": [path("casse/", broken)], "handler500": None})
    client = Client(raise_request_exception=False)
    response = client.get("/casse/")
    assert response.status_code == 500
    content = response.content.decode()
    assert "Un problème est survenu de notre côté" in content
    assert "secret internals" not in content
    assert "Traceback" not in content

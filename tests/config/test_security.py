import base64
import hashlib
import re

from django.http import HttpResponse
from django.test import Client
from django.urls import path, reverse

import pytest

from config.middleware import admin_csp

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


def inline_scripts(html):
    return [m[2] for m in re.finditer(r"<script([^>]*)>(.*?)</script>", html, re.S) if "src=" not in m[1] and m[2]]


def sha256_source(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_wagtails_date_widgets_run_in_the_page_editor_and_nothing_else_inline(client, trainer, tutorial, module):
    client.force_login(trainer)
    for url in [f"/admin/pages/{tutorial.pk}/edit/", f"/admin/pages/{module.pk}/", "/admin/reports/site-history/"]:
        response = client.get(url)
        assert_security_headers(response)
        script_src = response["Content-Security-Policy"].split("script-src")[1].split(";")[0]
        scripts = [s for s in inline_scripts(response.content.decode()) if not s.lstrip().startswith(("{", "["))]
        assert scripts, url  # the date widgets' calls
        for script in scripts:
            assert sha256_source(script) in script_src, (url, script)
        assert len(script_src.split("'sha256-")) - 1 == len(set(scripts))


@pytest.mark.parametrize(
    "script",
    [
        'initDateChooser("id_x", {"format": alert(1)});',
        'initDateChooser("id_x", {"format": "Y"}); alert(1);',
        'initDateChooser("id_x" + alert(1), {"format": "Y"});',
        "alert(1);",
    ],
)
def test_no_other_inline_script_is_let_through_in_admin(script):
    page = f'<script>initDateChooser("id_ok", {{"format": "Y-m-d"}});</script><script>{script}</script>'
    policy = admin_csp(HttpResponse(page))
    assert policy["script-src"][-1] == sha256_source('initDateChooser("id_ok", {"format": "Y-m-d"});')
    assert sha256_source(script) not in policy["script-src"]


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

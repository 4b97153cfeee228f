import pytest
from allauth.mfa.models import Authenticator

from tests.config.test_settings import PRODUCTION, load_settings

pytestmark = pytest.mark.django_db


def test_professionals_are_sent_to_set_up_mfa_when_required(client_for, settings, home_page):
    settings.PROFESSIONALS_REQUIRE_MFA = True
    response = client_for("agent").get("/")
    assert response.status_code == 302
    assert response["Location"] == "/comptes/2fa/totp/activate/"


def test_mfa_requirement_lets_account_pages_through(client_for, settings, home_page):
    settings.PROFESSIONALS_REQUIRE_MFA = True
    assert client_for("trainer").get("/comptes/2fa/").status_code == 200


def test_residents_are_never_asked_for_mfa(client_for, settings, home_page):
    settings.PROFESSIONALS_REQUIRE_MFA = True
    assert client_for("resident").get("/").status_code == 200


def test_professional_with_totp_goes_through(client_for, settings, home_page, agent):
    settings.PROFESSIONALS_REQUIRE_MFA = True
    Authenticator.objects.create(user=agent, type=Authenticator.Type.TOTP, data={"secret": "x"})
    assert client_for("agent").get("/").status_code == 200


def test_mfa_is_optional_by_default(client_for, home_page):
    assert client_for("agent").get("/").status_code == 200


def test_production_requires_mfa_for_professionals_unless_turned_off():
    assert load_settings(**PRODUCTION)["PROFESSIONALS_REQUIRE_MFA"] is True
    assert load_settings(**PRODUCTION, PROFESSIONALS_REQUIRE_MFA="false")["PROFESSIONALS_REQUIRE_MFA"] is False


def test_the_demo_keeps_mfa_optional():
    """`make demo` (dev settings, DEBUG on): agent and responsable sign in with the printed password alone."""
    assert load_settings("config.settings.dev", DJANGO_DEBUG="true")["PROFESSIONALS_REQUIRE_MFA"] is False


def test_my_account_links_a_professional_to_double_authentication(client_for, home_page):
    content = client_for("agent").get("/mon-compte/").content.decode()
    assert "Double authentification" in content
    assert 'href="/comptes/2fa/totp/activate/"' in content


def test_my_account_lets_a_professional_with_totp_manage_it(client_for, home_page, agent):
    Authenticator.objects.create(user=agent, type=Authenticator.Type.TOTP, data={"secret": "x"})
    content = client_for("agent").get("/mon-compte/").content.decode()
    assert "activé" in content
    assert 'href="/comptes/2fa/"' in content
    assert "Gérer la double authentification" in content


def test_a_professional_required_to_set_up_mfa_is_sent_there_from_my_account(client_for, settings, home_page):
    settings.PROFESSIONALS_REQUIRE_MFA = True
    response = client_for("manager").get("/mon-compte/")
    assert response.status_code == 302
    assert response["Location"] == "/comptes/2fa/totp/activate/"

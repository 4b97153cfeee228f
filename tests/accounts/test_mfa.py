import pytest
from allauth.mfa.models import Authenticator

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

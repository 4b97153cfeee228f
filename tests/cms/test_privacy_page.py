"""« Données personnelles »: what is kept, how long and who sees it, stated from the settings the code enforces."""

import pytest

from cms import privacy
from cms.models import PrivacyPage
from tests.cms.factories import PrivacyPageFactory


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"days": 1}, "1 jour"),
        ({"days": 30}, "30 jours"),
        ({"days": 45}, "45 jours"),
        ({"days": 90}, "3 mois"),
        ({"days": 365}, "12 mois"),
        ({"days": 730}, "24 mois (2 ans)"),
        ({"months": 24}, "24 mois (2 ans)"),
        ({"months": 18}, "18 mois"),
        ({"months": 12}, "12 mois"),
    ],
)
def test_durations_in_plain_french(kwargs, expected):
    assert privacy.in_words(**kwargs) == expected


@pytest.mark.parametrize(("seconds", "expected"), [(1200, "20 minutes"), (3600, "1 heure"), (28800, "8 heures")])
def test_session_durations_in_plain_french(seconds, expected):
    assert privacy.minutes_in_words(seconds) == expected


@pytest.mark.django_db
def test_the_page_states_retention_and_visibility_from_the_settings(client, home_page, settings):
    PrivacyPageFactory(parent=home_page, body=[("heading", {"text": "Qui est responsable", "level": "h2"})])
    text = client.get("/donnees-personnelles/").text
    assert "<h1>Données personnelles</h1>" in text and "Qui est responsable" in text
    assert "Après 24 mois (2 ans) sans connexion, votre compte est rendu anonyme" in text
    assert "vous êtes prévenu 30 jours avant" in text
    assert "12 mois, puis il est effacé" in text  # the audit journal
    assert "après 20 minutes sans activité, et au plus tard après 8 heures" in text
    assert "Qui le voit" in text and "Les conseillers de cette structure seulement" in text

    settings.RESIDENT_INACTIVITY_MONTHS = 36
    settings.RESIDENT_INACTIVITY_WARNING_DAYS = 15
    settings.AUDIT_RETENTION_DAYS = 180
    settings.BACKUP_RETENTION_DAYS = 14
    text = client.get("/donnees-personnelles/").text
    assert "Après 36 mois (3 ans) sans connexion" in text and "prévenu 15 jours avant" in text
    assert "6 mois, puis il est effacé" in text
    assert "disparaît aussi des sauvegardes après 14 jours" in text


@pytest.mark.django_db
def test_a_signed_in_visitor_is_pointed_to_my_data(client, home_page, resident):
    PrivacyPageFactory(parent=home_page)
    client.force_login(resident)
    assert 'href="/mes-donnees/"' in client.get("/donnees-personnelles/").text


def test_there_is_one_privacy_page_under_the_home_page():
    assert PrivacyPage.max_count == 1 and PrivacyPage.parent_page_types == ["cms.HomePage"]

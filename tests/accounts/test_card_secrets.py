"""No usable card code in any session, and a new card ends every session opened before it."""

import re
import time

from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

import pytest

from accounts import cards
from accounts.models import User

pytestmark = pytest.mark.django_db


def test_a_sealed_text_comes_back_only_with_its_key():
    sealed, key = cards.seal({"code": "ABCD2345", "token": "jeton"})
    assert "ABCD2345" not in sealed and "ABCD" not in sealed
    assert cards.unseal(sealed, key) == {"code": "ABCD2345", "token": "jeton"}
    other_sealed, other_key = cards.seal({"code": "ABCD2345", "token": "jeton"})
    assert other_sealed != sealed  # a new key each time: two seals of one code look unrelated
    assert cards.unseal(sealed, other_key) is None or cards.unseal(sealed, other_key) != {"code": "ABCD2345"}
    for broken in (None, "", "pas du base64 !", key[:-4]):
        assert cards.unseal(sealed, broken) is None


def create_resident(client, structure):
    response = client.post(
        reverse("agent:resident_create"),
        {"display_name": "Amina Benali", "email": "", "phone": "", "structure": structure.pk, "consent": "on"},
    )
    resident = User.objects.get(display_name="Amina Benali")
    page = client.get(response["Location"]).content.decode()
    code = "".join(re.search(r'<dt>Code</dt><dd class="code">(\w{4}) (\w{4})</dd>', page).groups())
    return resident, code


def everything_stored_for(client):
    """The agent's session as stored (database row and cache entry), as text."""
    key = client.session.session_key
    stored = [row.session_data for row in Session.objects.filter(session_key=key)]
    stored.append(str(cache.get(f"django.contrib.sessions.cached_db{key}")))
    decoded = [str(Session.objects.get(session_key=key).get_decoded())] if stored[0:1] else []
    return "\n".join(stored + decoded)


def test_the_code_shown_to_the_agent_is_not_in_the_agents_session(client, agent, structure):
    client.force_login(agent)
    resident, code = create_resident(client, structure)
    assert cards.check_code(username=resident.username, code=code) == resident
    stored = everything_stored_for(client)
    assert code not in stored and code[:4] not in stored


def test_another_browser_with_the_same_session_cannot_read_the_code(client, agent, structure):
    client.force_login(agent)
    resident, code = create_resident(client, structure)
    card_url = reverse("agent:resident_card", args=[resident.pk])
    del client.cookies[f"pasapas_carte_{resident.pk}"]  # a copied session cookie, without the card's key
    assert code[:4] not in client.get(card_url).content.decode()


def test_the_code_is_shown_for_fifteen_minutes_at_most(client, agent, structure, monkeypatch):
    client.force_login(agent)
    resident, code = create_resident(client, structure)
    later = time.time() + cards.CARD_SHOWN_SECONDS + 1
    monkeypatch.setattr("followup.fresh_cards.time.time", lambda: later)
    page = client.get(reverse("agent:resident_card", args=[resident.pk])).content.decode()
    assert code[:4] not in page and "Nouveau code et nouvelle carte" in page


def test_a_new_code_ends_the_sessions_opened_with_the_old_card(client, agent, structure, django_user_model):
    client.force_login(agent)
    resident, code = create_resident(client, structure)
    at_home = Client()
    response = at_home.post(reverse("code_login"), {"username": resident.username, "code": code})
    assert response.status_code == 302
    assert at_home.get(reverse("my_path")).status_code == 200

    client.post(reverse("agent:resident_new_code", args=[resident.pk]))

    response = at_home.get(reverse("my_path"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))

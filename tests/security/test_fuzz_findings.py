"""What the fuzz sweep (test_fuzz.py) found, pinned with the input that reproduced it."""

from django.test import Client

import pytest
from bs4 import BeautifulSoup

from followup.models import Assignment, Workshop, WorkshopSession

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["9" * 25, "-99999999999999999999999", "²", "١٢٣", "1e309", "\x00"])
def test_assigning_a_module_to_a_workshop_refuses_an_impossible_id_as_a_form_error(agent, structure, value):
    """A module id too big for SQLite's integers raised OverflowError from the form's query."""
    workshop = Workshop.objects.create(structure=structure, title="Atelier du mardi", facilitator=agent)
    client = Client(raise_request_exception=False)
    client.force_login(agent)
    response = client.post(f"/espace-agent/ateliers/{workshop.pk}/modules/assigner/", {"module": value})
    assert response.status_code == 200
    assert "Ce module n'est pas publié" in response.content.decode().replace("&#x27;", "'")
    assert not Assignment.objects.exists()


@pytest.mark.parametrize("value", ["9" * 25, "-1", "²", "\x00"])
def test_planning_a_session_refuses_an_impossible_module_id_as_a_form_error(agent, structure, value):
    """The same OverflowError, from the « Modules travaillés » boxes of a new session."""
    workshop = Workshop.objects.create(structure=structure, title="Atelier du mardi", facilitator=agent)
    client = Client(raise_request_exception=False)
    client.force_login(agent)
    response = client.post(
        f"/espace-agent/ateliers/{workshop.pk}/seances/nouvelle/",
        {"date": "2030-03-15", "start_time": "14:00", "modules": [value]},
    )
    assert response.status_code == 200
    text = BeautifulSoup(response.content, "html.parser").select_one("main").get_text(" ", strip=True)
    assert "Un champ est à corriger : Modules travaillés" in text
    assert not WorkshopSession.objects.exists()

"""An individual assignment's due date and note are the resident's own: no group assignment overwrites them."""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from accounts import services as account_services
from followup.models import Assignment, Workshop
from followup.services.assignments import assign_module, assign_to_workshop
from followup.services.workshops import add_member, progress_matrix
from tests.accounts.factories import ResidentFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
OWN_DUE = TODAY + datetime.timedelta(days=5)
GROUP_DUE = TODAY + datetime.timedelta(days=20)


@pytest.fixture
def workshop(structure, agent):
    return Workshop.objects.create(structure=structure, title="Atelier du jeudi", facilitator=agent)


def _assign_alone(agent, resident, module, structure, due=OWN_DUE, note="Pour votre dossier CAF"):
    return assign_module(module=module, residents=[resident], by=agent, structure=structure, due_date=due, note=note)[
        0
    ]


def _active(resident, module):
    return Assignment.objects.active().get(resident=resident, module_id=module.pk)


def test_a_later_group_assignment_keeps_the_residents_own_due_date_and_note(
    agent, structure, resident, module, workshop
):
    _assign_alone(agent, resident, module, structure)
    add_member(workshop=workshop, resident=resident, by=agent)

    assign_to_workshop(workshop=workshop, module=module, by=agent, due_date=GROUP_DUE, note="Pour jeudi")

    row = _active(resident, module)
    assert (row.due_date, row.note, row.individual) == (OWN_DUE, "Pour votre dossier CAF", True)
    assert row.workshop == workshop  # the group is recorded as a source
    assert Assignment.objects.filter(resident=resident, module_id=module.pk).count() == 1


def test_an_earlier_group_assignment_gives_way_to_the_individual_one_and_stays_so(
    agent, structure, resident, module, workshop
):
    add_member(workshop=workshop, resident=resident, by=agent)
    assign_to_workshop(workshop=workshop, module=module, by=agent, due_date=GROUP_DUE, note="Pour jeudi")
    _assign_alone(agent, resident, module, structure)

    assign_to_workshop(workshop=workshop, module=module, by=agent, due_date=GROUP_DUE, note="Autre note")

    row = _active(resident, module)
    assert (row.due_date, row.note, row.workshop) == (OWN_DUE, "Pour votre dossier CAF", workshop)


def test_joining_a_group_keeps_the_residents_own_terms(agent, structure, resident, module, workshop):
    assign_to_workshop(workshop=workshop, module=module, by=agent, due_date=GROUP_DUE, note="Pour jeudi")
    _assign_alone(agent, resident, module, structure)

    add_member(workshop=workshop, resident=resident, by=agent)

    row = _active(resident, module)
    assert (row.due_date, row.note) == (OWN_DUE, "Pour votre dossier CAF")


def test_a_group_fills_only_what_the_individual_assignment_left_empty(agent, structure, resident, module, workshop):
    _assign_alone(agent, resident, module, structure, due=None, note="Sa note")
    add_member(workshop=workshop, resident=resident, by=agent)

    assign_to_workshop(workshop=workshop, module=module, by=agent, due_date=GROUP_DUE, note="Pour jeudi")

    row = _active(resident, module)
    assert (row.due_date, row.note) == (GROUP_DUE, "Sa note")


def test_a_group_still_updates_the_terms_it_gave_itself(agent, structure, resident, module, workshop):
    add_member(workshop=workshop, resident=resident, by=agent)
    assign_to_workshop(workshop=workshop, module=module, by=agent, due_date=GROUP_DUE, note="Pour jeudi")
    later = GROUP_DUE + datetime.timedelta(days=7)

    assign_to_workshop(workshop=workshop, module=module, by=agent, due_date=later, note="Reporté")

    row = _active(resident, module)
    assert (row.due_date, row.note, row.individual) == (later, "Reporté", False)


def test_a_latecomer_gets_the_groups_terms_and_a_second_group_does_not_erase_them(
    agent, structure, resident, module, workshop
):
    first = ResidentFactory(display_name="Bernard")
    account_services.link_resident(resident=first, structure=structure, method="desk")
    add_member(workshop=workshop, resident=first, by=agent)
    assign_to_workshop(workshop=workshop, module=module, by=agent, due_date=GROUP_DUE, note="Pour jeudi")

    add_member(workshop=workshop, resident=resident, by=agent)
    assert (_active(resident, module).due_date, _active(resident, module).note) == (GROUP_DUE, "Pour jeudi")

    other = Workshop.objects.create(structure=structure, title="Atelier du samedi")
    other.modules.add(module)
    add_member(workshop=other, resident=resident, by=agent)
    assert (_active(resident, module).due_date, _active(resident, module).note) == (GROUP_DUE, "Pour jeudi")


def test_the_residents_page_and_the_group_matrix_show_the_same_own_due_date(
    client, agent, structure, resident, module, workshop
):
    _assign_alone(agent, resident, module, structure)
    add_member(workshop=workshop, resident=resident, by=agent)
    client.force_login(agent)
    client.post(
        reverse("agent:workshop_assign", args=[workshop.pk]),
        {"module": module.pk, "due_date": GROUP_DUE.isoformat(), "note": "Pour jeudi"},
    )

    page = BeautifulSoup(client.get(reverse("agent:resident_detail", args=[resident.pk])).content, "html.parser")
    row = page.find("section", attrs={"aria-labelledby": "assignments-title"}).find("tbody").find("tr")
    text = row.get_text(" ", strip=True)
    assert "Pour votre dossier CAF" in text and "Pour jeudi" not in text
    assert f"{OWN_DUE.day} " in text and "atelier « Atelier du jeudi »" in text
    _modules, rows = progress_matrix(workshop)
    assert rows[0].cells[0].due_date == OWN_DUE

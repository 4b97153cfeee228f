"""The audit journal records every action an agent takes about a resident, and the journal page says it in words."""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from accounts import services as account_services
from cms.models import Operator, Procedure
from followup import audit
from followup.enums import AuditAction
from followup.models import AuditEntry, Workshop, WorkshopSession
from followup.services.workshops import add_member
from tests.accounts.factories import ResidentFactory
from tests.assessments.factories import DiagnosticPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop(structure, agent):
    return Workshop.objects.create(structure=structure, title="Atelier du mardi", facilitator=agent)


def entries(action):
    return list(AuditEntry.objects.filter(action=action).order_by("pk"))


def test_a_note_is_journaled_without_its_text(client, agent, resident, structure):
    client.force_login(agent)
    client.post(reverse("agent:resident_note", args=[resident.pk]), {"text": "Vient le mardi, malentendante."})
    [entry] = entries(AuditAction.NOTE_ADD)
    assert (entry.actor, entry.structure, entry.resident_pseudonym) == (agent, structure, audit.pseudonym(resident.pk))
    assert "malentendante" not in entry.detail


def test_an_autonomy_record_is_journaled(client, agent, resident):
    procedure = Procedure.objects.create(
        operator=Operator.objects.create(name="CAF", slug="caf"), title="Déclarer ses ressources", slug="caf-dtr"
    )
    client.force_login(agent)
    client.post(
        reverse("agent:resident_autonomy", args=[resident.pk]),
        {"procedure": procedure.pk, "level": "alone", "date": timezone.localdate().isoformat()},
    )
    [entry] = entries(AuditAction.AUTONOMY)
    assert entry.resident_pseudonym == audit.pseudonym(resident.pk)
    assert entry.detail == f"Déclarer ses ressources : Fait sans aide, le {timezone.localdate():%d/%m/%Y}"


def test_joining_and_leaving_a_workshop_are_journaled(client, agent, resident, workshop):
    client.force_login(agent)
    client.post(reverse("agent:workshop_member_add", args=[workshop.pk]), {"resident": resident.pk})
    client.post(reverse("agent:workshop_member_remove", args=[workshop.pk, resident.pk]))
    assert [e.detail for e in entries(AuditAction.WORKSHOP_JOIN)] == ["Atelier « Atelier du mardi »"]
    assert [e.resident_pseudonym for e in entries(AuditAction.WORKSHOP_LEAVE)] == [audit.pseudonym(resident.pk)]


def test_a_group_assignment_is_journaled_for_each_resident_reached(
    client, agent, resident, structure, workshop, module
):
    other = ResidentFactory(display_name="Bernard")
    account_services.link_resident(resident=other, structure=structure, method="desk")
    for member in (resident, other):
        add_member(workshop=workshop, resident=member, by=agent)
    client.force_login(agent)
    client.post(reverse("agent:workshop_assign", args=[workshop.pk]), {"module": module.pk})
    reached = entries(AuditAction.GROUP_ASSIGN)
    assert {e.resident_pseudonym for e in reached} == {audit.pseudonym(resident.pk), audit.pseudonym(other.pk)}
    assert {e.detail for e in reached} == {f"{module.title} (atelier « Atelier du mardi »)"}


def test_attendance_changes_are_journaled_once_per_change(client, agent, resident, workshop):
    add_member(workshop=workshop, resident=resident, by=agent)
    session = WorkshopSession.objects.create(
        workshop=workshop,
        date=timezone.localdate() + datetime.timedelta(days=2),
        start_time=datetime.time(14),
        end_time=datetime.time(16),
    )
    url = reverse("agent:session_detail", args=[workshop.pk, session.pk])
    client.force_login(agent)
    client.post(url, {f"presence_{resident.pk}": "present"})
    client.post(url, {f"presence_{resident.pk}": "present"})  # nothing changes: nothing journaled
    client.post(url, {f"presence_{resident.pk}": "absent"})
    day = f"{session.date:%d/%m/%Y}"
    assert [e.detail for e in entries(AuditAction.ATTENDANCE)] == [
        f"Séance du {day} : présence",
        f"Séance du {day} : absence",
    ]


def test_a_diagnostic_run_on_behalf_is_journaled(client, agent, resident, home_page):
    DiagnosticPageFactory(parent=home_page)
    client.force_login(agent)
    response = client.post(reverse("agent:resident_diagnostic", args=[resident.pk]))
    assert response.status_code == 302
    [entry] = entries(AuditAction.DIAGNOSTIC)
    assert entry.resident_pseudonym == audit.pseudonym(resident.pk)


def test_the_journal_page_names_every_action_in_plain_french(client, manager, resident, structure):
    for action in AuditAction:
        audit.record(actor=manager, structure=structure, action=action, resident=resident)
    client.force_login(manager)
    content = client.get(reverse("agent:journal")).content.decode()
    for action in AuditAction:
        assert action.label.replace("'", "&#x27;") in content, action
        assert f">{action.value}<" not in content

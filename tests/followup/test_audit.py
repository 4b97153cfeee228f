import datetime
import io

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from followup import audit
from followup.enums import AuditAction
from followup.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_agent_actions_on_residents_are_journaled_under_a_pseudonym(client, agent, resident, structure, module):
    client.force_login(agent)
    client.get(reverse("agent:resident_detail", args=[resident.pk]))
    client.post(reverse("agent:resident_new_code", args=[resident.pk]))
    client.post(reverse("agent:resident_assign", args=[resident.pk]), {"module": module.pk})
    client.get(reverse("agent:progress_csv"))
    client.post(
        reverse("agent:resident_create"),
        {"display_name": "Nora Kaci", "structure": structure.pk, "consent": "on"},
    )
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions == [
        AuditAction.VIEW_RESIDENT,
        AuditAction.NEW_CODE,
        AuditAction.ASSIGN,
        AuditAction.EXPORT,
        AuditAction.CREATE_RESIDENT,
    ]
    entry = AuditEntry.objects.filter(action=AuditAction.NEW_CODE).get()
    assert (entry.actor, entry.structure) == (agent, structure)
    assert entry.resident_pseudonym == audit.pseudonym(resident.pk)
    assert str(resident.pk) not in entry.resident_pseudonym and resident.username not in entry.resident_pseudonym


def test_managers_see_their_structures_journal_and_agents_do_not(client, agent, manager, resident, other_structure):
    audit.record(
        actor=agent,
        structure=resident.structure_links.get().structure,
        action=AuditAction.VIEW_RESIDENT,
        resident=resident,
    )
    audit.record(actor=agent, structure=other_structure, action=AuditAction.EXPORT, detail="ailleurs")
    client.force_login(agent)
    assert client.get(reverse("agent:journal")).status_code == 403
    client.force_login(manager)
    content = client.get(reverse("agent:journal")).content.decode()
    assert "Consultation de la fiche" in content and audit.pseudonym(resident.pk) in content
    assert "ailleurs" not in content


def test_entries_are_purged_after_twelve_months(agent, structure):
    old = audit.record(actor=agent, structure=structure, action=AuditAction.EXPORT)
    recent = audit.record(actor=agent, structure=structure, action=AuditAction.EXPORT)
    AuditEntry.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=400))
    out = io.StringIO()
    call_command("purge_audit", stdout=out)
    assert "1 entrée" in out.getvalue()
    assert list(AuditEntry.objects.values_list("pk", flat=True)) == [recent.pk]

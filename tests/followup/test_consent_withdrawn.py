"""A resident who withdrew consent gets nothing more from the structure: no group module, no direct assignment."""

import pytest

from accounts.models import StructureLink
from followup.models import Assignment, Workshop
from followup.services.assignments import AssignmentRefused, assign_module, assign_to_workshop
from followup.services.workshops import add_member
from tests.accounts.factories import ResidentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop(structure, agent):
    return Workshop.objects.create(structure=structure, title="Atelier du jeudi", facilitator=agent)


def follow(resident, structure, agent):
    return StructureLink.objects.create(
        resident=resident, structure=structure, consent_method="desk", consent_recorded_by=agent
    )


def test_a_group_module_skips_a_member_who_withdrew_consent(agent, structure, module, workshop):
    staying, leaving = ResidentFactory(username="reste"), ResidentFactory(username="part")
    for resident in (staying, leaving):
        follow(resident, structure, agent)
        add_member(workshop=workshop, resident=resident, by=agent)
    StructureLink.objects.get(resident=leaving).withdraw()

    assign_to_workshop(workshop=workshop, module=module, by=agent)

    assert Assignment.objects.active().filter(resident=staying, module_id=module.pk).exists()
    assert not Assignment.objects.filter(resident=leaving).exists()


def test_a_direct_assignment_to_someone_who_withdrew_is_refused(agent, structure, module):
    resident = ResidentFactory(username="part")
    follow(resident, structure, agent).withdraw()
    with pytest.raises(AssignmentRefused, match="ne souhaite plus être suivie"):
        assign_module(module=module, residents=[resident], by=agent, structure=structure)
    assert not Assignment.objects.exists()


def test_someone_who_withdrew_cannot_be_added_to_a_group(agent, structure, workshop):
    resident = ResidentFactory(username="part")
    follow(resident, structure, agent).withdraw()
    with pytest.raises(AssignmentRefused):
        add_member(workshop=workshop, resident=resident, by=agent)
    assert not workshop.members.exists()

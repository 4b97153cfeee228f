import pytest

from accounts import perms, services
from accounts.enums import ConsentMethod
from tests.accounts.factories import MembershipFactory, ResidentFactory

pytestmark = pytest.mark.django_db


def test_agent_sees_only_residents_linked_to_their_structures(agent, resident, other_structure):
    stranger = ResidentFactory()
    services.link_resident(resident=stranger, structure=other_structure, method=ConsentMethod.JOIN_CODE)
    assert list(perms.residents_visible_to(agent)) == [resident]
    assert perms.can_view_resident(agent, resident)
    assert not perms.can_view_resident(agent, stranger)


def test_withdrawing_consent_ends_the_agents_access(agent, resident, structure):
    services.unlink_resident(resident=resident, structure=structure)
    assert not perms.can_view_resident(agent, resident)
    assert resident.structure_links.get().withdrawn_at is not None


def test_linking_twice_keeps_one_active_link_and_the_first_consent(agent, structure):
    person = ResidentFactory()
    first = services.link_resident(resident=person, structure=structure, method=ConsentMethod.DESK, recorded_by=agent)
    again = services.link_resident(resident=person, structure=structure, method=ConsentMethod.JOIN_CODE)
    assert first.pk == again.pk
    assert again.consent_method == ConsentMethod.DESK
    assert again.consent_recorded_by == agent


def test_relinking_after_withdrawal_records_a_new_consent(structure):
    person = ResidentFactory()
    services.link_resident(resident=person, structure=structure, method=ConsentMethod.DESK)
    services.unlink_resident(resident=person, structure=structure)
    services.link_resident(resident=person, structure=structure, method=ConsentMethod.JOIN_CODE)
    assert person.structure_links.count() == 2
    assert person.structure_links.active().get().consent_method == ConsentMethod.JOIN_CODE


def test_roles(agent, manager, trainer, reviewer, resident, structure, other_structure):
    assert perms.is_agent(agent) and perms.is_agent(manager)
    assert not perms.is_agent(resident) and not perms.is_agent(trainer)
    assert perms.is_manager_of(manager, structure)
    assert not perms.is_manager_of(manager, other_structure)
    assert not perms.is_manager_of(agent, structure)
    assert perms.is_trainer(trainer) and not perms.is_reviewer(trainer)
    assert perms.is_reviewer(reviewer)
    assert perms.is_resident(resident) and not perms.is_professional(resident)


def test_a_resident_is_never_an_agent_even_with_a_membership(structure):
    person = ResidentFactory()
    MembershipFactory(user=person, structure=structure)
    assert not perms.is_agent(person)


def test_structures_get_unique_unambiguous_join_codes(structure, other_structure):
    assert structure.join_code != other_structure.join_code
    assert len(structure.join_code) == 6
    assert not set(structure.join_code) & set("01OIL")

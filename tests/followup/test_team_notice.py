"""A professional added to another structure's team is told; refusing a resident's address says nothing of it."""

from django.urls import reverse

import pytest

from accounts.models import Membership, User
from tests.accounts.factories import MembershipFactory, ProfessionalFactory, ResidentFactory

pytestmark = pytest.mark.django_db


def add(client, structure, email, name="Nora Kaci"):
    return client.post(
        reverse("agent:team"), {"display_name": name, "email": email, "structure": structure.pk, "mode": "invite"}
    )


def test_an_agent_of_another_structure_added_to_a_team_gets_an_email(
    client, manager, structure, other_structure, mailoutbox
):
    elsewhere = ProfessionalFactory(email="nora@ailleurs.fr", display_name="Nora Kaci")
    MembershipFactory(user=elsewhere, structure=other_structure)
    client.force_login(manager)
    assert add(client, structure, "nora@ailleurs.fr").status_code == 302
    assert Membership.objects.filter(user=elsewhere, structure=structure).exists()
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["nora@ailleurs.fr"]
    assert structure.name in mailoutbox[0].body and str(manager) in mailoutbox[0].body
    add(client, structure, "nora@ailleurs.fr")  # already a member: no second email
    assert len(mailoutbox) == 1


def test_a_residents_address_is_refused_without_saying_whose_it_is(client, manager, structure, mailoutbox):
    ResidentFactory(email="amina@exemple.fr")
    client.force_login(manager)
    content = add(client, structure, "amina@exemple.fr").content.decode()
    assert "ne peut pas servir pour un compte professionnel" in content
    around = content.find("ne peut pas servir")
    assert "accompagnée" not in content[around - 300 : around + 300]
    assert not User.objects.filter(email="amina@exemple.fr", kind="professional").exists()
    assert mailoutbox == []

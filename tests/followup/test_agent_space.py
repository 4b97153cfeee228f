import datetime
import re
import threading

from django.db import connection
from django.urls import reverse
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from accounts import cards
from accounts import services as account_services
from accounts.enums import ConsentMethod
from accounts.models import AccessCard, Membership, StructureLink, User
from cms.models import Operator, Procedure
from followup.enums import Autonomy, FollowUpStatus
from followup.models import Assignment, AutonomyRecord, Resident, ResidentNote
from followup.services.assignments import assign_module
from followup.services.residents import create_resident
from learning import services
from learning.models import ModuleProgress
from tests.accounts.factories import MembershipFactory, ResidentFactory
from tests.learning.factories import ModulePageFactory, TutorialPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_agent(other_structure):
    return MembershipFactory(structure=other_structure, user__username="agent-b").user


@pytest.fixture
def stranger(other_structure):
    person = ResidentFactory(username="etranger")
    account_services.link_resident(resident=person, structure=other_structure, method=ConsentMethod.DESK)
    return person


def test_agent_creates_a_resident_without_email_and_prints_the_card(client, agent, structure):
    client.force_login(agent)
    response = client.post(
        reverse("agent:resident_create"),
        {"display_name": "Amina Benali", "email": "", "phone": "", "structure": structure.pk, "consent": "on"},
    )
    resident = User.objects.get(display_name="Amina Benali")
    assert response["Location"] == reverse("agent:resident_card", args=[resident.pk])
    assert re.fullmatch(r"amina\.b\d+", resident.username)
    assert resident.is_resident and resident.email is None and not resident.has_usable_password()
    link = StructureLink.objects.get(resident=resident)
    assert (link.structure, link.consent_method, link.consent_recorded_by) == (structure, "desk", agent)
    card_page = client.get(response["Location"]).content.decode()
    code = re.search(r'<dt>Code</dt><dd class="code">(\w{4}) (\w{4})</dd>', card_page)
    assert code and "<svg" in card_page and resident.username in card_page
    assert cards.check_code(username=resident.username, code="".join(code.groups())) == resident
    assert "0" not in "".join(code.groups()) and "O" not in "".join(code.groups())
    # Once printed (the agent moves on to the detail), the code is not shown again.
    client.get(reverse("agent:resident_detail", args=[resident.pk]))
    assert "Nouveau code et nouvelle carte" in client.get(response["Location"]).content.decode()


def test_consent_is_required_to_create_a_resident(client, agent, structure):
    client.force_login(agent)
    response = client.post(
        reverse("agent:resident_create"), {"display_name": "Sans Accord", "structure": structure.pk}
    )
    assert response.status_code == 200
    assert "field__errors" in response.content.decode()
    assert not User.objects.filter(display_name="Sans Accord").exists()


def test_two_residents_with_the_same_name_get_distinct_usernames(agent, structure):
    first, _ = create_resident(agent=agent, structure=structure, display_name="Jean Martin")
    second, _ = create_resident(agent=agent, structure=structure, display_name="Jean Martin")
    assert first.username != second.username


def test_new_code_revokes_the_old_code_and_qr(client, agent, resident):
    first = cards.issue_card(resident=resident, issued_by=agent)
    client.force_login(agent)
    client.post(reverse("agent:resident_new_code", args=[resident.pk]))
    assert AccessCard.objects.active().filter(resident=resident).count() == 1
    assert cards.check_code(username=resident.username, code=first.code) is None
    assert cards.user_for_qr_token(first.qr_token) is None


def test_assigning_is_an_upsert_and_unpublished_modules_are_refused(client, agent, resident, module, catalogue):
    TutorialPageFactory(parent=module)
    client.force_login(agent)
    url = reverse("agent:resident_assign", args=[resident.pk])
    due = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()
    client.post(url, {"module": module.pk, "due_date": due, "note": "Pour jeudi"})
    client.post(url, {"module": module.pk, "due_date": "", "note": "Sans date"})
    assignment = Assignment.objects.active().get(resident=resident)
    assert (assignment.due_date, assignment.note) == (None, "Sans date")
    draft = ModulePageFactory(parent=catalogue, live=False)
    response = client.post(url, {"module": draft.pk})
    assert response.status_code == 400
    assert Assignment.objects.count() == 1
    response = client.post(url, {"module": module.pk, "due_date": "2020-01-01"})
    assert response.status_code == 400 and "Choisissez une date à venir" in response.content.decode()
    client.post(reverse("agent:resident_unassign", args=[resident.pk, assignment.pk]))
    assert not Assignment.objects.active().exists()


def test_resident_sees_assignments_first_with_due_dates(client, agent, resident, module, structure):
    assign_module(
        module=module,
        residents=[resident],
        by=agent,
        structure=structure,
        due_date=timezone.localdate() + datetime.timedelta(days=3),
    )
    client.force_login(resident)
    content = client.get(reverse("my_path")).content.decode()
    assert content.index("Mes modules à faire") < content.index('id="in-progress-title"')
    assert "À faire pour le" in content and module.title in content


def test_notes_and_autonomy_are_recorded_with_history(client, agent, resident):
    procedure = Procedure.objects.create(
        operator=Operator.objects.create(name="CAF", slug="caf"), title="Déclarer ses ressources", slug="caf-dtr"
    )
    client.force_login(agent)
    client.post(reverse("agent:resident_note", args=[resident.pk]), {"text": "Vient le mardi."})
    for level, day in (("for_them", "2026-09-01"), ("with_them", "2026-10-01"), ("alone", "2026-11-01")):
        client.post(
            reverse("agent:resident_autonomy", args=[resident.pk]),
            {"procedure": procedure.pk, "level": level, "date": day},
        )
    assert ResidentNote.objects.get().text == "Vient le mardi."
    assert AutonomyRecord.objects.count() == 3
    content = client.get(reverse("agent:resident_detail", args=[resident.pk])).content.decode()
    assert "Fait sans aide" in content and "Fait seule" not in content
    assert "Tout l&#x27;historique (3)" in content or "Tout l'historique (3)" in content
    response = client.post(
        reverse("agent:resident_autonomy", args=[resident.pk]),
        {"procedure": procedure.pk, "level": "x", "date": "demain"},
    )
    assert response.status_code == 400


def test_follow_up_statuses(agent, structure, catalogue):
    module = ModulePageFactory(parent=catalogue)
    tutorial = TutorialPageFactory(parent=module)
    people = {}
    for name in ("pas-commence", "en-cours", "termine", "en-retard", "inactif"):
        people[name] = ResidentFactory(username=name)
        account_services.link_resident(resident=people[name], structure=structure, method="desk")

    services.record_step(user=people["en-cours"], tutorial=tutorial, step_id=tutorial.step_ids[0])
    for step_id in tutorial.step_ids:
        services.record_step(user=people["termine"], tutorial=tutorial, step_id=step_id)
    assign_module(
        module=module,
        residents=[people["termine"], people["en-retard"], people["inactif"]],
        by=agent,
        structure=structure,
    )
    Assignment.objects.filter(resident=people["en-retard"]).update(
        due_date=timezone.localdate() - datetime.timedelta(days=2)
    )
    Assignment.objects.filter(resident=people["inactif"]).update(
        created_at=timezone.now() - datetime.timedelta(days=20)
    )
    statuses = dict(
        Resident.objects.filter(pk__in=[p.pk for p in people.values()])
        .with_follow_up(structures=[structure])
        .values_list("username", "follow_up")
    )
    assert statuses == {
        "pas-commence": FollowUpStatus.NOT_STARTED,
        "en-cours": FollowUpStatus.IN_PROGRESS,
        "termine": FollowUpStatus.COMPLETED,
        "en-retard": FollowUpStatus.OVERDUE,
        "inactif": FollowUpStatus.NEEDS_HELP,
    }


def test_residents_list_searches_filters_and_sorts(client, agent, structure, resident):
    ResidentFactory(username="zebulon", display_name="Zébulon")  # a name Faker never gives the agent
    account_services.link_resident(resident=User.objects.get(username="zebulon"), structure=structure, method="desk")
    client.force_login(agent)
    content = client.get(reverse("agent:residents"), {"q": "amin"}).content.decode()
    assert "Amina" in content and "Zébulon" not in content
    content = client.get(reverse("agent:residents"), {"tri": "-nom"}).content.decode()
    assert content.index("Zébulon") < content.index("Amina")
    assert (
        client.get(reverse("agent:residents"), {"statut": "nimporte", "atelier": "x", "page": "9"}).status_code == 200
    )


def many_residents(structure, count):
    people = ResidentFactory.create_batch(count)
    StructureLink.objects.bulk_create(
        [StructureLink(resident=person, structure=structure, consent_method="desk") for person in people]
    )
    return people


@pytest.mark.parametrize("count", [60, 600])
def test_residents_list_query_budget(client, agent, structure, module, count, django_assert_max_num_queries):
    people = many_residents(structure, count)
    Assignment.objects.bulk_create([Assignment(module=module, resident=p, structure=structure) for p in people[::2]])
    ModuleProgress.objects.bulk_create(
        [
            ModuleProgress(user=p, module=module, percent=50, status="in_progress", last_activity_at=timezone.now())
            for p in people[::3]
        ]
    )
    client.force_login(agent)
    client.get(reverse("agent:residents"))
    with django_assert_max_num_queries(20):
        response = client.get(reverse("agent:residents"))
    assert response.context["page_obj"].paginator.count == count
    assert len(response.context["page_obj"].object_list) == 50


def agent_urls(resident, assignment, membership):
    return [
        ("get", reverse("agent:resident_detail", args=[resident.pk])),
        ("get", reverse("agent:resident_card", args=[resident.pk])),
        ("post", reverse("agent:resident_new_code", args=[resident.pk])),
        ("post", reverse("agent:resident_assign", args=[resident.pk])),
        ("post", reverse("agent:resident_unassign", args=[resident.pk, assignment.pk])),
        ("post", reverse("agent:resident_note", args=[resident.pk])),
        ("post", reverse("agent:resident_autonomy", args=[resident.pk])),
        ("post", reverse("agent:team_remove", args=[membership.pk])),
    ]


def test_an_agent_of_another_structure_gets_404_on_every_resident_url(
    client, agent, other_agent, stranger, module, other_structure
):
    assignment = assign_module(module=module, residents=[stranger], by=other_agent, structure=other_structure)[0]
    membership = Membership.objects.get(user=other_agent)
    client.force_login(agent)
    for method, url in agent_urls(stranger, assignment, membership):
        response = getattr(client, method)(url, {"module": module.pk, "text": "x"})
        assert response.status_code in (403, 404), (method, url, response.status_code)
        assert response.status_code == 404 or url.endswith("/retirer/") and "equipe" in url
    assert not AccessCard.objects.exists()
    assert not ResidentNote.objects.exists()
    assert Assignment.objects.active().count() == 1
    assert Membership.objects.filter(pk=membership.pk).exists()
    assert "etranger" not in client.get(reverse("agent:residents")).content.decode()


def test_withdrawn_consent_ends_the_agents_access(client, agent, resident, structure):
    account_services.unlink_resident(resident=resident, structure=structure)
    client.force_login(agent)
    assert client.get(reverse("agent:resident_detail", args=[resident.pk])).status_code == 404


@pytest.mark.parametrize("role", ["resident", "trainer", "reviewer"])
def test_people_who_are_not_agents_cannot_reach_the_agent_space(client_for, role, home_page):
    assert client_for(role).get(reverse("agent:home")).status_code == 403
    assert client_for(role).get(reverse("agent:residents")).status_code == 403


def test_anonymous_visitors_are_sent_to_login(client, home_page):
    response = client.get(reverse("agent:residents"))
    assert response.status_code == 302 and response["Location"].startswith("/comptes/login/")


def test_only_managers_manage_the_team(client, agent, manager, structure, mailoutbox):
    client.force_login(agent)
    assert client.get(reverse("agent:team")).status_code == 403
    client.force_login(manager)
    response = client.post(
        reverse("agent:team"),
        {"display_name": "Nora Kaci", "email": "nora@exemple.fr", "structure": structure.pk, "mode": "invite"},
    )
    assert response.status_code == 302
    nora = User.objects.get(email="nora@exemple.fr")
    assert nora.is_professional and Membership.objects.filter(user=nora, structure=structure).exists()
    assert len(mailoutbox) == 1
    response = client.post(
        reverse("agent:team"),
        {"display_name": "Paul Roy", "email": "paul@exemple.fr", "structure": structure.pk, "mode": "password"},
    )
    password = re.search(r'<strong class="code">([^<]+)</strong>', response.content.decode())[1]
    assert User.objects.get(email="paul@exemple.fr").check_password(password)
    membership = Membership.objects.get(user=nora)
    client.post(reverse("agent:team_remove", args=[membership.pk]))
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_resident_joins_a_structure_by_code_after_seeing_what_is_shared(
    client, resident_without_email, structure, agent
):
    client.force_login(resident_without_email)
    response = client.post(reverse("join_structure"), {"code": structure.join_code.lower()})
    assert "pourra voir" in response.content.decode()
    assert not StructureLink.objects.filter(resident=resident_without_email).exists()
    client.post(reverse("join_structure"), {"code": structure.join_code, "accord": "oui"})
    link = StructureLink.objects.get(resident=resident_without_email)
    assert link.consent_method == "join_code"
    client.force_login(agent)
    assert client.get(reverse("agent:resident_detail", args=[resident_without_email.pk])).status_code == 200
    client.force_login(resident_without_email)
    client.post(reverse("leave_structure", args=[structure.pk]))
    client.force_login(agent)
    assert client.get(reverse("agent:resident_detail", args=[resident_without_email.pk])).status_code == 404


def test_unknown_join_code_is_a_form_error(client, resident_without_email, home_page):
    client.force_login(resident_without_email)
    response = client.post(reverse("join_structure"), {"code": "ZZZZZZ"})
    assert response.status_code == 400
    assert "Ce code ne correspond à aucune structure" in response.content.decode()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_agents_assigning_the_same_module_at_once_leave_one_assignment(
    agent, manager, resident, module, structure
):
    barrier, errors = threading.Barrier(2), []

    def assign(by):
        try:
            barrier.wait()
            assign_module(module=module, residents=[resident], by=by, structure=structure)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=assign, args=(person,)) for person in (agent, manager)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Assignment.objects.active().filter(resident=resident, module_id=module.pk).count() == 1


# « Démarche faite »: the date ------------------------------------------------------------------------------------


def test_the_autonomy_date_is_an_iso_date_input_set_to_today(client, agent, resident):
    client.force_login(agent)
    page = BeautifulSoup(client.get(reverse("agent:resident_detail", args=[resident.pk])).content, "html.parser")
    date_input = page.find("input", attrs={"name": "date"})
    assert date_input["type"] == "date"
    assert date_input["value"] == timezone.localdate().isoformat()  # not 02/12/2026, which a date input rejects
    due = page.find("input", attrs={"name": "due_date"})
    assert due["type"] == "date"


@pytest.mark.parametrize("typed", ["ISO", "%d/%m/%Y", "%d/%m/%y"])
def test_a_date_typed_by_hand_in_french_is_read(client, agent, resident, typed):
    procedure = Procedure.objects.create(
        operator=Operator.objects.create(name="CAF", slug="caf"), title="DTR", slug="d"
    )
    day = timezone.localdate() - datetime.timedelta(days=3)
    value = day.isoformat() if typed == "ISO" else day.strftime(typed)
    client.force_login(agent)
    response = client.post(
        reverse("agent:resident_autonomy", args=[resident.pk]),
        {"procedure": procedure.pk, "level": "alone", "date": value},
    )
    assert response.status_code == 302
    assert AutonomyRecord.objects.get().date == day


def test_an_unreadable_date_gets_a_clear_message_and_keeps_the_choices(client, agent, resident):
    procedure = Procedure.objects.create(
        operator=Operator.objects.create(name="CAF", slug="caf"), title="DTR", slug="d"
    )
    client.force_login(agent)
    response = client.post(
        reverse("agent:resident_autonomy", args=[resident.pk]),
        {"procedure": procedure.pk, "level": "with_them", "date": "31/02/2026"},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "JJ/MM/AAAA" in content and not AutonomyRecord.objects.exists()


def test_autonomy_labels_need_no_gender():
    assert Autonomy.labels == ["Fait pour la personne", "Fait avec de l'aide", "Fait sans aide"]

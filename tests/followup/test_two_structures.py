"""A resident followed by two structures: each sees and changes only its own records, and erasing for one of them
leaves the other's untouched; erasing the whole account is journaled in both and leaves nothing about the person."""

import datetime

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.backends.cached_db import SessionStore
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from accounts.models import OutgoingEmail, StructureLink, User
from cms.models import Operator, Procedure
from followup import audit
from followup.enums import AuditAction, FollowUpStatus
from followup.fresh_cards import SESSION_KEY as CARD_SESSION_KEY
from followup.models import Assignment, Attendance, AuditEntry, AutonomyRecord, ResidentNote, Workshop, WorkshopSession
from followup.services import path
from followup.services.assignments import assign_module, assign_to_workshop
from followup.services.workshops import add_member, progress_matrix
from privacy import erasure
from tests.accounts.factories import MembershipFactory, StructureLinkFactory

pytestmark = pytest.mark.django_db

NOTE_OF_B = "Revoir la messagerie avec le Val"
WORKSHOP_OF_B = "Atelier numérique du Val"


@pytest.fixture
def agent_b(other_structure):
    return MembershipFactory(structure=other_structure, user__username="agent-val").user


@pytest.fixture
def manager_b(other_structure):
    return MembershipFactory(
        structure=other_structure, is_manager=True, user__username="chef-val", user__email="chef@val.example"
    ).user


@pytest.fixture
def both(resident, structure, other_structure):
    """Amina, followed by the Maison du Plateau (the `structure` fixture, the `agent`'s) and by the Val."""
    StructureLinkFactory(resident=resident, structure=other_structure)
    other_structure.email = "accueil@val.example"
    other_structure.save()
    return resident


@pytest.fixture
def val_records(both, other_structure, agent_b, module):
    """What the Val recorded about Amina: a module through its workshop, with a due date and a note, an attendance,
    an autonomy record and a note."""
    workshop = Workshop.objects.create(structure=other_structure, title=WORKSHOP_OF_B)
    add_member(workshop=workshop, resident=both, by=agent_b)
    due = timezone.localdate() + datetime.timedelta(days=3)
    assign_to_workshop(workshop=workshop, module=module, by=agent_b, due_date=due, note=NOTE_OF_B)
    session = WorkshopSession.objects.create(workshop=workshop, date=timezone.localdate(), start_time="10:00")
    Attendance.objects.create(session=session, resident=both, present=True, recorded_by=agent_b)
    procedure = Procedure.objects.create(
        operator=Operator.objects.create(name="CAF", slug="caf"), title="Déclarer ses ressources", slug="caf-dtr"
    )
    AutonomyRecord.objects.create(
        resident=both, structure=other_structure, procedure=procedure, level="alone", date=timezone.localdate()
    )
    ResidentNote.objects.create(resident=both, structure=other_structure, author=agent_b, text="Note du Val.")
    audit.record(actor=agent_b, structure=other_structure, action=AuditAction.NOTE_ADD, resident=both)
    return {"workshop": workshop, "due": due, "procedure": procedure}


def plateau_records(resident, structure, agent, module, procedure):
    workshop = Workshop.objects.create(structure=structure, title="Atelier du Plateau")
    add_member(workshop=workshop, resident=resident, by=agent)
    assign_module(module=module, residents=[resident], by=agent, structure=structure, note="Note du Plateau")
    session = WorkshopSession.objects.create(workshop=workshop, date=timezone.localdate(), start_time="14:00")
    Attendance.objects.create(session=session, resident=resident, present=True, recorded_by=agent)
    AutonomyRecord.objects.create(
        resident=resident, structure=structure, procedure=procedure, level="with_them", date=timezone.localdate()
    )
    ResidentNote.objects.create(resident=resident, structure=structure, author=agent, text="Note du Plateau.")
    return workshop


def val_assignment(resident, other_structure):
    return Assignment.objects.active().get(resident=resident, structure=other_structure)


# Seeing and changing only one's own -------------------------------------------------------------------------------


def test_the_resident_page_shows_only_this_structures_assignments(client, agent, val_records, both):
    client.force_login(agent)
    response = client.get(reverse("agent:resident_detail", args=[both.pk]))
    content = response.content.decode()
    assert NOTE_OF_B not in content and WORKSHOP_OF_B not in content and "Note du Val." not in content
    assert response.context["assignments"] == [] and response.context["notes"] == []
    assert response.context["autonomy_history"] == []


def test_assigning_a_module_the_other_structure_gave_creates_this_structures_own(
    client, agent, structure, other_structure, val_records, both, module
):
    before = val_assignment(both, other_structure)
    client.force_login(agent)
    response = client.post(
        reverse("agent:resident_assign", args=[both.pk]), {"module": module.pk, "note": "Note du Plateau"}
    )
    assert response.status_code == 302
    theirs = val_assignment(both, other_structure)
    assert (theirs.pk, theirs.due_date, theirs.note, theirs.assigned_by_id, theirs.workshop_id, theirs.individual) == (
        before.pk,
        val_records["due"],
        NOTE_OF_B,
        before.assigned_by_id,
        val_records["workshop"].pk,
        False,
    )
    ours = Assignment.objects.active().get(resident=both, structure=structure)
    assert (ours.module_id, ours.note, ours.assigned_by, ours.individual) == (
        module.pk,
        "Note du Plateau",
        agent,
        True,
    )

    content = client.get(reverse("agent:resident_detail", args=[both.pk])).content.decode()
    assert "Note du Plateau" in content and NOTE_OF_B not in content

    # Removing it removes ours only.
    client.post(reverse("agent:resident_unassign", args=[both.pk, ours.pk]))
    assert Assignment.objects.active().filter(resident=both).get() == theirs


def test_a_group_of_this_structure_never_takes_over_the_other_structures_assignment(
    agent, structure, other_structure, val_records, both, module
):
    workshop = Workshop.objects.create(structure=structure, title="Atelier du Plateau")
    add_member(workshop=workshop, resident=both, by=agent)
    assign_to_workshop(workshop=workshop, module=module, by=agent, note="Pour le groupe du Plateau")
    theirs = val_assignment(both, other_structure)
    assert (theirs.workshop_id, theirs.note, theirs.due_date) == (
        val_records["workshop"].pk,
        NOTE_OF_B,
        val_records["due"],
    )
    ours = Assignment.objects.active().get(resident=both, structure=structure)
    assert (ours.workshop, ours.note, ours.due_date) == (workshop, "Pour le groupe du Plateau", None)

    _modules, rows = progress_matrix(workshop)
    assert rows[0].cells[0].due_date is None  # the Val's due date is not this group's


def test_lists_and_statuses_count_only_this_structures_assignments(client, agent, other_structure, val_records, both):
    Assignment.objects.filter(structure=other_structure).update(
        due_date=timezone.localdate() - datetime.timedelta(days=5)
    )
    client.force_login(agent)
    page = client.get(reverse("agent:residents"))
    [row] = list(page.context["page_obj"])
    assert row.follow_up == FollowUpStatus.NOT_STARTED  # late for the Val, not for the Plateau
    overdue = client.get(reverse("agent:residents"), {"statut": FollowUpStatus.OVERDUE})
    assert list(overdue.context["page_obj"]) == []
    module_id = val_assignment(both, other_structure).module_id
    by_module = client.get(reverse("agent:residents"), {"module": module_id})
    assert list(by_module.context["page_obj"]) == []
    summary = {value: count for value, _label, count in client.get(reverse("agent:home")).context["summary"]}
    assert summary[FollowUpStatus.OVERDUE] == 0 and summary[FollowUpStatus.NOT_STARTED] == 1

    csv = client.get(reverse("agent:progress_csv")).content.decode("utf-8-sig")
    assert "amina" not in csv and NOTE_OF_B not in csv


def test_the_person_sees_a_module_given_by_both_structures_once(agent, structure, val_records, both, module):
    assign_module(module=module, residents=[both], by=agent, structure=structure)
    overview = path.overview(both)
    assert [row["module"].pk for row in overview["assignments"]] == [module.pk]
    assert overview["assignments"][0]["assignment"].due_date == val_records["due"]  # the nearest date


# Erasing for one structure -------------------------------------------------------------------------------------


def test_erasing_for_one_structure_keeps_the_account_and_the_other_structures_records(
    client, agent, structure, other_structure, val_records, both, module, mailoutbox
):
    plateau_workshop = plateau_records(both, structure, agent, module, val_records["procedure"])
    client.force_login(agent)
    client.get(reverse("agent:resident_detail", args=[both.pk]))  # journaled under her pseudonym
    url = reverse("agent_erase_resident", args=[both.pk])
    page = client.get(url).content.decode()
    assert "Une autre structure suit aussi cette personne" in page and 'name="scope"' in page
    assert client.post(url, {"username": "amina"}).status_code == 400  # what to erase must be chosen

    response = client.post(url, {"username": "amina", "scope": "structure"})
    assert response.status_code == 302
    assert User.objects.filter(pk=both.pk).exists()
    assert not Assignment.objects.filter(resident=both, structure=structure).exists()
    assert not ResidentNote.objects.filter(resident=both, structure=structure).exists()
    assert not AutonomyRecord.objects.filter(resident=both, structure=structure).exists()
    assert not Attendance.objects.filter(resident=both, session__workshop=plateau_workshop).exists()
    assert not plateau_workshop.members.filter(pk=both.pk).exists()
    assert not StructureLink.objects.filter(resident=both, structure=structure).exists()
    # The Val keeps all it recorded, and still follows her.
    assert val_assignment(both, other_structure).note == NOTE_OF_B
    assert ResidentNote.objects.filter(resident=both, structure=other_structure).exists()
    assert AutonomyRecord.objects.filter(resident=both, structure=other_structure).exists()
    assert Attendance.objects.filter(resident=both, session__workshop=val_records["workshop"]).exists()
    assert val_records["workshop"].members.filter(pk=both.pk).exists()
    assert StructureLink.objects.active().filter(resident=both, structure=other_structure).exists()
    # The Plateau no longer sees her; its journal says what happened, under no pseudonym any more.
    assert client.get(reverse("agent:resident_detail", args=[both.pk])).status_code == 404
    entry = AuditEntry.objects.filter(structure=structure).first()
    assert (entry.action, entry.actor, entry.resident_pseudonym) == (
        AuditAction.UNLINK,
        agent,
        erasure.ERASED_PSEUDONYM,
    )
    assert not AuditEntry.objects.filter(structure=structure, resident_pseudonym=audit.pseudonym(both.pk)).exists()
    # The Val's journal keeps its own entries about her and says nothing about the Plateau.
    assert AuditEntry.objects.filter(structure=other_structure, resident_pseudonym=audit.pseudonym(both.pk)).exists()
    assert not AuditEntry.objects.filter(structure=other_structure, action=AuditAction.UNLINK).exists()
    assert mailoutbox == []


def test_with_no_other_structure_left_the_account_goes(client, agent, structure, other_structure, both, mailoutbox):
    StructureLink.objects.get(resident=both, structure=other_structure).withdraw()
    client.force_login(agent)
    url = reverse("agent_erase_resident", args=[both.pk])
    assert 'name="scope"' not in client.get(url).content.decode()
    assert client.post(url, {"username": "amina"}).status_code == 302
    assert not User.objects.filter(pk=both.pk).exists()
    assert mailoutbox == []  # the Val stopped following her: it is not told, and the Plateau has no address


# Erasing the whole account ---------------------------------------------------------------------------------------


def test_erasing_the_whole_account_is_journaled_in_both_and_the_other_managers_are_told(
    client, agent, structure, other_structure, manager_b, val_records, both, mailoutbox
):
    pk = both.pk
    client.force_login(agent)
    client.get(reverse("agent:resident_detail", args=[pk]))
    response = client.post(reverse("agent_erase_resident", args=[pk]), {"username": "amina", "scope": "compte"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=pk).exists()
    assert not Assignment.objects.filter(resident_id=pk).exists()

    ours = AuditEntry.objects.filter(structure=structure).first()
    assert (ours.action, ours.actor) == (AuditAction.ERASE, agent)
    theirs = AuditEntry.objects.filter(structure=other_structure).first()
    assert theirs.action == AuditAction.ERASED_ELSEWHERE
    assert theirs.get_action_display() == "Compte effacé par une autre structure"
    assert theirs.actor is None and structure.name not in theirs.actor_name + theirs.detail
    for entry in AuditEntry.objects.all():
        assert entry.resident_pseudonym in ("", erasure.ERASED_PSEUDONYM)
        assert not {"amina", "Amina", "amina@exemple.fr"} & {entry.actor_name, entry.detail}

    [message] = mailoutbox
    assert sorted(message.to) == ["accueil@val.example", "chef@val.example"]
    assert "par une autre structure" in message.body and structure.name not in message.body
    assert "amina" in message.body

    managers_browser = Client()
    managers_browser.force_login(manager_b)
    journal = managers_browser.get(reverse("agent:journal")).content.decode()
    assert "Compte effacé par une autre structure" in journal and "amina" not in journal.lower()


def test_a_person_deleting_their_account_is_journaled_in_every_structure(
    client, structure, other_structure, manager_b, both, mailoutbox
):
    client.force_login(both)
    assert client.post(reverse("delete_account"), {"username": "amina"}).status_code == 302
    for each in (structure, other_structure):
        entry = AuditEntry.objects.get(structure=each)
        assert (entry.action, entry.actor_name) == (AuditAction.ERASED_BY_PERSON, erasure.THE_PERSON)
    assert sorted(sorted(message.to) for message in mailoutbox) == [["accueil@val.example", "chef@val.example"]]
    assert "par la personne elle-même" in mailoutbox[0].body


def test_after_erasure_no_session_card_code_queued_mail_or_name_is_left(client, agent, agent_b, structure, both):
    pk = both.pk
    phone, kiosk = Client(), Client()
    phone.force_login(both)
    kiosk.force_login(both)
    keys = [phone.session.session_key, kiosk.session.session_key]
    assert Session.objects.filter(session_key__in=keys).count() == 2
    # Two agents printed her a card moments ago: each session holds one, sealed.
    colleague = Client()
    colleague.force_login(agent_b)
    colleague.post(reverse("agent:resident_new_code", args=[pk]))
    client.force_login(agent)
    client.post(reverse("agent:resident_new_code", args=[pk]))
    assert str(pk) in client.session[CARD_SESSION_KEY]
    OutgoingEmail.objects.create(message={"to": ["AMINA@exemple.fr"], "subject": "Votre compte"})
    OutgoingEmail.objects.create(message={"to": ["quelquun@exemple.fr"], "subject": "Autre"})
    LogEntry.objects.create(
        user=agent,
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(pk),
        object_repr="Amina",
        action_flag=CHANGE,
        change_message="Adresse amina@exemple.fr",
    )

    response = client.post(reverse("agent_erase_resident", args=[pk]), {"username": "amina", "scope": "compte"})
    assert response.status_code == 302
    assert response.cookies[f"pasapas_carte_{pk}"]["max-age"] == 0
    assert not Session.objects.filter(session_key__in=keys).exists()
    for key in keys:
        assert SessionStore(key).load() == {}  # neither in the database nor in the cache
    assert str(pk) not in client.session.get(CARD_SESSION_KEY, {})
    assert str(pk) not in colleague.session.get(CARD_SESSION_KEY, {})
    assert list(OutgoingEmail.objects.values_list("message__subject", flat=True)) == ["Autre"]
    log = LogEntry.objects.get(object_id=str(pk))
    assert "amina" not in (log.object_repr + log.change_message).lower()

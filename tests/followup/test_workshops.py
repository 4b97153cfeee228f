"""Workshops (ateliers) in the agent space: groups, members, group modules, sessions, attendance, sheet, matrix."""

import datetime

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from accounts import services as account_services
from followup.models import Assignment, Attendance, Workshop, WorkshopSession
from followup.services.assignments import assign_to_workshop
from followup.services.workshops import add_member, next_session_for, progress_matrix
from learning import services
from learning.models import ModuleProgress
from tests.accounts.factories import MembershipFactory, ResidentFactory
from tests.learning.factories import ModulePageFactory, TutorialPageFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def link(resident, structure):
    account_services.link_resident(resident=resident, structure=structure, method="desk")
    return resident


@pytest.fixture
def workshop(structure, agent):
    return Workshop.objects.create(structure=structure, title="Premiers pas sur smartphone", facilitator=agent)


@pytest.fixture
def session(workshop):
    return WorkshopSession.objects.create(
        workshop=workshop,
        date=TODAY + datetime.timedelta(days=7),
        start_time=datetime.time(14, 0),
        end_time=datetime.time(16, 0),
        place="Salle 2",
        topic="Le compte ameli",
    )


@pytest.fixture
def agent_client(client, agent):
    client.force_login(agent)
    return client


@pytest.fixture
def outsider(other_structure):
    """An agent of another structure."""
    return MembershipFactory(structure=other_structure, user__username="agent-du-val").user


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def url(name, **kwargs):
    return reverse(f"agent:{name}", kwargs=kwargs)


# Access ------------------------------------------------------------------------------------------------------------


def test_anonymous_is_sent_to_login(client):
    response = client.get(url("workshops"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_a_resident_gets_403_on_the_list(client, resident):
    client.force_login(resident)
    assert client.get(url("workshops")).status_code == 403


def test_the_list_shows_only_the_agents_workshops_with_their_next_session(
    agent_client, workshop, session, resident, other_structure
):
    add_member(workshop=workshop, resident=resident, by=None)
    WorkshopSession.objects.create(
        workshop=workshop, date=TODAY - datetime.timedelta(days=3), start_time=datetime.time(9, 0)
    )
    Workshop.objects.create(structure=other_structure, title="Atelier du Val")

    response = agent_client.get(url("workshops"))

    assert response.status_code == 200
    page = soup(response)
    assert page.find("a", string="Créer un atelier")
    table = page.find("table")
    assert table.caption.get_text(strip=True) == "Vos ateliers"
    rows = table.tbody.find_all("tr")
    assert len(rows) == 1
    cells = [cell.get_text(" ", strip=True) for cell in rows[0].find_all(["th", "td"])]
    assert cells[0] == "Premiers pas sur smartphone"
    assert cells[1] == "Maison du Plateau"
    assert cells[3] == "1"
    assert "14h00" in cells[4]
    assert "Atelier du Val" not in response.content.decode()


# Create and edit ---------------------------------------------------------------------------------------------------


def test_an_agent_creates_a_workshop(agent_client, agent, structure):
    response = agent_client.get(url("workshop_create"))
    assert response.status_code == 200

    response = agent_client.post(
        url("workshop_create"),
        {"title": "Mardi matin", "structure": structure.pk, "facilitator": agent.pk},
    )

    workshop = Workshop.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("workshop_detail", workshop_id=workshop.pk)
    assert (workshop.title, workshop.structure, workshop.facilitator) == ("Mardi matin", structure, agent)


def test_the_facilitator_must_work_for_the_chosen_structure(agent_client, structure, outsider, other_structure):
    response = agent_client.post(
        url("workshop_create"), {"title": "Mardi matin", "structure": structure.pk, "facilitator": outsider.pk}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["facilitator"]
    assert not Workshop.objects.exists()


def test_an_agent_cannot_create_a_workshop_in_another_structure(agent_client, other_structure):
    response = agent_client.post(url("workshop_create"), {"title": "Mardi matin", "structure": other_structure.pk})
    assert response.context["form"].errors["structure"]
    assert not Workshop.objects.exists()


def test_a_colleague_can_facilitate(agent_client, structure, manager):
    agent_client.post(url("workshop_create"), {"title": "Jeudi", "structure": structure.pk, "facilitator": manager.pk})
    assert Workshop.objects.get().facilitator == manager


def test_an_agent_edits_a_workshop(agent_client, workshop, structure, manager):
    assert agent_client.get(url("workshop_edit", workshop_id=workshop.pk)).status_code == 200

    response = agent_client.post(
        url("workshop_edit", workshop_id=workshop.pk),
        {"title": "Smartphone — niveau 2", "structure": structure.pk, "facilitator": manager.pk},
    )

    assert response.status_code == 302
    workshop.refresh_from_db()
    assert (workshop.title, workshop.facilitator) == ("Smartphone — niveau 2", manager)


def test_a_title_is_required(agent_client, structure):
    response = agent_client.post(url("workshop_create"), {"title": "  ", "structure": structure.pk})
    assert response.context["form"].errors["title"]


# Members -----------------------------------------------------------------------------------------------------------


def test_the_detail_page_lists_members_modules_and_sessions(agent_client, workshop, session, resident, module):
    add_member(workshop=workshop, resident=resident, by=None)
    assign_to_workshop(workshop=workshop, module=module, by=None)

    response = agent_client.get(url("workshop_detail", workshop_id=workshop.pk))

    assert response.status_code == 200
    text = response.content.decode()
    assert "Amina" in text
    assert "Créer son compte ameli" in text
    assert "Planifier une séance" in text
    assert url("session_detail", workshop_id=workshop.pk, session_id=session.pk) in text
    headings = [int(tag.name[1]) for tag in soup(response).find_all(["h1", "h2", "h3", "h4"])]
    assert all(later - earlier <= 1 for earlier, later in zip(headings, headings[1:], strict=False))


def test_an_agent_adds_a_resident_of_the_structure(agent_client, workshop, resident):
    candidates = soup(agent_client.get(url("workshop_detail", workshop_id=workshop.pk))).find(
        "select", attrs={"name": "resident"}
    )
    assert "Amina" in candidates.get_text()

    response = agent_client.post(url("workshop_member_add", workshop_id=workshop.pk), {"resident": resident.pk})

    assert response.status_code == 302
    assert list(workshop.members.all()) == [resident]


def test_a_resident_of_another_structure_cannot_be_added(agent_client, workshop, other_structure):
    stranger = link(ResidentFactory(display_name="Bernard"), other_structure)

    response = agent_client.post(url("workshop_member_add", workshop_id=workshop.pk), {"resident": stranger.pk})

    assert response.status_code == 200
    assert response.context["member_form"].errors["resident"]
    assert not workshop.members.exists()


def test_a_resident_of_another_structure_of_the_same_agent_cannot_join(agent, workshop, other_structure, client):
    """Visible to the agent through another structure is not enough: the workshop's structure must follow them."""
    MembershipFactory(user=agent, structure=other_structure)
    elsewhere = link(ResidentFactory(display_name="Bernard"), other_structure)
    client.force_login(agent)

    response = client.post(url("workshop_member_add", workshop_id=workshop.pk), {"resident": elsewhere.pk})

    assert response.context["member_form"].errors["resident"]
    assert not workshop.members.exists()


def test_an_agent_removes_a_member(agent_client, workshop, resident):
    add_member(workshop=workshop, resident=resident, by=None)

    response = agent_client.post(url("workshop_member_remove", workshop_id=workshop.pk, resident_id=resident.pk))

    assert response.status_code == 302
    assert not workshop.members.exists()


def test_removing_someone_who_is_not_a_member_is_a_404(agent_client, workshop, resident):
    response = agent_client.post(url("workshop_member_remove", workshop_id=workshop.pk, resident_id=resident.pk))
    assert response.status_code == 404


# Group modules -----------------------------------------------------------------------------------------------------


def test_assigning_a_module_to_the_group_gives_it_to_every_member_and_to_later_members(
    agent_client, agent, workshop, structure, resident, module
):
    other_member = link(ResidentFactory(display_name="Bernard"), structure)
    for member in (resident, other_member):
        add_member(workshop=workshop, resident=member, by=agent)
    due = TODAY + datetime.timedelta(days=10)

    response = agent_client.post(
        url("workshop_assign", workshop_id=workshop.pk),
        {"module": module.pk, "due_date": due.isoformat(), "note": "Apportez votre carte Vitale."},
    )

    assert response.status_code == 302
    assert list(workshop.modules.all()) == [module.page_ptr]
    active = Assignment.objects.active().filter(module_id=module.pk)
    assert {a.resident for a in active} == {resident, other_member}
    assert {(a.workshop, a.due_date, a.note, a.assigned_by) for a in active} == {
        (workshop, due, "Apportez votre carte Vitale.", agent)
    }

    latecomer = link(ResidentFactory(display_name="Chloé"), structure)
    agent_client.post(url("workshop_member_add", workshop_id=workshop.pk), {"resident": latecomer.pk})

    assert Assignment.objects.active().filter(module_id=module.pk, resident=latecomer, workshop=workshop).exists()


def test_an_unpublished_module_is_refused(agent_client, workshop, resident, module):
    add_member(workshop=workshop, resident=resident, by=None)
    module.unpublish()

    response = agent_client.post(url("workshop_assign", workshop_id=workshop.pk), {"module": module.pk})

    assert response.status_code == 200
    assert "pas publié" in response.context["assign_form"].errors["module"][0]
    assert not Assignment.objects.exists()
    assert not workshop.modules.exists()


def test_a_past_due_date_is_refused(agent_client, workshop, resident, module):
    add_member(workshop=workshop, resident=resident, by=None)

    response = agent_client.post(
        url("workshop_assign", workshop_id=workshop.pk),
        {"module": module.pk, "due_date": (TODAY - datetime.timedelta(days=2)).isoformat()},
    )

    assert response.context["assign_form"].errors["due_date"]
    assert not Assignment.objects.exists()


# Sessions and attendance -------------------------------------------------------------------------------------------


def test_an_agent_plans_a_session(agent_client, workshop, module):
    assert agent_client.get(url("session_create", workshop_id=workshop.pk)).status_code == 200
    date = TODAY + datetime.timedelta(days=3)

    response = agent_client.post(
        url("session_create", workshop_id=workshop.pk),
        {
            "date": date.isoformat(),
            "start_time": "09:30",
            "end_time": "11:30",
            "place": "Salle informatique",
            "topic": "Se connecter à ameli",
            "modules": [module.pk],
        },
    )

    session = WorkshopSession.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("session_detail", workshop_id=workshop.pk, session_id=session.pk)
    assert (session.workshop, session.date, session.start_time) == (workshop, date, datetime.time(9, 30))
    assert list(session.modules.all()) == [module.page_ptr]


def test_a_session_ends_after_it_starts(agent_client, workshop):
    response = agent_client.post(
        url("session_create", workshop_id=workshop.pk),
        {"date": TODAY.isoformat(), "start_time": "14:00", "end_time": "13:00"},
    )
    assert response.context["form"].errors["end_time"]
    assert not WorkshopSession.objects.exists()


def test_attendance_has_one_fieldset_per_member_and_is_upserted(agent_client, agent, workshop, session, structure):
    amina = link(ResidentFactory(display_name="Amina"), structure)
    bernard = link(ResidentFactory(display_name="Bernard"), structure)
    for member in (amina, bernard):
        add_member(workshop=workshop, resident=member, by=agent)
    detail = url("session_detail", workshop_id=workshop.pk, session_id=session.pk)

    page = soup(agent_client.get(detail))
    fieldsets = page.find_all("fieldset", class_="attendance__row")
    assert [fieldset.legend.get_text(strip=True) for fieldset in fieldsets] == ["Amina", "Bernard"]
    for fieldset in fieldsets:
        radios = fieldset.find_all("input", attrs={"type": "radio"})
        assert len(radios) == 2
        assert all(page.find("label", attrs={"for": radio["id"]}) for radio in radios)

    response = agent_client.post(detail, {f"presence_{amina.pk}": "present", f"presence_{bernard.pk}": "absent"})
    assert response.status_code == 302
    agent_client.post(detail, {f"presence_{amina.pk}": "absent", f"presence_{bernard.pk}": "present"})

    rows = {row.resident: row for row in Attendance.objects.filter(session=session)}
    assert Attendance.objects.count() == 2
    assert (rows[amina].present, rows[bernard].present) == (False, True)
    assert {row.recorded_by for row in rows.values()} == {agent}
    checked = soup(agent_client.get(detail)).find("input", attrs={"name": f"presence_{bernard.pk}", "checked": True})
    assert checked["value"] == "present"


def test_attendance_ignores_people_outside_the_group(agent_client, workshop, session, resident):
    detail = url("session_detail", workshop_id=workshop.pk, session_id=session.pk)
    agent_client.post(detail, {f"presence_{resident.pk}": "present"})
    assert not Attendance.objects.exists()


def test_a_session_of_another_workshop_is_a_404(agent_client, workshop, session, structure):
    sibling = Workshop.objects.create(structure=structure, title="Autre atelier")
    response = agent_client.get(url("session_detail", workshop_id=sibling.pk, session_id=session.pk))
    assert response.status_code == 404


def test_the_sign_in_sheet_lists_members_with_an_empty_signature_column(
    agent_client, agent, workshop, session, structure
):
    for name in ("Amina", "Bernard"):
        add_member(workshop=workshop, resident=link(ResidentFactory(display_name=name), structure), by=agent)

    response = agent_client.get(url("session_sheet", workshop_id=workshop.pk, session_id=session.pk))

    assert response.status_code == 200
    page = soup(response)
    text = page.get_text(" ", strip=True)
    for expected in ("Premiers pas sur smartphone", "Salle 2", "Le compte ameli", "14h00", "16h00"):
        assert expected in text
    table = page.find("table")
    assert table.caption
    assert [th.get_text(strip=True) for th in table.thead.find_all("th", scope="col")] == ["Nom", "Signature"]
    assert [th.get_text(strip=True) for th in table.tbody.find_all("th", scope="row")] == ["Amina", "Bernard"]
    assert all(not td.get_text(strip=True) for td in table.tbody.find_all("td", class_="sign-in-sheet__signature"))
    button = page.find("button", attrs={"data-print": True})
    assert button.get_text(strip=True) == "Imprimer"
    assert page.find("script", src=lambda src: src and src.endswith("js/print.js"))


# Progress matrix ---------------------------------------------------------------------------------------------------


def test_the_matrix_writes_each_status_in_words(agent_client, agent, workshop, structure, catalogue, tutorial):
    module = tutorial.get_parent().specific
    second = ModulePageFactory(parent=catalogue, title="Payer en ligne")
    second_tutorial = TutorialPageFactory(parent=second)
    third = ModulePageFactory(parent=catalogue, title="Prendre rendez-vous")
    TutorialPageFactory(parent=third)
    amina = link(ResidentFactory(display_name="Amina"), structure)
    for member_module in (module, second, third):
        assign_to_workshop(workshop=workshop, module=member_module, by=agent)
    add_member(workshop=workshop, resident=amina, by=agent)
    for step_id in tutorial.step_ids:
        services.record_step(user=amina, tutorial=tutorial, step_id=step_id)
    services.record_step(user=amina, tutorial=second_tutorial, step_id=second_tutorial.step_ids[0])
    Assignment.objects.filter(resident=amina, module_id=third.pk).update(due_date=TODAY - datetime.timedelta(days=1))
    percent = ModuleProgress.objects.get(user=amina, module_id=second.pk).percent

    response = agent_client.get(url("workshop_matrix", workshop_id=workshop.pk))

    assert response.status_code == 200
    table = soup(response).find("table")
    assert table.caption.get_text(strip=True)
    assert [th.get_text(strip=True) for th in table.thead.find_all("th", scope="col")] == [
        "Participant",
        "Créer son compte ameli",
        "Payer en ligne",
        "Prendre rendez-vous",
    ]
    row = table.tbody.find("tr")
    assert row.find("th", scope="row").get_text(strip=True) == "Amina"
    statuses = [cell.find(class_="matrix__status").get_text(strip=True) for cell in row.find_all("td")]
    assert statuses == ["Terminé", f"En cours {percent} %", "En retard"]
    assert 0 < percent < 100


def test_the_matrix_says_not_started(agent_client, agent, workshop, resident, module):
    assign_to_workshop(workshop=workshop, module=module, by=agent)
    add_member(workshop=workshop, resident=resident, by=agent)
    row = soup(agent_client.get(url("workshop_matrix", workshop_id=workshop.pk))).find("table").tbody.find("tr")
    assert row.find("td").get_text(" ", strip=True) == "Pas commencé"


def test_a_completed_module_is_not_late(agent, workshop, resident, tutorial):
    module = tutorial.get_parent().specific
    assign_to_workshop(workshop=workshop, module=module, by=agent)
    add_member(workshop=workshop, resident=resident, by=agent)
    Assignment.objects.update(due_date=TODAY - datetime.timedelta(days=5))
    for step_id in tutorial.step_ids:
        services.record_step(user=resident, tutorial=tutorial, step_id=step_id)

    _modules, rows = progress_matrix(workshop)

    assert rows[0].cells[0].label == "Terminé"


def test_the_matrix_stays_within_its_query_budget(
    agent_client, agent, workshop, structure, catalogue, django_assert_max_num_queries
):
    modules = [ModulePageFactory(parent=catalogue) for _ in range(10)]
    tutorials = [TutorialPageFactory(parent=module) for module in modules[:3]]
    for module in modules:
        assign_to_workshop(workshop=workshop, module=module, by=agent)
    members = [link(ResidentFactory(), structure) for _ in range(30)]
    for member in members:
        add_member(workshop=workshop, resident=member, by=agent)
    for member in members[:10]:
        for tutorial in tutorials:
            services.record_step(user=member, tutorial=tutorial, step_id=tutorial.step_ids[0])

    with django_assert_max_num_queries(20):
        response = agent_client.get(url("workshop_matrix", workshop_id=workshop.pk))

    assert response.status_code == 200
    assert len(soup(response).find("table").tbody.find_all("tr")) == 30


def test_a_member_who_withdrew_consent_drops_out_of_the_groups_pages(agent_client, agent, workshop, structure, module):
    amina = link(ResidentFactory(display_name="Amina"), structure)
    bernard = link(ResidentFactory(display_name="Bernard"), structure)
    for member in (amina, bernard):
        add_member(workshop=workshop, resident=member, by=agent)
    assign_to_workshop(workshop=workshop, module=module, by=agent)
    account_services.unlink_resident(resident=bernard, structure=structure)

    matrix = agent_client.get(url("workshop_matrix", workshop_id=workshop.pk)).content.decode()
    listing = soup(agent_client.get(url("workshops"))).find("table").tbody.find("tr")

    assert "Amina" in matrix
    assert "Bernard" not in matrix
    assert listing.find_all("td")[2].get_text(strip=True) == "1"
    response = agent_client.post(url("workshop_member_remove", workshop_id=workshop.pk, resident_id=bernard.pk))
    assert response.status_code == 404


# Another structure's agent -----------------------------------------------------------------------------------------

WORKSHOP_URLS = [
    ("workshop_detail", {}),
    ("workshop_edit", {}),
    ("workshop_member_add", {}),
    ("workshop_member_remove", {"resident_id": "resident"}),
    ("workshop_assign", {}),
    ("workshop_matrix", {}),
    ("session_create", {}),
    ("session_detail", {"session_id": "session"}),
    ("session_sheet", {"session_id": "session"}),
]


READ_ONLY = {"workshop_detail", "workshop_matrix", "session_sheet"}
POST_ONLY = {"workshop_member_add", "workshop_member_remove", "workshop_assign"}


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize(("name", "extra"), WORKSHOP_URLS, ids=[name for name, _ in WORKSHOP_URLS])
def test_an_agent_of_another_structure_gets_404_everywhere(
    client, outsider, workshop, session, resident, module, method, name, extra
):
    add_member(workshop=workshop, resident=resident, by=None)
    objects = {"resident": resident.pk, "session": session.pk}
    kwargs = {"workshop_id": workshop.pk, **{key: objects[value] for key, value in extra.items()}}
    client.force_login(outsider)

    data = {"title": "Pris", "resident": resident.pk, "module": module.pk, "date": TODAY.isoformat()}
    response = getattr(client, method)(url(name, **kwargs), data if method == "post" else None)

    # Pages that only show answer a POST with 405, and actions a GET, whatever the workshop, before looking it up.
    refused = (method == "post" and name in READ_ONLY) or (method == "get" and name in POST_ONLY)
    assert response.status_code == (405 if refused else 404)
    assert workshop.members.filter(pk=resident.pk).exists()
    assert not Assignment.objects.exists()
    assert WorkshopSession.objects.count() == 1
    assert not Attendance.objects.exists()
    workshop.refresh_from_db()
    assert workshop.title == "Premiers pas sur smartphone"


def test_an_unknown_workshop_is_a_404(agent_client):
    assert agent_client.get(url("workshop_detail", workshop_id=999999)).status_code == 404


# Residents' next session -------------------------------------------------------------------------------------------


def test_next_session_for_a_member(workshop, resident, structure):
    add_member(workshop=workshop, resident=resident, by=None)
    WorkshopSession.objects.create(
        workshop=workshop, date=TODAY - datetime.timedelta(days=1), start_time=datetime.time(10, 0)
    )
    later = WorkshopSession.objects.create(
        workshop=workshop, date=TODAY + datetime.timedelta(days=14), start_time=datetime.time(10, 0)
    )
    today = WorkshopSession.objects.create(workshop=workshop, date=TODAY, start_time=datetime.time(15, 0))
    other = Workshop.objects.create(structure=structure, title="Sans Amina")
    WorkshopSession.objects.create(workshop=other, date=TODAY, start_time=datetime.time(9, 0))

    found = next_session_for(resident)

    assert found == today
    assert found.workshop == workshop
    today.delete()
    assert next_session_for(resident) == later


def test_no_next_session(resident):
    assert next_session_for(resident) is None
    assert next_session_for(AnonymousUser()) is None


def form_as_loaded(page):
    """What a browser posts back from the attendance form as it was loaded: hidden fields and checked radios."""
    data = {field["name"]: field.get("value", "") for field in page.find_all("input", attrs={"type": "hidden"})}
    data.pop("csrfmiddlewaretoken", None)
    for radio in page.find_all("input", attrs={"type": "radio", "checked": True}):
        data[radio["name"]] = radio["value"]
    return data


def test_a_page_loaded_earlier_never_undoes_a_colleagues_attendance(agent_client, agent, structure, workshop, session):
    amina = link(ResidentFactory(display_name="Amina"), structure)
    bernard = link(ResidentFactory(display_name="Bernard"), structure)
    for member in (amina, bernard):
        add_member(workshop=workshop, resident=member, by=agent)
    detail = url("session_detail", workshop_id=workshop.pk, session_id=session.pk)
    agent_client.post(detail, {f"presence_{amina.pk}": "absent"})  # recorded first as absent
    loaded_earlier = form_as_loaded(soup(agent_client.get(detail)))  # shows Amina absent
    assert loaded_earlier[f"presence_{amina.pk}"] == "absent"

    # A colleague, on a fresh page, records that Amina came after all.
    agent_client.post(detail, {**form_as_loaded(soup(agent_client.get(detail))), f"presence_{amina.pk}": "present"})
    # The older page is sent now: it changes only Bernard; Amina's « absent » is what it showed, not a change.
    agent_client.post(detail, {**loaded_earlier, f"presence_{bernard.pk}": "absent"})
    rows = {row.resident: row.present for row in Attendance.objects.filter(session=session)}
    assert rows == {amina: True, bernard: False}

    # Sent again as loaded after both changes, with nothing touched: nothing changes.
    agent_client.post(detail, form_as_loaded(soup(agent_client.get(detail))))
    assert {row.resident: row.present for row in Attendance.objects.filter(session=session)} == rows

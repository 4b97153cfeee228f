"""Query budgets of the agent's residents list and of « Mon parcours »: a fixed number of queries, whatever the number
of residents, modules and pages done."""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from accounts import services as account_services
from followup.enums import FollowUpStatus
from followup.models import Assignment
from followup.services.assignments import assign_module
from learning import services
from tests.accounts.factories import ResidentFactory
from tests.learning.factories import ModulePageFactory, TutorialPageFactory

pytestmark = pytest.mark.django_db

# Queries per page, caches warm, plus one: the cache's invalidation token is read again every 5 s (cms.invalidation).
# Residents list (12): the session and the agent, their membership (agent_required), their structures (once), the
# workshops, the modules the filter offers (with Wagtail's view-restriction query), the count, the page of residents,
# the manager check, the header's two permission queries.
RESIDENTS_LIST_QUERIES = 12 + 1
# « Mon parcours » (10): the session and the person, assignments, module roll-ups, pages done, the first pages of the
# modules not started, the steps of the pages to go back to, « Faire le point » (none here), structures, the next
# workshop session.
MY_PATH_QUERIES = 10 + 1


def residents_for(structure, count, *, start=0):
    people = []
    for number in range(start, start + count):
        person = ResidentFactory(username=f"personne{number}", display_name=f"Personne {number}")
        account_services.link_resident(resident=person, structure=structure, method="desk")
        people.append(person)
    return people


def test_the_residents_list_costs_the_same_queries_for_3_or_15_residents(
    client, django_assert_max_num_queries, agent, structure, module, tutorial
):
    people = residents_for(structure, 3)
    assign_module(module=module, residents=people[:2], by=agent, structure=structure)
    services.record_step(user=people[1], tutorial=tutorial, step_id=tutorial.step_ids[0])
    client.force_login(agent)
    client.get(reverse("agent:residents"))  # caches as in steady use
    for query in [{}, {"q": "personne", "statut": FollowUpStatus.IN_PROGRESS, "tri": "activite"}]:
        with django_assert_max_num_queries(RESIDENTS_LIST_QUERIES):
            response = client.get(reverse("agent:residents"), query)
        assert response.status_code == 200
    more = residents_for(structure, 12, start=3)
    assign_module(module=module, residents=more, by=agent, structure=structure)
    for person in more[:6]:
        services.record_step(user=person, tutorial=tutorial, step_id=tutorial.step_ids[0])
    Assignment.objects.filter(resident__in=more[6:9]).update(
        due_date=timezone.localdate() - datetime.timedelta(days=1)
    )
    with django_assert_max_num_queries(RESIDENTS_LIST_QUERIES):
        response = client.get(reverse("agent:residents"))
    shown = {resident.username: resident.follow_up for resident in response.context["page_obj"]}
    assert len(shown) == 15
    assert shown["personne9"] == FollowUpStatus.OVERDUE  # more[6:9]: late, whatever they did
    assert shown["personne3"] == FollowUpStatus.IN_PROGRESS
    assert shown["personne0"] == FollowUpStatus.NOT_STARTED


def test_my_path_costs_the_same_queries_for_one_module_or_four(
    client, django_assert_max_num_queries, resident, agent, structure, catalogue, module, tutorial, second_tutorial
):
    services.record_step(user=resident, tutorial=tutorial, step_id=tutorial.step_ids[0])
    client.force_login(resident)
    client.get(reverse("my_path"))  # caches as in steady use
    with django_assert_max_num_queries(MY_PATH_QUERIES):
        assert client.get(reverse("my_path")).status_code == 200
    for number in range(3):
        other = ModulePageFactory(parent=catalogue, slug=f"module-{number}", title=f"Module {number}")
        first = TutorialPageFactory(parent=other, slug=f"premier-{number}")
        TutorialPageFactory(parent=other, slug=f"second-{number}")
        assign_module(module=other, residents=[resident], by=agent, structure=structure)
        if number:
            services.record_step(user=resident, tutorial=first, step_id=first.step_ids[number])
    client.get(reverse("my_path"))
    with django_assert_max_num_queries(MY_PATH_QUERIES):
        response = client.get(reverse("my_path"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Commencer : " in content and "Continuer : " in content and "Reprendre : " in content

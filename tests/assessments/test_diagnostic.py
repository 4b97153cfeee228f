import re

from django.test import Client
from django.urls import reverse

import pytest

from assessments.models import DiagnosticResult
from learning.models import Assignment
from tests.assessments.factories import DiagnosticPageFactory
from tests.learning.factories import ModulePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def diagnostic(home_page):
    return DiagnosticPageFactory(parent=home_page)


@pytest.fixture
def modules(catalogue):
    from assessments.models import Competence

    security = ModulePageFactory(parent=catalogue, title="Se protéger en ligne", level="debutant")
    security.competences.set([Competence.objects.get(code="4.1")])
    security.save_revision().publish()
    email = ModulePageFactory(parent=catalogue, title="Le courriel", level="debutant")
    email.competences.set([Competence.objects.get(code="2.1")])
    email.save_revision().publish()
    return security, email


def current_step(client, url):
    response = client.get(url)
    if response.status_code == 302:
        return None, response
    return re.search(r'name="etape" value="([^"]+)"', response.content.decode())[1], response


def take(client, diagnostic, *, equipment, answer):
    """Run the whole diagnostic: `equipment` maps question ids to option indexes; `answer(qid)` → post data."""
    client.post(diagnostic.url + "commencer/")
    url = diagnostic.url + "question/"
    for _ in range(50):
        step, response = current_step(client, url)
        if step is None:
            return response
        kind, qid = step.split(":", 1)
        data = {"etape": step}
        if kind == "equipment":
            data[f"q-{qid}"] = equipment[qid]
        else:
            data.update(answer(qid))
        assert client.post(url, data).status_code == 302, step
    raise AssertionError("the diagnostic never ended")


def smartphone_only(qid):
    return {"q-" + qid: "vrai"} if qid.endswith("-1") and "-1-" in qid else {"je_ne_sais_pas": "1"}


SMARTPHONE_ONLY = {"eq-devices": ["1"], "eq-email": "1", "eq-net": "1"}


def test_anonymous_visitor_gets_equipment_solutions_and_modules_then_keeps_the_result(client, diagnostic, modules):
    response = take(client, diagnostic, equipment=SMARTPHONE_ONLY, answer=smartphone_only)
    assert response["Location"].endswith("/resultat/")
    content = client.get(response["Location"]).content.decode()
    assert "Pas d&#x27;adresse électronique" in content or "Pas d'adresse électronique" in content
    assert "Seulement le Wi-Fi public" in content
    assert "Se protéger en ligne" in content
    assert content.count("Commencer<span") <= 5
    assert not DiagnosticResult.objects.exists()
    client.post(
        reverse("account_signup"),
        {"username": "rachid", "password1": "un-mot-de-passe-long", "password2": "un-mot-de-passe-long"},
    )
    result = DiagnosticResult.objects.get(user__username="rachid")
    assert set(result.equipment_gaps) == {"no_email", "public_wifi_only"}
    assert set(result.levels) == {"4.1", "6.1"}
    assert "avant et après" in client.get(reverse("my_path")).content.decode()


def test_the_competence_check_adapts_and_stops(client, resident, diagnostic):
    client.force_login(resident)
    take(
        client,
        diagnostic,
        equipment={"eq-devices": ["0"], "eq-email": "0", "eq-net": "0"},
        answer=lambda qid: {"q-" + qid: "vrai"},
    )
    result = DiagnosticResult.objects.get(user=resident)
    assert result.levels == {"4.1": 3, "6.1": 3}
    assert result.equipment_gaps == []
    asked = [qid for qid, _correct in result.answers["competences"]]
    assert len(asked) == 6  # one success per level, per competence, interleaved
    assert asked[:2] == ["c-4.1-1-1", "c-6.1-1-1"]


def test_an_abandoned_diagnostic_resumes(client, resident, diagnostic):
    client.force_login(resident)
    client.post(diagnostic.url + "commencer/")
    client.post(diagnostic.url + "question/", {"etape": "equipment:eq-devices", "q-eq-devices": ["1"]})
    assert (
        "Reprendre là où j&#x27;en étais" in client.get(diagnostic.url).content.decode()
        or "Reprendre là où" in client.get(diagnostic.url).content.decode()
    )
    step, _ = current_step(client, diagnostic.url + "question/")
    assert step == "equipment:eq-email"


@pytest.mark.parametrize(
    "data",
    [
        {"etape": "equipment:eq-net", "q-eq-net": "0"},  # not the question asked
        {"etape": "equipment:eq-devices", "q-eq-devices": "9"},  # no such option
        {"etape": "equipment:eq-email", "q-eq-email": "x"},
    ],
)
def test_tampered_answers_are_a_400(client, diagnostic, data):
    client.post(diagnostic.url + "commencer/")
    if data["etape"] == "equipment:eq-email":
        client.post(diagnostic.url + "question/", {"etape": "equipment:eq-devices", "q-eq-devices": "0"})
    response = client.post(diagnostic.url + "question/", data)
    assert response.status_code == 400


def test_a_tampered_session_is_refused_and_reset(client, diagnostic):
    client.post(diagnostic.url + "commencer/")
    session = client.session
    session[f"diagnostic:{diagnostic.pk}"] = {
        "equipment": {"eq-devices": [0], "eq-email": [0], "eq-net": [0]},
        "answers": [["c-6.1-3-2", True]],
        "resident": None,
    }
    session.save()
    assert client.get(diagnostic.url + "question/").status_code == 400
    assert f"diagnostic:{diagnostic.pk}" not in client.session


def test_a_blank_answer_asks_again_without_recording(client, diagnostic):
    client.post(diagnostic.url + "commencer/")
    response = client.post(diagnostic.url + "question/", {"etape": "equipment:eq-devices"})
    assert response.status_code == 400
    assert "Choisissez une réponse" in response.content.decode()


def test_agent_runs_it_with_a_resident_and_assigns_the_recommendations(client, agent, resident, diagnostic, modules):
    client.force_login(agent)
    response = client.post(reverse("agent:resident_diagnostic", args=[resident.pk]))
    assert response["Location"] == diagnostic.url + "question/"
    assert "En accompagnement de" in client.get(response["Location"]).content.decode()
    response = take_after_start(client, diagnostic)
    result = DiagnosticResult.objects.get()
    assert (result.user, result.recorded_by) == (resident, agent)
    content = client.get(response["Location"]).content.decode()
    ids = re.findall(r'name="modules" value="(\d+)"', content)
    assert ids
    client.post(reverse("agent:resident_assign_recommended", args=[resident.pk]), {"modules": ids})
    assert Assignment.objects.active().filter(resident=resident).count() == len(ids)
    detail = client.get(reverse("agent:resident_detail", args=[resident.pk])).content.decode()
    assert "avant et après" in detail


def take_after_start(client, diagnostic):
    url = diagnostic.url + "question/"
    for _ in range(50):
        step, response = current_step(client, url)
        if step is None:
            return response
        kind, qid = step.split(":", 1)
        data = {"etape": step, f"q-{qid}": "0"} if kind == "equipment" else {"etape": step, "je_ne_sais_pas": "1"}
        client.post(url, data)
    raise AssertionError("the diagnostic never ended")


def test_agents_of_another_structure_cannot_run_it_for_a_resident(agent, other_structure, resident, diagnostic):
    from tests.accounts.factories import MembershipFactory

    stranger_agent = MembershipFactory(structure=other_structure).user
    client = Client()
    client.force_login(stranger_agent)
    assert client.post(reverse("agent:resident_diagnostic", args=[resident.pk])).status_code == 404


def test_results_are_private(client, resident, diagnostic, django_user_model):
    result = DiagnosticResult.objects.create(user=resident, page=diagnostic, levels={"4.1": 1})
    other = django_user_model.objects.create_user(username="curieux", password="un-mot-de-passe-long")
    client.force_login(other)
    assert client.get(diagnostic.url + f"resultat/{result.pk}/").status_code == 404


def test_before_and_after_in_my_path(client, resident, diagnostic):
    DiagnosticResult.objects.create(user=resident, page=diagnostic, levels={"4.1": 0, "6.1": 1})
    DiagnosticResult.objects.create(user=resident, page=diagnostic, levels={"4.1": 2, "6.1": 1})
    client.force_login(resident)
    content = client.get(reverse("my_path")).content.decode()
    assert "Niveau 0" in content and "Niveau 2 (en progrès)" in content

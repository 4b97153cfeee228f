import re

from django.test import Client
from django.urls import reverse

import pytest

from assessments.equipment import SOLUTIONS
from assessments.models import Competence, DiagnosticResult
from cms import places
from cms.models import Place
from cms.places import SERVICE_BY_KEY
from followup.models import Assignment
from learning.templatetags.learning_tags import places_url
from tests.accounts.factories import MembershipFactory
from tests.assessments.factories import DiagnosticPageFactory, equipment
from tests.cms.test_places import row
from tests.learning.factories import ModulePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def diagnostic(home_page):
    return DiagnosticPageFactory(parent=home_page)


@pytest.fixture
def modules(catalogue):
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
    assert asked == ["c-4.1-1-1", "c-6.1-1-1", "c-4.1-3-1", "c-6.1-3-1"]  # lowest level, then the top, interleaved


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


def test_a_superscript_digit_is_refused_with_a_400(client, diagnostic):
    client.post(diagnostic.url + "commencer/")
    response = client.post(diagnostic.url + "question/", {"etape": "equipment:eq-devices", "q-eq-devices": "²"})
    assert response.status_code == 400


def test_recommended_modules_with_a_superscript_digit_assign_nothing(client, agent, resident, diagnostic):
    client.force_login(agent)
    response = client.post(reverse("agent:resident_assign_recommended", args=[resident.pk]), {"modules": ["²"]})
    assert response.status_code < 500
    assert not Assignment.objects.filter(resident=resident).exists()


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
    assert "Débute" in content and "Se débrouille (en progrès)" in content
    assert "Se protéger des arnaques et des virus" in content
    assert "Sécuriser l&#x27;environnement numérique" not in content


# Skip logic of the equipment questions -----------------------------------------------------------------------------


@pytest.fixture
def with_skip_logic(home_page):
    own = equipment(
        "Cet appareil est-il à vous ?",
        [("Oui", ""), ("Je le partage", "shared_device")],
        qid="eq-own",
    )
    own["value"]["skip_if"] = ["no_device"]
    net = equipment(
        "Comment allez-vous sur internet ?", [("Box", ""), ("Wi-Fi public", "public_wifi_only")], qid="eq-net"
    )
    net["value"]["skip_if"] = ["no_device"]
    return DiagnosticPageFactory(
        parent=home_page,
        equipment_questions=[
            equipment(
                "Quels appareils avez-vous ?",
                [("Un ordinateur", ""), ("Un smartphone", ""), ("Aucun", "no_device")],
                several=True,
                qid="eq-devices",
            ),
            own,
            net,
            equipment("Avez-vous une adresse électronique ?", [("Oui", ""), ("Non", "no_email")], qid="eq-email"),
        ],
    )


def equipment_steps(client, page, devices):
    """The equipment questions asked, with the counter of each, answering `devices` then the first option."""
    client.post(page.url + "commencer/")
    url = page.url + "question/"
    seen = []
    while True:
        step, response = current_step(client, url)
        kind, qid = step.split(":", 1)
        if kind != "equipment":
            return seen
        seen.append((qid, counter_on(response)))
        client.post(url, {"etape": step, f"q-{qid}": devices if qid == "eq-devices" else "0"})


def counter_on(response):
    """(X, Y) from « Question X sur Y » or « Question X sur Y au maximum »."""
    number, total = re.search(r"Question (\d+) sur (\d+)(?: au maximum)?<", response.content.decode()).groups()
    return int(number), int(total)


def test_no_device_skips_the_questions_about_the_device(client, with_skip_logic):
    seen = equipment_steps(client, with_skip_logic, ["2"])
    assert [qid for qid, _ in seen] == ["eq-devices", "eq-email"]
    assert [counter for _, counter in seen] == [(1, 4), (2, 2)]  # the bound shrinks when questions are skipped


def test_a_device_keeps_every_question(client, with_skip_logic):
    seen = equipment_steps(client, with_skip_logic, ["1"])
    assert [qid for qid, _ in seen] == ["eq-devices", "eq-own", "eq-net", "eq-email"]
    assert [counter for _, counter in seen] == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_an_answer_to_a_skipped_question_is_a_400(client, with_skip_logic):
    client.post(with_skip_logic.url + "commencer/")
    url = with_skip_logic.url + "question/"
    client.post(url, {"etape": "equipment:eq-devices", "q-eq-devices": ["2"]})
    response = client.post(url, {"etape": "equipment:eq-own", "q-eq-own": "0"})  # replayed from an older form
    assert response.status_code == 400
    assert current_step(client, url)[0] == "equipment:eq-email"  # nothing was recorded


def test_a_session_holding_an_answer_to_a_skipped_question_is_refused(client, with_skip_logic):
    client.post(with_skip_logic.url + "commencer/")
    session = client.session
    session[f"diagnostic:{with_skip_logic.pk}"] = {
        "equipment": {"eq-devices": [2], "eq-own": [1]},
        "answers": [],
        "resident": None,
    }
    session.save()
    response = client.get(with_skip_logic.url + "question/")
    assert response.status_code == 400
    assert f"diagnostic:{with_skip_logic.pk}" not in client.session


def test_skipped_questions_reveal_no_gap_and_the_result_keeps_the_others(client, resident, with_skip_logic):
    client.force_login(resident)
    take(
        client,
        with_skip_logic,
        equipment={"eq-devices": ["2"], "eq-email": "1"},
        answer=lambda qid: {"je_ne_sais_pas": "1"},
    )
    result = DiagnosticResult.objects.get(user=resident)
    assert result.equipment_gaps == ["no_device", "no_email"]
    assert set(result.answers["equipment"]) == {"eq-devices", "eq-email"}


# The counter ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "answer",
    [lambda qid: {"je_ne_sais_pas": "1"}, lambda qid: {"q-" + qid: "vrai"}, lambda qid: {"q-" + qid: "faux"}],
    ids=["beginner", "expert", "wrong"],
)
def test_the_counter_goes_up_by_one_and_its_bound_never_grows(client, diagnostic, answer):
    client.post(diagnostic.url + "commencer/")
    url = diagnostic.url + "question/"
    parts = {"equipment": [], "competence": []}
    for _ in range(50):
        step, response = current_step(client, url)
        if step is None:
            break
        kind, qid = step.split(":", 1)
        parts[kind].append(counter_on(response))
        data = {"etape": step, f"q-{qid}": "0"} if kind == "equipment" else {"etape": step, **answer(qid)}
        assert client.post(url, data).status_code == 302
    for screens in parts.values():
        assert [number for number, _ in screens] == list(range(1, len(screens) + 1))
        totals = [total for _, total in screens]
        assert totals == sorted(totals, reverse=True)
        assert all(total >= len(screens) for total in totals)
    assert len(parts["competence"]) <= 4


def test_the_counter_says_when_the_total_is_only_a_bound(client, diagnostic):
    client.post(diagnostic.url + "commencer/")
    url = diagnostic.url + "question/"
    for qid in ("eq-devices", "eq-email", "eq-net"):
        client.post(url, {"etape": f"equipment:{qid}", f"q-{qid}": "0"})
    content = client.get(url).content.decode()
    assert "Question 1 sur 6 au maximum" in content  # 2 competences x 3 levels at most
    assert "Partie 2 sur 2" in content


# Results in plain French ---------------------------------------------------------------------------------------


def test_the_result_names_competences_in_plain_french(client, resident, diagnostic, modules):
    result = DiagnosticResult.objects.create(user=resident, page=diagnostic, levels={"2.1": 1, "4.1": 0})
    client.force_login(resident)
    content = client.get(diagnostic.url + f"resultat/{result.pk}/").content.decode()
    assert "Échanger avec d&#x27;autres personnes" in content
    assert "Se protéger des arnaques et des virus" in content  # in the reason of a recommended module
    for jargon in ("Interagir", "Sécuriser l&#x27;environnement", "CRCN"):
        assert jargon not in content


def test_an_agent_also_sees_the_framework_title(client, agent, resident, diagnostic):
    result = DiagnosticResult.objects.create(user=resident, page=diagnostic, levels={"2.1": 2}, recorded_by=agent)
    client.force_login(agent)
    content = client.get(diagnostic.url + f"resultat/{result.pk}/").content.decode()
    assert "Échanger avec d&#x27;autres personnes" in content
    assert "(CRCN 2.1 Interagir)" in content


def test_a_trainer_can_rename_a_competence_in_plain_words(client, resident, diagnostic):
    Competence.objects.filter(code="2.1").update(plain_title="Écrire à ses proches")
    result = DiagnosticResult.objects.create(user=resident, page=diagnostic, levels={"2.1": 1})
    client.force_login(resident)
    assert "Écrire à ses proches" in client.get(diagnostic.url + f"resultat/{result.pk}/").content.decode()
    Competence.objects.filter(code="2.1").update(plain_title="")
    assert "Interagir" in client.get(diagnostic.url + f"resultat/{result.pk}/").content.decode()  # the fallback


def test_every_crcn_and_project_competence_has_a_plain_title():
    assert Competence.objects.count() == 22
    assert not Competence.objects.filter(plain_title="").exists()


# Place links ---------------------------------------------------------------------------------------------------


def test_every_equipment_solution_links_to_a_service_key_of_the_places_page():
    for gap, (_advice, service) in SOLUTIONS.items():
        assert service in SERVICE_BY_KEY, gap
        assert places_url(service) == f"/trouver-un-lieu/?service={service}"
    assert places_url("Acquisition de matériel informatique à prix solidaire") == "/trouver-un-lieu/?service=materiel"


def test_a_service_no_place_offers_lists_no_place_rather_than_all(client, home_page):
    Place.upsert(
        places.clean_row(row(id="a", nom="Lieu des démarches", services="Aide aux démarches administratives"))[0]
    )
    content = client.get("/trouver-un-lieu/", {"service": "materiel"}).content.decode()
    assert "Lieu des démarches" not in content
    assert "Aucun lieu pour « Acheter un ordinateur ou un téléphone à petit prix »" in content
    assert '<option value="materiel" selected>' in content

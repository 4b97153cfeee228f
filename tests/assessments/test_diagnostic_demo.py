"""« Faire le point » of the demo site (seed_demo), walked through as a resident: its length, its counter, its skip
logic, its words and its links to « Trouver un lieu ». The seed runs once for the module (`demo_site`)."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

from django.test import Client

import pytest

from assessments import kinds
from assessments import responses as answer_fields
from assessments.models import Competence, DiagnosticPage
from cms.models import Place
from cms.places import SERVICE_BY_KEY

pytestmark = pytest.mark.django_db

NO_DEVICE = {"equipement-1": ["3"]}  # « Aucun appareil »


def right_answer(qid, question):
    """The form values of the right answer to a demo question."""
    right, _wrong = kinds.get(question["kind"]).sample_responses(question)
    return answer_fields.encode(qid, question, right)


def walk(client, page, *, equipment, knows):
    """Take the whole diagnostic; return the screens (kind, id, counter, text) and the result page."""
    client.post(page.url + "commencer/")
    url = page.url + "question/"
    screens = []
    for _ in range(60):
        response = client.get(url)
        if response.status_code == 302:
            return screens, client.get(response["Location"])
        html = response.content.decode()
        step = re.search(r'name="etape" value="([^"]+)"', html)[1]
        kind, qid = step.split(":", 1)
        number, total = re.search(r"Question (\d+) sur (\d+)(?: au maximum)?<", html).groups()
        screens.append((kind, qid, (int(number), int(total)), unescape(html)))
        data = {"etape": step}
        if kind == "equipment":
            data[f"q-{qid}"] = equipment.get(qid, "0")
        elif knows:
            data.update(right_answer(qid, page.competence_map[qid][1]))
        else:
            data["je_ne_sais_pas"] = "1"
        assert client.post(url, data).status_code == 302, step
    raise AssertionError("the diagnostic never ended")


def assert_honest_counter(screens):
    for kind in ("equipment", "competence"):
        counters = [counter for screen_kind, _, counter, _ in screens if screen_kind == kind]
        assert [number for number, _ in counters] == list(range(1, len(counters) + 1))
        totals = [total for _, total in counters]
        assert totals == sorted(totals, reverse=True), totals
        assert min(totals) >= len(counters)


@pytest.fixture
def diagnostic(demo_site):
    return DiagnosticPage.objects.live().get()


def test_a_beginner_without_a_device_sees_six_competence_screens_and_no_device_question(diagnostic):
    screens, result = walk(Client(), diagnostic, equipment=NO_DEVICE, knows=False)
    competence = [screen for screen in screens if screen[0] == "competence"]
    assert len(competence) == 6 <= 8
    equipment = [screen for screen in screens if screen[0] == "equipment"]
    assert [qid for _, qid, _, _ in equipment] == [f"equipement-{n}" for n in (1, 4, 5, 6, 7, 8, 9)]
    assert not any("est-il à vous" in text or "Comment allez-vous sur internet" in text for *_, text in screens)
    assert_honest_counter(screens)
    assert equipment[0][2] == (1, 9) and equipment[1][2] == (2, 7)  # the two device questions left the bound
    assert result.status_code == 200


def test_an_expert_finishes_in_twelve_competence_screens(diagnostic):
    client = Client()
    screens, result = walk(client, diagnostic, equipment={"equipement-1": ["0", "1"]}, knows=True)
    competence = [screen for screen in screens if screen[0] == "competence"]
    assert len(competence) == 12 <= 15
    assert_honest_counter(screens)
    assert competence[0][2] == (1, 18)
    content = unescape(result.content.decode())
    for competence_ in Competence.objects.filter(code__in=["0.1", "0.2", "0.3", "2.1", "4.1", "6.1"]):
        assert f"{competence_.plain_title} : vous êtes à l'aise" in content


def test_the_beginners_result_speaks_plain_french(diagnostic):
    _, result = walk(Client(), diagnostic, equipment=NO_DEVICE, knows=False)
    content = unescape(result.content.decode())
    main = content.split("<main", 1)[1].split("</main>", 1)[0]
    jargon = list(Competence.objects.exclude(code__startswith="0").values_list("title", flat=True))
    for title in jargon:
        if title.startswith(("Se ", "Créer", "Remplir", "Suivre")):
            continue  # the project's own titles (domain 6) are already plain
        assert title not in main, title
    assert "Interagir" not in main and "CRCN" not in main


def test_every_place_link_of_a_result_lists_only_places_offering_that_service(diagnostic):
    equipment = {
        "equipement-1": ["3"],  # no device → materiel
        "equipement-4": "2",  # no email → outils
        "equipement-6": "1",  # no FranceConnect → demarches
        "equipement-7": "1",  # no scanner → acces
        "equipement-8": "2",  # no printer → acces
    }
    client = Client()
    _, result = walk(client, diagnostic, equipment=equipment, knows=False)
    links = re.findall(r'href="([^"]+)">Trouver un lieu qui peut vous aider<', result.content.decode())
    assert len(links) == 5
    keys = set()
    for link in links:
        link = unescape(link)
        query = parse_qs(urlsplit(link).query)
        key = query["service"][0]
        assert key in SERVICE_BY_KEY, link
        keys.add(key)
        page = client.get(link).content.decode()
        listed = re.findall(r'<h3 id="lieu-(\d+)"', page)
        offering = {
            str(pk) for pk in Place.objects.filter(service_keys__contains=f"|{key}|").values_list("pk", flat=True)
        }
        assert listed, f"the demo has places for {key}"
        assert set(listed) <= offering
        assert len(listed) == min(len(offering), 20)
        assert len(listed) < Place.objects.count(), "never every place"
    assert keys == {"materiel", "outils", "demarches", "acces"}

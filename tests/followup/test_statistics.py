"""Structure statistics page and CSV exports of the agent space: right numbers, right scope, safe files."""

import csv
import datetime
import io
import re
import uuid

from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import timezone

import pytest

from accounts.models import StructureLink
from assessments.models import Competence, QuizAttempt
from followup import reports
from followup.models import Assignment, Attendance, Workshop, WorkshopSession
from followup.reports import month_label
from learning.enums import ExclusionType, ProgressStatus
from learning.models import ModuleProgress
from tests.accounts.factories import MembershipFactory, ResidentFactory, StructureFactory, StructureLinkFactory
from tests.assessments.factories import QuizPageFactory
from tests.learning.factories import ModulePageFactory, OperatorFactory

pytestmark = pytest.mark.django_db

STATISTICS = reverse("agent:statistics")
STATISTICS_CSV = reverse("agent:statistics_csv")
PROGRESS_CSV = reverse("agent:progress_csv")
HYPERLINK = '=HYPERLINK("http://exemple.fr","Cliquez")'


def this_month():
    today = timezone.localdate()
    return timezone.make_aware(datetime.datetime(today.year, today.month, 1, 12))


def last_month():
    first = this_month()
    return timezone.make_aware(datetime.datetime(first.year - (first.month == 1), (first.month - 2) % 12 + 1, 1, 12))


def complete(user, module, when):
    return ModuleProgress.objects.create(
        user=user,
        module=module,
        percent=100,
        items_done=1,
        items_total=1,
        status=ProgressStatus.COMPLETED,
        last_activity_at=when,
        completed_at=when,
    )


def attempt(user, quiz, when, *, passed=True):
    return QuizAttempt.objects.create(
        user=user,
        quiz=quiz,
        idempotency_key=uuid.uuid4(),
        submitted_at=when,
        passed=passed,
        score=1.0 if passed else 0.2,
    )


def attend(workshop, resident, present, date=None):
    session, _ = WorkshopSession.objects.get_or_create(
        workshop=workshop, date=date or timezone.localdate(), start_time=datetime.time(14)
    )
    return Attendance.objects.create(session=session, resident=resident, present=present)


def with_themes(module, *, operators=(), competences=(), exclusion=ExclusionType.COMPETENCE):
    module.exclusion_type = exclusion
    module.save()
    module.operators.set(operators)
    module.competences.set(competences)
    module.save()
    return module


@pytest.fixture
def data(structure, other_structure, catalogue, module):
    """Structure A (the agent's) and structure B (someone else's), each with residents and activity."""
    caf = OperatorFactory(name="CAF", slug="caf")
    ants = OperatorFactory(name="ANTS", slug="ants")
    competence = Competence.objects.get(code="4.1")
    with_themes(module, operators=[caf], competences=[competence])
    module2 = with_themes(
        ModulePageFactory(parent=catalogue, title="Faire sa carte d'identité"),
        operators=[caf, ants],
        exclusion=ExclusionType.EQUIPMENT,
    )
    quiz = QuizPageFactory(parent=module)

    r1 = ResidentFactory(username="amina", display_name="Amina")
    r2 = ResidentFactory(username="bernard", display_name="Bernard")
    r3 = ResidentFactory(username="formule", display_name=HYPERLINK)
    r4 = ResidentFactory(username="retrait", display_name="Consentement retiré")
    for resident in (r1, r2, r3):
        StructureLinkFactory(resident=resident, structure=structure)
    StructureLinkFactory(resident=r4, structure=structure, consented_at=last_month()).withdraw()
    b1 = ResidentFactory(username="berenice-b", display_name="Bérénice de B")
    StructureLinkFactory(resident=b1, structure=other_structure)

    complete(r1, module, this_month())
    complete(r2, module, last_month())
    complete(r3, module2, this_month())
    complete(r4, module, this_month())  # consent withdrawn: not counted
    complete(b1, module, this_month())  # structure B
    complete(b1, module2, last_month())

    attempt(r1, quiz, this_month())
    attempt(r2, quiz, last_month())
    attempt(r3, quiz, this_month(), passed=False)
    attempt(b1, quiz, this_month())
    QuizAttempt.objects.create(user=r3, quiz=quiz, idempotency_key=uuid.uuid4())  # still open

    workshop = Workshop.objects.create(structure=structure, title="Atelier du mardi")
    attend(workshop, r1, True)
    attend(workshop, r2, True)
    attend(workshop, r3, False)
    attend(workshop, r4, True)  # consent withdrawn
    attend(Workshop.objects.create(structure=other_structure, title="Atelier de B"), b1, False)

    today = timezone.localdate()
    Assignment.objects.create(
        module=module, resident=r1, structure=structure, due_date=today - datetime.timedelta(days=3)
    )
    Assignment.objects.create(module=module2, resident=r2, structure=structure, due_date=today)
    Assignment.objects.create(module=module2, resident=r3, structure=structure)
    Assignment.objects.create(module=module, resident=r4, structure=structure)  # consent withdrawn
    Assignment.objects.create(module=module, resident=b1, structure=other_structure)
    removed = Assignment.objects.create(module=module2, resident=r1, structure=structure)
    removed.removed_at = timezone.now()
    removed.save()
    return {"module": module, "module2": module2, "competence": competence}


def read_csv(response, separator=";"):
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body.removeprefix("\ufeff")), delimiter=separator))


def table_rows(content, caption_start):
    """The body rows of the table whose caption starts with `caption_start`, as (label, value) pairs."""
    table = re.search(rf"<caption>{re.escape(caption_start)}.*?<tbody>(.*?)</tbody>", content, re.S)
    assert table, caption_start
    return re.findall(r'<tr><th scope="row">(.*?)</th><td class="stats-table__number">(\d+)</td></tr>', table[1])


# The page ----------------------------------------------------------------------------------------------------------


def test_statistics_page_counts_only_the_agents_structure(client, agent, data):
    client.force_login(agent)
    response = client.get(STATISTICS)
    assert response.status_code == 200
    stats = response.context["stats"]
    assert stats.accompanied == 3
    assert stats.new_residents[-1] == 3 and stats.new_residents[-2] == 1 and sum(stats.new_residents) == 4
    assert stats.modules_completed[-1] == 2 and stats.modules_completed[-2] == 1 and sum(stats.modules_completed) == 3
    assert stats.quizzes_passed[-1] == 1 and stats.quizzes_passed[-2] == 1 and sum(stats.quizzes_passed) == 2
    assert stats.by_operator == [("CAF", 3), ("ANTS", 1)]
    domain = data["competence"].domain.title
    assert stats.by_theme == sorted([(domain, 2), ("Sans thème", 1)], key=lambda item: -item[1])
    assert stats.by_exclusion == [("Équipement et accès", 1), ("Compétences", 2)]
    assert (stats.attendance_present, stats.attendance_recorded, stats.attendance_rate) == (2, 3, 67)

    content = response.content.decode()
    assert "Bérénice" not in content and "Atelier de B" not in content
    assert table_rows(content, "Modules terminés par organisme") == [("CAF", "3"), ("ANTS", "1")]
    month_rows = table_rows(content, "Modules terminés par mois")
    assert len(month_rows) == 12
    assert month_rows[-1] == (month_label(timezone.localdate().replace(day=1)), "2")
    assert "67 %" in content and "2 sur 3 présences notées" in content


def test_beyond_the_id_list_limit_the_statistics_are_the_same(agent, structure, data, monkeypatch):
    """Up to RESIDENT_ID_LIST_LIMIT residents, their ids go into the queries; beyond, a subquery: same numbers."""
    named = reports.statistics_for([structure])
    monkeypatch.setattr(reports, "RESIDENT_ID_LIST_LIMIT", 1)
    assert isinstance(reports._residents_for_statistics([structure.pk])[0], type(StructureLink.objects.none()))
    assert reports.statistics_for([structure]) == named


def test_withdrawn_consent_drops_the_resident_from_accompanied(client, agent, structure, data):
    client.force_login(agent)
    assert client.get(STATISTICS).context["stats"].accompanied == 3
    StructureLink.objects.get(resident__username="amina", structure=structure).withdraw()
    stats = client.get(STATISTICS).context["stats"]
    assert stats.accompanied == 2
    assert sum(stats.modules_completed) == 2  # Amina's module no longer counts
    assert stats.attendance_recorded == 2


def test_the_other_structures_agent_sees_only_their_own_data(client, other_structure, data):
    client.force_login(MembershipFactory(structure=other_structure).user)
    stats = client.get(STATISTICS).context["stats"]
    assert stats.accompanied == 1
    assert sum(stats.modules_completed) == 2
    assert sum(stats.quizzes_passed) == 1
    assert (stats.attendance_present, stats.attendance_recorded) == (0, 1)


def test_charts_are_accessible_svg_with_their_data_table(client, agent, data):
    client.force_login(agent)
    content = client.get(STATISTICS).content.decode()
    svgs = re.findall(r"<svg[^>]*>", content)
    assert len(svgs) == 6
    for svg in svgs:
        labelled_by = re.search(r'aria-labelledby="([^"]+)"', svg)[1]
        assert 'role="img"' in svg
        assert f'id="{labelled_by}"' in content  # a visible caption names it
        assert "style=" not in svg
    assert "<title>CAF : 3</title>" in content
    assert "Le plus élevé : CAF (3)." in content  # the numbers are also said in words
    assert "Total : 3." in content
    assert content.count("<table") == 6 and content.count("<caption>") == 6
    assert '<th scope="col">Mois</th>' in content
    assert "style=" not in content.split('<main id="contenu"')[1]
    assert "<script" not in content.split('<main id="contenu"')[1].split("</main>")[0]
    assert re.search(r'x="\d+\.\d+"', content)  # geometry is never written with a French decimal comma
    assert not re.search(r'(x|y|width|height)="\d+,\d+"', content)


def test_the_page_shows_empty_states_without_data(client, agent, home_page):
    client.force_login(agent)
    content = client.get(STATISTICS).content.decode()
    assert "Aucun module terminé sur les 12 derniers mois." in content
    assert "Aucune présence n&#x27;a été notée" in content or "Aucune présence n'a été notée" in content


# Structure filter and access ---------------------------------------------------------------------------------------


def test_structure_filter_narrows_to_one_of_the_agents_structures(client, agent, structure, data):
    third = StructureFactory(name="Centre social des Hauts")
    MembershipFactory(user=agent, structure=third)
    StructureLinkFactory(resident=ResidentFactory(), structure=third)
    client.force_login(agent)
    assert client.get(STATISTICS).context["stats"].accompanied == 4
    response = client.get(STATISTICS, {"structure": third.pk})
    assert response.context["stats"].accompanied == 1
    assert response.context["selected"] == third
    assert f'<option value="{third.pk}" selected>' in response.content.decode()
    assert client.get(STATISTICS, {"structure": structure.pk}).context["stats"].accompanied == 3


@pytest.mark.parametrize("url", [STATISTICS, STATISTICS_CSV, PROGRESS_CSV])
def test_another_structure_or_a_bad_id_is_not_found(client, agent, other_structure, data, url):
    client.force_login(agent)
    assert client.get(url, {"structure": other_structure.pk}).status_code == 404
    assert client.get(url, {"structure": "abc"}).status_code == 404


@pytest.mark.parametrize("url", [STATISTICS, STATISTICS_CSV, PROGRESS_CSV])
def test_residents_are_refused(client, resident, url):
    client.force_login(resident)
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", [STATISTICS, STATISTICS_CSV, PROGRESS_CSV])
def test_anonymous_visitors_are_sent_to_the_login_page(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))
    assert "next=" in response["Location"]


# CSV exports -------------------------------------------------------------------------------------------------------


def test_progress_csv_has_one_row_per_resident_and_active_assignment(client, agent, data):
    client.force_login(agent)
    response = client.get(PROGRESS_CSV)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="progression-')
    rows = read_csv(response)
    assert rows[0] == [
        "Identifiant",
        "Nom affiché",
        "Module",
        "Assigné le",
        "À faire pour le",
        "Avancement (%)",
        "Statut",
        "Dernière activité",
    ]
    by_user = {(row[0], row[2]): row for row in rows[1:]}
    assert set(by_user) == {
        ("amina", "Créer son compte ameli"),
        ("bernard", "Faire sa carte d'identité"),
        ("formule", "Faire sa carte d'identité"),
    }
    amina = by_user["amina", "Créer son compte ameli"]
    assert amina[5] == "100" and amina[6] == "Terminé" and amina[7]
    assert amina[3] == timezone.localdate().strftime("%d/%m/%Y")
    bernard = by_user["bernard", "Faire sa carte d'identité"]
    assert bernard[4] == timezone.localdate().strftime("%d/%m/%Y")
    assert bernard[5:] == ["0", "Pas commencé", ""]


def test_progress_csv_neutralises_formulas_in_names(client, agent, data):
    client.force_login(agent)
    rows = read_csv(client.get(PROGRESS_CSV))
    formula = next(row for row in rows if row[0] == "formule")
    assert formula[1] == "'" + HYPERLINK
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_progress_csv_says_overdue_for_unfinished_modules_past_their_date(client, agent, structure, data):
    Assignment.objects.filter(resident__username="bernard").update(
        due_date=timezone.localdate() - datetime.timedelta(days=1)
    )
    client.force_login(agent)
    rows = read_csv(client.get(PROGRESS_CSV))
    assert next(row for row in rows if row[0] == "bernard")[6] == "En retard"


def test_progress_csv_with_comma_separator(client, agent, data):
    client.force_login(agent)
    response = client.get(PROGRESS_CSV, {"sep": ","})
    body = response.content.decode()
    assert body.startswith("\ufeffIdentifiant,Nom affiché,Module,")
    rows = read_csv(response, ",")
    assert len(rows) == 4
    assert "Faire sa carte d'identité" in [row[2] for row in rows]


def test_statistics_csv_masks_small_counts(client, agent, data):
    client.force_login(agent)
    response = client.get(STATISTICS_CSV)
    assert response["Content-Disposition"].startswith('attachment; filename="statistiques-')
    rows = read_csv(response)
    assert rows[0] == ["Indicateur", "Détail", "Valeur"]
    values = {(row[0], row[1]): row[2] for row in rows[1:]}
    current, previous = (month_label(this_month().date()), month_label(last_month().date()))
    assert values["Structures", "Maison du Plateau"] == ""
    assert next(value for (name, _), value in values.items() if name.startswith("Personnes accompagnées")) == "3"
    assert values["Nouvelles personnes accompagnées", current] == "3"
    assert values["Nouvelles personnes accompagnées", previous] == "< 3"
    assert values["Modules terminés", current] == "< 3"
    assert values["Modules terminés", previous] == "< 3"
    assert values["Quiz réussis", current] == "< 3"
    assert values["Modules terminés par organisme", "CAF"] == "3"
    assert values["Modules terminés par organisme", "ANTS"] == "< 3"
    assert values["Modules terminés par type d'exclusion", "Compétences"] == "< 3"
    assert values["Présence aux ateliers", "Présences notées"] == "3"
    assert values["Présence aux ateliers", "Présents"] == "< 3"
    assert values["Présence aux ateliers", "Taux de présence"] == "< 3"
    assert "0" in [value for (name, _), value in values.items() if name == "Quiz réussis"]  # zero is kept
    assert len([name for name, _ in values if name == "Modules terminés"]) == 12
    assert not any("Bérénice" in cell for row in rows for cell in row)


def test_statistics_csv_shows_counts_of_three_and_more(client, agent, structure, data):
    for index in range(3):
        StructureLinkFactory(resident=ResidentFactory(username=f"nouveau{index}"), structure=structure)
    client.force_login(agent)
    rows = read_csv(client.get(STATISTICS_CSV, {"sep": ","}), ",")
    values = {(row[0], row[1]): row[2] for row in rows[1:]}
    assert values["Nouvelles personnes accompagnées", month_label(this_month().date())] == "6"


def test_statistics_csv_neutralises_names_from_the_catalogue(client, agent, data):
    data["module"].operators.set([OperatorFactory(name="@Organisme piégé", slug="piege")])
    data["module"].save()
    client.force_login(agent)
    rows = read_csv(client.get(STATISTICS_CSV))
    assert ["Modules terminés par organisme", "'@Organisme piégé", "< 3"] in rows


# Query budget ------------------------------------------------------------------------------------------------------


def grow(structure, other_structure, catalogue, factor):
    """`factor` × (3 residents, 2 modules with operators and themes, completions, quizzes, attendances)."""
    competences = list(Competence.objects.order_by("code")[:4])
    workshop = Workshop.objects.create(structure=structure, title=f"Atelier {factor}")
    other_workshop = Workshop.objects.create(structure=other_structure, title=f"Atelier B {factor}")
    for batch in range(factor):
        operator = OperatorFactory(name=f"Organisme {factor}-{batch}", slug=f"organisme-{factor}-{batch}")
        modules = [
            with_themes(
                ModulePageFactory(parent=catalogue),
                operators=[operator],
                competences=competences[index::2],
                exclusion=exclusion,
            )
            for index, exclusion in enumerate(ExclusionType.values)
        ]
        quiz = QuizPageFactory(parent=modules[0])
        for number in range(3):
            resident = ResidentFactory()
            StructureLinkFactory(resident=resident, structure=structure)
            outsider = ResidentFactory()
            StructureLinkFactory(resident=outsider, structure=other_structure)
            for person in (resident, outsider):
                for module in modules:
                    complete(person, module, last_month() if number else this_month())
                    Assignment.objects.create(module=module, resident=person, structure=structure)
                attempt(person, quiz, this_month())
            attend(workshop, resident, bool(number))
            attend(other_workshop, outsider, True)


@pytest.mark.parametrize("factor", [1, 10])
@pytest.mark.parametrize("url", [STATISTICS, STATISTICS_CSV, PROGRESS_CSV])
def test_query_budget_does_not_grow_with_the_data(
    client, agent, structure, other_structure, catalogue, django_assert_max_num_queries, factor, url
):
    grow(structure, other_structure, catalogue, factor)
    client.force_login(agent)
    client.get(url)  # warm the per-site caches (settings, footer)
    with django_assert_max_num_queries(25):
        response = client.get(url)
    assert response.status_code == 200
    if url == STATISTICS:
        assert response.context["stats"].accompanied == 3 * factor
        assert sum(response.context["stats"].modules_completed) == 6 * factor

"""« Mes données »: the download, deleting one's account, an agent erasing a resident, and the coverage of both."""

import csv
import datetime
import io
import json
import smtplib
import uuid
import zipfile

from django.apps import apps
from django.conf import settings
from django.contrib.messages import get_messages
from django.contrib.sessions.models import Session
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from accounts.models import AccessCard, StructureLink, User
from assessments.models import Answer, DiagnosticResult, QuizAttempt
from cms.models import Operator, Procedure
from followup.models import Assignment, Attendance, AutonomyRecord, ResidentNote, Workshop, WorkshopSession
from learning.models import ModuleProgress, PageProgress
from privacy import erasure, export, retention
from tests.accounts.factories import MembershipFactory, ResidentFactory, StructureLinkFactory
from tests.assessments.factories import QuizPageFactory

pytestmark = pytest.mark.django_db

AGENT_NAME = "Bernadette Conseillère"


@pytest.fixture
def followed(resident, structure, module, tutorial):
    """A resident with something in every table, recorded by a named agent of the structure."""
    structure.email = "accueil@plateau.example"
    structure.save()
    agent = MembershipFactory(structure=structure, user__display_name=AGENT_NAME, user__username="bernadette").user
    now = timezone.now()
    PageProgress.objects.create(user=resident, page=tutorial, done_step_ids=["a"], status="in_progress")
    ModuleProgress.objects.create(user=resident, module=module, percent=50, status="in_progress", last_activity_at=now)
    quiz = QuizPageFactory(parent=module, title="Quiz ameli")
    attempt = QuizAttempt.objects.create(
        user=resident, quiz=quiz, idempotency_key=uuid.uuid4(), submitted_at=now, score=0.8, passed=True
    )
    Answer.objects.create(attempt=attempt, question_id="q-single", response="1", credit=1, correct=True)
    DiagnosticResult.objects.create(user=resident, levels={"4.2": 2}, equipment_gaps=["no_scanner"], recorded_by=agent)
    Assignment.objects.create(module=module, resident=resident, structure=structure, assigned_by=agent)
    workshop = Workshop.objects.create(structure=structure, title="Atelier du mardi", facilitator=agent)
    workshop.members.add(resident)
    session = WorkshopSession.objects.create(workshop=workshop, date=now.date(), start_time="14:00")
    Attendance.objects.create(session=session, resident=resident, present=True, recorded_by=agent)
    procedure = Procedure.objects.create(
        operator=Operator.objects.create(name="CAF", slug="caf"), title="Déclarer ses ressources", slug="caf-dtr"
    )
    AutonomyRecord.objects.create(
        resident=resident, structure=structure, procedure=procedure, level="alone", date=now.date(), recorded_by=agent
    )
    ResidentNote.objects.create(resident=resident, structure=structure, author=agent, text="Vient le mardi.")
    AccessCard.objects.create(resident=resident, code_hash="HASH-DU-CODE", qr_token_hash="HASH-DU-QR", issued_by=agent)
    return resident


@pytest.fixture
def someone_else(structure):
    person = ResidentFactory(username="zoe-autre", display_name="Zoé Autre")
    StructureLinkFactory(resident=person, structure=structure)
    ResidentNote.objects.create(resident=person, structure=structure, text="Note sur une autre personne.")
    return person


def download(client, user):
    client.force_login(user)
    response = client.get(reverse("my_data_download"))
    assert response.status_code == 200
    return response, zipfile.ZipFile(io.BytesIO(response.content))


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for name in ("my_data", "my_data_download", "delete_account"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "next=" in response["Location"], name


def test_my_data_explains_what_is_kept(client, resident):
    client.force_login(resident)
    content = client.get(reverse("my_data")).content.decode()
    assert "notes de suivi de la structure" in content
    assert reverse("my_data_download") in content and reverse("delete_account") in content


def test_the_download_holds_everything_about_the_person_and_nothing_else(client, followed, someone_else):
    response, archive = download(client, followed)
    assert response["Content-Disposition"].startswith('attachment; filename="mes-donnees-')
    assert "no-store" in response["Cache-Control"]
    data = json.loads(archive.read("donnees.json"))
    assert data["compte"]["nom_utilisateur"] == "amina"
    assert data["structures"][0]["structure"] == "Maison du Plateau"
    assert data["progression_pages"][0]["page"] == "Préparer ses documents"
    assert data["progression_modules"][0]["avancement_pourcent"] == 50
    assert data["essais_quiz"][0]["quiz"] == "Quiz ameli" and data["essais_quiz"][0]["score_pourcent"] == 80
    assert data["reponses_quiz"][0]["question"] == "q-single"
    assert data["resultats_faire_le_point"][0]["niveaux"] == {"4.2": 2}
    assert data["modules_assignes"][0]["module"] == "Créer son compte ameli"
    assert data["ateliers"] == [{"atelier": "Atelier du mardi", "structure": "Maison du Plateau"}]
    assert data["presences"][0]["present"] is True
    assert data["autonomie"][0]["demarche"] == "Déclarer ses ressources"
    assert data["notes_de_suivi"][0] == {
        "structure": "Maison du Plateau",
        "note": "Vient le mardi.",
        "ecrite_le": data["notes_de_suivi"][0]["ecrite_le"],
    }
    assert len(data["cartes_de_connexion"]) == 1
    timezone.datetime.fromisoformat(data["structures"][0]["consentement_le"])

    everything = b"".join(archive.read(name) for name in archive.namelist()).decode("utf-8")
    for secret in ("HASH-DU-CODE", "HASH-DU-QR", followed.password, "pbkdf2", "argon2"):
        assert secret not in everything
    for other in (AGENT_NAME, "bernadette", "Zoé Autre", "zoe-autre", "Note sur une autre personne"):
        assert other not in everything

    for name in data:
        if isinstance(data[name], list) and data[name]:
            raw = archive.read(f"{name}.csv").decode("utf-8")
            assert raw.startswith("\ufeff"), name
            rows = list(csv.reader(io.StringIO(raw.lstrip("\ufeff")), delimiter=";"))
            assert rows[0] == list(data[name][0]) and len(rows) == len(data[name]) + 1, name
    assert "amina" in archive.read("compte.csv").decode("utf-8")


def test_deleting_needs_the_right_username(client, followed):
    client.force_login(followed)
    response = client.post(reverse("delete_account"), {"username": "quelquun"})
    assert response.status_code == 400
    assert "Ce n&#x27;est pas le bon nom d&#x27;utilisateur" in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert User.objects.filter(pk=followed.pk).exists()


def test_deleting_my_account_erases_everything_tells_the_structure_and_signs_out(client, followed, mailoutbox):
    pk = followed.pk
    client.force_login(followed)
    assert client.get(reverse("delete_account")).status_code == 200
    response = client.post(reverse("delete_account"), {"username": "AMINA"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["Votre compte a été supprimé."]
    assert not User.objects.filter(pk=pk).exists()
    for model, field in ((PageProgress, "user"), (QuizAttempt, "user"), (Assignment, "resident")):
        assert not model.objects.filter(**{f"{field}_id": pk}).exists()
    assert not Answer.objects.exists() and not StructureLink.objects.filter(resident_id=pk).exists()
    assert [message.to for message in mailoutbox] == [["accueil@plateau.example"]]
    assert "amina" in mailoutbox[0].body
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("my_data")).status_code == 302


def test_a_failing_mail_server_does_not_stop_the_deletion(client, followed, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise smtplib.SMTPException("down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    client.force_login(followed)
    response = client.post(reverse("delete_account"), {"username": "amina"})
    assert response.status_code == 302 and not User.objects.filter(username="amina").exists()


def test_an_agent_erases_a_resident_of_their_structure(client, agent, followed, mailoutbox):
    client.force_login(agent)
    url = reverse("agent_erase_resident", args=[followed.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"username": "autre"}).status_code == 400
    assert User.objects.filter(pk=followed.pk).exists()
    response = client.post(url, {"username": "amina"})
    assert response.status_code == 302 and response["Location"] == reverse("agent:residents")
    assert not User.objects.filter(pk=followed.pk).exists()
    assert len(mailoutbox) == 1


def test_an_agent_of_another_structure_gets_404_and_a_resident_403(client, other_structure, followed, someone_else):
    outsider = MembershipFactory(structure=other_structure).user
    client.force_login(outsider)
    url = reverse("agent_erase_resident", args=[followed.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"username": "amina"}).status_code == 404
    client.force_login(someone_else)
    assert client.post(url, {"username": "amina"}).status_code == 403
    assert User.objects.filter(pk=followed.pk).exists()


def user_fields():
    """{"app.Model.field": (model, field)} for every relation to the user model declared on a concrete model."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    found = {}
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.get_fields():
            relation = isinstance(field, (models.ForeignKey, models.ManyToManyField))  # OneToOne is a ForeignKey
            if relation and field.related_model is user_model and field.model is model:
                found[f"{model._meta.label}.{field.name}"] = (model, field)
    return found


def test_every_model_pointing_to_users_is_exported_and_erased(client, followed, someone_else):
    fields = user_fields()
    missing = sorted(set(fields) - set(export.EXPORTED) - set(export.EXEMPT))
    assert not missing, f"Export these in privacy/export.py, or exempt them with a reason: {missing}"
    assert not set(export.EXPORTED) & set(export.EXEMPT)
    assert all(reason.strip() for reason in export.EXEMPT.values())
    exported = set(export.export_data(followed))
    assert set(export.EXPORTED.values()) <= exported

    pk = followed.pk
    erasure.erase_user(followed)
    assert set(export.EXPORTED) <= set(fields), "EXPORTED names a field that does not exist"
    for key in export.EXPORTED:
        model, field = fields[key]
        if isinstance(field, models.ForeignKey):
            assert not model._default_manager.filter(**{field.attname: pk}).exists(), key
    assert User.objects.filter(pk=someone_else.pk).exists()
    assert ResidentNote.objects.filter(resident=someone_else).exists()


def test_deleting_my_account_ends_my_sessions_on_other_devices(client, followed):
    other_device = Client()
    other_device.force_login(followed)
    key = other_device.session.session_key
    client.force_login(followed)
    client.post(reverse("delete_account"), {"username": "amina"})
    assert not Session.objects.filter(session_key=key).exists()
    assert other_device.get(reverse("my_data")).status_code == 302


def test_an_anonymised_account_keeps_no_session(resident):

    device = Client()
    device.force_login(resident)
    key = device.session.session_key
    long_ago = timezone.now() - datetime.timedelta(days=3 * 365)
    User.objects.filter(pk=resident.pk).update(email=None, last_login=long_ago, date_joined=long_ago)
    assert retention.run().anonymised == 1
    assert not Session.objects.filter(session_key=key).exists()

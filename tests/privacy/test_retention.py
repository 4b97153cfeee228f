"""Retention of inactive residents (purge_inactive), and the daily tasks that run it and the audit purge."""

import datetime
import smtplib
import uuid
import zoneinfo

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from accounts.models import AccessCard, StructureLink, User
from assessments.models import QuizAttempt
from followup.models import AuditEntry, ResidentNote, Workshop
from learning.models import ModuleProgress, PageProgress
from privacy import retention, tasks
from tests.accounts.factories import ProfessionalFactory, ResidentFactory, StructureLinkFactory
from tests.assessments.factories import QuizPageFactory

pytestmark = pytest.mark.django_db

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
NOW = datetime.datetime(2026, 11, 26, 10, 0, tzinfo=datetime.UTC)


def ago(**kwargs):
    return NOW - datetime.timedelta(**kwargs)


def resident_last_seen(when, *, email=None, **extra):
    user = ResidentFactory(email=email, **extra)
    User.objects.filter(pk=user.pk).update(last_login=when, date_joined=when - datetime.timedelta(days=1))
    user.refresh_from_db()
    return user


# Pure date arithmetic ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        (datetime.datetime(2026, 11, 26, 10, tzinfo=datetime.UTC), 24, datetime.datetime(2024, 11, 26, 10)),
        (datetime.datetime(2026, 3, 31, 8, tzinfo=datetime.UTC), 1, datetime.datetime(2026, 2, 28, 8)),
        (datetime.datetime(2026, 2, 28, 8, tzinfo=datetime.UTC), 24, datetime.datetime(2024, 2, 28, 8)),
        (datetime.datetime(2026, 1, 15, 8, tzinfo=datetime.UTC), 13, datetime.datetime(2024, 12, 15, 8)),
        (datetime.datetime(2024, 2, 29, 8, tzinfo=datetime.UTC), 12, datetime.datetime(2023, 2, 28, 8)),
        (datetime.datetime(2024, 12, 31, 8, tzinfo=datetime.UTC), -2, datetime.datetime(2025, 2, 28, 8)),
    ],
)
def test_months_before_counts_calendar_months(moment, months, expected):
    assert retention.months_before(moment, months) == expected.replace(tzinfo=datetime.UTC)


def test_next_run_is_the_next_maintenance_hour_in_local_time(settings):
    settings.MAINTENANCE_HOUR = 3
    assert tasks.next_run(datetime.datetime(2026, 11, 26, 1, 0, tzinfo=PARIS)) == datetime.datetime(
        2026, 11, 26, 3, 0, tzinfo=PARIS
    )
    assert tasks.next_run(datetime.datetime(2026, 11, 26, 3, 0, tzinfo=PARIS)) == datetime.datetime(
        2026, 11, 27, 3, 0, tzinfo=PARIS
    )
    assert tasks.next_run(datetime.datetime(2026, 12, 31, 22, 0, tzinfo=PARIS)) == datetime.datetime(
        2027, 1, 1, 3, 0, tzinfo=PARIS
    )


# Who is warned, who is anonymised -----------------------------------------------------------------------------------


def test_a_resident_with_an_address_is_warned_once_thirty_days_before(mailoutbox):
    due = resident_last_seen(ago(days=730 - 20), email="amina@example.fr", username="amina")
    resident_last_seen(ago(days=300), email="recent@example.fr")

    outcome = retention.run(now=NOW)

    assert (outcome.warned, outcome.anonymised) == (1, 0)
    assert [message.to for message in mailoutbox] == [["amina@example.fr"]]
    body = mailoutbox[0].body
    assert "amina" in body and "/comptes/login/" in body and "rendu anonyme" in body
    due.refresh_from_db()
    assert due.inactivity_warning_sent_at == NOW and due.anonymised_at is None
    assert retention.run(now=NOW + datetime.timedelta(days=1)).warned == 0
    assert len(mailoutbox) == 1


def test_the_warning_gives_at_least_the_notice_period_as_deadline(mailoutbox):
    resident_last_seen(ago(days=800), email="late@example.fr")
    retention.run(now=NOW)
    # Past the limit already but never warned: the account stays for 30 more days, and the mail says so.
    assert "26 décembre 2026" in mailoutbox[0].body
    assert User.objects.filter(anonymised_at__isnull=False).count() == 0


def test_a_resident_without_address_is_anonymised_at_the_limit_and_not_before(structure, module, tutorial):
    kept = resident_last_seen(ago(days=700))
    gone = resident_last_seen(ago(days=740), username="sans-adresse", display_name="Jean Sans-Adresse")
    StructureLinkFactory(resident=gone, structure=structure)
    workshop = Workshop.objects.create(structure=structure, title="Atelier du mardi")
    workshop.members.add(gone)
    ResidentNote.objects.create(resident=gone, structure=structure, text="Habite rue des Lilas.")
    AccessCard.objects.create(resident=gone, code_hash="h", qr_token_hash="q")
    PageProgress.objects.create(user=gone, page=tutorial, done_step_ids=["a"], status="in_progress")
    ModuleProgress.objects.create(user=gone, module=module, percent=50, status="in_progress", last_activity_at=NOW)
    quiz = QuizPageFactory(parent=module)
    QuizAttempt.objects.create(user=gone, quiz=quiz, idempotency_key=uuid.uuid4(), submitted_at=NOW, score=1)

    outcome = retention.run(now=NOW)

    assert outcome.anonymised == 1
    gone.refresh_from_db()
    assert gone.username == f"anonyme~{gone.pk}"
    assert (gone.display_name, gone.first_name, gone.last_name, gone.phone, gone.email) == ("", "", "", "", None)
    assert not gone.is_active and not gone.has_usable_password() and gone.anonymised_at == NOW
    assert not ResidentNote.objects.filter(resident=gone).exists()
    assert not AccessCard.objects.filter(resident=gone).exists()
    assert not workshop.members.filter(pk=gone.pk).exists()
    assert not StructureLink.objects.active().filter(resident=gone).exists()
    # Anonymous learning rows stay, for the structure's statistics.
    assert PageProgress.objects.filter(user=gone).count() == 1
    assert ModuleProgress.objects.filter(user=gone).count() == 1
    assert QuizAttempt.objects.filter(user=gone).count() == 1
    kept.refresh_from_db()
    assert kept.anonymised_at is None and kept.is_active


def test_an_anonymised_resident_disappears_from_the_agents_list(client, agent, structure):
    gone = resident_last_seen(ago(days=740), username="disparu", display_name="Paul Disparu")
    StructureLinkFactory(resident=gone, structure=structure)
    client.force_login(agent)
    assert "Paul Disparu" in client.get(reverse("agent:residents")).text
    retention.run(now=NOW)
    page = client.get(reverse("agent:residents")).text
    assert "Paul Disparu" not in page and "anonyme~" not in page


def test_a_warned_resident_is_anonymised_only_after_the_notice_period(mailoutbox):
    user = resident_last_seen(ago(days=720), email="amina@example.fr")
    retention.run(now=NOW)
    assert retention.run(now=NOW + datetime.timedelta(days=29)).anonymised == 0
    assert retention.run(now=NOW + datetime.timedelta(days=30)).anonymised == 1
    user.refresh_from_db()
    assert user.email is None and user.anonymised_at is not None


def test_signing_in_after_the_warning_keeps_the_account(client, mailoutbox, password):
    user = resident_last_seen(ago(days=720), email="amina@example.fr", username="amina")
    retention.run(now=NOW)
    client.post(reverse("account_login"), {"login": "amina", "password": password})
    user.refresh_from_db()
    assert user.last_login > NOW
    assert retention.run(now=NOW + datetime.timedelta(days=60)).anonymised == 0
    assert User.objects.get(pk=user.pk).anonymised_at is None


def test_a_failing_mail_server_delays_but_does_not_prevent_anonymisation(monkeypatch, caplog):
    def refuse(self, *args, **kwargs):
        raise smtplib.SMTPException("down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    user = resident_last_seen(ago(days=720), email="amina@example.fr")
    outcome = retention.run(now=NOW)
    assert (outcome.warned, outcome.warning_failed, outcome.anonymised) == (0, 1, 0)
    assert User.objects.get(pk=user.pk).inactivity_warning_sent_at is None
    # 30 days past the limit without any notice able to go out: the retention limit still applies.
    assert retention.run(now=NOW + datetime.timedelta(days=45)).anonymised == 1


def test_professionals_and_already_anonymised_accounts_are_left_alone(mailoutbox):
    agent = ProfessionalFactory(email="agent@example.fr")
    User.objects.filter(pk=agent.pk).update(last_login=ago(days=2000))
    resident_last_seen(ago(days=2000))
    assert retention.run(now=NOW).anonymised == 1
    assert retention.run(now=NOW).anonymised == 0
    assert User.objects.get(pk=agent.pk).anonymised_at is None and not mailoutbox


def test_a_never_used_account_counts_from_its_registration():
    user = ResidentFactory(email=None)
    User.objects.filter(pk=user.pk).update(last_login=None, date_joined=ago(days=800))
    assert retention.run(now=NOW).anonymised == 1


# The command --------------------------------------------------------------------------------------------------------


def test_the_command_reports_and_a_dry_run_changes_nothing(capsys, mailoutbox):
    resident_last_seen(timezone.now() - datetime.timedelta(days=900))
    resident_last_seen(timezone.now() - datetime.timedelta(days=720), email="amina@example.fr")

    call_command("purge_inactive", "--dry-run")
    assert "Simulation : 1 avertissement(s) envoyé(s), 1 compte(s) rendu(s) anonyme(s)" in capsys.readouterr().out
    assert not mailoutbox and not User.objects.filter(anonymised_at__isnull=False).exists()

    call_command("purge_inactive")
    assert "1 avertissement(s) envoyé(s), 1 compte(s) rendu(s) anonyme(s)" in capsys.readouterr().out
    assert len(mailoutbox) == 1 and User.objects.filter(anonymised_at__isnull=False).count() == 1


# The daily tasks ----------------------------------------------------------------------------------------------------


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {**settings.TASKS, "maintenance": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def waiting(task):
    return DBTaskResult.objects.filter(task_path=task.module_path, status="READY")


def test_schedule_maintenance_books_each_daily_task_once(database_tasks, capsys):
    call_command("schedule_maintenance")
    call_command("schedule_maintenance")

    for daily_task in tasks.DAILY_TASKS:
        booked = waiting(daily_task).get()
        assert timezone.localtime(booked.run_after).hour == 3
        assert booked.run_after > timezone.now()
    assert "prochaine exécution" in capsys.readouterr().out


def test_a_daily_task_books_its_next_run_when_it_runs(database_tasks):
    resident_last_seen(timezone.now() - datetime.timedelta(days=900))
    result = tasks.purge_inactive_residents.call()
    assert result == {"warned": 0, "warning_failed": 0, "anonymised": 1}
    assert waiting(tasks.purge_inactive_residents).count() == 1
    tasks.purge_inactive_residents.call()
    assert waiting(tasks.purge_inactive_residents).count() == 1


def test_a_queued_daily_task_is_one_the_database_worker_accepts_and_runs(database_tasks, structure):
    old = AuditEntry.objects.create(structure=structure, action="view")
    AuditEntry.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=400))
    tasks.purge_audit_journal.enqueue()

    # What db_worker does with a queued row (running the command itself here would close the test's connection):
    # resolve the stored path to a built-in django.tasks Task (it refuses anything else), then run it.
    queued = DBTaskResult.objects.get(task_path=tasks.purge_audit_journal.module_path)
    DBTaskResult.objects.filter(pk=queued.pk).update(status="RUNNING")  # the worker claims it first
    assert queued.task.call() == {"deleted": 1}

    assert not AuditEntry.objects.filter(pk=old.pk).exists()
    next_run = waiting(tasks.purge_audit_journal).get().run_after
    assert timezone.now() < next_run <= timezone.now() + datetime.timedelta(days=1)


def test_with_the_immediate_backend_nothing_is_booked_and_enqueueing_runs_at_once(capsys):
    resident_last_seen(timezone.now() - datetime.timedelta(days=900))
    call_command("schedule_maintenance")
    assert "utilisez cron" in capsys.readouterr().out
    tasks.purge_inactive_residents.enqueue()
    assert User.objects.filter(anonymised_at__isnull=False).count() == 1

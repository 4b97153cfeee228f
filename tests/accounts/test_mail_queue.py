"""Email through a queue: with the mail server down, nothing answers 500 and nothing is lost.

The outage is real: the "delivery" mailer is Django's SMTP backend pointed at a closed port. Then a small SMTP
server of our own comes up on another port, and `send_pending_emails` sends what waited.
"""

import datetime
import io
import socket
import socketserver
import threading

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from accounts import mail
from accounts.models import OutgoingEmail, User
from tests.accounts.factories import ResidentFactory


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def smtp_mailers(port):
    return {
        "default": {"BACKEND": "accounts.mail.QueuedEmailBackend"},
        "delivery": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False, "timeout": 3},
        },
    }


class SmtpHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP for smtplib: greets, accepts one message per DATA, keeps what it received."""

    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 test ESMTP")
        while line := self.rfile.readline():
            command = line.decode().strip().upper()
            if command.startswith(("EHLO", "HELO")):
                self.reply("250 test")
            elif command == "DATA":
                self.reply("354 go on")
                data = []
                while (part := self.rfile.readline()) not in (b".\r\n", b""):
                    data.append(part)
                self.server.received.append(b"".join(data).decode())
                self.reply("250 queued")
            elif command == "QUIT":
                self.reply("221 bye")
                return
            else:  # MAIL FROM, RCPT TO, RSET, NOOP
                self.reply("250 ok")


@pytest.fixture
def smtp_server():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), SmtpHandler)
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def queued(settings):
    """The queue as configured outside tests (Django's test set-up swaps every mailer for its outbox)."""
    settings.MAILERS = {
        "default": {"BACKEND": "accounts.mail.QueuedEmailBackend"},
        "delivery": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"},
    }


@pytest.fixture
def mail_server_down(settings):
    settings.MAILERS = smtp_mailers(free_port())  # nothing listens there


def test_the_delay_between_attempts_grows_and_stays_bounded():
    delays = [mail.retry_delay(attempt) for attempt in range(1, mail.MAX_ATTEMPTS + 1)]
    assert delays[0] == datetime.timedelta(minutes=1) and delays[1] == datetime.timedelta(minutes=2)
    assert delays == sorted(delays) and max(delays) == datetime.timedelta(hours=6)
    assert sum(delays, datetime.timedelta()) > datetime.timedelta(days=1)


def test_sign_up_with_email_works_while_the_mail_server_is_down_and_the_mail_goes_out_after(
    client, home_page, mail_server_down, settings, smtp_server
):
    response = client.post(
        reverse("account_signup"),
        {
            "username": "lucie",
            "email": "lucie@exemple.fr",
            "password1": "un-mot-de-passe-long",
            "password2": "un-mot-de-passe-long",
            "display_name": "Lucie",
        },
    )
    assert response.status_code == 302
    assert User.objects.filter(username="lucie").exists()
    waiting = OutgoingEmail.objects.get()
    assert waiting.sent_at is None and waiting.attempts == 1
    assert "ConnectionRefusedError" in waiting.last_error
    assert waiting.message["to"] == ["lucie@exemple.fr"]

    settings.MAILERS = smtp_mailers(smtp_server.server_address[1])  # the mail server is back
    out = io.StringIO()
    call_command("send_pending_emails", stdout=out)
    assert "0 courriel(s) envoyé(s)" in out.getvalue()  # not due yet: the next attempt is in a minute
    mail.send_pending(now=timezone.now() + datetime.timedelta(minutes=2))
    waiting.refresh_from_db()
    assert waiting.sent_at is not None
    assert len(smtp_server.received) == 1 and "lucie@exemple.fr" in smtp_server.received[0]


def test_password_reset_and_inviting_an_agent_never_answer_500_when_the_mail_server_is_down(
    client, home_page, mail_server_down, manager, structure
):
    ResidentFactory(username="amina", email="amina@exemple.fr")
    response = client.post(reverse("account_reset_password"), {"email": "amina@exemple.fr"})
    assert response.status_code == 302
    client.force_login(manager)
    response = client.post(
        reverse("agent:team"),
        {"display_name": "Nora Kaci", "email": "nora@exemple.fr", "structure": structure.pk, "mode": "invite"},
    )
    assert response.status_code == 302
    assert User.objects.filter(email="nora@exemple.fr").exists()
    assert OutgoingEmail.objects.pending().count() == 2


def test_a_message_is_given_up_after_the_last_attempt_with_an_error_in_the_log(mail_server_down, db, caplog):
    EmailMessage("Objet", "Texte", to=["lucie@exemple.fr"]).send()
    queued = OutgoingEmail.objects.get()
    now = timezone.now()
    for _ in range(mail.MAX_ATTEMPTS):
        now += datetime.timedelta(hours=7)
        mail.send_pending(now=now)
    queued.refresh_from_db()
    assert queued.abandoned_at is not None and queued.attempts == mail.MAX_ATTEMPTS
    assert any("given up" in record.getMessage() and record.levelname == "ERROR" for record in caplog.records)


def test_html_alternatives_and_headers_survive_the_queue(db, queued, mailoutbox):
    message = EmailMultiAlternatives(
        "Objet", "Texte", to=["a@exemple.fr"], cc=["b@exemple.fr"], headers={"X-Cle": "1"}
    )
    message.attach_alternative("<p>Texte</p>", "text/html")
    message.send()
    sent = mailoutbox[0]
    assert (sent.subject, sent.body, sent.to, sent.cc) == ("Objet", "Texte", ["a@exemple.fr"], ["b@exemple.fr"])
    assert sent.alternatives[0][0] == "<p>Texte</p>" and sent.extra_headers["X-Cle"] == "1"
    assert OutgoingEmail.objects.get().sent_at is not None


def test_sent_messages_are_forgotten_after_a_week(db, queued, mailoutbox):
    EmailMessage("Objet", "Texte", to=["a@exemple.fr"]).send()
    assert len(mailoutbox) == 1 and OutgoingEmail.objects.get().sent_at is not None
    mail.send_pending(now=timezone.now() + datetime.timedelta(days=8))
    assert not OutgoingEmail.objects.exists()

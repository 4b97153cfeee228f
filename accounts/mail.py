"""Outgoing email through a queue: an SMTP outage never fails a request and never loses a message.

`QueuedEmailBackend` is the "default" mailer (config/settings): it stores each message (accounts.OutgoingEmail) and
enqueues its delivery on the "maintenance" task backend. Delivery uses the "delivery" mailer (SMTP in production).
When it fails, the message stays queued with the error and a next attempt after a growing delay; `manage.py
send_pending_emails` (cron, or the worker's retry) sends what is due. After MAX_ATTEMPTS it is given up, logged as
an error. With the immediate task backend (development, tests) delivery is tried at once, in the request.
"""

import datetime
import logging

from django.core.mail import EmailMultiAlternatives, mailers
from django.core.mail.backends.base import BaseEmailBackend
from django.tasks import task, task_backends
from django.utils import timezone

from accounts.models import OutgoingEmail

logger = logging.getLogger(__name__)

DELIVERY_MAILER = "delivery"
TASK_BACKEND = "maintenance"
MAX_ATTEMPTS = 12
KEEP_SENT = datetime.timedelta(days=7)


def retry_delay(attempts):
    """Minutes before the next attempt: 1, 2, 4 … up to 6 hours (12 attempts span about two days)."""
    return datetime.timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))


def serialise(message):
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(key): str(value) for key, value in (message.extra_headers or {}).items()},
        "alternatives": [[str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])],
    }


def rebuild(data, connection=None):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        connection=connection,
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    return message


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            queued = OutgoingEmail.objects.create(message=serialise(message))
            deliver_email.enqueue(queued.pk)
            count += 1
        return count


def deliver(queued, *, now=None):
    """Try to send one queued message; True when it went out. Never raises for a delivery failure."""
    now = now or timezone.now()
    try:
        with mailers[DELIVERY_MAILER] as connection:
            rebuild(queued.message, connection).send()
    except Exception as error:  # SMTP refusals, a closed port, a timeout, a TLS failure: all mean « later »
        queued.attempts += 1
        queued.last_error = f"{type(error).__name__}: {error}"[:2000]
        if queued.attempts >= MAX_ATTEMPTS:
            queued.abandoned_at = now
            logger.error("Email %s given up after %s attempts: %s", queued.pk, queued.attempts, queued.last_error)
        else:
            queued.next_attempt_at = now + retry_delay(queued.attempts)
            logger.warning("Email %s not sent (attempt %s), kept for later: %s", queued.pk, queued.attempts, error)
        queued.save(update_fields=["attempts", "last_error", "next_attempt_at", "abandoned_at"])
        _book_retry(queued)
        return False
    queued.attempts += 1
    queued.sent_at = now
    queued.save(update_fields=["attempts", "sent_at"])
    return True


def _book_retry(queued):
    backend = task_backends[TASK_BACKEND]
    if queued.abandoned_at is None and backend.supports_defer:
        deliver_email.using(run_after=queued.next_attempt_at).enqueue(queued.pk)


@task(backend=TASK_BACKEND)
def deliver_email(pk):
    queued = OutgoingEmail.objects.pending().filter(pk=pk).first()
    return bool(queued and deliver(queued))


def send_pending(*, now=None):
    """Send every message that is due; forget sent ones after KEEP_SENT. Returns (sent, still waiting)."""
    now = now or timezone.now()
    sent = sum(deliver(queued, now=now) for queued in OutgoingEmail.objects.due(now).order_by("pk"))
    OutgoingEmail.objects.filter(sent_at__lt=now - KEEP_SENT).delete()
    return sent, OutgoingEmail.objects.pending().count()
